"""Event identity: one event node per real event, within a document and across a corpus.

The articles are our own: the same meeting told three ways, one meeting of the same two
people in another city, and one in the same city a month later.
"""

from __future__ import annotations

import filecmp
import json
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from kg import build as build_texts
from kg.analytics import most_central, to_networkx
from kg.events import DATE_WINDOW_DAYS, EventSig, identity_triples
from kg.pipeline import Options, build, build_corpus
from kg.query import query, read_query
from kg.serialise import load
from kg.vocab import DEFAULT_BASE, KG

#: The same meeting in Riyadh, told three ways (a reception, a meeting two people held,
#: a clause of meeting), then the same two people in Cairo, and in Riyadh a month later.
ARTICLES = [
    (
        "riyadh-1",
        "2024-03-03",
        "استقبل وزير الخارجية السعودي فيصل بن فرحان نظيره الأمريكي أنتوني بلينكن في الرياض "
        "أمس وبحث الجانبان العلاقات الثنائية.",
    ),
    (
        "riyadh-2",
        "2024-03-04",
        "عقد أنتوني بلينكن وفيصل بن فرحان اجتماعا في الرياض تناول التعاون بين البلدين.",
    ),
    (
        "riyadh-3",
        "2024-03-02",
        "التقى وزير الخارجية الأمريكي أنتوني بلينكن نظيره السعودي فيصل بن فرحان في الرياض "
        "يوم السبت.",
    ),
    (
        "cairo",
        "2024-03-03",
        "التقى وزير الخارجية الأمريكي أنتوني بلينكن نظيره السعودي فيصل بن فرحان في القاهرة "
        "يوم الأحد.",
    ),
    (
        "riyadh-later",
        "2024-04-10",
        "عقد أنتوني بلينكن وفيصل بن فرحان اجتماعا في الرياض.",
    ),
]


def _doc_events(doc_id: str) -> str:
    return f"{DEFAULT_BASE}doc/{doc_id}/event/"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("events")
    with open(folder / "news.jsonl", "w", encoding="utf-8") as f:
        for doc_id, date, text in ARTICLES:
            f.write(json.dumps({"id": doc_id, "date": date, "text": text}, ensure_ascii=False))
            f.write("\n")
    return folder / "news.jsonl"


def _corpus_events(g: Graph) -> dict[str, set[str]]:
    """Corpus event -> the per-document event nodes it is reported as."""
    out: dict[str, set[str]] = {}
    for e in g.subjects(KG.reportedAs, None):
        out[str(e)] = {str(m) for m in g.objects(e, KG.reportedAs)}
    return out


def _check_one_meeting(events: dict[str, set[str]]) -> None:
    assert len(events) == 1, events
    (members,) = events.values()
    docs = sorted(m.split("/doc/")[1].split("/")[0] for m in members)
    assert docs == ["riyadh-1", "riyadh-2", "riyadh-3"]


def test_three_reports_of_one_meeting_are_one_event_in_out(corpus: Path, tmp_path: Path) -> None:
    build_corpus([corpus], tmp_path, Options(html=False))
    ds = load(tmp_path / "graph.trig")
    events = ds.graph(URIRef(f"{DEFAULT_BASE}events"))
    _check_one_meeting(_corpus_events(events))
    (event,) = _corpus_events(events)
    reported = sorted(str(d) for d in events.objects(URIRef(event), KG.reportedIn))
    assert reported == [f"{DEFAULT_BASE}doc/riyadh-{i}" for i in (1, 2, 3)]
    # the Cairo meeting and the later one stay events of their own documents
    g = load(tmp_path / "graph.ttl")
    cairo = [e for e in g.subjects(RDF.type, KG.Event) if str(e).startswith(_doc_events("cairo"))]
    assert cairo and not list(g.subjects(KG.reportedAs, cairo[0]))


def test_the_stored_query_lists_the_event_and_its_reports(corpus: Path, tmp_path: Path) -> None:
    build_corpus([corpus], tmp_path, Options(html=False))
    rows = list(query(load(tmp_path / "graph.trig"), read_query("reported_events")))
    assert [(int(r["documents"]), int(r["participants"])) for r in rows] == [(3, 2)]


def test_the_files_of_a_corpus_build_are_those_of_the_in_memory_build(
    corpus: Path, tmp_path: Path
) -> None:
    build_corpus([corpus], tmp_path / "corpus", Options(html=False))
    build([corpus], tmp_path / "memory", Options(html=False))
    for name in ("graph.ttl", "graph.trig"):
        assert filecmp.cmp(tmp_path / "corpus" / name, tmp_path / "memory" / name, shallow=False)


