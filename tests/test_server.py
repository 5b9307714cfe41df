"""``kg serve`` as a real process on a free loopback port, queried with SPARQLWrapper."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from xml.dom.minidom import Document as XMLDocument

import pytest
from graph_fixtures import results
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, POST, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.errors import InputError
from kg.graph import build_graph
from kg.serialise import write_outputs
from kg.server import free_port
from kg.store import GraphStore

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 1.5  # seconds a query may run in these servers

PREFIX = "PREFIX kg: <https://w3id.org/kg-builder/ontology#>\n"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


class Served:
    """A ``kg serve`` subprocess and its endpoint URL."""

    def __init__(self, source: Path, *extra: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kg.cli",
                "serve",
                str(source),
                "--port",
                str(self.port),
                "--timeout",
                str(TIMEOUT),
                *extra,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"kg serve exited: {self.proc.stderr.read() if self.proc.stderr else ''}"
                )
            try:
                urllib.request.urlopen(self.url, timeout=1).read()
                return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("kg serve did not start")

    def sparql(self, query: str, fmt: str = JSON, method: str = "GET") -> SPARQLWrapper:
        sw = SPARQLWrapper(self.url + "sparql")
        sw.setQuery(query)
        sw.setReturnFormat(fmt)
        sw.setMethod(method)
        return sw

    def get(
        self, path: str, headers: dict[str, str] | None = None, data: bytes | None = None
    ) -> tuple[int, str, bytes]:
        req = urllib.request.Request(self.url + path.lstrip("/"), data=data, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.status, r.headers.get("Content-Type", ""), r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers.get("Content-Type", ""), e.read()

    def stop(self) -> str:
        self.proc.terminate()
        try:
            _, err = self.proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate()
        return err


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("served") / "kg"
    with GraphStore(path) as st:
        for r in results():
            st.put(r)
    return path


@pytest.fixture(scope="module")
def served(store: Path) -> Iterator[Served]:
    s = Served(store)
    yield s
    s.stop()


def _q(query: str) -> str:
    return "sparql?" + urllib.parse.urlencode({"query": query})


def test_select_in_every_result_format(served: Served) -> None:
    q = PREFIX + "SELECT ?city WHERE { ?city a kg:City }"
    data = served.sparql(q, JSON).query().convert()
    assert [b["city"]["value"] for b in data["results"]["bindings"]] == [
        "https://w3id.org/kg-builder/resource/entity/Q61"
    ]
    assert isinstance(served.sparql(q, XML).query().convert(), XMLDocument)
    assert served.sparql(q, CSV).query().convert().decode().splitlines() == [
        "city",
        "https://w3id.org/kg-builder/resource/entity/Q61",
    ]
    assert (
        served.sparql(q, TSV, method=POST).query().convert().decode().splitlines()[1]
        == "<https://w3id.org/kg-builder/resource/entity/Q61>"
    )


def test_the_default_graph_is_the_union_and_graphs_are_reachable(served: Served) -> None:
    q = (
        PREFIX
        + "SELECT ?g (COUNT(?f) AS ?n) WHERE { GRAPH ?g { ?f a kg:Fact } } GROUP BY ?g ORDER BY ?g"
    )
    rows = served.sparql(q).query().convert()["results"]["bindings"]
    assert [int(r["n"]["value"]) for r in rows] == [11, 2]
    q = PREFIX + "SELECT (COUNT(?f) AS ?n) WHERE { ?f a kg:Fact }"  # predeclared prefixes work too
    assert (
        served.sparql(q.replace(PREFIX, ""))
        .query()
        .convert()["results"]["bindings"][0]["n"]["value"]
        == "13"
    )


def test_ask_and_construct(served: Served) -> None:
    assert served.sparql(PREFIX + "ASK { ?s kg:hosted ?o }").query().convert()["boolean"] is True
    dom = served.sparql(PREFIX + "ASK { ?s kg:killed ?o }", XML).query().convert()
    assert dom.getElementsByTagName("boolean")[0].firstChild.data == "false"
    q = PREFIX + "CONSTRUCT { ?s kg:hosted ?o } WHERE { ?s kg:hosted ?o }"
    text = served.sparql(q, TURTLE).query().convert()
    assert len(Graph().parse(data=text, format="turtle")) == 2
    status, ctype, body = served.get(_q(q), {"Accept": "application/n-triples"})
    assert (
        status == 200
        and ctype == "application/n-triples"
        and len(Graph().parse(data=body, format="nt")) == 2
    )


def test_updates_are_refused(served: Served) -> None:
    update = "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }"
    with pytest.raises(urllib.error.HTTPError) as e:
        served.sparql(update, method=POST).query()  # SPARQLWrapper posts it as update=...
    assert e.value.code == 403
    status, _, body = served.get(
        "sparql", {"Content-Type": "application/sparql-update"}, update.encode()
    )
    assert status == 403 and b"read-only" in body
    with pytest.raises(QueryBadFormed):  # an update sent as a query is not a query
        served.sparql(update.replace("INSERT", "SELECT")).query()
    assert served.sparql("ASK { <http://x/a> ?p ?o }").query().convert()["boolean"] is False


def test_a_slow_query_hits_the_timeout_and_the_endpoint_recovers(served: Served) -> None:
    t0 = time.monotonic()
    with pytest.raises(urllib.error.HTTPError) as e:
        served.sparql(SLOW).query()
    took = time.monotonic() - t0
    assert e.value.code == 503 and b"ran out of time" in e.value.read()
    assert TIMEOUT <= took < TIMEOUT + 3
    for _ in range(3):  # the other worker answers at once; the killed one is replaced
        assert served.sparql(PREFIX + "ASK { ?s a kg:City }").query().convert()["boolean"] is True


def test_content_negotiation_and_errors(served: Served) -> None:
    q = PREFIX + "SELECT ?s WHERE { ?s a kg:City }"
    status, ctype, _ = served.get(
        _q(q), {"Accept": "text/csv;q=0.4, application/sparql-results+xml"}
    )
    assert status == 200 and ctype == "application/sparql-results+xml"
    status, ctype, _ = served.get(_q(q) + "&format=tsv")
    assert status == 200 and ctype.startswith("text/tab-separated-values")
    status, _, body = served.get(_q(q), {"Accept": "image/png"})
    assert status == 406 and b"application/sparql-results+json" in body
    status, _, _ = served.get(_q("SELEC ?x {"))
    assert status == 400
    status, _, _ = served.get("sparql", {"Content-Type": "text/plain"}, b"ASK {}")
    assert status == 415
    status, _, _ = served.get("nothing-here")
    assert status == 404
    status, ctype, body = served.get(
        "sparql",
        {"Content-Type": "application/sparql-query", "Accept": "application/json"},
        b"ASK {}",
    )
    assert status == 200 and json.loads(body) == {"head": {}, "boolean": True}


def test_the_front_page_is_the_explorer_and_the_query_page_is_kept(served: Served) -> None:
    status, ctype, body = served.get("")
    assert status == 200 and ctype.startswith("text/html")
    assert body == served.get("explore")[2]  # older links still reach it
    assert b"/explore/assets/explorer.js" in body and b'href="/query"' in body
    for path in ("query", "sparql"):
        status, ctype, body = served.get(path)
        page = body.decode("utf-8")
        assert status == 200 and ctype.startswith("text/html"), path
        assert "<textarea" in page and "hosted_events" in page and 'href="/"' in page
        assert page.count("</script>") == 1  # example queries cannot close the script early
    # a SPARQL client pointed at / is still answered
    status, ctype, body = served.get("?" + _q("ASK { ?s ?p ?o }").split("?", 1)[1])
    assert status == 200 and json.loads(body)["boolean"] is True
    status, _, body = served.get("nothing-here")
    assert status == 404 and b"the explorer is /" in body


#: One path of every kind the server answers, and one it does not.
HEAD_PATHS = (
    "/",
    "/?lang=en",
    "/explore",
    "/explore/assets/explorer.js",
    "/explore/assets/nothing.js",
    "/api/counts",
    "/api/search?q=Tillerson",
    "/api/entity",
    "/api/nothing",
    "/query",
    "/sparql",
    "/" + _q("ASK { ?s ?p ?o }"),
    "/" + _q("SELEC ?x {"),
    "/sparql?update=CLEAR%20ALL",
    "/nothing-here",
)


def test_head_is_answered_as_get_without_a_body(served: Served) -> None:
    import http.client

    c = http.client.HTTPConnection("127.0.0.1", served.port, timeout=30)
    try:  # one keep-alive connection: a body sent after HEAD would spoil the next reply
        for path in HEAD_PATHS:
            c.request("GET", path)
            got = c.getresponse()
            body = got.read()
            c.request("HEAD", path)
            head = c.getresponse()
            assert head.read() == b"", path
            assert head.status == got.status != 501, path
            for name in ("Content-Type", "Content-Length", "Content-Security-Policy"):
                assert head.getheader(name) == got.getheader(name), (path, name)
            assert int(head.getheader("Content-Length") or -1) == len(body), path
    finally:
        c.close()


def test_a_result_larger_than_the_limit_is_refused(store: Path) -> None:
    s = Served(store, "--max-result-mb", "0.002", "--workers", "1")
    try:
        status, _, body = s.get(_q("SELECT * WHERE { ?s ?p ?o }"))
        assert status == 413 and b"larger than 2000 bytes" in body
        status, _, _ = s.get(_q("SELECT * WHERE { ?s ?p ?o } LIMIT 2"))
        assert status == 200
    finally:
        s.stop()


def test_serving_a_graph_file_binds_to_loopback_and_holds_off_builds(tmp_path: Path) -> None:
    trig = write_outputs(build_graph(results()), tmp_path)[1]
    s = Served(trig)
    try:
        assert (
            s.sparql(PREFIX + "ASK { GRAPH ?g { ?s kg:hosted ?o } }").query().convert()["boolean"]
            is True
        )
    finally:
        err = s.stop()
    assert "http://127.0.0.1:" in err and "warning" not in err
    store = tmp_path / "kg"
    with GraphStore(store) as st:
        st.put(results()[1])
    served = Served(store, "--workers", "1")
    try:
        with pytest.raises(InputError, match="in use"):
            GraphStore(store)
    finally:
        served.stop()
    GraphStore(store).close()  # free again once the server stopped


def test_on_disk_mode_answers_the_same(store: Path, served: Served) -> None:
    q = (
        PREFIX
        + "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    )
    s = Served(store, "--on-disk", "--workers", "1")
    try:
        assert s.sparql(q).query().convert() == served.sparql(q).query().convert()
    finally:
        s.stop()


def test_a_graph_file_that_cannot_be_read_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(RuntimeError, match="cannot serve it"):
        Served(bad)


@pytest.mark.parametrize("mode", [(), ("--on-disk",)])
def test_a_triple_in_several_graphs_of_a_file_counts_once(
    tmp_path: Path, mode: tuple[str, ...]
) -> None:
    # graph.trig repeats Washington's description in both documents' graphs; Oxigraph's
    # union would count it twice (oxigraph/oxigraph#1919); rdflib counts it once.
    from kg.query import query

    trig = write_outputs(build_graph(results()), tmp_path)[1]
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s rdfs:label ?l }"
    want = int(next(iter(query(trig, q))).n)
    s = Served(trig, *mode, "--workers", "1")
    try:
        got = s.sparql(q).query().convert()["results"]["bindings"][0]["n"]["value"]
        named = (
            s.sparql("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s rdfs:label ?l } }")
            .query()
            .convert()
        )
    finally:
        s.stop()
    assert int(got) == want
    assert (
        int(named["results"]["bindings"][0]["n"]["value"]) > want
    )  # GRAPH ?g still sees each graph


def test_dataset_parameters(served: Served) -> None:
    q = PREFIX + "SELECT (COUNT(*) AS ?n) WHERE { ?f a kg:Fact }"
    one = "https://w3id.org/kg-builder/resource/doc/coalition_en"
    status, _, body = served.get(_q(q) + "&" + urllib.parse.urlencode({"default-graph-uri": one}))
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == "2"
    status, _, _ = served.get(_q(q) + "&default-graph-uri=not%20an%20iri")
    assert status == 400


def test_a_port_in_use_is_reported(store: Path) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        r = subprocess.run(
            [
                sys.executable,
                "-m",
                "kg.cli",
                "serve",
                str(store),
                "--port",
                str(port),
                "--workers",
                "1",
            ],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=60,
        )
    assert r.returncode == 1 and "cannot listen there" in r.stderr


def test_service_is_refused_unless_its_endpoint_is_allowed(store: Path) -> None:
    near = "http://127.0.0.1:9/sparql"  # nothing listens there
    q = "SELECT * WHERE { SERVICE SILENT <%s> { ?s ?p ?o } }"
    s = Served(store, "--workers", "1")  # the default: no SERVICE at all, even on loopback
    try:
        status, _, body = s.get(_q(q % near))
        assert status == 403 and b"--allow-service" in body
        assert s.get(_q('SELECT * WHERE { ?s ?p "SERVICE" } LIMIT 1'))[0] == 200
    finally:
        s.stop()
    s = Served(store, "--workers", "1", "--allow-service", near, "--allow-service", "wikidata")
    try:
        assert s.get(_q(q % near))[0] == 200  # allowed (and SILENT: the failed call is empty)
        for other in (
            q % "http://127.0.0.1:8/sparql",
            q % near.replace(":", "\\u003A", 1),  # the same IRI, escaped: allowed
            "PREFIX x: <http://127.0.0.1:8/> SELECT * WHERE { SERVICE x:sparql { ?s ?p ?o } }",
            "SELECT * WHERE { BIND(<" + near + "> AS ?e) SERVICE ?e { ?s ?p ?o } }",
            "BASE <http://127.0.0.1:8/> SELECT * WHERE { SERVICE <sparql> { ?s ?p ?o } }",
            "select * where { service silent <http://127.0.0.1:8/sparql> { ?s ?p ?o } }",
        ):
            status, _, body = s.get(_q(other))
            assert status == (200 if "u003A" in other else 403), (other, body)
    finally:
        s.stop()


def test_the_host_header_must_name_this_server(served: Served) -> None:
    import http.client

    def ask(host: str | None) -> tuple[int, bytes]:
        c = http.client.HTTPConnection("127.0.0.1", served.port, timeout=10)
        try:
            c.putrequest("GET", "/" + _q("ASK { ?s ?p ?o }"), skip_host=True)
            if host is not None:
                c.putheader("Host", host)
            c.endheaders()
            r = c.getresponse()
            return r.status, r.read()
        finally:
            c.close()

    for good in (f"127.0.0.1:{served.port}", f"localhost:{served.port}", "[::1]", None):
        assert ask(good)[0] == 200, good
    for bad in ("attacker.example", f"attacker.example:{served.port}", "127.0.0.1.evil.example"):
        status, body = ask(bad)
        assert status == 403 and b"--allow-host" in body, bad
    status, _, _ = served.get("", {"Host": "attacker.example"})  # the explorer too
    assert status == 403


def test_allow_host_accepts_a_name(store: Path) -> None:
    s = Served(store, "--workers", "1", "--allow-host", "kg.example")
    try:
        assert s.get(_q("ASK { ?s ?p ?o }"), {"Host": "kg.example:80"})[0] == 200
        assert s.get(_q("ASK { ?s ?p ?o }"), {"Host": "other.example"})[0] == 403
    finally:
        s.stop()


def test_from_and_from_named_are_honoured(served: Served) -> None:
    def count(q: str) -> int:
        status, _, body = served.get(_q(q))
        assert status == 200, body
        return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])

    one = "https://w3id.org/kg-builder/resource/doc/coalition_en"
    assert count(PREFIX + "SELECT (COUNT(*) AS ?n) WHERE { ?f a kg:Fact }") == 13
    assert count("SELECT (COUNT(*) AS ?n) FROM <urn:nonexistent> WHERE { ?s ?p ?o }") == 0
    assert count(PREFIX + f"SELECT (COUNT(*) AS ?n) FROM <{one}> WHERE {{ ?f a kg:Fact }}") == 2
    q = f"SELECT (COUNT(*) AS ?n) FROM NAMED <{one}> WHERE {{ GRAPH ?g {{ ?f a kg:Fact }} }}"
    assert count(PREFIX + q) == 2
    # FROM NAMED alone: the default graph is empty, as SPARQL says
    q = f"SELECT (COUNT(*) AS ?n) FROM NAMED <{one}> WHERE {{ ?s ?p ?o }}"
    assert count(q) == 0


HUNGRY = "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i LIMIT 1"


def test_a_query_that_eats_memory_is_stopped_with_503(store: Path) -> None:
    # The query (one join fewer: the test store is small) grows a worker by
    # hundreds of MB a second; with a 40 MB allowance it is stopped long before the timeout.
    s = Served(store, "--max-memory", "40", "--workers", "1")
    try:
        t0 = time.monotonic()
        status, _, body = s.get(_q(HUNGRY))
        assert status == 503 and b"memory" in body and b"--max-memory" in body, body
        assert time.monotonic() - t0 < TIMEOUT
        # the worker was replaced: the endpoint answers again
        deadline = time.monotonic() + 30
        while (status := s.get(_q("ASK { ?s ?p ?o }"))[0]) != 200 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert status == 200
    finally:
        s.stop()


def _raw(port: int, data: bytes, timeout: float = 10) -> bytes:
    """Send bytes on a new connection; what comes back until the server closes it."""
    import socket

    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as c:
        c.sendall(data)
        out = b""
        while chunk := c.recv(65536):
            out += chunk
        return out


def test_a_request_body_must_come_in_time_and_have_a_sane_length(store: Path) -> None:
    s = Served(store, "--workers", "1", "--read-timeout", "1")
    try:
        head = b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
        t0 = time.monotonic()
        reply = _raw(s.port, head + b"Content-Length: 1000\r\n\r\nASK {}", timeout=10)
        assert reply.startswith(b"HTTP/1.1 408"), reply
        assert time.monotonic() - t0 < 5  # the thread is let go, not held for minutes
        for bad in (b"-1", b"abc", b"1e3"):
            reply = _raw(s.port, head + b"Content-Length: " + bad + b"\r\n\r\nASK {}")
            assert reply.startswith(b"HTTP/1.1 400") and b"Content-Length" in reply, reply
        reply = _raw(s.port, head + b"Transfer-Encoding: chunked\r\n\r\n6\r\nASK {}\r\n0\r\n\r\n")
        assert reply.startswith(b"HTTP/1.1 411"), reply
        # an idle connection is closed after the read timeout too
        t0 = time.monotonic()
        assert _raw(s.port, b"") == b""
        assert time.monotonic() - t0 < 5
        assert s.get(_q("ASK { ?s ?p ?o }"))[0] == 200
    finally:
        s.stop()


def test_connections_beyond_the_cap_are_refused_and_the_slots_come_back(store: Path) -> None:
    import socket

    s = Served(store, "--workers", "1", "--max-connections", "8")
    idle = []
    try:
        for _ in range(8):  # hold every slot with a connection that sends nothing
            idle.append(socket.create_connection(("127.0.0.1", s.port), timeout=10))
        deadline = time.monotonic() + 10  # until the server has accepted all 8 (busy machines)
        while (got := s.get(_q("ASK { ?s ?p ?o }")))[0] != 503 and time.monotonic() < deadline:
            time.sleep(0.1)
        status, _, body = got
        assert status == 503 and b"8 connections" in body
        for c in idle:
            c.close()
        idle.clear()
        deadline = time.monotonic() + 10
        while (status := s.get(_q("ASK { ?s ?p ?o }"))[0]) != 200 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert status == 200
    finally:
        for c in idle:
            c.close()
        s.stop()


def test_the_listen_backlog_takes_a_burst_of_connections(store: Path) -> None:
    import socket

    from kg.server import Endpoint, Limits

    # bound and listening but not yet accepting: the kernel queues up to the backlog
    with Endpoint(store, port=free_port(), limits=Limits(workers=1)) as e:
        port = e.httpd.server_address[1]
        socks = []
        try:
            for _ in range(100):  # with a backlog of 5, the 7th SYN is dropped
                socks.append(socket.create_connection(("127.0.0.1", port), timeout=0.5))
        finally:
            for c in socks:
                c.close()
        assert len(socks) == 100


def test_idle_connections_do_not_make_threads_past_the_cap(store: Path) -> None:
    import socket
    import threading

    from kg.server import Endpoint, Limits

    with Endpoint(store, port=free_port(), limits=Limits(workers=1, max_connections=16)) as e:
        threading.Thread(target=e.serve_forever, daemon=True).start()
        port = e.httpd.server_address[1]
        before = threading.active_count()
        socks = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(100)]
        try:
            deadline = time.monotonic() + 10
            while threading.active_count() < before + 16 and time.monotonic() < deadline:
                time.sleep(0.05)
            replies = [c.recv(12) for c in socks[16:]]  # the first 16 hold the slots
            assert threading.active_count() <= before + 16
            assert replies == [b"HTTP/1.1 503"] * 84
        finally:
            for c in socks:
                c.close()
