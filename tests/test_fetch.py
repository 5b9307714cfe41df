"""Reading URLs (kg.fetch) against a local server (tests/web_server.py): every URL gets an
outcome, robots.txt is obeyed, bad answers are refused, and a second run sends no request."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from news_pages import pages
from web_server import Server, serve

from kg.fetch import Fetcher, WebOptions, documents
from kg.model import Document, Problem
from kg.pipeline import Options, build_corpus

PAGES = pages()


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with serve() as s:
        yield s


def _options(tmp: Path, **kw: object) -> WebOptions:
    base: dict[str, object] = {
        "cache_dir": str(tmp / "cache"),
        "delay": 0.0,
        "timeout": 0.5,
        "retries": 1,
        "backoff": 0.01,
        "max_bytes": 1 << 20,
    }
    base.update(kw)
    return WebOptions(**base)  # type: ignore[arg-type]


CASES = {
    "/news/0.html": "fetched",
    "/moved": "fetched",
    "/private/secret.html": "refused by robots.txt",
    "/missing.html": "HTTP 404",
    "/data.json": "not HTML (application/json)",
    "/big.html": "too big",
    "/bomb.html": "too big",
    "/endless.html": "endless page",
    "/loop1": "redirect loop",
    "/sneaky": "refused by robots.txt",
    "/far": "too many redirects",
    "/flaky.html": "fetched",
    "/cp1256.html": "fetched",
}


def _outcome(item: Document | Problem) -> str:
    return dict(item.meta)["fetch"] if isinstance(item, Document) else item.reason


def test_every_url_gets_an_outcome(server: Server, tmp_path: Path) -> None:
    fetcher = Fetcher(_options(tmp_path))
    urls = [server.base + p for p in CASES]
    got = dict(zip(CASES, documents(urls, fetcher), strict=True))
    for path, want in CASES.items():
        assert _outcome(got[path]).startswith(want), (path, got[path])
    doc = got["/news/0.html"]
    assert isinstance(doc, Document)
    assert dict(doc.meta)["url"] == PAGES[0].url and doc.id == doc.source.split("://")[1]
    assert PAGES[0].body[0] in doc.text and "ترامب" not in doc.text
    moved = got["/moved"]
    assert isinstance(moved, Document) and moved.text == doc.text
    cp = got["/cp1256.html"]
    assert isinstance(cp, Document) and PAGES[4].body[0] in cp.text
    assert dict(cp.meta)["encoding"] == "windows-1256 (declared by HTTP)"
    assert server.hits["/robots.txt"] == 1 and server.hits["/private/secret.html"] == 0
    assert server.hits["/flaky.html"] == 2  # a 503, then the page
    assert (
        server.agents == {fetcher.options.user_agent} and "kg-builder" in fetcher.options.user_agent
    )
    fetcher.close()

    # a second run sends no request: everything comes from the cache
    before = server.requests
    again = Fetcher(_options(tmp_path))
    second = dict(zip(CASES, documents(urls, again), strict=True))
    again.close()
    assert server.requests == before
    assert _outcome(second["/news/0.html"]) == "cached"
    assert _outcome(second["/moved"]) == "cached"
    assert _outcome(second["/missing.html"]) == "HTTP 404"
    assert _outcome(second["/private/secret.html"]) == "refused by robots.txt"

    # --refresh asks again, conditionally; --offline asks nothing
    fresh = Fetcher(_options(tmp_path, refresh=True))
    [item] = documents([server.base + "/news/1.html"], fresh)  # not cached yet
    [item] = documents([server.base + "/news/0.html"], fresh)
    fresh.close()
    assert _outcome(item) == "not modified"
    before = server.requests
    offline = Fetcher(_options(tmp_path, offline=True))
    got_off = list(documents([server.base + "/news/0.html", server.base + "/news/2.html"], offline))
    offline.close()
    assert [_outcome(i) for i in got_off] == ["cached", "not in the cache (--offline)"]
    assert server.requests == before


def test_a_delay_between_two_requests_to_a_host(server: Server, tmp_path: Path) -> None:
    fetcher = Fetcher(_options(tmp_path, delay=0.4))
    t0 = time.monotonic()
    list(documents([server.base + "/news/1.html", server.base + "/news/2.html"], fetcher))
    fetcher.close()
    assert time.monotonic() - t0 >= 0.8  # robots.txt, then two pages, 0.4 s apart


def test_a_url_list_build_reports_every_url_and_a_rerun_fetches_nothing(
    server: Server, tmp_path: Path
) -> None:
    urls = [
        server.base + p
        for p in ("/news/0.html", "/news/1.html", "/missing.html", "/private/secret.html")
    ]
    web = _options(tmp_path, urls=tuple(urls))
    options = Options(analyser="rules", linker="none", html=False, web=web)

    def run(name: str) -> dict[str, dict[str, str]]:
        report = tmp_path / f"{name}.jsonl"
        summary = build_corpus([], tmp_path / name, options, report=report)
        assert summary.documents == 2
        rows = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
        return {r["source"]: r for r in rows}

    first = run("first")
    assert set(first) == set(urls)
    assert first[urls[0]]["outcome"] == "built" and "fetched" in first[urls[0]]["reason"]
    assert first[urls[2]]["outcome"] == "skipped" and first[urls[2]]["reason"] == "HTTP 404"
    assert first[urls[3]]["reason"] == "refused by robots.txt"
    before = server.requests
    second = run("second")
    assert server.requests == before
    assert "cached" in second[urls[0]]["reason"]
    ttl = (tmp_path / "second" / "graph.ttl").read_text(encoding="utf-8")
    assert PAGES[0].url in ttl and PAGES[0].headline in ttl


def test_a_crawl_delay_in_robots_txt_is_obeyed(tmp_path: Path) -> None:
    from urllib.robotparser import RobotFileParser

    fetcher = Fetcher(_options(tmp_path, delay=0.0))
    rp = RobotFileParser()
    rp.parse(["User-agent: *", "Crawl-delay: 1"])
    fetcher._robots["http://slow.example"] = rp
    t0 = time.monotonic()
    fetcher._wait("http://slow.example/a")
    fetcher._wait("http://slow.example/b")
    fetcher._wait("http://other.example/c")  # another host: no wait
    assert 1.0 <= time.monotonic() - t0 < 1.5
