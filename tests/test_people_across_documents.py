"""One node per person across documents: the same unlinked person spelt three ways in three
documents is one node, in a ``--out`` build and in a ``--store`` built document by document;
a surname alone joins the full name in its document; different people stay apart."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF, RDFS

from kg.cli import main
from kg.graph import union_graph
from kg.store_read import to_dataset
from kg.vocab import KG

# Sentences of our own; the UN spokesman's surname in three spellings (ج, غ, and without ي).
DOCS = {
    "a.txt": "قال المتحدث باسم الأمين العام ستيفان دوجاريك إن المنظمة تتابع الوضع في السودان.",
    "b.txt": "أكد ستيفان دوغاريك أن الأمم المتحدة سترسل مساعدات إلى غزة. وأضاف دوغاريك أن القوافل جاهزة.",
    "c.txt": "دعا ستيفان دوجارك الأطراف إلى وقف القتال في الفاشر.",
    "d.txt": "التقى محمود عباس وفدا أوروبيا في رام الله. وقال محمد عباس إن الوفد وصل أمس.",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return _write(tmp_path / "in", DOCS)


def _people(g: Graph) -> list[str]:
    """The Person nodes of a graph."""
    return sorted({str(p) for p in g.subjects(RDF.type, KG.Person)})


def _documents_of(ds: Dataset, iri: str) -> set[str]:
    node = URIRef(iri)
    return {
        str(ctx.identifier).rsplit("/", 1)[-1]
        for ctx in ds.graphs()
        if (node, None, None) in ctx or (None, None, node) in ctx
    }


def _check(ds: Dataset) -> None:
    people = [p for p in _people(union_graph(ds)) if "/Person/" in p]
    spokesman = [p for p in people if "دوجارك" in unquote(p)]
    assert len(spokesman) == 1, people
    assert {"a", "b", "c"} <= {d.split(".")[0] for d in _documents_of(ds, spokesman[0])}
    # two different people, one letter apart, are two nodes (محمود عباس may be linked to
    # Wikidata, so his node is found by its label)
    g = union_graph(ds)
    abbas = [
        p
        for p in _people(g)
        if any("عباس" in str(label) for label in g.objects(URIRef(p), RDFS.label))
    ]
    assert len(abbas) == 2, abbas


def _build(*args: str) -> None:
    """``kg build`` with the offline analyser, which must succeed."""
    r = CliRunner().invoke(main, ["build", *args, "--analyser", "rules", "-q"])
    assert r.exit_code == 0, r.output


def _built(src: Path, out: Path) -> Dataset:
    """The dataset a ``--out`` build of ``src`` writes."""
    _build(str(src), "--out", str(out), "--no-html")
    ds = Dataset()
    ds.parse(out / "graph.trig", format="trig")
    return ds


def _write(src: Path, docs: dict[str, str]) -> Path:
    src.mkdir()
    for name, text in docs.items():
        (src / name).write_text(text, encoding="utf-8")
    return src


def test_one_node_per_person_in_an_out_build(corpus: Path, tmp_path: Path) -> None:
    _check(_built(corpus, tmp_path / "out"))


def test_one_node_per_person_in_a_store_built_document_by_document(
    corpus: Path, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    for f in sorted(corpus.iterdir()):
        _build(str(f), "--store", str(store))
    _check(to_dataset(store))


def test_the_node_and_its_label_do_not_depend_on_the_order_of_the_documents(
    corpus: Path, tmp_path: Path
) -> None:
    """The IRI is made from the name's key, the same in any document, so a store that
    receives the documents in the opposite order has the same node; its label is the
    spelling the documents vote for, not the key."""
    found = []
    for order in (sorted, lambda files: sorted(files, reverse=True)):
        store = tmp_path / f"store{len(found)}"
        for f in order(corpus.iterdir()):
            _build(str(f), "--store", str(store))
        g = union_graph(to_dataset(store))
        spokesman = [p for p in _people(g) if "دوجارك" in unquote(p)]
        assert len(spokesman) == 1, _people(g)
        labels = {str(label) for label in g.objects(URIRef(spokesman[0]), RDFS.label)}
        found.append((spokesman[0], labels))
    assert found[0] == found[1]
    assert len(found[0][1]) == 1 and found[0][1] <= {
        "ستيفان دوجاريك",
        "ستيفان دوغاريك",
        "ستيفان دوجارك",
    }


def test_a_surname_alone_joins_the_full_name_in_its_document(tmp_path: Path) -> None:
    from kg.graph import build_graph
    from kg.model import Document
    from kg.pipeline import Options, Stages, process

    stages = Stages.from_options(Options(analyser="rules", linker="gazetteer"))
    result = process(Document("b", DOCS["b.txt"], "ar"), stages)
    people = [p for p in union_graph(build_graph([result])).subjects(RDF.type, KG.Person)]
    assert [unquote(str(p)).rsplit("/", 1)[-1] for p in people] == ["ستفان_دوجارك"]


def _entities(text: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    from kg.model import Document
    from kg.pipeline import Options, Stages, process

    stages = Stages.from_options(Options(analyser="rules", linker="gazetteer"))
    result = process(Document("x", text, "ar"), stages)
    return {e.label: (e.cls, e.mentions) for e in result.extraction.entities}


def test_a_surname_written_before_the_full_name_joins_it() -> None:
    ents = _entities("قال دوغاريك إن القوافل جاهزة. وأكد ستيفان دوغاريك أن الطريق مفتوح.")
    assert "دوغاريك" not in ents
    assert ents["ستيفان دوغاريك"][0] == "Person"
    assert len(ents["ستيفان دوغاريك"][1]) == 2


def test_a_surname_two_people_share_joins_neither() -> None:
    ents = _entities(
        "قال دوغاريك إن القوافل جاهزة. وأكد ستيفان دوغاريك أن الطريق مفتوح."
        " وقال توماس دوغاريك إن المعبر مغلق."
    )
    assert "دوغاريك" in ents
    assert len(ents["ستيفان دوغاريك"][1]) == len(ents["توماس دوغاريك"][1]) == 1


# Sentences of our own: a minister linked after his title in one article and named without
# it in another (the linker leaves that one unlinked), and a name two people would share.
LINKED_ONCE = {
    "a.txt": "قال وزير الخارجية البريطاني دومينيك راب إن المحادثات مفيدة.",
    "b.txt": "قال دومينيك راب إن الوفد سيصل غدا.",
    "c.txt": "أكد دومينيك راب أن الاتفاق قريب.",
}


def _same_as(ds: Dataset) -> dict[str, set[str]]:
    from rdflib.namespace import OWL

    out: dict[str, set[str]] = {}
    for s, o in union_graph(ds).subject_objects(OWL.sameAs):
        out.setdefault(unquote(str(s)).rsplit("/", 1)[-1], set()).add(str(o).rsplit("/", 1)[-1])
    return out


def test_an_unlinked_person_joins_the_one_qid_his_name_has_in_another_document(
    tmp_path: Path,
) -> None:
    """The node of «دومينيك راب» named without his title (b, c) is owl:sameAs the item
    his titled mention (a) was linked to, in a ``--out`` build and in ``build_graph``,
    which write the same bytes."""
    from kg.graph import build_graph
    from kg.model import Document
    from kg.pipeline import Options, Stages, process

    src = _write(tmp_path / "in", LINKED_ONCE)
    same = _same_as(_built(src, tmp_path / "out"))
    assert same["دومينيك_راب"] == same["Q268584"] == {"Q268584"}, same
    stages = Stages.from_options(Options(analyser="rules", linker="gazetteer"))
    results = [process(Document(n, t, "ar"), stages) for n, t in LINKED_ONCE.items()]
    assert _same_as(build_graph(results)) == same
    # one document alone has nothing to join
    assert "دومينيك_راب" not in _same_as(build_graph(results[1:]))


def test_a_name_two_items_share_joins_neither() -> None:
    from kg.identity import PersonSig, same_person_triples

    sigs = [
        PersonSig("http://x/entity/Q1", "k", "Q1"),
        PersonSig("http://x/entity/Q2", "k", "Q2"),
        PersonSig("http://x/Person/k", "k", ""),
    ]
    assert same_person_triples(sigs) == []
    assert len(same_person_triples(sigs[::2])) == 1


def test_a_store_filled_one_document_at_a_time_joins_like_a_build(tmp_path: Path) -> None:
    """``kg build FILE --store`` document by document gives the unlinked «دومينيك راب» the
    owl:sameAs a ``--out`` build of the same documents gives (kg.store_people), in a real
    Oxigraph store; removing the titled document takes the link away, putting it back
    restores it."""
    from kg.store import GraphStore

    src = _write(tmp_path / "in", LINKED_ONCE)
    store = tmp_path / "store"
    for name in ("b.txt", "a.txt", "c.txt"):  # the linked document is not the first
        _build(str(src / name), "--store", str(store))
    built = _built(src, tmp_path / "out")
    stored = _same_as(to_dataset(store))
    assert stored["دومينيك_راب"] == {"Q268584"}
    assert stored == _same_as(built)
    with GraphStore(store) as st:
        (doc_a,) = [d for d in st.documents() if d.startswith("a")]
        assert st.remove(doc_a)
    assert "دومينيك_راب" not in _same_as(to_dataset(store))
    _build(str(src / "a.txt"), "--store", str(store))
    assert _same_as(to_dataset(store)) == stored


def test_a_surname_with_and_without_its_article_is_one_key() -> None:
    """«سامي الخطيب» and «سامي خطيب» (a name of our own, in no gazetteer) are one node;
    a compound after عبد keeps its article."""
    from kg.link.gazetteer import person_key

    assert person_key("سامي الخطيب") == person_key("سامي خطيب")
    assert person_key("عبد الرحمن الخطيب") != person_key("عبد رحمن الخطيب")
