"""What one goes somewhere to do: the doer of a purpose noun in ل.

News tells a trip with its aim: «وصل الرئيس إلى الدوحة للمشاركة في القمة»، «في زيارة
للأردن لبحث الأزمة وللمشاركة في المؤتمر». The aim's verbal noun has no doer of its own;
it is who travels (the subject of the verb of going, or the visitor of the visit). What
one goes to do is still to come (:func:`kg.extract.modality._purpose`).
"""

from __future__ import annotations

from ..model import Sentence
from .arguments import subjects
from .coref import ent_of
from .state import AGENTIVE, PLACES, Doc
from .tree import Tree

#: Relations of verbs of going somewhere (وصل، توجه، عاد، حط، زار): what one goes there
#: to do, in ل (وصل الرئيس للمشاركة في القمة، توجه للقاء نظيره), is done by who goes.
TRAVEL = frozenset({"arrivedIn", "visited"})


def purpose_doer(d: Doc, s: Sentence, tree: Tree, n: int) -> str | None:
    """Who goes somewhere to do what noun n in ل names: the subject of a verb of going
    (وصل الرئيس إلى الدوحة للمشاركة في القمة), or the visitor of the visit it is the
    purpose of (في زيارة للأردن لبحث الأزمة وللمشاركة في المؤتمر: the genitive of
    زيارة, else the subject of the verb the visit hangs on). Not so for دعا إلى المشاركة.

    >>> from kg import build
    >>> g = build(texts=["وصل الرئيس الموريتاني إلى الجزائر للمشاركة في القمة العربية."])
    >>> [(f.subject, f.object, f.modality) for f in g.facts(modality="*") if f.relation == "participatedIn"]
    [('الرئيس الموريتاني', 'القمة العربية', 'planned')]
    """
    if tree.case(n) != "ل":
        return None
    anchor = tree.tok(n).head
    while anchor and tree.base_rel(n) == "conj" and tree.case(anchor) == "ل":
        n, anchor = anchor, tree.tok(anchor).head  # لبحث الأزمة وللمشاركة: as لبحث
    if not anchor:
        return None
    verb = anchor
    if tree.tok(anchor).upos == "NOUN":
        entry = d.lex.noun(tree.tok(anchor).lemma)
        if entry is None or entry.relation != "visited":
            return None
        for j in tree.children(anchor, "nmod"):
            key = None if tree.has_case(j) else ent_of(d, s, tree, j)
            if key is not None and d.ent(key).cls in AGENTIVE - PLACES:
                return d.find(key)  # زيارة الرئيس لبحث
        verb = tree.tok(anchor).head
    entry = d.lex.verb(tree.tok(verb).lemma) if verb else None
    if entry is None or entry.relation not in TRAVEL or tree.tok(verb).upos != "VERB":
        return None
    keys, _ = subjects(d, s, tree, verb, False)
    return keys[0] if keys else None
