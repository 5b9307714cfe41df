"""Hostile input through a corpus build with two workers: every file gets a clear outcome
in the report, the batch never stops, and the graph still satisfies the SHACL shapes."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from rdflib.namespace import RDFS

from kg import serialise, shapes
from kg.pipeline import Options, build_corpus
from kg.vocab import KG

NAME = "التقى الرئيس الفرنسي إيمانويل ماكرون بالرئيس المصري عبد الفتاح السيسي في القاهرة."
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def hostile(folder: Path) -> dict[str, tuple[str, str]]:
    """Write the hostile files; returns name -> (expected outcome, a word of the reason)."""
    folder.mkdir(parents=True)
    files: dict[str, tuple[bytes, str, str]] = {
        "empty.txt": (b"", "skipped", "empty"),
        "blank.txt": (b" \n\t\r\n   \n", "skipped", "whitespace"),
        "binary.txt": (
            b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)) * 4,
            "skipped",
            "binary",
        ),
        "latin1.txt": (
            "Le président a rencontré le ministre à Paris, été très chargé.".encode("latin-1"),
            "skipped",
            "UTF-8",
        ),
        "cp1256.txt": (NAME.encode("cp1256"), "built", "windows-1256"),
        "page.html": (
            f"<!DOCTYPE html><html><head><title>خبر</title><style>p{{x:y}}</style><script>var a='<p>';</script></head>"
            f"<body><nav>القائمة</nav><p>{NAME}</p><p>&amp; &lt;b&gt; &#1575;</p></body></html>".encode(),
            "built",
            "HTML",
        ),
        "saved_page.txt": (
            f"<html><body><div>{NAME}</div></body></html>".encode(),
            "built",
            "HTML",
        ),
        "scripts_only.html": (
            b"<html><head><script>alert(1)</script></head><body></body></html>",
            "skipped",
            "HTML",
        ),
        "bidi.txt": (
            "التقى الرئيس الفرنسي إيمانويل\u202e ماكرون بالرئيس المصري عبد الفتاح السي\u200bسي في القاهرة. "
            "وقال ماك\u200dرون إن \u2067فرنسا\u2069 تدعم مصر.\ufeff".encode(),
            "built",
            "",
        ),
        "long_sentence.txt": (("قال الوزير إن " + "الاجتماع ناجح و" * 6_700).encode(), "built", ""),
        "long_token.txt": (("قال الوزير " + "ب" * 100_000 + " في بغداد.").encode(), "built", ""),
        "long_latin_token.txt": (
            ("The minister said " + "x" * 100_000 + ".").encode(),
            "built",
            "",
        ),
        "symbols.txt": (b"!!! ??? 123 456 ... ### ***", "skipped", "letters"),
        "lone_cr.txt": ("قال الوزير\rإن الاجتماع ناجح\r".encode(), "built", ""),
        "nul_in_jsonl.jsonl": (
            b'{"id": "ok", "text": "\\u0642\\u0627\\u0644 \\u0627\\u0644\\u0648\\u0632\\u064a\\u0631."}\n'
            b'{"id": "s", "text": "\\ud800 \\u0642\\u0627\\u0644 \\u0627\\u0644\\u0648\\u0632\\u064a\\u0631 \\u0625\\u0646 \\u0628\\u063a\\u062f\\u0627\\u062f \\u0645\\u062f\\u064a\\u0646\\u0629."}\n'
            b'{"id": "nested", "text": ' + b"[" * 100_000 + b"]}\n"
            b"\x00\x00\x00\n"
            b'["not", "an", "object"]\n',
            "mixed",
            "",
        ),
    }
    expected = {}
    for name, (data, outcome, why) in files.items():
        (folder / name).write_bytes(data)
        expected[name] = (outcome, why)
    big = folder / "one_line_50mb.txt"
    with open(big, "wb") as f:  # 50 MB of Arabic words on one line
        chunk = ("كلمة " * 10_000).encode()
        for _ in range(50 * 2**20 // len(chunk) + 1):
            f.write(chunk)
    expected[big.name] = ("skipped", "--max-chars")
    return expected


@pytest.fixture(scope="module")
def hostile_build(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, tuple[str, str]], float]:
    root = tmp_path_factory.mktemp("hostile")
    expected = hostile(root / "in")
    t0 = time.perf_counter()
    summary = build_corpus(
        [root / "in"],
        root / "out",
        Options(html=False),
        engine="process",
        workers=2,
        report=root / "report.jsonl",
    )
    seconds = time.perf_counter() - t0
    assert summary.documents > 0
    return root, expected, seconds


def test_every_hostile_file_has_a_clear_outcome(
    hostile_build: tuple[Path, dict[str, tuple[str, str]], float],
) -> None:
    root, expected, seconds = hostile_build
    rows = [
        json.loads(line)
        for line in (root / "report.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    by_file: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        by_file.setdefault(Path(r["source"]).name.split(":")[0], []).append(r)
    assert set(by_file) == set(expected)
    for name, (outcome, why) in expected.items():
        if outcome == "mixed":
            continue
        (row,) = by_file[name]
        assert row["outcome"] == outcome, (name, row)
        assert why in row["reason"], (name, row)
        if outcome == "skipped":
            assert len(row["reason"]) > 10
    jsonl = {Path(r["source"]).name: r for r in by_file["nul_in_jsonl.jsonl"]}
    assert jsonl["nul_in_jsonl.jsonl:1"]["outcome"] == "built"
    assert jsonl["nul_in_jsonl.jsonl:2"]["outcome"] == "built"  # a lone surrogate, replaced
    assert "nested too deeply" in jsonl["nul_in_jsonl.jsonl:3"]["reason"]
    assert "binary" in jsonl["nul_in_jsonl.jsonl:4"]["reason"]
    assert "object" in jsonl["nul_in_jsonl.jsonl:5"]["reason"]
    assert seconds < 120, f"hostile input took {seconds:.0f} s"


def test_the_hostile_graph_conforms_and_names_carry_no_invisible_characters(
    hostile_build: tuple[Path, dict[str, tuple[str, str]], float],
) -> None:
    root, _, _ = hostile_build
    ds = serialise.load(root / "out" / "graph.trig")
    conforms, report = shapes.validate(ds)
    assert conforms, report
    names = [str(o) for p in (RDFS.label, KG.alias) for o in ds.objects(None, p)]
    assert "إيمانويل ماكرون" in names and "عبد الفتاح السيسي" in names
    assert not [n for n in names if INVISIBLE.search(n)]
