"""Each country's standing cabinet from EveryPolitician's world report
(scripts/gazetteer_cabinets.py): Wikidata's QIDs, Arabic names derived by rule from the
body's kind and the country's adjective."""

from __future__ import annotations

import doctest
import subprocess
from pathlib import Path
from types import ModuleType

from tests.test_gazetteer_data import build_script, rows, script


def cabinets_script() -> ModuleType:
    build_script()  # the script imports build_gazetteer's helpers on use
    script("gazetteer_legislatures")  # and the adjective rule
    return script("gazetteer_cabinets")


def test_script_examples() -> None:
    result = doctest.testmod(cabinets_script())
    assert result.attempted >= 2 and result.failed == 0


def test_cabinet_rows_are_named_by_kind_and_country() -> None:
    gaz, prov = rows("gazetteer.tsv"), rows("gazetteer_provenance.tsv")
    found = {
        r["qid"]: r
        for r, p in zip(gaz, prov, strict=True)
        if "country-cabinets.csv cabinet" in p["qid_sources"]
    }
    assert len(found) >= 100
    for r in found.values():
        p = prov[[g["qid"] for g in gaz].index(r["qid"])]
        assert r["type"] == "Organization" and "CC0" in p["licence"], p
        assert "every-politician-scrapers/world@" in p["qid_sources"], p
        assert all(
            n.startswith("الحكومة " if "Government" in r["label_en"] else "مجلس الوزراء ")
            for n in [r["label_ar"], *filter(None, r["aliases_ar"].split("|"))]
        ), r
    assert found["Q526548"]["label_ar"] == "الحكومة التونسية"  # Government of Tunisia
    assert found["Q4118391"]["label_ar"] == "مجلس الوزراء العراقي"
    assert found["Q12812333"]["label_ar"] == "مجلس الوزراء التركي"
    # a cabinet is not named «الحكومة …»: the Cabinet of the United Kingdom is one body of
    # His Majesty's Government, another item
    names = {n for r in found.values() for n in [r["label_ar"], *r["aliases_ar"].split("|")]}
    assert "الحكومة البريطانية" not in names and "الحكومة التركية" not in names
    # Saudi Arabia's second body (Council of Political and Security Affairs) has no kind:
    # the Council of Ministers is the country's one council and gets the name
    assert found["Q14654732"]["label_ar"] == "مجلس الوزراء السعودي"
    # labels without a rule ("United States Cabinet", "State Council of …") give no row
    assert "Q639738" not in found and "Q59261" not in found


def test_adjective_must_lead_back_to_its_own_country() -> None:
    mod = cabinets_script()
    before = build_script().curated_rows(build_script().SOURCES)
    tunisia = next(r.qid for r in before if r.type == "Country" and r.label_en == "Tunisia")
    lebanon = next(r.qid for r in before if r.type == "Country" and r.label_en == "Lebanon")
    assert mod.cabinet_names("Government of Tunisia", tunisia, before) == ["الحكومة التونسية"]
    assert mod.cabinet_names("Cabinet of Lebanon", lebanon, before) == ["مجلس الوزراء اللبناني"]
    assert mod.cabinet_names("Executive Yuan", lebanon, before) == []
    assert mod.cabinet_names("Government of Nowhere", "Q0", before) == []


def test_extract_reads_the_query_answer(tmp_path: Path) -> None:
    mod = cabinets_script()
    repo = tmp_path / "world"
    (repo / "wikidata" / "results").mkdir(parents=True)
    (repo / mod.RESULTS).write_text(
        "state,stateLabel,cabinet,cabinetLabel\nQ5,Somewhere,Q11,Cabinet of Somewhere\nQ6,None,,\n",
        encoding="utf-8",
    )
    for cmd in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "x"]):
        subprocess.run(
            ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t", *cmd],
            check=True,
        )
    assert mod.extract(repo / ".git", "someone/world", tmp_path) == 1
    lines = (tmp_path / mod.EXTRACT).read_text(encoding="utf-8").splitlines()
    data = [line for line in lines if not line.startswith("#")]
    assert data[0] == "qid\tlabel_en\tcountry_qid\tcountry\tsource"
    assert data[1].startswith("Q11\tCabinet of Somewhere\tQ5\tSomewhere\tsomeone/world@")
    assert data[1].endswith(":wikidata/results/country-cabinets.csv")
