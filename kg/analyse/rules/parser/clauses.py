"""Level 3 of the parser: clauses.

Reads the units of :mod:`.phrases` left to right with a stack of open clauses
(:class:`~.frames.Frame`, innermost last) and attaches them: a verb is the predicate of
the innermost clause or opens one of its own (``conj`` after و, a purpose clause after
ل, ``acl:relcl`` after an indefinite noun, ``parataxis``), with كان as its ``aux``;
subordinators open complement and adverbial clauses (``ccomp``, ``advcl``, ``mark``);
relative pronouns open relative clauses on their antecedent (``acl:relcl``);
quotation marks open and close quotations (``ccomp`` of the speech verb); a colon or a
dash after a dateline sets it aside. Noun phrases go to :func:`.arguments.nominal`.
At the end every clause still open is closed (:mod:`.frames`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ....text import normalize
from .arguments import nominal
from .frames import (
    Frame,
    attach_frame_head,
    close,
    close_main,
    current_head,
    nearest_predicate,
    take_pending,
    verbless,
)
from .phrases import NP_KINDS, Unit
from .relatives import (
    after_duration,
    antecedent_acts,
    described_before_phrase,
    described_noun,
    object_was_subject,
    result_antecedent,
    resumed_genitive,
)
from .results import result_ma
from .words import (
    ADVERBIAL_PREPOSITIONS,
    ASIDE_SUBORDINATORS,
    CLAUSE_CONJUNCTIONS,
    COMMAS,
    COMPLEMENTISERS,
    EXISTENTIALS,
    SET_ASIDE,
    SPEECH_VERBS,
    W,
    attach,
    has_suffix,
    human,
    indefinite_np,
    intransitive,
    is_speech_participle,
    reattach,
    rel_agrees,
    time_like,
)

#: Opening quotation marks and the mark that closes each.
_QUOTES_OPEN = {"«": "»", "“": "”", '"': '"'}
_QUOTES_CLOSE = frozenset(_QUOTES_OPEN.values())
#: Marks that end a relative clause whose verb has come.
_CLAUSE_BREAKS = ("،", ",", ";", "؛")
_DASHES = ("-", "–", "—")
#: A dash this early in the sentence (a token index) ends a dateline: تونس (أ ف ب) - ...
_DATELINE_END = 12
#: How many nouns back a relative pronoun looks for its antecedent.
_ANTECEDENT_REACH = 8


@dataclass
class _Walk:
    """The clause pass between two units."""

    stack: list[Frame]  # the open clauses, innermost last
    pending_cc: int = -1  # a و/ف word waiting for what it coordinates
    # negation, emphasis and future particles waiting for their verb
    pending_part: list[int] = field(default_factory=list)
    prev: Unit | None = None  # the unit before


def attach_clauses(ws: list[W], units: list[Unit]) -> None:
    """Attach the units of one sentence into clauses (the third pass).

    A complement clause after إن (``ccomp`` with its ``mark``, and the future س as
    ``aux``), and an adverbial clause after حيث:

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.read import from_strings
    >>> def parsed(text):  # (form, deprel, head id) of each token of the first sentence
    ...     s = RulesAnalyser().analyse(next(from_strings([text]))).sentences[0]
    ...     return [(t.form, t.deprel, t.head) for t in s.tokens]
    >>> parsed("قال الوزير إن الحكومة ستفتتح المعرض.")
    [('قال', 'root', 0), ('الوزير', 'nsubj', 1), ('إن', 'mark', 6), ('الحكومة', 'nsubj', 6),
     ('س', 'aux', 6), ('تفتتح', 'ccomp', 1), ('المعرض', 'obj', 6), ('.', 'punct', 1)]
    >>> parsed("وصل الوزير إلى القاهرة حيث التقى الرئيس.")[4:7]
    [('حيث', 'mark', 6), ('التقى', 'advcl', 1), ('الرئيس', 'nsubj', 6)]
    """
    walk = _Walk([Frame("main", -1)])
    spans = _blessings(ws)
    aside = {i for a, b in spans for i in range(a, b + 1)}
    units = [u for u in units if not (u.first in aside and u.last in aside)]
    for idx, u in enumerate(units):
        _unit(ws, units, idx, walk)
        walk.prev = u
    while len(walk.stack) > 1:
        close(ws, walk.stack)
    close_main(ws, walk.stack[0])
    for a, b in spans:
        _attach_blessing(ws, a, b)


def _blessings(ws: list[W]) -> list[tuple[int, int]]:
    """The formulas of blessing after a name, as token spans: a word with a pronoun
    suffix, الله, and a coordinated word with a suffix (نصره الله وأيده, حفظه الله). The
    clause pass reads around them: they are no argument of anything."""
    spans = []
    for w in ws:
        i = w.i
        if w.norm != GOD or i < 2 or ws[i - 1].upos != "PRON" or ws[i - 1].word != ws[i - 2].word:
            continue
        a = i - 2
        while a > 0 and ws[a - 1].word == ws[i - 2].word:
            a -= 1  # the word's own clitics (ونصره)
        if ws[i - 2].upos not in ("VERB", "NOUN") or a == 0:
            continue
        b = i
        nxt = [x for x in ws[i + 1 :] if x.word == w.word + 1]
        if len(nxt) >= 3 and nxt[0].tag == "conj" and nxt[-1].upos == "PRON":
            b = nxt[-1].i  # وأيده
        spans.append((a, b))
    return spans


def _attach_blessing(ws: list[W], a: int, b: int) -> None:
    """The formula hangs on the word before it (the name it blesses), God its subject, a
    second verb coordinated with the first."""
    first = next(i for i in range(a, b + 1) if ws[i].upos in ("VERB", "NOUN"))
    reattach(ws, first, a - 1, "parataxis")
    for i in range(a, b + 1):
        if ws[i].norm == GOD:
            reattach(ws, i, first, "nsubj")
        elif i != first and ws[i].upos in ("VERB", "NOUN") and ws[i].word != ws[first].word:
            reattach(ws, i, first, "conj")
        elif ws[i].tag == "conj":
            reattach(ws, i, i + 1, "cc")


#: God, in a formula of blessing (نصره الله وأيده).
GOD = normalize("الله")


def _unit(ws: list[W], units: list[Unit], idx: int, walk: _Walk) -> None:
    """Attach unit ``idx`` by its kind, or keep it for the unit it waits for."""
    u = units[idx]
    w = ws[u.head]
    # a conjunction clitic inside this unit's first word, else a و/ف word before it
    own_cc = next((m for m in range(u.first, u.head) if ws[m].tag == "conj"), -1)
    cc = own_cc if own_cc >= 0 else walk.pending_cc
    if u.kind == "CC":
        walk.pending_cc = u.head
    elif u.kind == "PUNCT":
        nxt = units[idx + 1] if idx + 1 < len(units) else None
        _punctuation_mark(ws, walk.stack, u, walk.prev, nxt)
    elif u.kind == "SUB":
        _subordinator(ws, walk.stack, units, idx, walk.prev, cc)
        if cc >= 0:
            walk.pending_cc = -1
    elif u.kind == "REL" and w.norm == "ما" and result_ma(ws, units, idx, walk.prev, walk.stack):
        w.upos, w.tag = "SCONJ", "sub"  # as مما: the clause before is what the verb's about
        _subordinator(ws, walk.stack, units, idx, walk.prev, cc)
    elif u.kind == "REL" and w.norm == "ما":
        _free_relative(ws, walk.stack, u, walk.prev)
    elif u.kind == "REL":
        _relative(ws, walk.stack, u)
    elif u.kind in ("PART", "ADV") and w.tag in ("neg", "emph", "fut"):
        walk.pending_part.append(u.head)
    elif u.kind in ("V", "AUX"):
        _verb(ws, walk.stack, u, walk.prev, cc)
        for p in walk.pending_part:
            attach(ws, p, u.head, "aux" if ws[p].tag == "fut" else "advmod")
        walk.pending_part = []
        walk.pending_cc = -1
    elif u.kind in NP_KINDS:
        if cc < 0 and object_was_subject(ws, walk.stack[-1], u):
            pass  # ليبيا التي جمدت المنظمة عضويتها: the phrase is the clause's object
        elif cc < 0 and _relative_clause_done(ws, walk.stack, u):
            close(ws, walk.stack)  # أعلن رئيس الحكومة التي تشكلت أمس استقالته
        if cc >= 0 and _opens_clause(ws, units, idx, cc) and _has_predicate(ws, walk):
            # وعد الوزير بالإصلاح لكن الوعد لم يتحقق: لكن joins clauses; the phrase after it
            # opens the second one (the conjunction goes to its predicate in the end)
            walk.stack.append(Frame("conj", walk.stack[-1].pred))
            attach(ws, cc, u.head, "cc")
            cc = -1
        nominal(ws, walk.stack[-1], u, walk.prev, cc)
        walk.pending_cc = -1
    else:  # ADV, OTHER, PART
        f = walk.stack[-1]
        if f.pred >= 0:
            attach(ws, u.head, f.pred, "advmod" if u.kind in ("ADV", "PART") else "dep")
        else:
            f.pending.append(u)


# ------------------------------------------------------------ punctuation


def _punctuation_mark(
    ws: list[W], stack: list[Frame], u: Unit, prev: Unit | None, nxt: Unit | None
) -> None:
    """A punctuation mark may open or close a quotation, end a relative clause or a
    dateline; then it hangs on the current head."""
    f = stack[-1]
    form = ws[u.head].form
    if (
        form in _QUOTES_OPEN
        and (not f.quote_close or form != f.quote_close)
        and _opens_quote(ws, prev)
        and not _quoted_name(ws, u.head)
    ):
        speech = _speech_head(ws, stack)
        stack.append(Frame("quote", speech, marker=u.head, quote_close=_QUOTES_OPEN[form]))
    elif f.quote_close and form == f.quote_close:
        close(ws, stack, until_quote=True)
    elif (
        form in ("»", "”", '"')
        and f.kind == "main"
        and f.pred < 0
        and f.pending
        and ws[0].form in _QUOTES_OPEN
    ):
        # «الوضع خطير جدا»، قالت ...: a quotation opening the sentence is a verbless
        # clause of its own; the speech verb after it hangs on it
        verbless(ws, f)
        if f.pred >= 0:
            ws[f.pred].head = -1
            ws[f.pred].deprel = "root"
    elif form in _CLAUSE_BREAKS and f.kind == "relcl" and f.pred >= 0:
        close(ws, stack)
    elif form in _CLAUSE_BREAKS and f.kind == "conj" and f.pred < 0 and len(f.pending) >= 2:
        close(ws, stack)  # X، وهو قيادي بالجبهة، ...: the verbless aside ends at its comma
    elif _ends_dateline(ws, stack, u, nxt):
        # a dateline or heading before a colon or a dash (إيلاف: ..., تونس (أ ف ب) - ...):
        # not the subject
        for pu in f.pending:
            attach(ws, pu.head, SET_ASIDE, "dep")
        f.pending = []
    _attach_punct(ws, u.head, stack)


def _ends_dateline(ws: list[W], stack: list[Frame], u: Unit, nxt: Unit | None) -> bool:
    """A colon (not before a quotation) or an early dash after phrases that have no verb yet
    in the main clause."""
    f = stack[-1]
    form = ws[u.head].form
    return bool(
        (
            (form == ":" and (nxt is None or ws[nxt.head].form not in _QUOTES_OPEN))
            or (form in _DASHES and u.head <= _DATELINE_END)
        )
        and f.kind == "main"
        and f.pred < 0
        and f.pending
        and len(stack) == 1
    )


def _opens_quote(ws: list[W], prev: Unit | None) -> bool:
    """A quotation mark opens reported speech after a colon, a speech verb or أن/إن."""
    if prev is None:
        return False
    p = ws[prev.head]
    if p.form == ":" or p.tag == "sub":
        return True
    return prev.kind == "V" and normalize(p.lemma) in SPEECH_VERBS


#: The most words a quoted name after a verb of saying has (وأفادت "رويترز" بأن).
_QUOTED_NAME_WORDS = 4


def _quoted_name(ws: list[W], q: int) -> bool:
    """A quotation mark at q that encloses only a name and closes before the clause goes
    on (وأفادت "رويترز" بأن ...): the verb's quoted subject, not its speech."""
    close = _QUOTES_OPEN[ws[q].form]
    end = next(
        (k for k in range(q + 1, min(len(ws), q + 2 + _QUOTED_NAME_WORDS)) if ws[k].form == close),
        -1,
    )
    if end <= q + 1 or end + 1 >= len(ws) or ws[end + 1].upos == "PUNCT":
        return False
    return all(ws[k].ent >= 0 or ws[k].upos == "PROPN" for k in range(q + 1, end))


