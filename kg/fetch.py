"""Reading the web politely and repeatably: URL lists (and, through kg.feeds, feeds and
sitemaps) -> Documents.

Every request carries a descriptive User-Agent, obeys the site's robots.txt, waits
``delay`` seconds between two requests to the same host, gives up after ``timeout``
seconds without an answer (and after ``4 * timeout`` seconds for the whole body, so an
endless page is refused), retries connection errors, 429 and 5xx answers with
exponential back-off, and reads at most ``max_bytes`` bytes of body after decompression
(so a gzip bomb is refused). At most ``max_redirects`` redirects are followed; a loop is
refused.

A URL whose answer is a web archive (``application/warc``, or a path ending ``.warc`` or
``.warc.gz``) is fetched the same way, with a cap of ``max_warc_bytes``; its HTML pages
become Documents as a WARC file's do (kg.warc).

Answers are kept in an on-disk HTTP cache (requests-cache, SQLite, under ``cache_dir``)
and never expire by themselves: a second build of the same URLs sends no request at
all. ``refresh`` asks the servers again, conditionally (ETag, Last-Modified), so an
unchanged page costs a ``304 Not Modified``; ``offline`` uses the cache only.

Each URL gets one outcome, which the build report shows: ``fetched``, ``cached``, ``not
modified`` (a Document) or a Problem: ``refused by robots.txt``, ``HTTP 404``, ``not HTML``,
``too big``, ``redirect loop``, ``too many redirects``, ``endless page``, ``timed out``,
``not in the cache (--offline)`` …

requests and requests-cache are imported when the first URL is fetched.
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from .model import Document, Problem
from .web import doc_id

log = logging.getLogger(__name__)


def user_agent() -> str:
    """The User-Agent every request carries: who we are and why.

    >>> user_agent().startswith("kg-builder/")
    True
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        v = version("kg-builder")
    except PackageNotFoundError:  # pragma: no cover (run from a source tree)
        v = "dev"
    return f"kg-builder/{v} (knowledge graphs from news articles; +https://github.com/kg-builder/kg-builder)"


HTML_TYPES = ("text/html", "application/xhtml+xml")
WARC_TYPES = ("application/warc",)


def is_warc(url: str, content_type: str = "") -> bool:
    """Whether an answer is a web archive: by its Content-Type, or its URL's path.

    >>> is_warc("https://a.example/crawl.warc.gz?x=1"), is_warc("https://a.example/a.html")
    (True, False)
    >>> is_warc("https://a.example/get", "application/warc")
    True
    """
    path = urlsplit(url).path.lower()
    return path.endswith((".warc", ".warc.gz")) or "application/warc" in content_type.lower()


def default_cache_dir() -> Path:
    """``$KG_CACHE_DIR/http``, else ``~/.cache/kg-builder/http``."""
    root = os.environ.get("KG_CACHE_DIR") or str(Path.home() / ".cache" / "kg-builder")
    if root == "off":
        root = str(Path.home() / ".cache" / "kg-builder")
    return Path(root) / "http"


@dataclass(frozen=True)
class WebOptions:
    """What to read from the web, and how (the CLI's --urls, --feed, --sitemap, --offline ...)."""

    urls: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    cache_dir: str | None = None  # default: default_cache_dir()
    offline: bool = False
    refresh: bool = False
    user_agent: str = field(default_factory=user_agent)
    delay: float = 1.0
    timeout: float = 20.0
    retries: int = 3
    backoff: float = 1.0
    max_bytes: int = 10 * 1024 * 1024
    max_warc_bytes: int = 200 * 1024 * 1024  # a WARC fetched by URL
    max_redirects: int = 5

    def __bool__(self) -> bool:
        return bool(self.urls or self.feeds or self.sitemaps)


@dataclass(frozen=True)
class Fetched:
    """What one URL gave: ``outcome`` is ``fetched``, ``cached`` or ``not modified`` when
    ``body`` holds the page; otherwise why not."""

    url: str
    outcome: str
    body: bytes = b""
    content_type: str = ""
    final_url: str = ""
    status: int = 0

    @property
    def ok(self) -> bool:
        return self.outcome in ("fetched", "cached", "not modified")


class _Refused(Exception):
    """An answer refused while its body was read (too big, endless)."""


