"""Arabic names of office holders from EveryPolitician's caches of Wikipedia and Wikidata.

Used by ``scripts/gazetteer_people.py`` (``extract-people``); see
``kg/data/GAZETTEER_SOURCES.md`` for the pinned repositories and the licences.

Besides the Wikidata reports that ``gazetteer_people.py`` reads, the repositories of
``every-politician-scrapers`` keep, in their history:

- ``enwiki/index.csv``: English Wikipedia pages of office holders, ``pageid,title,wikidata``
  (the QID is the page's Wikidata item, as Wikipedia's page properties give it; where the
  file has no ``wikidata`` column, the office holder whose Wikidata sitelink is the title);
- ``enwiki/infobox/PAGEID``: the page's infobox as JSON (wtf_wikipedia), whose
  ``native_name`` (or ``name``, ``full name``, ``birth_name``) is often the Arabic name;
- ``enwiki/wtf/PAGEID``: the parsed page, whose first sentence often gives the Arabic name
  in its first parenthesis («Faisal bin Farhan Al Saud (Arabic: فيصل بن فرحان آل سعود;
  born …)»);
- ``sources/*/wikidata.csv``: ``wd sparql`` answers for one position, labelled in the
  language of the Wikipedia list they were compared with (Arabic for some), so their
  ``itemLabel`` is then the item's Arabic label on Wikidata.

Each Arabic name becomes one row ``qid label_ar kind source`` of ``ep_wikipedia_ar.tsv``
(kinds ``enwiki-infobox``, ``enwiki-lead``, ``wikidata-label-ar``); the gazetteer build
joins them by QID to the verified office holders, and its filters decide which are safe.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from pathlib import Path

#: Infobox fields that hold a person's name.
NAME_FIELDS = ("native_name", "name", "full name", "birth_name")
#: Arabic letters and the marks written over them, one run (names are cut out of mixed text).
_RUN = re.compile(
    r"[\u0621-\u064A\u0671\u06A9\u06CC][\u0621-\u0652\u0670\u0671\u06A9\u06CC\u0640\u200e\u200f ]*"
)
#: The first parenthesis of an article, where English Wikipedia gives the native name.
_LEAD = re.compile(r"\(([^()]*)\)")
#: Letters of the Arabic script that Arabic does not use (پ چ ژ گ ڤ ێ ۆ ە ھ ے …), but ی and ک,
#: which editors often type for ي and ك.
_OTHER_SCRIPT = re.compile(r"[\u0672-\u06A8\u06AA-\u06CB\u06CD-\u06FF]")
#: Persian letters and Quranic marks some editors type into Arabic names, and their Arabic.
_LETTERS = str.maketrans({"\u06cc": "\u064a", "\u06a9": "\u0643", "\u0671": "\u0627"})
_MARKS = re.compile(r"[\u064B-\u0652\u0670\u0640\u200e\u200f]")
#: Words that begin a name with a title or an honorific, never a name of its own.
_HONORIFICS = frozenset(
    {"الدكتور", "الدكتورة", "د", "الشيخ", "الشيخة", "صاحب", "صاحبة", "السيد", "السيدة", "المهندس"}
)


def arabic_name(text: str) -> str:
    """The longest Arabic run of ``text``, without marks, Persian letters or extra spaces;
    empty when it starts with an honorific or is one word.

    >>> arabic_name("Faisal Mekdad فيصل المقداد"), arabic_name("عبد الفتاح السیسی")
    ('فيصل المقداد', 'عبد الفتاح السيسي')
    >>> arabic_name("بَشَّارُ ٱلْأَسَدِ"), arabic_name("الشيخ حميد بن راشد النعيمي")
    ('بشار الأسد', '')
    >>> arabic_name("Kurdish: نێچیرڤان بارزانی")  # not Arabic: never a cut-off «ان بارزاني»
    ''
    """
    if _OTHER_SCRIPT.search(text):
        return ""  # Kurdish, Urdu, Pashto or Persian letters: a name as another language writes it
    runs = [_MARKS.sub("", m.group(0)).translate(_LETTERS) for m in _RUN.finditer(text)]
    runs = [" ".join(r.split()) for r in runs]
    best = max(runs, key=len, default="")
    words = best.split()
    if len(words) < 2 or words[0] in _HONORIFICS:
        return ""
    return best


def _git(git_dir: Path, *args: str) -> str:
    r = subprocess.run(["git", "--git-dir", str(git_dir), *args], capture_output=True)
    return r.stdout.decode("utf-8", "replace") if r.returncode == 0 else ""


def _commits(git_dir: Path, path: str) -> list[str]:
    """The commits that changed ``path``, newest first, without the one that deleted it."""
    return _git(git_dir, "log", "--all", "--diff-filter=AM", "--format=%H", "--", path).split()


def _json(git_dir: Path, commit: str, path: str) -> object:
    try:
        return json.loads(_git(git_dir, "show", f"{commit}:{path}"))
    except json.JSONDecodeError:
        return None


def _pages(git_dir: Path, by_title: dict[str, str]) -> dict[str, str]:
    """Page id -> QID, from every version of ``enwiki/index.csv`` (newest first wins):
    its ``wikidata`` column, or where it has none the office holder whose English
    Wikipedia title (Wikidata's sitelink, ``by_title``) is the page's title."""
    pages: dict[str, str] = {}
    for c in _commits(git_dir, "enwiki/index.csv"):
        text = _git(git_dir, "show", f"{c}:enwiki/index.csv")
        for row in csv.DictReader(io.StringIO(text)):
            qid = row.get("wikidata") or by_title.get(row.get("title") or "", "")
            if re.fullmatch(r"Q\d+", qid):
                pages.setdefault(row["pageid"], qid)
    return pages


def _infobox_names(git_dir: Path, at: str, pid: str, qid: str) -> list[list[str]]:
    out = []
    for c in _commits(git_dir, f"enwiki/infobox/{pid}")[:1]:
        box = _json(git_dir, c, f"enwiki/infobox/{pid}")
        if isinstance(box, list):
            box = box[0] if box else None
        if not isinstance(box, dict):
            continue
        for field in NAME_FIELDS:
            name = arabic_name(str(box.get(field) or ""))
            if name:
                src = f"{at}@{c[:7]}:enwiki/infobox/{pid} {field}"
                out.append([qid, name, "enwiki-infobox", src])
    return out


def _lead_names(git_dir: Path, at: str, pid: str, qid: str) -> list[list[str]]:
    for c in _commits(git_dir, f"enwiki/wtf/{pid}")[:1]:
        page = _json(git_dir, c, f"enwiki/wtf/{pid}")
        try:
            first = page["sections"][0]["paragraphs"][0]["sentences"][0]["text"]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            continue
        m = _LEAD.search(str(first))
        name = arabic_name(m.group(1).split(";")[0]) if m else ""
        if name:
            return [[qid, name, "enwiki-lead", f"{at}@{c[:7]}:enwiki/wtf/{pid}"]]
    return []


def _position_labels(git_dir: Path, at: str) -> list[list[str]]:
    """Arabic ``itemLabel`` of the ``wd sparql`` answers under ``sources/``."""
    out = []
    head = _git(git_dir, "rev-parse", "--short=7", "HEAD").strip()
    files = _git(git_dir, "ls-tree", "-r", "--name-only", "HEAD", "sources").split()
    for path in (f for f in files if f.endswith("/wikidata.csv")):
        for row in csv.DictReader(io.StringIO(_git(git_dir, "show", f"HEAD:{path}"))):
            qid, label = row.get("item") or "", row.get("itemLabel") or ""
            name = arabic_name(label) if re.fullmatch(r"Q\d+", qid) else ""
            if name and name == " ".join(label.split()):  # the whole label, nothing cut
                out.append([qid, name, "wikidata-label-ar", f"{at}@{head}:{path}"])
    return out


def wikipedia_names(name: str, git_dir: Path, by_title: dict[str, str]) -> list[list[str]]:
    """The rows of one repository (``name``, bare git dir); ``by_title``: the QIDs of the
    office holders by English Wikipedia title."""
    at = f"every-politician-scrapers/{name}"
    rows = _position_labels(git_dir, at)
    for pid, qid in sorted(_pages(git_dir, by_title).items()):
        rows += _infobox_names(git_dir, at, pid, qid)
        rows += _lead_names(git_dir, at, pid, qid)
    return rows


def extract_wikipedia_names(repos: list[tuple[str, Path]], dest: Path) -> None:
    """Write ``ep_wikipedia_ar.tsv`` from the EveryPolitician repositories."""
    from build_gazetteer import read_tsv, write_tsv

    titles: dict[str, set[str]] = {}
    for r in read_tsv(dest / "ep_offices.tsv"):
        if r["enwiki"]:
            titles.setdefault(r["enwiki"], set()).add(r["qid"])
    by_title = {t: next(iter(q)) for t, q in titles.items() if len(q) == 1}
    rows: list[list[str]] = []
    for name, git_dir in sorted(repos):
        rows += wikipedia_names(name, git_dir, by_title)
    unique = sorted({tuple(r): r for r in rows}.values())
    write_tsv(dest / "ep_wikipedia_ar.tsv", ("qid", "label_ar", "kind", "source"), unique)
