"""Office holders by the skeleton of their English label (``kg/data/people_holders.tsv``).

Used by ``scripts/build_gazetteer.py build``. Every holder of ``ep_offices.tsv``
(EveryPolitician's Wikidata reports, CC0) is one row: QID, English label, the label's
whole-name skeletons, the skeletons of its last words (``suffix_keys``), its word skeletons (:mod:`kg.link.skeleton`), the offices a title can
name with their terms (``kind:country-QID:start:end``), the countries of all its
positions, and whether the holder may be
linked (a kept position whose term did not end before 2005: ``gazetteer_people._kept``);
the others stay as rivals, so a name two holders share is never linked. No Arabic name
is stored: the article's own spelling is matched by rule when text is linked.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from build_gazetteer import Row

COLUMNS = ("qid", "label_en", "keys", "short", "words", "offices", "countries", "linkable")


def holder_rows(src: Path, rows: list[Row]) -> list[list[str]]:
    """One row per office holder with an English label, sorted by QID number."""
    from build_gazetteer import read_tsv
    from gazetteer_people import _kept, office_country, office_kind

    from kg.link.skeleton import latin_keys, latin_words, suffix_keys

    countries = {r.label_en: r.qid for r in rows if r.type == "Country" and r.qid}
    by_qid: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in read_tsv(src / "ep_offices.tsv"):
        by_qid[r["qid"]].append(r)
    out = []
    for qid, offs in sorted(by_qid.items(), key=lambda kv: int(kv[0][1:])):
        label = next((o["label_en"] for o in offs if o["label_en"]), "")
        words = latin_words(label)
        if not words:
            continue
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
        out.append(
            [
                qid,
                label,
                " ".join(sorted(latin_keys(label))),
                " ".join(sorted(suffix_keys(label) - latin_keys(label))),
                " ".join("|".join(sorted(w)) for w in words),
                " ".join(offices),
                " ".join(where),
                "1" if linkable else "0",
            ]
        )
    return out


def render_holders(src: Path, rows: list[Row]) -> str:
    """The text of ``kg/data/people_holders.tsv``."""
    lines = ["\t".join(COLUMNS), *("\t".join(r) for r in holder_rows(src, rows))]
    return "\n".join(lines) + "\n"
