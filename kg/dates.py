"""Dates: a document's own date, and time expressions resolved against it.

A document's date comes, first found first, from its metadata (a ``.jsonl`` ``date``
field, a web page's ``<meta>``/``<time>``, a feed entry), from a dateline at the start of
its text («الرياض - 12 مارس 2024», «القاهرة في 3 يناير 2024 (رويترز)»), or from the date
the build was given (``kg build --date``). A WARC record's capture date is used to
resolve expressions when nothing else is known, but is never written as the
publication date.

Resolving turns the words of a time expression into a span of days (``When``), with the
precision the words give: a day (``xsd:date``), a month (``xsd:gYearMonth``), a year
(``xsd:gYear``) or another span (a week, the first ten days of a month), which only has a
start and an end. The rules:

- أمس, أول أمس, اليوم, غدا, بعد غد: days before or after the document date.
- A weekday (يوم الأربعاء): with الماضي the last one strictly before the document date,
  with المقبل/القادم the first one strictly after; with neither, the most recent one on
  or before the date, unless the sentence speaks of the future (سـ, سوف, من المقرر,
  يعتزم …), then the first one on or after it.
- الأسبوع/الشهر/العام الماضي, المقبل, الجاري: calendar units; a week starts on Saturday,
  the first day of the week in most Arab calendars.
- مطلع/أوائل, منتصف, أواخر of a month: days 1-10, 11-20, 21-end; of a year: January to
  April, May to August, September to December.
- Dates in the Gregorian (مارس, آذار, كانون الثاني …) or Hijri calendar (12 رمضان 1445,
  by the Umm al-Qura tables of the ``hijridate`` package). A date without its year takes
  the year that puts it nearest the document date.
- A year (2024) is that year.

>>> resolve("أمس", date(2024, 3, 12))
When(start=datetime.date(2024, 3, 11), end=datetime.date(2024, 3, 11), precision='day')
>>> resolve("12 رمضان 1445", None).start
datetime.date(2024, 3, 22)
"""

from __future__ import annotations

import calendar
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any, NamedTuple

from .model import PLANNED, DocResult, Document, Sentence, Token, Triple
from .ordinal_days import ordinal_day_end, ordinal_day_words
from .text import ARABIC_LETTER, normalize

log = logging.getLogger(__name__)

