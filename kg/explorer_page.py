"""The explorer's HTTP side: its page, its vendored assets and its JSON API, as ``Reply``s.

``GET /`` (also ``/explore``) is one HTML page with no inline script or style; its scripts and styles
come from ``/explore/assets/`` (vis-network from the copy pyvis ships, CodeMirror 5 and its
SPARQL mode vendored in ``kg/data/explorer/vendor/`` with their licence), so the
Content-Security-Policy can say ``script-src 'self'`` and the page works offline.
``/api/search``, ``/api/entity``, ``/api/graph``, ``/api/document`` and ``/api/queries``
answer JSON.

>>> reply = asset("explorer.js")
>>> reply.status, reply.content_type
(200, 'text/javascript; charset=utf-8')
>>> asset("../server.py").status
404
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from importlib.resources import files
from typing import Any

from .errors import InputError
from .explorer import Explorer
from .server_workers import Reply

#: The explorer's Content-Security-Policy: its own scripts and styles, requests to itself only.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)
_CM = "vendor/codemirror-5.65.21"
_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".html": "text/html; charset=utf-8",
}
#: Asset name in the URL -> (where it is, its file): only these are served.
ASSETS: dict[str, tuple[str, str]] = {
    "explorer.js": ("kg", "data/explorer/explorer.js"),
    "explorer.css": ("kg", "data/explorer/explorer.css"),
    "codemirror.js": ("kg", f"data/explorer/{_CM}/codemirror.js"),
    "codemirror.css": ("kg", f"data/explorer/{_CM}/codemirror.css"),
    "sparql.js": ("kg", f"data/explorer/{_CM}/sparql.js"),
    "vis-network.min.js": ("pyvis", "templates/lib/vis-9.1.2/vis-network.min.js"),
    "vis-network.css": ("pyvis", "templates/lib/vis-9.1.2/vis-network.css"),
}


@lru_cache(maxsize=16)
def _read(package: str, path: str) -> bytes:
    return files(package).joinpath(path).read_bytes()


def page() -> Reply:
    """The explorer's HTML page (all data comes later, as JSON from ``/api/``)."""
    return Reply(200, _TYPES[".html"], _read("kg", "data/explorer/index.html"))


def asset(name: str) -> Reply:
    """One of ``ASSETS`` by name; 404 for anything else."""
    where = ASSETS.get(name)
    if where is None:
        return Reply.text(404, f"no such asset; available: {', '.join(sorted(ASSETS))}")
    suffix = "." + name.rsplit(".", 1)[-1]
    return Reply(200, _TYPES[suffix], _read(*where))


def _json(data: Any, status: int = 200) -> Reply:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Reply(status, "application/json; charset=utf-8", body)


def _number(params: dict[str, list[str]], name: str, default: int) -> int:
    text = (params.get(name) or [""])[0].strip()
    if not text:
        return default
    if not text.isascii() or not text.isdigit() or len(text) > 6:
        raise InputError(name, f"not a whole number: {text[:20]!r}")
    return int(text)


def _text(params: dict[str, list[str]], name: str) -> str:
    values = params.get(name) or []
    if len(values) != 1 or not values[0].strip():
        raise InputError(name, "give exactly one non-empty value")
    return values[0].strip()


def _queries() -> list[dict[str, str]]:
    from .query import read_query, stored_queries

    return [
        {"name": name, "title": title, "query": read_query(name)}
        for name, title in stored_queries().items()
    ]


class ExplorerError(Exception):
    """A query behind an explorer answer failed (its reply is passed on)."""

    def __init__(self, reply: Reply) -> None:
        super().__init__(reply.body.decode("utf-8", "replace").strip())
        self.reply = reply


def api(explorer: Explorer, what: str, params: dict[str, list[str]]) -> Reply:
    """Answer ``/api/<what>``: JSON, or a one-line error (400, 404, or the query's own)."""
    lang = (params.get("lang") or ["ar"])[0][:8]
    handlers: dict[str, Callable[[], Any]] = {
        "search": lambda: explorer.search(_text(params, "q"), _number(params, "limit", 20), lang),
        "entity": lambda: explorer.entity(_text(params, "iri"), lang),
        "graph": lambda: explorer.neighbourhood(
            _text(params, "iri"), _number(params, "hops", 1), _number(params, "limit", 200), lang
        ),
        "document": lambda: explorer.document(_text(params, "iri"), lang),
        "queries": _queries,
        "counts": explorer.counts,
    }
    handler = handlers.get(what)
    if handler is None:
        return Reply.text(404, f"no such API; available: {', '.join(sorted(handlers))}")
    try:
        data = handler()
    except InputError as e:
        return Reply.text(400, str(e))
    except ExplorerError as e:
        return e.reply
    if isinstance(data, dict) and data.get("found") is False:
        return _json(data, 404)
    return _json(data)
