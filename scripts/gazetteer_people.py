"""People rows of the gazetteer: office holders from Wikidata, with Arabic names.

Used by ``scripts/build_gazetteer.py`` (``build`` and ``extract-people``); see
``kg/data/GAZETTEER_SOURCES.md`` for the pinned upstream files and their licences.

The upstream files are EveryPolitician's Wikidata reports (github
``every-politician-scrapers/*``): ``html/holders21.csv`` lists the holders of a country's
executive positions as Wikidata's P39 (position held) gives them, made by ``wd sparql``
against the Wikidata query service; ``html/bio.csv`` and ``html/raw/bio.json`` are the
same people's Wikidata items (``wd data``: labels, sitelinks). Every QID, English label
and Arabic label here is Wikidata's own; ArWikiCats (MIT; names from Arabic Wikipedia)
adds the Arabic Wikipedia title for an English Wikipedia title.

What goes in: a holder of a kept position (heads of state and government, ministers,
royal and military heads, UN and regional bodies' heads: :data:`DROP_POSITION` lists what
is left out) whose term did not end before 2005, with at least one Arabic name that is
safe in running text:

- two words or more (a person never links on one word: a surname or a first name alone
  is left to the linker's in-document joining), Arabic letters only;
- not made only of common words, first names or titles (``NameFilter.all_common``), nor
  only of given names (:func:`only_given_names`: محمد عبد الستار);
- not a name of another gazetteer row (curated rows and places keep theirs), nor one the
  analyser knows as another class, nor one two people share (both lose it).

A person with no such name is left out (counted in the build report).
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # build_gazetteer imports this module; the types only matter to mypy
    from build_gazetteer import NameFilter, Report, Row

#: Positions whose holders are not people of the news in the sense of issue 17.
DROP_POSITION = re.compile(
    r"ambassador|judge|justice|mayor|permanent representative|spouse|first lady|osce|"
    r"high commissioner on national minorities|^governor of (?!the central bank)|"
    r"council of europe|court",
    re.IGNORECASE,
)
FIRST_YEAR = "2005"
LEADER = re.compile(r"^(secretary-general|pope)\b", re.IGNORECASE)
#: Heads of state and government: their plain Arabic Wikipedia title (the primary topic of
#: the name there) is their name in news even when it is only given names (محمود عباس,
#: عبد ربه منصور هادي, هيثم بن طارق).
HEAD = re.compile(
    r"^(president|prime minister|king|emir|sultan|monarch|supreme leader|crown prince)"
    r"( of (?!the united nations|the international)|$)",
    re.IGNORECASE,
)
LIC_EP = (
    "CC0 1.0 (Wikidata data, as queried by EveryPolitician's wd-sparql reports; the "
    "repositories carry no licence file and no code of theirs is used)"
)
LIC_AWC = "MIT (ArWikiCats; names from Arabic Wikipedia, CC BY-SA 4.0)"
OFFICE_COLUMNS = ("qid", "label_en", "enwiki", "position", "start", "end", "source")
LABEL_COLUMNS = ("qid", "label_ar", "kind", "source")
_AR_ONLY = re.compile(r"^[\u0621-\u064A\u0660-\u0669\u0670-\u06D3 ]+$")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_QID = re.compile(r"^Q\d+$")
#: Label kinds, best first: the Arabic Wikipedia title (its hamzas are written more often
#: than in the label: بشار الأسد, not بشار الاسد), Wikidata's Arabic label, Wikidata's
#: fallback label (Arabic when the item has no English one), ArWikiCats.
KINDS = (
    "arwiki-title",
    "wikidata-label-ar",
    "wikidata-label-fallback",
    "arwikicats",
    "enwiki-infobox",
    "enwiki-lead",
)
WIKI_FILE = "ep_wikipedia_ar.tsv"
LIC_ENWIKI = "CC BY-SA 4.0 (English Wikipedia text, cached by EveryPolitician's wtf_wikipedia runs)"


@dataclass
class Office:
    qid: str
    label_en: str
    enwiki: str
    position: str
    start: str
    end: str
    source: str


# ----------------------------------------------------------------------------- extract


def _git_show(git_dir: Path, path: str) -> str | None:
    r = subprocess.run(
        ["git", "--git-dir", str(git_dir), "show", f"HEAD:{path}"], capture_output=True
    )
    return r.stdout.decode("utf-8") if r.returncode == 0 else None


def _git_head(git_dir: Path) -> str:
    r = subprocess.run(
        ["git", "--git-dir", str(git_dir), "rev-parse", "--short=7", "HEAD"],
        capture_output=True,
        text=True,
    )
    return r.stdout.strip()


def _holders(name: str, at: str, text: str) -> list[list[str]]:
    rows = []
    for r in csv.DictReader(io.StringIO(text)):
        person = r.get("person") or ""
        label = "" if _ARABIC.search(person) else person
        rows.append(
            [
                r.get("personID") or "",
                label,
                r.get("enwiki") or "",
                f"{name}: {r.get('position') or ''}",
                r.get("start") or "",
                r.get("end") or "",
                f"{at}:html/holders21.csv",
            ]
        )
    return rows


def _fallback_labels(at: str, text: str) -> list[list[str]]:
    """Arabic labels Wikidata gave where the item has no English one (holders21's
    ``person`` falls back to the first label)."""
    out = []
    for r in csv.DictReader(io.StringIO(text)):
        person = r.get("person") or ""
        if _ARABIC.search(person):
            out.append(
                [
                    r.get("personID") or "",
                    person,
                    "wikidata-label-fallback",
                    f"{at}:html/holders21.csv",
                ]
            )
    return out


def _bio_labels(at: str, text: str) -> tuple[list[list[str]], dict[str, tuple[str, str]]]:
    """Arabic label and Arabic Wikipedia title of each item of ``html/raw/bio.json``, and
    its English label and English Wikipedia title."""
    labels, english = [], {}
    for line in text.splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        links = d.get("sitelinks") or {}
        english[d["id"]] = ((d.get("labels") or {}).get("en", ""), links.get("enwiki", ""))
        if (d.get("labels") or {}).get("ar"):
            labels.append(
                [d["id"], d["labels"]["ar"], "wikidata-label-ar", f"{at}:html/raw/bio.json"]
            )
        if links.get("arwiki"):
            labels.append([d["id"], links["arwiki"], "arwiki-title", f"{at}:html/raw/bio.json"])
    return labels, english


def _repo_offices(
    name: str, git_dir: Path
) -> tuple[list[list[str]], list[list[str]], dict[str, str]]:
    """Offices, Arabic labels and English Wikipedia titles (by QID) of one repository."""
    at = f"every-politician-scrapers/{name}@{_git_head(git_dir)}"
    offices: list[list[str]] = []
    labels: list[list[str]] = []
    holders = _git_show(git_dir, "html/holders21.csv")
    if holders:
        offices += _holders(name, at, holders)
        labels += _fallback_labels(at, holders)
    bio = _git_show(git_dir, "html/bio.csv")
    enwiki = {r["id"]: r.get("enwiki") or "" for r in csv.DictReader(io.StringIO(bio or ""))}
    raw = _git_show(git_dir, "html/raw/bio.json")
    english: dict[str, tuple[str, str]] = {}
    if raw:
        more, english = _bio_labels(at, raw)
        labels += more
    for o in offices:
        en, wiki = english.get(o[0], ("", ""))
        o[1] = o[1] or en
        o[2] = o[2] or enwiki.get(o[0], "") or wiki
    leaders = _git_show(git_dir, "data/wikidata.csv")  # world-leaders-2021
    if leaders and name == "world-leaders-2021":
        for r in csv.DictReader(io.StringIO(leaders)):
            label = r["officeholderLabel"]
            offices.append(
                [
                    r["officeholder"],
                    "" if _QID.match(label) else label,
                    "",
                    f"{r['country']}: {r['positionLabel']}",
                    r["start_year"],
                    r["end_year"],
                    f"{at}:data/wikidata.csv",
                ]
            )
    foreign = _git_show(git_dir, "sources/foreign/wikidata.csv")  # world: foreign ministers
    if foreign and name == "world":
        for r in csv.DictReader(io.StringIO(foreign)):
            offices.append(
                [
                    r["person"],
                    r["name"],
                    "",
                    f"{r['countryLabel']}: {r['positionLabel']}",
                    r["start"],
                    "",
                    f"{at}:sources/foreign/wikidata.csv",
                ]
            )
    titles = {q: t for q, t in enwiki.items() if t} | {q: w for q, (_, w) in english.items() if w}
    return offices, labels, titles


def extract_people(repos: list[tuple[str, Path]], arwikicats_people: Path, dest: Path) -> None:
    """Write ``ep_offices.tsv``, ``ep_labels_ar.tsv`` and ``arwikicats_people.tsv`` from
    the EveryPolitician repositories (name, bare git dir) and ArWikiCats's peoples.json."""
    from build_gazetteer import write_tsv

    offices: list[list[str]] = []
    labels: list[list[str]] = []
    enwiki: dict[str, str] = {}
    for name, git_dir in sorted(repos):
        o, lab, titles = _repo_offices(name, git_dir)
        for q, t in titles.items():
            enwiki.setdefault(q, t)
        offices += [r for r in o if _QID.match(r[0]) and _kept(r[3], r[5])]
        labels += [r for r in lab if _QID.match(r[0])]
    for r in offices:  # a title one repository knows fills the others' rows
        r[2] = r[2] or enwiki.get(r[0], "")
    offices = sorted({tuple(r): r for r in offices}.values())
    labels = sorted({tuple(r): r for r in labels}.values())
    write_tsv(dest / "ep_offices.tsv", OFFICE_COLUMNS, offices)
    write_tsv(dest / "ep_labels_ar.tsv", LABEL_COLUMNS, labels)
    wanted = {r[2].casefold() for r in offices if r[2]}
    wanted |= {
        r[1].casefold()
        for r in offices
        if r[1] and (HEAD.search(r[3].split(": ", 1)[-1]) or LEADER.search(r[3].split(": ", 1)[-1]))
    }
    awc = json.loads(arwikicats_people.read_text(encoding="utf-8"))
    write_tsv(
        dest / "arwikicats_people.tsv",
        ("english", "arabic"),
        sorted([k.casefold(), v] for k, v in awc.items() if k.casefold() in wanted),
    )
    from gazetteer_people_wiki import extract_wikipedia_names

    extract_wikipedia_names(repos, dest)


