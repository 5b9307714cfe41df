#!/usr/bin/env python3
"""Rebuild the gazetteer TSV from the Wikidata SPARQL endpoint (needs the network).

    python scripts/refresh_gazetteer.py --dry-run              # what would change
    python scripts/refresh_gazetteer.py                        # update kg/data/gazetteer.tsv
    python scripts/refresh_gazetteer.py --out new.tsv --no-merge

It asks query.wikidata.org, one query at a time, for

- countries: sovereign states (wdt:P31 wd:Q3624078) that were not dissolved;
- capitals (wdt:P36 of those states) and major cities: cities with millions of
  inhabitants, and cities of 250,000 or more in states where Arabic is official;
- intergovernmental and international organisations with at least 40 Wikipedia
  articles (sitelinks);
- heads of state and of government and foreign ministers of those states who held the
  office in 2000 or later;
- armed and terrorist organisations with at least 20 sitelinks;

with their English and Arabic labels and Arabic aliases. Before it queries, it checks
on Wikidata that each class QID it uses has the expected English label, and leaves out
any class that does not (a mistyped QID must not bring in wrong items).

By default the result is merged into the existing file (``--base``): existing rows keep
their labels and sources (many were verified or edited by hand); Wikidata's Arabic
label and aliases are added to their aliases; new items are appended; rows without a
QID are kept. A Wikidata item whose English label is also the label of an existing
row with another QID is reported: one of the two QIDs may be wrong. Rows without an
Arabic label are skipped. The file is replaced atomically.

Set ``KG_WIKIDATA_CONTACT`` to your e-mail: it goes into the User-Agent, as Wikimedia asks.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TSV = ROOT / "kg" / "data" / "gazetteer.tsv"
COLUMNS = ("qid", "label_en", "label_ar", "aliases_ar", "type", "source")

PREFIXES = """PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX p: <http://www.wikidata.org/prop/>
PREFIX ps: <http://www.wikidata.org/prop/statement/>
PREFIX pq: <http://www.wikidata.org/prop/qualifier/>
PREFIX wikibase: <http://wikiba.se/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""

#: Labels (and aliases) of ?item, appended to every query.
LABELS = """
  ?item rdfs:label ?en . FILTER (lang(?en) = "en")
  OPTIONAL { ?item rdfs:label ?ar . FILTER (lang(?ar) = "ar") }
  OPTIONAL { ?item skos:altLabel ?alias . FILTER (lang(?alias) = "ar") }
"""

#: Class QIDs the queries use, with the English labels they must have on Wikidata.
CLASSES: dict[str, tuple[str, ...]] = {
    "Q3624078": ("sovereign state",),
    "Q1637706": ("city with millions of inhabitants",),
    "Q515": ("city",),
    "Q13955": ("arabic",),
    "Q245065": ("intergovernmental organization",),
    "Q484652": ("international organization",),
    "Q7330070": ("foreign minister", "minister of foreign affairs"),
    "Q17127659": ("terrorist organization",),
    "Q17149090": ("armed organization",),
    "Q1156831": ("armed organization",),
}


@dataclass(frozen=True)
class Category:
    name: str
    type: str  # the gazetteer's type column
    classes: tuple[str, ...]  # class QIDs the query needs ({0}, {1} ... in the template)
    template: str
    optional: tuple[str, ...] = ()  # classes whose absence only drops a part ({alt})

    def query(self, ok: set[str]) -> str | None:
        """The SPARQL text with the checked classes, or None when a needed one failed."""
        if any(c not in ok for c in self.classes):
            return None
        if self.optional and not self.classes and not any(c in ok for c in self.optional):
            return None
        values = " ".join(f"wd:{c}" for c in self.optional if c in ok) or "wd:Q0"
        return (
            PREFIXES
            + "SELECT ?item ?en ?ar ?alias WHERE {\n"
            + self.template.format(*self.classes, alt=values)
            + LABELS
            + "}"
        )


