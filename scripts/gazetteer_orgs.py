"""Organisation rows of the gazetteer: parties, movements and international bodies with
Wikidata QIDs and Arabic names.

Used by ``scripts/build_gazetteer.py`` (``build`` and ``extract-orgs``); see
``kg/data/GAZETTEER_SOURCES.md`` for the pinned upstream files and their licences.

The upstream files are EveryPolitician's ``sources/wikidata/groups.json`` (github
``everypolitician/everypolitician-data``): for each parliamentary group of a legislature,
the party's Wikidata QID (``identifiers``, scheme ``wikidata``) and its Wikidata labels and
aliases in every language (``other_names``). Every QID and Arabic name here is Wikidata's
own (CC0); nothing is typed by hand. International bodies come from supraverden's list
(``confirmordeny/supraverden`` ``data/general_list.yaml``, CC BY-SA 4.0): its Wikidata QID
(``Wikidata_code``) and Wikidata's Arabic label (``Name_ar``). Government agencies come
from the Wikidata entity records (``Special:EntityData`` JSON: ``id``, ``labels``,
``aliases``, ``sitelinks``) that ``integrateddatasvc/agency-registry`` keeps per agency
(``_data/CC/AGENCY/external/wikidata.json``): the entity's QID, its Arabic label and
aliases and the title of its Arabic Wikipedia article, all Wikidata's (CC0).

What goes in, and which names are kept (every name is also matched in running text):

- a group with a QID and at least one Arabic name (Arabic letters only);
- a QID already in the gazetteer is not added again; a curated row *without* a QID whose
  English label and Arabic name agree with the group gets the QID (Hezbollah, whose
  curated row had no source for it);
- names of two words or more, or one word of five letters or more that has no common-word
  reading and is no adjective in -ي (الليكود);
  a two-word name whose first word is a common word, or whose second word is another
  row's name, only after a party's or movement's word (تيار المستقبل, حركة أمل:
  :data:`_BODY`; not نداء تونس, آفاق تونس, which are also "Tunisia's call", "Tunisia's
  prospects"); not another row's name, not a name the analyser knows as
  another class, and not a name two groups share: both lose it (حزب العدالة والتنمية is
  Turkey's AKP and Morocco's PJD; each keeps its qualified alias), nor a generic one
  (:data:`_GENERIC`: حزب العمال);
- a group that is no organisation (EveryPolitician's "independent politician") is left out;
- an English label two groups share is qualified with the country ("Justice and
  Development Party (Turkey)");
- a government agency's name must name its own country, by name or relative adjective
  (وزارة العدل الأمريكية, مكتب تعداد الولايات المتحدة): a bare «the central statistics
  office» is every country's (:func:`names_own_country`);
- a ministry (EveryPolitician's ``wikidata/results/ministries.csv``: Wikidata's QID and
  English label only) gets Arabic names by rule from verified parts: the kind of ministry
  from a small table (:data:`MINISTRY_KINDS`: "Foreign Affairs" -> الخارجية) and the
  relative adjective of its country's Arabic name (:func:`country_adjective`, checked
  against the country row): وزارة الخارجية البحرينية; its English label is qualified by
  the country when it does not name it. Two ministries of one country of the same kind
  (Bahrain's two "Ministry of Health" items) get none;
- a name "N بالولايات المتحدة" (or في, ل) also gets "N الأمريكي" and "N الأمريكية", the
  way papers name a US body (هيئة المسح الجيولوجي الأمريكية), and every name ending in
  الأمريكي(ة) its spelling الأميركي(ة) (:func:`us_adjective_names`).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # build_gazetteer imports this module; the types only matter to mypy
    from build_gazetteer import NameFilter, Report, Row

LIC_EP = (
    "CC0 1.0 (Wikidata labels and QIDs, as EveryPolitician's groups.json gives them; the "
    "repository carries no licence file and none of its code is used)"
)
LIC_SV = (
    "CC BY-SA 4.0 (supraverden's list of international bodies, with its Wikidata QIDs; "
    "the Arabic names are Wikidata labels, CC0)"
)
LIC_MIN = (
    "CC0 1.0 (Wikidata QIDs and English labels, as EveryPolitician's ministries.csv gives "
    "them; the repositories carry no licence file and none of their code is used); the "
    "Arabic names are derived by rule (scripts/gazetteer_orgs.py)"
)
MINISTRY_COLUMNS = ("qid", "label_en", "country", "repo", "source")
#: The kinds of ministry named by rule, English (the start of what follows "Ministry of"
#: in Wikidata's label) -> Arabic. Only kinds every Arab government names alike.
MINISTRY_KINDS = {
    "foreign affairs": "الخارجية",
    "defence": "الدفاع",
    "defense": "الدفاع",
    "interior": "الداخلية",
    "internal affairs": "الداخلية",
    "finance": "المالية",
    "justice": "العدل",
    "health": "الصحة",
    "information": "الإعلام",
    "oil": "النفط",
}
LIC_AR = (
    "CC0 1.0 (Wikidata entity records, Special:EntityData JSON, as agency-registry keeps "
    "them; the repository carries no licence file and none of its code is used)"
)
BODY_COLUMNS = ("qid", "label_en", "names_ar", "kind", "group", "source")
GROUP_COLUMNS = ("qid", "label_en", "names_ar", "country", "group", "source")
_AR_ONLY = re.compile(r"^[\u0621-\u064A\u0660-\u0669\u0670-\u06D3 ]+$")
_QID = re.compile(r"^Q[1-9]\d*$")
#: A party's or a movement's word: a two-word name of common words after one of these is a
#: name (تيار المستقبل, حركة أمل); other two-word names starting with a common word are not.
_BODY = frozenset({"حزب", "حركه", "تيار", "جبهه", "جماعه", "منظمه", "كتائب", "تنظيم"})
#: Names that several countries' parties bear (Labour in Britain, the PKK's short name, the
#: Workers' Parties of Algeria and Brazil): never a name of one row.
_GENERIC = frozenset({"حزب العمال"})
#: Groups of a legislature that are no organisation (EveryPolitician lists independents).
_NOT_BODY = re.compile(
    r"^independents?( politicians?)?$", re.IGNORECASE
)  # not "Independent Liberals"
#: Country names for qualifying an English label two groups share.
_COUNTRY_EN = {
    "LB": "Lebanon",
    "TR": "Turkey",
    "MA": "Morocco",
    "TN": "Tunisia",
    "DZ": "Algeria",
    "IL": "Israel",
}


def group_names(group: dict[str, object]) -> tuple[str, str, list[str]]:
    """(QID, English label, Arabic names: the label first, then the aliases) of one entry
    of a groups.json; empty strings when the entry has no Wikidata QID.

    >>> g = {"identifiers": [{"scheme": "wikidata", "identifier": "Q9"}],
    ...      "other_names": [{"lang": "ar", "name": "حركة المثال", "source": "wikidata-label"},
    ...                      {"lang": "en", "name": "Example Movement"},
    ...                      {"lang": "ar", "name": "Example"},
    ...                      {"lang": "fa", "name": "جنبش مثال"},
    ...                      {"lang": "ar", "name": "حركة  المثال الكبرى"}]}
    >>> group_names(g)
    ('Q9', 'Example Movement', ['حركة المثال', 'حركة المثال الكبرى'])
    """
    ids = group.get("identifiers") or []
    assert isinstance(ids, list)
    qid = next((i["identifier"] for i in ids if i.get("scheme") == "wikidata"), "")
    if not _QID.match(qid):
        return "", "", []
    names = group.get("other_names") or []
    assert isinstance(names, list)
    en = next((n["name"] for n in names if n.get("lang") == "en"), "")
    ar: list[str] = []
    for n in names:
        if n.get("lang") == "ar":
            name = " ".join(str(n["name"]).replace("\u0640", "").split())  # no tatweel
            if _AR_ONLY.match(name) and name not in ar:
                ar.append(name)
    return qid, en, ar


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """The ``extract-orgs`` command of ``build_gazetteer.py``."""
    o = sub.add_parser("extract-orgs", help="rewrite ep_groups.tsv from groups.json files")
    o.add_argument(
        "--ep-groups",
        nargs="*",
        default=[],
        help="CC=PATH=SOURCE: country code, groups.json, repo@commit:path (one per file)",
    )
    o.add_argument(
        "--ep-ministries",
        nargs="*",
        default=[],
        help="NAME=GITDIR: EveryPolitician repositories whose HEAD has ministries.csv",
    )
    o.add_argument(
        "--agency-registry",
        default="",
        help="GITDIR=REPO: a git copy of integrateddatasvc/agency-registry (its HEAD is read)",
    )
    o.add_argument(
        "--supraverden", default="", help="PATH=SOURCE: data/general_list.yaml, repo@commit:path"
    )
    o.add_argument(
        "--partyfacts",
        default="",
        help="PATH=SOURCE: Party Facts' import/wikipedia/wikidata.csv, repo@commit:path",
    )


def extract_cli(
    args: list[str],
    dest: Path,
    supraverden: str = "",
    agencies: str = "",
    ministries: list[str] | None = None,
    partyfacts: str = "",
) -> int:
    """``extract-orgs --ep-groups CC=PATH=SOURCE ... [--supraverden PATH=SOURCE]
    [--agency-registry GITDIR=REPO]``: rewrite ``ep_groups.tsv`` (and
    ``supraverden_bodies.tsv``, ``wd_agencies.tsv``)."""
    if partyfacts:
        from gazetteer_parties import extract

        path, source = partyfacts.split("=", 1)
        extract(Path(path), source, dest)
    if supraverden:
        path, source = supraverden.split("=", 1)
        extract_bodies(Path(path), source, dest)
    if agencies:
        git_dir, repo = agencies.split("=", 1)
        extract_agencies(Path(git_dir), repo, dest)
    if ministries:
        extract_ministries(
            [(a.split("=", 1)[0], Path(a.split("=", 1)[1])) for a in ministries], dest
        )
    if not args:
        return 0
    extract_groups(
        [(a.split("=")[0], Path(a.split("=")[1]), a.split("=", 2)[2]) for a in args], dest
    )
    return 0


def extract_bodies(general_list: Path, source: str, dest: Path) -> None:
    """Rewrite ``supraverden_bodies.tsv`` from supraverden's ``data/general_list.yaml``:
    the bodies with a Wikidata QID and an Arabic name (``Name_ar``)."""
    import yaml  # type: ignore[import-untyped]
    from build_gazetteer import write_tsv

    out = []
    for key, body in yaml.safe_load(general_list.read_text(encoding="utf-8")).items():
        if not isinstance(body, dict):
            continue
        qid, ar = str(body.get("Wikidata_code") or ""), str(body.get("Name_ar") or "")
        ar = " ".join(ar.replace("\u0640", "").split())
        if _QID.match(qid) and _AR_ONLY.match(ar) and body.get("Name_en"):
            out.append([qid, body["Name_en"], ar, body.get("Entity_type", ""), key, source])
    header = (dest / "supraverden_bodies.tsv").read_text(encoding="utf-8").split("\nqid\t")[0]
    write_tsv(dest / "supraverden_bodies.tsv", BODY_COLUMNS, out)
    text = (dest / "supraverden_bodies.tsv").read_text(encoding="utf-8")
    (dest / "supraverden_bodies.tsv").write_text(header + "\n" + text, encoding="utf-8")


def entity_names(entity: dict[str, object]) -> tuple[str, str, list[str]]:
    """(QID, English label, Arabic names: the label first, then the aliases, then the
    title of the Arabic Wikipedia article the record links, without a disambiguating
    parenthesis) of one Wikidata entity record (``Special:EntityData`` JSON).

    >>> e = {"id": "Q9", "labels": {"en": {"language": "en", "value": "Example Office"},
    ...                             "ar": {"language": "ar", "value": "مكتب المثال"}},
    ...      "aliases": {"ar": [{"language": "ar", "value": "مكتب  المثال الأمريكي"},
    ...                         {"language": "ar", "value": "EO"}]},
    ...      "sitelinks": {"arwiki": {"site": "arwiki", "title": "دائرة المثال (الولايات المتحدة)"}}}
    >>> entity_names(e)
    ('Q9', 'Example Office', ['مكتب المثال', 'مكتب المثال الأمريكي', 'دائرة المثال'])
    """
    qid = str(entity.get("id") or "")
    labels = entity.get("labels") or {}
    aliases = entity.get("aliases") or {}
    sitelinks = entity.get("sitelinks") or {}
    assert isinstance(labels, dict) and isinstance(aliases, dict) and isinstance(sitelinks, dict)
    if not _QID.match(qid):
        return "", "", []
    en = str((labels.get("en") or {}).get("value", ""))
    title = re.sub(r" \([^)]*\)$", "", str((sitelinks.get("arwiki") or {}).get("title", "")))
    ar: list[str] = []
    for n in [labels.get("ar") or {}, *(aliases.get("ar") or []), {"value": title}]:
        name = " ".join(str(n.get("value", "")).replace("\u0640", "").split())
        if name and _AR_ONLY.match(name) and name not in ar:
            ar.append(name)
    return qid, en, ar


def extract_agencies(git_dir: Path, repo: str, dest: Path) -> None:
    """Rewrite ``wd_agencies.tsv`` from a git copy of agency-registry: every entity record
    of ``_data/CC/AGENCY/external/wikidata.json`` at HEAD with an English label and an
    Arabic name."""
    from build_gazetteer import write_tsv

    def git(*a: str) -> str:
        return _git(git_dir, *a)

    commit = git("rev-parse", "HEAD").strip()
    out = []
    for path in sorted(git("ls-tree", "-r", "--name-only", "HEAD").split()):
        parts = path.split("/")
        if len(parts) != 5 or parts[0] != "_data" or parts[3:] != ["external", "wikidata.json"]:
            continue
        data = json.loads(git("show", f"HEAD:{path}"))
        for entity in (data.get("entities") or {}).values():
            qid, en, ar = entity_names(entity)
            if qid and en and ar:
                src = f"{repo}@{commit[:7]}:{path}"
                out.append([qid, en, "|".join(ar), parts[1].upper(), parts[2], src])
    header = (dest / "wd_agencies.tsv").read_text(encoding="utf-8").split("\nqid\t", 1)[0]
    write_tsv(dest / "wd_agencies.tsv", GROUP_COLUMNS, out)
    text = (dest / "wd_agencies.tsv").read_text(encoding="utf-8")
    (dest / "wd_agencies.tsv").write_text(header + "\n" + text, encoding="utf-8")


def _git(git_dir: Path, *args: str) -> str:
    import subprocess

    cmd = ["git", "--git-dir", str(git_dir), *args]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def extract_ministries(repos: list[tuple[str, Path]], dest: Path) -> None:
    """Rewrite ``ep_ministries.tsv`` from EveryPolitician repositories (NAME, git dir):
    the rows of ``wikidata/results/ministries.csv`` at HEAD with an English label."""
    import csv
    import io

    from build_gazetteer import write_tsv

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from gazetteer_people import repo_country

    out = []
    for name, git_dir in repos:
        commit = _git(git_dir, "rev-parse", "HEAD").strip()[:7]
        text = _git(git_dir, "show", "HEAD:wikidata/results/ministries.csv")
        for r in csv.DictReader(io.StringIO(text)):
            label = " ".join(r["itemLabel"].split())
            if _QID.match(r["item"]) and label and not _QID.match(label):
                src = f"every-politician-scrapers/{name}@{commit}:wikidata/results/ministries.csv"
                out.append([r["item"], label, repo_country(name), name, src])
    header = (dest / "ep_ministries.tsv").read_text(encoding="utf-8").split("\nqid\t", 1)[0]
    write_tsv(dest / "ep_ministries.tsv", MINISTRY_COLUMNS, out)
    text = (dest / "ep_ministries.tsv").read_text(encoding="utf-8")
    (dest / "ep_ministries.tsv").write_text(header + "\n" + text, encoding="utf-8")


def extract_groups(files: list[tuple[str, Path, str]], dest: Path) -> None:
    """Rewrite ``ep_groups.tsv`` from groups.json files: (country code, path, source)."""
    from build_gazetteer import write_tsv

    out = []
    for country, path, source in files:
        for key, group in json.loads(path.read_text(encoding="utf-8")).items():
            qid, en, ar = group_names(group)
            if qid and en and ar:
                out.append([qid, en, "|".join(ar), country, key, source])
    header = (dest / "ep_groups.tsv").read_text(encoding="utf-8").split("\nqid\t", 1)[0]
    write_tsv(dest / "ep_groups.tsv", GROUP_COLUMNS, out)
    text = (dest / "ep_groups.tsv").read_text(encoding="utf-8")
    (dest / "ep_groups.tsv").write_text(header + "\n" + text, encoding="utf-8")


def org_rows(
    src: Path, before: list[Row], filt: NameFilter, extra: dict[str, str], report: Report
) -> list[Row]:
    """The Organization rows (see the module docstring), after the rows ``before`` (whose
    names they never take); a curated row without a QID may get one (changed in place)."""
    from build_gazetteer import normalize, read_tsv

    groups = _named_groups(_groups(src, read_tsv), before, report)
    taken: dict[str, str] = {}
    for r in before:
        for n in r.names():
            taken.setdefault(normalize(n), r.qid or r.label_en)
    seen = {r.qid for r in before if r.qid}
    holders: dict[str, set[str]] = defaultdict(set)
    for g in groups:
        for n in g["names_ar"].split("|"):
            holders[normalize(n)].add(g["qid"])
    en_count = defaultdict(set)
    for g in groups:
        en_count[g["label_en"].casefold()].add(g["qid"])
    rows = []
    for g in groups:
        if _NOT_BODY.match(g["label_en"]):
            report.counts["group that is no organisation (independents): left out"] += 1
            continue
        if g["qid"] in seen:
            report.counts["organisation QID already in the gazetteer: skipped"] += 1
            continue
        if _fills_curated(g, before, normalize):
            report.counts["organisation QID given to a curated row without one"] += 1
            seen.add(g["qid"])
            continue
        names = _safe_names(g, taken, holders, filt, extra, report, normalize, before)
        if not names:
            report.counts["organisation without a safe Arabic name: left out"] += 1
            continue
        label_en = g["label_en"]
        if len(en_count[label_en.casefold()]) > 1:
            label_en = f"{label_en} ({_COUNTRY_EN.get(g['country'], g['country'])})"
        rows.append(_row(g, label_en, names))
        seen.add(g["qid"])
        for n in names:
            taken[normalize(n)] = g["qid"]
    return sorted(rows, key=lambda r: (r.label_en, r.qid))


def _groups(src: Path, read_tsv) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    """Both extracts as one list of records, each with where its QID and names come from."""
    out = []
    for g in read_tsv(src / "ep_groups.tsv"):
        out.append(
            g
            | {
                "qid_field": f"group {g['group']} identifiers wikidata",
                "names_field": "other_names lang ar (Wikidata label, then aliases)",
                "licence": LIC_EP,
                "note": f"political party or movement of {g['country']}",
            }
        )
    from gazetteer_parties import LIC_PF

    for g in read_tsv(src / "partyfacts_parties.tsv"):
        out.append(
            g
            | {
                "qid_field": f"partyfacts_id {g['group']} wikidata_id",
                "names_field": "name_native (the English Wikipedia infobox's native name)",
                "licence": LIC_PF,
                "note": f"political party or movement of {g['country']} (Party Facts)",
                "partyfacts": "yes",
            }
        )
    for g in read_tsv(src / "ep_ministries.tsv"):
        out.append(
            g
            | {
                "names_ar": "",
                "group": g["repo"],
                "qid_field": "ministries.csv item",
                "names_field": "derived by rule: MINISTRY_KINDS + country_adjective",
                "licence": LIC_MIN,
                "note": f"ministry of {g['country']}",
                "ministry": "yes",
            }
        )
    for g in read_tsv(src / "wd_agencies.tsv"):
        out.append(
            g
            | {
                "qid_field": "entity record id",
                "names_field": "labels.ar and aliases.ar (Wikidata's)",
                "licence": LIC_AR,
                "note": f"government agency of {g['country']}",
                "agency": "yes",
            }
        )
    for g in read_tsv(src / "supraverden_bodies.tsv"):
        out.append(
            g
            | {
                "country": "",
                "qid_field": f"entry {g['group']!r} Wikidata_code",
                "names_field": "Name_ar (Wikidata's Arabic label, as its enrich script fetches it)",
                "licence": LIC_SV,
                "note": f"international body ({g['kind']})",
            }
        )
    return out


def _named_groups(
    groups: list[dict[str, str]], before: list[Row], report: Report
) -> list[dict[str, str]]:
    """The records with the names rules give them: agencies' names by
    :func:`_agency_names`; ministries' by :func:`ministry_names`, none when two ministries
    of one country would get the same; a record left without a name is left out."""
    out = []
    counts: dict[str, int] = defaultdict(int)
    for g in groups:
        if g.get("agency"):
            g = _agency_names(g, before, report)
        elif g.get("ministry"):
            names = "|".join(ministry_names(g["label_en"], g["country"], before))
            label = g["label_en"]
            if g["country"].casefold() not in label.casefold():
                label = f"{label} ({g['country']})"
            g = g | {"names_ar": names, "label_en": label}
            counts[f"{g['country']}|{g['names_ar']}"] += 1
        out.append(g)
    kept = []
    for g in out:
        if g.get("ministry") and (
            not g["names_ar"] or counts[f"{g['country']}|{g['names_ar']}"] > 1
        ):
            report.counts["ministry of a kind without a rule, or two of one kind: left out"] += 1
            continue
        kept.append(g)
    return kept


def ministry_kind(label: str) -> str:
    """The Arabic kind of a ministry from its English label, or "" (see
    :data:`MINISTRY_KINDS`; the longest kind that starts what follows "Ministry of").

    >>> ministry_kind("Ministry of Foreign Affairs and Expatriates"), ministry_kind("Ministry of the Interior")
    ('الخارجية', 'الداخلية')
    >>> ministry_kind("Ministry of Justice (Kuwait)"), ministry_kind("Ministry of Public Health")
    ('العدل', '')
    """
    m = re.match(r"^ministry of (?:the )?(.+)$", label.casefold())
    if not m:
        return ""
    rest = m.group(1)
    kinds = [k for k in MINISTRY_KINDS if rest == k or re.match(rf"{k}\b", rest)]
    return MINISTRY_KINDS[max(kinds, key=len)] if kinds else ""


def country_adjective(name: str) -> str:
    """The feminine relative adjective of a one-word country name (the form that agrees
    with وزارة): البحرين -> البحرينية, سوريا -> السورية, كوبا -> الكوبية; "" for a name of
    several words.

    >>> [country_adjective(n) for n in ("البحرين", "لبنان", "سوريا", "كوبا", "عُمان", "جزر القمر")]
    ['البحرينية', 'اللبنانية', 'السورية', 'الكوبية', 'العمانية', '']
    """
    base = re.sub("[\u064b-\u0652]", "", name).removeprefix("ال")
    if " " in base or len(base) < 3:
        return ""
    if base.endswith("يا"):
        return f"ال{base[:-1]}ة"
    if base.endswith("ا"):
        return f"ال{base[:-1]}ية"
    return f"ال{base}ية"


def ministry_names(label: str, country: str, before: list[Row]) -> list[str]:
    """Arabic names of a ministry (English label, country's English name): وزارة + kind +
    the country's adjective (وزارة الخارجية البحرينية; not the kind alone: الدفاع is no
    feminine adjective, and الخارجية البحرينية is two common words). The adjective must
    lead back to that country's row and to no other one's."""
    from build_gazetteer import normalize

    from kg.lexicon.gazetteer import nisba_stems

    kind = ministry_kind(label)
    rows = [r for r in before if r.type == "Country" and r.qid]
    own = next((r for r in rows if r.label_en == country), None)
    if not kind or own is None:
        return []
    names = {r.qid: {normalize(n) for n in r.names()} for r in rows}
    for n in own.names():
        adj = country_adjective(n)
        stems = set(nisba_stems(adj)) if adj else set()
        if stems & names[own.qid] and not any(stems & v for q, v in names.items() if q != own.qid):
            return [f"وزارة {kind} {adj}"]
    return []


def _agency_names(g: dict[str, str], before: list[Row], report: Report) -> dict[str, str]:
    """An agency with its names by rule (:func:`us_adjective_names`), only those naming its
    own country (none asked of an international body's)."""
    names = []
    for name in g["names_ar"].split("|"):
        for n in us_adjective_names(name) if g["country"] == "US" else [name]:
            if g["country"] == "INT" or names_own_country(n, g["country"], before):
                names.append(n)
            else:
                report.counts["agency name naming no country of its own: dropped"] += 1
    return g | {"names_ar": "|".join(dict.fromkeys(names))}


def _fills_curated(g: dict[str, str], before: list[Row], normalize) -> bool:  # type: ignore[no-untyped-def]
    """Give the group's QID to the curated row without one that is the same body: same
    English label and a shared Arabic name (a Party Facts party without an Arabic name:
    the same English label, the name of its English Wikipedia page, is enough)."""
    names = {normalize(n) for n in g["names_ar"].split("|") if n}
    for r in before:
        if (
            r.curated
            and not r.qid
            and r.type == "Organization"
            and r.label_en.casefold() == g["label_en"].casefold()
            and (names & {normalize(n) for n in r.names()} or (g.get("partyfacts") and not names))
        ):
            r.qid = g["qid"]
            r.source = g["source"].split(":", 1)[0]
            r.qid_sources = f"{g['source']} {g['qid_field']}"
            r.licence = f"{r.licence}; {g['licence']}"
            if normalize(r.label_ar) in names:
                r.label_ar_source += f"; the same in {g['source']} {g['names_field']}"
            whose = "Party Facts" if g.get("partyfacts") else "EveryPolitician's Wikidata groups"
            r.note = f"QID from {whose} ({g['label_en']}, {g['country']})"
            return True
    return False


def _safe_names(  # type: ignore[no-untyped-def]
    g: dict[str, str],
    taken: dict[str, str],
    holders: dict[str, set[str]],
    filt: NameFilter,
    extra: dict[str, str],
    report: Report,
    normalize,
    before: list[Row],
) -> list[str]:
    from gazetteer_parties import generic_name

    out = []
    for name in g["names_ar"].split("|"):
        n = normalize(name)
        words = n.split()
        loose = (
            len(words) == 2
            and words[0] not in _BODY
            and (filt.common(words[0]) or filt.all_common(name) or words[1] in taken)
        )
        if g.get("partyfacts") and generic_name(n):
            # الحزب الوطني الديمقراطي: many countries' parties, unless it names its own
            loose = loose or not names_own_country(name, g["country"], before)
        if (len(words) < 2 and not _one_word_name(name, filt)) or loose:
            report.counts["organisation name of one word or only common words: dropped"] += 1
        elif n in _GENERIC or len(holders[n]) > 1:
            report.counts["organisation name two groups share or a generic one: dropped"] += 1
        elif n in taken or extra.get(n, "Organization") != "Organization":
            report.counts["organisation name held by another row: dropped"] += 1
        elif name not in out:
            out.append(name)
    return out


#: The US as papers name a body of it: "N بالولايات المتحدة" is also "N الأمريكية".
_US_PLACE = re.compile(r"^(.+) (?:بالولايات|في الولايات|للولايات) المتحدة(?: الأمريكية)?$")
_US_ADJECTIVE = re.compile(r"^(.+) ال[أا]مريكي(ة?)$")
#: Agency folders of agency-registry whose code is not the country's ISO code.
_ISO = {"UK": "GB"}


def us_adjective_names(name: str) -> list[str]:
    """The name and the names papers give the same US body by rule: "N بالولايات المتحدة"
    (في, ل) is also "N الأمريكية" and "N الأمريكي" (the adjective agrees with either noun
    of a construct: هيئة المسح الجيولوجي الأمريكية / الأمريكي), and a name ending in
    الأمريكي(ة) is also spelt الأميركي(ة).

    >>> us_adjective_names("هيئة المسح الجيولوجي بالولايات المتحدة")[1:]
    ['هيئة المسح الجيولوجي الأمريكية', 'هيئة المسح الجيولوجي الأميركية', 'هيئة المسح الجيولوجي الأمريكي', 'هيئة المسح الجيولوجي الأميركي']
    >>> us_adjective_names("وزارة العدل الأمريكية")
    ['وزارة العدل الأمريكية', 'وزارة العدل الأميركية']
    >>> us_adjective_names("وزارة العدل")
    ['وزارة العدل']
    """
    m = _US_PLACE.match(name)
    named = [name] + ([f"{m.group(1)} الأمريكية", f"{m.group(1)} الأمريكي"] if m else [])
    out: list[str] = []
    for n in named:
        out.append(n)
        a = _US_ADJECTIVE.match(n)
        if a:
            out.append(f"{a.group(1)} الأميركي{a.group(2)}")
    return list(dict.fromkeys(out))


def names_own_country(name: str, country: str, before: list[Row]) -> bool:
    """Whether an agency's name names its own country (ISO code), by one of the country
    row's names or by a relative adjective of one (وزارة العدل الأمريكية, الجهاز المركزي
    للإحصاء الفلسطيني): «the central statistics office» alone is every country's."""
    from build_gazetteer import normalize

    from kg.lexicon.gazetteer import nisba_stems

    own = {
        normalize(n)
        for r in before
        if r.type == "Country" and r.country == _ISO.get(country, country)
        for n in r.names()
    }
    text = f" {normalize(name)} "
    if any(f" {n} " in text for n in own):
        return True
    return any(stem in own for w in text.split() for stem in nisba_stems(w))


def _one_word_name(name: str, filt: NameFilter) -> bool:
    """A one-word name safe in text: five letters or more, no common word in any reading
    (as for foreign places), and not an adjective in -ي (الليكود, not الليكودي)."""
    from build_gazetteer import normalize

    n = normalize(name)
    return len(n) >= 5 and not n.endswith("ي") and not filt.common(name, foreign=True)


def _row(g: dict[str, str], label_en: str, names: list[str]) -> Row:
    from build_gazetteer import Row

    return Row(
        g["qid"],
        label_en,
        names[0],
        names[1:],
        "Organization",
        g["source"].split(":", 1)[0],
        qid_sources=f"{g['source']} {g['qid_field']}",
        label_ar_source=f"{g['source']} {g['names_field']}",
        licence=g["licence"],
        note=g["note"],
        country=g["country"],
    )
