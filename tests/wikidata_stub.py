"""A local server on 127.0.0.1 that answers like Wikidata (no test touches the internet).

- ``/w/api.php?action=wbsearchentities`` and ``action=wbgetentities`` in the shapes of
  ``tests/data/wikidata/`` (recorded Wikidata answers and stubs in their shape; REAL and STUB
  marked there). The REAL World Bank entity (Q7164) is served as recorded; the other
  items are STUBS built here in the same shape. Items whose id starts with ``Q9000000``
  are fake (made-up ids for things the tests need: a person, a channel, a second
  Tripoli, a film, a disambiguation page).
- ``action=query&meta=siteinfo`` (the linker's reachability check).
- ``/sparql`` (GET or POST): a real SPARQL endpoint over a small Wikidata-shaped graph
  (``tests/data/wikidata/mini_wikidata.ttl``, STUB), evaluated by rdflib.

Faults are queued per endpoint (``server.fail("api", "429", "500")``): the next requests
answer 429 with ``Retry-After: 1``, 503 with ``Retry-After: 1``, 500, a sleep longer
than the client's timeout, malformed JSON, a ``maxlag`` error, or 403. Every request is
recorded with its headers; ``max_active`` says whether two ever overlapped.
"""

from __future__ import annotations

import gzip
import json
import threading
import time
import urllib.parse
from collections import defaultdict, deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from rdflib import Graph

from kg.text import normalize

DATA = Path(__file__).resolve().parent / "data" / "wikidata"


def _claims(prop: str, values: list[str], qid: str) -> list[dict[str, Any]]:
    """Statements in the REAL shape of entity_real_Q7164_trimmed.json."""
    return [
        {
            "mainsnak": {
                "snaktype": "value",
                "property": prop,
                "datavalue": {
                    "value": {"entity-type": "item", "numeric-id": int(v[1:]), "id": v},
                    "type": "wikibase-entityid",
                },
                "datatype": "wikibase-item",
            },
            "type": "statement",
            "id": f"{qid.lower()}$stub-{prop}-{i}",
            "rank": "normal",
        }
        for i, v in enumerate(values)
    ]


def stub_entity(
    qid: str,
    labels: dict[str, str],
    *,
    aliases: dict[str, list[str]] | None = None,
    descriptions: dict[str, str] | None = None,
    p31: list[str] | None = None,
    p17: list[str] | None = None,
) -> dict[str, Any]:
    """A STUB entity in the REAL wbgetentities shape."""
    claims: dict[str, Any] = {}
    if p31:
        claims["P31"] = _claims("P31", p31, qid)
    if p17:
        claims["P17"] = _claims("P17", p17, qid)
    return {
        "pageid": int(qid[1:]) % 100000,
        "ns": 0,
        "title": qid,
        "lastrevid": 1,
        "modified": "2024-01-01T00:00:00Z",
        "type": "item",
        "id": qid,
        "labels": {k: {"language": k, "value": v} for k, v in labels.items()},
        "descriptions": {k: {"language": k, "value": v} for k, v in (descriptions or {}).items()},
        "aliases": {
            k: [{"language": k, "value": a} for a in v] for k, v in (aliases or {}).items()
        },
        "claims": claims,
    }


ROOTS = {
    "Q5": "human",
    "Q43229": "organization",
    "Q6256": "country",
    "Q3624078": "sovereign state",
    "Q515": "city",
    "Q486972": "human settlement",
    "Q82794": "geographic region",
    "Q5107": "continent",
    "Q1656682": "event",
    "Q1190554": "occurrence",
    "Q4164871": "position",
    "Q16334295": "group of humans",
    "Q4167410": "Wikimedia disambiguation page",
    "Q5119": "capital city",
    "Q11424": "film",
    "Q900000010": "television channel",
    "Q1345691": "international financial institution",
    "Q484652": "international organization",
    "Q7330070": "foreign minister",
    "Q17127659": "terrorist organization",
    "Q1637706": "city with millions of inhabitants",
    "Q13955": "Arabic",
    "Q245065": "intergovernmental organization",
}


