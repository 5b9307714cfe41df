"""Appointments and elections: who was named to what.

A verb or noun of appointing or electing (عين, انتخب, كلف, سمى, تعيين, انتخاب) takes a
predicative title besides its object: the post the appointee takes (عينه رئيسا للحكومة,
انتخب البرلمان X رئيسا, تعيين X كمدرب عام). The title is not whom the appointer named:
``predicative_titles`` gives the fact steps its tokens to leave out of the objects, and
``position_facts`` writes holdsPosition for each appointee.

The post is no second person elected, and the appointee holds it:

>>> from kg import build
>>> g = build(texts=["انتخب البرلمان سليم الجبوري رئيسا له."])
>>> [(f.subject, f.relation, f.object, f.confidence) for f in g.facts()]
[('البرلمان', 'elected', 'سليم الجبوري', 0.9), ('سليم الجبوري', 'holdsPosition', 'رئيسا', 0.75)]
"""

from __future__ import annotations

from ..model import Sentence
from ..text import normalize
from .confidence import TASKED_LEADER, TITLE_PREDICATIVE
from .coref import ent_of
from .phrases import title_of
from .state import TITLED, Doc
from .titles import predicative_body
from .tree import Tree

#: Relations of appointing: their predicative title is the appointee's new post.
APPOINTING = frozenset({"appointed", "elected"})
#: Prepositions a predicative title may take (تعيين X كمدرب: "as a coach").
TITLE_CASES = frozenset({"", "ك"})
#: Verbal nouns of leading what one is charged with (كلفه بتشكيل الحكومة، برئاسة اللجنة):
#: the appointee is to lead the body after them.
TO_LEAD = frozenset(normalize(w) for w in ("تشكيل", "رئاسة", "قيادة"))


def predicative_titles(d: Doc, s: Sentence, tree: Tree, head: int) -> list[int]:
    """The title tokens that say what the appointee of an appointing verb or noun becomes:
    title words among its dependents, bare (رئيسا) or after ك (كمدرب), when something
    else is the appointee (عين الرئيس وزيرا جديدا: the new minister is whom he named)."""
    deps = tree.children(head, "obj", "obl", "xcomp", "nmod", "advcl")
    posts = [
        k
        for k in deps
        if tree.case(k) in TITLE_CASES
        and not _definite(tree, k)  # رئيسا, كمدرب; not الجنرال X, the appointee
        and title_of(tree, k)
        and d.token_ent.get((s.index, k))
    ]
    others = [
        k for k in deps if k not in posts and not tree.has_case(k) and k < max(posts, default=0)
    ]
    return posts if others else []


#: Nouns of doing again that govern an appointing noun (إعادة انتخاب, إعادة تعيين).
AGAIN = frozenset(normalize(w) for w in "إعادة اعادة".split())


def titles_after(d: Doc, s: Sentence, tree: Tree, n: int) -> list[int]:
    """The predicative title of an appointing noun that the parse hung on the verb
    governing the noun, right after the noun's phrase (أصدر مرسوما بتعيين X وزيرا
    للخارجية, قام بتعيين X وزيرا)."""
    h = tree.tok(n).head
    if not h or (tree.tok(h).upos != "VERB" and normalize(tree.tok(h).form) not in AGAIN):
        return []  # (إعادة انتخاب X رئيسا: the title hung on إعادة)
    end = max(tree.subtree(n))
    return [
        k
        for k in tree.children(h, "obj", "obl", "xcomp", "advcl")
        if min(tree.subtree(k)) == end + 1
        and tree.case(k) in TITLE_CASES
        and not _definite(tree, k)
        and title_of(tree, k)
        and d.token_ent.get((s.index, k))
    ]


def _definite(tree: Tree, k: int) -> bool:
    return tree.feat(k, "Definite") == "Def" or normalize(tree.tok(k).form).startswith("ال")


def position_facts(
    d: Doc,
    s: Sentence,
    tree: Tree,
    head: int,
    titles: list[int],
    appointees: list[tuple[str, int]],
) -> None:
    """Each appointee holds the post its predicative title names."""
    for t in titles[:1]:
        post = d.token_ent.get((s.index, t))
        for who, wi in appointees:
            if d.ent(who).cls in ("Person", "Thing"):
                d.fact(who, "holdsPosition", post, s, tree, [head, t, wi], TITLE_PREDICATIVE)
                if d.ent(who).cls == "Person":  # أمينا عاما للحزب: he leads the party
                    predicative_body(d, s, tree, t, who)


def tasked_leaders(
    d: Doc, s: Sentence, tree: Tree, head: int, appointees: list[tuple[str, int]]
) -> None:
    """كلفه بتشكيل الحكومة، كلف X برئاسة اللجنة: the appointee leads the body he is
    charged with heading, or is to lead the one he is charged with forming (``leaderOf``,
    planned: see :data:`kg.extract.modality.FORMING`).

    >>> from kg import build
    >>> g = build(texts=["كلف الرئيس العراقي وزير الداخلية بتشكيل الحكومة الجديدة."])
    >>> [(f.subject, f.object, f.modality) for f in g.facts(modality="*") if f.object != "العراق"]
    [('الرئيس العراقي', 'وزير الداخلية', 'asserted'), ('وزير الداخلية', 'الحكومة الجديدة', 'planned')]
    """
    for j in tree.children(head, "obl", "nmod"):
        if tree.case(j) != "ب" or normalize(tree.tok(j).form) not in TO_LEAD:
            continue
        for g in tree.children(j, "nmod"):
            body = ent_of(d, s, tree, g) if not tree.has_case(g) else None
            for who, wi in appointees if body is not None else []:
                if d.ent(who).cls in ("Person", "Thing"):
                    d.fact(who, "leaderOf", body, s, tree, [j, g, wi], TASKED_LEADER)
            break


#: Facts naming what a person holds or leads, in order: the office or body a
#: resignation leaves.
OFFICES = ("holdsPosition", "leaderOf")


def office_left(d: Doc, tree: Tree, n: int, agent: str | None) -> list[tuple[str, int]]:
    """قدم الوزير استقالته (إلى الملك): with no office named after من, the office left is
    the last one the resigner was said to hold, or for one known only by a title
    (استقال وزير المالية) that title's office."""
    if agent is None:
        return []
    key = d.find(agent)
    for rel in OFFICES:
        for f in reversed(d.facts):
            if f.relation == rel and d.find(f.subject) == key:
                return [(d.find(f.object), n)]
    office = key.removeprefix(TITLED)  # استقال وزير المالية: known by the title alone
    if office != key and office in d.ents and d.ent(office).cls == "Position":
        return [(d.find(office), n)]
    return []