def test_three_reports_of_one_meeting_are_one_event_in_a_store(
    corpus: Path, tmp_path: Path
) -> None:
    build_corpus([corpus], None, Options(html=False), store_dir=tmp_path / "st")
    from kg.store_read import to_dataset

    ds = to_dataset(tmp_path / "st")
    _check_one_meeting(_corpus_events(ds.graph(URIRef(f"{DEFAULT_BASE}events"))))
    # a second build of the same store settles the same events, once
    build_corpus([corpus], None, Options(html=False), store_dir=tmp_path / "st")
    ds = to_dataset(tmp_path / "st")
    _check_one_meeting(_corpus_events(ds.graph(URIRef(f"{DEFAULT_BASE}events"))))
    # the in-memory build into a store too
    build([corpus], None, Options(html=False), store_dir=tmp_path / "st2")
    ds = to_dataset(tmp_path / "st2")
    _check_one_meeting(_corpus_events(ds.graph(URIRef(f"{DEFAULT_BASE}events"))))


def test_the_view_draws_one_node_for_the_event(corpus: Path, tmp_path: Path) -> None:
    build_corpus([corpus], tmp_path, Options(html=False))
    G = to_networkx(load(tmp_path / "graph.trig"))
    riyadh = [n for n in G if any(n.startswith(_doc_events(f"riyadh-{i}")) for i in (1, 2, 3))]
    assert riyadh == []
    corpus_events = [n for n in G if n.startswith(f"{DEFAULT_BASE}event/")]
    assert len(corpus_events) == 1
    assert corpus_events[0] in most_central(G, 3)


def _sig(
    doc: str, place: str = "P", date: str = "", parties: tuple[str, ...] = ("A", "B")
) -> EventSig:
    return EventSig(
        f"http://x/doc/{doc}/event/m",
        f"http://x/doc/{doc}",
        "meeting",
        frozenset(parties),
        place,
        date,
        "لقاء",
        "ar",
    )


def test_identity_does_not_depend_on_the_order_of_the_documents() -> None:
    sigs = [_sig("1"), _sig("2", place=""), _sig("3"), _sig("4", place="Q")]
    first = sorted(identity_triples(sigs, "http://x/"))
    assert first == sorted(identity_triples(sigs[::-1], "http://x/"))
    assert sorted(identity_triples(sigs[2:] + sigs[:2], "http://x/")) == first
    members = {str(o) for _, p, o in first if p == KG.reportedAs}
    assert members == {f"http://x/doc/{d}/event/m" for d in "123"}


def test_one_shared_participant_or_dates_too_far_apart_are_two_events() -> None:
    assert identity_triples([_sig("1"), _sig("2", parties=("A", "C"))], "http://x/") == []
    far = f"2024-03-{1 + DATE_WINDOW_DAYS + 1:02d}"
    assert identity_triples([_sig("1", date="2024-03-01"), _sig("2", date=far)], "http://x/") == []
    near = f"2024-03-{1 + DATE_WINDOW_DAYS:02d}"
    assert identity_triples([_sig("1", date="2024-03-01"), _sig("2", date=near)], "http://x/")


# -- within one document ---------------------------------------------------------------------


def _event_places(text: str) -> list[list[str]]:
    """The places of each event node of one document."""
    g = build_texts(texts=[text])._union()
    return sorted(
        sorted(str(g.value(p, RDFS.label)) for p in g.objects(e, KG.location))
        for e in g.subjects(RDF.type, KG.Event)
    )


def test_two_meetings_of_the_same_people_in_two_cities_are_two_events() -> None:
    text = (
        "عقد وزير الخارجية المصري سامح شكري اجتماعا مع نظيره الأردني أيمن الصفدي في عمان "
        "يوم الاثنين. وعقد شكري اجتماعا مع أيمن الصفدي في القاهرة يوم الخميس."
    )
    assert len(_event_places(text)) == 2, _event_places(text)


def test_a_meeting_told_of_again_without_a_place_stays_one_event() -> None:
    text = (
        "عقد وزير الخارجية المصري سامح شكري اجتماعا مع نظيره الأردني أيمن الصفدي في عمان. "
        "وقال شكري إن الاجتماع كان بناء."
    )
    assert len(_event_places(text)) == 1


def test_a_meeting_on_another_day_in_the_same_city_is_another_event() -> None:
    text = (
        "عقد رئيس الوزراء العراقي اجتماعا مع وفد من البنك الدولي في بغداد يوم الأحد. "
        "وعقد رئيس الوزراء العراقي اجتماعا مع الوفد في بغداد يوم الأربعاء."
    )
    assert len(_event_places(text)) == 2


def test_another_meeting_is_another_event() -> None:
    text = (
        "عقد وزير الخارجية المصري سامح شكري اجتماعا مع نظيره الأردني أيمن الصفدي. "
        "ثم عقد الوزيران اجتماعا آخر."
    )
    assert len(_event_places(text)) == 2


def test_one_shared_participant_is_enough_for_one_name_of_two_words() -> None:
    named = _sig("1", parties=("A", "B"))._replace(label="اجتماع التحالف الدولي")
    other = _sig("2", parties=("A", "C"))._replace(label="اجتماع التحالف الدولى")
    assert identity_triples([named, other], "http://x/")
    bare = [s._replace(label="الاجتماع") for s in (named, other)]
    assert identity_triples(bare, "http://x/") == []


