"""Cases filed with a court against someone: «رفعت X دعوى لدى المحكمة ضد Y».

A phrase the parse hangs on the court (لدى/أمام المحكمة ضد Y) belongs to the case noun
(دعوى, شكوى: lexicon rows with the preposition ضد); the one who filed it takes the noun's
relation (accused Y), and the court gets none (:func:`kg.extract.nouns.prep_facts` skips it).
"""

from __future__ import annotations

from ..model import Sentence
from .arguments import expand
from .confidence import PREPOSITION
from .coref import ent_of
from .nouns import BEFORE_A_COURT, support_doers, support_verb
from .state import Doc
from .tree import Tree


def filed_against(d: Doc, s: Sentence, tree: Tree, j: int) -> None:
    """«دعوى لدى محكمة العدل الدولية ضد X»: a phrase the parse hangs on the court a case is
    filed with belongs to the case (the court does not fight X); the filer of the noun it
    is the object of takes that noun's relation (رفعت الدوحة دعوى ...: accused X).

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
        (n, e)
        for n in nouns
        if n != court and tree.tok(n).upos == "NOUN"
        for e in [d.lex.noun(tree.tok(n).lemma)]
        if e is not None and tree.case(j) in e.preps
    ]
    if not found:
        return
    g, entry = found[0]
    v = support_verb(d, tree, g)
    for doer in support_doers(d, s, tree, v) if v else []:
        for x in expand(d, s, tree, j):
            obj = ent_of(d, s, tree, x)
            if obj is not None:
                d.fact(doer, entry.relation, obj, s, tree, [g, x], PREPOSITION, tree.case(j))
