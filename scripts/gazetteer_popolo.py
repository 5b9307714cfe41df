"""Legislators with their Wikidata QIDs and Arabic labels, from EveryPolitician's Popolo files.

Used by ``scripts/build_gazetteer.py``. EveryPolitician's data repository gives, for each
legislature, a Popolo file (``data/COUNTRY/CHAMBER/ep-popolo-v1.0.json``) whose persons
carry identifiers (scheme ``wikidata``: the person's QID) and ``other_names`` taken from
Wikidata's labels (note ``multilingual``; lang ``ar``: the Arabic label). ``extract-popolo
--git NAME=GITDIR`` writes ``scripts/gazetteer_sources/ep_popolo_people.tsv`` (one row per
person with a QID, an English name and an Arabic label; commit and file per row), and
:func:`popolo_rows` makes Person rows of them for ``build``:

- the person's QID is not in the gazetteer yet (office holders and curated rows win);
- the Arabic label and the English name agree (their consonant skeletons meet and their
  long vowels agree, :mod:`kg.link.skeleton`, read the French way too): a label that
  names someone else (the file pairs the Lebanese deputy Ali Ammar with «علي لابوانت»,
  the Algerian fighter) or is no name («طريقة فرانك فيلد») is left out, and so is a
  legislator whose file names him in another script only;
- the name is safe in running text by the people rows' own rules
  (``gazetteer_people._safe_names``: two words or more, not only given names or common
  words, no other row's name), and no other legislator has it;
- an Arab name (a legislator of :data:`ARAB_NAMED` or whose English name begins with an
  Arab given name, :data:`ARAB_GIVEN`) also needs a family name that is neither a given
  name nor a word the lexicon knows («ناصر خضر», «عبد المجيد صالح», «محمد رعد», «حسين
  الموسوي» name many men); a European name is not held to the Arabic given names' list,
  whose Michel and Charles are Lebanese names too (شارل ميشيل is Charles Michel), only
  to having a word that is no common word; nor a family name two legislators bear
  (حسين الموسوي, نواف الموسوي: a clan's name).
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from build_gazetteer import NameFilter, Report, Row

EXTRACT = "ep_popolo_people.tsv"
COLUMNS = ("qid", "label_en", "label_ar", "legislature", "source")
LICENCE = (
    "CC0 1.0 (Wikidata's identifiers and labels, as EveryPolitician's Popolo files give "
    "them; the repository carries no licence file and none of its code is used)"
)
#: Legislatures whose members bear Arab names.
ARAB_NAMED = frozenset(
    {"Lebanon", "Jordan", "Kuwait", "Malaysia", "Afghanistan", "Indonesia", "Northern_Cyprus"}
)
#: Arab given names an English name may begin with (Naser Khader, Nadhim Zahawi).
ARAB_GIVEN = frozenset(
    "mohammad mohamed muhammad mohammed ahmad ahmed ali hassan hussein naser nasser nadhim "
    "abdul abdel abdullah omar khalid mahmoud mustafa ibrahim youssef yusuf said saeed "
    "walid khaled tariq tareq karim nabil samir".split()
)
_HEADER = """\
# Legislators with their Wikidata QIDs (identifiers, scheme wikidata) and Wikidata's Arabic
# labels (other_names, lang ar, note multilingual), from EveryPolitician's Popolo files
# (data/COUNTRY/CHAMBER/ep-popolo-v1.0.json; Wikidata's data, CC0 1.0). The repository
# carries no licence file; none of its code is used. Written by
# `build_gazetteer.py extract-popolo --git NAME=GITDIR` (scripts/gazetteer_popolo.py)."""


def _git(git_dir: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "--git-dir", str(git_dir), *args], capture_output=True, text=True, check=False
    ).stdout


