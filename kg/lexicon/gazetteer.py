"""The offline gazetteer: verified Wikidata items with Arabic and English names.

Built from ``kg/data/gazetteer.tsv`` (copied from the project's verified gazetteer; see
``scripts/refresh_gazetteer.py`` to rebuild it from Wikidata). Both the rules analyser
(to find names) and the gazetteer linker (to link them) read it through this module,
so there is one index and one normalisation.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from ..text import normalize

#: Entity types in the TSV mapped onto ontology classes.
_TYPE_TO_CLASS = {
    "Person": "Person",
    "Organization": "Organization",
    "Country": "Country",
    "City": "City",
    "Region": "Region",
    "Event": "Event",
}

#: Rows whose TSV type is a documented compromise (see the gazetteer README).
_CLASS_OVERRIDES = {"Q14213": "Position"}  # United States Secretary of State is a position


@dataclass(frozen=True, slots=True)
class Entry:
    key: str  # the QID, or "local:<English label>" when no QID was confirmed
    qid: str
    label_en: str
    label_ar: str
    names_ar: tuple[str, ...]
    cls: str

    @property
    def names(self) -> tuple[str, ...]:
        return (*self.names_ar, self.label_en)


class Gazetteer:
    """An index from normalised names (Arabic and English) to entries."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.by_key = {e.key: e for e in entries}
        self.index: dict[str, list[Entry]] = {}
        self.max_words = 1
        for e in entries:
            for name in e.names:
                n = normalize(name)
                if not n:
                    continue
                bucket = self.index.setdefault(n, [])
                if e not in bucket:
                    bucket.append(e)
                self.max_words = max(self.max_words, n.count(" ") + 1)

    def lookup(self, name: str) -> list[Entry]:
        """Entries whose name equals ``name`` after normalisation.

        >>> [e.qid for e in load().lookup("الولايات المتحدة الأميركية")]
        ['Q30']
        """
        return self.index.get(normalize(name), [])


def _read_rows(text: str) -> list[Entry]:
    entries: list[Entry] = []
    for row in csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE):
        qid = (row.get("qid") or "").strip()
        label_en = (row.get("label_en") or "").strip()
        label_ar = (row.get("label_ar") or "").strip()
        aliases = [a.strip() for a in (row.get("aliases_ar") or "").split("|") if a.strip()]
        cls = _CLASS_OVERRIDES.get(qid) or _TYPE_TO_CLASS.get(
            (row.get("type") or "").strip(), "Thing"
        )
        names = tuple(dict.fromkeys([label_ar, *aliases]))
        entries.append(
            Entry(
                key=qid or f"local:{label_en}",
                qid=qid,
                label_en=label_en,
                label_ar=label_ar,
                names_ar=names,
                cls=cls,
            )
        )
    return entries


def _extra_aliases() -> dict[str, list[str]]:
    """More spellings of gazetteer items (kg/data/ar/aliases_extra.tsv), keyed by QID."""
    text = files("kg").joinpath("data/ar/aliases_extra.tsv").read_text(encoding="utf-8")
    out: dict[str, list[str]] = {}
    for line in text.splitlines()[1:]:
        if not line.strip() or line.startswith("#") or line.startswith("qid\t"):
            continue
        qid, alias = line.split("\t")[:2]
        out.setdefault(qid.strip(), []).append(alias.strip())
    return out


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The packaged gazetteer (loaded once per process)."""
    text = files("kg").joinpath("data/gazetteer.tsv").read_text(encoding="utf-8")
    extra = _extra_aliases()
    entries = [
        Entry(
            e.key,
            e.qid,
            e.label_en,
            e.label_ar,
            tuple(dict.fromkeys([*e.names_ar, *extra.get(e.qid, [])])),
            e.cls,
        )
        if e.qid in extra
        else e
        for e in _read_rows(text)
    ]
    return Gazetteer(entries)


def nisba_stems(adjective: str) -> list[str]:
    """The country names a relative adjective may come from, most likely first:
    التونسي → تونس, الفرنسية → فرنسا, البريطاني → بريطانيا, الإماراتي → الإمارات.

    >>> nisba_stems("التونسي")[:3]
    ['تونس', 'تونسا', 'تونسيا']
    >>> nisba_stems("تونس")
    []
    """
    n = normalize(adjective).removeprefix("ال")
    if n.endswith("يه"):
        n = n[:-1]
    if not n.endswith("ي") or len(n) < 4:
        return []
    stem = n[:-1]
    return [stem, stem + "ا", stem + "يا", "ال" + stem, "ال" + stem + "يه"]


@lru_cache(maxsize=4096)
def country_of_nisba(adjective: str) -> Entry | None:
    """The one country a relative adjective names (الرئيس التونسي: Tunisia), or None.

    >>> country_of_nisba("التونسي").qid, country_of_nisba("الفرنسية").qid
    ('Q948', 'Q142')
    >>> country_of_nisba("العسكري") is None
    True
    """
    g = load()
    for name in nisba_stems(adjective):
        found = {e.key: e for e in g.lookup(name) if e.cls == "Country"}
        if len(found) == 1:
            return next(iter(found.values()))
        if found:
            return None
    return None