def _speech_head(ws: list[W], stack: list[Frame]) -> int:
    """The verb a quotation belongs to: the nearest speech verb, else the nearest predicate."""
    for f in reversed(stack):
        if f.pred >= 0 and normalize(ws[f.pred].lemma) in SPEECH_VERBS:
            return f.pred
    return nearest_predicate(stack)


def _attach_punct(ws: list[W], i: int, stack: list[Frame]) -> None:
    head = current_head(stack)
    if head >= 0:
        attach(ws, i, head, "punct")


# ------------------------------------------------- subordinate and relative clauses


def _subordinator(
    ws: list[W], stack: list[Frame], units: list[Unit], idx: int, prev: Unit | None, cc: int
) -> None:
    """أن/إن open a complement clause (``ccomp``), the others an adverbial one (``advcl``);
    a sentence-initial إن only marks the main clause."""
    u = units[idx]
    w = ws[u.head]
    f = stack[-1]
    if _resumptive_inna(ws, stack, u):
        return
    if _aside_ends(ws, f, w, prev) and len(stack) > 1:
        # قال X، كما ذكرت الوكالة، إن ...: the aside is over; the clause is what X said
        close(ws, stack)
        f = stack[-1]
    kind = "ccomp" if w.norm in COMPLEMENTISERS else "advcl"
    if prev is not None and prev.kind == "ADP" and prev in f.pending:
        # بعد أن وصل الوفد، بدأت ...: a preposition and أن before the predicate open an
        # adverbial clause put first (the preposition becomes its case in the end)
        f.pending.remove(prev)
        kind = "advcl"
    elif prev is not None and prev.kind == "ADP" and ws[prev.head].norm in ADVERBIAL_PREPOSITIONS:
        kind = "advcl"  # وصل الوفد بعد أن انتهى الاجتماع
    parent = current_head(stack)
    part = _speech_participle_before(ws, units, idx)
    if part >= 0:
        parent = part  # مؤكدا أن ..., مشيرا إلى أن ...: the participle reports the clause
    if f.pred < 0 and kind == "ccomp" and f.kind == "main" and not f.pending:
        f.marker = u.head  # sentence-initial إن: emphasis, same clause
    else:
        if f.kind == "relcl" and f.pred >= 0:
            close(ws, stack)
            parent = current_head(stack)
        f = Frame(kind, parent, marker=u.head)
        stack.append(f)
    if has_suffix(ws, u.head):
        f.pending.append(Unit("NP", u.head + 1, u.head + 1, u.head + 1))  # أنه: the subject
    if cc >= 0:
        attach(ws, cc, u.head, "cc")


