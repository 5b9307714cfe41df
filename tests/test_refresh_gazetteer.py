"""scripts/refresh_gazetteer.py against the local SPARQL endpoint (a small Wikidata-shaped graph)."""

from __future__ import annotations

import csv
import importlib.util
import io
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT
from tests.wikidata_stub import serve


def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "refresh_gazetteer", ROOT / "scripts" / "refresh_gazetteer.py"
    )
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["refresh_gazetteer"] = mod  # dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


def rows(path: Path) -> dict[str, dict[str, str]]:
    text = path.read_text(encoding="utf-8")
    return {
        r["qid"] or r["label_en"]: r
        for r in csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    }


BASE = (
    "qid\tlabel_en\tlabel_ar\taliases_ar\ttype\tsource\n"
    "\tRex Tillerson\tريكس تيلرسون\tتيلرسون\tPerson\t\n"
    "Q796\tIraq\tالعراق\tجمهورية العراق\tCountry\towid\n"
    "Q999\tSyria\tسوريا\t\tCountry\tsome list\n"
)


def test_refresh_merges_wikidata_into_the_gazetteer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = tmp_path / "g.tsv"
    base.write_text(BASE, encoding="utf-8")
    with serve() as stub:
        code = script().main(
            [
                "--base",
                str(base),
                "--out",
                str(tmp_path / "new.tsv"),
                "--api",
                stub.api,
                "--sparql",
                stub.sparql,
            ]
        )
        queries = [s.params["query"] for s in stub.requests("sparql")]
    assert code == 0
    got = rows(tmp_path / "new.tsv")
    assert got["Rex Tillerson"]["label_ar"] == "ريكس تيلرسون"  # a row without QID stays
    iraq = got["Q796"]
    assert (
        iraq["label_ar"] == "العراق" and iraq["source"] == "owid"
    )  # the verified row keeps its label and source
    assert iraq["aliases_ar"].split("|") == [
        "جمهورية العراق",
        "بلاد الرافدين",
    ]  # and gains Wikidata's alias
    assert "Q858" not in got  # Syria under another QID in the base: reported, not added
    assert "Q15180" not in got  # a dissolved state
    assert got["Q1530"]["type"] == "City" and got["Q3766"]["aliases_ar"] == "الشام"  # capitals
    assert got["Q83317"]["type"] == "City"  # a city with millions
    assert "Q900000030" not in got  # a small town
    assert got["Q7172"]["type"] == "Organization" and "Q900000031" not in got  # sitelinks threshold
    assert got["Q900000021"]["type"] == "Person"  # a head of government 2014-2018
    assert got["Q900000023"]["aliases_ar"] == "الوزير التجريبي"  # a foreign minister since 2020
    assert "Q900000024" not in got  # in office until 1990 only
    assert got["Q2429253"]["type"] == "Organization" and got["Q2429253"]["source"].startswith(
        "wikidata-sparql "
    )
    out = capsys.readouterr()
    assert "check: 'Syria': gazetteer Q999, Wikidata Q858" in out.out
    assert "Q17149090" in out.err and "left out" in out.err  # a class that failed its label check
    assert len(queries) == 6 and all("SERVICE" not in q for q in queries)


def test_dry_run_and_no_merge(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = tmp_path / "g.tsv"
    base.write_text(BASE, encoding="utf-8")
    with serve() as stub:
        assert (
            script().main(
                ["--base", str(base), "--dry-run", "--api", stub.api, "--sparql", stub.sparql]
            )
            == 0
        )
        assert base.read_text(encoding="utf-8") == BASE
        assert (
            script().main(
                [
                    "--base",
                    str(base),
                    "--no-merge",
                    "--out",
                    str(tmp_path / "only.tsv"),
                    "--api",
                    stub.api,
                    "--sparql",
                    stub.sparql,
                ]
            )
            == 0
        )
    only = rows(tmp_path / "only.tsv")
    assert "Rex Tillerson" not in only and only["Q796"]["source"].startswith("wikidata-sparql")


def test_a_class_that_fails_its_check_drops_its_category(tmp_path: Path) -> None:
    base = tmp_path / "g.tsv"
    base.write_text(BASE, encoding="utf-8")
    with serve() as stub:
        stub.items["Q3624078"]["labels"]["en"]["value"] = "something else"
        assert (
            script().main(
                [
                    "--base",
                    str(base),
                    "--out",
                    str(tmp_path / "n.tsv"),
                    "--api",
                    stub.api,
                    "--sparql",
                    stub.sparql,
                ]
            )
            == 0
        )
    got = rows(tmp_path / "n.tsv")
    assert "Q858" not in got and "Q900000021" not in got and "Q7172" in got


def test_offline_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.wikidata_stub import closed_port

    port = closed_port()
    code = script().main(
        [
            "--dry-run",
            "--api",
            f"http://127.0.0.1:{port}/w/api.php",
            "--sparql",
            f"http://127.0.0.1:{port}/sparql",
        ]
    )
    assert code == 1 and capsys.readouterr().err.startswith("refresh: cannot reach")
