"""National legislatures from EveryPolitician's Popolo files (scripts/gazetteer_legislatures.py):
Wikidata's QIDs, Arabic names derived by rule from the kind and the country's adjective."""

from __future__ import annotations

import doctest
import json
import subprocess
from pathlib import Path
from types import ModuleType

from tests.test_gazetteer_data import build_script, rows, script


def legislatures_script() -> ModuleType:
    build_script()  # the script imports build_gazetteer's helpers on use
    script("gazetteer_popolo")  # and the Popolo file reader
    return script("gazetteer_legislatures")


def test_script_examples() -> None:
    result = doctest.testmod(legislatures_script())
    assert result.attempted >= 6 and result.failed == 0


def test_legislature_rows_are_named_by_kind_and_country() -> None:
    from kg.text import normalize

    mod = legislatures_script()
    gaz, prov = rows("gazetteer.tsv"), rows("gazetteer_provenance.tsv")
    found = {
        r["qid"]: r
        for r, p in zip(gaz, prov, strict=True)
        if "organizations[legislature]" in p["qid_sources"]
    }
    assert len(found) >= 25
    kinds = tuple(set(mod.LEGISLATURE_KINDS.values()))
    for qid, r in found.items():
        p = prov[[g["qid"] for g in gaz].index(qid)]
        assert r["type"] == "Organization" and "CC0" in p["licence"], p
        assert "everypolitician-data@" in p["qid_sources"], p
        assert r["label_ar"].startswith(kinds), r
    assert found["Q1422275"]["label_ar"] == "البرلمان اللبناني"
    assert found["Q320304"]["label_ar"] == "مجلس النواب الأردني"
    assert found["Q176296"]["label_ar"] == "البرلمان الأوكراني"  # Verkhovna Rada
    assert "الدوما" in found["Q715641"]["aliases_ar"].split("|")
    assert found["Q66096"]["aliases_ar"] == "مجلس الشيوخ الأميركي"
    names = {
        normalize(n) for r in found.values() for n in [r["label_ar"], *r["aliases_ar"].split("|")]
    }
    # a National Assembly is named differently from country to country: no rule, no row
    assert not any(n.startswith(normalize("الجمعية الوطنية")) for n in names)
    # the Knesset's QID in the Popolo file is a municipality's in dr5hn's divisions: the
    # conflict leaves the legislature out
    assert "Q133396" not in found


def test_adjective_must_lead_back_to_its_own_country() -> None:
    mod = legislatures_script()
    before = build_script().curated_rows(build_script().SOURCES)
    assert mod.legislature_names("Parliament", "Lebanon", before) == ["البرلمان اللبناني"]
    assert mod.legislature_names("National Assembly", "Kuwait", before) == []
    assert mod.legislature_names("Parliament", "Nowhere", before) == []


def test_extract_reads_the_legislature_of_each_popolo_file(tmp_path: Path) -> None:
    mod = legislatures_script()
    repo = tmp_path / "data-repo"
    folder = repo / "data" / "Jordan" / "House"
    folder.mkdir(parents=True)
    popolo = {
        "persons": [],
        "organizations": [
            {"classification": "party", "name": "A party", "id": "p1"},
            {
                "classification": "legislature",
                "name": "House of Representatives",
                "identifiers": [{"scheme": "wikidata", "identifier": "Q11"}],
            },
        ],
    }
    (folder / "ep-popolo-v1.0.json").write_text(json.dumps(popolo), encoding="utf-8")
    for cmd in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "x"]):
        subprocess.run(
            ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t", *cmd],
            check=True,
        )
    assert mod.extract([("someone/data", repo / ".git")], tmp_path) == 1
    lines = (tmp_path / mod.EXTRACT).read_text(encoding="utf-8").splitlines()
    data = [line for line in lines if not line.startswith("#")]
    assert data[0] == "qid\tlabel_en\tcountry\tsource"
    assert data[1].startswith("Q11\tHouse of Representatives\tJordan\tsomeone/data@")
    assert data[1].endswith(":data/Jordan/House/ep-popolo-v1.0.json")