def stub_items() -> dict[str, dict[str, Any]]:
    """Every item the server knows, in the order its search ranks them."""
    real = json.loads((DATA / "entity_real_Q7164_trimmed.json").read_text(encoding="utf-8"))[
        "entities"
    ]
    items = [
        stub_entity(
            "Q1530",
            {"ar": "بغداد", "en": "Baghdad"},
            descriptions={"ar": "عاصمة العراق", "en": "capital of Iraq"},
            p31=["Q5119"],
            p17=["Q796"],
        ),
        stub_entity(
            "Q900000004",
            {"ar": "بغداد", "en": "Baghdad"},
            descriptions={"en": "film (fake id)"},
            p31=["Q11424"],
        ),
        stub_entity(
            "Q900000005",
            {"ar": "بغداد (توضيح)", "en": "Baghdad"},
            aliases={"ar": ["بغداد"]},
            p31=["Q4167410"],
        ),
        stub_entity(
            "Q842",
            {"ar": "سلطنة عمان", "en": "Oman"},
            aliases={"ar": ["عمان", "عُمان"]},
            descriptions={"en": "country in Western Asia"},
            p31=["Q3624078"],
            p17=["Q842"],
        ),
        stub_entity(
            "Q3805",
            {"ar": "عمان", "en": "Amman"},
            aliases={"ar": ["عمّان"]},
            descriptions={"ar": "عاصمة الأردن", "en": "capital of Jordan"},
            p31=["Q5119"],
            p17=["Q810"],
        ),
        stub_entity(
            "Q3579",
            {"ar": "طرابلس", "en": "Tripoli"},
            descriptions={"en": "capital of Libya"},
            p31=["Q5119"],
            p17=["Q1016"],
        ),
        stub_entity(
            "Q900000003",
            {"ar": "طرابلس", "en": "Tripoli"},
            descriptions={"en": "city in Lebanon (fake id)"},
            p31=["Q515"],
            p17=["Q822"],
        ),
        stub_entity(
            "Q900000001",
            {"ar": "ريكس تيلرسون", "en": "Rex Tillerson"},
            aliases={"ar": ["تيلرسون"]},
            descriptions={"en": "American businessman (fake id)"},
            p31=["Q5"],
            p17=["Q30"],
        ),
        stub_entity(
            "Q900000002",
            {"ar": "الحرة", "en": "Alhurra"},
            aliases={"ar": ["قناة الحرة"]},
            descriptions={"en": "television channel (fake id)"},
            p31=["Q900000010"],
        ),
        stub_entity(
            "Q61",
            {"ar": "واشنطن", "en": "Washington, D.C."},
            descriptions={
                "ar": "عاصمة الولايات المتحدة",
                "en": "capital city of the United States of America",
            },
            p31=["Q5119"],
            p17=["Q30"],
        ),
        stub_entity(
            "Q145",
            {"ar": "المملكة المتحدة", "en": "United Kingdom"},
            descriptions={"en": "country in north-west Europe"},
            p31=["Q3624078"],
        ),
        stub_entity(
            "Q142",
            {"ar": "فرنسا", "en": "France"},
            descriptions={"en": "country in Western Europe"},
            p31=["Q3624078"],
        ),
        stub_entity(
            "Q11010",
            {"ar": "البرلمان البريطاني", "en": "Parliament of the United Kingdom"},
            p31=["Q43229"],
        ),
        stub_entity(
            "Q2429253",
            {"ar": "تنظيم الدولة الإسلامية", "en": "Islamic State"},
            aliases={"ar": ["داعش"]},
            p31=["Q17127659"],
        ),
        *[stub_entity(q, {"en": label}) for q, label in ROOTS.items()],
    ]
    out = {e["id"]: e for e in items}
    out.update(real)
    return out


@dataclass
class Seen:
    path: str
    params: dict[str, str]
    headers: dict[str, str]
    method: str


