"""Events' place and time: the last fact reading of each sentence.

Reads the events the sentence mentions and the clause each takes part in (its
predicate, the event noun itself, its relative clauses); writes ``location`` for a place
under في or ب (or على in the event's relative clause: السيول التي هطلت على جدة) (في العاصمة السعودية الرياض: the name after a designator) and
``pointInTime`` for a time expression.
"""

from __future__ import annotations

from ..model import Sentence
from .confidence import EVENT_PLACE_TIME
from .state import PLACES, Doc
from .tree import Tree
from .words import PLACE_CASES

#: Prepositions that put an event on a place in its own relative clause (السيول التي
#: هطلت على جدة, الغارات التي شنت على المدينة), besides في and ب.
ON_CASES = frozenset({"علي"})


def event_place_time(d: Doc, s: Sentence, tree: Tree) -> None:
    """Place and time of the events a sentence talks about."""
    events: dict[str, int] = {}
    for (si, tid), key in d.token_ent.items():
        if si == s.index and d.ent(key).cls == "Event":
            events.setdefault(d.find(key), tid)
    for key, tid in events.items():
        for hh in _event_clause(tree, tid):
            cases = (
                PLACE_CASES | ON_CASES if tree.tok(hh).head == tid and hh != tid else PLACE_CASES
            )
            _place_time(d, s, tree, key, hh, cases)


def _event_clause(tree: Tree, tid: int) -> list[int]:
    """The clause an event takes part in: the event noun, its predicate, its relative
    clauses."""
    heads = [tid]
    h = tree.tok(tid).head
    if h and tree.tok(h).upos in ("VERB", "AUX"):
        heads.append(h)
    for acl in tree.children(tid, "acl:relcl", "acl"):
        heads.append(acl)
    return heads


def _place_time(
    d: Doc, s: Sentence, tree: Tree, key: str, hh: int, cases: frozenset[str] = PLACE_CASES
) -> None:
    """For each oblique of head hh, the first place (under ``cases``: في, ب) or time it
    names: the event's location or point in time."""
    for j in tree.children(hh, "obl", "nmod", "obl:tmod"):
        # the place itself, or its name after a designator (في العاصمة السعودية الرياض)
        for k in [j, *tree.children(j, "appos", "flat", "nmod")]:
            jk = d.token_ent.get((s.index, k))
            if jk is None:
                continue
            e = d.ent(jk)
            if e.cls in PLACES and tree.case(j) in cases:
                d.fact(key, "location", jk, s, tree, [hh, k], EVENT_PLACE_TIME)
                break
            if e.cls == "TimeExpression":
                d.fact(key, "pointInTime", jk, s, tree, [hh, k], EVENT_PLACE_TIME)
                break