# -- the events' own dates ----------------------------------------------------------------


def test_resolved_event_dates_are_compared_before_document_dates() -> None:
    # published the same day, but one meeting was on Sunday and the other on Wednesday
    sunday = _sig("1", date="2024-03-13")._replace(when=("2024-03-10", "2024-03-10"))
    wednesday = _sig("2", date="2024-03-13")._replace(when=("2024-03-13", "2024-03-13"))
    assert identity_triples([sunday, wednesday], "http://x/") == []
    # a report a day apart is the same meeting; so is one that gives only its document's date
    monday = wednesday._replace(when=("2024-03-11", "2024-03-11"))
    assert identity_triples([sunday, monday], "http://x/")
    assert identity_triples([sunday, _sig("2", date="2024-03-13")], "http://x/")


def test_two_meetings_told_on_one_day_with_their_own_days_stay_two() -> None:
    texts = [
        "التقى وزير الخارجية الأمريكي أنتوني بلينكن نظيره السعودي فيصل بن فرحان في الرياض "
        "يوم الأحد.",
        "التقى وزير الخارجية الأمريكي أنتوني بلينكن نظيره السعودي فيصل بن فرحان في الرياض "
        "اليوم الأربعاء.",
    ]
    g = build_texts(texts=texts, date="2024-03-13")._union()
    assert not list(g.subjects(KG.reportedAs, None))
    # the same meeting told twice is one, dated alike
    g = build_texts(texts=[texts[0], texts[0].replace("التقى", "واجتمع")], date="2024-03-13")
    assert len(set(g._union().subjects(KG.reportedAs, None))) == 1


# -- a store keeps its events right as documents arrive -----------------------------------


def _events_in(store: object) -> set[tuple[str, str, str]]:
    """The events graph of a store being written: (subject, predicate, object value)."""
    import pyoxigraph as ox

    from kg.events import events_graph

    graph = ox.NamedNode(str(events_graph(DEFAULT_BASE)))
    quads = store._rdf.quads_for_pattern(None, None, None, graph)  # type: ignore[attr-defined]
    return {(q.subject.value, q.predicate.value, q.object.value) for q in quads}


def _settled(store: object) -> set[tuple[str, str, str]]:
    """The events graph a settle of the whole store would write."""
    from kg.store_events import _signatures

    by_doc = _signatures(store._rdf)  # type: ignore[attr-defined]
    sigs = [s for doc_sigs in by_doc.values() for s in doc_sigs]
    return {(str(s), str(p), str(o)) for s, p, o in identity_triples(sigs, DEFAULT_BASE)}


def test_a_store_keeps_its_events_right_as_documents_arrive(tmp_path: Path) -> None:
    from kg.dates import dated
    from kg.model import Document
    from kg.pipeline import Stages, process
    from kg.store import GraphStore

    stages = Stages.from_options(Options(html=False))
    results = {
        i: process(dated(Document(i, t, "ar", meta=(("date", d),))), stages) for i, d, t in ARTICLES
    }
    steps = [("put", "riyadh-1", 0), ("put", "riyadh-2", 1), ("put", "cairo", 1)]
    steps += [("put", "riyadh-3", 1), ("put", "riyadh-later", 1), ("remove", "riyadh-2", 1)]
    steps += [("remove", "riyadh-1", 0), ("put", "riyadh-1", 1)]
    with GraphStore(tmp_path / "st") as st:
        for op, doc, events in steps:
            if op == "put":
                st.put(results[doc])
            else:
                st.remove(doc)
            now = _events_in(st)
            assert len({s for s, p, _ in now if p == str(KG.reportedAs)}) == events, (op, doc)
            assert now == _settled(st), (op, doc)
        before = _events_in(st)
        st.settle_events()
        assert _events_in(st) == before


def _event_count(text: str, date: str) -> int:
    from kg.analyse.rules import RulesAnalyser
    from kg.extract.ud import extract
    from kg.model import Document

    doc = Document("d", text, "ar", meta=(("date", date),))
    return sum(e.cls == "Event" for e in extract(RulesAnalyser().analyse(doc)).entities)


def test_an_attack_of_an_earlier_year_is_another_event() -> None:
    text = (
        "قتل تسعة أشخاص في هجوم استهدف سوقا في مدينة كويتا. وكان شقيقه قد قتل في هجوم "
        "انتحاري أيضا استهدف مسجدا في المدينة في شهر مارس عام 2015، وتبنت الهجوم حركة طالبان."
    )
    assert _event_count(text, "2019-05-02") == 2


def test_an_attack_dated_in_the_article_year_stays_the_attack_told_of() -> None:
    text = (
        "قتل تسعة أشخاص في هجوم استهدف سوقا في مدينة كويتا في مايو 2019. وتبنت الهجوم حركة طالبان."
    )
    assert _event_count(text, "2019-05-02") == 1
