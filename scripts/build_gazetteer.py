#!/usr/bin/env python3
"""Build kg/data/gazetteer.tsv and its provenance from pinned, openly licensed sources.

    python scripts/build_gazetteer.py build             # writes the gazetteer and provenance
                                                        # (and the linker's index over it)
    python scripts/build_gazetteer.py build --check     # exit 1 when the committed files differ
    python scripts/build_gazetteer.py extract --ne ne_10m_populated_places.json \\
        --dr5hn-states states.sqlite3 --dr5hn-cities DIR --arwikicats cities_full.json

``build`` reads only the small extracts in ``scripts/gazetteer_sources/`` (committed;
see ``kg/data/GAZETTEER_SOURCES.md`` for each source's commit and licence):

- ``curated.tsv`` / ``curated_provenance.tsv``: the 318 hand-verified rows (countries,
  capitals, international bodies, four people); kept as they are, first;
- ``ne_populated_places.tsv``: Natural Earth 10m populated places (public domain), each
  with the Wikidata QID Natural Earth pairs with it (``wikidataid``);
- ``dr5hn_cities.tsv``: countries-states-cities-database cities (ODbL) with their
  ``wikiDataId`` and Arabic name, for the cities Natural Earth also has;
- ``dr5hn_states.tsv``: countries-states-cities-database first-level divisions (ODbL)
  with ``wikiDataId`` and Arabic name;
- ``arwikicats_cities.tsv``: ArWikiCats English -> Arabic Wikipedia city names (MIT).

What goes in, and how the QIDs are checked:

- cities: Natural Earth places in the Arab League states, Iran and Turkey with 50,000
  people or more, capitals everywhere, and places of 250,000 or more elsewhere. The QID
  is Natural Earth's; a dr5hn city with the same QID *and* a matching English name
  confirms it (two sources) and gives the Arabic name; otherwise the Arabic name is
  ArWikiCats's for the English name. A QID two dr5hn cities share, or whose dr5hn city
  has another name, is reported as a conflict: dr5hn's city QIDs are often shifted by a
  row (Ad Diwaniyah and Al Basrah al Qadimah both carry Q694939), so dr5hn alone never
  gives a city QID;
- first-level divisions (governorates, provinces, states, regions, emirates): dr5hn's
  QID (single source; QIDs two divisions share are left out) with its Arabic name;
- a QID already in the curated rows is never added again; a row without an Arabic name
  is left out.

Names, kept safe for recognition (``kg/lexicon/names.py`` matches every name in text):

- a one-word name of a new row that the project's lexicon knows only as a common word
  (``known_form`` without a proper-noun reading: صور, الحلة), a first name, or a listed
  ambiguous name is not a name of that row; its label becomes the designator form
  (مدينة الحلة, محافظة ...);
- a name of a curated row is never given to a new row; a name two new rows share stays
  with the bigger city, both keep it only when they are alike in size (then the linker
  asks the context); the row that loses it is labelled "name (country)";
- a division whose name is a city's or a country's is named with its designator
  (محافظة بغداد, ولاية تونس) and in English with its kind ("Baghdad Governorate");
- foreign city names get conservative spelling variants (:func:`spelling_variants`).

People (``scripts/gazetteer_people.py``), then parties and movements
(``scripts/gazetteer_orgs.py``), both with Wikidata's QIDs and Arabic names, come last.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import io
import json
import re
import sqlite3
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "scripts" / "gazetteer_sources"
OUT_TSV = ROOT / "kg" / "data" / "gazetteer.tsv"
#: Names of office holders linked only after a title naming their office (gazetteer_people)
OUT_CUED = ROOT / "kg" / "data" / "people_cued.tsv"
OUT_HOLDERS = ROOT / "kg" / "data" / "people_holders.tsv"  # gazetteer_holders.py
CUED_COLUMNS = ("name", "qid", "label_en", "offices")
OUT_PROV = ROOT / "kg" / "data" / "gazetteer_provenance.tsv"
#: The linker's index over the gazetteer, precomputed (kg/link/gazindex.py)
OUT_INDEX = ROOT / "kg" / "data" / "link_index.tsv"
COLUMNS = ("qid", "label_en", "label_ar", "aliases_ar", "type", "source")
PROV_COLUMNS = ("qid", "label_en", "type", "qid_sources", "label_ar_source", "licence", "note")

#: The Arab League states, Iran and Turkey (ISO 3166-1 alpha-2).
REGION = frozenset(
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE IR TR".split()
)
REGION_MIN_POP = 50_000
WORLD_MIN_POP = 250_000

SRC_NE = "naturalearth:ne_10m_populated_places@v4.0.0 (martynafford/natural-earth-geojson@0b9a6ce)"
SRC_DR5HN = "dr5hn/countries-states-cities-database@7fda0af"
SRC_AWC = "ArWikiCats/ArWikiCats:ArWikiCats/jsons/cities/cities_full.json@d55a83f"
LIC_NE = "public domain (Natural Earth terms of use)"
LIC_DR5HN = "ODbL-1.0 (contents DbCL-1.0)"
LIC_AWC = "MIT (labels from Arabic Wikipedia, CC BY-SA 4.0)"
LIC_CURATED = (
    "see curated provenance (CC0 Wikidata QIDs; CLDR/babel Unicode licence; MIT/CC0 lists)"
)

#: Arabic designator of a first-level division by dr5hn's type (and country).
_DESIGNATOR = {
    "governorate": "محافظة",
    "province": "محافظة",
    "state": "ولاية",
    "region": "منطقة",
    "emirate": "إمارة",
    "autonomous region": "إقليم",
    "district": "مقاطعة",
    "county": "مقاطعة",
    "municipality": "بلدية",
    "popularate": "شعبية",
    "island": "جزيرة",
    "wilaya": "ولاية",
}
_DESIGNATOR_BY_COUNTRY = {
    "TR": "ولاية",
    "DZ": "ولاية",
    "TN": "ولاية",
    "SD": "ولاية",
    "MR": "ولاية",
    "LY": "شعبية",
    "SA": "منطقة",
    "MA": "جهة",
    "SO": "إقليم",
    "DJ": "إقليم",
    "QA": "بلدية",
}
#: dr5hn division types left out (below a division, or not one).
_NOT_DIVISIONS = frozenset({"village", "city", "town", "commune", "london borough"})
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_LATIN_NAME = re.compile(r"^[\w .,'’()-]+$")


# ----------------------------------------------------------------------------- helpers


def ascii_key(name: str) -> str:
    """A Latin name folded for comparison: no accents, article or punctuation.

    >>> ascii_key("Al Fallūjah"), ascii_key("Ad-Dīwānīyah"), ascii_key("Mosul")
    ('fallujah', 'diwaniyah', 'mosul')
    """
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"[‘’'`ʿʾ]", "", s)
    s = re.sub(r"\b(al|el|ad|an|ar|as|ash|at|az|ath|adh|aş|ar)[\s-]+", "", s)
    return re.sub(r"[^a-z0-9]+", "", s)


def same_place_name(a: str, b: str) -> bool:
    """Whether two Latin spellings name the same place (Mosul / Al Mawsil are not)."""
    x, y = ascii_key(a), ascii_key(b)
    if not x or not y:
        return False
    if x == y or (min(len(x), len(y)) >= 4 and (x in y or y in x)):
        return True
    return SequenceMatcher(None, x, y).ratio() >= 0.8


_FOREIGN_SWAPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ڤ", ("ف",)),
    ("ڥ", ("ف",)),
    ("پ", ("ب",)),
    ("گ", ("غ", "ج")),
    ("ڠ", ("غ",)),
    ("چ", ("تش",)),
    ("ژ", ("ج",)),
)


def spelling_variants(name: str) -> list[str]:
    """Conservative Arabic spelling variants of a *foreign* name, as news prints them.

    - letters Arabic news does not use: ڤ → ف, پ → ب, گ → غ or ج, چ → تش, ژ → ج;
    - a final "g" written غ or ج (هامبورغ / هامبورج), and "burg/bourg" likewise;
    - "ة" and "ه", hamza seats and alif forms are not varied: the matcher normalises them.

    >>> spelling_variants("هامبورغ")
    ['هامبورج']
    >>> spelling_variants("ڤيينا")
    ['فيينا']
    >>> spelling_variants("بغداد")
    []
    """
    out: list[str] = []
    words = name.split(" ")
    base = name
    for letter, repl in _FOREIGN_SWAPS:
        if letter in base:
            for r in repl:
                out.append(base.replace(letter, r))
            base = base.replace(letter, repl[0])
    if base != name and base not in out:
        out.insert(0, base)
    for i, w in enumerate(base.split(" ")):
        if len(w) >= 5 and w.endswith(("رغ", "نغ")):
            out.append(" ".join([*base.split(" ")[:i], w[:-1] + "ج", *base.split(" ")[i + 1 :]]))
        elif len(w) >= 5 and w.endswith(("رج", "نج")) and len(words) == 1:
            out.append(w[:-1] + "غ")
    return [v for v in dict.fromkeys(out) if v != name]


def normalize(s: str) -> str:
    from kg.text import normalize as kg_normalize

    return kg_normalize(s)


@dataclass
class NameFilter:
    """Which one-word names are common words (kept off new rows).

    ``readings`` maps a *normalised* form to the lexicon's readings of every spelling
    that normalises to it (شان is شأن once hamza seats are unified), as
    ``(lemma, noun type)`` pairs."""

    readings: Callable[[str], list[tuple[str, str]]]
    reserved: frozenset[str]  # normalised: first names, ambiguous names, titles, designators
    known_names: frozenset[str]  # normalised: names the project lists as names (names_extra)

    def common(self, name: str, foreign: bool = False) -> bool:
        """A common word: listed as reserved, or known to the lexicon only as a common
        word, or as an adverb (جنوب, صباح); for a place outside the region, known to the
        lexicon with any common-word reading (الأحد, ذكر), or of three letters or fewer."""
        n = normalize(name)
        if " " in n:
            return False
        if n in self.known_names:
            return False
        if n in self.reserved or len(n) <= 2 or n in _SURNAMES:
            return True
        if foreign and len(n) <= 3:
            return True  # نيش (Niš) is also فنيش read as ف + نيش
        rs = self.readings(n)
        if not rs:
            return False
        kinds = {k for _, k in rs}
        if "prop" not in kinds or "adv" in kinds:
            return True
        return foreign and bool(kinds - {"prop"})

    def all_common(self, name: str, foreign: bool = False) -> bool:
        """Every word of the name is a common word (جنوب شرق, المركز الشرقي)."""
        words = name.split()
        return len(words) > 1 and all(
            self.common(w, foreign) or len(normalize(w)) <= 2 for w in words
        )


#: One-word place names that news prints far more often as surnames (لويد أوستن).
_SURNAMES = frozenset({"اوستن"})


def project_name_filter() -> NameFilter:
    """The filter over the project's lexicon (kg/analyse/rules/morph.py) and word lists."""
    from kg.analyse.rules import morph
    from kg.lexicon import words

    by_norm: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for form, raw in morph._lexicon()[0].items():
        for r in raw.split(";"):
            f = r.split(",")
            if len(f) > 3:
                by_norm[normalize(form)].append((f[1], f[3]))
    for form, fw in morph.function_words().items():
        by_norm[normalize(form)].append((fw.lemma, "function"))

    reserved: set[str] = set()
    reserved |= {normalize(w) for w in words.first_names()}
    reserved |= set(words.ambiguous_names())
    reserved |= {normalize(w) for w in words.titles()}
    reserved |= {normalize(w) for w in words.designators()}
    extra = frozenset(normalize(r[0]) for r in words._rows("names_extra.tsv"))
    return NameFilter(lambda n: by_norm.get(n, []), frozenset(reserved), extra)


