"""National legislatures with their Wikidata QIDs, from EveryPolitician's Popolo files.

Used by ``scripts/build_gazetteer.py``. Each Popolo file of EveryPolitician's data
repository (``data/COUNTRY/CHAMBER/ep-popolo-v1.0.json``) describes its legislature as an
organisation of classification ``legislature`` whose identifiers give its Wikidata QID
(scheme ``wikidata``) and whose ``name`` is its English name ("House of Representatives",
"Parliament", "Duma"). ``extract-popolo`` also writes
``scripts/gazetteer_sources/ep_legislatures.tsv`` (QID, name, the file's country, commit
and file per row), and :func:`legislature_rows` makes Organization rows of them for
``build``. No Arabic name comes from the files: it is derived by rule from verified parts,
as the ministries' are (``gazetteer_orgs.ministry_names``), never typed per row:

- the Arabic word of the legislature's kind, from its English name
  (:data:`LEGISLATURE_KINDS`, only kinds that Arabic papers name alike in every country:
  a House of Representatives is «مجلس النواب», a Senate «مجلس الشيوخ»; not a National
  Assembly, which is Kuwait's «مجلس الأمة», Sudan's «المجلس الوطني» and France's
  «الجمعية الوطنية»), followed by
- the masculine relative adjective of one of the country row's one-word names
  (:func:`masculine_adjective`: لبنان → اللبناني, أمريكا → الأمريكي), kept only when the
  adjective leads back (``nisba_stems``) to that country's row and to no other one's;
- a legislature no other country's bears is also named alone (:data:`OWN_NAMES`: الدوما,
  الكنيست).

A country with two legislatures of one kind gets none; a QID already in the gazetteer is
not added again, and a name another row holds is not taken.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from build_gazetteer import Report, Row

EXTRACT = "ep_legislatures.tsv"
COLUMNS = ("qid", "label_en", "country", "source")
LICENCE = (
    "CC0 1.0 (Wikidata QIDs, as EveryPolitician's Popolo files give them; the repository "
    "carries no licence file and none of its code is used); the Arabic names are derived "
    "by rule (scripts/gazetteer_legislatures.py)"
)
#: English name of a legislature (casefolded) -> the Arabic words for its kind.
LEGISLATURE_KINDS = {
    "house of representatives": "مجلس النواب",
    "council of representatives": "مجلس النواب",
    "chamber of deputies": "مجلس النواب",
    "house of commons": "مجلس العموم",
    "senate": "مجلس الشيوخ",
    "parliament": "البرلمان",
    "national parliament": "البرلمان",
    "verkhovna rada": "البرلمان",
    "majles": "البرلمان",
    "shura council": "مجلس الشورى",
    "majlis al-shura": "مجلس الشورى",
    "people's council": "مجلس الشعب",
    "duma": "مجلس الدوما",
    "knesset": "الكنيست",
    "assembly of the representatives of the people": "مجلس نواب الشعب",
    "people's national assembly": "المجلس الشعبي الوطني",
}
#: Kinds that are one country's legislature only: named without the adjective too.
OWN_NAMES = {"duma": ("مجلس الدوما", "الدوما"), "knesset": ("الكنيست",)}
#: Popolo folder names that are not the country row's English label.
_COUNTRY = {"United_States_of_America": "United States", "UK": "United Kingdom"}
_HEADER = """\
# National legislatures with their Wikidata QIDs (the Popolo organisation of classification
# legislature: identifiers, scheme wikidata) and English names, from EveryPolitician's
# Popolo files (data/COUNTRY/CHAMBER/ep-popolo-v1.0.json; Wikidata's identifiers, CC0 1.0).
# country: the file's country folder. No Arabic name comes from here:
# scripts/gazetteer_legislatures.py derives them by rule. The repository carries no licence
# file; none of its code is used. Written by `build_gazetteer.py extract-popolo --git
# NAME=GITDIR`."""


def legislature_of(popolo: dict[str, object]) -> tuple[str, str] | None:
    """(QID, English name) of a Popolo file's legislature, or None without both.

    >>> legislature_of({"organizations": [{"classification": "party", "name": "X"},
    ...   {"classification": "legislature", "name": "Duma",
    ...    "identifiers": [{"scheme": "wikidata", "identifier": "Q715641"}]}]})
    ('Q715641', 'Duma')
    """
    for org in popolo.get("organizations") or []:  # type: ignore[attr-defined]
        if not isinstance(org, dict) or org.get("classification") != "legislature":
            continue
        qid = next(
            (
                str(i["identifier"])
                for i in org.get("identifiers") or []
                if isinstance(i, dict) and i.get("scheme") == "wikidata"
            ),
            "",
        )
        name = " ".join(str(org.get("name") or "").split())
        if qid.startswith("Q") and name:
            return qid, name
    return None


def extract(repos: list[tuple[str, Path]], dest: Path) -> int:
    """Rewrite the extract from bare git dirs of the data repository; the row count."""
    from build_gazetteer import write_tsv
    from gazetteer_popolo import popolo_files

    rows: dict[str, list[str]] = {}
    for source, path, popolo in popolo_files(repos):
        found = legislature_of(popolo)
        if found and found[0] not in rows:
            rows[found[0]] = [*found, path.split("/")[1], source]
    target = dest / EXTRACT
    write_tsv(target, COLUMNS, sorted(rows.values(), key=lambda r: int(r[0][1:])))
    target.write_text(_HEADER + "\n" + target.read_text(encoding="utf-8"), encoding="utf-8")
    return len(rows)


