"""The Python API: build a knowledge graph from text and ask it questions without SPARQL.

>>> import kg
>>> g = kg.build(texts=["استضاف الرئيس الفرنسي إيمانويل ماكرون قمة في باريس."])
>>> [(f.subject, f.relation, f.object) for f in g.facts(relation="hosted")]
[('إيمانويل ماكرون', 'hosted', 'قمة')]
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError, UnknownNameError
from .text import normalize

Source = str | os.PathLike[str]


@dataclass(frozen=True)
class Fact:
    """One fact with where it came from."""

    subject: str  # label
    relation: str  # relation id (core) or the open relation's lemma
    object: str  # label (or the text of a statement)
    sentence: str
    evidence: str
    confidence: float
    subject_iri: str
    object_iri: str
    document: str
    modality: str = "asserted"  # planned, negated, reported or conditional (kg:modality)


@dataclass(frozen=True)
class EntityInfo:
    """An entity of the graph: its IRI, label, class, Wikidata QID (or "") and other names."""

    iri: str
    label: str
    cls: str
    qid: str
    names: tuple[str, ...]


class KnowledgeGraph:
    """A built or loaded graph. Thin: each method hands over to the module that does the work
    (kg.query for SPARQL, kg.serialise for files, kg.analytics for networkx, kg.view for HTML).

    >>> g = build(texts=["التقى وزير الخارجية القطري بنظيره الأميركي في الدوحة."])
    >>> len(g) > 0, g.summary.documents
    (True, 1)
    """

    def __init__(self, dataset: Any, summary: Any = None) -> None:
        self._ds = dataset
        self.summary = summary

    def __len__(self) -> int:
        return len(self._union())

    def __repr__(self) -> str:
        n = self.counts()
        return f"<KnowledgeGraph: {n.entities} entities, {n.facts} facts>"

    def counts(self) -> Any:
        """Entities and facts as ``kg build``, ``kg stats`` and the page count them
        (``kg.analytics.Counts``: each network node once, each distinct fact once).

        >>> g = build(texts=["زار الرئيس الفرنسي مصر."])
        >>> g.counts() == (g.summary.entities, g.summary.facts)
        True
        """
        from .analytics import counts

        return counts(self._union())

    def _union(self) -> Any:
        from .graph import union_graph

        return union_graph(self._ds) if hasattr(self._ds, "graphs") else self._ds

    # ------------------------------------------------------------------ facts

    def facts(
        self,
        entity: str | None = None,
        relation: str | None = None,
        modality: str | tuple[str, ...] = ("asserted", "reported"),
    ) -> list[Fact]:
        """Facts, optionally about one entity (a name, an alias, a QID or an IRI) and of one
        relation, each with its sentence and evidence. Sorted by document and position.
        By default only what the articles say happened (asserted or reported facts, the
        ones with a direct triple); ``modality`` asks for others (``"planned"``, or
        ``"*"`` for all).

        >>> g = build(texts=["قال رئيس الوزراء البريطاني ريشي سوناك إن بلاده تقف مع أوكرانيا."])
        >>> [f.relation for f in g.facts(entity="سوناك")]
        ['said', 'holdsPosition']
        >>> g = build(texts=["سيزور الرئيس الفرنسي إيمانويل ماكرون القاهرة."])
        >>> [f.relation for f in g.facts(relation="visited")], [
        ...     (f.relation, f.modality) for f in g.facts(relation="visited", modality="planned")]
        ([], [('visited', 'planned')])
        """
        from .view import documents_lang
        from .vocab import modality_name

        rows = self.query(_FACTS_QUERY)
        # names in the language of the documents (an English article's people by their
        # English label even when Wikidata gave them an Arabic one too)
        first, second = ("En", "Ar") if documents_lang(self._union()) == "en" else ("Ar", "En")
        wanted = self._entity_iris(entity) if entity is not None else None
        modalities = (modality,) if isinstance(modality, str) else modality
        out = []
        for r in rows:
            rel = _relation_name(r["p"], r.get("plabel"))
            mod = modality_name(r.get("mod") or "")
            if relation is not None and rel != relation:
                continue
            if "*" not in modalities and mod not in modalities:
                continue
            if wanted is not None and r["s"] not in wanted and r["o"] not in wanted:
                continue
            text = r.get("text") or ""
            out.append(
                Fact(
                    subject=r.get("slabel" + first) or r.get("slabel" + second) or r["s"],
                    relation=rel,
                    object=r.get("olabel" + first)
                    or r.get("olabel" + second)
                    or r.get("otext")
                    or r["o"],
                    sentence=text,
                    evidence=r.get("evidence") or "",
                    confidence=float(r.get("conf") or 0),
                    subject_iri=r["s"],
                    object_iri=r["o"],
                    document=r.get("doc") or "",
                    modality=mod,
                )
            )
        return out  # in document order (the query sorts by document and evidence offset)

    # --------------------------------------------------------------- entities

    def entities(self, cls: str | None = None) -> list[EntityInfo]:
        """Entities with their class, label, Wikidata QID and other names.

        >>> g = build(texts=["زار الوفد الفرنسي مصر والسودان."])
        >>> sorted((e.label, e.qid) for e in g.entities(cls="Country"))
        [('السودان', 'Q1049'), ('مصر', 'Q79')]
        """
        rows = self.query(_ENTITIES_QUERY)
        by_iri: dict[str, dict[str, Any]] = {}
        for r in rows:
            e = by_iri.setdefault(
                r["e"], {"cls": r["cls"], "labels": [], "names": set(), "qid": ""}
            )
            if r.get("label"):
                e["labels"].append((r.get("lang") or "", r["label"]))
            if r.get("alias"):
                e["names"].add(r["alias"])
            if r.get("same"):
                e["qid"] = r["same"].rsplit("/", 1)[-1]
        out = []
        for iri, e in sorted(by_iri.items()):
            c = e["cls"].rsplit("#", 1)[-1]
            if cls is not None and c != cls:
                continue
            labels = sorted(e["labels"], key=lambda x: (x[0] != "ar", x[0]))
            label = labels[0][1] if labels else iri
            names = tuple(sorted({lb for _, lb in labels} | e["names"]))
            out.append(EntityInfo(iri, label, c, e["qid"], names))
        return out

    def _entity_iris(self, name: str) -> set[str]:
        key = normalize(name)
        found = {
            e.iri
            for e in self.entities()
            if key in (normalize(e.iri), normalize(e.qid))
            or any(key == normalize(n) or f" {key} " in f" {normalize(n)} " for n in e.names)
        }
        if not found:
            close = sorted(
                {e.label for e in self.entities() if key[:3] and key[:3] in normalize(e.label)}
            )[:10]
            raise UnknownNameError("entity", name, close or [e.label for e in self.entities()][:10])
        return found

    # ------------------------------------------------------------------ other

    def query(self, sparql: str) -> list[dict[str, Any]]:
        """Run SPARQL; rows as dicts of plain Python values (ASK gives ``[{"result": bool}]``).

        >>> g = build(texts=["وقع العراق والأردن اتفاقية للتعاون الاقتصادي."])
        >>> g.query("SELECT (COUNT(*) AS ?n) WHERE { ?s kg:signed ?o }")
        [{'n': 2}]
        """
        from .query import query

        result = query(self._ds, sparql)
        if result.type == "ASK":
            return [{"result": bool(result.askAnswer)}]
        if result.type != "SELECT":
            raise InputError(
                "<query>", "query() returns rows for SELECT and ASK; use to_rdflib() for CONSTRUCT"
            )
        rows: list[dict[str, Any]] = []
        for row in result:
            asdict = getattr(row, "asdict", None)
            if asdict is not None:
                rows.append({str(k): _plain(v) for k, v in asdict().items()})
        return rows

    def to_networkx(self, lang: str = "ar") -> Any:
        """The entity network as a networkx MultiDiGraph (kg.analytics.to_networkx)."""
        from .analytics import to_networkx

        return to_networkx(self._union(), lang=lang)

    def to_rdflib(self) -> Any:
        """The rdflib Dataset (one named graph per document)."""
        return self._ds

    def save(self, path: Source, format: str | None = None) -> Path:
        """Write the graph in an RDF format of ``kg export`` (by suffix when ``format`` is
        None): ``ttl`` or ``trig`` canonically, ``nq`` or ``jsonld`` through rdflib;
        atomically.

        >>> import tempfile, pathlib
        >>> p = build(texts=["زار الوفد الفرنسي مصر."]).save(pathlib.Path(tempfile.mkdtemp()) / "g.trig")
        >>> p.suffix, p.stat().st_size > 0
        ('.trig', True)
        """
        from .formats import FORMATS, Kind, Use
        from .serialise import write_dataset

        target = Path(path)
        fmt = FORMATS.get(format or target.suffix.lstrip(".") or "ttl", Use.EXPORT, Kind.RDF)
        return write_dataset(self._ds, target, fmt)

    def to_pyvis(self, lang: str | None = None, max_nodes: int | None = None) -> Any:
        """The network as a ``pyvis.network.Network`` with the page's colours, labels,
        arrows and evidence tooltips (``kg.view.to_pyvis``), to customise with pyvis.

        >>> net = build(texts=["زار الرئيس الفرنسي مصر."]).to_pyvis()
        >>> type(net).__module__, len(net.nodes) > 0
        ('pyvis.network', True)
        """
        from .view import to_pyvis

        return to_pyvis(self._union(), lang=lang, max_nodes=max_nodes)

    def view(
        self, path: Source | None = None, lang: str | None = None, max_nodes: int | None = None
    ) -> Any:
        """The interactive network: written to ``path``, or an object Jupyter shows inline."""
        from .view import render_html

        if path is not None:
            return render_html(self._union(), Path(path), lang=lang, max_nodes=max_nodes)
        return _Inline(self, lang, max_nodes)

    def _repr_html_(self) -> str:
        return _Inline(self, None, 300)._repr_html_()


class _Inline:
    """The page inside an iframe, for notebooks (its scripts stay sandboxed there)."""

    def __init__(self, g: KnowledgeGraph, lang: str | None, max_nodes: int | None) -> None:
        from .view import documents_lang

        self.g, self.max_nodes = g, max_nodes
        self.lang = lang or documents_lang(g._union())

    def _repr_html_(self) -> str:
        import html

        from .analytics import to_networkx
        from .view import page_html

        page = page_html(
            to_networkx(self.g._union(), lang=self.lang), lang=self.lang, max_nodes=self.max_nodes
        )
        return (
            '<iframe sandbox="allow-scripts" style="width:100%;height:640px;border:0" '
            f'srcdoc="{html.escape(page, quote=True)}"></iframe>'
        )


def build(
    sources: Iterable[Source] | Source | None = None,
    *,
    texts: Iterable[str] | str | None = None,
    paths: Iterable[Source] | Source | None = None,
    analyser: str = "auto",
    linker: str = "gazetteer",
    lang: str | None = None,
    base: str | None = None,
    out: Source | None = None,
    html: bool = False,
    model_dir: Source | None = None,
    date: str = "",
) -> KnowledgeGraph:
    """Build a graph from ``texts`` (strings: the text of articles) and ``paths`` (files
    and folders). A string is never taken for a path unless it is given in ``paths``.

    ``out`` writes graph.ttl, graph.trig (and graph.html with ``html=True``) there too.
    ``model_dir``: stanza's model folder, for the ``stanza`` and ``auto`` analysers.
    ``date`` (``YYYY-MM-DD``): the date of documents whose metadata and dateline give
    none; their «أمس», «الأربعاء» resolve against it (:mod:`kg.dates`).

    A document that fails (at any stage, the graph's included) is left out of the graph
    with a :class:`~kg.errors.SkippedDocumentWarning` and listed in
    ``summary.problems``; the others go on. Only when none can be read does ``build``
    raise (:class:`~kg.errors.InputError`).

    The older form, ``build(sources)`` (a string naming an existing file or folder read
    as a path, any other string as text), is deprecated: it warns with a
    ``DeprecationWarning``.

    >>> g = build(texts=["استضاف ماكرون قمة في باريس."])
    >>> g.summary.documents, g.summary.facts
    (1, 2)
    """
    import warnings

    from .errors import SkippedDocumentWarning
    from .pipeline import Options, build as run
    from .vocab import DEFAULT_BASE

    text_items = [texts] if isinstance(texts, str) else list(texts or [])
    path_items = [paths] if isinstance(paths, str | os.PathLike) else list(paths or [])
    if any(not isinstance(t, str) for t in text_items):
        raise InputError("<texts>", "texts= takes strings; give files and folders as paths=")
    if sources is not None:
        warnings.warn(
            "kg.build(sources) is deprecated: a string naming an existing file is read as a "
            "path, any other as text; use kg.build(texts=[...]) or kg.build(paths=[...])",
            DeprecationWarning,
            stacklevel=2,
        )
        items = [sources] if isinstance(sources, str | os.PathLike) else list(sources)
        path_items += [s for s in items if not isinstance(s, str) or _is_path(s)]
        text_items += [s for s in items if isinstance(s, str) and not _is_path(s)]
    stanza = (
        {"model_dir": Path(model_dir)}
        if model_dir is not None and analyser in ("auto", "stanza")
        else {}
    )
    options = Options(
        analyser=analyser,
        linker=linker,
        lang=lang,
        base=base or DEFAULT_BASE,
        html=html,
        analyser_options=stanza,
        date=_checked_date(date),
    )
    summary, dataset = run(
        [Path(p) for p in path_items],
        Path(out) if out is not None else None,
        options,
        texts=text_items,
    )
    if summary.documents == 0:
        reasons = "; ".join(f"{p.source}: {p.reason}" for p in summary.problems) or "no input"
        raise InputError("<input>", f"nothing could be read ({reasons})")
    for p in summary.problems:
        warnings.warn(SkippedDocumentWarning(p.source, p.reason), stacklevel=2)
    return KnowledgeGraph(dataset, summary)


def load(path: Source) -> KnowledgeGraph:
    """A graph from a file written before (.ttl, .trig, .nq, .nt, .jsonld).

    >>> import tempfile, pathlib
    >>> p = build(texts=["زار الوفد الفرنسي مصر."]).save(pathlib.Path(tempfile.mkdtemp()) / "g.ttl")
    >>> [e.label for e in load(p).entities(cls="Country")]
    ['مصر']
    """
    from .serialise import load as load_graph

    p = Path(path)
    if not p.exists():
        raise InputError(str(p), "no such file or folder")
    return KnowledgeGraph(load_graph(p))


def _checked_date(value: str) -> str:
    """``value`` when empty or a ``YYYY-MM-DD`` date, else an InputError.

    >>> _checked_date("2024-3-1")
    Traceback (most recent call last):
    kg.errors.InputError: <date>: not a date: '2024-3-1' (expected YYYY-MM-DD, e.g. 2024-03-12)
    """
    from .dates import check_date

    try:
        return check_date(value) if value else ""
    except ValueError as exc:
        raise InputError("<date>", str(exc)) from None


def _is_path(s: str) -> bool:
    return len(s) < 4096 and "\n" not in s and os.path.exists(s)


def _plain(v: Any) -> Any:
    if v is None:
        return None
    to = getattr(v, "toPython", None)
    value = to() if to else v
    return str(value) if not isinstance(value, int | float | bool | str) else value


def _relation_name(p: str, label: str | None) -> str:
    from .vocab import KG, KGREL

    if p.startswith(str(KG)):
        return p[len(str(KG)) :]
    if p.startswith(str(KGREL)) and label:
        return label
    return p


_FACTS_QUERY = """
SELECT ?s ?p ?o ?slabelAr ?slabelEn ?olabelAr ?olabelEn ?otext ?plabel ?text ?evidence ?conf ?doc ?start ?mod WHERE {
  ?f a kg:Fact ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:confidence ?conf .
  OPTIONAL { ?f kg:modality ?mod }
  OPTIONAL { ?f kg:evidence ?evidence }
  OPTIONAL { ?f kg:evidenceStart ?start }
  OPTIONAL { ?f prov:wasDerivedFrom ?sent . ?sent kg:text ?text . OPTIONAL { ?sent dcterms:isPartOf ?d . ?d dcterms:identifier ?doc } }
  OPTIONAL { ?s rdfs:label ?slabelAr FILTER(lang(?slabelAr) = "ar" || lang(?slabelAr) = "") }
  OPTIONAL { ?o rdfs:label ?olabelAr FILTER(lang(?olabelAr) = "ar" || lang(?olabelAr) = "") }
  OPTIONAL { ?s rdfs:label ?slabelEn FILTER(lang(?slabelEn) = "en") }
  OPTIONAL { ?o rdfs:label ?olabelEn FILTER(lang(?olabelEn) = "en") }
  OPTIONAL { ?o kg:text ?otext }
  OPTIONAL { ?p rdfs:label ?plabel }
}
ORDER BY ?doc ?start ?s ?p ?o
"""

_ENTITIES_QUERY = """
SELECT ?e ?cls ?label ?lang ?alias ?same WHERE {
  ?e a ?cls .
  FILTER(?cls NOT IN (kg:Document, kg:Sentence, kg:Fact, rdf:Statement))
  FILTER(STRSTARTS(STR(?cls), STR(kg:)))
  OPTIONAL { ?e rdfs:label ?label BIND(lang(?label) AS ?lang) }
  OPTIONAL { ?e kg:alias ?alias }
  OPTIONAL { ?e owl:sameAs ?same }
}
"""
