"""Each country's standing cabinet with its Wikidata QID, from EveryPolitician's world report.

Used by ``scripts/build_gazetteer.py``. The ``every-politician-scrapers/world`` repository
keeps the answer of a Wikidata query (``wikidata/queries/country-cabinets.js``:
``?state wdt:P463 wd:Q1065`` — the members of the United Nations — and, for each, the
items that are a subclass of cabinet (Q640506) with ``P1001`` (applies to jurisdiction)
the state and no end) in ``wikidata/results/country-cabinets.csv``: state QID, state
label, cabinet QID, cabinet label. ``extract-cabinets`` copies it into
``scripts/gazetteer_sources/ep_cabinets.tsv`` (commit and file per row) and
:func:`cabinet_rows` makes Organization rows of them for ``build``.

No Arabic name comes from the file: it is derived by rule from verified parts, as the
legislatures' are (``gazetteer_legislatures``), never typed per row:

- the kind of the body, from the first words of its English label (:func:`cabinet_kind`:
  "Government of X" is a government, "Cabinet of X", "Council of Ministers of X" and
  "Iraqi Council of Ministers" are a council of ministers; other labels — "United States
  Cabinet", "State Council of …", "Executive Yuan" — have no rule and get no name);
- a government is «الحكومة» + the feminine relative adjective of the country
  (الحكومة التونسية); a council of ministers is «مجلس الوزراء» + the masculine one
  (مجلس الوزراء العراقي), and not «الحكومة»: where a cabinet is one body of a wider
  government (the Cabinet of the United Kingdom in His Majesty's Government, which
  Wikidata holds as another item) «الحكومة البريطانية» is not the cabinet;
- the adjective is made from one of the country row's one-word Arabic names
  (``gazetteer_legislatures.masculine_adjective``; the feminine adds ة: التونسي →
  التونسية) and kept only when it leads back (``nisba_stems``) to that country's row and
  to no other one's.

A country with two bodies of one kind names neither; a QID already in the gazetteer is
not added again, and a name another row holds is not taken.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from build_gazetteer import Report, Row

EXTRACT = "ep_cabinets.tsv"
COLUMNS = ("qid", "label_en", "country_qid", "country", "source")
RESULTS = "wikidata/results/country-cabinets.csv"
LICENCE = (
    "CC0 1.0 (Wikidata query results, as EveryPolitician's world report gives them; the "
    "repository carries no licence file and none of its code is used); the Arabic names are "
    "derived by rule (scripts/gazetteer_cabinets.py)"
)
_HEADER = """\
# Each UN member state's standing cabinet with its Wikidata QID: the answer of the Wikidata
# query wikidata/queries/country-cabinets.js of every-politician-scrapers/world (subclass of
# cabinet Q640506, P1001 the state, not dissolved), file wikidata/results/country-cabinets.csv
# (Wikidata query results, CC0 1.0). No Arabic name comes from here:
# scripts/gazetteer_cabinets.py derives them by rule. The repository carries no licence file;
# none of its code is used. Written by `build_gazetteer.py extract-cabinets --git GITDIR`."""
_GOVERNMENT = re.compile(r"^(?:the )?government of ")
_COUNCIL = re.compile(
    r"^(?:the )?(?:cabinet|council of ministers)(?: of |$)|^\w+ council of ministers$"
)


def cabinet_kind(label: str) -> str:
    """ "government", "council" or "" from a cabinet's English label (module docstring).

    >>> [cabinet_kind(x) for x in ("Government of Tunisia", "Cabinet of Turkey",
    ...   "Iraqi Council of Ministers", "Council of Ministers", "United States Cabinet",
    ...   "State Council of the People's Republic of China", "Presidential Cabinet of X")]
    ['government', 'council', 'council', 'council', '', '', '']
    """
    text = " ".join(label.casefold().split())
    if _GOVERNMENT.match(text):
        return "government"
    return "council" if _COUNCIL.match(text) else ""


