"""Whose «بلاده» is it when no verb of speech frames it: the subject of the clause.

«وأكد دعم بلاده للحوار»: the possessive sits in an argument of the verb (its object or a
prepositional object, through any genitives) and stands for that verb's subject, the one
who speaks or acts, not a counterpart named between them (اتصالا مع نظيره الإسباني).
A verb with a dropped subject takes the subject of the verb it is coordinated with.

>>> from kg import build
>>> g = build(texts=["أجرى وزير الخارجية المصري كريم منصور اتصالا هاتفيا مع نظيره الفرنسي، وأكد دعم بلاده للحوار."])
>>> sorted({f.subject for f in g.facts() if f.relation == "supports"})
['مصر']
"""

from __future__ import annotations

from .tree import Tree

#: Relations that keep a noun inside the argument of the verb above it.
_NOMINAL = frozenset({"nmod", "nmod:poss", "obj", "obl", "obl:arg"})

#: How many heads up from the noun the verb may be (genitives in between).
_REACH = 5


def clause_subjects(tree: Tree, i: int) -> list[int]:
    """The subject tokens of the verb whose nominal argument holds token i, nearest first;
    its coordinated verb's subjects when its own is dropped; none past a clause boundary."""
    cur = i
    for _ in range(_REACH):
        h = tree.tok(cur).head
        if not h or tree.rel(cur) not in _NOMINAL:
            return []
        if tree.tok(h).upos == "VERB":
            if tree.rel(cur) not in ("obj", "obl", "obl:arg"):
                return []
            subs = tree.children(h, "nsubj")
            if subs:
                return subs
            up = tree.tok(h).head
            if tree.rel(h) == "conj" and up and tree.tok(up).upos == "VERB":
                return tree.children(up, "nsubj")
            return []
        cur = h
    return []
