"""Dates (kg.dates): every source of a document's date (a .jsonl field, a page's <meta> or
<time>, a dateline, --date and build(date=), a feed entry, a WARC record), and the time
expressions of tests/data/dates_ar.tsv resolved against it through the whole pipeline
(rules analyser, extractor, graph)."""

from __future__ import annotations

import calendar
import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SDO, XSD
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter
from web_server import Server, serve, static

from kg import build as api_build
from kg.cli import main
from kg.dates import dated, reference_date, resolve
from kg.errors import InputError
from kg.extract.occurrences import ACTS
from kg.fetch import WebOptions, web_documents
from kg.graph import build_graph, union_graph
from kg.model import Document
from kg.pipeline import Options, Stages, build, process
from kg.query import query, read_query
from kg.read import read
from kg.vocab import KG, modality_name

SUITE = Path(__file__).parent / "data" / "dates_ar.tsv"
#: A sentence of our own: a meeting on a relative day, so its time expression is kept.
MEETING = "عقد وزير الخارجية اجتماعا مع السفراء أمس في الرباط."
BODY = "".join(
    f"<p>{s}</p>"
    for s in (
        MEETING,
        "وقال الوزير إن البلدين اتفقا على توسيع التعاون في مجالات التجارة والطاقة والتعليم.",
        "وأضاف أن اللجنة المشتركة ستجتمع مرة أخرى قبل نهاية العام لمتابعة ما اتفق عليه.",
    )
)


def _cases() -> list[list[str]]:
    lines = SUITE.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    assert rows[0] == ["id", "date", "text", "words", "resolved"]
    return rows[1:]


@pytest.fixture(scope="module")
def stages() -> Stages:
    return Stages.from_options(Options(analyser="rules", linker="none"))


def _times(g: Graph) -> dict[str, tuple[str, ...]]:
    """kg:value -> (kg:date, kg:startDate, kg:endDate) of every time expression."""
    out = {}
    for t in g.subjects(RDF.type, KG.TimeExpression):
        values = (g.value(t, p) for p in (KG.date, KG.startDate, KG.endDate))
        out[str(g.value(t, KG.value))] = tuple("" if v is None else str(v) for v in values)
    return out


def _expected(resolved: str) -> tuple[str, str, str]:
    """(kg:date, kg:startDate, kg:endDate) written for a day, a month, a year or a span."""
    if "/" in resolved:
        start, end = resolved.split("/")
        return "", start, end
    parts = [int(x) for x in resolved.split("-")]
    if len(parts) == 3:
        return resolved, resolved, resolved
    if len(parts) == 2:
        y, m = parts
        last = calendar.monthrange(y, m)[1]
        return resolved, date(y, m, 1).isoformat(), date(y, m, last).isoformat()
    return resolved, f"{resolved}-01-01", f"{resolved}-12-31"


def test_the_suite_is_big_enough_and_of_our_own() -> None:
    cases = _cases()
    assert len(cases) >= 20 and len({c[0] for c in cases}) == len(cases)


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c[0])
def test_time_suite(case: list[str], stages: Stages) -> None:
    cid, day, text, words, resolved = case
    doc = dated(Document(cid, text, "ar", meta=() if day == "-" else (("date", day),)))
    g = union_graph(build_graph([process(doc, stages)]))
    times = _times(g)
    assert words in times, f"{cid}: no time expression «{words}» in {sorted(times)}"
    assert times[words] == _expected(resolved), cid


def test_the_datatypes_say_the_precision(stages: Stages) -> None:
    doc = Document("d", "عقد البرلمان جلسة طارئة الشهر الماضي في بيروت.", "ar")
    doc = dated(doc, "2024-03-13")
    g = union_graph(build_graph([process(doc, stages)]))
    [value] = {o for o in g.objects(None, KG.date)}
    assert value == Literal("2024-02", datatype=XSD.gYearMonth)
    assert {o.datatype for o in g.objects(None, KG.startDate)} == {XSD.date}


def test_events_and_their_facts_carry_the_date(stages: Stages) -> None:
    doc = dated(Document("d", MEETING, "ar"), "2024-03-13")
    g = union_graph(build_graph([process(doc, stages)]))
    day = Literal("2024-03-12", datatype=XSD.date)
    [event] = g.subjects(RDF.type, KG.Event)
    assert (event, KG.date, day) in g
    facts = set(g.subjects(RDF.type, KG.Fact))
    assert facts and all((f, KG.date, day) in g for f in facts)
    # the original words stay the label
    [time] = g.subjects(RDF.type, KG.TimeExpression)
    assert str(g.value(time, KG.value)) == "أمس"