def _aside_ends(ws: list[W], f: Frame, sub: W, prev: Unit | None) -> bool:
    """أن/إن after a comma that closes an aside (كما ذكرت الوكالة،)."""
    return (
        sub.norm in COMPLEMENTISERS
        and f.kind == "advcl"
        and f.pred >= 0
        and prev is not None
        and ws[prev.head].form in COMMAS
        and f.marker >= 0
        and ws[f.marker].norm in ASIDE_SUBORDINATORS
    )


def _speech_participle_before(ws: list[W], units: list[Unit], idx: int) -> int:
    """A speech participle right before a complementiser (over a preposition: مشيرا إلى أن)."""
    k = idx - 1
    while k >= 0 and units[k].kind == "ADP":
        k -= 1
    if k >= 0 and is_speech_participle(ws[units[k].head]):
        return units[k].head
    return -1


def _free_relative(ws: list[W], stack: list[Frame], u: Unit, prev: Unit | None) -> None:
    """A free relative (حسب ما نقل X): ما is a noun phrase of its own, its clause hangs on it."""
    if prev is not None and prev.kind == "ADP":
        attach(ws, prev.head, u.head, "case")
    head = current_head(stack)
    if head >= 0:
        attach(ws, u.head, head, "obl" if prev is not None and prev.kind == "ADP" else "obj")
    stack.append(Frame("relcl", u.head, marker=u.head))