@dataclass
class Fetcher:
    """One polite, caching HTTP client for a build (not thread-safe)."""

    options: WebOptions = field(default_factory=WebOptions)
    requests_sent: int = 0
    _session: Any = None
    _last: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, Any] = field(default_factory=dict)
    _refused: dict[str, str] | None = None

    @property
    def session(self) -> Any:
        if self._session is None:
            import requests_cache

            where = self._cache_dir
            where.mkdir(parents=True, exist_ok=True)
            s = requests_cache.CachedSession(
                str(where / "cache"),
                backend="sqlite",
                expire_after=requests_cache.NEVER_EXPIRE,
                allowable_codes=(200, 203, 300, 301, 302, 303, 307, 308, 404, 410),
                stale_if_error=True,
            )
            s.headers["User-Agent"] = self.options.user_agent
            s.hooks["response"].append(self._read_body)
            self._session = s
        return self._session

    @property
    def _cache_dir(self) -> Path:
        return Path(self.options.cache_dir) if self.options.cache_dir else default_cache_dir()

    @property
    def refused(self) -> dict[str, str]:
        """URLs whose answer was refused (too big, endless): the HTTP cache cannot hold
        them, this file does, so a rerun does not ask again (``refresh`` does)."""
        if self._refused is None:
            try:
                self._refused = json.loads((self._cache_dir / "refused.json").read_text("utf-8"))
            except (OSError, ValueError):
                self._refused = {}
        return self._refused

    def _refuse(self, url: str, why: str) -> None:
        self.refused[url] = why
        self._cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = self._cache_dir / f".refused.{os.getpid()}.tmp"
        tmp.write_text(json.dumps(self.refused, ensure_ascii=False, indent=0), "utf-8")
        os.replace(tmp, self._cache_dir / "refused.json")

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None

    def get(self, url: str, *, accept: tuple[str, ...] = HTML_TYPES) -> Fetched:
        """Fetch one URL (or take it from the cache), following redirects one hop at a
        time (each hop asks robots.txt and waits its turn); never raises for a bad answer."""
        import requests

        seen, current, fresh = [url], url, False
        for _ in range(self.options.max_redirects + 1):
            if not re.match(r"https?://", current, re.I) or not urlsplit(current).hostname:
                return Fetched(url, "not an http(s) URL")
            if not self.allowed(current):
                return Fetched(url, "refused by robots.txt")
            if current in self.refused and not self.options.refresh:
                return Fetched(url, self.refused[current])
            try:
                r = self._get(current)
            except _Refused as exc:
                self._refuse(current, str(exc))
                return Fetched(url, str(exc))
            except requests.Timeout:
                return Fetched(url, f"timed out (no answer in {self.options.timeout:g} s)")
            except requests.RequestException as exc:
                return Fetched(url, f"cannot fetch: {_short(exc)}")
            fresh = fresh or not getattr(r, "from_cache", False)
            if r.status_code in (301, 302, 303, 307, 308) and r.headers.get("Location"):
                current = urljoin(current, r.headers["Location"])
                if current in seen:
                    return Fetched(url, "redirect loop")
                seen.append(current)
                continue
            break
        else:
            return Fetched(url, f"too many redirects (over {self.options.max_redirects})")
        if r.status_code == 504 and self.options.offline:
            return Fetched(url, "not in the cache (--offline)")
        if getattr(r, "revalidated", False):
            outcome = "not modified"
        else:
            outcome = "fetched" if fresh else "cached"
        ctype = r.headers.get("Content-Type", "")
        if r.status_code != 200:
            return Fetched(url, f"HTTP {r.status_code}", status=r.status_code, final_url=current)
        if accept and not any(t in ctype.lower() for t in accept):
            return Fetched(
                url, f"not HTML ({ctype.split(';')[0] or 'no Content-Type'})", status=200
            )
        return Fetched(url, outcome, r.content, ctype, current, r.status_code)

    def allowed(self, url: str) -> bool:
        """Whether the site's robots.txt lets our User-Agent fetch ``url`` (a robots.txt
        that cannot be fetched allows everything; one that answers 401/403 nothing)."""
        from urllib.robotparser import RobotFileParser

        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        rp = self._robots.get(root)
        if rp is None:
            rp = RobotFileParser()
            try:
                r = self._get(f"{root}/robots.txt")
                if r.status_code in (401, 403):
                    rp.parse(["User-agent: *", "Disallow: /"])
                elif r.status_code == 200:
                    rp.parse(r.content.decode("utf-8", "replace").splitlines())
                else:
                    rp.parse([])
            except Exception:  # no robots.txt to be had: allowed
                log.debug("robots.txt of %s", root, exc_info=True)
                rp.parse([])
            self._robots[root] = rp
        return bool(rp.can_fetch(self.options.user_agent, url))

    def _get(self, url: str) -> Any:
        """GET with the per-host delay and retries with back-off (cache hits are free)."""
        s = self.session
        kwargs: dict[str, Any] = {
            "timeout": self.options.timeout,
            "stream": True,
            "only_if_cached": self.options.offline,
            "refresh": self.options.refresh and not self.options.offline,
            "allow_redirects": False,
        }
        for attempt in range(self.options.retries + 1):
            if not self.options.offline and not (
                s.cache.contains(url=url) and not self.options.refresh
            ):
                self._wait(url)
            try:
                r = s.get(url, **kwargs)
            except _Refused:
                raise
            except Exception as exc:
                import requests

                if attempt >= self.options.retries or not isinstance(
                    exc, requests.ConnectionError | requests.Timeout
                ):
                    raise
                self._sleep(attempt, None)
                continue
            if r.status_code in (429, 500, 502, 503, 504) and not getattr(r, "from_cache", False):
                if attempt < self.options.retries and not self.options.offline:
                    self._sleep(attempt, r.headers.get("Retry-After"))
                    continue
            return r
        raise AssertionError("unreachable")  # pragma: no cover

    def _wait(self, url: str) -> None:
        """Sleep until ``delay`` seconds (or the robots.txt's Crawl-delay, up to a minute)
        have passed since the last request to this host."""
        parts = urlsplit(url)
        host = parts.netloc
        rp = self._robots.get(f"{parts.scheme}://{host}")
        crawl = rp.crawl_delay(self.options.user_agent) if rp is not None else None
        delay = max(self.options.delay, min(float(crawl or 0), 60.0))
        last = self._last.get(host)
        if last is not None:
            wait = delay - (time.monotonic() - last)
            if wait > 0:
                time.sleep(wait)
        self._last[host] = time.monotonic()

    def _sleep(self, attempt: int, retry_after: str | None) -> None:
        wait = self.options.backoff * 2**attempt
        if retry_after and retry_after.strip().isdigit():
            wait = max(wait, min(float(retry_after), 60.0))
        time.sleep(wait)

    def _read_body(self, r: Any, *args: Any, **kwargs: Any) -> Any:
        """The response hook: read the body of a fresh answer, refusing one larger than
        ``max_bytes`` once decompressed, or still coming after ``4 * timeout`` seconds."""
        if getattr(r, "_content_consumed", True) or getattr(r, "from_cache", False):
            return r
        self.requests_sent += 1
        warc = is_warc(r.url or "", r.headers.get("Content-Type", ""))
        cap = self.options.max_warc_bytes if warc else self.options.max_bytes
        deadline = time.monotonic() + 4 * self.options.timeout
        declared = r.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > cap:
            r.close()
            raise _Refused(f"too big ({int(declared):,} bytes, over {cap:,})")
        chunks, size = [], 0
        while True:
            chunk = r.raw.read1(65_536, decode_content=True)
            if not chunk:
                break
            size += len(chunk)
            if size > cap:
                r.close()
                raise _Refused(f"too big (over {cap:,} bytes once decompressed)")
            if time.monotonic() > deadline:
                r.close()
                raise _Refused(f"endless page (still sending after {4 * self.options.timeout:g} s)")
            chunks.append(chunk)
        r._content = b"".join(chunks)
        r._content_consumed = True
        return r


