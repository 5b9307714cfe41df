"""The online linker, alone and after the gazetteer, against the local stub server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.link import get_linker
from kg.link.evalset import Case, extraction_of
from kg.link.wdclient import WikidataClient
from kg.link.wikidata import LinkerUnavailable, WikidataLinker
from tests.wikidata_stub import StubWikidata, closed_port, serve


@pytest.fixture()
def stub() -> Iterator[StubWikidata]:
    with serve() as s:
        yield s


@pytest.fixture()
def linker(stub: StubWikidata, tmp_path: Path) -> WikidataLinker:
    return WikidataLinker(
        client=WikidataClient(
            api=stub.api, sparql=stub.sparql, cache_path=tmp_path / "c.sqlite", backoff=0.05
        )
    )


def qid(linker: object, sentence: str, mention: str, cls: str = "Place") -> str:
    links = linker(extraction_of(Case(sentence, mention, "-", cls)))  # type: ignore[operator]
    return links[0].qid if links else "-"


def test_a_name_the_gazetteer_lacks(linker: WikidataLinker) -> None:
    (link,) = linker(
        extraction_of(Case("قال ريكس تيلرسون إن الاجتماع مهم.", "ريكس تيلرسون", "-", "Person"))
    )
    assert (
        link.qid == "Q900000001" and link.linker == "wikidata" and link.label_en == "Rex Tillerson"
    )
    assert 0.7 <= link.score <= 0.9


def test_only_exact_names_of_fitting_classes(linker: WikidataLinker) -> None:
    assert (
        qid(linker, "وصل الوزير إلى بغداد.", "بغداد") == "Q1530"
    )  # not the film, not the disambiguation page
    assert qid(linker, "قال بغداد إنه سيعود.", "بغداد", "Person") == "-"
    assert qid(linker, "قال البنك إنه سيقرض.", "البنك", "Organization") == "-"  # a prefix hit only
    assert qid(linker, "The World Bank lent money.", "World Bank", "Organization") == "Q7164"


def test_clitics_are_stripped_when_the_whole_form_finds_nothing(
    linker: WikidataLinker, stub: StubWikidata
) -> None:
    (link,) = linker(extraction_of(Case("عاد الوفد وبغداد هادئة.", "وبغداد", "-", "Place")))
    assert link.qid == "Q1530" and link.score < 0.9
    assert [s.params["search"] for s in stub.requests("wbsearchentities")][:2] == [
        "وبغداد",
        "بغداد",
    ]


def test_ambiguous_names_are_decided_by_context_or_left_alone(linker: WikidataLinker) -> None:
    assert qid(linker, "وصل الوفد إلى عمان.", "عمان") == "-"
    assert qid(linker, "زار الوزير سلطنة عمان.", "عمان") == "Q842"
    assert qid(linker, "عاد الملك إلى العاصمة الأردنية عمان.", "عمان") == "Q3805"
    assert qid(linker, "وصل المبعوث إلى طرابلس.", "طرابلس") == "-"  # two cities named Tripoli
    assert (
        qid(linker, "وصل المبعوث إلى طرابلس لبحث الأزمة في ليبيا.", "طرابلس") == "Q3579"
    )  # P17 Libya
    assert (
        qid(linker, "اشتبك مسلحون في طرابلس شمال لبنان.", "طرابلس") != "Q3579"
    )  # not the Libyan one


def test_common_words_stay_unlinked(linker: WikidataLinker) -> None:
    assert qid(linker, "نقل موقع الحرة عن مسؤول قوله.", "الحرة", "Organization") == "Q900000002"
    assert qid(linker, "أنشأت الحكومة المنطقة الحرة قرب الميناء.", "الحرة", "Organization") == "-"


def test_a_second_run_is_served_from_the_cache(stub: StubWikidata, tmp_path: Path) -> None:
    def make() -> WikidataLinker:
        return WikidataLinker(
            client=WikidataClient(
                api=stub.api, sparql=stub.sparql, cache_path=tmp_path / "c.sqlite"
            ),
            probe=False,
        )

    ex = extraction_of(Case("زار الوزير سلطنة عمان.", "عمان", "-", "Place"))
    first = make()(ex)
    n = len(stub.seen)
    assert make()(ex) == first and len(stub.seen) == n


def test_chain_asks_wikidata_only_what_the_gazetteer_leaves(
    stub: StubWikidata, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KG_WIKIDATA_API", stub.api)
    monkeypatch.setenv("KG_WIKIDATA_SPARQL", stub.sparql)
    monkeypatch.setenv("KG_WIKIDATA_CACHE", str(tmp_path / "c.sqlite"))
    from kg.model import AnalysedDoc, Document, Entity, Extraction, Mention, Sentence

    text = "التقى ريكس تيلرسون في بغداد رئيس الوزراء."
    a, b = text.index("ريكس تيلرسون"), text.index("بغداد")
    ms = (
        Mention("m1", 0, a, a + 12, "ريكس تيلرسون", "Person", "e1"),
        Mention("m2", 0, b, b + 5, "بغداد", "City", "e2"),
    )
    es = (Entity("e1", "ريكس تيلرسون", "Person", ("m1",)), Entity("e2", "بغداد", "City", ("m2",)))
    ex = Extraction(
        AnalysedDoc(Document("d", text, "ar"), (Sentence(0, 0, len(text), text, ()),), "t"),
        ms,
        es,
        (),
    )
    chain = get_linker("gazetteer+wikidata")
    links = chain(ex)
    assert [(lk.mention, lk.qid, lk.linker) for lk in links] == [
        ("m1", "Q900000001", "wikidata"),
        ("m2", "Q1530", "gazetteer"),
    ]
    assert [s.params["search"] for s in stub.requests("wbsearchentities")] == ["ريكس تيلرسون"]


def test_offline_the_linker_fails_fast_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KG_WIKIDATA_API", f"http://127.0.0.1:{closed_port()}/w/api.php")
    monkeypatch.setenv("KG_WIKIDATA_CACHE", str(tmp_path / "c.sqlite"))
    with pytest.raises(LinkerUnavailable, match="needs the network"):
        get_linker("wikidata")
    src = tmp_path / "a.txt"
    src.write_text("زار الوزير بغداد.", encoding="utf-8")
    r = CliRunner().invoke(
        main, ["build", str(src), "--linker", "gazetteer+wikidata", "--out", str(tmp_path / "o")]
    )
    assert r.exit_code == 1
    assert r.output.count("\n") == 1 and r.output.startswith(
        "kg: the wikidata linker needs the network"
    )
    assert "Traceback" not in r.output and "--linker gazetteer" in r.output


def test_a_failing_service_means_no_link_not_a_crash(
    linker: WikidataLinker, stub: StubWikidata
) -> None:
    stub.fail("api", "500", "500", "500", "500")
    assert qid(linker, "وصل الوزير إلى دمشق.", "دمشق") == "-"
    assert qid(linker, "وصل الوزير إلى بغداد.", "بغداد") == "Q1530"  # the service is back


def test_build_with_the_online_linker(
    stub: StubWikidata, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KG_WIKIDATA_API", stub.api)
    monkeypatch.setenv("KG_WIKIDATA_SPARQL", stub.sparql)
    monkeypatch.setenv("KG_WIKIDATA_CACHE", str(tmp_path / "c.sqlite"))
    src = tmp_path / "a.txt"
    src.write_text(
        "قال وزير الخارجية الأميركي ريكس تيلرسون في بغداد إن التحالف سيواصل عمله.", encoding="utf-8"
    )
    r = CliRunner().invoke(
        main,
        [
            "build",
            str(src),
            "--linker",
            "gazetteer+wikidata",
            "--out",
            str(tmp_path / "o"),
            "--no-html",
        ],
    )
    assert r.exit_code == 0, r.output
    ttl = (tmp_path / "o" / "graph.ttl").read_text(encoding="utf-8")
    assert "wd:Q1530" in ttl and "wd:Q900000001" in ttl