#: Gregorian month names: Egyptian/Gulf, Levantine/Iraqi, Maghreb, English.
GREGORIAN_MONTHS: dict[str, int] = {
    normalize(w): n
    for n, names in enumerate(
        (
            "يناير|كانون الثاني|جانفي|january",
            "فبراير|شباط|فيفري|february",
            "مارس|آذار|march",
            "أبريل|إبريل|نيسان|أفريل|april",
            "مايو|أيار|ماي|may",
            "يونيو|يونيه|حزيران|جوان|june",
            "يوليو|يوليه|تموز|جويلية|يوليوز|july",
            "أغسطس|آب|أوت|غشت|august",
            "سبتمبر|أيلول|شتنبر|september",
            "أكتوبر|تشرين الأول|october",
            "نوفمبر|تشرين الثاني|نونبر|november",
            "ديسمبر|كانون الأول|دجنبر|december",
        ),
        1,
    )
    for w in names.split("|")
}
#: Hijri month names (with their common spellings).
HIJRI_MONTHS: dict[str, int] = {
    normalize(w): n
    for n, names in enumerate(
        (
            "محرم",
            "صفر",
            "ربيع الأول",
            "ربيع الثاني|ربيع الآخر",
            "جمادى الأولى|جمادى الأول",
            "جمادى الآخرة|جمادى الثانية|جمادى الآخر",
            "رجب",
            "شعبان",
            "رمضان",
            "شوال",
            "ذو القعدة|ذي القعدة",
            "ذو الحجة|ذي الحجة",
        ),
        1,
    )
    for w in names.split("|")
}
#: Weekdays, Monday 0 as in :meth:`datetime.date.weekday`.
#: The Arabic words of the month names, without the words that only qualify one (الأول,
#: الثاني, ذو): كانون, تشرين, ربيع, القعدة stand for a month alone; for the name finders,
#: which must not read a month as a name.
MONTH_WORDS = frozenset(
    w
    for name in (*GREGORIAN_MONTHS, *HIJRI_MONTHS)
    for w in name.split()
    if ARABIC_LETTER.search(w)
) - {normalize(w) for w in "الأول الأولى الثاني الثانية الآخر الآخرة ذو ذي".split()}
WEEKDAYS: dict[str, int] = {
    normalize(w): n
    for n, w in enumerate("الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد".split())
} | {"الاتنين": 0, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3}
WEEKDAYS |= {"friday": 4, "saturday": 5, "sunday": 6}
#: Days relative to the document date, longest first.
DEICTIC: tuple[tuple[str, int], ...] = (
    ("اول امس", -2),
    ("امس الاول", -2),
    ("بعد غد", 2),
    ("امس", -1),
    ("البارحه", -1),
    ("اليوم", 0),
    ("غدا", 1),
    ("غد", 1),
    ("yesterday", -1),
    ("today", 0),
    ("tomorrow", 1),
)
#: Ordinals after اليوم that make it a day of something else, not today (اليوم الثاني من
#: الهدنة, في اليوم الأول من المؤتمر, اليوم التالي): no day relative to the document.
ORDINAL_DAYS = frozenset(
    normalize(w)
    for w in (
        "الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر الأخير "
        "التالي السابق الأولى الثانية الثالثة"
    ).split()
)
_PAST = frozenset(
    normalize(w) for w in "الماضي الماضية الفائت الفائتة المنصرم المنصرمة last".split()
)
_NEXT = frozenset(normalize(w) for w in "المقبل المقبلة القادم القادمة next".split())
_THIS = frozenset(normalize(w) for w in "الجاري الجارية الحالي الحالية هذا هذه this".split())
_UNITS = {"الاسبوع": "week", "اسبوع": "week", "الشهر": "month", "شهر": "month"}
_UNITS |= {"العام": "year", "عام": "year", "السنه": "year", "سنه": "year", "week": "week"}
_UNITS |= {"month": "month", "year": "year"}
#: Which third of a month or year: مطلع, منتصف, أواخر.
_PARTS = {
    normalize(w): n
    for n, ws in enumerate(("مطلع أوائل بداية بدايات early", "منتصف أواسط mid", "أواخر نهاية late"))
    for w in ws.split()
}
#: Words that put a sentence in the future (the سـ prefix is a token, or a verb's start).
FUTURE_WORDS = frozenset(
    normalize(w) for w in "سوف المقرر يعتزم تعتزم يزمع تزمع يرتقب will".split()
)
#: Relations whose fact happens when its event does: the time of «حضر أمس الاجتماع» is
#: the meeting's, that of «أدان أمس الهجوم» is not the attack's.
EVENT_TIME_RELATIONS = frozenset({"participatedIn", "attended", "hosted", "opened", "launched"})
_DATE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_YEAR = re.compile(r"(1[3-4]\d\d|19\d\d|20\d\d)(?:هـ|ه|م)?")


class When(NamedTuple):
    """A resolved time: the days ``start..end`` (inclusive) and the precision the words
    gave: ``day``, ``month``, ``year`` or ``span``."""

    start: date
    end: date
    precision: str

    @property
    def value(self) -> str:
        """The lexical form of the most precise single value ("" for a span).

        >>> When(date(2024, 3, 1), date(2024, 3, 31), "month").value
        '2024-03'
        """
        if self.precision == "day":
            return self.start.isoformat()
        if self.precision == "month":
            return self.start.isoformat()[:7]
        if self.precision == "year":
            return str(self.start.year)
        return ""


