"""A small, polite Wikidata client: search, entity data, SPARQL, with a persistent cache.

It follows the Wikimedia etiquette (the User-Agent policy at
https://meta.wikimedia.org/wiki/User-Agent_policy and the API's maxlag rules):

- a descriptive User-Agent with contact information (``KG_WIKIDATA_CONTACT`` sets the
  contact, ``KG_USER_AGENT`` replaces the whole string);
- one request at a time in the whole process (a lock), ids batched by 50;
- ``maxlag=5`` on Action API calls, and a wait on a ``maxlag`` error;
- on HTTP 429 and 503 it waits what ``Retry-After`` says (seconds or an HTTP date; up
  to ``max_wait``), on other 5xx answers, timeouts and malformed JSON it backs off
  exponentially, and it gives up after ``retries`` retries;
- gzip answers, a timeout on every request.

Answers are cached in SQLite (default ``~/.cache/kg-builder/wikidata.sqlite``, or
``KG_WIKIDATA_CACHE``): searches by language and normalised text, entities by QID, class
closures by class QID; entries older than ``max_age_days`` are fetched again. Failures
are never cached.

Endpoints default to Wikidata and can be pointed elsewhere (``KG_WIKIDATA_API``,
``KG_WIKIDATA_SPARQL``): the tests use a local server that answers in Wikidata's shapes.
Only the standard library is used, and this module is imported only by the online
linker, ``kg enrich`` and the gazetteer refresh script.
"""

from __future__ import annotations

import email.utils
import gzip
import json
import logging
import os
import platform
import socket
import sqlite3
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import KGError
from ..text import normalize

log = logging.getLogger(__name__)

DEFAULT_API = "https://www.wikidata.org/w/api.php"
DEFAULT_SPARQL = "https://query.wikidata.org/sparql"
ENTITY_PREFIX = "http://www.wikidata.org/entity/"
MAX_IDS = 50  # wbgetentities takes at most 50 ids per request

#: One request at a time in the whole process, whatever the number of clients.
_SERIAL = threading.Lock()


class WikidataError(KGError):
    """A Wikidata request failed for good (after retries), or answered an error."""


class WikidataUnavailable(WikidataError):
    """Wikidata cannot be reached at all (no network, DNS failure, refused, timeouts)."""


def user_agent() -> str:
    """The User-Agent sent with every request (Wikimedia requires a descriptive one).

    >>> user_agent().startswith("kg-builder/")
    True
    """
    if os.environ.get("KG_USER_AGENT"):
        return os.environ["KG_USER_AGENT"]
    contact = (
        os.environ.get("KG_WIKIDATA_CONTACT")
        or "https://pypi.org/project/kg-builder/; set KG_WIKIDATA_CONTACT"
    )
    return f"kg-builder/{__version__} ({contact}) Python-urllib/{platform.python_version()}"


