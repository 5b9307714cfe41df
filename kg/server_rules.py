"""What a request may ask of the endpoint: which SERVICE endpoints, which Host header, which
result format (content negotiation).

>>> refused_services('SELECT * WHERE { SERVICE <http://evil.example/sparql> { ?s ?p ?o } }', [])
['http://evil.example/sparql']
>>> host_allowed('attacker.example', '127.0.0.1', []), host_allowed('localhost:8000', '127.0.0.1', [])
(False, True)
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Sequence

from .formats import FORMATS, Format, Kind, Use


def is_loopback(host: str) -> bool:
    """Whether ``host`` only accepts connections from this machine.

    >>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("localhost"), is_loopback("0.0.0.0")
    (True, True, True, False)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


#: Endpoints ``--allow-service`` knows by name.
SERVICE_NAMES = {"wikidata": "https://query.wikidata.org/sparql"}


# The tokens of a query, as far as SERVICE and PREFIX need: strings, comments and space
# (skipped), IRIs, words (keywords, prefixed names, variables) and single characters.
_TOKENS = re.compile(
    r'(?P<skip>"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|#[^\n]*|\s+)"
    r'|(?P<iri><(?:[^<>"{}|^`\\\s]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)'
    r"|(?P<word>(?:[^\s{}()\[\];,<>\"'#/|^!=*+&]|\\.)+)"
    r"|(?P<other>.)",
    re.DOTALL,
)


_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def service_endpoints(query: str, prefixes: dict[str, str] | None = None) -> list[str]:
    """The endpoint of every SERVICE clause of a query, as full IRIs; ``?`` for one that
    is a variable, a relative IRI or a name with an unknown prefix (never allowed).

    ``prefixes`` are the predeclared ones (the query's own PREFIX lines win).

    >>> service_endpoints('SELECT * { SERVICE SILENT <http://x/sparql> { ?s ?p "SERVICE <y>" } } # SERVICE <z>')
    ['http://x/sparql']
    >>> service_endpoints("PREFIX e: <http://x/> SELECT * { SERVICE e:sparql {} SERVICE ?where {} }")
    ['http://x/sparql', '?']
    >>> service_endpoints("SELECT * { ?s <http://x/SERVICE> ex:SERVICE . SERVICE<http\\u003A//y/> {} }")
    ['http://y/']
    """
    known = dict(prefixes or {})
    tokens = [(m.lastgroup, m.group()) for m in _TOKENS.finditer(query) if m.lastgroup != "skip"]
    words = [(kind, text.strip(".") if kind == "word" else text) for kind, text in tokens]
    out = []
    for i, (kind, text) in enumerate(words):
        if kind != "word":
            continue
        if text.upper() == "PREFIX" and i + 2 < len(words):
            (k1, name), (k2, iri) = words[i + 1], words[i + 2]
            if k1 == "word" and name.endswith(":") and k2 == "iri":
                known[name[:-1]] = _unescape_iri(iri[1:-1])
        elif text.upper() == "SERVICE":
            j = i + 1
            if j < len(words) and words[j][1].upper() == "SILENT":
                j += 1
            out.append(_endpoint(words[j] if j < len(words) else ("", ""), known))
    return out


def _unescape_iri(text: str) -> str:
    return _UCHAR.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def _endpoint(token: tuple[str | None, str], prefixes: dict[str, str]) -> str:
    kind, text = token
    if kind == "iri":
        iri = _unescape_iri(text[1:-1])
        return iri if _SCHEME.match(iri) else "?"
    if kind == "word" and ":" in text and text[0] not in "?$_":
        prefix, local = text.split(":", 1)
        if prefix in prefixes:
            return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
    return "?"


def refused_services(query: str, allowed: Sequence[str]) -> list[str]:
    """The SERVICE endpoints of a query that are not in ``allowed``.

    >>> refused_services("SELECT * { SERVICE <https://query.wikidata.org/sparql> {} SERVICE <http://x/> {} }", [SERVICE_NAMES["wikidata"]])
    ['http://x/']
    """
    from .vocab import PREFIXES

    found = service_endpoints(query, {p: str(ns) for p, ns in PREFIXES.items()})
    return [e for e in found if e == "?" or e not in allowed]


_LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


def host_name(header: str) -> str:
    """The host of a ``Host`` header, without port, brackets or trailing dot, lower case.

    >>> host_name("[::1]:7878"), host_name("LocalHost.:80"), host_name("example.org")
    ('::1', 'localhost', 'example.org')
    """
    h = header.strip().lower()
    if h.startswith("["):
        h = h[1:].split("]", 1)[0]
    elif h.count(":") == 1:
        h = h.split(":", 1)[0]
    return h.rstrip(".")


