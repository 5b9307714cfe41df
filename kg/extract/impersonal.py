"""Action nouns that are the subject of an impersonal verb (تم, جرى): the verb's
prepositional phrase may be the noun's object (تم الاتفاق بين X و Y على Z: the parse
hangs على Z on تم), and a doer told after من قبل / من طرف is the noun's agent.

    >>> from kg import build
    >>> g = build(texts=["تم الاتفاق بين الحكومة والنقابة على زيادة الأجور."])
    >>> sorted((f.subject, f.relation, f.object) for f in g.facts() if f.relation == "agreed")
    [('الحكومة', 'agreed', 'زيادة الأجور'), ('النقابة', 'agreed', 'زيادة الأجور')]
"""

from __future__ import annotations

from ..lexicon import relations as lexmod
from ..model import Sentence
from .arguments import expand
from .coref import ent_of
from .state import Doc
from .suffered import doer_by
from .tree import Tree
from .words import IMPERSONAL


def impersonal_verb(tree: Tree, n: int) -> int:
    """The impersonal verb (تم, جرى) whose subject the noun n is, or 0 (after أنه the
    parse may make the noun its object: أنه تم الاتفاق)."""
    h = tree.tok(n).head
    if (
        h
        and tree.base_rel(n) in ("nsubj", "nsubj:pass", "obj")
        and tree.tok(h).upos in ("VERB", "AUX")
        and lexmod.key(tree.tok(h).lemma) in IMPERSONAL
    ):
        return h
    return 0


def impersonal_objects(
    d: Doc, s: Sentence, tree: Tree, n: int, entry: lexmod.Entry
) -> list[tuple[str, int]]:
    """The objects of the action noun n taken from its impersonal verb's phrases after it
    whose preposition the noun takes (تم الاتفاق ... على زيادة الأجور), or none."""
    v = impersonal_verb(tree, n)
    if not v:
        return []
    return [
        (key, x)
        for j in tree.children(v, "obl")
        if j > n and tree.case(j).split(" ")[0] in entry.preps
        for x in expand(d, s, tree, j)
        if (key := ent_of(d, s, tree, x))
    ]


def passive_doer(
    d: Doc, s: Sentence, tree: Tree, n: int, objs: list[tuple[str, int]]
) -> str | None:
    """The doer of the action noun n told after من قبل / من طرف on it (or on its
    impersonal verb), when it is none of its objects: تم الاعتداء على الحارس من قبل مجهولين.

    >>> from kg import build
    >>> g = build(texts=["تم الاعتداء على مراقب الأسعار من قبل تاجر."])
    >>> [(f.subject, f.object) for f in g.facts() if f.relation == "targeted"]
    [('تاجر', 'مراقب الأسعار')]
    """
    by = doer_by(d, s, tree, n)
    v = impersonal_verb(tree, n)
    if by is None and v:
        by = doer_by(d, s, tree, v)
    if by is None or by[0] in {d.find(o) for o, _ in objs}:
        return None
    return by[0]
