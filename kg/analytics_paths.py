"""Finding entities by name, shortest paths between them, and exporting the network
(GraphML, GEXF, CSV): the parts of ``kg path`` and ``kg export`` that work on the networkx
projection of ``kg.analytics``.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("a", label="Rex", cls="Person", names=["Rex"])
>>> G.add_node("b", label="Ali", cls="Person", names=["Ali"])
>>> _ = G.add_edge("a", "b", key="met", label="met", relation="met", provenance=[])
>>> [h.relation for h in shortest_path(G, "a", "b")]
['met']
"""

from __future__ import annotations

import difflib
import json
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .atomic import atomic_paths
from .errors import UnknownNameError
from .formats import FORMATS, Kind, Use
from .text import normalize, strip_invisible

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx


class Hop(NamedTuple):
    """One step of a path: the fact linking ``frm`` to ``to``.

    ``inverse`` is True when the fact is stated the other way round (``to`` is its
    subject), so ``A ←ledBy— B`` reads "B is led by A".
    """

    frm: str
    frm_label: str
    relation: str
    relation_label: str
    to: str
    to_label: str
    inverse: bool
    sentence: str
    confidence: float | None
    source: str = ""  # the publication the sentence comes from, when the graph says


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def find_entities(G: nx.MultiDiGraph[str], name: str) -> list[str]:
    """Nodes whose IRI, QID, label, other label or alias equals ``name`` after Arabic
    normalisation (so hamza, diacritics and case do not matter).

    Raises :class:`kg.errors.UnknownNameError` listing close names when none does.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("urn:t", label="دونالد ترامب", aliases=["ترمب"], qid="Q22686")
    >>> find_entities(G, "تَرْمب"), find_entities(G, "q22686")
    (['urn:t'], ['urn:t'])
    >>> find_entities(G, "ترامب")
    ['urn:t']
    >>> find_entities(G, "ترامبو")
    Traceback (most recent call last):
    ...
    kg.errors.UnknownNameError: unknown entity 'ترامبو'. Available: دونالد ترامب
    """
    key = normalize(name)
    index = _name_index(G)
    found = sorted(index.get(key, ()))
    if found:
        return found
    # a part of a name, as whole words (ستولتنبرغ for ينس ستولتنبرغ), when only one entity has it
    partial = sorted({u for n, us in index.items() if f" {key} " in f" {n} " for u in us})
    if len(partial) == 1:
        return partial
    raise UnknownNameError("entity", name, _close_names(G, index, key))


def _name_index(G: nx.MultiDiGraph[str]) -> dict[str, set[str]]:
    index: dict[str, set[str]] = defaultdict(set)
    for u, d in G.nodes(data=True):
        for n in _names(u, d):
            index[normalize(n)].add(u)
    return index


def _names(u: str, d: dict[str, Any]) -> Iterator[str]:
    yield u
    if d.get("qid"):
        yield d["qid"]
    yield d.get("label", "")
    yield from d.get("labels", ())
    yield from d.get("aliases", ())


def _close_names(
    G: nx.MultiDiGraph[str], index: dict[str, set[str]], key: str, n: int = 8
) -> list[str]:
    """Display labels of entities with a name close to ``key`` (fuzzy, then substring)."""
    keys = [k for k in index if k and "://" not in k]
    close = difflib.get_close_matches(key, keys, n=n, cutoff=0.6)
    close += sorted(k for k in keys if key and (key in k or k in key) and k not in close)
    labels = _unique(G.nodes[u].get("label", u) for k in close for u in sorted(index[k]))
    return labels[:n]


