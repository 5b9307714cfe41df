"""Level 3 of the parser, its record: clauses as frames.

A :class:`Frame` is a clause being built while the clause pass reads the units left to
right: what opened it (its marker: أن, حيث, الذي, a quotation mark), what it hangs on, its
predicate, subject and object, and the phrases seen before its predicate came. This
module holds the frame and what happens when a predicate arrives or a frame closes: the
phrases waiting before the predicate become its subject and obliques
(:func:`take_pending`), the predicate hangs on the parent with the frame's relation
(:func:`attach_frame_head`), a clause without a verb finds its predicate
(:func:`verbless`), and a relative pronoun takes the slot its clause leaves open.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .phrases import NP_KINDS, Unit
from .words import W, attach, has_suffix, reattach, time_like


@dataclass
class Frame:
    """A clause being built."""

    kind: str  # main, ccomp, advcl, relcl, conj, quote, parataxis
    parent: int  # token index of the governing head (or -1)
    marker: int = -1
    pred: int = -1
    subj: int = -1
    obj: int = -1
    pending: list[Unit] = field(default_factory=list)  # phrases before the predicate
    units: list[Unit] = field(default_factory=list)  # phrases attached to the predicate
    coord_first: dict[int, int] = field(default_factory=dict)  # conjunct -> first conjunct
    quote_close: str = ""
    last_arg: int = -1  # the latest subject or object: what إضافة إلى X adds to
    rel_subject: bool = False  # the relative pronoun holds the subject slot (tentatively)
    shared_subject: bool = False  # a coordinated verb that shares the first verb's subject
    purpose: bool = False  # ل + imperfect: a purpose clause (ليلتقي)
    shared_gender: str = ""  # the gender of the subject it shares
    hal: int = -1  # a circumstantial participle (داعيا الطرفين إلى ...)
    hal_last: int = -1  # and the last token of its phrase
    fronted: list[int] = field(default_factory=list)  # adverbial clauses before its predicate


#: The relation of a clause's predicate to its parent, by the kind of frame.
_FRAME_DEPREL = {
    "ccomp": "ccomp",
    "advcl": "advcl",
    "relcl": "acl:relcl",
    "conj": "conj",
    "quote": "ccomp",
    "parataxis": "parataxis",
}


def current_head(stack: list[Frame]) -> int:
    """What a new dependent of the innermost clause hangs on: its predicate, or its first
    waiting phrase; else the same for the clause around it."""
    for f in reversed(stack):
        if f.pred >= 0:
            return f.pred
        if f.pending:
            return f.pending[0].head
    return -1


def nearest_predicate(stack: list[Frame]) -> int:
    """The predicate of the innermost clause that has one."""
    for f in reversed(stack):
        if f.pred >= 0:
            return f.pred
    return -1


def attach_frame_head(ws: list[W], f: Frame) -> None:
    """Hang the clause's predicate on its parent (the main clause's is the root), and its
    marker (أن, حيث, the opening quotation mark) on the predicate."""
    if f.pred < 0:
        return
    if f.kind == "main":
        ws[f.pred].head = -1
        ws[f.pred].deprel = "root"
        return
    if f.parent < 0:
        return
    reattach(ws, f.pred, f.parent, _FRAME_DEPREL[f.kind])
    if f.marker >= 0 and ws[f.marker].upos != "PUNCT" and ws[f.marker].tag != "rel":
        attach(ws, f.marker, f.pred, "mark")
    if f.kind == "quote" and f.marker >= 0:
        attach(ws, f.marker, f.pred, "punct")


def take_pending(ws: list[W], f: Frame) -> None:
    """Phrases seen before the predicate: the first bare noun phrase is the subject.

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.read import from_strings
    >>> def parsed(text):  # (form, deprel, head id) of each token of the first sentence
    ...     s = RulesAnalyser().analyse(next(from_strings([text]))).sentences[0]
    ...     return [(t.form, t.deprel, t.head) for t in s.tokens]
    >>> parsed("الحكومة قررت رفع الأسعار.")
    [('الحكومة', 'nsubj', 2), ('قررت', 'root', 0), ('رفع', 'obj', 2), ('الأسعار', 'nmod', 3),
     ('.', 'punct', 2)]
    """
    for pu in f.pending:
        if pu.kind == "NP" and f.subj < 0 and not time_like(ws[pu.head]):
            f.subj = pu.head
            f.last_arg = pu.head
            attach(ws, pu.head, f.pred, "nsubj")
        elif pu.kind in NP_KINDS:
            attach(ws, pu.head, f.pred, _oblique(ws, pu))
        else:
            attach(ws, pu.head, f.pred, "advmod" if pu.kind in ("ADV", "PART") else "dep")
        f.units.append(pu)
    f.pending = []


def _oblique(ws: list[W], u: Unit) -> str:
    if u.kind == "NP" and time_like(ws[u.head]):
        return "obl:tmod"
    return "obl"


# ---------------------------------------------------------------- closing


def close(ws: list[W], stack: list[Frame], until_quote: bool = False) -> None:
    """Close the innermost clause (``until_quote``: every clause up to and including the
    innermost quotation)."""
    while len(stack) > 1:
        f = stack.pop()
        _close_frame(ws, f)
        if not until_quote or f.kind == "quote":
            return


def _close_frame(ws: list[W], f: Frame) -> None:
    if f.pred < 0:
        verbless(ws, f)
        if f.pred < 0:
            return
        attach_frame_head(ws, f)
    elif f.pending:
        take_pending(ws, f)
    if f.kind == "relcl" and f.marker >= 0 and ws[f.marker].tag == "rel":
        _relative_pronoun_slot(ws, f)


def _relative_pronoun_slot(ws: list[W], f: Frame) -> None:
    """The relative pronoun takes the slot the clause leaves open: its subject, or (with a
    subject of its own and no resumptive pronoun) its object."""
    if f.subj < 0 or f.subj == f.marker:
        subj = "nsubj:pass" if "Voice=Pass" in ws[f.pred].feats else "nsubj"
        reattach(ws, f.marker, f.pred, subj)
    elif f.obj < 0 and not has_suffix(ws, f.pred):
        reattach(ws, f.marker, f.pred, "obj")
    else:
        reattach(ws, f.marker, f.pred, "dep")


def close_main(ws: list[W], f: Frame) -> None:
    """Close the main clause at the end of the sentence."""
    if f.pred < 0:
        verbless(ws, f)
        if f.pred >= 0:
            ws[f.pred].head = -1
            ws[f.pred].deprel = "root"
    elif f.pending:
        take_pending(ws, f)
    if f.marker >= 0 and f.pred >= 0:
        attach(ws, f.marker, f.pred, "mark")


def verbless(ws: list[W], f: Frame, pred_unit: Unit | None = None) -> None:
    """A clause without a verb: subject noun phrase, then a predicate (noun, adjective, PP;
    ``pred_unit`` when the caller knows it).

    The predicate heads the clause, the subject its ``nsubj``; a PP right after the
    subject stays on it:

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.read import from_strings
    >>> def parsed(text):  # (form, deprel, head id) of each token of the first sentence
    ...     s = RulesAnalyser().analyse(next(from_strings([text]))).sentences[0]
    ...     return [(t.form, t.deprel, t.head) for t in s.tokens]
    >>> parsed("الوضع في المدينة هادئ.")
    [('الوضع', 'nsubj', 4), ('في', 'case', 3), ('المدينة', 'nmod', 1), ('هادئ', 'root', 0),
     ('.', 'punct', 4)]
    """
    nps = [u for u in f.pending if u.kind in NP_KINDS]
    if not nps:
        if f.pending:
            f.pred = f.pending[0].head
            for u in f.pending[1:]:
                attach(ws, u.head, f.pred, "dep")
            f.pending = []
        return
    if len(nps) == 1:
        f.pred = nps[0].head
        rest = [u for u in f.pending if u is not nps[0]]
        for u in rest:
            attach(ws, u.head, f.pred, "advmod" if u.kind in ("ADV", "PART") else "dep")
        f.pending = []
        return
    subj, pred, copula = _subject_and_predicate(ws, nps)
    if pred_unit is not None and pred_unit is not subj:
        pred, copula = pred_unit, None  # هم عادة فنانون يرغبون ...: the noun before the verb
    if copula is not None:
        attach(ws, copula.head, pred.head, "cop")
    f.pred = pred.head
    f.subj = subj.head
    attach(ws, subj.head, pred.head, "nsubj")
    for u in f.pending:
        if u is subj or u is pred or u is copula:
            continue
        if u.kind in NP_KINDS:
            attach(ws, u.head, pred.head, _verbless_dependent(ws, u))
        else:
            attach(ws, u.head, pred.head, "advmod")
    f.pending = []


def _subject_and_predicate(ws: list[W], nps: list[Unit]) -> tuple[Unit, Unit, Unit | None]:
    """The subject of a verbless clause (its first bare noun phrase that is not a time:
    في الوقت الحالي، الأسعار مرتفعة), its predicate (the first PP after it, else the phrase
    after it, after a separating pronoun: الحد الأقصى هو خمسة آلاف) and that pronoun."""
    k = next((k for k, u in enumerate(nps[:-1]) if u.kind == "NP" and not time_like(ws[u.head])), 0)
    subj, rest = nps[k], nps[k + 1 :]
    if len(rest) > 1 and _separating_pronoun(ws, rest[0]):
        return subj, rest[1], rest[0]
    return subj, next((u for u in rest if u.kind == "PP"), rest[0]), None


def _separating_pronoun(ws: list[W], u: Unit) -> bool:
    """هو, هي, هم between a subject and its predicate (ضمير الفصل)."""
    w = ws[u.head]
    return u.kind == "NP" and w.tag == "pron" and w.upos == "PRON" and u.first == u.head


def _verbless_dependent(ws: list[W], u: Unit) -> str:
    if u.kind == "PP":
        return "obl"
    return "obl:tmod" if time_like(ws[u.head]) else "nmod"