@dataclass
class StubWikidata:
    """The server's state: queued faults, recorded requests, the answers it knows."""

    items: dict[str, dict[str, Any]] = field(default_factory=stub_items)
    faults: dict[str, deque[str]] = field(default_factory=lambda: defaultdict(deque))
    seen: list[Seen] = field(default_factory=list)
    delay: float = 2.0  # the "timeout" fault sleeps this long
    active: int = 0
    max_active: int = 0
    port: int = 0
    graph: Graph = field(default_factory=lambda: Graph().parse(DATA / "mini_wikidata.ttl"))
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def api(self) -> str:
        return f"http://127.0.0.1:{self.port}/w/api.php"

    @property
    def sparql(self) -> str:
        return f"http://127.0.0.1:{self.port}/sparql"

    def fail(self, endpoint: str, *faults: str) -> None:
        """Queue faults for the next requests to ``api`` or ``sparql``."""
        self.faults[endpoint].extend(faults)

    def requests(self, action: str | None = None) -> list[Seen]:
        return [
            s
            for s in self.seen
            if action is None
            or s.params.get("action") == action
            or (action == "sparql" and s.path == "/sparql")
        ]

    # -- answers ---------------------------------------------------------------------------

    def search(self, params: dict[str, str]) -> dict[str, Any]:
        text, lang = params.get("search", ""), params.get("language", "en")
        limit = int(params.get("limit", "7"))
        q = normalize(text)
        exact, prefix = [], []
        for e in self.items.values():
            label = (e.get("labels") or {}).get(lang, {}).get("value", "")
            aliases = [a["value"] for a in (e.get("aliases") or {}).get(lang, [])]
            if normalize(label) == q:
                exact.append((e, "label", label, []))
            elif any(normalize(a) == q for a in aliases):
                exact.append((e, "alias", next(a for a in aliases if normalize(a) == q), aliases))
            elif q and (
                normalize(label).startswith(q) or any(normalize(a).startswith(q) for a in aliases)
            ):
                prefix.append((e, "label", label, []))
        hits = []
        for e, kind, matched, _ in (exact + prefix)[:limit]:
            label = (e.get("labels") or {}).get(lang, {}).get("value") or (
                e.get("labels") or {}
            ).get("en", {}).get("value", "")
            desc = (e.get("descriptions") or {}).get(lang, {}).get("value")
            hit: dict[str, Any] = {
                "id": e["id"],
                "title": e["id"],
                "pageid": e.get("pageid", 1),
                "concepturi": f"http://www.wikidata.org/entity/{e['id']}",
                "repository": "wikidata",
                "url": f"//www.wikidata.org/wiki/{e['id']}",
                "display": {"label": {"value": label, "language": lang}},
                "label": label,
                "match": {"type": kind, "language": lang, "text": matched},
            }
            if desc:
                hit["description"] = desc
                hit["display"]["description"] = {"value": desc, "language": lang}
            if kind == "alias":
                hit["aliases"] = [matched]
            hits.append(hit)
        return {"searchinfo": {"search": text}, "search": hits, "success": 1}

    def entities(self, params: dict[str, str]) -> dict[str, Any]:
        langs = set(params.get("languages", "en").split("|"))
        props = set(params.get("props", "labels|descriptions|aliases|claims").split("|"))
        out: dict[str, Any] = {}
        for qid in params.get("ids", "").split("|"):
            e = self.items.get(qid)
            if e is None:
                out[qid] = {"id": qid, "missing": ""}
                continue
            kept = {
                k: v
                for k, v in e.items()
                if k not in ("labels", "descriptions", "aliases", "claims")
            }
            for p in ("labels", "descriptions", "aliases"):
                if p in props:
                    kept[p] = {k: v for k, v in (e.get(p) or {}).items() if k in langs}
            if "claims" in props:
                kept["claims"] = e.get("claims", {})
            out[qid] = kept
        return {"entities": out, "success": 1}

    def run_sparql(self, query: str) -> bytes:
        result = self.graph.query(query)
        return result.serialize(format="json")


