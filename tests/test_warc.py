"""WARC files (kg.warc): the HTML pages of a web archive become documents with their
metadata; other records are passed over; a bad archive is a Problem, not a crash."""

from __future__ import annotations

import io
from pathlib import Path

from news_pages import pages
from rdflib import URIRef
from rdflib.namespace import SDO
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kg.graph import union_graph
from kg.model import Document, Problem
from kg.pipeline import Options, build
from kg.read import read

PAGES = pages()


def write_warc(path: Path) -> list[str]:
    """A gzipped WARC of three pages (one in Windows-1256), an image, a 404 and a
    request record; returns the page URIs."""
    uris = []
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=str(path).endswith(".gz"))

        def response(uri: str, status: str, ctype: str, body: bytes) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(
                w.create_warc_record(
                    uri, "response", payload=io.BytesIO(body), http_headers=headers
                )
            )

        w.write_record(
            w.create_warc_record(
                "https://a.example/", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            )
        )
        for i in range(2):
            uris.append(f"https://aljazeera.example/news/{i}")
            response(uris[-1], "200 OK", "text/html; charset=utf-8", PAGES[i].html.encode())
        response("https://a.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n")
        response("https://a.example/gone", "404 Not Found", "text/html", b"<html>gone</html>")
        uris.append("https://aawsat.example/news/3")
        markup = PAGES[3].html.replace('<meta charset="utf-8">', "")
        response(
            uris[-1],
            "200 OK",
            "text/html; charset=windows-1256",
            markup.encode("cp1256", "replace"),
        )
    return uris


def test_the_pages_of_a_warc(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    uris = write_warc(warc)
    items = list(read([tmp_path]))
    docs = [d for d in items if isinstance(d, Document)]
    problems = [p for p in items if isinstance(p, Problem)]
    assert [d.source for d in docs] == [f"{warc}#{u}" for u in uris]
    assert [p.reason for p in problems] == ["HTTP 404 (in the archive)"]
    for doc, page in zip(docs, (PAGES[0], PAGES[1], PAGES[3]), strict=True):
        assert page.body[0] in doc.text and "ترامب" not in doc.text
        meta = dict(doc.meta)
        assert meta["headline"] == page.headline and meta["fetch"] == "from a WARC file"
    assert dict(docs[2].meta)["encoding"] == "windows-1256 (declared by HTTP)"
    assert docs[0].id == "aljazeera.example/news/0"


def test_a_warc_build_writes_the_metadata(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc"  # not gzipped
    write_warc(warc)
    summary, ds = build([warc], None, Options(analyser="rules", linker="none", html=False))
    assert summary.documents == 3
    g = union_graph(ds)
    # the canonical URL of the page wins over the archive's URI
    assert set(g.subjects(SDO.url, URIRef(PAGES[0].url)))


def test_a_file_that_is_not_a_warc(tmp_path: Path) -> None:
    (tmp_path / "bad.warc.gz").write_bytes(b"\x1f\x8b not really gzip")
    (tmp_path / "empty.warc").write_bytes(b"")
    reasons = sorted(p.reason for p in read([tmp_path]) if isinstance(p, Problem))
    assert len(reasons) == 2 and all("WARC" in r for r in reasons), reasons
