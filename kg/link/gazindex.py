"""The gazetteer linker's index: names by match key, and its precomputed file.

:func:`match_key` is how a name is looked up; :func:`build_index` reads every name of the
gazetteer (and of ``kg/data/link_aliases.tsv``) into readings by key, pairing capitals
with the countries they are named like; :func:`build_skeleton_index` keys the people by
the skeleton of their spellings (:mod:`kg.link.variants`).

Building the index means normalising some 18,000 names and pairing capitals with their
countries, most of the time it takes to load the linker. ``scripts/build_gazetteer.py
build`` writes the result once (:func:`render`), and the linker reads it back
(:func:`from_text`) in a few milliseconds. The file is derived data: its first line holds a
fingerprint of what it was built from (the gazetteer, its extra aliases, the linker's
aliases, and :data:`FORMAT`); when they have changed since, :func:`from_text` gives None and
the linker builds the index itself, as before, so a stale file costs time, never a link.
``tests/test_link_gazetteer.py`` fails until the file is rebuilt.

Layout (UTF-8, tab-separated, one header line, then four sections whose sizes the
header gives):

- readings: ``key cls qid label_en label_ar``, numbered from 0 in file order;
- keys with one reading (most): the keys, sorted, then their reading numbers in the
  same order (read into the index without a Python step per key);
- other keys: ``match-key refs [d]``, sorted: ``refs`` are reading numbers in the order
  the linker weighs them, ``!`` after one gives it the prior 1.0 (a country named like
  its capital), ``d`` marks a derived English short name (matched with 0.95);
- skeletons (a person's name in any spelling, see :mod:`kg.link.variants`): the
  skeletons, sorted, then their reading numbers.

>>> r = Reading("Q1", "Country", "Q1", "A", "ا")
>>> text = dump({"ا": (r,), "a": (replace(r, prior=1.0),)}, frozenset({"a"}), {"ا": (r,)})
>>> parse(text.partition("\\n")[2], text.partition("\\n")[0].split()[3:]) == (
...     {"a": (replace(r, prior=1.0),), "ا": (r,)}, frozenset({"a"}), {"ا": (r,)})
True
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from dataclasses import dataclass, replace
from importlib.resources import files
from itertools import starmap
from operator import methodcaller

from ..lexicon import gazetteer
from ..text import normalize, normalize_many
from .cues import Reading
from .variants import SPELT_CLASSES, skeleton

_EN_DROP = re.compile(r"^(the)\s+|'s$|’s$")
_EN_PUNCT = re.compile(r"[-–.’']")
_EDGE = re.compile(r"^[\s\"'«»“”()\[\]{}،,.:;!?؟]+|[\s\"'«»“”()\[\]{}،,.:;!?؟]+$")
_LATIN = re.compile(r"[a-z]")
_EDGE_PUNCT = "\"'«»“”()[]{}،,.:;!?؟"


def match_key(name: str) -> str:
    """The key a name is looked up by: normalised; for Latin names also without
    "the", possessive, hyphens and dots.

    >>> match_key("The U.S.") == match_key("US"), match_key("al-Qaeda"), match_key("بِالعراقِ")
    (True, 'al qaeda', 'بالعراق')
    """
    return _latin_key(normalize(_strip_edges(name)))


def _strip_edges(name: str) -> str:
    """``_EDGE.sub("", name)`` with str.strip: whitespace (what ``\\s`` matches) and the
    punctuation of ``_EDGE``, in any mix, from both ends.

    >>> _strip_edges(" «بغداد» ،") == _EDGE.sub("", " «بغداد» ،")
    True
    """
    while True:
        stripped = name.strip().strip(_EDGE_PUNCT)
        if stripped == name:
            return name
        name = stripped


def _latin_key(n: str) -> str:
    """A normalised name, and for a Latin one also without "the", possessive, hyphens, dots."""
    if _LATIN.search(n):
        if n.startswith("the ") or n.endswith(("'s", "’s")):
            n = _EN_DROP.sub("", n)
        if _EN_PUNCT.search(n):
            n = " ".join(_EN_PUNCT.sub(lambda c: " " if c.group() in "-–" else "", n).split())
    return n


_EDGE_LINES = re.compile(
    r"(?m)^(?:[^\S\n]|[\"'«»“”()\[\]{}،,.:;!?؟])+|(?:[^\S\n]|[\"'«»“”()\[\]{}،,.:;!?؟])+$"
)


def match_keys(names: list[str]) -> list[str]:
    """``[match_key(n) for n in names]``, normalised in one pass (the index has ~30,000 names).

    >>> match_keys(["The U.S.", "«بِالعراقِ»"]) == [match_key("The U.S."), match_key("«بِالعراقِ»")]
    True
    """
    if any("\n" in n for n in names):
        return [match_key(n) for n in names]
    stripped = _EDGE_LINES.sub("", "\n".join(names)).split("\n")
    return [_latin_key(k) for k in normalize_many(stripped)]


_QUALIFIER = re.compile(r"\s*\(.*\)$")
_CITY_WORD = re.compile(r"\s+City$")


def english_base(label: str) -> str:
    """An English label without its qualifier: "Djibouti (city)" -> "Djibouti",
    "Washington, D.C." -> "Washington", "Kuwait City" -> "Kuwait"."""
    base = _QUALIFIER.sub("", label) if "(" in label else label
    base = base.split(",")[0]
    return _CITY_WORD.sub("", base).strip() if "City" in base else base.strip()


@dataclass(frozen=True, slots=True)
class Index:
    """Readings by match key, and the longest key in words."""

    readings: dict[str, tuple[Reading, ...]]
    derived: frozenset[str]  # keys that are derived English short names (score 0.95)


def reading(e: gazetteer.Entry) -> Reading:
    """The reading of a gazetteer entry."""
    return Reading(e.key, e.cls, e.qid, e.label_en, e.label_ar)


def _extra_names() -> dict[str, list[str]]:
    text = files("kg").joinpath("data/link_aliases.tsv").read_text(encoding="utf-8")
    out: dict[str, list[str]] = defaultdict(list)
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("qid\t"):
            continue
        qid, alias = line.split("\t")[:2]
        out[qid.strip()].append(alias.strip())
    return out


def build_index(gaz: gazetteer.Gazetteer) -> Index:
    """The linker's index over a gazetteer (and the packaged link aliases)."""
    extra = _extra_names()
    buckets: dict[str, dict[str, Reading]] = defaultdict(dict)  # key -> entry key -> reading
    derived: set[str] = set()

    def add(key: str, r: Reading) -> None:
        if key:
            buckets[key].setdefault(r.key, r)  # the first reading of an entry, in order

    # every name's key at once: normalising them one by one is most of the build time
    names = {n for e in gaz.entries for n in (*e.names, *extra.get(e.qid, ()), e.label_en)}
    base_of = {e.label_en: english_base(e.label_en) for e in gaz.entries if e.label_en}
    names |= set(base_of.values())
    names.discard("")
    ordered = sorted(names)
    key_of = dict(zip(ordered, match_keys(ordered), strict=True))
    key_of[""] = ""
    for e in gaz.entries:
        r = reading(e)
        for name in (*e.names, *extra.get(e.qid, ())):
            add(key_of[name], r)
            add(misspelt(key_of[name]), r)
        base = key_of[base_of[e.label_en]] if e.label_en else ""
        if base and base != key_of[e.label_en] and base not in buckets:
            derived.add(base)
        add(base, r)
    # A capital named like its country (الكويت العاصمة, مدينة تونس, Djibouti (city)): the
    # bare name reads as either; the country is the default.
    pairs: set[tuple[str, str]] = set()  # (country key, city key)
    for e in gaz.entries:
        if e.cls != "City":
            continue
        for name in (*e.names_ar, e.label_en):
            n = key_of[name] if name in key_of else match_key(name)
            if _LATIN.search(n):
                eb = english_base(name)
                bare = key_of[eb] if eb in key_of else match_key(eb)
            else:
                bare = _strip_city_word(n)
            if bare == n:
                continue
            for country in [x for x in buckets.get(bare, {}).values() if x.cls == "Country"]:
                add(bare, reading(e))
                pairs.add((country.key, e.key))
    readings: dict[str, tuple[Reading, ...]] = {}
    for key, bucket in buckets.items():
        rs = list(bucket.values())
        if len(rs) > 1 and any(c in bucket and t in bucket for c, t in pairs):
            rs = [
                replace(r, prior=1.0) if any(r.key == c and t in bucket for c, t in pairs) else r
                for r in rs
            ]
        readings[key] = tuple(rs)
    return Index(readings, frozenset(derived))