def host_allowed(header: str | None, bound: str, allowed: Sequence[str]) -> bool:
    """Whether a request's ``Host`` header names this server: the address it is bound to,
    a loopback name, or one of ``allowed`` (``*``: any). Bound to every address (0.0.0.0,
    ::), any IP address is this server's. No header (HTTP/1.0) is let through: browsers
    always send one.

    >>> host_allowed("localhost:7878", "127.0.0.1", []), host_allowed("attacker.example", "127.0.0.1", [])
    (True, False)
    >>> host_allowed("kg.example:80", "0.0.0.0", ["kg.example"]), host_allowed("10.1.2.3", "0.0.0.0", [])
    (True, True)
    """
    if header is None or "*" in allowed:
        return True
    name = host_name(header)
    if (
        name in _LOOPBACK_NAMES
        or name == host_name(bound)
        or name in (host_name(a) for a in allowed)
    ):
        return True
    if bound in ("0.0.0.0", "::", ""):
        try:
            ipaddress.ip_address(name)
            return True
        except ValueError:
            return False
    return False


def service_allow_list(names: Sequence[str]) -> tuple[str, ...]:
    """``--allow-service`` values as endpoint IRIs: a name of ``SERVICE_NAMES`` or an
    absolute IRI.

    >>> service_allow_list(["wikidata", "http://localhost:3030/ds/sparql"])
    ('https://query.wikidata.org/sparql', 'http://localhost:3030/ds/sparql')
    """
    from .errors import InputError

    out = []
    for n in names:
        iri = SERVICE_NAMES.get(n.strip().lower(), n.strip())
        if not _SCHEME.match(iri) or any(c in iri for c in '<>" {}|^`\\'):
            known = ", ".join(SERVICE_NAMES)
            raise InputError(n, f"not a SERVICE endpoint: give its full IRI or one of {known}")
        out.append(iri)
    return tuple(out)


#: The answer format when the client does not say: SPARQL JSON for SELECT and ASK,
#: Turtle for CONSTRUCT and DESCRIBE.
DEFAULT_ANSWER: dict[Kind, str] = {Kind.RESULTS: "json", Kind.RDF: "ttl"}


def media_types(kind: Kind) -> dict[str, Format]:
    """Media type -> the format ``kg serve`` answers in for it (``kg.formats``), the
    default format's first.

    >>> list(media_types(Kind.RDF))[:2]
    ['text/turtle', 'application/turtle']
    """
    return {m: f for f in FORMATS.served(kind, DEFAULT_ANSWER[kind]) for m in f.media_types}


def negotiate(accept: str, kind: Kind, fmt: str = "") -> Format | None:
    """The answer format for an ``Accept`` header (and an optional ``format`` parameter).

    ``kind`` is ``Kind.RESULTS`` (SELECT, ASK) or ``Kind.RDF`` (CONSTRUCT, DESCRIBE).
    None means that nothing acceptable can be produced (406).

    >>> negotiate("", Kind.RESULTS).name, negotiate("*/*", Kind.RDF).name
    ('json', 'ttl')
    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", Kind.RESULTS).name
    'xml'
    >>> negotiate("application/json", Kind.RESULTS, fmt="csv").name
    'csv'
    >>> negotiate("application/n-triples, text/turtle;q=0.9", Kind.RDF).name
    'nt'
    >>> negotiate("image/png", Kind.RESULTS) is None
    True
    """
    table = media_types(kind)
    default = FORMATS.get(DEFAULT_ANSWER[kind], Use.SERVE, kind)
    if fmt:
        f = fmt.strip().lower()
        if f in {n for s in FORMATS.having(Use.SERVE) for n in (s.name, *s.aliases)}:
            chosen = FORMATS.find(f, Use.SERVE, kind)  # json: SPARQL JSON, or JSON-LD
            if chosen:
                return chosen
        elif f.split(";")[0].strip() in table:
            return table[f.split(";")[0].strip()]
    ranges = _accept_ranges(accept)
    if not ranges:
        return default
    for media, _q in ranges:
        if media in table:
            return table[media]
        if media == "*/*":
            return default
        if media.endswith("/*"):
            major = media[:-1]
            for candidate, found in table.items():
                if candidate.startswith(major):
                    return found
    return None


def _accept_ranges(accept: str) -> list[tuple[str, float]]:
    """Media ranges by decreasing quality (stable for equal ones); q=0 ones left out."""
    out = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            out.append((media, q, i))
    return [(m, q) for m, q, _ in sorted(out, key=lambda t: (-t[1], t[2]))]