def popolo_files(repos: list[tuple[str, Path]]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Each Popolo file (``data/COUNTRY/CHAMBER/ep-popolo-v1.0.json``) of bare git dirs of
    the data repository, in path order: its source (``NAME@COMMIT:PATH``), its path and its
    content; a file the snapshot lacks (4 MiB and more) is passed over."""
    for name, git_dir in repos:
        commit = _git(git_dir, "rev-parse", "--short=7", "HEAD").strip()
        paths = _git(git_dir, "ls-tree", "-r", "--name-only", "HEAD").split()
        for path in sorted(p for p in paths if p.endswith("ep-popolo-v1.0.json")):
            text = _git(git_dir, "show", f"HEAD:{path}")
            if text.strip():
                yield f"{name}@{commit}:{path}", path, json.loads(text)


def person_names(person: dict[str, object]) -> tuple[str, str, str] | None:
    """(QID, English name, Arabic label) of a Popolo person, or None without all three.

    >>> person_names({"name": "Charles Michel", "identifiers": [{"scheme": "wikidata",
    ...   "identifier": "Q950958"}], "other_names": [{"lang": "ar", "name": "شارل ميشيل"}]})
    ('Q950958', 'Charles Michel', 'شارل ميشيل')
    """
    ids = person.get("identifiers") or []
    names = person.get("other_names") or []
    qid = next(
        (
            str(i["identifier"])
            for i in ids
            if isinstance(i, dict) and i.get("scheme") == "wikidata"
        ),
        "",
    )
    ar = next((str(o["name"]) for o in names if isinstance(o, dict) and o.get("lang") == "ar"), "")
    name = str(person.get("name") or "")
    return (qid, name, ar) if qid.startswith("Q") and ar and name else None


def extract(repos: list[tuple[str, Path]], dest: Path) -> int:
    """Rewrite the extract from bare git dirs of the data repository; the row count."""
    from build_gazetteer import write_tsv

    rows: dict[str, list[str]] = {}
    for source, path, popolo in popolo_files(repos):
        legislature = "/".join(path.split("/")[1:3])
        for person in popolo.get("persons", []):
            found = person_names(person)
            if found and found[0] not in rows:
                rows[found[0]] = [*found, legislature, source]
    target = dest / EXTRACT
    write_tsv(target, COLUMNS, sorted(rows.values(), key=lambda r: int(r[0][1:])))
    target.write_text(_HEADER + "\n" + target.read_text(encoding="utf-8"), encoding="utf-8")
    return len(rows)


def names_agree(arabic: str, english: str) -> bool:
    """Whether an Arabic label spells an English name (skeletons meet, long vowels agree).

    >>> names_agree("شارل ميشيل", "Charles Michel"), names_agree("علي لابوانت", "Ali Ammar")
    (True, False)
    """
    from kg.link.skeleton import arabic_keys, latin_keys, vowels_agree

    for french in (False, True):
        if arabic_keys(arabic) & latin_keys(english, french) and vowels_agree(
            arabic, english, french
        ):
            return True
    return False


def popolo_rows(
    src: Path, before: list[Row], filt: NameFilter, extra: dict[str, str], report: Report
) -> list[Row]:
    """Person rows of the legislators (see the module docstring), after ``before``."""
    from build_gazetteer import Row, normalize, read_tsv
    from gazetteer_people import taken_names

    if not (src / EXTRACT).exists():
        return []
    taken = taken_names(before)
    kept: list[tuple[dict[str, str], str]] = []
    rows_in = read_tsv(src / EXTRACT)
    clans: dict[str, int] = {}  # an Arab family name several legislators bear (الموسوي)
    for r in rows_in:
        if arab_name(r["legislature"], r["label_en"]) and r["label_ar"].split():
            last = normalize(r["label_ar"]).split()[-1]
            clans[last] = clans.get(last, 0) + 1
    for r in rows_in:
        if r["qid"] in taken:
            report.counts["legislator QID already in the gazetteer: skipped"] += 1
            continue
        if not names_agree(r["label_ar"], r["label_en"]):
            report.counts["legislator whose Arabic label does not spell the name: left out"] += 1
            continue
        if not _safe(r, taken, filt, extra, report):
            continue
        if (
            arab_name(r["legislature"], r["label_en"])
            and clans[normalize(r["label_ar"]).split()[-1]] > 1
        ):
            report.counts["legislator of a family name other legislators bear: dropped"] += 1
            continue
        kept.append((r, normalize(r["label_ar"])))
    owners: dict[str, int] = {}
    for _, n in kept:
        owners[n] = owners.get(n, 0) + 1
    rows = []
    for r, n in kept:
        if owners[n] > 1:
            report.counts["legislator name two people share: dropped"] += 1
            continue
        rows.append(
            Row(
                r["qid"],
                r["label_en"],
                r["label_ar"],
                [],
                "Person",
                "everypolitician-data",
                qid_sources=r["source"],
                label_ar_source=f"{r['label_ar']}: wikidata-label (Popolo other_names, lang ar)",
                licence=LICENCE,
                note=f"legislature: {r['legislature']}",
            )
        )
    return sorted(rows, key=lambda row: (row.label_en, row.qid))


def arab_name(legislature: str, label_en: str) -> bool:
    """Whether a legislator's name is an Arab one (see the module docstring).

    >>> arab_name("Denmark/Folketing", "Naser Khader"), arab_name("Belgium/X", "Charles Michel")
    (True, False)
    """
    first = label_en.casefold().replace("-", " ").split()[:1]
    return legislature.split("/")[0] in ARAB_NAMED or bool(first and first[0] in ARAB_GIVEN)


def _safe(
    r: dict[str, str],
    taken: dict[str, str],
    filt: NameFilter,
    extra: dict[str, str],
    report: Report,
) -> bool:
    """Whether a legislator's Arabic label is safe in running text (module docstring)."""
    from build_gazetteer import normalize
    from gazetteer_people import _safe_names

    from kg.lexicon.words import first_names

    name = r["label_ar"]
    n = normalize(name)
    given = first_names()
    if not arab_name(r["legislature"], r["label_en"]):
        words = n.split()
        if len(words) < 2 or all(filt.common(w, True) and w not in given for w in words):
            report.counts["legislator name of one word or common words: dropped"] += 1
            return False
        if n in taken or extra.get(n, "Person") != "Person":
            report.counts["legislator name held by another row: dropped"] += 1
            return False
        return True
    if not _safe_names([(name, "wikidata-label")], taken, filt, extra, report):
        return False
    last = n.split()[-1]
    bare = last[2:] if last.startswith("ال") else last
    if any(w in given or filt.readings(w) for w in {last, bare}):
        report.counts["legislator of an Arab name whose family name is a word: dropped"] += 1
        return False
    return True


def add_parser(sub) -> None:  # type: ignore[no-untyped-def]  # argparse's private type
    p = sub.add_parser("extract-popolo", help=f"rewrite {EXTRACT} (gazetteer_popolo.py)")
    p.add_argument("--git", nargs="+", required=True, help="NAME=bare git dir of the data repo")