def _relative(ws: list[W], stack: list[Frame], u: Unit) -> None:
    """الذي/التي/الذين open a relative clause on their antecedent (a relative clause
    whose verb has come ends first)."""
    ante = _antecedent(ws, stack, ws[u.head])
    if stack[-1].kind == "relcl" and stack[-1].pred >= 0:
        close(ws, stack)
    stack.append(Frame("relcl", ante, marker=u.head))


def _antecedent(ws: list[W], stack: list[Frame], rel: W) -> int:
    """The noun a relative pronoun refers to: the nearest preceding noun (or standalone
    demonstrative: أولئك الذين) that agrees with it and is definite, as الذي/التي/الذين
    need; a name in quotation marks stands for the noun before it (مخيم "الأمل" الذي)."""
    candidates: list[int] = []
    for f in reversed(stack):
        for u in reversed(f.units + f.pending):
            if u.kind in NP_KINDS:
                candidates.append(u.head)
        if candidates:
            break
    near, named = _antecedent_candidates(ws, rel.i)
    result = result_antecedent(ws, rel, near)
    if result >= 0:
        return result
    for c in near:
        if rel_agrees(rel, ws[c]) and (c in named or _definite_phrase(ws, c, rel.i)):
            return _named_by_genitive(ws, c, rel)
    for c in near:
        if rel_agrees(rel, ws[c]):
            return c
    return near[0] if near else (candidates[0] if candidates else -1)