def legislature_kind(name: str) -> str:
    """The Arabic words of a legislature's kind from its English name, or "".

    >>> legislature_kind("House of Representatives"), legislature_kind("People’s Council")
    ('مجلس النواب', 'مجلس الشعب')
    >>> legislature_kind("National Assembly")
    ''
    """
    return LEGISLATURE_KINDS.get(name.casefold().replace("’", "'"), "")


def masculine_adjective(name: str) -> str:
    """The masculine relative adjective of a one-word country name (the form that agrees
    with مجلس and البرلمان), "" for a name of several words.

    >>> [masculine_adjective(n) for n in ("لبنان", "سوريا", "سورية", "أمريكا", "سنغافورة")]
    ['اللبناني', 'السوري', 'السوري', 'الأمريكي', 'السنغافوري']
    >>> masculine_adjective("الأردن"), masculine_adjective("السعودية"), masculine_adjective("فيجي")
    ('الأردني', 'السعودي', 'الفيجي')
    >>> masculine_adjective("الولايات المتحدة")
    ''
    """
    base = "".join(c for c in name if not "\u064b" <= c <= "\u0652").removeprefix("ال")
    if " " in base or len(base) < 3:
        return ""
    if base.endswith(("يا", "ية", "يه")):  # سوريا, سورية: السوري
        return f"ال{base[:-1]}"
    if base.endswith("ي"):  # فيجي: الفيجي
        return f"ال{base}"
    if base.endswith(("ا", "ة")):
        return f"ال{base[:-1]}ي"
    return f"ال{base}ي"


def own_adjectives(own: Row, countries: list[Row]) -> list[str]:
    """The masculine adjectives of a country's names (:func:`masculine_adjective`) whose
    stems name that country's row and no other country's, in the order of its names."""
    from build_gazetteer import normalize

    from kg.lexicon.gazetteer import nisba_stems

    names = {r.qid: {normalize(n) for n in r.names()} for r in countries}
    out = []
    for n in own.names():
        adj = masculine_adjective(n)
        stems = set(nisba_stems(adj)) if adj else set()
        if stems & names[own.qid] and not any(stems & v for q, v in names.items() if q != own.qid):
            out.append(adj)
    return out


def legislature_names(name_en: str, country: str, before: list[Row]) -> list[str]:
    """Arabic names of a legislature (English name, country folder): its kind's words and
    each adjective of the country that leads back to its row only (module docstring)."""
    from build_gazetteer import normalize

    kind = legislature_kind(name_en)
    rows = [r for r in before if r.type == "Country" and r.qid]
    label = _COUNTRY.get(country, country.replace("_", " "))
    own = next((r for r in rows if r.label_en == label), None)
    if not kind or own is None:
        return []
    out: dict[str, str] = {}
    for adj in own_adjectives(own, rows):
        out.setdefault(normalize(f"{kind} {adj}"), f"{kind} {adj}")
    if out:
        for extra in OWN_NAMES.get(name_en.casefold(), ()):
            out.setdefault(normalize(extra), extra)
    return list(out.values())


def legislature_rows(src: Path, before: list[Row], report: Report) -> list[Row]:
    """Organization rows of the legislatures (module docstring), after ``before``."""
    from build_gazetteer import Row, normalize, read_tsv

    if not (src / EXTRACT).exists():
        return []
    seen = {r.qid for r in before if r.qid}
    taken = {normalize(n) for r in before for n in r.names()}
    named: list[tuple[dict[str, str], list[str]]] = []
    kinds: dict[tuple[str, str], int] = {}
    for g in read_tsv(src / EXTRACT):
        kind = legislature_kind(g["label_en"])
        kinds[(g["country"], kind)] = kinds.get((g["country"], kind), 0) + 1
        named.append((g, legislature_names(g["label_en"], g["country"], before)))
    rows = []
    for g, names in named:
        if g["qid"] in seen:
            report.counts["legislature QID already in the gazetteer: skipped"] += 1
            continue
        if kinds[(g["country"], legislature_kind(g["label_en"]))] > 1:
            report.counts["legislature of a kind its country has twice: left out"] += 1
            continue
        names = [n for n in names if normalize(n) not in taken]
        if not names:
            report.counts["legislature of a kind without a rule, or no name: left out"] += 1
            continue
        country = _COUNTRY.get(g["country"], g["country"].replace("_", " "))
        rows.append(
            Row(
                g["qid"],
                f"{g['label_en']} ({country})",
                names[0],
                names[1:],
                "Organization",
                g["source"].split(":", 1)[0],
                qid_sources=f"{g['source']} organizations[legislature] identifiers wikidata",
                label_ar_source=(
                    f"{g['source']} name, derived by rule: LEGISLATURE_KINDS + masculine_adjective"
                ),
                licence=LICENCE,
                note=f"national legislature of {country}",
            )
        )
        seen.add(g["qid"])
        taken.update(normalize(n) for n in names)
    return sorted(rows, key=lambda r: (r.label_en, r.qid))
