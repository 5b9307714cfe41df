"""Participles used as nouns: a feminine active participle with a pronoun suffix, and
the sound plurals of participles that name people.

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

A sound plural in ون/ين of a participle of a derived form (مُسْعِف, مُحَامٍ, مُنْقِذ: its م
is no root letter) or of a noun for people names a group of people (أصيب مسعفون),
however seldom the lexicon saw the word: no foreign name.

>>> people_plural("مسعفون", analyse_word("مسعفون")), people_plural("ومحامين", analyse_word("ومحامين"))
(True, True)
>>> people_plural("ماكرون", analyse_word("ماكرون")), people_plural("مرسين", analyse_word("مرسين"))
(False, False)
"""

from __future__ import annotations

from dataclasses import replace

from ...lexicon.words import people_nouns
from ...text import normalize, strip_diacritics
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


#: Sound plural endings of the masculine (nominative; accusative and genitive).
_SOUND_PLURAL = ("ون", "ين")


def people_plural(surface: str, readings: tuple[Reading, ...]) -> bool:
    """Whether a word in ون/ين has a plural reading of a noun for people or of a
    participle of a derived form (a lemma of four letters or more in م whose second
    letter is no alif, a final ي of a defective root aside: مسعف, محام, مستوطن; not the
    فاعل of a root in م, ماكر)."""
    if not normalize(surface).endswith(_SOUND_PLURAL):
        return False
    for r in readings:
        if r.pos not in ("N", "A") or r.number != "p":
            continue
        lemma = normalize(strip_diacritics(r.head.lemma))
        if lemma in people_nouns():
            return True
        stem = lemma.removesuffix("ي")  # (مُحَامٍ: محامي; مُرْسٍ of مرسين has a stem of three)
        if r.ntype in ("ap", "pp") and len(stem) >= 4 and stem[0] == "م" and stem[1] != "ا":
            return True
    return False
