"""Feeds and sitemaps -> the URLs of their articles (which kg.fetch then reads).

``--feed`` takes an RSS or Atom feed by URL or as a file (parsed by feedparser), or a
file listing feeds, one a line. ``--sitemap`` takes a sitemap or a sitemap index (its
sitemaps are read in turn, two levels deep), by URL or as a file, gzipped or not.
A feed or sitemap that cannot be read becomes a Problem naming it.
"""

from __future__ import annotations

import gzip
import io
import re
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .model import Problem

if TYPE_CHECKING:  # pragma: no cover
    from .fetch import Fetcher

#: At most this many article URLs from one sitemap (index included).
MAX_SITEMAP_URLS = 50_000
_XML_START = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(rss|feed|rdf:RDF|urlset|sitemapindex)\b", re.S
)


#: What a feed says of an article: Document.meta pairs (headline, date, author).
Hints = dict[str, tuple[tuple[str, str], ...]]


def article_urls(
    feeds: Iterable[str], sitemaps: Iterable[str], fetcher: Fetcher, hints: Hints | None = None
) -> Iterator[str | Problem]:
    """The article URLs of the feeds, then of the sitemaps, each once, in order. What the
    feeds say of each article (its title, date, author) goes into ``hints``."""
    seen: set[str] = set()
    for item in _all(feeds, sitemaps, fetcher, {} if hints is None else hints):
        if isinstance(item, Problem) or item not in seen:
            if isinstance(item, str):
                seen.add(item)
            yield item


def _all(
    feeds: Iterable[str], sitemaps: Iterable[str], fetcher: Fetcher, hints: Hints
) -> Iterator[str | Problem]:
    for feed in feeds:
        yield from _feed_or_list(feed, fetcher, hints)
    for sitemap in sitemaps:
        yield from _sitemap(sitemap, fetcher, depth=0)


def _load(where: str, fetcher: Fetcher) -> bytes | Problem:
    """The bytes of a feed or sitemap: a file, or a URL through the fetcher."""
    if not re.match(r"https?://", where, re.I):
        try:
            return Path(where).read_bytes()
        except OSError as exc:
            return Problem(where, f"cannot read: {exc.strerror or exc}", stage="fetch")
    got = fetcher.get(where, accept=())
    if not got.ok:
        return Problem(where, got.outcome, stage="fetch")
    return got.body


def _feed_or_list(where: str, fetcher: Fetcher, hints: Hints) -> Iterator[str | Problem]:
    data = _load(where, fetcher)
    if isinstance(data, Problem):
        yield data
        return
    data = _gunzip(data, fetcher.options.max_bytes)
    if not re.match(r"https?://", where, re.I) and not _XML_START.match(data[:4096]):
        # a file listing feeds
        for line in data.decode("utf-8-sig", "replace").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                yield from _feed_or_list(line, fetcher, hints)
        return
    yield from feed_links(data, where, hints)


def feed_links(data: bytes, where: str, hints: Hints | None = None) -> Iterator[str | Problem]:
    """The article links of an RSS or Atom feed, in the feed's order; each entry's title,
    date and author go into ``hints``.

    >>> rss = (b'<rss version="2.0"><channel><title>t</title><item><title>T</title>'
    ...        b'<pubDate>Sat, 10 Jan 2026 08:00:00 GMT</pubDate><link>https://a.example/1</link></item></channel></rss>')
    >>> hints = {}
    >>> list(feed_links(rss, "f.xml", hints)), hints
    (['https://a.example/1'], {'https://a.example/1': (('headline', 'T'), ('date', '2026-01-10'))})
    """
    import feedparser

    parsed = feedparser.parse(data)
    links = []
    for e in parsed.entries:
        link = e.get("link")
        if not isinstance(link, str) or not link.strip():
            continue
        links.append(link.strip())
        if hints is not None:
            when = e.get("published_parsed") or e.get("updated_parsed")
            pairs = (
                ("headline", str(e.get("title") or "").strip()),
                ("date", time.strftime("%Y-%m-%d", when) if when else ""),
                ("author", str(e.get("author") or "").strip()),
            )
            hints.setdefault(link.strip(), tuple((k, v) for k, v in pairs if v))
    if not links:
        why = (
            "not an RSS or Atom feed"
            if parsed.get("bozo") and not parsed.entries
            else "a feed with no article links"
        )
        yield Problem(where, why, stage="fetch")
        return
    yield from links


def _sitemap(where: str, fetcher: Fetcher, depth: int) -> Iterator[str | Problem]:
    data = _load(where, fetcher)
    if isinstance(data, Problem):
        yield data
        return
    data = _gunzip(data, fetcher.options.max_bytes)
    kind, locs = sitemap_locations(data)
    if kind == "":
        yield Problem(where, "not a sitemap (no <urlset> or <sitemapindex>)", stage="fetch")
    elif kind == "sitemapindex":
        if depth >= 2:
            yield Problem(where, "sitemap index nested too deeply", stage="fetch")
            return
        for loc in locs:
            yield from _sitemap(loc, fetcher, depth + 1)
    else:
        yield from locs[:MAX_SITEMAP_URLS]


def sitemap_locations(data: bytes) -> tuple[str, list[str]]:
    """``("urlset" | "sitemapindex" | "", [loc, ...])`` of a sitemap's XML (entities and
    DTDs are not resolved, nothing is fetched by the parser).

    >>> sitemap_locations(b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc> https://a.example/1 </loc></url></urlset>')
    ('urlset', ['https://a.example/1'])
    """
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return "", []
    if root is None:
        return "", []
    kind = etree.QName(root).localname
    if kind not in ("urlset", "sitemapindex"):
        return "", []
    locs = [
        (el.text or "").strip()
        for el in root.iter()
        if isinstance(el.tag, str) and etree.QName(el).localname == "loc"
    ]
    return kind, [loc for loc in locs if loc]


def _gunzip(data: bytes, cap: int) -> bytes:
    """Gzipped bytes (a ``sitemap.xml.gz``) unpacked, at most ``cap`` bytes of them."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            return f.read(cap)
    except (OSError, EOFError):
        return b""