def _named_by_genitive(ws: list[W], c: int, rel: W) -> int:
    """نهر أوهايو الذي, سيارات رامبلر التي: a name in genitive names the noun before it; the
    relative clause describes that noun when it agrees too."""
    w = ws[c]
    h = w.head
    if (
        (w.upos == "PROPN" or w.ent >= 0)
        and w.deprel == "nmod"
        and 0 <= h < c
        and ws[h].upos == "NOUN"
        and ws[h].ent < 0
        and rel_agrees(rel, ws[h])
    ):
        return h
    return c


def _antecedent_candidates(ws: list[W], before: int) -> tuple[list[int], set[int]]:
    """The nouns before token ``before``, nearest first, back to the clause's verb; and the
    ones a quoted name follows (definite by it)."""
    k = before - 1
    near: list[int] = []
    named: set[int] = set()
    while k >= 0 and len(near) < _ANTECEDENT_REACH:
        t = ws[k]
        if t.upos in ("VERB", "AUX") or t.tag in ("sub", "rel"):
            break
        if t.form in _QUOTES_CLOSE:
            opening = _opening_quote(ws, k)
            if (
                opening > 0
                and ws[opening - 1].upos == "NOUN"
                and ws[opening - 1].ent < 0
                and all(ws[m].ent < 0 for m in range(opening, k))
            ):
                k = opening - 1  # مخيم "الأمل" الذي: the noun the quoted name names
                named.add(k)
                continue
        if (
            t.upos in ("NOUN", "PROPN", "X")
            or (t.upos == "ADJ" and t.deprel != "amod")
            or (t.tag == "dem" and t.deprel != "det")
        ) and t.deprel not in ("flat",):
            near.append(k)
        k -= 1
    return near, named


def _opening_quote(ws: list[W], close_at: int) -> int:
    """The quotation mark that opens the one at ``close_at`` (a few words back), or -1."""
    for k in range(close_at - 1, max(-1, close_at - _ANTECEDENT_REACH), -1):
        if ws[k].form in _QUOTES_OPEN:
            return k
    return -1


def _definite_phrase(ws: list[W], c: int, before: int) -> bool:
    """Whether the noun at c heads a definite phrase: article, name, possessor suffix,
    demonstrative, or a definite genitive (رئيس الوزراء)."""
    w = ws[c]
    if w.definite or w.upos == "PROPN" or w.ent >= 0 or w.tag == "dem" or has_suffix(ws, c):
        return True
    return any(
        ws[k].head == c and ws[k].deprel == "nmod" and (ws[k].definite or ws[k].ent >= 0)
        for k in range(c + 1, before)
    )


def _has_predicate(ws: list[W], walk: _Walk) -> bool:
    """Whether the innermost clause has its predicate before a conjunction that opens the
    next clause; a verbless one closed by a comma (إن الوضع صعب، وهو ...) gets it now."""
    f = walk.stack[-1]
    if f.pred >= 0:
        return True
    nps = [u for u in f.pending if u.kind in NP_KINDS]
    if len(nps) < 2 or walk.prev is None or ws[walk.prev.head].form not in COMMAS:
        return False
    verbless(ws, f)
    if f.pred >= 0 and f.kind == "main":
        ws[f.pred].head, ws[f.pred].deprel = -1, "root"
    elif f.pred >= 0:
        attach_frame_head(ws, f)
    return f.pred >= 0


def _opens_clause(ws: list[W], units: list[Unit], idx: int, cc: int) -> bool:
    """Whether the noun phrase at ``idx`` after conjunction ``cc`` is the subject of a new
    clause: after لكن/بل always; after و/ف when it is a pronoun (وهو أمر متوقع) or a verb
    follows it at once (والحكومة تعمل)."""
    if ws[cc].norm in CLAUSE_CONJUNCTIONS:
        return True
    u = units[idx]
    w = ws[u.head]
    if u.kind == "NP" and u.last == u.head and (w.tag == "dem" or w.upos == "PRON"):
        return True  # ، وهو أمر متوقع / ، فهذا إنجاز: a pronoun opens a (verbless) clause
    return (
        u.kind == "NP"
        and idx + 1 < len(units)
        and units[idx + 1].kind == "V"
        and ws[units[idx + 1].head].upos == "VERB"
        and ws[units[idx + 1].head].number != "d"  # مصر وقطر وقعتا: one dual subject
    )