# ----------------------------------------------------------------------------- build


def _kept(position: str, end: str) -> bool:
    if DROP_POSITION.search(position.split(": ", 1)[-1]):
        return False
    return not (end and end[:4] < FIRST_YEAR)


def _arabic_names(
    src: Path,
) -> tuple[dict[str, list[tuple[str, str, str]]], dict[str, str]]:
    """The Arabic names the extracts give: by QID (label, kind, source), and ArWikiCats'
    English -> Arabic Wikipedia titles."""
    from build_gazetteer import read_tsv

    labels: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for f in ("ep_labels_ar.tsv", WIKI_FILE):
        for r in read_tsv(src / f):
            labels[r["qid"]].append((r["label_ar"], r["kind"], r["source"]))
    awc = {r["english"]: r["arabic"] for r in read_tsv(src / "arwikicats_people.tsv")}
    return labels, awc


def kept_offices(rows: list[dict[str, str]]) -> dict[str, list[Office]]:
    """Offices by QID: positions not in :data:`DROP_POSITION`, terms not ended before 2005.

    >>> r = {"qid": "Q1", "label_en": "A B", "enwiki": "", "start": "", "source": "s"}
    >>> sorted(kept_offices([{**r, "position": "x: President", "end": ""},
    ...                      {**r, "position": "x: ambassador to Chad", "end": ""},
    ...                      {**r, "qid": "Q2", "position": "x: President", "end": "1999"}]))
    ['Q1']
    """
    out: dict[str, list[Office]] = defaultdict(list)
    for r in rows:
        if _kept(r["position"], r["end"]):
            out[r["qid"]].append(Office(**{k: r[k] for k in OFFICE_COLUMNS}))
    return out