CATEGORIES: tuple[Category, ...] = (
    Category(
        "countries",
        "Country",
        ("Q3624078",),
        """
  ?item wdt:P31 wd:{0} .
  FILTER NOT EXISTS {{ ?item wdt:P576 ?dissolved }}
""",
    ),
    Category(
        "capitals",
        "City",
        ("Q3624078",),
        """
  ?country wdt:P31 wd:{0} ; wdt:P36 ?item .
  FILTER NOT EXISTS {{ ?country wdt:P576 ?dissolved }}
""",
    ),
    Category(
        "major cities",
        "City",
        ("Q1637706", "Q515", "Q13955"),
        """
  {{ ?item wdt:P31 wd:{0} }}
  UNION
  {{ ?country wdt:P37 wd:{2} .
    ?item wdt:P17 ?country ; wdt:P1082 ?population ; wdt:P31/wdt:P279* wd:{1} .
    FILTER (?population >= 250000) }}
""",
    ),
    Category(
        "intergovernmental organisations",
        "Organization",
        (),
        """
  VALUES ?class {{ {alt} }}
  ?item wdt:P31 ?class ; wikibase:sitelinks ?sitelinks .
  FILTER (?sitelinks >= 40)
  FILTER NOT EXISTS {{ ?item wdt:P576 ?dissolved }}
""",
        ("Q245065", "Q484652"),
    ),
    Category(
        "heads of state and government, foreign ministers",
        "Person",
        ("Q3624078",),
        """
  {{ ?country wdt:P31 wd:{0} . {{ ?country wdt:P1906 ?office }} UNION {{ ?country wdt:P1313 ?office }} }}
  UNION
  {{ VALUES ?minister {{ {alt} }} ?office wdt:P279 ?minister ; wdt:P1001 ?country . ?country wdt:P31 wd:{0} . }}
  ?item p:P39 ?held . ?held ps:P39 ?office .
  OPTIONAL {{ ?held pq:P582 ?end }}
  FILTER (!BOUND(?end) || ?end >= "2000-01-01T00:00:00Z"^^xsd:dateTime)
""",
        ("Q7330070",),
    ),
    Category(
        "armed groups",
        "Organization",
        (),
        """
  VALUES ?class {{ {alt} }}
  ?item wdt:P31 ?class ; wikibase:sitelinks ?sitelinks .
  FILTER (?sitelinks >= 20)
""",
        ("Q17127659", "Q17149090", "Q1156831"),
    ),
)


@dataclass
class Row:
    qid: str
    label_en: str
    label_ar: str
    aliases_ar: list[str] = field(default_factory=list)
    type: str = ""
    source: str = ""

    def cells(self) -> list[str]:
        return [
            self.qid,
            self.label_en,
            self.label_ar,
            "|".join(self.aliases_ar),
            self.type,
            self.source,
        ]


def checked_classes(client: object) -> set[str]:
    """The class QIDs whose English label on Wikidata is one of the expected ones."""
    items = client.entities(CLASSES, languages=("en",))  # type: ignore[attr-defined]
    ok = set()
    for qid, labels in CLASSES.items():
        got = items.get(qid)
        label = got.labels.get("en", "").casefold() if got is not None else ""
        if label in labels:
            ok.add(qid)
        else:
            print(
                f"refresh: class {qid} is labelled {label!r}, not {' or '.join(map(repr, labels))}: left out",
                file=sys.stderr,
            )
    return ok


def _qid(term: dict[str, str] | None) -> str:
    value = (term or {}).get("value", "")
    return value.rsplit("/", 1)[-1] if value.startswith("http://www.wikidata.org/entity/Q") else ""


def fetch(client: object, today: str) -> list[Row]:
    """Rows from Wikidata, one per item (the first category that finds it gives the type)."""
    ok = checked_classes(client)
    rows: dict[str, Row] = {}
    for cat in CATEGORIES:
        q = cat.query(ok)
        if q is None:
            print(f"refresh: {cat.name}: left out (a class failed its check)", file=sys.stderr)
            continue
        found = 0
        for b in client.sparql(q):  # type: ignore[attr-defined]
            qid = _qid(b.get("item"))
            if not qid:
                continue
            row = rows.get(qid)
            if row is None:
                row = rows[qid] = Row(
                    qid,
                    b.get("en", {}).get("value", ""),
                    "",
                    [],
                    cat.type,
                    f"wikidata-sparql {today} ({cat.name})",
                )
                found += 1
            ar = b.get("ar", {}).get("value", "")
            if ar and not row.label_ar:
                row.label_ar = ar
            alias = b.get("alias", {}).get("value", "")
            if alias and alias not in row.aliases_ar:
                row.aliases_ar.append(alias)
        print(f"refresh: {cat.name}: {found} items", file=sys.stderr)
    for row in rows.values():
        row.aliases_ar = [a for a in row.aliases_ar if a != row.label_ar]
    return list(rows.values())


