"""Office holders by the skeleton of their English label (``kg/data/people_holders.tsv``).

Used by ``scripts/build_gazetteer.py build``. Every holder of ``ep_offices.tsv``
(EveryPolitician's Wikidata reports, CC0) is one row: QID, English label, the label's
whole-name skeletons, the skeletons of its last words (``suffix_keys``), its word skeletons (:mod:`kg.link.skeleton`), the offices a title can
name with their terms (``kind:country-QID:start:end``), the countries of all its
positions, and whether the holder may be
linked (a kept position whose term did not end before 2005: ``gazetteer_people._kept``;
``2``: only after its title or in a document naming its country, for the holders of
``ep_offices_more.tsv`` alone);
the others stay as rivals, so a name two holders share is never linked. No Arabic name
is stored: the article's own spelling is matched by rule when text is linked.

``ep_offices_more.tsv`` adds the holders of EveryPolitician repositories read for this
table only (their items have no Arabic names there: South Africa's, Pakistan's, India's
and Ukraine's cabinets), in the same columns; ``build_gazetteer.py extract-holders
--ep-git NAME=GITDIR ...`` rewrites it (:func:`extract_offices`).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from build_gazetteer import Row

COLUMNS = ("qid", "label_en", "keys", "short", "words", "offices", "countries", "linkable")
#: The extracts of office holders: those the people rows come from, and those read for
#: this table only.
OFFICE_FILES = ("ep_offices.tsv", "ep_offices_more.tsv", "ep_wpoffice.tsv", "ep_legislators.tsv")
_MORE_HEADER = """\
# Office holders (P39) with their Wikidata QIDs, English labels, positions and terms, from
# EveryPolitician's Wikidata reports (html/holders21.csv: a `wd sparql` answer, CC0 1.0) of
# repositories whose items have no Arabic names there; read for people_holders.tsv only
# (scripts/gazetteer_holders.py). The repositories carry no licence file; none of their code
# is used. Written by `build_gazetteer.py extract-holders --ep-git NAME=GITDIR ...`."""


def extract_offices(repos: list[tuple[str, Path]], dest: Path) -> None:
    """Rewrite ``ep_offices_more.tsv`` from EveryPolitician repositories (name, bare git
    dir): their holders of kept positions (``gazetteer_people._kept``), one row per term."""
    from build_gazetteer import write_tsv
    from gazetteer_people import _QID, OFFICE_COLUMNS, _kept, _repo_offices

    rows: list[list[str]] = []
    for name, git_dir in sorted(repos):
        offices, _, _ = _repo_offices(name, git_dir)
        rows += [r for r in offices if _QID.match(r[0]) and _kept(r[3], r[5])]
    target = dest / "ep_offices_more.tsv"
    write_tsv(target, OFFICE_COLUMNS, sorted({tuple(r): r for r in rows}.values()))
    target.write_text(_MORE_HEADER + "\n" + target.read_text(encoding="utf-8"), encoding="utf-8")


def holder_rows(src: Path, rows: list[Row]) -> list[list[str]]:
    """One row per office holder with an English label, sorted by QID number."""
    from build_gazetteer import read_tsv
    from gazetteer_people import _kept, office_country, office_kind

    from kg.link.holders import FRENCH_SPEAKING
    from kg.link.skeleton import latin_keys, latin_words, suffix_keys

    countries = {r.label_en: r.qid for r in rows if r.type == "Country" and r.qid}
    by_qid: dict[str, list[dict[str, str]]] = defaultdict(list)
    for name in OFFICE_FILES:
        for r in read_tsv(src / name) if (src / name).exists() else ():
            by_qid[r["qid"]].append(r | {"more": "1" if name != OFFICE_FILES[0] else ""})
    out = []
    for qid, offs in sorted(by_qid.items(), key=lambda kv: int(kv[0][1:])):
        label = next((o["label_en"] for o in offs if o["label_en"]), "")
        offices = sorted(
            {
                f"{k}:{c}:{o['start']}:{o['end']}"
                for o in offs
                if (k := office_kind(o["position"]))
                and (c := office_country(o["position"], countries))
            }
        )
        where = sorted({c for o in offs if (c := office_country(o["position"], countries))})
        linkable = any(_kept(o["position"], o["end"]) for o in offs)
        french = bool(FRENCH_SPEAKING.intersection(where))  # Barrot: بارو
        words = latin_words(label, french)
        if not words:
            continue
        out.append(
            [
                qid,
                label,
                " ".join(sorted(latin_keys(label, french))),
                " ".join(sorted(suffix_keys(label, french) - latin_keys(label, french))),
                " ".join("|".join(sorted(w)) for w in words),
                " ".join(offices),
                " ".join(where),
                ("2" if all(o["more"] for o in offs) else "1") if linkable else "0",
            ]
        )
    return out


def render_holders(src: Path, rows: list[Row]) -> str:
    """The text of ``kg/data/people_holders.tsv``."""
    lines = ["\t".join(COLUMNS), *("\t".join(r) for r in holder_rows(src, rows))]
    return "\n".join(lines) + "\n"
