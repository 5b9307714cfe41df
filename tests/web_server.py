"""A local HTTP server for the web-input tests: on loopback, in a thread, serving pages,
feeds, sitemaps, redirects, 404s, robots.txt rules, slow, endless and oversized answers
that the tests write themselves (a test may add routes, e.g. a WARC). It counts the requests it answers."""

from __future__ import annotations

import gzip
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from news_pages import pages

Route = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Server:
    base: str = ""
    hits: Counter[str] = field(default_factory=Counter)
    agents: set[str] = field(default_factory=set)
    routes: dict[str, Route] = field(default_factory=dict)

    @property
    def requests(self) -> int:
        return sum(self.hits.values())


def _send(h: BaseHTTPRequestHandler, status: int, body: bytes, ctype: str, **headers: str) -> None:
    h.send_response(status)
    h.send_header("Content-Type", ctype)
    h.send_header("Content-Length", str(len(body)))
    for k, v in headers.items():
        h.send_header(k.replace("_", "-"), v)
    h.end_headers()
    h.wfile.write(body)


def page(markup: str, etag: str) -> Route:
    def route(h: BaseHTTPRequestHandler) -> None:
        if h.headers.get("If-None-Match") == etag:
            h.send_response(304)
            h.send_header("ETag", etag)
            h.end_headers()
            return
        _send(h, 200, markup.encode(), "text/html; charset=utf-8", ETag=etag)

    return route


def static(body: bytes, ctype: str, status: int = 200) -> Route:
    return lambda h: _send(h, status, body, ctype)


def redirect(to: str) -> Route:
    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(302)
        h.send_header("Location", to)
        h.send_header("Content-Length", "0")
        h.end_headers()

    return route


def bomb(h: BaseHTTPRequestHandler) -> None:
    body = gzip.compress(b"<html><body>" + b" " * (20 * 2**20), compresslevel=9)
    _send(h, 200, body, "text/html", Content_Encoding="gzip")


def endless(h: BaseHTTPRequestHandler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Transfer-Encoding", "chunked")
    h.end_headers()
    h.wfile.write(b"6\r\n<html>\r\n")
    try:
        for _ in range(400):  # 20 s at most
            time.sleep(0.05)
            h.wfile.write(b"5\r\n<p>x \r\n")
            h.wfile.flush()
    except OSError:
        pass


def flaky() -> Route:
    calls = [0]

    def route(h: BaseHTTPRequestHandler) -> None:
        calls[0] += 1
        if calls[0] == 1:
            _send(h, 503, b"busy", "text/plain", Retry_After="0")
        else:
            _send(h, 200, pages()[5].html.encode(), "text/html; charset=utf-8")

    return route


def routes(base: str) -> dict[str, Route]:
    ps = pages()
    r: dict[str, Route] = {
        "/robots.txt": static(b"User-agent: *\nDisallow: /private/\n", "text/plain"),
        "/private/secret.html": page(ps[3].html, '"p"'),
        "/missing.html": static(b"not here", "text/html", 404),
        "/data.json": static(b'{"a": 1}', "application/json"),
        "/big.html": static(b"<html><body>" + b"x" * (3 * 2**20) + b"</body></html>", "text/html"),
        "/bomb.html": bomb,
        "/endless.html": endless,
        "/loop1": redirect("/loop2"),
        "/loop2": redirect("/loop1"),
        "/moved": redirect("/news/0.html"),
        "/sneaky": redirect("/private/secret.html"),
        "/far": redirect("/r1"),
        **{f"/r{i}": redirect(f"/r{i + 1}") for i in range(1, 9)},
        "/flaky.html": flaky(),
        "/cp1256.html": static(
            ps[4].html.replace('<meta charset="utf-8">', "").encode("cp1256", "replace"),
            "text/html; charset=windows-1256",
        ),
    }
    for i in range(3):
        r[f"/news/{i}.html"] = page(ps[i].html, f'"v{i}"')
    items = "".join(
        f"<item><title>t{i}</title><link>{base}/news/{i}.html</link></item>" for i in range(3)
    )
    r["/rss.xml"] = static(
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>أخبار</title>{items}</channel></rss>'.encode(),
        "application/rss+xml",
    )
    entries = "".join(
        f"<entry><title>t{i}</title><id>u{i}</id><link href='{base}/news/{i}.html'/><updated>2026-01-0{i + 1}T00:00:00Z</updated></entry>"
        for i in (1, 2)
    )
    r["/atom.xml"] = static(
        f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title><id>f</id><updated>2026-01-01T00:00:00Z</updated>{entries}</feed>'.encode(),
        "application/atom+xml",
    )
    bare = "".join(f"<p>{b}</p>" for b in ps[6].body)  # a page that says nothing of itself
    r["/bare.html"] = static(
        f"<html><body>{bare}</body></html>".encode(), "text/html; charset=utf-8"
    )
    r["/rss-bare.xml"] = static(
        f'<rss version="2.0"><channel><title>x</title><item><title>{ps[6].headline}</title>'
        f"<author>{ps[6].author}</author><pubDate>Tue, 03 Feb 2026 10:00:00 GMT</pubDate>"
        f"<link>{base}/bare.html</link></item></channel></rss>".encode(),
        "application/rss+xml",
    )
    sm = "http://www.sitemaps.org/schemas/sitemap/0.9"
    r["/sitemap.xml"] = static(
        f'<?xml version="1.0"?><sitemapindex xmlns="{sm}"><sitemap><loc>{base}/sitemap-news.xml.gz</loc></sitemap></sitemapindex>'.encode(),
        "application/xml",
    )
    r["/sitemap-news.xml.gz"] = static(
        gzip.compress(
            f'<?xml version="1.0"?><urlset xmlns="{sm}"><url><loc>{base}/news/0.html</loc></url><url><loc>{base}/news/2.html</loc></url></urlset>'.encode()
        ),
        "application/gzip",
    )
    return r


@contextmanager
def serve() -> Iterator[Server]:
    """Start the server on 127.0.0.1 (a free port), yield it, stop it."""
    state = Server()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            path = self.path.split("?")[0]
            state.hits[path] += 1
            state.agents.add(self.headers.get("User-Agent", ""))
            route = state.routes.get(path)
            if route is None:
                _send(self, 404, b"no such page", "text/html")
            else:
                route(self)

        def log_message(self, *args: object) -> None:
            pass

    class Quiet(ThreadingHTTPServer):
        def handle_error(self, request: object, client_address: object) -> None:
            pass  # a client that hangs up on an endless page

    httpd = Quiet(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    state.routes = routes(state.base)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
