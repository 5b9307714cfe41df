"""Parts of the day before a day: فجر الإثنين is dawn on Monday, not «he blew up Monday».

فجر (dawn) is also the verb فجّر (to blow up), ظهر (noon) the verb ظهر (to appear).
Right before a day (a weekday, اليوم, أمس, غدا, يوم) the word is the time of day: a verb
is followed by its subject or object, and a day is no subject (فجر اليوم، اقتحمت القوات
المخيم: at dawn today the forces stormed the camp). The verb stays where a day does not
follow (فجر مسلح نفسه: an armed man blew himself up).

>>> from kg.analyse.rules.morph import analyse_word
>>> {r.pos for r in day_part_nouns(analyse_word("فجر"), "فجر", "الإثنين")}
{'N'}
>>> sorted({r.pos for r in day_part_nouns(analyse_word("فجر"), "فجر", "مسلح")})
['N', 'V']
"""

from __future__ import annotations

from ...dates import WEEKDAYS
from ...text import normalize
from .parts import Reading

#: Parts of the day that are spelt as a verb too: dawn (فجّر, to blow up), noon (ظهر,
#: to appear).
_DAY_PARTS = frozenset(normalize(w) for w in "فجر ظهر".split())

#: Words for a day, besides the weekdays: today, yesterday, tomorrow, (the) day (of).
_DAYS = frozenset(normalize(w) for w in "اليوم أمس الأمس غدا الغد يوم البارحة".split()) | {
    w for w in WEEKDAYS if not w.isascii()
}


def day_part_nouns(readings: tuple[Reading, ...], surface: str, nxt: str) -> tuple[Reading, ...]:
    """The noun readings of a part of the day spelt as a verb too (فجر, ظهر, after و/ف)
    when a day follows it; all the readings otherwise."""
    n = normalize(surface)
    if n[:1] in ("و", "ف") and n[1:] in _DAY_PARTS:
        n = n[1:]
    if n not in _DAY_PARTS or normalize(nxt) not in _DAYS:
        return readings
    nouns = tuple(r for r in readings if r.pos == "N")
    return nouns or readings
