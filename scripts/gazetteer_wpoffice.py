"""Office holders from EveryPolitician's Wikipedia lists of an office (``ep_wpoffice.tsv``).

An every-politician-scrapers repository compares Wikidata with the Wikipedia list of each
office it follows: ``sources/wpoffice/OFFICE/scraped.csv`` (``item, itemLabel,
startDate, endDate``) holds the holders the list names, each with **the Wikidata item of
the article the list links to** (the page's ``wikibase_item``, read by the scraper's
``WikidataIdsDecorator::Links``), and ``meta.json`` the office's item and the list's
address. Where Wikidata lacks a holder's position statement (the repository's
``diff.csv`` marks it ``+++``: Joseph Aoun, Commander of the Lebanese Armed Forces since
2017), this list is the one source that ties the holder to the office.

Rows are written in the columns of ``ep_offices.tsv`` for holders that neither
``ep_offices.tsv`` nor ``ep_offices_more.tsv`` has (a holder they have keeps their
positions), from lists on the English Wikipedia only (the position's words are read in
English: ambassadors, judges and governors are dropped by ``gazetteer_people._kept``,
which other languages' titles would pass), with a term not ended before 2005 and, when
it has no end, begun in 1990 or later (an open term from 1933 is a list the scraper read
only in part); the position is the repository's name and the list's title. Every row was
read by a person; the items that are no person are left out (``LEFT_OUT``).
``build`` makes them holder rows marked ``2`` (``gazetteer_holders.py``): linked only
after their title or in a document naming their country. No Arabic name is stored.

    build_gazetteer.py extract-wpoffice --ep-git NAME=GITDIR ...

Licence: the lists are English (or other) Wikipedia text (CC BY-SA 4.0), the QIDs
Wikidata's sitelinks (CC0 1.0); the repositories carry no licence file and none of their
code is used.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
from pathlib import Path
from urllib.parse import unquote

FILE = "ep_wpoffice.tsv"
#: Items a list names in a holder's place that are no person, with the reason.
LEFT_OUT = {
    "Q1486618": "President's rule: a period of direct rule, not a chief minister",
    "Q66578996": "Sovereignty Council: a collective head of state, not a person",
}
_FIRST_OPEN_YEAR = "1990"
_HEADER = """\
# Office holders from the Wikipedia lists of an office that EveryPolitician's repositories
# compare with Wikidata (sources/wpoffice/OFFICE/scraped.csv: the item of each holder's
# article, meta.json: the list's address), for holders no other extract has; read for
# people_holders.tsv only (scripts/gazetteer_wpoffice.py). Wikipedia text: CC BY-SA 4.0;
# QIDs: Wikidata sitelinks, CC0 1.0. Written by `build_gazetteer.py extract-wpoffice`."""


def list_title(meta: str) -> str:
    """The title of the Wikipedia list a ``meta.json`` names.

    >>> list_title('{"source": "https://en.wikipedia.org/wiki/Commander_of_the_Lebanese_Armed_Forces"}')
    'Commander of the Lebanese Armed Forces'
    """
    url = str(json.loads(meta).get("source", ""))
    return unquote(url.rsplit("/wiki/", 1)[-1]).split("#", 1)[0].replace("_", " ")


def _git(git_dir: Path, *args: str) -> str:
    r = subprocess.run(["git", "--git-dir", str(git_dir), *args], capture_output=True)
    return r.stdout.decode("utf-8") if r.returncode == 0 else ""


