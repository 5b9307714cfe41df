"""Level 2 of the parser, continued: phrase decisions the clause pass makes.

When the clause pass (:mod:`.arguments`) meets a noun phrase, it first asks whether the
phrase belongs to the one before it rather than to the clause: a title and a name in
apposition (:func:`title_apposition`: an honorific after a title, a title or role set off
by commas after a name, a name after a title phrase), or a number phrase as a construct's
genitive (:func:`number_genitive`).
"""

from __future__ import annotations

from ....lexicon.words import HONORIFICS, title_at, titles
from ....text import normalize
from .foreign_names import foreign_to_title
from .phrases import Unit
from .words import COMMAS, W, appointee, attach, human, is_designator, reattach, title_tok

#: How many tokens back a name looks for the title it is in apposition to.
_TITLE_REACH = 12


def title_apposition(ws: list[W], u: Unit, prev: Unit | None) -> bool:
    """Attach noun phrase ``u`` in apposition if it is a title or a name that goes with the
    phrase before it; return whether it did.

    A title set off by commas after a name is the name's ``appos``, not the verb's object:

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.read import from_strings
    >>> def parsed(text):  # (form, deprel, head id) of each token of the first sentence
    ...     s = RulesAnalyser().analyse(next(from_strings([text]))).sentences[0]
    ...     return [(t.form, t.deprel, t.head) for t in s.tokens]
    >>> [w for w in parsed("التقى الوزير محمد علي، رئيس الوفد، في عمان.") if w[1] in ("appos", "obj")]
    [('محمد', 'appos', 2), ('رئيس', 'appos', 3)]
    """
    return (
        _honorific(ws, u, prev)
        or _title_after_name(ws, u, prev)
        or _name_after_title(ws, u)
        or _name_set_off(ws, u, prev)
        or _place_set_off(ws, u, prev)
    )


#: Entity labels of places a designator (العاصمة، مدينة) can name.
_PLACE_LABELS = frozenset({"City", "Country", "Region", "Place", "Location", "GPE", "LOC"})


def _place_set_off(ws: list[W], u: Unit, prev: Unit | None) -> bool:
    """A place's name set off by a comma after a designator and its adjectives, ending
    the clause (تنتقل إلى العاصمة الألمانية، برلين.): the designator's ``appos``, not a
    late subject.

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.read import from_strings
    >>> s = RulesAnalyser().analyse(next(from_strings(["ثم ينتقل إلى العاصمة الإيطالية، روما."])))
    >>> [(t.form, t.deprel, t.head) for t in s.sentences[0].tokens if t.form == "روما"]
    [('روما', 'appos', 4)]
    """
    if u.kind != "NP" or prev is None or prev.kind != "PUNCT" or ws[prev.head].form not in COMMAS:
        return False
    if ws[u.head].ent_label not in _PLACE_LABELS or not _closed_by_punct(ws, u):
        return False
    d = prev.first - 1
    while d > 0 and ws[d].upos == "ADJ":
        d -= 1
    if d < 0 or ws[d].ent >= 0 or not is_designator(ws[d]):
        return False
    reattach(ws, u.head, d, "appos")
    return True


def _closed_by_punct(ws: list[W], u: Unit) -> bool:
    """Whether the noun phrase ``u`` ends the sentence or is followed by punctuation."""
    return u.last + 1 >= len(ws) or ws[u.last + 1].upos == "PUNCT"


def _honorific(ws: list[W], u: Unit, prev: Unit | None) -> bool:
    """An honorific right after a title phrase (أمير قطر الشيخ ...): the same person's chain."""
    w = ws[u.head]
    if not (
        u.kind == "NP"
        and w.ent < 0
        and title_tok(ws, u.head)
        and (w.definite or w.form.endswith("."))  # الشيخ, or an abbreviation: د.
        and prev is not None
        # right after a title phrase (its last unit may be a genitive PP: الأمين العام
        # لمجلس التعاون; معالي وزير الخارجية: the title under an honorific), not after a
        # name: _title_before finds the title whose phrase runs up to here
        and (
            prev.kind == "PP"
            or (
                prev.kind == "NP"
                and any(title_tok(ws, m) for m in range(prev.first, prev.last + 1))
            )
        )
        and ws[prev.head].ent_label != "Person"
        and u.head + 1 < len(ws)
        and ws[u.head + 1].ent_label == "Person"  # and right before the name: a bare honorific
    ):
        return False
    chain_head = _title_before(ws, u.first)
    if chain_head < 0:
        return False
    reattach(ws, u.head, chain_head, "appos")
    return True


