"""Participles used as nouns: a feminine active participle with a pronoun suffix.

Many feminine active participles name things (شاحنة a truck, ناقلة a tanker, حاملة a
carrier); with a pronoun suffix (شاحنتهم: their truck) the analyser may know the word
only as the participle, an adjective, and a verb. An adjective with a pronoun suffix is
in construct with it, so it cannot agree with an indefinite noun before it (قصفت طائرة
مسيرة شاحنتهم: the drone struck their truck, not "a drone charging them"): such a word
gets a noun reading too, the feminine noun of the participle, ranked just above the
adjective.

>>> from kg.analyse.rules.morph import analyse_word
>>> [(r.pos, r.lemma, [p.upos for p in r.parts]) for r in substantive_participles(analyse_word("شاحنتهم"))]
[('N', 'شاحنة', ['NOUN', 'PRON'])]
>>> substantive_participles(analyse_word("سيارتهم"))
()
"""

from __future__ import annotations

from dataclasses import replace

from ...text import strip_diacritics
from .parts import Part, Reading

#: How far above the adjective the noun reading ranks.
_ABOVE_ADJECTIVE = 0.05


def substantive_participles(readings: tuple[Reading, ...]) -> tuple[Reading, ...]:
    """A noun reading for a word read as a feminine active participle (ending in ة,
    written ت before the suffix) + a pronoun suffix when no reading makes it a noun."""
    if any(r.pos == "N" for r in readings):
        return ()
    for r in readings:
        if not _suffixed_feminine_participle(r):
            continue
        head = r.head
        stem = strip_diacritics(head.lemma)
        lemma = stem + "ة"
        noun = Part(head.start, head.end, "NOUN", lemma, "Gender=Fem|Number=Sing", "noun")
        parts = (*r.parts[: r.main], noun, *r.parts[r.main + 1 :])
        return (
            replace(
                r,
                parts=parts,
                pos="N",
                lemma=lemma,
                ntype="n",
                score=r.score + _ABOVE_ADJECTIVE,
                gender="f",
                number="s",
            ),
        )
    return ()


def _suffixed_feminine_participle(r: Reading) -> bool:
    return (
        r.pos == "A"
        and r.ntype == "ap"
        and r.gender == "f"
        and r.main == len(r.parts) - 2
        and r.parts[-1].upos == "PRON"
        and r.head.feats.find("Number=Plur") < 0
    )
