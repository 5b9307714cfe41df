"""A phrase set off by two commas between a verb's subject and its object.

«حث الوزير، خلال لقائه نظيره الفرنسي، المجتمع الدولي على التحرك»: the words between
the commas are an adjunct of the verb (a prepositional phrase, with what its verbal noun
or a relative clause takes), and the noun phrase after the second comma is the verb's
object. The clause pass reads the noun phrase right after the verbal noun (نظيره) as the
verb's object and the one after the comma as a loose oblique; this pass gives the bare
noun phrases inside the commas to the adjunct and the first one after it to the verb.
"""

from __future__ import annotations

from .words import COMMAS, W, reattach, time_like, under

#: Relations of a bare noun phrase that the clause pass gave the verb.
_ARGUMENTS = ("obj", "obl", "iobj")
#: The longest adjunct between the commas, in tokens.
_LONGEST = 16


def parenthetical_adjuncts(ws: list[W]) -> None:
    """Give the verb its object after an adjunct set off by commas.

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.read import from_strings
    >>> text = "حث الوزير، خلال لقائه نظيره الفرنسي، المجتمع الدولي على التحرك."
    >>> s = RulesAnalyser().analyse(next(from_strings([text]))).sentences[0]
    >>> [(t.form, t.deprel, t.head) for t in s.tokens if t.form in ("نظير", "المجتمع")]
    [('نظير', 'nmod', 5), ('المجتمع', 'obj', 1)]
    """
    for v in ws:
        if v.upos == "VERB" and v.head != v.i:
            _after_verb(ws, v.i)


def _after_verb(ws: list[W], verb: int) -> None:
    subj = [w.i for w in ws if w.head == verb and w.deprel.startswith("nsubj") and w.i > verb]
    if not subj:
        return
    open_ = _next_comma(ws, subj[0] + 1, limit=8)
    if open_ is None or not all(under(ws, k, verb) for k in range(verb + 1, open_)):
        return
    if any(_other_argument(ws, verb, k) for k in range(verb + 1, open_)):
        return  # the verb took an argument before the comma: not a subject then a parenthesis
    close = _next_comma(ws, open_ + 1, limit=_LONGEST)
    if close is None or close + 1 >= len(ws) or ws[open_ + 1].upos != "ADP":
        return
    inside = range(open_ + 1, close)
    if any(ws[k].upos == "VERB" and ws[k].head == verb for k in inside):
        return  # a clause of the verb's own, not an adjunct
    adjunct = [k for k in inside if ws[k].head == verb and _has_case(ws, k)]
    after = close + 1
    if (
        not adjunct
        or ws[after].head != verb
        or ws[after].deprel not in _ARGUMENTS
        or ws[after].upos not in ("NOUN", "PROPN")
        or _has_case(ws, after)
        or time_like(ws[after])  # في بيان، الأحد، ...: a time, not the object
    ):
        return
    host = adjunct[0]
    for k in inside:
        w = ws[k]
        if w.head == verb and w.deprel in _ARGUMENTS and not _has_case(ws, k) and k != host:
            reattach(ws, k, _noun_before(ws, host, k), "obj" if ws[host].vnoun else "nmod")
    reattach(ws, after, verb, "obj")


def _next_comma(ws: list[W], start: int, limit: int) -> int | None:
    for k in range(start, min(len(ws), start + limit)):
        if ws[k].form in COMMAS:
            return k
    return None


def _has_case(ws: list[W], k: int) -> bool:
    """Whether token k heads a prepositional phrase (a preposition word or clitic on it)."""
    return any(w.head == k and w.deprel == "case" for w in ws)


def _other_argument(ws: list[W], verb: int, k: int) -> bool:
    """Whether token k, a word of its own (not a pronoun suffix or a clitic), is a
    dependent of the verb other than its subject."""
    w = ws[k]
    return (
        w.head == verb
        and not w.deprel.startswith("nsubj")
        and w.deprel not in ("punct", "flat", "appos")
        and w.upos not in ("PRON", "CCONJ", "ADP", "PUNCT")
    )


def _noun_before(ws: list[W], host: int, k: int) -> int:
    """The noun inside the adjunct that takes the bare noun phrase k: the last verbal noun
    before it, else the adjunct's head."""
    for j in range(k - 1, host - 1, -1):
        if ws[j].vnoun and ws[j].upos == "NOUN":
            return j
    return host