def clean_ar(name: str) -> str:
    """An Arabic name without a parenthesised qualifier, tatweel or extra spaces.

    >>> clean_ar("محمد السادس (ملك المغرب)"), clean_ar("Q12 x")
    ('محمد السادس', '')
    """
    name = re.sub(r"\s*\(.*?\)\s*", " ", name).replace("\u0640", "")
    name = " ".join(name.split())
    return name if _AR_ONLY.match(name) else ""


def arabic_names(
    qid: str,
    offices: list[Office],
    labels: dict[str, list[tuple[str, str, str]]],
    awc: dict[str, str],
    by_label: bool = False,
) -> list[tuple[str, str]]:
    """(name, where it comes from) for one person, best first, without repeats.
    ``by_label``: ArWikiCats may also answer for the English label (heads of state and
    government, secretaries-general: the most prominent bearers of their names)."""
    found: list[tuple[int, str, str]] = []
    for name, kind, source in labels.get(qid, []):
        plain = " (plain)" if kind == "arwiki-title" and "(" not in name else ""
        found.append((KINDS.index(kind), name, f"{kind}{plain} {source}"))
    for o in offices:  # by the English Wikipedia title: a label may name another man
        if o.enwiki and o.enwiki.casefold() in awc:
            key, how = o.enwiki, ""
        elif by_label and o.label_en and o.label_en.casefold() in awc:
            key, how = o.label_en, "label "
        else:
            continue
        name = awc[key.casefold()]
        plain = " (plain)" if "(" not in name else ""  # an Arabic Wikipedia title too
        found.append((KINDS.index("arwikicats"), name, f"arwikicats{plain} ({how}{key})"))
    out: dict[str, tuple[str, str]] = {}
    for _, name, where in sorted(found):
        c = clean_ar(name)
        if c:
            out.setdefault(c, (c, where))
    for c, where in list(out.values()):
        for v in nasab_variants(c):
            out.setdefault(v, (v, f"{where} (nasab shortened)"))
        m = _REGNAL_NASAB.match(c)
        if m:
            out.setdefault(m.group(1), (m.group(1), f"{where} (regnal name)"))
    for c, where in list(out.values()):
        v = abd_variant(c)
        if v:
            out.setdefault(v, (v, f"{where} (عبد spacing)"))
    return list(out.values())