def _relative_clause_done(ws: list[W], stack: list[Frame], u: Unit) -> bool:
    """A bare noun phrase after a relative clause whose verb has its subject and can take no
    (more) object belongs to the clause around, when that one's verb still wants its object."""
    f = stack[-1]
    if len(stack) < 2 or f.kind != "relcl" or f.pred < 0 or u.kind != "NP" or f.subj < 0:
        return False
    outer = stack[-2]
    w = ws[u.head]
    return (
        outer.pred >= 0
        and ws[outer.pred].upos == "VERB"
        and outer.pred < f.pred
        and outer.obj < 0
        and not has_suffix(ws, outer.pred)
        and not intransitive(ws[outer.pred])
        and (f.obj >= 0 or has_suffix(ws, f.pred) or intransitive(ws[f.pred]))
        and not time_like(w)
        and ws[u.first].upos != "NUM"
    )


# ------------------------------------------------------------------ verbs


def _verb(ws: list[W], stack: list[Frame], u: Unit, prev: Unit | None, cc: int) -> None:
    """A verb is the predicate of the innermost clause (after كان, in its place), or opens
    a clause of its own when that one has its predicate."""
    f = stack[-1]
    if f.pred >= 0 and ws[f.pred].upos == "AUX" and ws[f.pred].tag == "aux":
        if prev is not None and _describes_before_pluperfect(ws, f, u, prev, cc):
            # وكانت موجة من الأمطار بغزارة تزيد على المعدل قد ضربت: تزيد describes غزارة,
            # and قد ضربت is كان's verb
            nf = Frame("relcl", prev.head)
            nf.pred = u.head
            stack.append(nf)
            attach_frame_head(ws, nf)
            return
        _after_auxiliary(ws, f, u, cc)
        return
    if f.pred < 0 and cc < 0 and prev is not None and _existential_before(ws, f, prev):
        pass  # هناك آثار كثيرة يمكن زيارتها: هناك is the predicate, the verb describes آثار
    elif f.pred < 0 and cc < 0 and prev is not None and _nominal_predicate_before(ws, f, prev):
        # الحديد عنصر أساسي يحتاجه الجسم: a verbless clause, and the verb describes its
        # indefinite predicate
        verbless(ws, f, prev)
        if f.kind == "main" and f.pred >= 0:
            ws[f.pred].head, ws[f.pred].deprel = -1, "root"
        else:
            attach_frame_head(ws, f)
    if f.pred < 0:
        _start_pred(ws, f, u, cc)
        return
    if _after_fronted_clause(ws, stack, prev, cc):
        _main_after_fronted(ws, stack, u)
        return
    if f.kind == "relcl" and cc < 0:
        close(ws, stack)  # a relative clause has one verb: this one belongs to the clause around
        if stack[-1].pred < 0:
            _start_pred(ws, stack[-1], u, cc)
            return
        top = stack[-1]
        if ws[top.pred].upos == "AUX" and ws[top.pred].tag == "aux":
            _after_auxiliary(ws, top, u, cc)  # كان X ... (relative clause) ... قد فعل
            return
        if after_duration(ws, f, prev):
            # زيارة تستمر يومين يلتقي خلالها ...: a second description of the same noun
            nf = Frame("relcl", f.parent)
            nf.pred = u.head
            stack.append(nf)
            attach_frame_head(ws, nf)
            return
    _second_predicate(ws, stack, u, prev, cc)


def _describes_before_pluperfect(
    ws: list[W], f: Frame, u: Unit, prev: Unit | None, cc: int
) -> bool:
    """كان + subject + an indefinite phrase + a verb, with قد + a perfect verb later in the
    sentence: the first verb describes the indefinite phrase (a relative clause without
    الذي), and the perfect after قد is كان's own verb (the pluperfect كان ... قد فعل)."""
    if cc >= 0 or f.subj < 0 or prev is None or prev.kind not in NP_KINDS + ("PP",):
        return False
    if not indefinite_np(ws, prev.head) or u.head < prev.head:
        return False
    for k in range(u.head + 1, len(ws) - 1):
        if ws[k].upos == "PUNCT" and ws[k].form in (".", "،", ",", ":", "؛"):
            return False
        if ws[k].norm == "قد" and ws[k + 1].upos == "VERB" and "Aspect=Perf" in ws[k + 1].feats:
            return True
    return False