def _short(exc: BaseException) -> str:
    text = str(exc)
    m = re.search(r"\[Errno [^\]]*\] [^'\")]+", text)
    return (m.group(0) if m else text)[:200]


def read_url_list(path: str | os.PathLike[str]) -> list[str]:
    """The URLs of a list file: one a line; blank lines and ``#`` comments skipped."""
    lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    return [s.strip() for s in lines if s.strip() and not s.lstrip().startswith("#")]


def documents(
    urls: Iterable[str],
    fetcher: Fetcher,
    hints: dict[str, tuple[tuple[str, str], ...]] | None = None,
) -> Iterator[Document | Problem]:
    """A Document (main text and metadata) or a Problem for every URL, in order; a URL
    given twice is read once. ``hints`` (what a feed says of a URL: headline, date,
    author) fill in what the page itself does not say. A URL whose answer is a WARC gives
    the Documents of its HTML pages."""
    from .read import warc_documents

    seen: set[str] = set()
    for url in urls:
        if url in seen:
            continue
        seen.add(url)
        got = fetcher.get(url, accept=() if is_warc(url) else HTML_TYPES + WARC_TYPES)
        if got.ok and is_warc(got.final_url or url, got.content_type):
            how = f"from a WARC ({got.outcome})"
            yield from warc_documents(
                got.body, max_bytes=fetcher.options.max_bytes, src=url, fetch=how
            )
            continue
        item = page_document(got)
        extra = (hints or {}).get(url, ())
        if isinstance(item, Document) and extra:
            have = {k for k, v in item.meta if v}
            item = replace(item, meta=item.meta + tuple(kv for kv in extra if kv[0] not in have))
        yield item


def page_document(got: Fetched) -> Document | Problem:
    """The Document of a fetched page, with the fetch outcome in its meta."""
    from .read import decode, html_document

    if not got.ok:
        return Problem(got.url, got.outcome, stage="fetch")
    text, why = decode(got.body, got.content_type)
    if text is None:
        return Problem(got.url, why, stage="fetch")
    meta: tuple[tuple[str, str], ...] = (("fetch", got.outcome),)
    if why:
        meta += (("encoding", why),)
    return html_document(doc_id(got.url), text, got.url, url=got.final_url or got.url, meta=meta)


def web_documents(options: WebOptions) -> Iterator[Document | Problem]:
    """Every Document of a build's web inputs: the URL list, then the feeds' and the
    sitemaps' articles."""
    fetcher = Fetcher(options)
    try:
        yield from documents(options.urls, fetcher)
        if options.feeds or options.sitemaps:
            from .feeds import article_urls

            found: list[str] = []
            hints: dict[str, tuple[tuple[str, str], ...]] = {}
            for item in article_urls(options.feeds, options.sitemaps, fetcher, hints):
                if isinstance(item, Problem):
                    yield item
                else:
                    found.append(item)
            yield from documents((u for u in found if u not in options.urls), fetcher, hints)
    finally:
        fetcher.close()