def en_keys(label: str) -> set[str]:
    """The keys the linker files an English label under (kg/link/gazindex.py): the
    label, and its base without qualifier ("Washington, D.C." -> "washington")."""
    from kg.link.gazindex import english_base, match_key

    return {k for k in (match_key(label), match_key(english_base(label))) if k}


def extra_names() -> dict[str, str]:
    """Names the analyser already recognises without a QID (names_extra.tsv): class by
    normalised name. A new row takes such a name only when it is of that class."""
    from kg.lexicon import words

    return {normalize(name): cls for name, cls, _ in words._rows("names_extra.tsv")}


# ----------------------------------------------------------------------------- rows


@dataclass
class Row:
    qid: str
    label_en: str
    label_ar: str
    aliases_ar: list[str]
    type: str
    source: str
    qid_sources: str = ""
    label_ar_source: str = ""
    licence: str = ""
    note: str = ""
    pop: int = 0
    country: str = ""  # ISO alpha-2
    curated: bool = False
    designator: str = ""  # Arabic designator for the fallback label (مدينة, محافظة)
    kind_en: str = ""  # English kind for a qualified label ("Governorate")

    def names(self) -> list[str]:
        return [n for n in dict.fromkeys([self.label_ar, *self.aliases_ar]) if n]

    def cells(self) -> list[str]:
        return [
            self.qid,
            self.label_en,
            self.label_ar,
            "|".join(a for a in self.aliases_ar if a != self.label_ar),
            self.type,
            self.source,
        ]

    def prov_cells(self) -> list[str]:
        return [
            self.qid,
            self.label_en,
            self.type,
            self.qid_sources,
            self.label_ar_source,
            self.licence,
            self.note,
        ]