#: A spelling of the US adjective that papers print beside الأمريكية and الأميركية: the
#: long i of أميركا kept before the r as well as after it (الخارجية الأميريكية).
_US_ADJECTIVE, _US_MISSPELT = "امريكي", "اميريكي"


def misspelt(key: str) -> str:
    """The key of a name as papers also misspell it ("" when the name has no such
    spelling): the US adjective written «الأميريكي(ة)». Only the index holds these keys;
    the gazetteer keeps the names as the sources give them.

    >>> misspelt(match_key("وزارة الخارجية الأمريكية"))
    'وزاره الخارجيه الاميريكيه'
    >>> misspelt(match_key("بغداد"))
    ''
    """
    return key.replace(_US_ADJECTIVE, _US_MISSPELT) if _US_ADJECTIVE in key else ""


def _strip_city_word(n: str) -> str:
    if n.startswith("مدينه "):
        return n[len("مدينه ") :]
    if n.endswith(" العاصمه"):
        return n[: -len(" العاصمه")]
    return n


#: Bump when the rules that make the index change (what :func:`render` computes), so
#: files written by the old rules are no longer read.
FORMAT = 3
_MAGIC = "kg-link-index"
#: What the index is built from, inside the package.
SOURCES = ("data/gazetteer.tsv", "data/ar/aliases_extra.tsv", "data/link_aliases.tsv")
PATH = "data/link_index.tsv"