#: Regnal ordinals: «محمد السادس» names a king however common its words are.
ORDINALS = (
    "الأول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
)
_REGNAL_NASAB = re.compile(rf"^(\S+(?: \S+)? (?:{'|'.join(ORDINALS)})) بن .+$")


def is_regnal(name: str) -> bool:
    """Whether a normalised name is a first name and a regnal ordinal (محمد السادس).

    >>> is_regnal("محمد السادس"), is_regnal("عبد الله الثاني"), is_regnal("جنوب شرق")
    (True, True, False)
    """
    from kg.text import normalize

    words = name.split()
    return 1 < len(words) <= 3 and words[-1] in {normalize(o) for o in ORDINALS}


_NASAB = re.compile(r"^((?:عبد )?\S+ بن (?:عبد )?\S+)((?: بن (?:عبد )?\S+)*)( آل \S+)$")


def nasab_variants(name: str) -> list[str]:
    """The forms news prints of a name in a ruling family («A bin B [bin C …] Al Z»): the
    name and his father's with the family (without the grandfathers), and without it.

    >>> nasab_variants("حمد بن عيسى بن سلمان آل خليفة")
    ['حمد بن عيسى آل خليفة', 'حمد بن عيسى']
    >>> nasab_variants("فيصل بن فرحان آل سعود"), nasab_variants("قيس سعيد")
    (['فيصل بن فرحان'], [])
    """
    m = _NASAB.match(name)
    if not m:
        return []
    short = [m.group(1) + m.group(3)] if m.group(2) else []
    return [*short, m.group(1)]


