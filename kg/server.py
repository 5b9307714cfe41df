"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over a store or a graph file.

The HTTP side is the standard library's ``ThreadingHTTPServer``. Queries never run in
the server process: each runs in one of a few worker processes that hold the store open
read-only, so a query that overruns its time limit is stopped for real (the worker is
killed and replaced), and a result larger than the size limit is cut off while it is
being written, before it fills the memory.

Protocol (https://www.w3.org/TR/sparql11-protocol/):

- ``GET /sparql?query=...``, ``POST /sparql`` with a form (``query=...``) or with a
  ``application/sparql-query`` body; ``default-graph-uri`` and ``named-graph-uri`` are
  honoured, and so are ``FROM`` and ``FROM NAMED`` in the query. Without any of them
  the default graph is the union of all graphs, as for files.
- Updates (``update=``, ``application/sparql-update``) are refused with 403.
- SELECT and ASK answer in SPARQL JSON (default), XML, CSV or TSV; CONSTRUCT and
  DESCRIBE in Turtle (default), N-Triples, RDF/XML or JSON-LD; chosen by the ``Accept``
  header or a ``format`` parameter (``json``, ``xml``, ``csv``, ``tsv``, ``turtle``,
  ``ntriples``, ...). 406 when none fits.
- One thread per connection, at most ``Limits.max_connections`` (more are answered 503
  at once); a request must come within ``Limits.read_timeout`` (408 otherwise; 400 for
  a bad ``Content-Length``, 411 for a chunked body); the listen backlog is 128.
- 400 for a malformed query, 503 when it runs out of time, when it needs more memory
  than a worker may add to what the graph takes (the worker is killed and replaced), or
  when no worker frees up in time; 413 when the result is larger than the limit.
- SERVICE (federated queries, e.g. with Wikidata) makes the server fetch URLs: it is
  refused (403) unless its endpoint is one ``--allow-service`` lists.
- The ``Host`` header must name the address the server listens on, a loopback name
  (``localhost``, ``127.0.0.1``, ``[::1]``) or one of ``--allow-host``; anything else
  is refused (403), so that a web page cannot drive the endpoint through a name it
  controls (DNS rebinding).
- ``GET /`` is the explorer (search, entity and document pages, neighbourhoods,
  timelines, a SPARQL editor: ``kg.explorer_page``), also at ``/explore`` for older links;
  ``GET /query`` (and ``/sparql`` without a query) is the small page to type queries.
  A query sent to ``/`` (``?query=``, or POSTed) is answered as at ``/sparql``.
- ``HEAD`` is answered as ``GET`` on every path, without the body.
"""

from __future__ import annotations

import collections
import logging
import os
import shutil
import signal
import socket
import tempfile
import threading
import time
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .formats import FORMATS
from .server_page import (
    query_page as query_page,
)
from .server_rules import (
    DEFAULT_ANSWER as DEFAULT_ANSWER,
    SERVICE_NAMES as SERVICE_NAMES,
    host_allowed as host_allowed,
    host_name as host_name,
    is_loopback as is_loopback,
    media_types as media_types,
    negotiate as negotiate,
    refused_services as refused_services,
    service_allow_list as service_allow_list,
    service_endpoints as service_endpoints,
)
from .server_workers import (
    Limits as Limits,
    Reply as Reply,
    Source as Source,
    WorkerPool as WorkerPool,
    _Request,
    answer as answer,
    open_source as open_source,
    rss as rss,
)

log = logging.getLogger(__name__)

_MAX_REQUEST = 1_000_000  # bytes of a POSTed query
_BACKLOG = 128  # connections the kernel queues before the server accepts them
_SEND_RATE = 100_000  # bytes/s a client must at least read a reply at
_ENDPOINT_PATHS = ("/", "/sparql", "/query")  # paths that answer a SPARQL query
_NOT_FOUND = "not found; the explorer is /, the endpoint /sparql and the query page /query"
_LINGER = 0.5  # seconds a refused connection stays open for its client to read the 503
_MAX_LINGERING = 4096  # refused connections left open at once


# --- HTTP ----------------------------------------------------------------------------------


class _Server(ThreadingHTTPServer):
    """One thread per connection, at most ``max_connections`` at once: a connection
    beyond that is answered 503 at once and closed (the listen backlog queues the
    connections not yet accepted)."""

    request_queue_size = _BACKLOG
    daemon_threads = True
    block_on_close = False  # an idle keep-alive connection must not hold up close()

    def __init__(self, address: tuple[str, int], handler: Any, max_connections: int) -> None:
        self._slots = threading.BoundedSemaphore(max_connections)
        self.max_connections = max_connections
        # connections refused: answered at once, closed a little later by one thread
        self._lingering: collections.deque[tuple[float, socket.socket]] = collections.deque()
        self._linger_lock = threading.Lock()
        super().__init__(address, handler)
        threading.Thread(target=self._closer, daemon=True).start()

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self._slots.acquire(blocking=False):
            self._refuse(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def _refuse(self, sock: socket.socket) -> None:
        """Answer 503 (a small write: the socket's buffer takes it) and close later."""
        body = f"the server is busy: {self.max_connections} connections are open; try again\n"
        reply = (
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
            f"Content-Length: {len(body.encode())}\r\nRetry-After: 1\r\nConnection: close\r\n\r\n"
            + body
        )
        try:
            sock.setblocking(False)
            sock.send(reply.encode())
            sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        with self._linger_lock:
            self._lingering.append((time.monotonic() + _LINGER, sock))
            flood = len(self._lingering) > _MAX_LINGERING
        if flood:
            self._close_due(oldest=True)

    def _closer(self) -> None:
        while True:
            time.sleep(0.1)
            self._close_due()

    def _close_due(self, oldest: bool = False, everything: bool = False) -> None:
        """Close the refused sockets whose time is up, after reading what the client sent:
        closing a socket with unread data resets the connection, and the reply with it."""
        now = time.monotonic()
        while True:
            with self._linger_lock:
                if not self._lingering or not (
                    everything or oldest or self._lingering[0][0] <= now
                ):
                    return
                _, sock = self._lingering.popleft()
            oldest = False
            try:
                while sock.recv(65536):
                    pass
            except OSError:
                pass
            sock.close()

    def server_close(self) -> None:
        super().server_close()
        self._close_due(everything=True)

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.debug("connection from %s failed", client_address, exc_info=True)


class _Handler(BaseHTTPRequestHandler):
    server_version = "kg-serve"
    protocol_version = "HTTP/1.1"
    endpoint: Endpoint  # set on the subclass made per endpoint
    read_timeout: float = (
        10.0  # Limits.read_timeout, also the socket's timeout (set on the subclass)
    )

    def _wrong_host(self) -> bool:
        """Refuse (403) a request whose Host header does not name this server."""
        host = self.headers.get("Host")
        if host_allowed(host, self.endpoint.host, self.endpoint.allow_hosts):
            return False
        self._refuse(
            403,
            f"Host {host!r} is not this server's address; start kg serve with "
            f"--allow-host {host_name(host or '')} to accept it",
        )
        return True

    def do_GET(self) -> None:  # noqa: N802 (the stdlib's naming)
        if self._wrong_host():
            return
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path == "/explore" or url.path.startswith(("/explore/", "/api/")):
            self._send(self._explore(url.path, params))
        elif url.path not in _ENDPOINT_PATHS:
            self._send(Reply.text(404, _NOT_FOUND))
        elif "update" in params:
            self._send(_refuse_update())
        elif "query" in params:
            self._query(params)
        elif url.path == "/":
            self._send(self._explore(url.path, params))
        else:
            self._send(Reply(200, "text/html; charset=utf-8", query_page().encode("utf-8")))

    def do_HEAD(self) -> None:  # noqa: N802
        """As GET, and ``_send`` leaves the body out (HTTP/1.1 §9.3.2)."""
        self.do_GET()

    def _explore(self, path: str, params: dict[str, list[str]]) -> Reply:
        from . import explorer_page

        if path in ("/", "/explore", "/explore/"):
            return explorer_page.page()
        if path.startswith("/explore/assets/"):
            return explorer_page.asset(path[len("/explore/assets/") :])
        if path.startswith("/api/"):
            return explorer_page.api(self.endpoint.explorer, path[len("/api/") :], params)
        return Reply.text(404, _NOT_FOUND)

    def do_POST(self) -> None:  # noqa: N802
        if self._wrong_host():
            return
        url = urlsplit(self.path)
        if url.path not in (*_ENDPOINT_PATHS, "/update"):
            self._send(Reply.text(404, "not found; the endpoint is /sparql"))
            return
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            self._refuse(411, "send the query with a Content-Length (chunked bodies are not read)")
            return
        declared = (self.headers.get("Content-Length") or "0").strip()
        if not declared.isascii() or not declared.isdigit():
            self._refuse(400, f"bad Content-Length: {declared[:40]!r}")
            return
        length = int(declared)
        if length > _MAX_REQUEST:
            self._refuse(413, f"the request is larger than {_MAX_REQUEST} bytes")
            return
        data = self._read_body(length)
        if data is None:
            return
        body = data.decode("utf-8", "replace")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path == "/update" or ctype == "application/sparql-update":
            self._send(_refuse_update())
        elif ctype == "application/x-www-form-urlencoded":
            form = parse_qs(body, keep_blank_values=True)
            params = {**params, **form}
            self._send(_refuse_update()) if "update" in form else self._query(params)
        elif ctype == "application/sparql-query":
            self._query({**params, "query": [body]})
        else:
            self._send(
                Reply.text(
                    415,
                    "send application/sparql-query or a form (application/x-www-form-urlencoded)",
                )
            )

    def _read_body(self, length: int) -> bytes | None:
        """The body, read within ``timeout`` seconds in all (a client that sends less
        than it announced gets 408); None when it was refused."""
        deadline = time.monotonic() + self.read_timeout
        parts, got = [], 0
        try:
            while got < length:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError
                self.connection.settimeout(left)
                chunk = self.rfile.read1(min(65536, length - got))
                if not chunk:
                    self._refuse(400, f"the body ended after {got} of {length} bytes")
                    return None
                parts.append(chunk)
                got += len(chunk)
        except TimeoutError:
            self._refuse(
                408, f"the body did not come in {self.read_timeout:g} s ({got} of {length} bytes)"
            )
            return None
        finally:
            self.connection.settimeout(self.read_timeout)
        return b"".join(parts)

    def _refuse(self, status: int, message: str) -> None:
        """Answer an error and close the connection (what is left of the request is unread)."""
        self.close_connection = True
        self._send(Reply.text(status, message))

    def _query(self, params: dict[str, list[str]]) -> None:
        queries = params.get("query") or [""]
        if len(queries) != 1 or not queries[0].strip():
            self._send(Reply.text(400, "give exactly one non-empty query parameter"))
            return
        req = _Request(
            queries[0],
            self.headers.get("Accept") or "",
            (params.get("format") or [""])[0],
            tuple(params.get("default-graph-uri", [])),
            tuple(params.get("named-graph-uri", [])),
        )
        refused = refused_services(req.query, self.endpoint.limits.services)
        if refused:
            what = (
                "a SERVICE whose endpoint is a variable, a relative IRI or an unknown prefix"
                if refused[0] == "?"
                else f"SERVICE <{refused[0]}>"
            )
            self._send(
                Reply.text(
                    403,
                    f"{what} is not allowed on this endpoint (the server would fetch it); "
                    "kg serve --allow-service IRI (or --allow-service wikidata) allows an endpoint",
                )
            )
            return
        self._send(self.endpoint.pool.run(req))

    def _send(self, reply: Reply) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("Vary", "Accept")
        self.send_header("X-Content-Type-Options", "nosniff")
        if reply.content_type.startswith("text/html"):
            self.send_header("Content-Security-Policy", _csp(self.path))
            self.send_header("Referrer-Policy", "no-referrer")
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            # a large reply may take longer than a read: give the client _SEND_RATE
            self.connection.settimeout(max(self.read_timeout, len(reply.body) / _SEND_RATE))
            try:
                self.wfile.write(reply.body)
            finally:
                self.connection.settimeout(self.read_timeout)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the stdlib's name)
        log.info("%s %s", self.address_string(), format % args)


def _csp(path: str) -> str:
    """The explorer's policy (its scripts from /explore/assets/ only), or the query page's.

    >>> _csp("/?lang=en") == _csp("/explore") != _csp("/query")
    True
    """
    where = urlsplit(path).path
    if where == "/" or where.startswith("/explore"):
        from .explorer_page import CSP

        return CSP
    return "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'"


def _refuse_update() -> Reply:
    return Reply.text(403, "this endpoint is read-only: SPARQL updates are refused")


class Endpoint:
    """A running endpoint: the worker pool and the HTTP server, bound but not yet serving.

    Each worker holds the graph in memory (copied from the store, or parsed from the
    file) unless ``on_disk``: then a store is read in place (for stores larger than the
    memory; queries are several times slower) and a file is loaded once into a
    temporary on-disk store, removed on close. A store folder is served holding its
    read lock, so that no build writes it meanwhile.
    """

    def __init__(
        self,
        source: str | os.PathLike[str],
        *,
        host: str = "127.0.0.1",
        port: int = 7878,
        limits: Limits | None = None,
        on_disk: bool = False,
        allow_hosts: Sequence[str] = (),
    ) -> None:
        from . import store
        from .errors import InputError

        self.source, self.limits = Path(source), limits or Limits()
        self.host, self.allow_hosts = host, tuple(allow_hosts)
        _give_back_freed_memory()
        self._tmp: str | None = None
        self._lock: Any = None
        self._serving = False
        if self.source.is_dir():
            where = store.rdf_dir(self.source)
            if where is None:
                raise InputError(
                    str(self.source), "not a kg store (make one with kg build ... --store DIR)"
                )
            self._lock = store.store_lock(self.source, exclusive=False)
            self._lock.__enter__()
            worker_source = Source(str(where), "disk" if on_disk else "memory")
        else:
            worker_source = Source(str(self.source), _oxigraph_format(self.source))
            if on_disk:
                self._tmp = tempfile.mkdtemp(prefix="kg-serve-")
                try:
                    load_file(self.source, self._tmp)
                except BaseException:
                    self._release()
                    raise
                worker_source = Source(self._tmp, "disk", union=False)
        handler = type(
            "Handler",
            (_Handler,),
            {
                "endpoint": self,
                "timeout": self.limits.read_timeout,  # of each read (StreamRequestHandler)
                "read_timeout": self.limits.read_timeout,
            },
        )
        try:  # bound first: a busy port fails before the workers load anything
            self.httpd = _Server((host, port), handler, self.limits.max_connections)
        except OSError as e:
            self._release()
            raise InputError(f"{host}:{port}", f"cannot listen there: {e.strerror or e}") from None
        try:
            self.pool = WorkerPool(worker_source, self.limits)
        except BaseException:
            self.httpd.server_close()
            self._release()
            raise
        from .explorer import Explorer

        self.explorer = Explorer(self.select)
        # the ontology's relation labels (half a second to parse) before the first page asks
        threading.Thread(target=self.explorer.relation_labels, daemon=True).start()

    def select(self, query: str) -> list[dict[str, dict[str, str]]]:
        """The rows of a SELECT run by the workers (SPARQL JSON bindings), for the explorer;
        a query that fails raises ``ExplorerError`` carrying the worker's reply."""
        import json

        from .explorer_page import ExplorerError

        reply = self.pool.run(_Request(query, "application/sparql-results+json", "json", (), ()))
        if reply.status != 200:
            raise ExplorerError(reply)
        rows: list[dict[str, dict[str, str]]] = json.loads(reply.body)["results"]["bindings"]
        return rows

    @property
    def url(self) -> str:
        host, port = (str(x) for x in self.httpd.server_address[:2])
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/"

    def serve_forever(self) -> None:
        """Serve until Ctrl-C or SIGTERM (then ``close`` cleans up)."""
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, _interrupt)
        self._serving = True
        try:
            self.httpd.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            self._serving = False

    def close(self) -> None:
        if self._serving:  # serving in another thread
            self.httpd.shutdown()
        self.httpd.server_close()
        self.pool.close()
        self._release()

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.__exit__(None, None, None)
            self._lock = None
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    def __enter__(self) -> Endpoint:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _give_back_freed_memory() -> None:
    """Make glibc return large freed blocks (replies of MBs) to the system at once.

    glibc raises its mmap threshold (up to 32 MB) each time a large block is freed, so
    the later replies come from the heaps of the threads, which keep the memory: a
    server that answered a few large results would stay at hundreds of MB. A fixed
    threshold keeps every block over 1 MB in its own mapping, unmapped when freed.
    """
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallopt(-3, 1 << 20)  # M_MMAP_THRESHOLD; does nothing elsewhere than glibc
    except (OSError, AttributeError):
        pass


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def load_file(path: Path, store_path: str) -> None:
    """Load a graph file into a new on-disk Oxigraph store (for serving it), its union
    also in the default graph (see ``open_source``)."""
    import pyoxigraph as ox

    from .errors import InputError

    fmt = _oxigraph_format(path)
    store = ox.Store(store_path)
    try:
        store.bulk_load(path=str(path), format=getattr(ox.RdfFormat, fmt))
    except (SyntaxError, ValueError, OSError) as e:
        raise InputError(str(path), f"cannot load: {e}") from None
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    store.flush()
    store.optimize()
    del store  # close it: the workers open it read-only


def _oxigraph_format(path: Path) -> str:
    """The pyoxigraph name of a graph file's format, by its suffix (``kg.formats``)."""
    from .errors import InputError

    fmt = FORMATS.by_suffix(path.suffix)
    if fmt.oxigraph is None:
        raise InputError(str(path), f"Oxigraph does not read {fmt.name}")
    return fmt.oxigraph


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now (for tests and scripts).

    >>> 0 < free_port() < 65536
    True
    """
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


# --- the query page ---------------------------------------------------------------------