def read_rows(path: Path) -> list[Row]:
    text = path.read_text(encoding="utf-8")
    out = []
    for r in csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE):
        aliases = [a for a in (r.get("aliases_ar") or "").split("|") if a]
        out.append(
            Row(r["qid"], r["label_en"], r["label_ar"], aliases, r["type"], r.get("source") or "")
        )
    return out


@dataclass
class MergeReport:
    kept: int = 0
    updated: int = 0  # existing rows that got new aliases
    added: int = 0
    skipped_no_arabic: int = 0
    suspicious: list[str] = field(default_factory=list)


def merge(existing: Sequence[Row], fresh: Iterable[Row]) -> tuple[list[Row], MergeReport]:
    """Existing rows first (labels kept, aliases extended), then new items."""
    report = MergeReport(kept=len(existing))
    out = [
        Row(r.qid, r.label_en, r.label_ar, list(r.aliases_ar), r.type, r.source) for r in existing
    ]
    by_qid = {r.qid: r for r in out if r.qid}
    by_label = {(r.type, r.label_en.casefold()): r.qid for r in out if r.qid}
    for f in sorted(fresh, key=lambda r: (r.type, r.label_en, r.qid)):
        old = by_qid.get(f.qid)
        if old is not None:
            new = [
                n
                for n in (f.label_ar, *f.aliases_ar)
                if n and n != old.label_ar and n not in old.aliases_ar
            ]
            if new:
                old.aliases_ar.extend(new)
                report.updated += 1
            continue
        other = by_label.get((f.type, f.label_en.casefold()))
        if other and other != f.qid:
            report.suspicious.append(f"{f.label_en!r}: gazetteer {other}, Wikidata {f.qid}")
            continue
        if not f.label_ar:
            report.skipped_no_arabic += 1
            continue
        out.append(f)
        by_qid[f.qid] = f
        report.added += 1
    return out, report


def to_tsv(rows: Iterable[Row]) -> str:
    lines = ["\t".join(COLUMNS)]
    for r in rows:
        cells = [c.replace("\t", " ").replace("\n", " ") for c in r.cells()]
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    from kg.atomic import atomic_write
    from kg.link.wdclient import Cache, WikidataClient, WikidataError

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--base",
        type=Path,
        default=DEFAULT_TSV,
        help="existing gazetteer to merge into (default: %(default)s)",
    )
    ap.add_argument(
        "--out", type=Path, default=None, help="where to write (default: the --base file)"
    )
    ap.add_argument("--no-merge", action="store_true", help="write only what Wikidata gives")
    ap.add_argument("--dry-run", action="store_true", help="print the counts, write nothing")
    ap.add_argument("--sparql", default=None, help="SPARQL endpoint (default: query.wikidata.org)")
    ap.add_argument(
        "--api", default=None, help="Action API, for the class checks (default: www.wikidata.org)"
    )
    ap.add_argument(
        "--timeout", type=float, default=65.0, help="seconds per query (WDQS stops queries at 60)"
    )
    args = ap.parse_args(argv)
    client = WikidataClient(
        api=args.api, sparql=args.sparql, cache=Cache(":memory:"), timeout=args.timeout
    )
    today = datetime.date.today().isoformat()
    try:
        fresh = fetch(client, today)
    except WikidataError as e:
        print(f"refresh: {e}", file=sys.stderr)
        return 1
    if args.no_merge:
        rows, report = merge([], fresh)
    else:
        rows, report = merge(read_rows(args.base), fresh)
    print(
        f"refresh: {report.kept} rows kept, {report.updated} with new aliases, {report.added} added, "
        f"{report.skipped_no_arabic} without an Arabic label skipped, {len(report.suspicious)} suspicious"
    )
    for s in report.suspicious:
        print(f"  check: {s}")
    if not args.dry_run:
        out = args.out or args.base
        atomic_write(out, [to_tsv(rows)])
        print(f"wrote {out} ({len(rows)} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