def abd_variant(name: str) -> str:
    """The other way papers write a name with «عبد ال…»: joined or apart (عبد الفتاح
    السيسي, عبدالفتاح السيسي); empty when the name has none.

    >>> abd_variant("عبد الفتاح السيسي"), abd_variant("عبدالله الثاني"), abd_variant("قيس سعيد")
    ('عبدالفتاح السيسي', 'عبد الله الثاني', '')
    """
    if re.search(r"(^| )عبد ال", name):
        return re.sub(r"(^| )عبد ال", r"\1عبدال", name)
    if re.search(r"(^| )عبدال", name):
        return re.sub(r"(^| )عبدال", r"\1عبد ال", name)
    return ""


def taken_names(rows: list[Row]) -> dict[str, str]:
    """Normalised name -> QID (or English label) of every row so far, and QID -> QID."""
    from build_gazetteer import normalize

    names = {normalize(n): r.qid or r.label_en for r in rows for n in r.names()}
    return names | {r.qid: r.qid for r in rows if r.qid}


def people_rows(
    src: Path,
    before: list[Row],
    filt: NameFilter,
    extra: dict[str, str],
    report: Report,
) -> list[Row]:
    """The Person rows (see the module docstring), after the rows ``before`` (whose names
    they never take); ``extra``: names_extra.tsv's classes by normalised name."""
    from build_gazetteer import normalize, read_tsv

    taken = taken_names(before)
    offices = kept_offices(read_tsv(src / "ep_offices.tsv"))
    labels, awc = _arabic_names(src)
    candidates = {
        qid: _safe_names(
            arabic_names(qid, offs, labels, awc, by_label=is_head(offs) or is_leader(offs)),
            taken,
            filt,
            extra,
            report,
            is_head(offs) or is_leader(offs),
        )
        for qid, offs in offices.items()
    }
    holders: dict[str, set[str]] = defaultdict(set)
    for qid, names in candidates.items():
        for name, _ in names:
            holders[normalize(name)].add(qid)
    rows = []
    for qid, offs in sorted(offices.items(), key=lambda kv: int(kv[0][1:])):
        if qid in taken.values():
            report.counts["person QID already in the gazetteer: skipped"] += 1
            continue
        names = [(n, w) for n, w in candidates[qid] if len(holders[normalize(n)]) == 1]
        if len(names) < len(candidates[qid]):
            report.counts["person name two people share: dropped"] += 1
        label_en = next((o.label_en for o in offs if o.label_en), "") or next(
            (o.enwiki for o in offs if o.enwiki), ""
        )
        if not names or not label_en:
            report.counts["person without a safe Arabic name or an English label: left out"] += 1
            continue
        rows.append(_row(qid, label_en, names, offs))
    return sorted(rows, key=lambda r: (r.label_en, r.qid))


def only_given_names(name: str) -> bool:
    """Whether a normalised name is only given names (a first name and a عبد compound):
    محمد عبد الستار names thousands of men; a family name or a nisba tells one apart.

    >>> only_given_names("محمد عبد الستار"), only_given_names("فيصل المقداد")
    (True, False)
    """
    from kg.lexicon.words import first_names
    from kg.text import normalize

    given = {normalize(w) for w in first_names()}
    words = name.split()
    i = 0
    while i < len(words):
        if words[i] == "عبد" and i + 1 < len(words):
            i += 2  # عبد الستار, عبد اللطيف: a given name
        elif words[i].startswith("عبدال"):
            i += 1  # the same written as one word
        elif words[i] in given:
            i += 1
        else:
            return False
    return True


def given_then_family(name: str) -> bool:
    """Whether a normalised name of two words or more starts with a first name and ends
    with a word that is not one: وليد المعلم, نبيه بري read as a man's name although
    المعلم and بري are also common words. Only the plain Arabic Wikipedia title of a
    person gets this reading (the title of his page is the name's primary topic).

    >>> given_then_family("وليد المعلم"), given_then_family("جنوب شرق")
    (True, False)
    """
    from kg.lexicon.words import first_names
    from kg.text import normalize

    given = {normalize(w) for w in first_names()}
    words = name.split()
    return len(words) > 1 and words[0] in given and words[-1] not in given


