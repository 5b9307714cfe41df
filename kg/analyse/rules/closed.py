"""Closed-class words (``kg/data/ar/function_words.tsv``) and their readings, alone or with
the conjunction و/ف, a preposition ب/ل/ك and a pronoun suffix (وفي, بأن, عليه, لهم)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from ...text import normalize, strip_diacritics
from .parts import (
    PRON_SUFFIX,
    SUFFIXES,
    Part,
    Reading,
    clitic_letters,
    letter_index_from_end,
    suffix_part,
)

_PREP_BEFORE_SUFFIX = {"علي": "على", "الي": "الى", "لدي": "لدى"}  # keys normalised


@dataclass(frozen=True, slots=True)
class _FW:
    form: str
    upos: str
    lemma: str
    feats: str
    tag: str


@lru_cache(maxsize=1)
def function_words() -> dict[str, _FW]:
    """The closed-class words by undiacritised form (and hamza-less spelling)."""
    text = files("kg").joinpath("data/ar/function_words.tsv").read_text(encoding="utf-8")
    table: dict[str, _FW] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("form\t"):
            continue
        form, upos, lemma, feats, tag = line.split("\t")
        table.setdefault(strip_diacritics(form), _FW(form, upos, lemma, feats, tag))
    # hamza-less spellings (ان for أن) only where they collide with nothing
    for key, entry in list(table.items()):
        loose = normalize(key)
        if len(loose) >= 3 and loose not in table:
            table[loose] = entry
    return table


def function_readings(surface: str) -> list[Reading]:
    """Closed-class readings: [و|ف] [ب|ل|ك] FW [pronoun suffix].

    >>> [[(p.upos, p.lemma) for p in r.parts] for r in function_readings("وعليه")][:1]
    [[('CCONJ', 'وَ'), ('ADP', 'عَلَى'), ('PRON', 'هُوَ')]]
    """
    norm = strip_diacritics(surface).replace("\u0640", "")
    out: list[Reading] = []
    for conj in ("", "و", "ف"):
        if conj and not norm.startswith(conj):
            continue
        for prep in ("", "ب", "ل", "ك"):
            rest_n = norm[len(conj) :]
            if prep and not rest_n.startswith(prep):
                continue
            rest_n = rest_n[len(prep) :]
            for suf in ("", *SUFFIXES):
                if suf and not rest_n.endswith(suf):
                    continue
                r = _function_reading(surface, conj, prep, rest_n, suf)
                if r is not None:
                    out.append(r)
    out.extend(_preposition_with_suffix(surface, norm))
    return out


def _listed_function_word(stem_n: str, suf: str) -> _FW | None:
    """The closed-class word a stem is, in its form before a suffix too (علي+ه is على)."""
    fw = function_words()
    entry = fw.get(stem_n)
    if entry is None and suf:
        base = _PREP_BEFORE_SUFFIX.get(normalize(stem_n))
        entry = fw.get(normalize(base)) if base else None
    return entry


def _function_reading(surface: str, conj: str, prep: str, rest_n: str, suf: str) -> Reading | None:
    """``conj`` + ``prep`` + a closed-class word + the suffix ``suf``, if the rest is one."""
    stem_n = rest_n[: len(rest_n) - len(suf)] if suf else rest_n
    if not stem_n:
        return None
    entry = _listed_function_word(stem_n, suf)
    if entry is None:
        return None
    if len(stem_n) == 1 and (conj or prep or suf):
        return None  # و, ف standing alone (before a quotation mark): no فك = ف + ك
    if prep and entry.upos == "ADV" and "PronType=Int" in entry.feats:
        return None  # كيف, أين take no preposition (لاين is a name, not ل + أين)
    if entry.tag == "rel" and (suf or prep):
        return None
    if entry.tag == "dem" and suf:
        return None
    if prep and entry.tag not in ("sub", "pron", "quant", "adv", "dem"):
        return None  # (بهذا, لذلك, كهذه: a preposition takes a demonstrative)
    n_pre = len(conj) + len(prep)
    parts, pos = clitic_letters(surface, conj + prep)
    stem_end = letter_index_from_end(surface, len(suf)) if suf else len(surface)
    if stem_end <= pos:
        return None
    parts.append(Part(pos, stem_end, entry.upos, entry.lemma, entry.feats, entry.tag))
    if suf:
        parts.append(suffix_part(surface, stem_end, suf))
    penalty = 0.3 * (len(conj) + len(prep) + (1 if suf else 0))
    if suf in ("ي", "ني"):
        penalty += 4.5  # "for me", "to me": rare in news, and ولي, بي, لي are often nouns
    return Reading(
        tuple(parts),
        n_pre,
        "F",
        normalize(strip_diacritics(entry.lemma)),
        5.0 - penalty,
        source="fw",
    )


def _preposition_with_suffix(surface: str, norm: str) -> list[Reading]:
    """ل/ب + a pronoun suffix: له، لها، بهم، ولهم."""
    out: list[Reading] = []
    for conj in ("", "و", "ف"):
        for prep in ("ل", "ب"):
            pre = conj + prep
            if norm.startswith(pre) and norm[len(pre) :] in PRON_SUFFIX:
                parts, pos = clitic_letters(surface, pre)
                suf = norm[len(pre) :]
                parts.append(suffix_part(surface, pos, suf))
                score = 0.0 if suf in ("ي", "ني") else 4.5  # ولي is "guardian" before "and to me"
                out.append(Reading(tuple(parts), len(pre) - 1, "F", prep, score, source="fw"))
    return out
