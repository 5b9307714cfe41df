"""Readings of Arabic words and their parts: the types the analyser passes on (a
:class:`Part` is one syntactic word inside a surface word, a :class:`Reading` a full
analysis), the clitics (conjunctions, prepositions, the future marker, pronoun suffixes)
and character offsets counted in letters (diacritics skipped)."""

from __future__ import annotations

from dataclasses import dataclass

from ...text import strip_diacritics

# --------------------------------------------------------------------------- types


@dataclass(frozen=True, slots=True)
class Part:
    """One syntactic word inside a surface word: ``surface[start:end]``."""

    start: int
    end: int
    upos: str
    lemma: str
    feats: str = "_"
    tag: str = ""  # syntactic class for the parser (prep, conj, sub, rel, verb, noun, ...)


@dataclass(frozen=True, slots=True)
class Reading:
    """A full analysis of a surface word: its parts and the content part's properties."""

    parts: tuple[Part, ...]
    main: int  # index of the content (or function) part that carries the word's meaning
    pos: str  # V (verb), N (noun), A (adjective-capable noun), PN (proper noun), F (function word), NUM, PUNCT
    lemma: str
    score: float
    ntype: str = ""  # farahidi's noun type code: vn, nisba, ap, pp, prop, ...
    tense: str = ""  # past / pres / imp
    voice: str = ""
    person: str = ""  # 3ms, 3fs, 3mp, ... (the verb's subject agreement)
    gender: str = ""
    number: str = ""
    definite: bool = False
    source: str = ""  # fw, lex, farahidi, name, unknown
    #: a proper noun of the lexicon read as a common noun because it carries a pronoun
    #: suffix (لقائه): it ranks below the word's own common readings, as the name did
    suffixed_name: bool = False

    @property
    def head(self) -> Part:
        return self.parts[self.main]


def rescored(r: Reading, score: float, source: str = "") -> Reading:
    """``r`` with another score (and another source, when one is given): what
    ``dataclasses.replace`` gives, made without its walk over the fields (the analyser
    rescores thousands of readings).

    >>> from dataclasses import fields, replace
    >>> r = Reading((Part(0, 3, "NOUN", "x"),), 0, "N", "x", 1.0, "n", "past", "act", "3ms", "m", "s", True, "lex", True)
    >>> rescored(r, 0.5, "composed") == replace(r, score=0.5, source="composed")
    True
    >>> rescored(r, 0.5) == replace(r, score=0.5), len(fields(Reading))  # (every field)
    (True, 14)
    """
    return Reading(
        r.parts,
        r.main,
        r.pos,
        r.lemma,
        score,
        r.ntype,
        r.tense,
        r.voice,
        r.person,
        r.gender,
        r.number,
        r.definite,
        source or r.source,
        r.suffixed_name,
    )


PRON_SUFFIX = {
    "ه": "Gender=Masc|Number=Sing|Person=3",
    "ها": "Gender=Fem|Number=Sing|Person=3",
    "هم": "Gender=Masc|Number=Plur|Person=3",
    "هما": "Number=Dual|Person=3",
    "هن": "Gender=Fem|Number=Plur|Person=3",
    "كم": "Gender=Masc|Number=Plur|Person=2",
    "كما": "Number=Dual|Person=2",
    "كن": "Gender=Fem|Number=Plur|Person=2",
    "ك": "Number=Sing|Person=2",
    "نا": "Number=Plur|Person=1",
    "ني": "Number=Sing|Person=1",
    "ي": "Number=Sing|Person=1",
}
PRON_LEMMA = {
    "ه": "هُوَ",
    "ها": "هِيَ",
    "هم": "هُم",
    "هما": "هُمَا",
    "هن": "هُنَّ",
    "نا": "نَحنُ",
    "ني": "أَنَا",
    "ي": "أَنَا",
}
PRON_LEMMA.update({"ك": "أَنتَ", "كم": "أَنتُم", "كما": "أَنتُمَا", "كن": "أَنتُنَّ"})
# suffix forms, longest first, for splitting
SUFFIXES = sorted(PRON_SUFFIX, key=len, reverse=True)

CLITIC_PARTS = {
    "و": ("CCONJ", "وَ", "_", "conj"),
    "ف": ("CCONJ", "فَ", "_", "conj"),
    "ب": ("ADP", "بِ", "_", "prep"),
    "ل": ("ADP", "لِ", "_", "prep"),
    "ك": ("ADP", "كَ", "_", "prep"),
    "س": ("AUX", "سَ", "_", "fut"),
    "أ": ("PART", "أَ", "PronType=Int", "q"),
}


# Allomorphs of prepositions before a pronoun suffix: على+ه = عليه.
def letter_index(surface: str, n_letters: int) -> int:
    """Index in ``surface`` just after its first ``n_letters`` letters (diacritics skipped).

    >>> letter_index("وَقال", 1)
    2
    """
    seen = 0
    for i, ch in enumerate(surface):
        if strip_diacritics(ch) == "":
            continue
        if seen == n_letters:
            return i
        seen += 1
    return len(surface)


def letter_index_from_end(surface: str, n_letters: int) -> int:
    seen = 0
    i = len(surface)
    while i > 0 and seen < n_letters:
        i -= 1
        if strip_diacritics(surface[i]) != "":
            seen += 1
    return i


def clitic_letters(surface: str, letters: str) -> tuple[list[Part], int]:
    """The parts of the proclitic letters (و ف ب ل ك س أ) at the start of ``surface``, and
    where the rest starts."""
    parts: list[Part] = []
    pos = 0
    for k, ch in enumerate(letters):
        end = letter_index(surface, k + 1)
        upos, lemma, feats, tag = CLITIC_PARTS[ch]
        parts.append(Part(pos, end, upos, lemma, feats, tag))
        pos = end
    return parts, pos


def suffix_part(surface: str, start: int, suf: str) -> Part:
    """The pronoun suffix ``suf`` as the part ``surface[start:]``."""
    return Part(
        start,
        len(surface),
        "PRON",
        PRON_LEMMA.get(suf, suf),
        PRON_SUFFIX[suf] + "|PronType=Prs",
        "pron",
    )
