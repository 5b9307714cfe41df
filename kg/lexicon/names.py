"""Name indexes over the gazetteer: the names the analysers recognise, Arabic and English.

The Arabic index adds the names the gazetteer lacks (``kg/data/ar/names_extra.tsv``:
recognised, never linked); the English one adds ``kg/data/en/aliases.tsv``.
"""

from __future__ import annotations

from functools import lru_cache

from ..text import normalize, normalize_many
from . import gazetteer
from .words import _rows, english_aliases, titles


@lru_cache(maxsize=1)
def arabic_index() -> tuple[dict[str, list[gazetteer.Entry]], int]:
    """Gazetteer names for span finding: a person's alias made of a title and another of
    its names (وزير الخارجية الأميركي ريكس تيلرسون) is left out, so that title and name
    stay two mentions linked by apposition."""
    gaz = gazetteer.load()
    index: dict[str, list[gazetteer.Entry]] = {}
    extras = _extra_entries()
    entries = [*gaz.entries, *extras]
    # the gazetteer's names as its own index normalised them, the extra names in one pass
    norm_of = gaz.normalised
    more = sorted({n for e in extras for n in e.names} - norm_of.keys())
    norm_of = {**norm_of, **dict(zip(more, normalize_many(more), strict=True))}
    for e in entries:
        norms = [norm_of[n] for n in e.names]
        person = e.cls == "Person"
        extra = e.qid == "" and e.key.startswith("extra:")
        for n in norms:
            if not n or (person and _title_then_name(n, norms)):
                continue
            bucket = index.get(n)
            if bucket is None:
                index[n] = [e]
            elif not extra and e not in bucket:  # an extra name the gazetteer knows: left out
                bucket.append(e)
    # every name that opened a bucket was kept, so the longest key is the longest name
    longest = max((n.count(" ") + 1 for n in index), default=1)
    return index, longest


def _extra_entries() -> list[gazetteer.Entry]:
    """Names the gazetteer lacks (kg/data/ar/names_extra.tsv): recognised, never linked."""
    by_key: dict[str, list[str]] = {}
    cls_of: dict[str, str] = {}
    for name, cls, english in _rows("names_extra.tsv"):
        key = f"extra:{english}"
        by_key.setdefault(key, []).append(name)
        cls_of[key] = cls
    return [
        gazetteer.Entry(
            key=k, qid="", label_en=k[6:], label_ar=names[0], names_ar=tuple(names), cls=cls_of[k]
        )
        for k, names in by_key.items()
    ]


def _title_then_name(alias: str, names: list[str]) -> bool:
    """An alias made of a title and another name of the same person."""
    first = alias.split(" ", 1)[0]
    if first not in titles():
        return False
    return any(alias != m and alias.endswith(" " + m) for m in names)


@lru_cache(maxsize=1)
def first_words() -> frozenset[str]:
    """The first word of every name (normalised): spans are tried only from these."""
    index, _ = arabic_index()
    return frozenset(n.split(" ", 1)[0] for n in index)


@lru_cache(maxsize=1)
def multiword_name_index() -> tuple[frozenset[str], int]:
    """Normalised gazetteer names of two words or more, and the longest length."""
    index, longest = arabic_index()
    return frozenset(n for n in index if " " in n), longest


def lookup_name(text: str) -> list[gazetteer.Entry]:
    """Entries of the recognition index for a name (gazetteer and extra names)."""
    index, _ = arabic_index()
    return index.get(normalize(text), [])


def single_word_names() -> set[str]:
    """Normalised gazetteer names of one word (for the tagger's clitic decisions): a new
    set, the caller's to add to."""
    return set(shared_single_word_names())


@lru_cache(maxsize=1)
def shared_single_word_names() -> frozenset[str]:
    """The same names as :func:`single_word_names`, the one frozen set every caller shares
    (no copy of some 9,000 names per document)."""
    index, _ = arabic_index()
    return frozenset(n for n in index if " " not in n)


@lru_cache(maxsize=1)
def english_index() -> tuple[dict[str, list[gazetteer.Entry]], int]:
    """Normalised English names -> gazetteer entries, and the longest name in words."""
    aliases = english_aliases()
    index: dict[str, list[gazetteer.Entry]] = {}
    longest = 1
    for e in gazetteer.load().entries:
        for name in [e.label_en, *aliases.get(e.key, []), *aliases.get(e.qid, [])]:
            n = english_key(name)
            if not n:
                continue
            bucket = index.setdefault(n, [])
            if e not in bucket:
                bucket.append(e)
            longest = max(longest, n.count(" ") + 1)
    return index, longest


def lookup_en(text: str) -> list[gazetteer.Entry]:
    """Gazetteer entries for an English name.

    >>> [e.qid for e in lookup_en("the United Kingdom")], [e.qid for e in lookup_en("Britain")]
    (['Q145'], ['Q145'])
    """
    return english_index()[0].get(english_key(text), [])


def english_key(text: str) -> str:
    """An English name as the index holds it: normalised, no dots or commas, no leading "the".

    >>> english_key("The U.S. Army")
    'us army'
    """
    n = normalize(text.replace(".", "")).replace(",", "")
    return n[4:] if n.startswith("the ") else n