def test_a_fact_whose_verb_a_time_modifies_carries_its_date(stages: Stages) -> None:
    text = "أعلن الجيش أمس اعتقال ثلاثة مسلحين في الموصل. قال الوزير يوم الأحد إن المحادثات مستمرة."
    g = union_graph(build_graph([process(dated(Document("d", text, "ar"), "2024-03-13"), stages)]))
    dates = {
        str(g.value(f, RDF.predicate)).rsplit("#", 1)[-1]: str(g.value(f, KG.date))
        for f in g.subjects(RDF.type, KG.Fact)
    }
    assert dates["announced"] == "2024-03-12" and dates["said"] == "2024-03-10"


def test_no_date_no_resolution_of_relative_words(stages: Stages) -> None:
    g = union_graph(build_graph([process(Document("d", MEETING, "ar"), stages)]))
    assert not set(g.objects(None, KG.date))
    assert not set(g.objects(None, SDO.datePublished))


def test_a_numbered_day_of_an_event_is_not_today() -> None:
    """اليوم الثالث من المعرض is the fair's third day, اليوم التالي the day after something:
    neither is the document's day; اليوم with a weekday is."""
    d = date(2024, 3, 13)
    for words in ("في اليوم الثالث من المعرض", "اليوم التالي", "اليوم الأخير من القمة"):
        assert resolve(words, d) is None, words
    assert resolve("اليوم الأربعاء", d) == resolve("اليوم", d)


# ---------------------------------------------------------------- the date's sources


def _published(g: Graph) -> set[str]:
    return {str(o) for o in g.objects(None, SDO.datePublished)}


def _dates(g: Graph) -> set[str]:
    return {str(o) for o in g.objects(None, KG.date)}


def test_a_jsonl_date_field(tmp_path: Path) -> None:
    rec = {"id": "a1", "text": MEETING, "date": "2024-03-13T08:00:00Z"}
    (tmp_path / "news.jsonl").write_text(json.dumps(rec, ensure_ascii=False) + "\n", "utf-8")
    _, ds = build([tmp_path], None, Options(analyser="rules", linker="none", html=False))
    g = union_graph(ds)
    assert _published(g) == {"2024-03-13"} and "2024-03-12" in _dates(g)


def test_a_jsonl_date_that_is_no_date_is_named_and_dropped(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A 30th of February or a number in the ``date`` field: a one-line warning naming the
    file and line, no datePublished (never an invalid ``xsd:date`` in the graph), and the
    ``--date`` given instead resolves the text's relative days."""
    recs = [
        {"id": "a1", "text": MEETING, "date": "2024-02-30"},
        {"id": "a2", "text": MEETING, "date": 7},
    ]
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)
    (tmp_path / "news.jsonl").write_text(lines, "utf-8")
    opts = Options(analyser="rules", linker="none", html=False, date="2024-03-13")
    with caplog.at_level("WARNING"):
        _, ds = build([tmp_path], None, opts)
    said = [r.getMessage() for r in caplog.records if "is not a date" in r.getMessage()]
    assert len(said) == 2 and "news.jsonl:1" in said[0] and "news.jsonl:2" in said[1]
    assert all("\n" not in m for m in said)
    g = union_graph(ds)
    assert _published(g) == {"2024-03-13"} and "2024-03-12" in _dates(g)