Readings = dict[str, tuple[Reading, ...]]


def fingerprint(gazetteer_text: str | None = None) -> str:
    """A digest of the sources (the packaged ones, or this gazetteer text instead of the
    packaged gazetteer) and of :data:`FORMAT`: each file's length and CRC-32 (it tells
    an edited file from the one the index was built from; zlib is imported already,
    hashlib's OpenSSL would cost more than the check).

    >>> packaged = files("kg").joinpath(SOURCES[0]).read_text(encoding="utf-8")
    >>> fingerprint() == fingerprint(packaged), fingerprint() == fingerprint(packaged + "x")
    (True, False)
    """
    parts = [f"v{FORMAT}"]
    for i, name in enumerate(SOURCES):
        data = files("kg").joinpath(name).read_bytes()
        if i == 0 and gazetteer_text is not None:
            data = gazetteer_text.encode("utf-8")
        parts.append(f"{len(data):x}-{zlib.crc32(data):08x}")
    return ".".join(parts)


def dump(readings: Readings, derived: frozenset[str], skeletons: Readings, stamp: str = "-") -> str:
    """The file's text for an index (``stamp``: the fingerprint of its sources)."""
    table: dict[Reading, int] = {}
    for rs in (*readings.values(), *skeletons.values()):
        for r in rs:
            table.setdefault(replace(r, prior=0.0), len(table))

    def refs(rs: tuple[Reading, ...]) -> str:
        if any(r.cues or r.prior not in (0.0, 1.0) for r in rs):
            raise ValueError("link index: a reading with cues or another prior cannot be stored")
        return ",".join(f"{table[replace(r, prior=0.0)]}{'!' if r.prior else ''}" for r in rs)

    def alone(rs: tuple[Reading, ...]) -> bool:
        return len(rs) == 1 and not rs[0].prior and not rs[0].cues

    if not all(alone(rs) for rs in skeletons.values()):
        raise ValueError("link index: a skeleton has more than one reading")
    keys = sorted(readings)
    plain = {k for k in keys if alone(readings[k]) and k not in derived}
    single = [k for k in keys if k in plain]
    multi = [
        f"{k}\t{refs(readings[k])}" + ("\td" if k in derived else "")
        for k in keys
        if k not in plain
    ]
    sizes = (len(table), len(single), len(multi), len(skeletons))
    lines = [" ".join((_MAGIC, str(FORMAT), stamp, *map(str, sizes)))]
    lines += ["\t".join((r.key, r.cls, r.qid, r.label_en, r.label_ar)) for r in table]
    lines += single + [str(table[readings[k][0]]) for k in single] + multi
    skeleton_keys = sorted(skeletons)
    lines += skeleton_keys + [str(table[skeletons[k][0]]) for k in skeleton_keys]
    return "\n".join(lines) + "\n"


