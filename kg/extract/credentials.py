"""Credentials: an ambassador presents them, a head of state receives them.

«تسلم الرئيس أوراق اعتماد سفير اليابان» and «قدم السفير أوراق اعتماده إلى الرئيس» tell
one act from its two ends: the one who takes the papers receives the envoy whose
credentials they are (``received``), whichever of the two the verb has for subject. The
papers are no object of their own, and the envoy receives nobody.

>>> from kg import build
>>> g = build(texts=["قدم السفير الياباني أوراق اعتماده إلى الرئيس التونسي."])
>>> [(f.subject, f.relation, f.object) for f in g.facts(relation="received")]
[('الرئيس التونسي', 'received', 'السفير الياباني')]
"""

from __future__ import annotations

from ..lexicon import relations as lexmod
from ..model import Sentence
from ..text import normalize
from .coref import ent_of
from .phrases import strip_al
from .state import Doc, Predicate
from .tree import Tree

#: Verbs of taking the papers (تسلم، تلقى، استلم): their subject receives the envoy.
TAKING = frozenset(normalize(w) for w in "تسلم تلقى استلم تقبل".split())
#: Verbs of handing them over (قدم، سلم، رفع): their subject is the envoy, the one after
#: إلى or ل receives him.
GIVING = frozenset(normalize(w) for w in "قدم سلم رفع".split())
#: The papers (أوراق، وثائق) and the word that makes them credentials (اعتماد).
PAPERS = frozenset(normalize(w) for w in "ورق ورقة أوراق وثيقة وثائق".split())
CREDENCE = normalize("اعتماد")
#: Prepositions of whom the papers are handed to.
TO = frozenset(normalize(w) for w in "إلى ل".split())


def credentials(d: Doc, s: Sentence, tree: Tree, p: Predicate) -> list[tuple[str, int]] | None:
    """The envoys of a verb of taking or handing over credentials, with the predicate's
    subjects turned into their receivers and its relation into ``received``; None when
    the verb is of another kind or has no credentials for object."""
    verb = lexmod.key(tree.tok(p.v).lemma)
    if verb not in TAKING | GIVING:
        return None
    credence = _credence(tree, p.v)
    if credence is None:
        return None
    if verb in TAKING:
        envoys = _named(d, s, tree, tree.children(credence, "nmod", "nmod:poss"))
    else:
        envoys = [(k, credence) for k in p.subjects]
        heads = [p.v, credence, tree.tok(credence).head]
        p.subjects = [k for k, _ in _named(d, s, tree, _to_whom(tree, heads))]
    p.rel, p.entry = "received", None
    return envoys


def _credence(tree: Tree, v: int) -> int | None:
    """The word اعتماد of the verb's object «أوراق اعتماد ...», or None."""
    for o in tree.children(v, "obj"):
        if strip_al(lexmod.key(tree.tok(o).lemma)) not in PAPERS:
            continue
        for c in tree.children(o, "nmod"):
            if not tree.case(c) and strip_al(lexmod.key(tree.tok(c).lemma)) == CREDENCE:
                return c
    return None


def _to_whom(tree: Tree, heads: list[int]) -> list[int]:
    """The phrases in إلى or ل on the verb or the papers' phrase: whom they go to."""
    return [j for h in heads for j in tree.children(h, "obl", "nmod") if tree.case(j) in TO]


def _named(d: Doc, s: Sentence, tree: Tree, toks: list[int]) -> list[tuple[str, int]]:
    """The entities the tokens refer to (not a pronoun of no one)."""
    out = []
    for j in toks:
        key = ent_of(d, s, tree, j) if tree.tok(j).upos != "PRON" else None
        if key is not None:
            out.append((key, j))
    return out