def _title_after_name(ws: list[W], u: Unit, prev: Unit | None) -> bool:
    """A title set off by commas right after a person's name: الغنوشي، رئيس حزب النهضة،"""
    if not (
        u.kind == "NP"
        and prev is not None
        and prev.kind == "PUNCT"
        and ws[prev.head].form in COMMAS
        and (title_tok(ws, u.head) or _role_noun(ws, u))
        and not _courtesy_name(ws, u.head)
        and prev.first > 0
        and ws[prev.first - 1].ent_label == "Person"
        and (_closed(ws, u) or not _set_off(ws, prev.first - 1))
    ):
        return False
    name = prev.first - 1
    while ws[name].deprel in ("flat", "flat:name") and ws[name].head >= 0:
        name = ws[name].head
    reattach(ws, u.head, name, "appos")
    return True


def _set_off(ws: list[W], last: int) -> bool:
    """Whether the name ending at token ``last`` is itself set off by a comma before it
    (العاهل الأردني، الملك عبدالله الثاني،): a title after its closing comma is then the
    clause's next argument (استقبل العاهل الأردني، الملك عبدالله، وزير الخارجية الأمريكي),
    unless a comma closes it too."""
    first = last
    while first > 0 and ws[first - 1].ent == ws[last].ent:
        first -= 1
    if first > 0 and ws[first - 1].upos == "NOUN" and title_tok(ws, first - 1):
        first -= 1  # a rank or a king's title before the name: الملك عبدالله
    return first > 0 and ws[first - 1].form in COMMAS


def _closed(ws: list[W], u: Unit) -> bool:
    """Whether a comma closes the noun phrase ``u``."""
    return u.last + 1 < len(ws) and ws[u.last + 1].form in COMMAS


def _courtesy_name(ws: list[W], i: int) -> bool:
    """A courtesy title right before a name (عين هادي، الدكتور أحمد فضيل، محافظا): a
    second person, not a title of the name before the comma."""
    title = title_at([w.form for w in ws[i : i + 2]], 0)
    return (
        title is not None
        and titles()[title].relation == "honorific"
        and i + 1 < len(ws)
        and ws[i + 1].ent_label == "Person"
    )


def _role_noun(ws: list[W], u: Unit) -> bool:
    """مؤسس موقع الأخبار، / عضو في البرلمان،: a noun phrase the lexicon lists no title for
    that says what a person is: a noun for people, or a noun governing a genitive, closed by
    a comma."""
    w = ws[u.head]
    if w.upos not in ("NOUN", "ADJ") or w.ent >= 0 or w.definite or w.tanween:
        return False
    closed = u.last + 1 < len(ws) and ws[u.last + 1].form in COMMAS
    governs = any(
        ws[k].head == u.head and ws[k].deprel == "nmod" for k in range(u.head + 1, u.last + 1)
    )
    return closed and (governs or human(w))


def _name_after_title(ws: list[W], u: Unit) -> bool:
    """A name right after a title and its phrase (الأمين العام لحلف ... ينس ستولتنبرغ)."""
    if u.kind != "NP" or ws[u.head].ent_label != "Person":
        return False
    title = _title_before(ws, u.first)
    if title < 0 or appointee(ws, title, u.head):
        return False  # عين الرئيس سامي حداد وزيرا: the name is the one appointed
    name = [k for k in range(u.first, u.last + 1) if ws[k].ent == ws[u.head].ent]
    if foreign_to_title(ws, list(range(title, u.first)), name):
        return False  # استقبل الرئيس التونسي ماكرون: a French president, the one received
    reattach(ws, u.head, title, "appos")
    return True