def parse_date(value: str) -> date | None:
    """A ``YYYY-MM-DD`` date at the start of ``value`` (a timestamp's date), else None.

    >>> parse_date("2024-03-12T10:00:00Z"), parse_date("2024-02-30"), parse_date("soon")
    (datetime.date(2024, 3, 12), None, None)
    """
    m = _DATE.match(value.strip())
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def check_date(value: str) -> str:
    """``value`` if it is a ``YYYY-MM-DD`` date, else a ValueError saying what is wanted.

    >>> check_date("2024-03-12")
    '2024-03-12'
    >>> check_date("12/03/2024")
    Traceback (most recent call last):
    ValueError: not a date: '12/03/2024' (expected YYYY-MM-DD, e.g. 2024-03-12)
    """
    if parse_date(value) is None or len(value.strip()) != 10:
        raise ValueError(f"not a date: {value!r} (expected YYYY-MM-DD, e.g. 2024-03-12)")
    return value.strip()


# ------------------------------------------------------------------ document dates


def _month_names() -> str:
    names = sorted((*GREGORIAN_MONTHS, *HIJRI_MONTHS), key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


_DAY_MONTH = rf"(\d{{1,2}})\s+(?:من\s+)?({_month_names()})(?:\s+(?:عام\s+|سنه\s+)?(\d{{4}}))?"
_WEEKDAY = rf"(?:(?:يوم\s+)?(?:{'|'.join(WEEKDAYS)})\s*[،,]?\s*)?"
#: A dateline: a place (one word before في, or up to 40 characters before a dash, colon or
#: comma), perhaps a weekday, then a day, a month and perhaps a year; or a line that
#: starts with such a date. A date inside a sentence («أعلنت الحكومة في 3 مارس») is none.
_DATELINE = re.compile(
    rf"^(?:[^\s\d():،,\-–—]{{2,20}}\s+في\s+|[^\d\n:،,\-–—()]{{1,40}}?\s*[-–—:،,]\s*)?"
    rf"{_WEEKDAY}(?:في\s+)?{_DAY_MONTH}"
    rf"\s*(?:[-–—:،,(]|$)",
    re.M,
)


def dateline(text: str, near: date | None = None) -> str:
    """The date of a dateline in the first lines of ``text`` (``YYYY-MM-DD``), or "".
    A dateline without its year needs ``near`` (the year nearest it is taken).

    >>> dateline("الرياض - 12 مارس 2024: التقى الوزير نظيره أمس.")
    '2024-03-12'
    >>> dateline("القاهرة في 3 يناير (رويترز) - قال الوزير", near=date(2024, 1, 5))
    '2024-01-03'
    >>> dateline("قتل 12 شخصا في هجوم.")
    ''
    """
    head = "\n".join(normalize(line) for line in text[:400].split("\n")[:4])
    m = _DATELINE.search(head)
    if not m:
        return ""
    when = _calendar([m[1], *m[2].split(), *([m[3]] if m[3] else [])], near)
    return when.start.isoformat() if when and when.precision == "day" else ""


def dated(doc: Document, default: str = "") -> Document:
    """``doc`` with a ``date`` in its metadata when it had none: from a dateline, else
    ``default`` (``kg build --date``). ``date-from`` says which.

    >>> d = dated(Document("d", "الرياض - 12 مارس 2024: قال الوزير."))
    >>> d.meta
    (('date', '2024-03-12'), ('date-from', 'dateline'))
    >>> dated(Document("d", "قال الوزير."), "2024-01-02").meta
    (('date', '2024-01-02'), ('date-from', 'option'))

    A given date that is no date (a 30th of February, a number) is dropped with a warning
    naming the document, and the dateline or ``default`` apply instead:

    >>> dated(Document("d", "قال الوزير.", meta=(("date", "2024-02-30"),)), "2024-01-02").meta
    (('date', '2024-01-02'), ('date-from', 'option'))
    """
    given = [v for k, v in doc.meta if k == "date" and v.strip()]
    if given and parse_date(given[0]) is not None:
        return doc
    if given:
        log.warning(
            "%s: date %r is not a date (expected YYYY-MM-DD); ignored", doc.source, given[0][:40]
        )
        doc = replace(doc, meta=tuple((k, v) for k, v in doc.meta if k != "date"))
    found = dateline(doc.text, parse_date(default)) if doc.format == "text" else ""
    if found:
        return replace(doc, meta=(*doc.meta, ("date", found), ("date-from", "dateline")))
    if default:
        return replace(doc, meta=(*doc.meta, ("date", default), ("date-from", "option")))
    return doc


def reference_date(doc: Document) -> date | None:
    """The date the document's time expressions are resolved against: its own date,
    else the date a WARC record was captured.

    >>> reference_date(Document("d", "x", meta=(("archived", "2024-05-01"),)))
    datetime.date(2024, 5, 1)
    """
    meta = dict(doc.meta)
    for key in ("date", "archived"):
        got = parse_date(meta.get(key, ""))
        if got is not None:
            return got
    return None


# ------------------------------------------------------------------ resolving


def resolve(words: str, ref: date | None, future: bool = False) -> When | None:
    """The days a time expression names, against the document date ``ref`` (None when
    it is unknown: only a complete date or a year resolves then). ``future``: the
    sentence speaks of what will happen (it decides a bare weekday).

    >>> d = date(2024, 3, 13)  # a Wednesday
    >>> [resolve(w, d).value for w in ("أول أمس", "يوم الأحد", "3 آذار", "الشهر الماضي")]
    ['2024-03-11', '2024-03-10', '2024-03-03', '2024-02']
    >>> resolve("الأحد", d, future=True).value, resolve("الأربعاء المقبل", d).value
    ('2024-03-17', '2024-03-20')
    >>> w = resolve("الأسبوع الماضي", d)
    >>> w.start.isoformat(), w.end.isoformat(), w.precision
    ('2024-03-02', '2024-03-08', 'span')
    >>> resolve("مطلع الشهر الجاري", d)[:2]
    (datetime.date(2024, 3, 1), datetime.date(2024, 3, 10))
    """
    toks = normalize(words).replace("،", " ").split()
    part = next((_PARTS[t] for t in toks if t in _PARTS), None)
    found = _calendar(toks, ref) or _deictic(toks, ref) or _unit(toks, ref)
    found = found or _weekday(toks, ref, future)
    if found is None:
        return None
    if part is not None and found.precision in ("month", "year"):
        return _third(found, part)
    return found


#: The month tables, each name with its month, longest name first (so that a name that
#: holds a shorter one wins), the Hijri table first.
_MONTHS_LONGEST_FIRST = tuple(
    (tuple(sorted(names.items(), key=lambda x: -len(x[0]))), hijri)
    for names, hijri in ((HIJRI_MONTHS, True), (GREGORIAN_MONTHS, False))
)


def _calendar(toks: Sequence[str], ref: date | None) -> When | None:
    """A written date: [day] month [year], or a year alone; a day before من الشهر …."""
    text = " ".join(toks)
    year_m = next((_YEAR.fullmatch(t) for t in toks if _YEAR.fullmatch(t)), None)
    year = int(year_m[1]) if year_m else None
    day = next((int(t) for t in toks if t.isdigit() and 1 <= int(t) <= 31), None)
    day = day or _ordinal_day(toks)
    for names, hijri in _MONTHS_LONGEST_FIRST:
        month = next((n for w, n in names if _has(text, w)), None)
        if month is not None:
            return _dated(day, month, year, _Anchor(ref, _shift(toks)), hijri)
    if day is not None and "الشهر" in toks and ref is not None:
        unit = _unit(toks, ref)
        if unit is not None and unit.precision == "month":
            return _day(unit.start.year, unit.start.month, day)
    if year is not None and year >= 1900:
        return When(date(year, 1, 1), date(year, 12, 31), "year")
    return None


def _ordinal_day(toks: Sequence[str]) -> int | None:
    """The day of a date written in words before من (الحادي عشر من أبريل: 11).

    >>> resolve("الحادي عشر من أبريل", date(2024, 5, 2)).value
    '2024-04-11'
    """
    for m in range(2, len(toks)):
        start = ordinal_day_end(toks, m)
        if start >= 0:
            return ordinal_day_words(toks[start : m - 1])[0]
    return None


def _has(text: str, words: str) -> bool:
    """Whether ``words`` stand in ``text`` as whole words (a substring test first: most
    month names are not in a phrase at all)."""
    return words in text and re.search(rf"(?:^| ){re.escape(words)}(?: |$)", text) is not None


class _Anchor(NamedTuple):
    """The document date, and whether the words say before it (-1: الماضي), after it
    (1: المقبل) or either (None, 0)."""

    ref: date | None
    shift: int | None


def _nearest(years: Sequence[int], to_date: Callable[[int], date], a: _Anchor) -> int | None:
    """Of the years a date without its year may be in, the one that puts it nearest the
    document date (only before it after الماضي, only after it after المقبل)."""
    ref = a.ref
    if ref is None:
        return None
    fits = [y for y in years if a.shift not in (-1, 1) or (to_date(y) - ref).days * a.shift > 0]
    return min(fits, key=lambda y: abs((to_date(y) - ref).days)) if fits else None


def _dated(day: int | None, month: int, year: int | None, a: _Anchor, hijri: bool) -> When | None:
    if hijri:
        return _hijri(day, month, year, a)
    if year is None and a.ref is not None:
        years = (a.ref.year - 1, a.ref.year, a.ref.year + 1)
        year = _nearest(years, lambda y: date(y, month, min(day or 15, 28)), a)
    if year is None:
        return None
    if day is None:
        return When(date(year, month, 1), _month_end(year, month), "month")
    return _day(year, month, day)


def _hijri(day: int | None, month: int, year: int | None, a: _Anchor) -> When | None:
    from hijridate import Gregorian, Hijri

    try:
        if year is None and a.ref is not None:
            h = Gregorian(a.ref.year, a.ref.month, a.ref.day).to_hijri().year
            year = _nearest(
                (h - 1, h, h + 1), lambda y: _gregorian(Hijri(y, month, min(day or 15, 29))), a
            )
        if year is None:
            return None
        if day is not None:
            g = _gregorian(Hijri(year, month, day))
            return When(g, g, "day")
        first = Hijri(year, month, 1)
        last = Hijri(year, month, first.month_length())
        return When(_gregorian(first), _gregorian(last), "span")
    except (ValueError, OverflowError):
        return None


def _gregorian(h: Any) -> date:
    g = h.to_gregorian()
    return date(g.year, g.month, g.day)


def _day(year: int, month: int, day: int) -> When | None:
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    return When(d, d, "day")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _deictic(toks: Sequence[str], ref: date | None) -> When | None:
    text = " ".join(toks)
    for words, days in DEICTIC:
        if ref is not None and _has(text, words) and not ordinal_day(text):
            d = ref + timedelta(days=days)
            return When(d, d, "day")
    return None


def ordinal_day(words: str) -> bool:
    """Whether اليوم in the words is a numbered day of something (اليوم الثاني من الهدنة,
    the second day of the truce), not today.

    >>> ordinal_day("في اليوم الأول من المؤتمر"), ordinal_day("اليوم الخميس")
    (True, False)
    >>> resolve("اليوم الثاني من الهدنة", date(2024, 3, 13)) is None
    True
    """
    toks = normalize(words).split()
    return any(t == "اليوم" and nxt in ORDINAL_DAYS for t, nxt in zip(toks, toks[1:], strict=False))


def _shift(toks: Sequence[str]) -> int | None:
    if any(t in _PAST for t in toks):
        return -1
    if any(t in _NEXT for t in toks):
        return 1
    if any(t in _THIS for t in toks):
        return 0
    return None


def _unit(toks: Sequence[str], ref: date | None) -> When | None:
    """الأسبوع/الشهر/العام الماضي, المقبل, الجاري (a bare الشهر after مطلع: this one)."""
    unit = next((_UNITS[t] for t in toks if t in _UNITS), None)
    shift = _shift(toks)
    if shift is None and any(t in _PARTS for t in toks):
        shift = 0
    if ref is None or unit is None or shift is None:
        return None
    if unit == "week":
        start = ref - timedelta(days=(ref.weekday() - 5) % 7) + timedelta(weeks=shift)
        return When(start, start + timedelta(days=6), "span")
    if unit == "month":
        y, m = divmod(ref.year * 12 + ref.month - 1 + shift, 12)
        return When(date(y, m + 1, 1), _month_end(y, m + 1), "month")
    y = ref.year + shift
    return When(date(y, 1, 1), date(y, 12, 31), "year")


def _weekday(toks: Sequence[str], ref: date | None, future: bool) -> When | None:
    day = next((WEEKDAYS[t] for t in toks if t in WEEKDAYS), None)
    if ref is None or day is None:
        return None
    shift = _shift(toks)
    ahead = (day - ref.weekday()) % 7
    if shift == 1 or (shift is None and future):
        d = ref + timedelta(days=ahead or (7 if shift == 1 else 0))
    else:
        back = (ref.weekday() - day) % 7
        d = ref - timedelta(days=back or (7 if shift == -1 else 0))
    return When(d, d, "day")


def _third(w: When, part: int) -> When:
    """The first, middle or last third of a month (days 1-10, 11-20, 21-end) or year."""
    if w.precision == "month":
        first = w.start.replace(day=(1, 11, 21)[part])
        last = w.end if part == 2 else w.start.replace(day=(10, 20)[part])
        return When(first, last, "span")
    first = w.start.replace(month=(1, 5, 9)[part])
    return When(first, _month_end(w.start.year, (4, 8, 12)[part]), "span")


# ------------------------------------------------------------------ sentences


def speaks_of_future(sentence: Sentence) -> bool:
    """Whether a sentence speaks of what will happen: a سـ/سوف before a verb, or words
    like من المقرر, يعتزم.

    >>> from kg.model import Token
    >>> speaks_of_future(Sentence(0, 0, 8, "سيلتقي", (Token(1, "س", "س", "AUX", 2, "aux", 0, 1),
    ...     Token(2, "يلتقي", "التقى", "VERB", 0, "root", 1, 6))))
    True
    """
    return any(_future_mark(sentence.tokens, i) for i in range(len(sentence.tokens)))


def _future_mark(toks: Sequence[Token], i: int) -> bool:
    """Whether token i puts its sentence in the future: a word of ``FUTURE_WORDS``, a
    سـ token before a verb, or a verb in the present that starts with سـ."""
    t = toks[i]
    n = normalize(t.form)
    if n in FUTURE_WORDS:
        return True
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if n == "س" and nxt is not None and nxt.upos in ("VERB", "AUX") and nxt.start == t.end:
        return True
    return t.upos == "VERB" and n[:2] in ("سي", "ست", "سن", "سا") and t.feat("Aspect") == "Imp"


def future_at(sentence: Sentence, head: int) -> bool:
    """Whether the time expression headed by token ``head`` speaks of what will happen
    (it decides a bare weekday). The verb it modifies decides when the parse gives one: a
    verb in the perfect, with no future marker before the time, tells the past, though
    the sentence speaks of the future further on (قال الوزير الأحد إن الحكومة
    ستصدر تقريرا: last Sunday); a verb in the present, not after كان, tells what is to
    come (قد يعقد الاجتماع الخميس: news tells past events in the perfect). Otherwise the
    sentence decides (:func:`speaks_of_future`).

    >>> from kg.model import Token
    >>> toks = (Token(1, "قال", "قال", "VERB", 0, "root", 0, 3, feats="Aspect=Perf"),
    ...     Token(2, "الأحد", "أحد", "NOUN", 1, "obl", 4, 9),
    ...     Token(3, "سيصدر", "أصدر", "VERB", 1, "ccomp", 10, 15, feats="Aspect=Imp"))
    >>> s = Sentence(0, 0, 15, "قال الأحد سيصدر", toks)
    >>> speaks_of_future(s), future_at(s, 2)
    (True, False)
    """
    toks = sentence.tokens
    if not 0 < head <= len(toks):
        return speaks_of_future(sentence)
    verb, seen = toks[head - 1].head, {head}
    while 0 < verb <= len(toks) and verb not in seen and toks[verb - 1].upos != "VERB":
        seen.add(verb)
        verb = toks[verb - 1].head
    if not 0 < verb <= len(toks) or verb in seen:
        return speaks_of_future(sentence)
    v = toks[verb - 1]
    before = min(verb, head) - 1
    if any(_future_mark(toks, i) for i in range(max(0, before - 3), max(verb, head))):
        return True  # سيلتقي يوم الجمعة، من المقرر أن يصل الأحد
    if v.feat("Aspect") == "Perf":
        return speaks_of_future(sentence) and any(_future_mark(toks, i) for i in range(head))
    if v.feat("Aspect") == "Imp" and v.feat("Mood") != "Jus" and not _told_then(toks, verb):
        return True
    return speaks_of_future(sentence)


def _governor(toks: Sequence[Token], head: int) -> int:
    """The verb that token ``head`` hangs on (up its chain of heads), or 0."""
    verb, seen = toks[head - 1].head, {head}
    while 0 < verb <= len(toks) and verb not in seen and toks[verb - 1].upos != "VERB":
        seen.add(verb)
        verb = toks[verb - 1].head
    return verb if 0 < verb <= len(toks) and verb not in seen else 0


def _on_past_act(sentence: Sentence, head: int) -> bool:
    """Whether the time headed by token ``head`` hangs on a verb in the perfect (دعت
    السعودية إلى اجتماع، الأحد: on the call, though the day is the meeting's)."""
    toks = sentence.tokens
    verb = _governor(toks, head) if 0 < head <= len(toks) else 0
    return bool(verb) and toks[verb - 1].feat("Aspect") == "Perf"


def _told_then(toks: Sequence[Token], verb: int) -> bool:
    """Whether a verb in the present is told from the past: after كان, or in a clause of
    a verb in the perfect (كان المتحدث قد أعلن أن الرئيس يتوجه الثلاثاء: that Tuesday
    may be gone by the article's date)."""
    if any(
        normalize(toks[i].lemma or toks[i].form) in ("كان", "كانت")
        for i in range(max(0, verb - 4), verb - 1)
    ):
        return True
    seen = {verb}
    up = toks[verb - 1].head
    while 0 < up <= len(toks) and up not in seen:
        seen.add(up)
        t = toks[up - 1]
        if t.upos in ("VERB", "AUX") and t.feat("Aspect") == "Perf":
            return True
        up = t.head
    return False


def resolved_times(result: DocResult) -> dict[str, When]:
    """Every time expression of a document that resolves: entity key -> When. A time
    said in several sentences is resolved in the first.

    >>> from kg.pipeline import Options, Stages, process
    >>> doc = Document("d", "عقد الوزير اجتماعا يوم الأحد في بغداد.", "ar", meta=(("date", "2024-03-13"),))
    >>> r = process(doc, Stages.from_options(Options(analyser="rules", linker="none")))
    >>> [w.value for w in resolved_times(r).values()]
    ['2024-03-10']
    """
    ex = result.extraction
    ref = reference_date(result.doc)
    first: dict[str, int] = {}
    heads: dict[str, int] = {}
    for m in ex.mentions:
        first.setdefault(m.entity, m.sentence)
        heads.setdefault(m.entity, m.head)
    sentences = {s.index: s for s in ex.analysed.sentences}
    out: dict[str, When] = {}
    # the time of an event said to come that a parse hangs on the act in the past that
    # announced it (دعت إلى اجتماع طارئ، الأحد: the coming Sunday)
    coming = {t.object for t in ex.triples if t.relation == "pointInTime" and t.modality == PLANNED}
    for e in ex.entities:
        if e.cls != "TimeExpression":
            continue
        s = sentences.get(first.get(e.key, -1))
        head = heads.get(e.key, 0)
        future = s is not None and (
            future_at(s, head) or (e.key in coming and _on_past_act(s, head))
        )
        when = resolve(e.value or e.label, ref, future)
        if when is not None:
            out[e.key] = when
    return out


def dated_things(
    result: DocResult, times: dict[str, When]
) -> tuple[dict[str, When], list[tuple[Triple, When]]]:
    """What carries a date besides the time expressions: each event with a point in
    time, else one that a fact of ``EVENT_TIME_RELATIONS`` dated by its own predicate's
    time is about (an event told
    at two times that disagree gets none: it is two events taken for one); and each fact
    whose predicate a time modifies (``Triple.time``: أعلن الجيش أمس …), else each fact
    about a dated time or event (the point-in-time fact itself, its participants').

    Returns (entity key -> When for events, [(triple, When)] for facts)."""
    triples = result.extraction.triples
    own = _own_times(result)
    told: dict[str, set[When]] = {}
    for t in triples:
        if t.relation == "pointInTime" and t.object in times:
            told.setdefault(t.subject, set()).add(times[t.object])
    events_ = {e.key for e in result.extraction.entities if e.cls == "Event"}
    by_facts: dict[str, set[When]] = {}
    for t, w in own.items():
        if t.relation not in EVENT_TIME_RELATIONS:
            continue  # condemned yesterday an attack of another day
        for end in {t.subject, t.object} & events_ - set(told):
            by_facts.setdefault(end, set()).add(w)
    events = {key: next(iter(ws)) for key, ws in (*told.items(), *by_facts.items()) if len(ws) == 1}
    dated = {**times, **events}
    facts = []
    for t in triples:
        when = own.get(t) or dated.get(t.object) or dated.get(t.subject)
        if when is not None:
            facts.append((t, when))
    return events, facts


def _own_times(result: DocResult) -> dict[Triple, When]:
    """Each fact whose predicate a time expression modifies, and what that resolves to."""
    ref = reference_date(result.doc)
    ex = result.extraction
    sentences = {s.index: s for s in ex.analysed.sentences}
    words = {e.key: e.value or e.label for e in ex.entities if e.cls == "TimeExpression"}
    heads = {(m.sentence, words[m.entity]): m.head for m in ex.mentions if m.entity in words}
    out = {}
    for t in ex.triples:
        if t.time and t.sentence in sentences:
            head = heads.get((t.sentence, t.time), 0)
            when = resolve(t.time, ref, future_at(sentences[t.sentence], head))
            if when is not None:
                out[t] = when
    return out


def when_pairs(when: When) -> Iterable[tuple[str, str, str]]:
    """(property local name, lexical value, XSD datatype) for a When: ``date`` (the most
    precise single value, absent for a span), ``startDate`` and ``endDate``.

    >>> list(when_pairs(When(date(2024, 3, 1), date(2024, 3, 31), "month")))
    [('date', '2024-03', 'gYearMonth'), ('startDate', '2024-03-01', 'date'), ('endDate', '2024-03-31', 'date')]
    """
    kind = {"day": "date", "month": "gYearMonth", "year": "gYear"}.get(when.precision)
    if kind:
        yield "date", when.value, kind
    yield "startDate", when.start.isoformat(), "date"
    yield "endDate", when.end.isoformat(), "date"


def date_triples(
    result: DocResult, iri: Callable[[str], object], fact_iri: Callable[[Triple], object]
) -> list[tuple[object, object, object]]:
    """The date triples of one document: on its time expressions, its dated events and
    the facts about them (``iri``: an entity key's node; ``fact_iri``: a fact's node)."""
    from rdflib import Literal
    from rdflib.namespace import XSD

    from .vocab import KG

    times = resolved_times(result)
    events, facts = dated_things(result, times)
    subjects = [(iri(k), w) for k, w in (*times.items(), *events.items())]
    subjects += [(fact_iri(t), w) for t, w in facts]
    return [
        (node, KG[name], Literal(value, datatype=XSD[kind]))
        for node, when in subjects
        for name, value, kind in when_pairs(when)
    ]