def shortest_path(G: nx.MultiDiGraph[str], a: str, b: str) -> list[Hop]:
    """The fewest facts linking two named entities, whatever the facts' direction.

    ``a`` and ``b`` are labels, aliases, QIDs or IRIs (see :func:`find_entities`); when a
    name fits several entities the shortest path over all of them is taken. Each hop
    carries the sentence behind its fact. Returns ``[]`` when ``a`` and ``b`` are the
    same entity or no path joins them.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> for u, lab in [("t", "دونالد ترامب"), ("w", "واشنطن")]:
    ...     G.add_node(u, label=lab, aliases=[], labels=[])
    >>> G.add_edge("t", "w", key="v", relation="visited", label="زار",
    ...            sentences=["زار ترامب واشنطن."], confidence=0.9)
    'v'
    >>> [(h.frm_label, h.relation, h.to_label, h.sentence) for h in shortest_path(G, "دونالد ترامب", "واشنطن")]
    [('دونالد ترامب', 'visited', 'واشنطن', 'زار ترامب واشنطن.')]
    """
    import networkx as nx

    sources, targets = find_entities(G, a), find_entities(G, b)
    undirected = G.to_undirected(as_view=True)
    best: list[str] | None = None
    for s in sources:
        for t in targets:
            try:
                path = nx.shortest_path(undirected, s, t)
            except nx.NetworkXNoPath:
                continue
            if best is None or len(path) < len(best):
                best = path
    if not best:
        return []
    return [_hop(G, u, v) for u, v in zip(best, best[1:], strict=False)]


def _hop(G: nx.MultiDiGraph[str], u: str, v: str) -> Hop:
    """The best-attested fact between ``u`` and ``v`` (highest confidence, then id)."""
    candidates = [(False, k, d) for k, d in (G.get_edge_data(u, v) or {}).items()]
    candidates += [(True, k, d) for k, d in (G.get_edge_data(v, u) or {}).items()]
    inverse, _, d = min(candidates, key=lambda c: (-(c[2].get("confidence") or 0.0), c[0], c[1]))
    sentences = d.get("sentences") or d.get("evidence") or [""]
    sources = d.get("sources") or [""]
    return Hop(
        frm=u,
        frm_label=G.nodes[u].get("label", u),
        relation=d.get("relation", ""),
        relation_label=d.get("label", d.get("relation", "")),
        to=v,
        to_label=G.nodes[v].get("label", v),
        inverse=inverse,
        sentence=sentences[0],
        confidence=d.get("confidence"),
        source=sources[0],
    )


def format_hop(hop: Hop) -> str:
    """One line for a terminal: ``A —visited→ B`` or ``A ←ledBy— B``, then the sentence.

    >>> format_hop(Hop("a", "A", "ledBy", "ledBy", "b", "B", True, "B leads A.", None))
    'A ←ledBy— B  «B leads A.»'
    """
    arrow = f"←{hop.relation_label}—" if hop.inverse else f"—{hop.relation_label}→"
    tail = f"  «{hop.sentence}»" if hop.sentence else ""
    source = f"  — {hop.source}" if hop.source else ""
    return f"{hop.frm_label} {arrow} {hop.to_label}{tail}{source}"


def export(G: nx.MultiDiGraph[str], path: str | os.PathLike[str], fmt: str) -> Path:
    """Write the projection in a network format of ``kg.formats`` (GraphML, GEXF) for
    Gephi, yEd or Cytoscape.

    List attributes become JSON strings and missing values are left out, since neither
    format has lists or nulls; edges get unique ids (``e0``, ``e1``, …) and keep their
    predicate IRI as an attribute. The file is written atomically.

    >>> import networkx as nx, tempfile, pathlib
    >>> G = nx.MultiDiGraph(); G.add_node("a", label="أ", aliases=["ا"], qid=None)
    >>> out = export(G, pathlib.Path(tempfile.mkdtemp()) / "g.graphml", "graphml")
    >>> nx.read_graphml(out).nodes["a"]
    {'label': 'أ', 'aliases': '["ا"]'}
    """
    import networkx as nx

    f = FORMATS.get(fmt, Use.EXPORT, Kind.NETWORK)
    writer = getattr(nx, f.networkx or f"write_{f.name}")
    flat: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for u, d in G.nodes(data=True):
        flat.add_node(u, **_flatten(d))
    for i, (u, v, k, d) in enumerate(G.edges(keys=True, data=True)):
        flat.add_edge(u, v, key=f"e{i}", predicate=str(k), **_flatten(d))
    out = Path(path)
    with atomic_paths([out]) as (tmp,):
        writer(flat, str(tmp))
    return out


def _flatten(attrs: dict[str, Any]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for k, v in attrs.items():
        if v is None:
            continue
        if isinstance(v, list | tuple | dict | set):
            v = json.dumps(sorted(v) if isinstance(v, set) else v, ensure_ascii=False)
        elif isinstance(v, str):
            v = strip_invisible(v)  # XML 1.0 allows them, but viewers show them raw
        flat[k] = v
    return flat
