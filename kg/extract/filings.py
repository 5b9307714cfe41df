"""Cases filed with a court against someone: «رفعت X دعوى لدى المحكمة ضد Y».

A ضد phrase the parse hangs on the court (لدى/أمام المحكمة ضد Y) belongs to the case noun
(دعوى, شكوى); the one who filed the case with the court accused Y, and the court gets no
fact (:func:`kg.extract.nouns.prep_facts` skips it).
"""

from __future__ import annotations

from ..model import Sentence
from ..text import normalize, strip_diacritics
from .arguments import expand
from .confidence import PREPOSITION
from .coref import ent_of
from .nouns import BEFORE_A_COURT, support_doers, support_verb
from .phrases import strip_al
from .state import Doc
from .tree import Tree

#: Nouns of a case filed with a court (lemmas without diacritics, normalised).
CASE_NOUNS = frozenset(normalize(w) for w in "دعوى شكوى".split())
#: The preposition of whom a case is against.
AGAINST = normalize("ضد")


def filed_against(d: Doc, s: Sentence, tree: Tree, j: int) -> None:
    """«دعوى لدى محكمة العدل الدولية ضد X»: a phrase the parse hangs on the court a case is
    filed with belongs to the case (the court does not fight X): who filed the case (the
    subject of its verb of filing: رفع, أودع, قدم, تقدم ب) accused X.

    >>> from kg import build
    >>> g = build(texts=["رفعت النقابة دعوى لدى المحكمة الإدارية ضد وزارة العمل."])
    >>> [(f.subject, f.relation, f.object) for f in g.facts() if f.object == "وزارة العمل"]
    [('النقابة', 'accused', 'وزارة العمل')]
    """
    court = tree.tok(j).head
    if not court or tree.case(court) not in BEFORE_A_COURT or tree.case(j) == "":
        return
    g = tree.tok(court).head
    if not g:
        return
    # the case noun: the court's governor, or the object of the verb the court hangs on
    nouns = [g] if tree.tok(g).upos == "NOUN" else tree.children(g, "obj", "obl")
    found = [
        n
        for n in nouns
        if n != court
        and tree.tok(n).upos == "NOUN"
        and strip_al(normalize(strip_diacritics(tree.tok(n).lemma))) in CASE_NOUNS
    ]
    if not found or tree.case(j) != AGAINST:
        return
    g = found[0]
    v = support_verb(d, tree, g)
    for doer in support_doers(d, s, tree, v) if v else []:
        for x in expand(d, s, tree, j):
            obj = ent_of(d, s, tree, x)
            if obj is not None:
                d.fact(doer, "accused", obj, s, tree, [g, x], PREPOSITION, tree.case(j))