def repo_rows(name: str, git_dir: Path) -> list[list[str]]:
    """The holders of one repository's office lists, in the columns of ``ep_offices.tsv``."""
    from gazetteer_people import _QID, _kept

    head = _git(git_dir, "rev-parse", "--short=7", "HEAD").strip()
    files = _git(git_dir, "ls-tree", "-r", "--name-only", "HEAD", "sources/wpoffice").split()
    rows = []
    for meta_path in sorted(f for f in files if f.endswith("/meta.json")):
        folder = meta_path.rsplit("/", 1)[0]
        meta = _git(git_dir, "show", f"HEAD:{meta_path}") or "{}"
        if json.loads(meta).get("lang") != "en":
            continue
        title = list_title(meta)
        scraped = _git(git_dir, "show", f"HEAD:{folder}/scraped.csv")
        position = f"{name}: {title}"
        source = f"every-politician-scrapers/{name}@{head}:{folder}/scraped.csv"
        for r in csv.DictReader(io.StringIO(scraped)):
            qid, label = r.get("item") or "", r.get("itemLabel") or ""
            start, end = (r.get("startDate") or "")[:10], (r.get("endDate") or "")[:10]
            if qid in LEFT_OUT or not (_QID.match(qid) and label and title):
                continue
            if _kept(position, end) and (end or start[:4] >= _FIRST_OPEN_YEAR):
                rows.append([qid, label, "", position, start, end, source])
    return rows


def extract(repos: list[tuple[str, Path]], dest: Path) -> int:
    """Rewrite ``ep_wpoffice.tsv``; the number of rows."""
    from build_gazetteer import read_tsv, write_tsv
    from gazetteer_holders import OFFICE_FILES
    from gazetteer_people import OFFICE_COLUMNS

    known = {r["qid"] for f in OFFICE_FILES[:2] for r in read_tsv(dest / f)}
    rows = [r for n, g in sorted(repos) for r in repo_rows(n, g) if r[0] not in known]
    members = [r for n, g in sorted(repos) for r in legislator_rows(n, g)]
    for file, header, out in (
        (FILE, _HEADER, rows),
        (LEGISLATORS_FILE, _LEGISLATORS_HEADER, members),
    ):
        target = dest / file
        write_tsv(target, OFFICE_COLUMNS, sorted({tuple(r): r for r in out}.values()))
        target.write_text(header + "\n" + target.read_text(encoding="utf-8"), encoding="utf-8")
    return len(rows) + len(members)


#: The national legislatures whose members are holder rows (``legislators.csv`` of the
#: repository, a ``wd sparql`` answer: CC0): the positions, by repository.
NATIONAL_LEGISLATURES = {
    "us-cabinet": ("United States senator", "United States representative"),
    "france-cabinet": ("member of the French National Assembly", "member of the Senate of France"),
}
LEGISLATORS_FILE = "ep_legislators.tsv"
#: Members whose term ended before this year are left out (news of 2022-2026 names few).
_LEGISLATORS_FROM = "2017"
_LEGISLATORS_HEADER = """\
# Members of national legislatures (NATIONAL_LEGISLATURES of scripts/gazetteer_wpoffice.py)
# with their Wikidata QIDs, English labels and terms, from EveryPolitician's Wikidata reports
# (html/legislators.csv: a `wd sparql` answer, CC0 1.0), terms not ended before 2017; read for
# people_holders.tsv only. Written by `build_gazetteer.py extract-wpoffice`."""


def legislator_rows(name: str, git_dir: Path) -> list[list[str]]:
    """The members of one repository's national legislature, in the columns of
    ``ep_offices.tsv``."""
    from gazetteer_people import _QID

    keep = NATIONAL_LEGISLATURES.get(name, ())
    if not keep:
        return []
    head = _git(git_dir, "rev-parse", "--short=7", "HEAD").strip()
    source = f"every-politician-scrapers/{name}@{head}:html/legislators.csv"
    rows = []
    for r in csv.DictReader(io.StringIO(_git(git_dir, "show", "HEAD:html/legislators.csv"))):
        qid, label, end = r.get("personID") or "", r.get("person") or "", r.get("end") or ""
        if r.get("position") in keep and _QID.match(qid) and label:
            if not end or end[:4] >= _LEGISLATORS_FROM:
                position = f"{name}: {r['position']}"
                rows.append([qid, label, "", position, r.get("start") or "", end, source])
    return rows


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("extract-wpoffice", help=f"rewrite {FILE} (gazetteer_wpoffice.py)")
    p.add_argument("--ep-git", nargs="+", required=True, help="NAME=bare git dir of each repo")