@pytest.mark.parametrize(
    "head, body",
    [
        ('<meta property="article:published_time" content="2024-03-13T08:00:00+03:00">', ""),
        ('<meta name="dc.date" content="2024-03-13">', ""),
        ("", '<time datetime="2024-03-13T09:30">13 مارس</time>'),
    ],
    ids=["og-published-time", "dc-date", "time-element"],
)
def test_a_page_meta_or_time_element(tmp_path: Path, head: str, body: str) -> None:
    page = (
        f"<html lang='ar'><head><title>اجتماع</title>{head}</head><body><article>"
        f"<h1>اجتماع</h1>{body}{BODY}</article></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    [doc] = list(read([tmp_path / "page.html"]))
    assert isinstance(doc, Document) and dict(doc.meta)["date"] == "2024-03-13"
    _, ds = build([tmp_path], None, Options(analyser="rules", linker="none", html=False))
    assert "2024-03-12" in _dates(union_graph(ds))


def test_a_dateline(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"الرباط - 13 مارس 2024: {MEETING}", encoding="utf-8")
    _, ds = build([tmp_path], None, Options(analyser="rules", linker="none", html=False))
    g = union_graph(ds)
    assert _published(g) == {"2024-03-13"} and "2024-03-12" in _dates(g)


def test_a_dateline_with_an_agency_and_no_year_takes_the_nearest_year() -> None:
    doc = dated(Document("d", f"القاهرة في 3 يناير (وكالة) - {MEETING}"), "2024-01-10")
    assert dict(doc.meta) == {"date": "2024-01-03", "date-from": "dateline"}


def test_the_metadata_wins_over_a_dateline_and_a_dateline_over_date() -> None:
    text = f"الرباط - 13 مارس 2024: {MEETING}"
    assert dated(Document("d", text, meta=(("date", "2024-03-14"),)), "2024-01-01").meta == (
        ("date", "2024-03-14"),
    )
    assert dict(dated(Document("d", text), "2024-01-01").meta)["date"] == "2024-03-13"
    assert dict(dated(Document("d", MEETING), "2024-01-01").meta)["date"] == "2024-01-01"


def test_the_cli_date_option(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(MEETING, encoding="utf-8")
    out = tmp_path / "out"
    args = ["build", str(tmp_path / "a.txt"), "--analyser", "rules", "--linker", "none"]
    r = CliRunner().invoke(
        main, [*args, "--no-html", "-q", "--out", str(out), "--date", "2024-03-13"]
    )
    assert r.exit_code == 0, r.output
    g = Graph().parse(out / "graph.ttl")
    assert _published(g) == {"2024-03-13"} and "2024-03-12" in _dates(g)
    r = CliRunner().invoke(main, [*args, "--out", str(out), "--date", "13/03/2024"])
    assert r.exit_code == 2 and "expected YYYY-MM-DD" in r.output
    assert "Traceback" not in r.output


def test_the_api_date_argument() -> None:
    kg = api_build(texts=[MEETING], analyser="rules", linker="none", date="2024-03-13")
    assert "2024-03-12" in _dates(kg.to_rdflib())
    with pytest.raises(InputError, match="expected YYYY-MM-DD"):
        api_build(texts=[MEETING], date="yesterday")


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with serve() as s:
        yield s


def test_a_feed_entry_date(server: Server, tmp_path: Path) -> None:
    page = f"<html lang='ar'><head><title>اجتماع</title></head><body><article>{BODY}</article></body></html>"
    server.routes["/dated/1.html"] = static(page.encode(), "text/html; charset=utf-8")
    server.routes["/dated.xml"] = static(
        f'<rss version="2.0"><channel><title>x</title><item><title>اجتماع</title>'
        f"<pubDate>Wed, 13 Mar 2024 10:00:00 GMT</pubDate>"
        f"<link>{server.base}/dated/1.html</link></item></channel></rss>".encode(),
        "application/rss+xml",
    )
    web = WebOptions(feeds=(f"{server.base}/dated.xml",), cache_dir=str(tmp_path), delay=0.0)
    [doc] = list(web_documents(web))
    assert isinstance(doc, Document) and reference_date(doc) == date(2024, 3, 13)
    options = Options(analyser="rules", linker="none", html=False, web=web)
    _, ds = build([], None, options)
    g = union_graph(ds)
    assert _published(g) == {"2024-03-13"} and "2024-03-12" in _dates(g)


def test_a_warc_record_date_resolves_but_is_not_the_publication_date(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc"
    page = f"<html lang='ar'><head><title>اجتماع</title></head><body><article>{BODY}</article></body></html>"
    with open(warc, "wb") as f:
        w = WARCWriter(f, gzip=False)
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        w.write_record(
            w.create_warc_record(
                "https://news.example/1",
                "response",
                payload=io.BytesIO(page.encode()),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-03-13T10:00:00Z"},
            )
        )
    _, ds = build([warc], None, Options(analyser="rules", linker="none", html=False))
    g = union_graph(ds)
    assert not _published(g) and "2024-03-12" in _dates(g)


def test_the_stored_query_lists_events_by_date(stages: Stages) -> None:
    from kg.query import query, read_query

    docs = [
        dated(Document("d1", MEETING, "ar"), "2024-03-13"),
        dated(Document("d2", "عقد البرلمان جلسة طارئة الشهر الماضي في بيروت.", "ar"), "2024-03-13"),
    ]
    g = union_graph(build_graph([process(d, stages) for d in docs]))
    rows = list(query(g, read_query("events_by_date")))
    assert [str(r["start"]) for r in rows] == ["2024-02-01", "2024-03-12"]
    assert {str(r["words"]) for r in rows} == {"أمس", "الشهر الماضي"}
    assert all(isinstance(r["event"], URIRef) for r in rows)


def test_dated_graphs_satisfy_the_shapes_and_a_bad_date_does_not(stages: Stages) -> None:
    from kg.shapes import validate

    doc = dated(Document("d", "عقد البرلمان جلسة طارئة الشهر الماضي في بيروت.", "ar"), "2024-03-13")
    g = union_graph(build_graph([process(doc, stages)]))
    conforms, report = validate(g)
    assert conforms, report
    [time] = g.subjects(RDF.type, KG.TimeExpression)
    g.add((time, KG.date, Literal("February")))
    conforms, report = validate(g)
    assert not conforms and "kg:date is an xsd:date" in report


# ---------------------------------------------------------------- events of dated acts

ACTS_SUITE = Path(__file__).parent / "data" / "dated_events_ar.tsv"


def _act_cases() -> list[list[str]]:
    lines = ACTS_SUITE.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    assert rows[0] == ["id", "date", "text", "event", "participants", "resolved", "modality"]
    return rows[1:]


def _act_events(g: Graph) -> dict[str, tuple[str, str, str]]:
    """Label -> (participants, kg:date, modalities) of every event of a dated act."""
    nouns = tuple(a.ar for a in ACTS.values())
    out = {}
    for e in g.subjects(RDF.type, KG.Event):
        label = str(g.value(e, RDFS.label))
        if not label.startswith(nouns):
            continue
        facts = [f for f in g.subjects(RDF.object, e) if (f, RDF.type, KG.Fact) in g]
        parties = sorted(
            str(g.value(g.value(f, RDF.subject), RDFS.label))
            for f in facts
            if g.value(f, RDF.predicate) == KG.participatedIn
        )
        modalities = sorted({modality_name(str(g.value(f, KG.modality))) for f in facts})
        out[label] = ("|".join(parties), str(g.value(e, KG.date)), "|".join(modalities))
    return out


def test_the_act_suite_is_big_enough() -> None:
    cases = _act_cases()
    assert len(cases) >= 20 and len({c[0] for c in cases}) == len(cases)


@pytest.mark.parametrize("case", _act_cases(), ids=lambda c: c[0])
def test_dated_act_suite(case: list[str], stages: Stages) -> None:
    cid, day, text, label, parties, resolved, modality = case
    g = union_graph(build_graph([process(dated(Document(cid, text, "ar"), day), stages)]))
    events = _act_events(g)
    if label == "-":
        assert not events, f"{cid}: no event of an act expected, got {events}"
        return
    assert events.get(label) == (parties, resolved, modality), f"{cid}: {events}"


def test_two_announcements_of_one_ministry_are_two_events(stages: Stages) -> None:
    text = (
        "أعلنت وزارة الصحة أمس تسجيل إصابات جديدة بالحمى. "
        "وأعلنت وزارة الصحة اليوم افتتاح مستشفى ميداني في الجنوب."
    )
    g = union_graph(build_graph([process(dated(Document("d", text, "ar"), "2024-03-13"), stages)]))
    announcements = [
        e for e in g.subjects(RDF.type, KG.Event) if str(g.value(e, RDFS.label)).startswith("إعلان")
    ]
    assert len(announcements) == 2
    assert sorted(str(g.value(e, KG.date)) for e in announcements) == ["2024-03-12", "2024-03-13"]


def test_events_by_date_lists_what_happened_on_a_day(stages: Stages) -> None:
    text = "قال وزير الخارجية الأردني اليوم إن الحدود ستفتح. وزار الوزير أمس مخيم الزعتري."
    g = union_graph(build_graph([process(dated(Document("d", text, "ar"), "2024-03-13"), stages)]))
    rows = [(str(r["date"]), str(r["eventLabel"])) for r in query(g, read_query("events_by_date"))]
    assert ("2024-03-13", "تصريح وزير الخارجية الأردني") in rows
    assert any(day == "2024-03-12" and label.startswith("زيارة") for day, label in rows)