def _name_set_off(ws: list[W], u: Unit, prev: Unit | None) -> bool:
    """A person's name, maybe after a king's title or a rank, set off by commas right
    after a title phrase that names no one (العاهل الأردني، الملك عبدالله الثاني،): the
    title's ``appos``, not the verb's object.

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.read import from_strings
    >>> s = RulesAnalyser().analyse(next(from_strings(["تلقى العاهل الأردني، الملك عبدالله، اتصالا."])))
    >>> [(t.form, t.deprel, t.head) for t in s.sentences[0].tokens if t.form == "الملك"]
    [('الملك', 'appos', 2)]
    """
    if u.kind != "NP" or prev is None or prev.kind != "PUNCT" or ws[prev.head].form not in COMMAS:
        return False
    name = u.head + 1 if ws[u.head].ent_label != "Person" and title_tok(ws, u.head) else u.head
    while name < u.last and ws[name].upos == "ADJ" and ws[name].ent_label != "Person":
        name += 1  # الدكتور المصري أحمد أبو الغيط: a nationality before the name
    if name >= len(ws) or ws[name].ent_label != "Person" or not _closed(ws, u):
        return False
    title = _title_before(ws, prev.first)
    if title < 0 or any(ws[m].ent_label == "Person" for m in range(title, prev.first)):
        return False
    top = _under_honorific(ws, title)
    if ws[top].deprel != "nsubj":
        return False  # only a subject's title: the parse has not placed the phrase otherwise
    reattach(ws, u.head, title, "appos")
    return True


def _title_before(ws: list[W], first: int) -> int:
    """A title token whose phrase (and brackets) runs right up to token ``first``."""
    k = first - 1
    while k >= 0 and ws[k].form in (")", "("):
        k -= 1
    for t in range(k, max(-1, k - _TITLE_REACH), -1):
        if (
            ws[t].upos in ("VERB", "AUX", "SCONJ")
            or ws[t].tag in ("rel", "sub")
            or ws[t].form in ("،", ",", ".", ":")
        ):
            return -1
        if title_tok(ws, t):
            top = _under_honorific(ws, t)
            inside = all(
                _descends(ws, m, t) or _descends(ws, m, top) or ws[m].upos == "PUNCT"
                for m in range(t + 1, k + 1)
            )
            if not inside:
                continue  # a title inside another's phrase: المتحدث باسم القائد العام ... يحيى رسول
            while ws[t].deprel == "appos" and ws[t].head >= 0 and title_tok(ws, ws[t].head):
                t = ws[t].head  # أمير قطر الشيخ تميم: the name belongs to the first title
            return t
    return -1


def _under_honorific(ws: list[W], t: int) -> int:
    """The honorific a title is the genitive of (معالي الأمين العام لمجلس ...: the ل
    phrase hangs on معالي), or the title itself."""
    h = ws[t].head
    if ws[t].deprel == "nmod" and h >= 0 and normalize(ws[h].form) in HONORIFICS:
        return h
    return t


def _descends(ws: list[W], m: int, t: int) -> bool:
    """Whether token m is t or lies under it (at most 30 steps up)."""
    seen = 0
    while m >= 0 and seen < 30:
        if m == t:
            return True
        m = ws[m].head
        seen += 1
    return False


def number_genitive(ws: list[W], u: Unit, prev: Unit | None) -> bool:
    """بقيمة 8 مليارات, لمدة ثلاثة أيام: a construct noun's number phrase is its genitive;
    return whether ``u`` was attached so."""
    if (
        u.kind == "NP"
        and prev is not None
        and prev.kind == "PP"
        and ws[u.first].upos == "NUM"
        and ws[prev.head].upos == "NOUN"
        and not ws[prev.head].definite
        and not ws[prev.head].tanween
    ):
        attach(ws, u.head, prev.head, "nmod")
        return True
    return False