def _existential_before(ws: list[W], f: Frame, prev: Unit) -> bool:
    """هناك/ثمة and an indefinite noun phrase right before the clause's first verb: هناك is
    the predicate (the root of a main clause), the noun its subject; returns whether it
    took the clause (the verb then describes the noun)."""
    there = next((u for u in f.pending if ws[u.head].norm in EXISTENTIALS), None)
    if there is None or prev.kind != "NP" or prev.head < there.head:
        return False
    if not indefinite_np(ws, prev.head) or f.kind not in ("main", "ccomp", "conj"):
        return False
    f.pending.remove(there)
    f.pred = there.head
    if f.kind == "main":
        ws[f.pred].head, ws[f.pred].deprel = -1, "root"
    else:
        attach_frame_head(ws, f)
    take_pending(ws, f)
    return True


def _nominal_predicate_before(ws: list[W], f: Frame, prev: Unit | None) -> bool:
    """A subject and an indefinite noun phrase right before the clause's first verb: the
    noun is the predicate of a verbless clause (هو ورم ينشأ قبل الولادة)."""
    nps = [u for u in f.pending if u.kind == "NP"]
    if prev is None or len(nps) < 2 or nps[-1] is not prev or f.kind not in ("main", "ccomp"):
        return False
    subj = ws[nps[0].head]
    pred = ws[prev.head]
    return (
        (subj.definite or subj.upos == "PRON" or subj.ent >= 0)
        and indefinite_np(ws, prev.head)
        and not time_like(pred)
        and not time_like(subj)
    )


def _after_fronted_clause(ws: list[W], stack: list[Frame], prev: Unit | None, cc: int) -> bool:
    """إذا استقال الوزير، تسقط الحكومة: a verb after a comma that closes an adverbial
    clause put before a main clause that has no predicate yet is that predicate."""
    return (
        len(stack) >= 2
        and stack[1].kind == "advcl"
        and stack[1].pred >= 0
        and stack[0].pred < 0
        and cc < 0
        and prev is not None
        and ws[prev.head].form in COMMAS
    )


def _main_after_fronted(ws: list[W], stack: list[Frame], u: Unit) -> None:
    """Close the fronted adverbial clause; the verb is the main predicate and the clause
    its ``advcl``."""
    _close_fronted(ws, stack)
    _start_pred(ws, stack[0], u, -1)


def _close_fronted(ws: list[W], stack: list[Frame]) -> None:
    """Close every clause above the main one, which has no predicate yet; the fronted
    adverbial clause waits for that predicate (:func:`_start_pred`)."""
    stack[0].fronted.append(stack[1].pred)
    while len(stack) > 1:
        close(ws, stack)


def _resumptive_inna(ws: list[W], stack: list[Frame], u: Unit) -> bool:
    """فإن after a fronted adverbial or phrase (إذا ...، فإن ...; في الوقت الحالي، فإن ...):
    it opens the main clause, not a complement; returns whether it did."""
    i = u.head
    if not (ws[i].norm in COMPLEMENTISERS and i > 0 and ws[i - 1].word == ws[i].word):
        return False
    if ws[i - 1].norm != "ف" or stack[0].pred >= 0:
        return False
    if len(stack) > 1 and stack[1].kind == "advcl" and stack[1].pred >= 0:
        _close_fronted(ws, stack)
    if len(stack) > 1:
        return False
    f = stack[0]
    f.marker = i
    if has_suffix(ws, i):
        f.pending.append(Unit("NP", i + 1, i + 1, i + 1))  # فإنه: the subject
    return True


def _after_auxiliary(ws: list[W], f: Frame, u: Unit, cc: int) -> None:
    """كان + subject + verb: the verb is the predicate, كان its auxiliary."""
    aux = f.pred
    f.pred = u.head
    reattach(ws, u.head, ws[aux].head, ws[aux].deprel)  # the verb takes كان's place
    reattach(ws, aux, u.head, "aux")
    for t in ws:
        if t.head == aux and t.i != u.head and t.deprel not in ("cc",):
            t.head = u.head
    if cc >= 0:
        attach(ws, cc, u.head, "cc")
    take_pending(ws, f)