def default_cache_path() -> Path:
    """``KG_WIKIDATA_CACHE``, else ``$XDG_CACHE_HOME/kg-builder/wikidata.sqlite`` (``~/.cache``)."""
    if os.environ.get("KG_WIKIDATA_CACHE"):
        return Path(os.environ["KG_WIKIDATA_CACHE"]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kg-builder" / "wikidata.sqlite"


# --- answers --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One hit of ``wbsearchentities``, best first."""

    id: str
    label: str = ""
    description: str = ""
    match_type: str = ""  # "label", "alias", ...
    match_text: str = ""
    match_language: str = ""


@dataclass(frozen=True, slots=True)
class Item:
    """The parts of an entity the linker and enrichment use."""

    id: str
    labels: dict[str, str] = field(default_factory=dict)  # language -> label
    descriptions: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    instance_of: tuple[str, ...] = ()  # P31 values (not deprecated)
    country: tuple[str, ...] = ()  # P17 values
    missing: bool = False
    modified: str = ""

    def names(self) -> Iterator[tuple[str, str]]:
        """(language, name) for every label and alias."""
        for lang, label in self.labels.items():
            yield lang, label
        for lang, names in self.aliases.items():
            for n in names:
                yield lang, n


def parse_search(answer: Mapping[str, Any]) -> list[SearchHit]:
    """The hits of a ``wbsearchentities`` answer.

    >>> parse_search({"search": [{"id": "Q7164", "label": "البنك الدولي", "match": {"type": "label", "text": "البنك الدولي", "language": "ar"}}], "success": 1})
    [SearchHit(id='Q7164', label='البنك الدولي', description='', match_type='label', match_text='البنك الدولي', match_language='ar')]
    """
    _raise_api_error(answer)
    hits = []
    for h in answer.get("search") or []:
        if not isinstance(h, dict) or not str(h.get("id", "")).startswith("Q"):
            continue
        match = h.get("match") or {}
        hits.append(
            SearchHit(
                str(h["id"]),
                str(h.get("label", "")),
                str(h.get("description", "")),
                str(match.get("type", "")),
                str(match.get("text", "")),
                str(match.get("language", "")),
            )
        )
    return hits


def parse_entity(qid: str, data: Mapping[str, Any]) -> Item:
    """An ``Item`` from one entity of a ``wbgetentities`` (or Special:EntityData) answer.

    >>> parse_entity("Q1", {"id": "Q1", "labels": {"en": {"language": "en", "value": "universe"}}}).labels
    {'en': 'universe'}
    >>> parse_entity("Q0", {"id": "Q0", "missing": ""}).missing
    True
    """
    if "missing" in data:
        return Item(qid, missing=True)

    def values(prop: str) -> tuple[str, ...]:
        out = []
        for st in (data.get("claims") or {}).get(prop) or []:
            snak = st.get("mainsnak") or {}
            if st.get("rank") == "deprecated" or snak.get("snaktype") != "value":
                continue
            value = (snak.get("datavalue") or {}).get("value") or {}
            if isinstance(value, dict) and str(value.get("id", "")).startswith("Q"):
                out.append(str(value["id"]))
        return tuple(dict.fromkeys(out))

    return Item(
        str(data.get("id") or qid),
        {
            k: str(v.get("value", ""))
            for k, v in (data.get("labels") or {}).items()
            if isinstance(v, dict)
        },
        {
            k: str(v.get("value", ""))
            for k, v in (data.get("descriptions") or {}).items()
            if isinstance(v, dict)
        },
        {
            k: tuple(str(a.get("value", "")) for a in v if isinstance(a, dict))
            for k, v in (data.get("aliases") or {}).items()
            if isinstance(v, list)
        },
        values("P31"),
        values("P17"),
        False,
        str(data.get("modified", "")),
    )


def _raise_api_error(answer: Mapping[str, Any]) -> None:
    error = answer.get("error")
    if isinstance(error, dict):
        raise WikidataError(
            f"Wikidata API error {error.get('code', '?')}: {error.get('info', '')}".strip()
        )


# --- cache --------------------------------------------------------------------------------


class Cache:
    """A persistent SQLite cache of Wikidata answers (thread-safe, one connection).

    >>> c = Cache(":memory:")
    >>> c.put("search", "ar\\tبغداد", [{"id": "Q1530"}])
    >>> c.get("search", "ar\\tبغداد")
    [{'id': 'Q1530'}]
    >>> c.get("search", "en\\tbaghdad") is None
    True
    """

    _TABLES = ("search", "entity", "closure", "sparql")

    def __init__(self, path: str | os.PathLike[str], max_age_days: float = 30.0) -> None:
        self.path = str(path)
        self.max_age = max_age_days * 86400
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
        with self._db:
            for t in self._TABLES:
                self._db.execute(
                    f"CREATE TABLE IF NOT EXISTS {t} (key TEXT PRIMARY KEY, value TEXT NOT NULL, fetched REAL NOT NULL)"
                )

    def get(self, table: str, key: str) -> Any:
        """The cached value, or None (absent or older than ``max_age_days``)."""
        with self._lock:
            row = self._db.execute(
                f"SELECT value, fetched FROM {self._table(table)} WHERE key = ?", (key,)
            ).fetchone()
        if row is None or (self.max_age > 0 and time.time() - row[1] > self.max_age):
            return None
        return json.loads(row[0])

    def put(self, table: str, key: str, value: Any) -> None:
        with self._lock, self._db:
            self._db.execute(
                f"INSERT OR REPLACE INTO {self._table(table)} (key, value, fetched) VALUES (?, ?, ?)",
                (key, json.dumps(value, ensure_ascii=False), time.time()),
            )

    def count(self, table: str) -> int:
        with self._lock:
            return int(self._db.execute(f"SELECT COUNT(*) FROM {self._table(table)}").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _table(self, table: str) -> str:
        if table not in self._TABLES:
            raise ValueError(f"no cache table {table!r}")
        return table


# --- client ---------------------------------------------------------------------------------


class WikidataClient:
    """Search, entity data and SPARQL against Wikidata (or a server that answers like it).

    >>> c = WikidataClient(api="http://127.0.0.1:9/w/api.php", cache=Cache(":memory:"))
    >>> c.api, c.timeout
    ('http://127.0.0.1:9/w/api.php', 10.0)
    """

    def __init__(
        self,
        api: str | None = None,
        sparql: str | None = None,
        *,
        cache: Cache | None = None,
        cache_path: str | os.PathLike[str] | None = None,
        timeout: float = 10.0,
        retries: int = 3,
        max_wait: float = 120.0,
        backoff: float = 1.0,
        maxlag: int = 5,
        agent: str | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.api = api or os.environ.get("KG_WIKIDATA_API") or DEFAULT_API
        self.sparql_url = sparql or os.environ.get("KG_WIKIDATA_SPARQL") or DEFAULT_SPARQL
        self.cache = cache if cache is not None else Cache(cache_path or default_cache_path())
        self.timeout = float(os.environ.get("KG_WIKIDATA_TIMEOUT", timeout))
        self.retries = retries
        self.max_wait = max_wait
        self.backoff = backoff
        self.maxlag = maxlag
        self.agent = agent or user_agent()
        self._sleep = sleep
        self.requests = 0  # HTTP requests made (cache hits are not requests)

    # -- public calls ------------------------------------------------------------------

    def probe(self) -> None:
        """Raise WikidataUnavailable unless the API answers (a quick check, no retries)."""
        try:
            self._request(
                self.api,
                {"action": "query", "meta": "siteinfo", "format": "json"},
                retries=0,
                timeout=min(self.timeout, 5.0),
            )
        except WikidataUnavailable:
            raise
        except WikidataError as e:
            raise WikidataUnavailable(str(e)) from None

    def search(self, text: str, language: str = "ar", limit: int = 7) -> list[SearchHit]:
        """Items whose label or alias matches ``text`` (``wbsearchentities``), best first."""
        key = f"{language}\t{limit}\t{normalize(text)}"
        cached = self.cache.get("search", key)
        if cached is not None:
            return [SearchHit(**h) for h in cached]
        params = {
            "action": "wbsearchentities",
            "search": text,
            "language": language,
            "uselang": language,
            "type": "item",
            "limit": str(limit),
            "format": "json",
        }
        hits = parse_search(self._request(self.api, params))
        self.cache.put("search", key, [asdict(h) for h in hits])
        return hits

    def entities(
        self, ids: Iterable[str], languages: Sequence[str] = ("ar", "en")
    ) -> dict[str, Item]:
        """Labels, descriptions, aliases, P31 and P17 of items (``wbgetentities``), by QID."""
        wanted = list(dict.fromkeys(i for i in ids if i))
        out: dict[str, Item] = {}
        todo = []
        for qid in wanted:
            cached = self.cache.get("entity", qid)
            if cached is not None and set(languages) <= set(cached.get("_languages", [])):
                out[qid] = _item_from_json(cached)
            else:
                todo.append(qid)
        for i in range(0, len(todo), MAX_IDS):
            batch = todo[i : i + MAX_IDS]
            params = {
                "action": "wbgetentities",
                "ids": "|".join(batch),
                "props": "labels|descriptions|aliases|claims",
                "languages": "|".join(languages),
                "redirects": "yes",
                "format": "json",
            }
            answer = self._request(self.api, params)
            _raise_api_error(answer)
            found = answer.get("entities") or {}
            if not isinstance(found, dict):
                raise WikidataError("malformed wbgetentities answer: 'entities' is not an object")
            by_id = {str(v.get("id", k)): (k, v) for k, v in found.items() if isinstance(v, dict)}
            for qid in batch:
                key, data = by_id.get(qid) or (qid, found.get(qid) or {"id": qid, "missing": ""})
                item = parse_entity(qid, data)
                out[qid] = item
                self.cache.put("entity", qid, {**asdict(item), "_languages": list(languages)})
        return out

    def sparql(self, query: str, cache: bool = False) -> list[dict[str, dict[str, str]]]:
        """The bindings of a SELECT query (SPARQL 1.1 JSON results)."""
        import hashlib

        key = hashlib.sha256(query.encode("utf-8")).hexdigest()
        if cache:
            cached = self.cache.get("sparql", key)
            if cached is not None:
                return list(cached)
        answer = self._request(
            self.sparql_url, {"query": query}, post=True, accept="application/sparql-results+json"
        )
        try:
            bindings = answer["results"]["bindings"]
        except (KeyError, TypeError):
            raise WikidataError(f"{self.sparql_url}: not a SPARQL JSON result") from None
        if cache:
            self.cache.put("sparql", key, bindings)
        return list(bindings)

    # -- HTTP --------------------------------------------------------------------------

    def _request(
        self,
        url: str,
        params: Mapping[str, str],
        *,
        post: bool = False,
        accept: str = "application/json",
        retries: int | None = None,
        timeout: float | None = None,
    ) -> Any:
        """One JSON answer, with the etiquette of the module docstring."""
        params = dict(params)
        if url == self.api and self.maxlag:
            params.setdefault("maxlag", str(self.maxlag))
        data = urllib.parse.urlencode(params).encode("ascii")
        headers = {"User-Agent": self.agent, "Accept": accept, "Accept-Encoding": "gzip"}
        if post:
            req = urllib.request.Request(
                url,
                data=data,
                headers={**headers, "Content-Type": "application/x-www-form-urlencoded"},
            )
        else:
            req = urllib.request.Request(f"{url}?{data.decode('ascii')}", headers=headers)
        tries = self.retries if retries is None else retries
        attempt = 0
        while True:
            result, problem, unreachable = self._attempt(req, timeout or self.timeout)
            if problem is None:
                return result
            if attempt >= tries:
                raise (WikidataUnavailable if unreachable else WikidataError)(
                    f"{url}: {problem} (after {attempt + 1} tries)"
                )
            delay = result if isinstance(result, float) else self.backoff * 2**attempt
            if delay > self.max_wait:
                raise WikidataError(
                    f"{url}: {problem}; asked to wait {delay:.0f} s, more than {self.max_wait:.0f} s"
                )
            log.info("wikidata: %s; retrying in %.1f s", problem, delay)
            self._sleep(delay)
            attempt += 1

    def _attempt(self, req: urllib.request.Request, timeout: float) -> tuple[Any, str | None, bool]:
        """(answer, None, _) on success, else (seconds to wait or None, problem, unreachable)."""
        with _SERIAL:
            self.requests += 1
            try:
                with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - http(s) URLs only
                    body = resp.read()
                    encoding = resp.headers.get("Content-Encoding", "")
                    retry_after = resp.headers.get("Retry-After")
            except urllib.error.HTTPError as e:
                wait = parse_retry_after(e.headers.get("Retry-After")) if e.headers else None
                if e.code in (429, 503):
                    return wait, f"HTTP {e.code}", False
                if 500 <= e.code < 600:
                    return None, f"HTTP {e.code}", False
                raise WikidataError(
                    f"{req.full_url.split('?')[0]}: HTTP {e.code} {e.reason}"
                ) from None
            except TimeoutError:
                return None, "timed out", True
            except urllib.error.URLError as e:
                if isinstance(e.reason, (TimeoutError, socket.timeout)):
                    return None, "timed out", True
                raise WikidataUnavailable(
                    f"cannot reach {req.full_url.split('?')[0]} ({e.reason})"
                ) from None
            except (ConnectionError, OSError) as e:
                raise WikidataUnavailable(
                    f"cannot reach {req.full_url.split('?')[0]} ({e})"
                ) from None
        try:
            if encoding == "gzip" or body[:2] == b"\x1f\x8b":
                body = gzip.decompress(body)
            answer = json.loads(body.decode("utf-8"))
        except (ValueError, OSError, EOFError):
            return None, "malformed JSON", False
        if (
            isinstance(answer, dict)
            and isinstance(answer.get("error"), dict)
            and answer["error"].get("code") == "maxlag"
        ):
            return parse_retry_after(retry_after) or 5.0, "database lag (maxlag)", False
        return answer, None, False


def parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (a number or an HTTP date).

    >>> parse_retry_after("2"), parse_retry_after(None), parse_retry_after("soon")
    (2.0, None, None)
    """
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _item_from_json(d: Mapping[str, Any]) -> Item:
    return Item(
        d["id"],
        dict(d.get("labels", {})),
        dict(d.get("descriptions", {})),
        {k: tuple(v) for k, v in d.get("aliases", {}).items()},
        tuple(d.get("instance_of", ())),
        tuple(d.get("country", ())),
        bool(d.get("missing", False)),
        str(d.get("modified", "")),
    )


# --- classes ----------------------------------------------------------------------------------

#: Root classes: an item whose P31 is (a subclass of) one of these has the ontology class.
#: The English label is checked against Wikidata once, so a mistyped QID cannot slip in.
ROOT_CLASSES: dict[str, tuple[str, str]] = {
    "Q5": ("human", "Person"),
    "Q43229": ("organization", "Organization"),
    "Q6256": ("country", "Country"),
    "Q3624078": ("sovereign state", "Country"),
    "Q515": ("city", "City"),
    "Q486972": ("human settlement", "City"),
    "Q82794": ("geographic region", "Region"),
    "Q5107": ("continent", "Region"),
    "Q1656682": ("event", "Event"),
    "Q1190554": ("occurrence", "Event"),
    "Q4164871": ("position", "Position"),
    "Q16334295": ("group of humans", "Group"),
}
#: Items of these classes are never linked (Wikimedia disambiguation page).
EXCLUDED_CLASSES = frozenset({"Q4167410"})


def class_closure(client: WikidataClient, classes: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """For each class QID, the root classes it is a subclass of (``wdt:P279*``), cached.

    One SPARQL query for all classes not in the cache yet.
    """
    wanted = [c for c in dict.fromkeys(classes) if c]
    out: dict[str, tuple[str, ...]] = {}
    todo = []
    for c in wanted:
        cached = client.cache.get("closure", c)
        if cached is not None:
            out[c] = tuple(cached)
        else:
            todo.append(c)
    roots = checked_roots(client)
    for i in range(0, len(todo), 100):
        batch = todo[i : i + 100]
        query = (
            "SELECT ?class ?root WHERE { VALUES ?class { "
            + " ".join(f"wd:{c}" for c in batch)
            + " } VALUES ?root { "
            + " ".join(f"wd:{r}" for r in sorted(roots))
            + " } ?class wdt:P279* ?root . }"
        )
        found: dict[str, list[str]] = {c: [] for c in batch}
        for b in client.sparql(_with_prefixes(query)):
            c, r = _qid_of(b.get("class")), _qid_of(b.get("root"))
            if c in found and r in roots and r not in found[c]:
                found[c].append(r)
        for c, rs in found.items():
            client.cache.put("closure", c, rs)
            out[c] = tuple(rs)
    return out


def checked_roots(client: WikidataClient) -> frozenset[str]:
    """The root classes whose English label on Wikidata is the expected one."""
    items = client.entities(ROOT_CLASSES, languages=("en",))
    ok = set()
    for qid, (label, _) in ROOT_CLASSES.items():
        got = items.get(qid)
        if got is not None and got.labels.get("en", "").casefold() == label:
            ok.add(qid)
        else:
            log.warning(
                "wikidata: root class %s is not labelled %r (%r); not used",
                qid,
                label,
                got.labels.get("en") if got else None,
            )
    return frozenset(ok)


def classes_of(client: WikidataClient, item: Item) -> set[str]:
    """The ontology classes an item has through its P31 values ("" for an excluded item)."""
    if EXCLUDED_CLASSES & set(item.instance_of):
        return set()
    closure = class_closure(client, item.instance_of)
    return {
        ROOT_CLASSES[r][1]
        for c in item.instance_of
        for r in (*closure.get(c, ()), *((c,) if c in ROOT_CLASSES else ()))
        if r in ROOT_CLASSES
    }


def _with_prefixes(query: str) -> str:
    return (
        "PREFIX wd: <http://www.wikidata.org/entity/> PREFIX wdt: <http://www.wikidata.org/prop/direct/> "
        + query
    )


def _qid_of(term: Mapping[str, str] | None) -> str:
    if not term or term.get("type") != "uri" or not term.get("value", "").startswith(ENTITY_PREFIX):
        return ""
    return term["value"][len(ENTITY_PREFIX) :]


def service_calls(query: str) -> Any:
    """:func:`polite_service` when a query has a ``SERVICE`` clause, else a no-op block.

    >>> with service_calls("SELECT * WHERE { ?s ?p ?o }"):
    ...     pass
    """
    import re
    from contextlib import nullcontext

    return polite_service() if re.search(r"\bSERVICE\b", query, re.I) else nullcontext()


@contextmanager
def polite_service(client: WikidataClient | None = None) -> Iterator[None]:
    """Inside this block, rdflib sends ``SERVICE`` calls through a WikidataClient (a
    descriptive User-Agent, one at a time, Retry-After honoured) instead of its own
    bare ``urlopen`` with a generic User-Agent.

    >>> with polite_service(WikidataClient(cache=Cache(":memory:"))):
    ...     pass
    """
    try:
        from rdflib.plugins.sparql import CUSTOM_EVALS
        from rdflib.plugins.sparql.evaluate import (
            _buildQueryStringForServiceCall,
            _yieldBindingsFromServiceCallResult,
        )
    except ImportError:  # another rdflib: its own SERVICE evaluation stays
        yield
        return
    import re

    own: list[WikidataClient] = []

    def evaluate(ctx: Any, part: Any) -> Any:
        if getattr(part, "name", None) != "ServiceGraphPattern":
            raise NotImplementedError
        m = re.match(
            r"^service <(.*)>[ \n]*{(.*)}[ \n]*$", part.get("service_string", ""), re.DOTALL | re.I
        )
        if not m:
            raise NotImplementedError
        if not own:
            own.append(client or WikidataClient())
        query = _buildQueryStringForServiceCall(ctx, m.group(2))
        answer = own[0]._request(
            m.group(1), {"query": query}, post=True, accept="application/sparql-results+json"
        )
        variables = answer["head"]["vars"]
        return (
            b
            for r in answer["results"]["bindings"]
            for b in _yieldBindingsFromServiceCallResult(ctx, r, variables)
        )

    key = "kg-polite-service"
    CUSTOM_EVALS[key] = evaluate
    try:
        yield
    finally:
        CUSTOM_EVALS.pop(key, None)