def is_head(offices: list[Office]) -> bool:
    """Whether one of the offices is a head of state's or government's (:data:`HEAD`).

    >>> o = Office("Q1", "", "", "palestine: President", "", "", "")
    >>> is_head([o]), is_head([Office("Q1", "", "", "x: Vice President", "", "", "")])
    (True, False)
    """
    return any(HEAD.search(o.position.split(": ", 1)[-1]) for o in offices)


def is_leader(offices: list[Office]) -> bool:
    """Whether one office is a secretary-general's or the pope's (Kofi Annan, Pope Francis).

    >>> is_leader([Office("Q1", "", "", "world: Secretary-General of the United Nations", "", "", "")])
    True
    """
    return any(LEADER.search(o.position.split(": ", 1)[-1]) for o in offices)


def _safe_names(
    names: list[tuple[str, str]],
    taken: dict[str, str],
    filt: NameFilter,
    extra: dict[str, str],
    report: Report,
    head: bool = False,
) -> list[tuple[str, str]]:
    """The names safe in running text: two words or more, not only common words or given
    names (unless it is the plain Arabic Wikipedia title of a ``head`` of state or
    government or a secretary-general), not another row's, not a name the analyser
    knows as another class."""
    from build_gazetteer import normalize

    out = []
    for name, where in names:
        n = normalize(name)
        plain = where.startswith(("arwiki-title (plain)", "arwikicats (plain)"))
        primary = head and plain
        nasab = " بن " in f" {n} "  # «A bin B»: a man's name, whatever its words mean
        named = nasab or is_regnal(n) or (plain and given_then_family(n))
        common = filt.all_common(name) and not named
        if len(n.split()) < 2 or (not primary and (common or only_given_names(n))):
            report.counts["person name of one word, only common words or given names: dropped"] += 1
        elif n in taken or extra.get(n, "Person") != "Person":
            report.counts["person name held by another row: dropped"] += 1
        else:
            out.append((name, where))
    return out


def _row(qid: str, label_en: str, names: list[tuple[str, str]], offs: list[Office]) -> Row:
    from build_gazetteer import Row

    sources = sorted({o.source for o in offs})
    positions = sorted({o.position for o in offs})
    shown = "; ".join(positions[:4]) + (
        f"; +{len(positions) - 4} more" if len(positions) > 4 else ""
    )
    lic = LIC_EP
    if any("arwikicats" in w for _, w in names):
        lic += f"; {LIC_AWC}"
    if any(w.startswith("enwiki-") for _, w in names):
        lic += f"; {LIC_ENWIKI}"
    return Row(
        qid,
        label_en,
        names[0][0],
        [n for n, _ in names[1:]],
        "Person",
        sources[0].split(":", 1)[0],
        qid_sources=" ".join(sources),
        label_ar_source=" | ".join(f"{n}: {w}" for n, w in names),
        licence=lic,
        note=f"positions: {shown}",
    )


# ----------------------------------------------------------------------------- cued names

#: The offices a title before a name can name, from the position's English words: a
#: president, a prime minister, a monarch, a foreign, defence, interior or finance minister.
OFFICE_KINDS = (
    (
        "president",
        re.compile(r"^president(?! of the (united nations|international|european))", re.I),
    ),
    (
        "prime-minister",
        re.compile(r"^(prime minister|premier)\b(?! of the (united|international))", re.I),
    ),
    ("king", re.compile(r"^(king|monarch)\b", re.I)),
    ("emir", re.compile(r"^emir\b", re.I)),
    ("sultan", re.compile(r"^sultan\b", re.I)),
    ("crown-prince", re.compile(r"^crown prince\b", re.I)),
    (
        "foreign",
        re.compile(
            r"^(minister (of|for) foreign affairs|foreign minister|(united states )?secretary of state$|secretary of state for foreign)",
            re.I,
        ),
    ),
    (
        "defence",
        re.compile(
            r"^(minister (of|for) (national )?defen[cs]e|defen[cs]e minister|(united states )?secretary of defense$|secretary of state for defence)",
            re.I,
        ),
    ),
    (
        "interior",
        re.compile(r"^(minister (of|for) (the )?interior|interior minister|home secretary)", re.I),
    ),
    (
        "army-commander",
        re.compile(
            r"^(commander of the [\w ]*(armed forces|army)$|chief of (the )?(general|army) staff)",
            re.I,
        ),
    ),
    (
        "finance",
        re.compile(
            r"^(minister (of|for) finance|finance minister|(united states )?secretary of the treasury$|chancellor of the exchequer)",
            re.I,
        ),
    ),
)
#: EveryPolitician repositories named after their country (the others' positions start
#: with the country's English name).
_REPO_COUNTRY = {
    "us": "United States",
    "uae": "United Arab Emirates",
    "saudi": "Saudi Arabia",
    "united-kingdom": "United Kingdom",
    "north-korea": "North Korea",
}
_COUNTRY_ALIASES = {
    "United States of America": "United States",
    "State of Palestine": "Palestine",
    "People's Republic of China": "China",
    "Republic of Ireland": "Ireland",
}