def read_tsv(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return list(
        csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    )


def write_tsv(path: Path, columns: Iterable[str], rows: Iterable[Iterable[str]]) -> None:
    lines = ["\t".join(columns)]
    for r in rows:
        lines.append("\t".join(str(c).replace("\t", " ").replace("\n", " ") for c in r))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def curated_rows(src: Path) -> list[Row]:
    prov = {(r["qid"], r["label_en"]): r for r in read_tsv(src / "curated_provenance.tsv")}
    out = []
    for r in read_tsv(src / "curated.tsv"):
        p = prov.get((r["qid"], r["label_en"]), {})
        note = p.get("note", "")
        m = re.search(r"\bISO ([A-Z]{2})\b", note)
        out.append(
            Row(
                r["qid"],
                r["label_en"],
                r["label_ar"],
                [a for a in r["aliases_ar"].split("|") if a],
                r["type"],
                r["source"],
                qid_sources=p.get("qid_sources", r["source"]),
                label_ar_source=p.get("label_ar_source", ""),
                licence=LIC_CURATED,
                note=note,
                country=m.group(1) if m else "",
                curated=True,
            )
        )
    return out


# ----------------------------------------------------------------------------- build


@dataclass
class Report:
    counts: Counter[str] = field(default_factory=Counter)
    conflicts: list[str] = field(default_factory=list)


def city_rows(src: Path, filt: NameFilter, report: Report) -> list[Row]:
    ne = read_tsv(src / "ne_populated_places.tsv")
    dr = read_tsv(src / "dr5hn_cities.tsv")
    awc = {r["english"]: r["arabic"] for r in read_tsv(src / "arwikicats_cities.tsv")}
    by_qid: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in dr:
        by_qid[r["wikiDataId"]].append(r)
    out: list[Row] = []
    for p in ne:
        qid, iso, pop = p["qid"], p["iso_a2"], int(float(p["pop_max"] or 0))
        capital = p["featurecla"].startswith("Admin-0 capital")
        if not re.fullmatch(r"Q[1-9]\d*", qid):
            continue
        if not (capital or pop >= (REGION_MIN_POP if iso in REGION else WORLD_MIN_POP)):
            continue
        if p["featurecla"] not in (
            "Populated place",
            "Admin-0 capital",
            "Admin-1 capital",
            "Admin-1 region capital",
            "Admin-0 region capital",
            "Admin-0 capital alt",
        ):
            continue
        qid_sources = [f"{SRC_NE} wikidataid ({p['name']})"]
        ar, ar_source, notes = "", "", []
        matches = by_qid.get(qid, [])
        agreeing = [
            d
            for d in matches
            if d["country_code"] == iso
            and any(
                same_place_name(d["name"], n)
                for n in (p["name"], p["nameascii"], p["namealt"])
                if n
            )
        ]
        if matches and not agreeing:
            report.conflicts.append(
                f"{qid} {p['name']} ({iso}): dr5hn gives it to {', '.join(d['name'] for d in matches)}"
            )
            notes.append("dr5hn pairs this QID with another name: not counted as confirmation")
        if agreeing:
            d = agreeing[0]
            qid_sources.append(
                f"{SRC_DR5HN} contributions/cities/{iso}.json id {d['id']} wikiDataId ({d['name']})"
            )
            cand = d["ar"] or (
                d["native"] if _ARABIC.search(d["native"] or "") and iso in REGION else ""
            )
            if cand and _ARABIC.search(cand):
                ar, ar_source = cand, f"{SRC_DR5HN} translations.ar"
        if not ar:
            alts = [a.strip() for a in re.split(r"[|/]", p["namealt"]) if a.strip()]
            for key in (f"{p['name']}, {p['adm0name']}", p["name"], *alts):
                got = awc.get(key.casefold())
                if got:
                    ar, ar_source = got, f"{SRC_AWC} ({key.casefold()!r})"
                    break
        if not ar:
            report.counts["city without an Arabic name: left out"] += 1
            continue
        ar = _clean_ar(ar)
        aliases = []
        if iso not in REGION:
            aliases = spelling_variants(ar)
        out.append(
            Row(
                qid,
                p["name"],
                ar,
                aliases,
                "City",
                "; ".join(qid_sources),
                qid_sources="; ".join(qid_sources),
                label_ar_source=ar_source,
                licence=LIC_NE
                + (f"; {LIC_DR5HN}" if "dr5hn" in ar_source or agreeing else "")
                + (f"; {LIC_AWC}" if "ArWikiCats" in ar_source else ""),
                note="; ".join([*notes, f"pop_max {pop}", "capital" if capital else ""]).strip(
                    "; "
                ),
                pop=pop + (10**9 if capital else 0),
                country=iso,
                designator="مدينة",
                kind_en="city",
            )
        )
    return out


def division_rows(src: Path, report: Report) -> list[Row]:
    rows = read_tsv(src / "dr5hn_states.tsv")
    places = {p["qid"]: p["name"] for p in read_tsv(src / "ne_populated_places.tsv")}
    uses = Counter(r["wikiDataId"] for r in rows if r["wikiDataId"])
    out: list[Row] = []
    for r in rows:
        qid, iso, kind = r["wikiDataId"], r["country_code"], r["type"].casefold()
        if not re.fullmatch(r"Q[1-9]\d*", qid or ""):
            continue
        if kind in _NOT_DIVISIONS:
            continue
        if qid in places:
            report.conflicts.append(
                f"{qid}: dr5hn division {r['name']}, Natural Earth place {places[qid]}"
            )
            report.counts["division QID that Natural Earth gives a place: left out"] += 1
            continue
        if uses[qid] > 1:
            report.conflicts.append(f"{qid}: dr5hn gives it to {uses[qid]} divisions: left out")
            continue
        ar = r["ar"] if _ARABIC.search(r["ar"] or "") else ""
        if not ar and iso in REGION and _ARABIC.search(r["native"] or ""):
            ar = r["native"]
        if not ar:
            report.counts["division without an Arabic name: left out"] += 1
            continue
        ar = _clean_ar(ar)
        designator = _DESIGNATOR_BY_COUNTRY.get(iso) or _DESIGNATOR.get(kind, "منطقة")
        out.append(
            Row(
                qid,
                r["name"],
                ar,
                [],
                "Region",
                f"{SRC_DR5HN} states id {r['id']} wikiDataId",
                qid_sources=f"{SRC_DR5HN} sqlite/states.sqlite3 id {r['id']} ({r['name']}, {iso}, {r['type']}) wikiDataId",
                label_ar_source=f"{SRC_DR5HN} translations.ar"
                if r["ar"]
                else f"{SRC_DR5HN} native",
                licence=LIC_DR5HN,
                note=f"single source (dr5hn); {r['type']} of {iso}",
                pop=int(r["population"] or 0) if (r["population"] or "").isdigit() else 0,
                country=iso,
                designator=designator,
                kind_en=r["type"].title(),
            )
        )
    return out


def _clean_ar(s: str) -> str:
    s = re.sub(r"\s*\(.*?\)\s*", " ", s)
    return " ".join(s.split()).strip("،, ")


def _designated(row: Row, name: str) -> str:
    if not row.designator or normalize(name).startswith(normalize(row.designator) + " "):
        return name
    return f"{row.designator} {name}"


def assign_names(curated: list[Row], new: list[Row], filt: NameFilter, report: Report) -> list[Row]:
    """Give each new row the names it may have (see the module docstring); the rows
    left out (a place outside the region whose Arabic name is only common words)."""
    dropped: list[Row] = []
    extra = extra_names()
    country_ar = {r.country: r.label_ar for r in curated if r.type == "Country" and r.country}
    owner: dict[str, list[Row]] = {}  # normalised Arabic name -> rows holding it
    en_owner: dict[str, Row] = {}
    for r in curated:
        for n in r.names():
            owner.setdefault(normalize(n), []).append(r)
        for k in en_keys(r.label_en):
            en_owner.setdefault(k, r)
    # Cities before divisions, capitals and big cities first.
    order = sorted(new, key=lambda r: (r.type != "City", -r.pop, r.label_en))
    for r in order:
        kept: list[str] = []
        wanted = [r.label_ar, *r.aliases_ar]
        if r.type == "Region":
            wanted.append(_designated(r, r.label_ar))
        for name in dict.fromkeys(wanted):
            n = normalize(name)
            if not n:
                continue
            foreign = r.country not in REGION
            if filt.common(name, foreign) or filt.all_common(name, foreign):
                report.counts["common-word name dropped"] += 1
                continue
            if extra.get(n, r.type) != r.type:
                report.counts["name the analyser knows as another class: not taken"] += 1
                continue
            holders = owner.get(n, [])
            if any(h.curated or h.type != "City" or r.type != "City" for h in holders):
                report.counts["name held by another row: not shared"] += 1
                continue
            if holders and max(h.pop for h in holders) > 3 * r.pop:
                report.counts["name held by a bigger city: not shared"] += 1
                continue
            kept.append(name)
        if (
            not kept
            and r.country not in REGION
            and (filt.common(r.label_ar, True) or filt.all_common(r.label_ar, True))
        ):
            report.counts["row whose Arabic name is only common words: left out"] += 1
            dropped.append(r)
            continue
        if not kept:
            fallback = _designated(r, r.label_ar)
            n = normalize(fallback)
            if fallback != r.label_ar and n not in owner and not filt.common(fallback):
                kept = [fallback]
            else:
                where = country_ar.get(r.country, r.country)
                kept = [f"{r.label_ar} ({where})"]
                report.counts["label qualified by its country (never matched in text)"] += 1
        r.label_ar, r.aliases_ar = kept[0], kept[1:]
        for name in kept:
            owner.setdefault(normalize(name), []).append(r)
        keys = en_keys(r.label_en)
        clash = [en_owner[k] for k in keys if k in en_owner]
        if clash and (r.type != "City" or any(o.curated or o.type != "City" for o in clash)):
            if r.type == "Region" and r.kind_en:
                r.label_en = f"{r.label_en.strip()} {r.kind_en}"
                keys = en_keys(r.label_en)
            if any(k in en_owner and en_owner[k].curated for k in keys):
                report.counts["English name of a curated row: left out"] += 1
                dropped.append(r)
                continue
        for k in keys:
            en_owner.setdefault(k, r)
    return dropped


def build(src: Path = SOURCES) -> tuple[list[Row], Report]:
    report = Report()
    filt = project_name_filter()
    curated = curated_rows(src)
    seen = {r.qid for r in curated if r.qid}
    new: list[Row] = []
    for r in [*city_rows(src, filt, report), *division_rows(src, report)]:
        if r.qid in seen:
            report.counts["QID already in the gazetteer: skipped"] += 1
            continue
        seen.add(r.qid)
        new.append(r)
    dropped = {id(r) for r in assign_names(curated, new, filt, report)}
    new = [r for r in new if id(r) not in dropped]
    cities = sorted((r for r in new if r.type == "City"), key=lambda r: (r.country, r.label_en))
    regions = sorted((r for r in new if r.type == "Region"), key=lambda r: (r.country, r.label_en))
    rows = [*curated, *cities, *regions]
    rows += _script("gazetteer_people").people_rows(src, rows, filt, extra_names(), report)
    rows += _script("gazetteer_orgs").org_rows(src, rows, filt, extra_names(), report)
    rows += _script("gazetteer_popolo").popolo_rows(src, rows, filt, extra_names(), report)
    rows += _script("gazetteer_legislatures").legislature_rows(src, rows, report)
    rows += _script("gazetteer_cabinets").cabinet_rows(src, rows, report)
    report.counts.update(f"type {r.type}" for r in rows)
    return rows, report


def link_index(gaz: str, check: bool) -> bool:
    """Write kg/data/link_index.tsv, the linker's index over the gazetteer text ``gaz``, or
    with ``check`` tell whether the committed one is it."""
    from kg.link.gazindex import render

    text = render(gaz)
    if not check:
        OUT_INDEX.write_text(text, encoding="utf-8")
        print(f"wrote {OUT_INDEX}")
        return True
    same = OUT_INDEX.exists() and OUT_INDEX.read_text(encoding="utf-8") == text
    if not same:
        print(f"build: the committed {OUT_INDEX.name} differs", file=sys.stderr)
    return same


def _script(name: str):  # type: ignore[no-untyped-def]  # gazetteer_people/_orgs.py, on use
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    return importlib.import_module(name)


def render(rows: list[Row]) -> tuple[str, str]:
    buf_g, buf_p = io.StringIO(), io.StringIO()
    for buf, cols, cells in (
        (buf_g, COLUMNS, [r.cells() for r in rows]),
        (buf_p, PROV_COLUMNS, [r.prov_cells() for r in rows]),
    ):
        buf.write("\t".join(cols) + "\n")
        for c in cells:
            buf.write("\t".join(str(x).replace("\t", " ").replace("\n", " ") for x in c) + "\n")
    return buf_g.getvalue(), buf_p.getvalue()


def render_cued(rows: list[Row], src: Path = SOURCES) -> str:
    """kg/data/people_cued.tsv: names kept out of ``rows`` that a title may link."""
    cued = _script("gazetteer_people").cued_rows(src, rows, project_name_filter(), extra_names())
    return "\n".join("\t".join(r) for r in [list(CUED_COLUMNS), *cued]) + "\n"


# ----------------------------------------------------------------------------- extract


def extract(
    ne: Path, states: Path, cities: Path, arwikicats: list[Path], dest: Path = SOURCES
) -> None:
    """Write the small extracts ``build`` reads from the upstream files (pinned in
    kg/data/GAZETTEER_SOURCES.md)."""
    places = [f["properties"] for f in json.loads(ne.read_text(encoding="utf-8"))["features"]]
    ne_rows = []
    for p in places:
        if not p.get("wikidataid"):
            continue
        ne_rows.append(
            [
                p["wikidataid"],
                p["NAME"],
                p["NAMEASCII"],
                p.get("NAMEALT") or "",
                p["ADM0NAME"],
                p["ISO_A2"],
                p["FEATURECLA"],
                int(p["POP_MAX"] or 0),
            ]
        )
    ne_rows.sort(key=lambda r: (str(r[5]), str(r[1]), str(r[0])))
    write_tsv(
        dest / "ne_populated_places.tsv",
        ("qid", "name", "nameascii", "namealt", "adm0name", "iso_a2", "featurecla", "pop_max"),
        ne_rows,
    )
    qids = {r[0] for r in ne_rows}
    dr_rows = []
    for path in sorted(cities.glob("*.json")):
        for c in json.loads(path.read_text(encoding="utf-8")):
            if c.get("wikiDataId") in qids:
                dr_rows.append(
                    [
                        c["id"],
                        c["name"],
                        c["country_code"],
                        c.get("wikiDataId") or "",
                        c.get("native") or "",
                        (c.get("translations") or {}).get("ar", ""),
                    ]
                )
    write_tsv(
        dest / "dr5hn_cities.tsv",
        ("id", "name", "country_code", "wikiDataId", "native", "ar"),
        dr_rows,
    )
    con = sqlite3.connect(states)
    st_rows = []
    for sid, name, cc, kind, parent, native, tr, qid, pop in con.execute(
        "select id, name, country_code, type, parent_id, native, translations, wikiDataId, population"
        " from states order by country_code, name"
    ):
        ar = (json.loads(tr) if tr else {}).get("ar", "")
        st_rows.append(
            [sid, name, cc, kind or "", parent or "", native or "", ar, qid or "", pop or ""]
        )
    write_tsv(
        dest / "dr5hn_states.tsv",
        (
            "id",
            "name",
            "country_code",
            "type",
            "parent_id",
            "native",
            "ar",
            "wikiDataId",
            "population",
        ),
        st_rows,
    )
    awc: dict[str, str] = {}
    for path in arwikicats:  # the first file that names a place wins
        for k, v in json.loads(path.read_text(encoding="utf-8")).items():
            awc.setdefault(k.casefold(), v)
    wanted = set()
    for r in ne_rows:
        wanted |= {str(r[1]).casefold(), f"{r[1]}, {r[4]}".casefold()}
        wanted |= {a.strip().casefold() for a in re.split(r"[|/]", str(r[3])) if a.strip()}
    write_tsv(
        dest / "arwikicats_cities.tsv",
        ("english", "arabic"),
        sorted([k, v] for k, v in awc.items() if k in wanted),
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="write kg/data/gazetteer.tsv and gazetteer_provenance.tsv")
    b.add_argument("--check", action="store_true", help="compare with the committed files")
    b.add_argument("--out", type=Path, default=OUT_TSV)
    b.add_argument("--provenance", type=Path, default=OUT_PROV)
    e = sub.add_parser("extract", help="rewrite scripts/gazetteer_sources/ from upstream files")
    e.add_argument("--ne", type=Path, required=True, help="ne_10m_populated_places.json")
    e.add_argument("--dr5hn-states", type=Path, required=True, help="sqlite/states.sqlite3")
    e.add_argument(
        "--dr5hn-cities", type=Path, required=True, help="folder of contributions/cities/*.json"
    )
    e.add_argument(
        "--arwikicats",
        type=Path,
        nargs="+",
        required=True,
        help="ArWikiCats jsons: cities/cities_full.json, then geography/*.json (first wins)",
    )
    p = sub.add_parser("extract-people", help="rewrite the people extracts (gazetteer_people.py)")
    p.add_argument("--ep-git", nargs="+", required=True, help="NAME=bare git dir of each repo")
    p.add_argument("--arwikicats-people", type=Path, required=True, help="people/peoples.json")
    h = sub.add_parser("extract-holders", help="rewrite ep_offices_more.tsv (gazetteer_holders.py)")
    h.add_argument("--ep-git", nargs="+", required=True, help="NAME=bare git dir of each repo")
    _script("gazetteer_orgs").add_parser(sub)  # extract-orgs
    _script("gazetteer_wpoffice").add_parser(sub)  # extract-wpoffice
    _script("gazetteer_popolo").add_parser(sub)  # extract-popolo
    c = sub.add_parser("extract-cabinets", help="rewrite ep_cabinets.tsv (gazetteer_cabinets.py)")
    c.add_argument("--git", required=True, help="bare git dir of every-politician-scrapers/world")
    args = ap.parse_args(argv)
    if args.cmd == "extract-cabinets":
        n = _script("gazetteer_cabinets").extract(
            Path(args.git), "every-politician-scrapers/world", SOURCES
        )
        print(f"extract-cabinets: {n} rows")
        return 0
    if args.cmd == "extract-popolo":
        repos = [(a.split("=", 1)[0], Path(a.split("=", 1)[1])) for a in args.git]
        print(f"extract-popolo: {_script('gazetteer_popolo').extract(repos, SOURCES)} rows")
        print(f"legislatures: {_script('gazetteer_legislatures').extract(repos, SOURCES)} rows")
        return 0
    if args.cmd == "extract-wpoffice":
        repos = [(a.split("=", 1)[0], Path(a.split("=", 1)[1])) for a in args.ep_git]
        print(f"extract-wpoffice: {_script('gazetteer_wpoffice').extract(repos, SOURCES)} rows")
        return 0
    if args.cmd == "extract-holders":
        repos = [(a.split("=", 1)[0], Path(a.split("=", 1)[1])) for a in args.ep_git]
        _script("gazetteer_holders").extract_offices(repos, SOURCES)
        return 0
    if args.cmd == "extract-orgs":
        a, orgs = args, _script("gazetteer_orgs")
        return int(
            orgs.extract_cli(
                a.ep_groups,
                SOURCES,
                a.supraverden,
                a.agency_registry,
                a.ep_ministries,
                a.partyfacts,
            )
        )
    if args.cmd == "extract-people":
        repos = [(a.split("=", 1)[0], Path(a.split("=", 1)[1])) for a in args.ep_git]
        _script("gazetteer_people").extract_people(repos, args.arwikicats_people, SOURCES)
        return 0
    if args.cmd == "extract":
        extract(args.ne, args.dr5hn_states, args.dr5hn_cities, args.arwikicats)
        return 0
    sys.path.insert(0, str(ROOT))
    rows, report = build()
    gaz, prov = render(rows)
    cued_text = render_cued(rows)
    holders_text = _script("gazetteer_holders").render_holders(SOURCES, rows)
    for key, n in sorted(report.counts.items()):
        print(f"build: {key}: {n}", file=sys.stderr)
    print(
        f"build: {len(report.conflicts)} QID conflicts between sources (see --verbose)",
        file=sys.stderr,
    )
    if not link_index(gaz, args.check) and args.check:
        return 1
    if args.check:
        same = (
            args.out.read_text(encoding="utf-8") == gaz
            and args.provenance.read_text(encoding="utf-8") == prov
            and OUT_CUED.read_text(encoding="utf-8") == cued_text
            and OUT_HOLDERS.read_text(encoding="utf-8") == holders_text
        )
        print("build: up to date" if same else "build: the committed files differ", file=sys.stderr)
        return 0 if same else 1
    args.out.write_text(gaz, encoding="utf-8")
    args.provenance.write_text(prov, encoding="utf-8")
    OUT_CUED.write_text(cued_text, encoding="utf-8")
    OUT_HOLDERS.write_text(holders_text, encoding="utf-8")
    print(f"wrote {args.out} ({len(rows)} rows) and {args.provenance}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
