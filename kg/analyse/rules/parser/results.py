"""«، ما أسفر عن …»: ما after a comma opening a result clause.

After a clause and a comma, ما with a verb right after it (انفجرت سيارة في السوق، ما أسفر
عن مقتل عشرة أشخاص; ارتفعت الأسعار، ما دفع الحكومة إلى …) refers to what the clause before
says, as مما does: it is the subordinator of an adverbial clause, never a noun phrase
(no entity "ما …" comes of it). Not ما زال/ما دام (still, as long as), where ما belongs to
the verb.
"""

from __future__ import annotations

from ....text import normalize
from .frames import Frame, current_head
from .phrases import Unit
from .words import COMMAS, W

#: Verbs that ما before them joins into one phrase (ما زال: still; ما دام: as long as).
_WITH_MA = frozenset(normalize(w) for w in "زال يزال دام برح يبرح انفك ينفك".split())


def result_ma(
    ws: list[W], units: list[Unit], idx: int, prev: Unit | None, stack: list[Frame]
) -> bool:
    """Whether the ما of unit ``idx`` opens a result clause: a comma before it, a clause
    with its predicate before that, and a verb right after it.

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.read import from_strings
    >>> text = "ضرب زلزال قوي المنطقة، ما أسفر عن مقتل عشرة أشخاص."
    >>> s = RulesAnalyser().analyse(next(from_strings([text]))).sentences[0]
    >>> [(t.form, t.upos, t.deprel, t.head) for t in s.tokens if t.form in ("ما", "أسفر")]
    [('ما', 'SCONJ', 'mark', 7), ('أسفر', 'VERB', 'advcl', 1)]
    """
    if prev is None or prev.kind != "PUNCT" or ws[prev.head].form not in COMMAS:
        return False
    if idx + 1 >= len(units) or current_head(stack) < 0:
        return False
    nxt = units[idx + 1]
    v = ws[nxt.head]
    return nxt.kind == "V" and v.upos == "VERB" and normalize(v.form) not in _WITH_MA