class _Handler(BaseHTTPRequestHandler):
    stub: StubWikidata
    _busy: bool = False  # counted in stub.active

    def log_message(self, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802
        url = urllib.parse.urlsplit(self.path)
        self._handle(url.path, dict(urllib.parse.parse_qsl(url.query)))

    def do_POST(self) -> None:  # noqa: N802
        url = urllib.parse.urlsplit(self.path)
        body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode("utf-8")
        self._handle(
            url.path,
            {**dict(urllib.parse.parse_qsl(url.query)), **dict(urllib.parse.parse_qsl(body))},
        )

    def _handle(self, path: str, params: dict[str, str]) -> None:
        stub = self.stub
        with stub.lock:
            stub.active += 1
            stub.max_active = max(stub.max_active, stub.active)
            stub.seen.append(
                Seen(path, params, {k.lower(): v for k, v in self.headers.items()}, self.command)
            )
            endpoint = "sparql" if path == "/sparql" else "api"
            fault = stub.faults[endpoint].popleft() if stub.faults[endpoint] else ""
        self._busy = True
        try:
            time.sleep(0.01)  # long enough for overlapping requests to show
            self._answer(path, params, fault)
        finally:
            self._done()

    def _done(self) -> None:
        """This request stops counting as active. Called just before the response goes out
        (a client that reads it may send its next request at once, and that one must not
        find this one still counted) and again, harmlessly, when the handler returns."""
        if self._busy:
            self._busy = False
            with self.stub.lock:
                self.stub.active -= 1

    def _answer(self, path: str, params: dict[str, str], fault: str) -> None:
        stub = self.stub
        if fault in ("429", "503"):
            return self._send(int(fault), b"busy", "text/plain", {"Retry-After": "1"})
        if fault == "retry-after-long":
            return self._send(429, b"busy", "text/plain", {"Retry-After": "3600"})
        if fault in ("500", "502"):
            return self._send(int(fault), b"<html>error</html>", "text/html")
        if fault == "403" or not self.headers.get("User-Agent"):
            return self._send(403, b"Please set a user-agent", "text/plain")
        if fault == "timeout":
            time.sleep(stub.delay)
        if fault == "malformed":
            return self._send(200, b'{"search": [', "application/json")
        if fault == "maxlag":
            body = {
                "error": {
                    "code": "maxlag",
                    "info": "Waiting for a database server: 6 seconds lagged.",
                    "lag": 6,
                }
            }
            return self._send(
                200, json.dumps(body).encode(), "application/json", {"Retry-After": "1"}
            )
        if path == "/sparql":
            query = params.get("query", "")
            try:
                return self._send(200, stub.run_sparql(query), "application/sparql-results+json")
            except Exception as e:  # a query the mini endpoint cannot run
                return self._send(400, str(e).encode(), "text/plain")
        if path != "/w/api.php":
            return self._send(404, b"not found", "text/plain")
        action = params.get("action")
        if action == "wbsearchentities":
            body = stub.search(params)
        elif action == "wbgetentities":
            body = stub.entities(params)
        elif action == "query":
            body = {
                "batchcomplete": "",
                "query": {"general": {"sitename": "Wikidata (local stub)"}},
            }
        else:
            body = {
                "error": {
                    "code": "badvalue",
                    "info": f'Unrecognized value for parameter "action": {action}.',
                }
            }
        self._send(200, json.dumps(body, ensure_ascii=False).encode("utf-8"), "application/json")

    def _send(
        self, code: int, body: bytes, ctype: str, headers: dict[str, str] | None = None
    ) -> None:
        gz = "gzip" in self.headers.get("Accept-Encoding", "") and code == 200 and len(body) > 200
        if gz:
            body = gzip.compress(body)
        self._done()
        try:
            self.send_response(code)
            self.send_header("Content-Type", ctype + "; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            if gz:
                self.send_header("Content-Encoding", "gzip")
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
            pass


@contextmanager
def serve() -> Iterator[StubWikidata]:
    """Run a stub Wikidata on a free port of 127.0.0.1 for the duration of the block."""
    stub = StubWikidata()
    handler = type("Handler", (_Handler,), {"stub": stub})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    stub.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield stub
    finally:
        server.shutdown()
        server.server_close()


def closed_port() -> int:
    """A port of 127.0.0.1 where nothing listens (for the offline tests)."""
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port
