"""The offline gazetteer: verified Wikidata items with Arabic and English names.

Built from ``kg/data/gazetteer.tsv`` (copied from the project's verified gazetteer; see
``scripts/refresh_gazetteer.py`` to rebuild it from Wikidata). Both the rules analyser
(to find names) and the gazetteer linker (to link them) read it through this module,
so there is one index and one normalisation.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib.resources import files

from ..text import normalize, normalize_many

#: Entity types in the TSV mapped onto ontology classes.
_TYPE_TO_CLASS = {
    "Person": "Person",
    "Organization": "Organization",
    "Country": "Country",
    "City": "City",
    "Region": "Region",
    "Place": "Place",
    "Group": "Group",
    "Position": "Position",
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
    """An index from normalised names (Arabic and English) to entries.

    The index is built on the first lookup: the linker and the name indexes read
    ``entries`` and normalise in their own way, so loading stays cheap."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.by_key = {e.key: e for e in entries}

    @cached_property
    def normalised(self) -> dict[str, str]:
        """Every name of the entries -> its normalised form, all normalised in one pass (one
        by one, that is most of an index's build time); the name indexes share it."""
        names = sorted({n for e in self.entries for n in e.names})
        return dict(zip(names, normalize_many(names), strict=True))

    @cached_property
    def _built(self) -> tuple[dict[str, list[Entry]], int]:
        index: dict[str, list[Entry]] = {}
        max_words = 1
        norm_of = self.normalised
        for e in self.entries:
            for name in e.names:
                n = norm_of[name]
                if not n:
                    continue
                bucket = index.setdefault(n, [])
                if e not in bucket:
                    bucket.append(e)
                max_words = max(max_words, n.count(" ") + 1)
        return index, max_words

    @property
    def index(self) -> dict[str, list[Entry]]:
        return self._built[0]

    @property
    def max_words(self) -> int:
        return self._built[1]

    def lookup(self, name: str) -> list[Entry]:
        """Entries whose name equals ``name`` after normalisation.

        >>> [e.qid for e in load().lookup("الولايات المتحدة الأميركية")]
        ['Q30']
        """
        return self.index.get(normalize(name), [])


def _read_rows(text: str) -> list[Entry]:
    """Rows of the TSV (``qid label_en label_ar aliases_ar type source``, header first;
    no quoting, so a plain split reads it)."""
    lines = text.splitlines()
    header = lines[0].split("\t") if lines else []
    col = {name: i for i, name in enumerate(header)}
    iq, ie, ia, il, it = (col[c] for c in ("qid", "label_en", "label_ar", "aliases_ar", "type"))
    width = len(header)
    entries: list[Entry] = []
    for line in lines[1:]:
        if not line:
            continue
        cells = line.split("\t")
        if len(cells) < width:
            cells += [""] * (width - len(cells))
        qid, label_en, label_ar = cells[iq].strip(), cells[ie].strip(), cells[ia].strip()
        aliases = [a.strip() for a in cells[il].split("|") if a.strip()]
        cls = _CLASS_OVERRIDES.get(qid) or _TYPE_TO_CLASS.get(cells[it].strip(), "Thing")
        entries.append(
            Entry(
                key=qid or f"local:{label_en}",
                qid=qid,
                label_en=label_en,
                label_ar=label_ar,
                names_ar=tuple(dict.fromkeys([label_ar, *aliases])),
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
    return parse(files("kg").joinpath("data/gazetteer.tsv").read_text(encoding="utf-8"))


def parse(text: str) -> Gazetteer:
    """A gazetteer from the text of its TSV, with the packaged extra aliases."""
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
