"""Days of the month written as ordinal words: الحادي عشر من أبريل (the 11th of April).

News writes a date's day in digits (11 أبريل) or, more formally, as an ordinal and من
before the month: الأول من مارس, الخامس عشر من مايو, الحادي والعشرين من يونيو, العشرين من
يوليو. This module reads such a day: its number and how many words it takes.

>>> ordinal_day_words("الحادي عشر من أبريل".split())
(11, 2)
>>> ordinal_day_words("الثالث والعشرين من مايو".split())
(23, 2)
>>> ordinal_day_words(["العشرين"]), ordinal_day_words(["الأول"]), ordinal_day_words(["الاجتماع"])
((20, 1), (1, 1), (0, 0))
>>> ordinal_day_end("وصل في الخامس عشر من مارس".split(), 5)
2
>>> ordinal_day_end("في الأسبوع الأول من مارس".split(), 4)
-1
"""

from __future__ import annotations

from collections.abc import Sequence

from .text import normalize

#: The ordinals of the units, masculine and feminine (اليوم الأول; الليلة الأولى), and
#: the form they take before عشر (الحادي عشر).
_UNITS = {
    normalize(w): n
    for n, ws in enumerate(
        (
            "الأول الأولى الحادي الحادية",
            "الثاني الثانية",
            "الثالث الثالثة",
            "الرابع الرابعة",
            "الخامس الخامسة",
            "السادس السادسة",
            "السابع السابعة",
            "الثامن الثامنة",
            "التاسع التاسعة",
            "العاشر العاشرة",
        ),
        start=1,
    )
    for w in ws.split()
}
#: The tens a day can have, alone or after a unit and و (الحادي والعشرين).
_TENS = {normalize(w): n for w, n in (("العشرين", 20), ("العشرون", 20), ("الثلاثين", 30))}
_TEEN = frozenset(normalize(w) for w in "عشر عشرة".split())


def ordinal_day_words(words: Sequence[str]) -> tuple[int, int]:
    """(day, words) of an ordinal day at the start of ``words``, or (0, 0): a unit
    (الأول ... العاشر), a unit and عشر (الحادي عشر), a ten (العشرين), or a unit, و and a ten
    (الثالث والعشرين). Days above 31 are none."""
    ws = [normalize(w) for w in words[:3]]
    if not ws:
        return 0, 0
    first = ws[0]
    if first in _TENS:
        return _TENS[first], 1
    unit = _UNITS.get(first, 0)
    if not unit:
        return 0, 0
    if len(ws) > 1 and ws[1] in _TEEN and unit < 10:
        return 10 + unit, 2
    if len(ws) > 1 and ws[1].startswith("و") and ws[1][1:] in _TENS and unit < 10:
        day = _TENS[ws[1][1:]] + unit
        return (day, 2) if day <= 31 else (0, 0)
    if len(ws) > 2 and ws[1] == "و" and ws[2] in _TENS and unit < 10:
        day = _TENS[ws[2]] + unit
        return (day, 3) if day <= 31 else (0, 0)
    return unit, 1


def ordinal_day_end(words: Sequence[str], month: int) -> int:
    """Where an ordinal day ending right before «من» + the month word at ``month`` starts
    (the index of its first word), or -1: الخامس عشر من مارس. The day's phrase must end
    at the من, so the ordinal of another noun (الأسبوع الأول من مارس) is no day: the word
    before the ordinal may not be a noun that it describes (a time noun other than يوم)."""
    if month < 2 or normalize(words[month - 1]) != "من":
        return -1
    for start in range(max(0, month - 4), month - 1):
        day, n = ordinal_day_words(words[start : month - 1])
        if day and start + n == month - 1:
            before = normalize(words[start - 1]) if start else ""
            if before in _DESCRIBED:
                return -1
            return start
    return -1


#: Nouns an ordinal describes before من + a month (the first week of March): no day.
_DESCRIBED = frozenset(
    normalize(w) for w in "الأسبوع الشهر الربع النصف الثلث الجزء الأسبوعين العشر الأيام".split()
)
