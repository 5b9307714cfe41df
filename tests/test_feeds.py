"""RSS/Atom feeds and sitemaps (kg.feeds) against the local server: their articles are
fetched, each once; a feed can be a URL, a file, or a file listing feeds; the CLI reads
them and reports every URL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from web_server import Server, serve

from kg.cli import main
from kg.feeds import article_urls
from kg.fetch import Fetcher, WebOptions
from kg.model import Problem


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with serve() as s:
        yield s


def _fetcher(tmp: Path) -> Fetcher:
    return Fetcher(WebOptions(cache_dir=str(tmp / "cache"), delay=0.0, timeout=2.0, retries=0))


def test_feeds_and_sitemaps_give_their_articles_once(server: Server, tmp_path: Path) -> None:
    b = server.base
    feeds = [f"{b}/rss.xml", f"{b}/atom.xml"]
    got = list(article_urls(feeds, [f"{b}/sitemap.xml"], _fetcher(tmp_path)))
    assert got == [f"{b}/news/{i}.html" for i in range(3)]


def test_a_feed_file_and_a_file_of_feeds(server: Server, tmp_path: Path) -> None:
    b = server.base
    rss = tmp_path / "saved.xml"
    rss.write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><link>{b}/news/1.html</link></item></channel></rss>',
        encoding="utf-8",
    )
    listing = tmp_path / "feeds.txt"
    listing.write_text(f"# my feeds\n{b}/atom.xml\n\n{b}/missing.html\n", encoding="utf-8")
    got = list(article_urls([str(rss), str(listing)], [], _fetcher(tmp_path)))
    assert got[:2] == [f"{b}/news/1.html", f"{b}/news/2.html"]
    [problem] = got[2:]
    assert isinstance(problem, Problem) and problem.reason == "HTTP 404"


def test_what_is_not_a_feed_or_a_sitemap(server: Server, tmp_path: Path) -> None:
    b = server.base
    got = list(article_urls([f"{b}/news/0.html"], [f"{b}/rss.xml"], _fetcher(tmp_path)))
    assert [type(x).__name__ for x in got] == ["Problem", "Problem"]
    assert "feed" in got[0].reason and "sitemap" in got[1].reason  # type: ignore[union-attr]


def test_the_cli_reads_a_feed_and_a_url_list(server: Server, tmp_path: Path) -> None:
    b = server.base
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{b}/news/0.html\n{b}/missing.html\n", encoding="utf-8")
    args = [
        "build", "--urls", str(urls), "--feed", f"{b}/atom.xml", "--sitemap", f"{b}/sitemap.xml",
        "--cache", str(tmp_path / "cache"), "--delay", "0", "--analyser", "rules",
        "--linker", "none", "--no-html", "--out", str(tmp_path / "out"),
        "--report", str(tmp_path / "report.jsonl"), "-q",
    ]  # fmt: skip
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 0, r.output
    rows = [json.loads(x) for x in (tmp_path / "report.jsonl").read_text("utf-8").splitlines()]
    outcomes = {row["source"]: (row["outcome"], row["reason"]) for row in rows}
    assert set(outcomes) == {f"{b}/news/{i}.html" for i in range(3)} | {f"{b}/missing.html"}
    assert outcomes[f"{b}/missing.html"] == ("skipped", "HTTP 404")
    before = server.requests
    r = CliRunner().invoke(main, [*args, "--offline"])
    assert r.exit_code == 0 and server.requests == before
    r = CliRunner().invoke(main, ["build", "--out", str(tmp_path / "x")])
    assert r.exit_code == 2 and "--urls" in r.output


def test_a_feed_tells_what_a_page_does_not(server: Server, tmp_path: Path) -> None:
    from news_pages import pages

    from kg.fetch import web_documents
    from kg.model import Document

    page = pages()[6]
    web = WebOptions(feeds=(f"{server.base}/rss-bare.xml",), cache_dir=str(tmp_path), delay=0.0)
    [doc] = list(web_documents(web))
    assert isinstance(doc, Document) and page.body[0] in doc.text
    meta = dict(doc.meta)
    assert (meta["headline"], meta["date"], meta["author"]) == (
        page.headline,
        "2026-02-03",
        page.author,
    )