_CELLS = methodcaller("split", "\t")


def parse(body: str, sizes: list[str]) -> tuple[Readings, frozenset[str], Readings]:
    """The readings by key, the derived keys and the skeletons of a file's ``body`` (all
    but the header line; ``sizes``: the header's four counts). The keys with one reading
    go into their dict without a Python step (or a new list) per key: loading is mostly
    making the readings."""
    n_readings, n_single, n_multi, n_skeletons = (int(n) for n in sizes)
    lines = body.split("\n")
    if len(lines) != n_readings + 2 * n_single + n_multi + 2 * n_skeletons + 1 or lines[-1]:
        raise ValueError(f"link index: {len(lines) - 1} lines, the header says otherwise")
    cells = list(map(_CELLS, lines[:n_readings]))
    if any(len(c) != 5 for c in cells):
        raise ValueError("link index: a reading line without its five cells")
    table = list(starmap(Reading, cells))
    single = [(r,) for r in table]

    def by_key(at: int, n: int) -> Readings:
        """Keys at ``lines[at:at + n]``, their reading numbers in the next ``n`` lines."""
        refs = map(single.__getitem__, map(int, lines[at + n : at + 2 * n]))
        return dict(zip(lines[at : at + n], refs, strict=True))

    readings = by_key(n_readings, n_single)
    b = n_readings + 2 * n_single
    derived: list[str] = []
    for line in lines[b : b + n_multi]:
        key, refs, *flag = line.split("\t")
        readings[key] = tuple(
            replace(table[int(x[:-1])], prior=1.0) if x.endswith("!") else table[int(x)]
            for x in refs.split(",")
        )
        if flag:
            derived.append(key)
    return readings, frozenset(derived), by_key(b + n_multi, n_skeletons)


def from_text(text: str) -> tuple[Readings, frozenset[str], Readings] | None:
    """The index a file's text holds, or None when it is malformed or was built from other
    sources than the packaged ones.

    >>> from_text("kg-link-index 1 v0 0 0 0\\n") is None
    True
    """
    header, _, body = text.partition("\n")
    fields = header.split(" ")
    if len(fields) != 7 or fields[:3] != [_MAGIC, str(FORMAT), fingerprint()]:
        return None
    try:
        return parse(body, fields[3:])
    except (ValueError, IndexError, TypeError):
        return None


def build_skeleton_index(gaz: gazetteer.Gazetteer) -> dict[str, tuple[Reading, ...]]:
    """The people of a gazetteer by the skeleton of each Arabic name. A skeleton two items
    share is left out."""
    out: dict[str, dict[str, Reading]] = defaultdict(dict)
    for e in gaz.entries:
        if e.cls in SPELT_CLASSES:
            for name in e.names_ar:
                out[skeleton(match_key(name))][e.key] = reading(e)
    return {k: tuple(rs.values()) for k, rs in out.items() if len(rs) == 1}


def render(gazetteer_text: str) -> str:
    """The file for a gazetteer's text (the packaged aliases files with it), as
    ``scripts/build_gazetteer.py build`` writes it."""
    gaz = gazetteer.parse(gazetteer_text)
    idx = build_index(gaz)
    return dump(idx.readings, idx.derived, build_skeleton_index(gaz), fingerprint(gazetteer_text))


__all__ = [
    "FORMAT",
    "PATH",
    "Index",
    "build_index",
    "build_skeleton_index",
    "dump",
    "english_base",
    "fingerprint",
    "from_text",
    "match_key",
    "match_keys",
    "misspelt",
    "parse",
    "reading",
    "render",
]
