"""WARC files (kg.warc): the HTML pages of a web archive become documents with their
metadata; other records are passed over; a bad archive is a Problem, not a crash. A WARC
fetched by URL from a local server (tests/web_server.py) reads the same, once."""

from __future__ import annotations

import io
import json
from pathlib import Path

from click.testing import CliRunner
from news_pages import pages
from rdflib import URIRef
from rdflib.namespace import SDO
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter
from web_server import serve, static

from kg.cli import main
from kg.fetch import WebOptions
from kg.graph import union_graph
from kg.model import Document, Problem
from kg.pipeline import Options, build, build_corpus
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


def _rows(report: Path) -> dict[str, tuple[str, str]]:
    rows = [json.loads(x) for x in report.read_text("utf-8").splitlines()]
    return {row["source"]: (row["outcome"], row["reason"]) for row in rows}


def test_a_warc_fetched_by_url_once(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    uris = write_warc(warc)
    with serve() as server:
        # by its path (a .warc.gz served as gzip), and by its Content-Type
        server.routes["/crawl.warc.gz"] = static(warc.read_bytes(), "application/gzip")
        server.routes["/archive"] = static(warc.read_bytes(), "application/warc")
        by_path, by_type = server.base + "/crawl.warc.gz", server.base + "/archive"
        urls = tmp_path / "urls.txt"
        urls.write_text(f"{by_path}\n", encoding="utf-8")
        args = [
            "build", "--urls", str(urls), "--cache", str(tmp_path / "cache"), "--delay", "0",
            "--analyser", "rules", "--linker", "none", "--no-html", "-q",
        ]  # fmt: skip
        for run in ("first", "second"):
            report = tmp_path / f"{run}.jsonl"
            out = ["--out", str(tmp_path / run), "--report", str(report)]
            r = CliRunner().invoke(main, [*args, *out])
            assert r.exit_code == 0, r.output
            rows = _rows(report)
            how = "fetched" if run == "first" else "cached"
            for uri in uris:
                outcome, reason = rows[f"{by_path}#{uri}"]
                assert outcome == "built" and f"from a WARC ({how})" in reason, reason
            assert rows[f"{by_path}#https://a.example/gone"][1] == "HTTP 404 (in the archive)"
            if run == "first":
                before = server.requests
        assert server.requests == before  # the rerun came from the cache
        assert server.hits["/crawl.warc.gz"] == 1
        ttl = (tmp_path / "second" / "graph.ttl").read_text(encoding="utf-8")
        assert PAGES[0].headline in ttl
        web = WebOptions(urls=(by_type,), cache_dir=str(tmp_path / "cache"), delay=0.0)
        options = Options(analyser="rules", linker="none", html=False, web=web)
        summary = build_corpus([], tmp_path / "typed", options)
        assert summary.documents == 3


def test_a_warc_by_url_refused_too_big_by_robots_or_unreadable(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc"
    write_warc(warc)
    with serve() as server:
        server.routes["/crawl.warc"] = static(warc.read_bytes(), "application/warc")
        server.routes["/private/crawl.warc"] = static(warc.read_bytes(), "application/warc")
        server.routes["/bad.warc.gz"] = static(b"\x1f\x8b not a WARC", "application/gzip")
        big, private, bad = (
            server.base + p for p in ("/crawl.warc", "/private/crawl.warc", "/bad.warc.gz")
        )
        web = WebOptions(urls=(big, private, bad), cache_dir=str(tmp_path / "cache"),
                         delay=0.0, max_warc_bytes=1000)  # fmt: skip
        options = Options(analyser="rules", linker="none", html=False, web=web)
        report = tmp_path / "report.jsonl"
        summary = build_corpus([], tmp_path / "out", options, report=report)
        assert summary.documents == 0
        rows = _rows(report)
        outcome, reason = rows[big]
        assert outcome == "skipped" and reason.startswith("too big (") and "over 1,000" in reason
        assert rows[private] == ("skipped", "refused by robots.txt")
        assert rows[bad][1].startswith("not a readable WARC file")
        assert server.hits["/crawl.warc"] == 1 and server.hits["/private/crawl.warc"] == 0
        build_corpus([], tmp_path / "again", options, report=report)
        assert server.hits["/crawl.warc"] == 1  # a refused WARC is not asked for again
