"""Word lists both stages read: person titles, designators, people nouns, first names.

Each list is a file of ``kg/data/ar`` (or ``kg/data/en``) read once and normalised with
:func:`kg.text.normalize`; the analysers use them to find names and to attach titles,
the extractor to read titles, designators and people as entities.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from ..text import normalize

#: Honorifics before a title or a name (جلالة الملك, سمو الشيخ تميم, فخامة الرئيس, معالي
#: الأمين العام): they stand for the man or woman they honour, and a title's phrase may hang
#: on them.
HONORIFICS = frozenset(normalize(w) for w in "جلالة سمو فخامة معالي سعادة".split())


@dataclass(frozen=True, slots=True)
class Title:
    form: str
    relation: str
    gender: str


def _rows(name: str) -> list[list[str]]:
    text = files("kg").joinpath(f"data/ar/{name}").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows[1:]  # header


@lru_cache(maxsize=1)
def titles() -> dict[str, Title]:
    """Person titles by normalised form (one or two words), also without the article."""
    table: dict[str, Title] = {}
    for form, relation, gender in _rows("titles.tsv"):
        t = Title(form, relation, gender)
        n = normalize(form)
        table.setdefault(n, t)
        if n.startswith("ال"):
            table.setdefault(n[2:], t)
        else:
            table.setdefault("ال" + n, t)
    # English titles (president, minister) for English text
    for form, t in titles_en().items():
        table.setdefault(normalize(form), t)
    return table


@lru_cache(maxsize=1)
def designators() -> dict[str, str]:
    """Designator nouns (مدينة, تنظيم) -> the class of the name that follows."""
    table: dict[str, str] = {}
    for form, cls, *_ in _rows("designators.tsv"):
        n = normalize(form)
        table.setdefault(n, cls)
        table.setdefault(n[2:] if n.startswith("ال") else "ال" + n, cls)
    return table


@lru_cache(maxsize=1)
def designators_in_name() -> dict[str, str]:
    """Designators that are part of the place's name (محافظة الجيزة, سجن صيدنايا), normalised,
    without the article -> ``yes``, or ``admin`` for a division of a country (whose name may
    be a common word)."""
    return {
        normalize(row[0]): row[2].strip()
        for row in _rows("designators.tsv")
        if len(row) > 2 and row[2].strip()
    }


def word_lines(text: str) -> list[str]:
    """The entries of a word list, one a line: comment lines (``#`` first, even indented) and
    blank lines are dropped whole, so the words of a comment never become entries.

    >>> word_lines("# Nouns for people (مسؤولون)\\n وزير \\n\\n  # note\\nعبد الفتاح\\n")
    ['وزير', 'عبد الفتاح']
    """
    return [s for line in text.splitlines() if (s := line.strip()) and not s.startswith("#")]


@lru_cache(maxsize=1)
def people_nouns() -> frozenset[str]:
    """Singular nouns for people (وزير, مسؤول, ممثل; people, soldier), normalised
    (kg/data/ar/people_nouns.txt and kg/data/en/people_nouns.txt).

    >>> "وزير" in people_nouns(), "Nouns" in people_nouns(), "(مسؤولون" in people_nouns()
    (True, False, False)
    >>> "people" in people_nouns(), "for" in people_nouns()
    (True, False)
    """
    out: set[str] = set()
    for lang in ("ar", "en"):
        text = files("kg").joinpath(f"data/{lang}/people_nouns.txt").read_text(encoding="utf-8")
        out.update(normalize(x) for x in word_lines(text))
    return frozenset(out)


@lru_cache(maxsize=1)
def ambiguous_names() -> frozenset[str]:
    return frozenset(normalize(r[0]) for r in _rows("ambiguous_names.tsv"))


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Common first names (Arabic and transliterated), normalised: single words, as every
    reader looks up one token's form (a line of two words would never match).

    >>> "احمد" in first_names(), [n for n in first_names() if " " in n]
    (True, [])
    """
    text = files("kg").joinpath("data/ar/first_names.txt").read_text(encoding="utf-8")
    names = frozenset(normalize(x) for x in word_lines(text))
    if any(" " in n for n in names):
        raise ValueError(
            f"first_names.txt: one word a line, not {sorted(n for n in names if ' ' in n)}"
        )
    return names


def title_at(forms: Sequence[str], i: int) -> str | None:
    """The title (normalised) that starts at word i: two words (ولي العهد, رئيس الوزراء)
    before one (وزير, الرئيس).

    >>> title_at(["ولي", "العهد", "السعودي"], 0), title_at(["وزير", "الخارجية"], 0), title_at(["قمة"], 0)
    ('ولي العهد', 'وزير', None)

    A feminine title before its possessive pronoun (نظيرته: نظيرت + ه) is that title:

    >>> title_at(["نظيرت", "ه"], 0), title_at(["نظيرت", "الأمم"], 0)
    ('نظيره', None)
    """
    return _title_of_pair(forms[i], forms[i + 1] if i + 1 < len(forms) else None)


@lru_cache(maxsize=100_000)
def _title_of_pair(first: str, second: str | None) -> str | None:
    n = normalize(first)
    if second is not None:
        two = f"{n} {normalize(second)}"
        if two in titles():
            return two
    if n in titles():
        return n
    if n.endswith("ت") and second is not None and normalize(second) in _POSSESSIVE_CLITICS:
        fem = n[:-1] + "ه"  # نظيرته, مستشارته: a feminine title's ة before its pronoun
        return fem if fem in titles() else None
    return None


#: The possessive pronouns the analyser splits off a noun (نظيرت + ه).
_POSSESSIVE_CLITICS = frozenset({"ه", "ها", "هما", "هم", "هن", "ك", "كما", "كم", "ي", "نا"})


@lru_cache(maxsize=1)
def titles_en() -> dict[str, Title]:
    """English person titles (``kg/data/en/titles.tsv``) by lower-case form."""
    text = files("kg").joinpath("data/en/titles.tsv").read_text(encoding="utf-8")
    rows = [
        line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")
    ][1:]
    return {
        r[0].strip().lower(): Title(
            r[0].strip(), r[1].strip(), (r[2] if len(r) > 2 else "").strip()
        )
        for r in rows
    }


@lru_cache(maxsize=1)
def english_aliases() -> dict[str, list[str]]:
    """English aliases by gazetteer key (``kg/data/en/aliases.tsv``)."""
    text = files("kg").joinpath("data/en/aliases.tsv").read_text(encoding="utf-8")
    out: dict[str, list[str]] = {}
    for line in text.splitlines()[1:]:
        if not line.strip() or line.startswith("#") or line.startswith("key\t"):
            continue
        key, alias = (line.split("\t") + [""])[:2]
        if alias.strip():
            out.setdefault(key.strip(), []).append(alias.strip())
    return out
