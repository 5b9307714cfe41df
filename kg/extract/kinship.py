"""Kinship: a son known by his father (نجل الملك, نجله) is the son the document names.

News names a ruler's or a politician's son by his kinship first (عين الملك نجله سفيرا,
نجل الرئيس) and by his own name later, an Arabic name that carries his father's (خالد بن
سلمان: Khalid, son of Salman). After the document is read, ``resolve_sons`` joins each
mention of a son (نجل with its father as genitive or possessive pronoun) to the one person
the document names as that father's son (بن or ابن and one of the father's names); with
no such person, or more than one, the mention stays as it was.

>>> from kg import build
>>> g = build(texts=["عين الملك فيصل نجله قائدا للحرس. وقال القصر إن الأمير حمزة بن فيصل تسلم مهامه."])
>>> sorted({f.object for f in g.facts() if f.relation == "appointed"})
['حمزة بن فيصل']
"""

from __future__ import annotations

from ..lexicon.words import titles
from ..model import Sentence
from ..text import normalize
from .coref import pronoun
from .phrases import bare_word
from .state import Doc
from .tree import Tree

#: Words for a son that take his father as their genitive or pronoun (نجل الملك, نجله).
SON_WORDS = frozenset(normalize(w) for w in "نجل".split())
#: Particles that put a father's name in a son's (خالد بن سلمان).
SON_OF = frozenset(normalize(w) for w in "بن ابن".split())


def note_fathers(d: Doc, s: Sentence, tree: Tree) -> None:
    """نجله: the person the possessive pronoun of a son word refers to, resolved while the
    sentence is read (the father of the son the pronoun's owner named)."""
    for t in s.tokens:
        if bare_word(t.form) not in SON_WORDS:
            continue
        for k in tree.children(t.id, "nmod", "nmod:poss"):
            if tree.tok(k).upos == "PRON" and tree.tok(k).start == t.end:
                who = pronoun(d, s, tree, k)
                if who is not None and d.ent(who).cls == "Person":
                    d.fathers[(s.index, t.id)] = who


def resolve_sons(d: Doc) -> None:
    """Join every mention of a son (نجل X, نجله) to the person named as X's son."""
    for s in d.analysed.sentences:
        if not any(bare_word(t.form) in SON_WORDS for t in s.tokens):
            continue
        tree = Tree(s)
        for t in s.tokens:
            if bare_word(t.form) not in SON_WORDS:
                continue
            son = d.token_ent.get((s.index, t.id))
            father = _father(d, s.index, tree, t.id)
            if son is None or father is None or d.ent(son).proper:
                continue
            named = _named_son(d, father, son)
            if named is not None:
                d.merge(named, son)


def _father(d: Doc, si: int, tree: Tree, i: int) -> str | None:
    """The person whose son token i names: its genitive (نجل الملك سلمان), or its pronoun
    suffix (نجله), as the earlier steps resolved them."""
    if (si, i) in d.fathers:
        return d.find(d.fathers[(si, i)])
    for c in tree.children(i, "nmod"):
        for k in (c, *tree.children(c, "appos", "flat")):
            key = d.token_ent.get((si, k))
            if key is not None and d.ent(key).cls == "Person":
                return d.find(key)
    return None


def _named_son(d: Doc, father: str, son: str) -> str | None:
    """The one person of the document whose name says he is the father's son (a name of
    the father after بن or ابن), other than the father and the son mention."""
    words = {
        w
        for n in d.ent(father).names
        for w in (normalize(x) for x in n.split())
        if len(w) > 2 and not w.startswith("ال") and w not in titles() and w not in SON_OF
    }
    if not words:
        return None
    found = set()
    for key, e in d.ents.items():
        key = d.find(key)
        if key in (d.find(father), d.find(son)) or e.cls != "Person" or not e.proper:
            continue
        for n in e.names:
            ws = [normalize(x) for x in n.split()]
            if any(a in SON_OF and b in words for a, b in zip(ws[1:], ws[2:], strict=False)):
                found.add(key)
    return found.pop() if len(found) == 1 else None
