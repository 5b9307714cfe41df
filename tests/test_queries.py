"""Every example query in ontology/queries/ runs on a hand-built graph and gives the expected rows."""

from __future__ import annotations

import pytest
from graph_fixtures import results
from rdflib import Dataset

from kg.graph import build_graph
from kg.ontology import resource
from kg.query import query, read_query, stored_queries

MEETING = "اجتماع لوزراء خارجية التحالف الدولي"
S0 = (
    "تزامن الهجوم الإرهابي على البرلمان البريطاني اليوم الأربعاء مع اجتماع لوزراء خارجية "
    "التحالف الدولي الذي استضافه وزير الخارجية الأميركي ريكس تيلرسون في واشنطن."
)
S1 = 'وقال تيلرسون إن "هزيمة داعش هي الهدف الأول للولايات المتحدة في المنطقة".'
S2 = "شارك في الاجتماع حلفاء الولايات المتحدة الأوروبيون، كالمملكة المتحدة وفرنسا."
EN = "Rex Tillerson hosted the coalition meeting in Washington."
QUOTE = "هزيمة داعش هي الهدف الأول للولايات المتحدة في المنطقة"
KG = "https://w3id.org/kg-builder/ontology#"

# Query name -> (columns to check, expected rows in the query's order).
EXPECTED: dict[str, tuple[tuple[str, ...], list[tuple[str, ...]]]] = {
    "hosted_events": (
        ("hostLabel", "eventLabel", "sentence"),
        [("Rex Tillerson", "coalition meeting", EN), ("ريكس تيلرسون", MEETING, S0)],
    ),
    "event_participants": (
        ("eventLabel", "participantLabel", "class"),
        [(MEETING, "المملكة المتحدة", KG + "Country"), (MEETING, "فرنسا", KG + "Country")],
    ),
    "statements": (
        ("speakerLabel", "class", "verb", "text", "sentence"),
        [("ريكس تيلرسون", KG + "Person", "said", QUOTE, S1)],
    ),
    "linked_entities": (
        ("class", "labelAr", "labelEn", "wikidata"),
        [
            (KG + "City", "واشنطن", "Washington, D.C.", "http://www.wikidata.org/entity/Q61"),
            (KG + "Country", "فرنسا", "France", "http://www.wikidata.org/entity/Q142"),
            (
                KG + "Country",
                "المملكة المتحدة",
                "United Kingdom",
                "http://www.wikidata.org/entity/Q145",
            ),
            (
                KG + "Organization",
                "البرلمان البريطاني",
                "Parliament of the United Kingdom",
                "http://www.wikidata.org/entity/Q11010",
            ),
            (
                KG + "Organization",
                "الدولة الإسلامية",
                "Islamic State",
                "http://www.wikidata.org/entity/Q2429253",
            ),
        ],
    ),
    "facts_with_sources": (
        ("doc", "index", "relation", "subjectLabel", "objectLabel", "confidence", "modality"),
        [
            ("coalition_ar", "0", "coincidedWith", "الهجوم الإرهابي", MEETING, "0.6", "asserted"),
            (
                "coalition_ar",
                "0",
                "holdsPosition",
                "ريكس تيلرسون",
                "وزير الخارجية الأميركي",
                "0.9",
                "asserted",
            ),
            ("coalition_ar", "0", "hosted", "ريكس تيلرسون", MEETING, "0.85", "asserted"),
            ("coalition_ar", "0", "location", MEETING, "واشنطن", "0.8", "asserted"),
            (
                "coalition_ar",
                "0",
                "pointInTime",
                "الهجوم الإرهابي",
                "اليوم الأربعاء",
                "0.5",
                "asserted",
            ),
            (
                "coalition_ar",
                "0",
                "targeted",
                "الهجوم الإرهابي",
                "البرلمان البريطاني",
                "0.7",
                "asserted",
            ),
            ("coalition_ar", "1", "attended", "الدولة الإسلامية", MEETING, "0.3", "negated"),
            ("coalition_ar", "1", "said", "ريكس تيلرسون", QUOTE, "0.9", "asserted"),
            ("coalition_ar", "1", "هزيمة", "ريكس تيلرسون", "الدولة الإسلامية", "0.4", "asserted"),
            ("coalition_ar", "2", "participatedIn", "المملكة المتحدة", MEETING, "0.7", "asserted"),
            ("coalition_ar", "2", "participatedIn", "فرنسا", MEETING, "0.6", "asserted"),
            (
                "coalition_en",
                "0",
                "hosted",
                "Rex Tillerson",
                "coalition meeting",
                "0.8",
                "asserted",
            ),
            ("coalition_en", "0", "location", "coalition meeting", "واشنطن", "0.75", "asserted"),
        ],
    ),
    "planned_facts": (("doc", "relation"), []),  # none in the fixture: see below
    "open_relations": (
        ("lemma", "facts"),
        [("هزيمة", "1")],
    ),
    "relation_counts": (
        ("relation", "facts"),
        [
            (KG + "hosted", "2"),
            (KG + "location", "2"),
            (KG + "participatedIn", "2"),
            (KG + "attended", "1"),
            (KG + "coincidedWith", "1"),
            (KG + "holdsPosition", "1"),
            (KG + "pointInTime", "1"),
            (KG + "said", "1"),
            (KG + "targeted", "1"),
            ("https://w3id.org/kg-builder/relation/%D9%87%D8%B2%D9%8A%D9%85%D9%87", "1"),
        ],
    ),
    # these documents have no date, so no event has one: rows in tests/test_dates.py
    "events_by_date": (("start", "end", "date", "eventLabel", "words"), []),
    "documents": (  # with metadata: tests/test_web.py
        ("id", "date", "outlet", "headline", "lang", "facts"),
        [("coalition_ar", "", "", "", "ar", "11"), ("coalition_en", "", "", "", "en", "2")],
    ),
    "reported_events": (("event",), []),  # one document per event here: tests/test_events.py
    "most_mentioned": (
        ("name", "sentences", "documents"),
        [
            ("ريكس تيلرسون", "2", "1"),  # ties are broken by IRI: Person/… < doc/… < entity/…
            (MEETING, "2", "1"),
            ("Washington, D.C.", "2", "2"),
        ],
    ),
}


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return build_graph(results())


