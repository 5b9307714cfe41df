"""Affiliation and backing read off a participle on a noun: X تابع/مرتبط/منتم لـ Y (X is
affiliated with Y: مستودعات تابعة لحزب الله, ثلاثة أشخاص مرتبطين بحركة الشباب) and X
مدعوم من Y (Y supports X: جماعات مدعومة من إيران). Not موال (loyal to): who backs whom
it leaves open.

>>> from kg import build
>>> g = build(texts=["قصفت الطائرات مستودعات تابعة لحزب الله."])
>>> [(f.subject, f.relation, f.object) for f in g.facts(relation="affiliatedWith")]
[('مستودعات تابعة لحزب الله', 'affiliatedWith', 'حزب الله')]
>>> g = build(texts=["هاجمت جماعات مدعومة من إيران القاعدة."])
>>> [(f.subject, f.relation, f.object) for f in g.facts(relation="supports")]
[('إيران', 'supports', 'جماعات مدعومة')]
"""

from __future__ import annotations

from ..lexicon import relations as lexmod
from ..model import Sentence
from ..text import normalize
from .arguments import expand
from .confidence import PREPOSITION
from .coref import ent_of
from .state import Doc
from .tree import Tree

#: Participles of belonging, with the preposition they take: their noun is affiliated with
#: the preposition's object.
AFFILIATED = {
    normalize("تابع"): ("ل",),
    normalize("مرتبط"): ("ب",),
    normalize("منتم"): ("ل", "الي"),
    normalize("منتمي"): ("ل", "الي"),
}
#: Participles of backing (مدعوم من Y): Y supports their noun.
BACKED = frozenset({normalize("مدعوم")})


#: What one may be affiliated with or backed by: a body, a country or a person.
AFFILIATES = frozenset({"Organization", "Group", "Country", "Person"})


def read_affiliations(d: Doc, s: Sentence, tree: Tree) -> None:
    """affiliatedWith and supports facts of the sentence's participles of belonging."""
    for t in s.tokens:
        k = lexmod.key(t.lemma)
        if k not in AFFILIATED and k not in BACKED:
            continue
        h = t.head
        if not h or tree.tok(h).upos not in ("NOUN", "PROPN", "NUM"):
            continue
        if t.deprel not in ("amod", "nmod", "acl"):
            continue
        cases = AFFILIATED.get(k, ("من",))
        # its phrase: on the participle, or (as parses hang it) on its noun right after it
        pps = [j for j in tree.children(t.id, "nmod", "obl") if tree.case(j) in cases] or [
            j
            for j in tree.children(h, "nmod")
            if j > t.id and tree.case(j) in cases and _right_after(tree, t.id, j)
        ]
        if not pps:
            continue
        holder = ent_of(d, s, tree, _construct_head(tree, h))
        for x in expand(d, s, tree, pps[0]):
            other = ent_of(d, s, tree, x)
            if other is None or d.ent(other).cls not in AFFILIATES:
                continue  # الدفع المرتبط بالأداء: pay linked to performance, no body
            if k in BACKED:
                d.fact(other, "supports", holder, s, tree, [t.id, x], PREPOSITION, k)
            else:
                d.fact(holder, "affiliatedWith", other, s, tree, [t.id, x], PREPOSITION, k)


def _right_after(tree: Tree, p: int, j: int) -> bool:
    """Whether the phrase of j starts right after token p (its preposition next)."""
    first = min(tree.subtree(j))
    return first == p + 1


def _construct_head(tree: Tree, h: int) -> int:
    """The first noun of the construct h ends (مستودعات أسلحة تابعة: the depots)."""
    while tree.rel(h) == "nmod" and not tree.has_case(h) and tree.tok(h).upos == "NOUN":
        up = tree.tok(h).head
        if not up or tree.tok(up).upos != "NOUN" or up > h:
            break
        h = up
    return h


def speaks_for(d: Doc, key: str) -> str:
    """The body a spokesperson speaks for, else the entity itself: what a spokesperson
    announces having been done, the body did (أعلن المتحدث باسم الشرطة اعتقال 30 شخصا:
    the police arrested them).

    >>> from kg import build
    >>> g = build(texts=["أعلن المتحدث باسم الشرطة العقيد سامي النجار اعتقال 30 شخصا."])
    >>> [(f.subject, f.object) for f in g.facts() if f.relation == "arrested"]
    [('الشرطة', '30 شخصا')]
    """
    a = d.find(key)
    for f in d.facts:
        if f.relation == "spokespersonOf" and d.find(f.subject) == a:
            return d.find(f.object)
    return a