def parse_results(text: str, source: str) -> list[list[str]]:
    """Extract rows (qid, label, country QID, country, source) of the query's CSV answer;
    a state without a cabinet item (empty columns) gives none.

    >>> parse_results("state,stateLabel,cabinet,cabinetLabel\\n"
    ...   "Q948,Tunisia,Q526548,Government of Tunisia\\nQ1,Nowhere,,\\n", "S")
    [['Q526548', 'Government of Tunisia', 'Q948', 'Tunisia', 'S']]
    """
    out = []
    for r in csv.DictReader(io.StringIO(text)):
        qid, label = (
            (r.get("cabinet") or "").strip(),
            " ".join((r.get("cabinetLabel") or "").split()),
        )
        if re.fullmatch(r"Q[1-9]\d*", qid) and label:
            out.append([qid, label, r["state"].strip(), r["stateLabel"].strip(), source])
    return out


def extract(git_dir: Path, repo: str, dest: Path) -> int:
    """Rewrite the extract from a bare git dir of the world repository; the row count."""
    from build_gazetteer import write_tsv

    def git(*a: str) -> str:
        return subprocess.run(
            ["git", f"--git-dir={git_dir}", *a], capture_output=True, text=True, check=True
        ).stdout

    commit = git("rev-parse", "--short=7", "HEAD").strip()
    rows = parse_results(git("show", f"HEAD:{RESULTS}"), f"{repo}@{commit}:{RESULTS}")
    target = dest / EXTRACT
    write_tsv(target, COLUMNS, sorted(rows, key=lambda r: (r[3], int(r[0][1:]))))
    target.write_text(_HEADER + "\n" + target.read_text(encoding="utf-8"), encoding="utf-8")
    return len(rows)


def cabinet_names(label_en: str, country_qid: str, before: list[Row]) -> list[str]:
    """Arabic names of a cabinet (English label, its country's QID): its kind's words and
    each adjective of the country that leads back to its row only (module docstring)."""
    from build_gazetteer import normalize
    from gazetteer_legislatures import own_adjectives

    kind = cabinet_kind(label_en)
    rows = [r for r in before if r.type == "Country" and r.qid]
    own = next((r for r in rows if r.qid == country_qid), None)
    if not kind or own is None:
        return []
    out: dict[str, str] = {}
    for adj in own_adjectives(own, rows):
        made = f"الحكومة {adj}ة" if kind == "government" else f"مجلس الوزراء {adj}"
        out.setdefault(normalize(made), made)
    return list(out.values())


def cabinet_rows(src: Path, before: list[Row], report: Report) -> list[Row]:
    """Organization rows of the cabinets (module docstring), after ``before``."""
    from build_gazetteer import Row, normalize, read_tsv

    if not (src / EXTRACT).exists():
        return []
    seen = {r.qid for r in before if r.qid}
    taken = {normalize(n) for r in before for n in r.names()}
    found = list(read_tsv(src / EXTRACT))
    kinds: dict[tuple[str, str], int] = {}
    for g in found:
        key = (g["country_qid"], cabinet_kind(g["label_en"]))
        kinds[key] = kinds.get(key, 0) + 1
    rows = []
    for g in found:
        if g["qid"] in seen:
            report.counts["cabinet QID already in the gazetteer: skipped"] += 1
            continue
        if kinds[(g["country_qid"], cabinet_kind(g["label_en"]))] > 1:
            report.counts["cabinet of a kind its country has twice: left out"] += 1
            continue
        names = [
            n
            for n in cabinet_names(g["label_en"], g["country_qid"], before)
            if normalize(n) not in taken
        ]
        if not names:
            report.counts["cabinet of a kind without a rule, or no name: left out"] += 1
            continue
        label = (
            g["label_en"] if g["country"] in g["label_en"] else f"{g['label_en']} ({g['country']})"
        )
        rows.append(
            Row(
                g["qid"],
                label,
                names[0],
                names[1:],
                "Organization",
                g["source"].split(":", 1)[0],
                qid_sources=f"{g['source']} cabinet (P1001 {g['country_qid']})",
                label_ar_source=(
                    f"{g['source']} cabinetLabel, derived by rule: cabinet_kind + the "
                    "country's relative adjective"
                ),
                licence=LICENCE,
                note=f"standing cabinet of {g['country']}",
            )
        )
        seen.add(g["qid"])
        taken.update(normalize(n) for n in names)
    return sorted(rows, key=lambda r: (r.label_en, r.qid))