def test_every_stored_query_is_tested_and_documented() -> None:
    # the federated ones (SERVICE to Wikidata) are tested in test_federated.py
    assert sorted(n for n in stored_queries() if "federated" not in n) == sorted(EXPECTED)
    for name in stored_queries():
        text = resource(f"queries/{name}.rq").read_text(encoding="utf-8")
        header = text.split("\n\n", 1)[0].splitlines()
        assert len(header) >= 2 and all(line.startswith("#") for line in header), name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_query_rows(ds: Dataset, name: str) -> None:
    columns, want = EXPECTED[name]
    rows = [
        tuple("" if r[c] is None else str(r[c]) for c in columns)
        for r in query(ds, read_query(name))
    ]
    if name == "most_mentioned":
        rows = rows[: len(want)]
    assert rows == want


def test_planned_facts_lists_what_is_planned_and_plain_sparql_does_not() -> None:
    from kg.graph import build_graph as build
    from kg.pipeline import Options, Stages, process
    from kg.read import from_strings

    text = "سيزور الرئيس الفرنسي إيمانويل ماكرون القاهرة الأسبوع المقبل."
    stages = Stages.from_options(Options(analyser="rules", linker="none"))
    ds = build([process(next(from_strings([text], prefix="plan")), stages)])
    rows = [
        (str(r["relation"]), str(r["objectLabel"])) for r in query(ds, read_query("planned_facts"))
    ]
    assert ("visited", "القاهرة") in rows
    direct = query(
        ds, "PREFIX kg: <https://w3id.org/kg-builder/ontology#> SELECT * { ?s kg:visited ?o }"
    )
    assert not list(direct)
