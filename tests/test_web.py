"""Main-text extraction from news pages (kg.web): on 24 Arabic pages written in the
layouts of news sites (tests/news_pages.py), the body is kept, the boilerplate dropped,
the metadata read, and it reaches the graph; no fact comes from the boilerplate."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from news_pages import COMMENTS, MOST_READ, READ_ALSO, Page, pages
from rdflib import Literal, URIRef
from rdflib.namespace import SDO, XSD

from kg import shapes
from kg.analytics import format_hop, shortest_path, to_networkx
from kg.graph import union_graph
from kg.model import Document
from kg.pipeline import Options, build
from kg.query import query, read_query
from kg.read import read
from kg.view import render_html
from kg.web import extract

PAGES = pages()

#: Names only the boilerplate has (read also, most read, captions, comments).
BOILERPLATE_NAMES = (
    "ترامب", "الرياض", "بوتين", "أردوغان", "نتنياهو", "إيران", "ماكرون", "بروكسل",
    "بايدن", "طوكيو", "زيلينسكي", "جدة", "الدوحة", "دبي", "موسكو", "إسطنبول", "الكنيست",
)  # fmt: skip


def _scores(page: Page, text: str) -> tuple[int, int]:
    """Body characters kept, boilerplate characters kept (of what is not body)."""
    rest, kept = text, 0
    for b in page.body:
        if b in rest:
            kept += len(b)
            rest = rest.replace(b, "")
    return kept, sum(len(b) for b in page.boilerplate if b in rest)


def test_the_pages_are_many_and_varied() -> None:
    assert len(PAGES) >= 20
    assert len({p.html for p in PAGES}) == len(PAGES)
    assert all(name not in " ".join(p.body) for p in PAGES for name in BOILERPLATE_NAMES)
    assert all(any(r in p.html for r in (*READ_ALSO, *MOST_READ, *COMMENTS)) for p in PAGES)


def test_main_text_keeps_the_body_and_drops_the_boilerplate() -> None:
    body = boiler = body_kept = boiler_kept = 0
    for page in PAGES:
        got = extract(page.html)
        kept, junk = _scores(page, got.text)
        body += sum(map(len, page.body))
        boiler += sum(map(len, page.boilerplate))
        body_kept += kept
        boiler_kept += junk
        assert kept / sum(map(len, page.body)) >= 0.95, page.name
        assert got.text.split("\n")[0] == page.headline, page.name
    assert body_kept / body >= 0.95
    assert boiler_kept / boiler < 0.02


def test_metadata_of_every_page() -> None:
    for page in PAGES:
        got = extract(page.html)
        assert (got.headline, got.date, got.author, got.site, got.url) == (
            page.headline,
            page.date,
            page.author,
            page.site,
            page.url,
        ), page.name
        assert got.lang == "ar"


def test_short_and_empty_pages() -> None:
    short = extract("<html><body><div>قال الوزير إن الاجتماع ناجح.</div></body></html>")
    assert short.text == "قال الوزير إن الاجتماع ناجح."
    assert extract("<html><head><script>x()</script></head><body></body></html>").text == ""
    assert extract("not html at all: قال الوزير").text.endswith("قال الوزير")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("pages")
    for page in PAGES:
        (d / page.name).write_text(page.html, encoding="utf-8")
    return d


def test_a_folder_of_saved_pages_reads_as_documents_with_metadata(folder: Path) -> None:
    docs = [d for d in read([folder]) if isinstance(d, Document)]
    assert len(docs) == len(PAGES)
    for doc, page in zip(docs, PAGES, strict=True):
        meta = dict(doc.meta)
        assert meta["headline"] == page.headline and meta["url"] == page.url
        assert meta["publisher"] == page.site and meta["date"] == page.date
        assert not any(name in doc.text for name in BOILERPLATE_NAMES)


def test_metadata_in_the_graph_and_no_fact_from_boilerplate(folder: Path, tmp_path: Path) -> None:
    few = [folder / p.name for p in PAGES[:3]]
    summary, ds = build(few, None, Options(analyser="rules", linker="none", html=False))
    assert summary.documents == 3 and summary.facts > 0
    g = union_graph(ds)
    page = PAGES[0]
    doc = next(g.subjects(SDO.url, URIRef(page.url)))
    assert g.value(doc, SDO.headline) == Literal(page.headline)
    assert g.value(doc, SDO.datePublished) == Literal(page.date, datatype=XSD.date)
    assert g.value(doc, SDO.author) == Literal(page.author)
    assert g.value(doc, SDO.publisher) == Literal(page.site)
    assert g.value(doc, SDO.inLanguage) == Literal("ar")
    texts = " ".join(str(o) for o in g.objects() if isinstance(o, Literal))
    assert not [n for n in BOILERPLATE_NAMES if re.search(n, texts)]
    conforms, report = shapes.validate(g)
    assert conforms, report
    rows = list(query(ds, read_query("documents")))
    assert [(str(r["date"]), str(r["outlet"]), str(r["headline"])) for r in rows] == [
        (p.date, p.site, p.headline) for p in sorted(PAGES[:3], key=lambda p: p.date)
    ]
    assert all(int(r["facts"]) > 0 for r in rows)
    # kg path and the HTML view show each fact's publication
    G = to_networkx(g)
    cited = [src for _, _, d in G.edges(data=True) for src in d.get("sources", ())]
    assert f"{page.headline} — {page.site}, {page.date} <{page.url}>" in cited
    u, v, d = next((u, v, d) for u, v, d in G.edges(data=True) if d.get("sources"))
    [hop] = shortest_path(G, u, v)
    assert format_hop(hop).endswith(f"— {hop.source}") and hop.source in d["sources"]
    html = render_html(g, tmp_path / "g.html").read_text(encoding="utf-8")
    assert '"src":' in html and page.url in html


AR = "قال وزير الخارجية إن الاجتماع الذي عقد في القاهرة كان ناجحا وإن البلدين اتفقا على التعاون."


@pytest.mark.parametrize(
    ("data", "content_type", "note"),
    [
        (AR.encode(), "", ""),
        (AR.encode(), "text/html; charset=utf-8", ""),
        (AR.encode("cp1256"), "", "windows-1256"),
        (AR.encode("cp1256"), "text/html; charset=windows-1256", "windows-1256 (declared by HTTP)"),
        (
            f"<meta charset='windows-1256'><p>{AR}</p>".encode("cp1256"),
            "",
            "windows-1256 (declared by the page)",
        ),
        # HTTP wins over the page; a declaration the bytes belie is not believed
        (f"<meta charset='utf-8'><p>{AR}</p>".encode("cp1256"), "", "windows-1256"),
        (AR.encode("cp1256"), "text/html; charset=utf-8", "windows-1256"),
        (
            AR.encode("cp1256"),
            "text/html; charset=iso-8859-1",
            "windows-1256 (declared iso-8859-1 by HTTP)",
        ),
        (AR.encode("iso8859_6"), "text/html; charset=iso-8859-6", "iso-8859-6 (declared by HTTP)"),
    ],
)
def test_one_encoding_decision(data: bytes, content_type: str, note: str) -> None:
    from kg.read import decode

    text, why = decode(data, content_type)
    assert why == note and text is not None and AR in text


def test_a_saved_page_in_windows_1256(tmp_path: Path) -> None:
    page = PAGES[1]
    markup = page.html.replace('<meta charset="utf-8">', '<meta charset="windows-1256">')
    (tmp_path / "p.html").write_bytes(markup.encode("cp1256", "replace"))
    [doc] = read([tmp_path])
    assert isinstance(doc, Document) and page.body[0] in doc.text
    assert dict(doc.meta)["encoding"] == "windows-1256 (declared by the page)"
