"""The news agency a dateline credits is the document's source, never an entity."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from kg import build
from kg.agencies import credit
from kg.vocab import KG

SDO_SOURCE = "https://schema.org/sourceOrganization"


def test_the_credited_agency_becomes_no_entity() -> None:
    for text, abbr in [
        ("القاهرة (أ ش أ) - استقبل وزير الخارجية المصري سفير اليابان.", "أ ش أ"),
        ("الدوحة (قنا) - وصل وزير الخارجية الإيطالي إلى الدوحة.", "قنا"),
        ("الرياض 4 مايو (واس) - التقى ولي العهد رئيس وزراء الهند.", "واس"),
    ]:
        labels = {e.label for e in build(texts=[text]).entities()}
        assert abbr not in labels, (text, labels)


def test_a_parenthesis_that_credits_no_agency_is_left_alone() -> None:
    assert credit("قال الوزير (في تصريح) - إن الحكومة ستدعم المزارعين.") is None
    # inside the story, after a full stop: no dateline
    assert credit("وصل الرئيس إلى القاهرة. وقال مصدر (قنا) - إن ...") is None


def test_an_english_dateline_credits_in_english() -> None:
    found = credit("AMMAN (Petra) -- Foreign Minister Ayman Safadi met his Iraqi counterpart.")
    assert found is not None and found.name_en == "Jordan News Agency (Petra)"


def test_the_agency_is_the_documents_source_organization(tmp_path: Path) -> None:
    src = tmp_path / "petra.txt"
    src.write_text("عمان (بترا) - التقى وزير الخارجية الأردني نظيره العراقي.\n", encoding="utf-8")
    out = tmp_path / "out"
    from kg.cli import main

    with pytest.raises(SystemExit) as done:
        main(["build", str(src), "--out", str(out)])
    assert done.value.code == 0
    g = Graph().parse(out / "graph.ttl")
    docs = list(g.subjects(RDF.type, KG.Document))
    assert len(docs) == 1
    assert list(g.objects(docs[0], URIRef(SDO_SOURCE))) == [
        Literal("وكالة الأنباء الأردنية (بترا)")
    ]