def office_kind(position: str) -> str:
    """The kind of office a position is (see :data:`OFFICE_KINDS`), or "".

    >>> office_kind("tunisia-ministers: President"), office_kind("x: Vice President")
    ('president', '')
    >>> office_kind("us-cabinet: United States Secretary of State")
    'foreign'
    >>> office_kind("lebanon: Commander of the Lebanese Armed Forces")
    'army-commander'
    """
    title = position.split(": ", 1)[-1]
    return next((kind for kind, rx in OFFICE_KINDS if rx.search(title)), "")


def repo_country(repo: str) -> str:
    """The English name of the country an EveryPolitician repository covers.

    >>> repo_country("kuwait-ministers"), repo_country("uae-ministers"), repo_country("oman")
    ('Kuwait', 'United Arab Emirates', 'Oman')
    """
    slug = re.sub(r"-(ministers|cabinet)$", "", repo)
    return _REPO_COUNTRY.get(slug, slug.replace("-", " ").title())


def office_country(position: str, countries: dict[str, str]) -> str:
    """The QID of the country a position is held in (``countries``: English name -> QID of
    the curated country rows), or "".

    >>> c = {"Tunisia": "Q948", "United States": "Q30"}
    >>> office_country("tunisia-ministers: President", c), office_country("us-cabinet: x", c)
    ('Q948', 'Q30')
    >>> office_country("Tunisia: President of Tunisia", c), office_country("world: x", c)
    ('Q948', '')
    """
    where = position.split(": ", 1)[0]
    if where.islower():
        name = repo_country(where)
    else:
        name = _COUNTRY_ALIASES.get(where, where)
    return countries.get(name, "")


def cued_rows(
    src: Path, rows: list[Row], filt: NameFilter, extra: dict[str, str]
) -> list[list[str]]:
    """The names of office holders kept out of the gazetteer because they are only given
    names or two people share them (قيس سعيد), with each holder's offices as
    ``kind:country-QID``: the linker takes such a name only after a title naming one of
    them (الرئيس التونسي قيس سعيد). Rows: normalised name, QID, English label, offices."""
    from build_gazetteer import normalize, read_tsv

    countries = {r.label_en: r.qid for r in rows if r.type == "Country" and r.qid}
    in_gazetteer = {normalize(n) for r in rows for n in r.names()}
    taken = {normalize(n) for r in rows if r.type != "Person" for n in r.names()}
    offices = kept_offices(read_tsv(src / "ep_offices.tsv"))
    labels, awc = _arabic_names(src)
    out = []
    for qid, offs in sorted(offices.items(), key=lambda kv: int(kv[0][1:])):
        kinds = sorted(
            {
                f"{k}:{c}"
                for o in offs
                if (k := office_kind(o.position)) and (c := office_country(o.position, countries))
            }
        )
        label_en = next((o.label_en for o in offs if o.label_en), "")
        if not kinds or not label_en:
            continue
        head = is_head(offs) or is_leader(offs)
        for name, _ in arabic_names(qid, offs, labels, awc, by_label=head):
            n = normalize(name)
            if len(n.split()) < 2 or n in in_gazetteer or n in taken:
                continue
            if extra.get(n, "Person") != "Person":
                continue
            out.append([n, qid, label_en, " ".join(kinds)])
    return sorted(out)
