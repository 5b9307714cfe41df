"""Every file and answer format kg reads or writes, in one table.

The suffixes ``load`` reads, the ``--format`` choices of ``kg export`` and ``kg query``,
the network formats for graph tools and the media types ``kg serve`` answers in all
come from :data:`FORMATS`. A format says what it is (``kind``), what kg does with it
(``uses``) and how each library calls it; the code that writes a kind of format
(``kg.serialise``, ``kg.analytics``, ``kg.query``, ``kg.store``) looks it up here, so
a new format of an existing kind is one ``FORMATS.register(Format(...))``.

This module imports nothing heavy: the CLI reads it to build its options.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from .errors import UnknownNameError


class Kind(StrEnum):
    """What a format holds, which decides the code that writes it."""

    RDF = "rdf"  # a graph or a dataset (kg.serialise, kg.store)
    NETWORK = "network"  # the entity network, for graph tools (kg.analytics)
    RESULTS = "results"  # a SPARQL result: a table of bindings, or yes/no (kg.query)


class Use(StrEnum):
    """What kg does with a format."""

    READ = "read"  # graph files load (and kg serve, kg enrich) read, by suffix
    EXPORT = "export"  # a choice of kg export --format
    RESULT = "result"  # a choice of kg query --format
    SERVE = "serve"  # an answer of kg serve (by Accept header or format=)


@dataclass(frozen=True, slots=True)
class Format:
    """One format: its name, its kind, what kg uses it for, and its name in each library."""

    name: str  # what --format and the format= parameter take
    kind: Kind
    uses: frozenset[Use]
    suffixes: tuple[str, ...] = ()  # of graph files, lower case with the dot
    rdflib: str | None = None  # rdflib's parser and serialiser name
    oxigraph: str | None = None  # pyoxigraph's RdfFormat or QueryResultsFormat member
    networkx: str | None = None  # the networkx writer function (None: write_<name>)
    media_types: tuple[str, ...] = ()  # the first is the one sent
    aliases: tuple[str, ...] = ()  # other names format= takes

    @property
    def content_type(self) -> str:
        """The Content-Type it is sent with: its first media type, UTF-8 said for text.

        >>> FORMATS.get("csv", Use.RESULT).content_type, FORMATS.get("jsonld", Use.EXPORT).content_type
        ('text/csv; charset=utf-8', 'application/ld+json')
        """
        media = self.media_types[0]
        return f"{media}; charset=utf-8" if media.startswith("text/") else media


class FormatRegistry:
    """The formats by name, in the order they are listed to users.

    >>> r = FormatRegistry([Format("ttl", Kind.RDF, frozenset({Use.READ, Use.EXPORT}), (".ttl",), "turtle")])
    >>> r.get("ttl", Use.EXPORT).rdflib, r.names(Use.EXPORT)
    ('turtle', ['ttl'])
    >>> r.get("xls", Use.EXPORT)
    Traceback (most recent call last):
    ...
    kg.errors.UnknownNameError: unknown export format 'xls'. Available: ttl
    """

    def __init__(self, formats: Iterable[Format] = ()) -> None:
        self._formats: dict[str, Format] = {}
        for f in formats:
            self.register(f)

    def register(self, fmt: Format) -> None:
        """Add a format (after the others), or replace the one of the same name in place."""
        self._formats[fmt.name] = fmt

    def unregister(self, name: str) -> None:
        """Take a format out (what a test that registered one does when it is done)."""
        self._formats.pop(name, None)

    def __iter__(self) -> Iterator[Format]:
        return iter(list(self._formats.values()))

    def having(self, use: Use, kind: Kind | None = None) -> list[Format]:
        """The formats of one use (and kind), in registry order."""
        return [f for f in self if use in f.uses and kind in (None, f.kind)]

    def names(self, use: Use, kind: Kind | None = None) -> list[str]:
        """Names of the formats of one use (and kind), in registry order.

        >>> FORMATS.names(Use.EXPORT)
        ['ttl', 'trig', 'nq', 'jsonld', 'graphml', 'gexf', 'csv']
        >>> FORMATS.names(Use.RESULT)
        ['table', 'csv', 'json', 'tsv']
        """
        return [f.name for f in self.having(use, kind)]

    def find(self, name: str, use: Use, kind: Kind | None = None) -> Format | None:
        """The format of one use (and kind) called ``name`` (or one of its aliases), if any."""
        key = name.strip().lower()
        candidates = self.having(use, kind)
        for f in candidates:
            if f.name == key:
                return f
        return next((f for f in candidates if key in f.aliases), None)

    def get(self, name: str, use: Use, kind: Kind | None = None) -> Format:
        """Like ``find``, but an unknown name is an error that lists the known ones.

        >>> FORMATS.get("turtle", Use.EXPORT).name
        'ttl'
        >>> FORMATS.get("xml", Use.RESULT)
        Traceback (most recent call last):
        ...
        kg.errors.UnknownNameError: unknown result format 'xml'. Available: table, csv, json, tsv
        """
        found = self.find(name, use, kind)
        if found is None:
            raise UnknownNameError(f"{use} format", name, self.names(use, kind))
        return found

    def suffixes(self) -> list[str]:
        """The suffixes of the graph files kg reads, sorted.

        >>> FORMATS.suffixes()
        ['.jsonld', '.nq', '.nt', '.owl', '.rdf', '.trig', '.ttl']
        """
        return sorted({s for f in self.having(Use.READ) for s in f.suffixes})

    def by_suffix(self, suffix: str) -> Format:
        """The format of a graph file by its suffix (any case).

        >>> FORMATS.by_suffix(".OWL").rdflib
        'xml'
        >>> FORMATS.by_suffix(".xyz")
        Traceback (most recent call last):
        ...
        kg.errors.UnknownNameError: unknown graph file suffix '.xyz'. Available: .jsonld, .nq, .nt, .owl, .rdf, .trig, .ttl
        """
        for f in self.having(Use.READ):
            if suffix.lower() in f.suffixes:
                return f
        raise UnknownNameError("graph file suffix", suffix, self.suffixes())

    def served(self, kind: Kind, default: str) -> list[Format]:
        """What ``kg serve`` answers in for a kind (RESULTS for SELECT and ASK, RDF for
        CONSTRUCT and DESCRIBE): ``default`` first, then the others in registry order.

        >>> [f.name for f in FORMATS.served(Kind.RESULTS, "json")]
        ['json', 'xml', 'csv', 'tsv']
        """
        formats = self.having(Use.SERVE, kind)
        return sorted(formats, key=lambda f: f.name != default)


def _uses(*uses: Use) -> frozenset[Use]:
    return frozenset(uses)


#: The formats kg knows, in the order users see them: ``kg export`` and ``kg query``
#: list theirs so, and ``kg serve`` tries media types in it after the default answer
#: format's (so ``Accept: text/*`` gets XML results, as it always has, and Turtle graphs).
FORMATS = FormatRegistry(
    [
        Format(
            "ttl",
            Kind.RDF,
            _uses(Use.READ, Use.EXPORT, Use.SERVE),
            (".ttl",),
            "turtle",
            "TURTLE",
            media_types=("text/turtle", "application/turtle", "application/x-turtle"),
            aliases=("turtle", "n3"),
        ),
        Format(
            "trig",
            Kind.RDF,
            _uses(Use.READ, Use.EXPORT),
            (".trig",),
            "trig",
            "TRIG",
            media_types=("application/trig",),
        ),
        Format(
            "nq",
            Kind.RDF,
            _uses(Use.READ, Use.EXPORT),
            (".nq",),
            "nquads",
            "N_QUADS",
            media_types=("application/n-quads",),
        ),
        Format(
            "nt",
            Kind.RDF,
            _uses(Use.READ, Use.SERVE),
            (".nt",),
            "nt",
            "N_TRIPLES",
            media_types=("application/n-triples", "text/plain"),
            aliases=("ntriples",),
        ),
        Format(
            "rdfxml",
            Kind.RDF,
            _uses(Use.READ, Use.SERVE),
            (".rdf", ".owl"),
            "xml",
            "RDF_XML",
            media_types=("application/rdf+xml",),
            aliases=("rdf+xml", "xml"),
        ),
        Format(
            "jsonld",
            Kind.RDF,
            _uses(Use.READ, Use.EXPORT, Use.SERVE),
            (".jsonld",),
            "json-ld",
            "JSON_LD",
            media_types=("application/ld+json",),
            aliases=("json-ld", "json"),
        ),
        Format("graphml", Kind.NETWORK, _uses(Use.EXPORT), networkx="write_graphml"),
        Format("gexf", Kind.NETWORK, _uses(Use.EXPORT), networkx="write_gexf"),
        Format("table", Kind.RESULTS, _uses(Use.RESULT)),
        Format(
            "xml",
            Kind.RESULTS,
            _uses(Use.SERVE),
            oxigraph="XML",
            media_types=("application/sparql-results+xml", "application/xml", "text/xml"),
        ),
        Format(
            "csv",
            Kind.RESULTS,
            _uses(Use.EXPORT, Use.RESULT, Use.SERVE),
            oxigraph="CSV",
            media_types=("text/csv",),
        ),
        Format(
            "json",
            Kind.RESULTS,
            _uses(Use.RESULT, Use.SERVE),
            oxigraph="JSON",
            media_types=("application/sparql-results+json", "application/json"),
        ),
        Format(
            "tsv",
            Kind.RESULTS,
            _uses(Use.RESULT, Use.SERVE),
            oxigraph="TSV",
            media_types=("text/tab-separated-values",),
        ),
    ]
)