def _start_pred(ws: list[W], f: Frame, u: Unit, cc: int) -> None:
    """The verb is the clause's predicate: the phrases before it become its dependents."""
    f.pred = u.head
    if (
        f.kind == "relcl"
        and f.marker >= 0
        and ws[f.marker].tag == "rel"
        and ws[f.marker].norm != "ما"
        and not has_suffix(ws, u.head)
    ):
        f.subj = f.marker  # الذي زار بغداد: the relative pronoun is the subject ...
        f.rel_subject = True
    if cc >= 0:
        attach(ws, cc, u.head, "cc")
    if f.marker >= 0 and ws[f.marker].tag != "rel" and ws[f.marker].upos != "PUNCT":
        attach(ws, f.marker, u.head, "mark")
    attach_frame_head(ws, f)
    take_pending(ws, f)
    for fronted in f.fronted:
        reattach(ws, fronted, f.pred, "advcl")
    f.fronted = []


def _second_predicate(ws: list[W], stack: list[Frame], u: Unit, prev: Unit | None, cc: int) -> None:
    """A verb after the clause has its predicate opens a new clause: a conjunct after و
    (sharing the subject), a purpose clause (ليلتقي), a relative clause after an
    indefinite noun, else parataxis."""
    f = stack[-1]
    if cc >= 0:
        outer = _agreeing_outer(ws, stack, u.head, cc)
        while outer is not None and len(stack) > 1 and stack[-1] is not outer:
            close(ws, stack)  # أكد X أن الحكومة ستواصل ...، وأعلن: back to X's clause
        nf = Frame("conj", nearest_predicate(stack), shared_subject=True)
        attach(ws, cc, u.head, "cc")
    elif _purpose_verb(ws, u.head):
        # وصل الوزير إلى القاهرة ليلتقي الرئيس: a purpose clause; its dropped subject is
        # the clause's subject, and a noun after it is its object
        subj = ws[f.subj if f.subj >= 0 else f.pred]
        gender = subj.gender or ("m" if human(subj) else "")
        nf = Frame("advcl", f.pred, shared_subject=True, purpose=True, shared_gender=gender)
    elif prev is not None and prev.kind in NP_KINDS and indefinite_np(ws, prev.head):
        nf = Frame("relcl", described_noun(ws, prev, u.head))
    elif (noun := resumed_genitive(ws, prev, u.head)) >= 0:
        nf = Frame("relcl", noun)  # بموجب اتفاق وقعته الشركة: the agreement
    elif (noun := described_before_phrase(ws, prev, u.head)) >= 0:
        nf = Frame("relcl", noun)  # مباحثات في الدوحة أسفرت عن: the talks, not Doha
    else:
        nf = Frame("parataxis", f.pred)
    nf.pred = u.head
    if nf.kind == "relcl" and antecedent_acts(ws, ws[nf.parent], ws[u.head]):
        # عمليات تستهدف العاصمة: no pronoun for the noun, so the noun does it, and the
        # phrase after the verb is its object (unless a pronoun for the noun comes:
        # مدينة تسيطر عليها قوات, see arguments._clause_argument)
        nf.subj = nf.parent
        nf.rel_subject = True
    stack.append(nf)
    attach_frame_head(ws, nf)


def _purpose_verb(ws: list[W], i: int) -> bool:
    """ل + a third-person imperfect in one word (ليلتقي)."""
    return (
        i > 0
        and ws[i - 1].word == ws[i].word
        and ws[i - 1].norm == "ل"
        and ws[i].person[:1] in ("", "3")
    )


def _agreeing_outer(ws: list[W], stack: list[Frame], verb: int, cc: int) -> Frame | None:
    """After "، و" a verb whose gender disagrees with the embedded clause's verb but
    agrees with an enclosing clause's verb continues that clause (it shares its subject)."""
    f = stack[-1]
    v = ws[verb]
    if f.kind not in ("ccomp", "advcl") or cc < 1 or ws[cc - 1].form not in COMMAS:
        return None
    if v.upos != "VERB" or v.person[:1] not in ("", "3") or not v.gender or f.pred < 0:
        return None
    if ws[f.pred].upos != "VERB" or ws[f.pred].gender in ("", v.gender):
        return None
    for outer in reversed(stack[:-1]):
        p = ws[outer.pred] if outer.pred >= 0 else None
        if p is not None and p.upos == "VERB" and p.gender == v.gender:
            return outer
        if p is not None and p.gender:
            return None
    return None
