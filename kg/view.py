"""The interactive network: one self-contained HTML file that works opened from disk.

The page carries its own copy of vis-network (the one pyvis ships) and no other asset,
so it needs no network, and it is built for hostile data: labels and sentences come from
news text, so they reach the page only as JSON inside ``<script type="application/json">``
and reach the DOM only through ``textContent`` and vis-network's plain-text canvas
labels. A Content-Security-Policy allows exactly the page's own two scripts (by hash)
and no fetch of any kind, as a second line of defence.

pyvis is used for its bundled files only; its HTML template pulls Bootstrap and more
from CDNs, so the page is built from ``kg/data/view/`` instead.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from collections import defaultdict
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import UnknownNameError
from .text import normalize, strip_invisible

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx
    from rdflib import Graph

#: Node colour per class; a class outside this table is grey.
CLASS_COLOURS: dict[str, str] = {
    "Person": "#4e79a7",
    "Organization": "#f28e2b",
    "Group": "#d4a017",
    "Country": "#59a14f",
    "City": "#76b7b2",
    "Region": "#8cd17d",
    "Place": "#499894",
    "Event": "#e15759",
    "Statement": "#b07aa1",
    "Position": "#ff9da7",
    "TimeExpression": "#9c755f",
    "Quantity": "#bab0ac",
    "Thing": "#79706e",
}
_OTHER_COLOUR = "#a0a0a0"
SIZE_BY = ("degree", "pagerank")
RTL_LANGS = frozenset({"ar", "fa", "ur", "he", "ps", "ckb"})
#: Node labels longer than this are cut on the canvas (the side panel shows them whole).
_LABEL_MAX = 40
_VIS_DIR = "vis-9.1.2"

#: Interface text; data never goes through these templates, only numbers and our own words.
UI_STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "title": "kg-builder network",
        "search": "Search entities…",
        "count_all": "{shown} entities · {edges} facts",
        "count_some": "showing {shown} of {total} entities (named in most documents) · {edges} of {total_edges} facts",
        "count_filtered": "showing {shown} of {total} entities · {edges} of {total_edges} facts (filtered)",
        "community": "Community",
        "by_community": "Colour by community ({n})",
        "count_help": "Entities: each node of the network once. Facts: each distinct subject–relation–object triple between two of them once, however many sentences state it.",
        "degree": "degree",
        "pagerank": "PageRank",
        "classes": "Classes",
        "relations": "Relations",
        "all": "All",
        "none": "None",
        "facts": "Facts",
        "mentions": "Mentioned in",
        "aliases": "Other names",
        "wikidata": "Wikidata",
        "source": "Source",
        "confidence": "confidence",
        "class": "Class",
        "text": "Text",
        "no_results": "No match",
        "help": "Click a node or an edge to see its facts and the sentences behind them.",
        "planned": "planned",
        "conditional": "conditional",
        "reported": "reported",
        "negated": "denied",
        "show_negated": "Show denied facts",
        "layout": "Laying out the network… {pct}%",
        "noscript": "This page needs JavaScript to draw the network.",
    },
    "ar": {
        "title": "شبكة الكيانات",
        "search": "ابحث عن كيان…",
        "count_all": "الكيانات: {shown} · الحقائق: {edges}",
        "count_some": "الكيانات المعروضة: {shown} من {total} (الأكثر ورودًا في الوثائق) · الحقائق: {edges} من {total_edges}",
        "count_filtered": "الكيانات المعروضة: {shown} من {total} · الحقائق: {edges} من {total_edges} (بعد التصفية)",
        "community": "المجموعة",
        "by_community": "التلوين حسب المجموعة ({n})",
        "count_help": "الكيانات: كل عقدة في الشبكة مرة واحدة. الحقائق: كل ثلاثية فاعل–علاقة–مفعول مختلفة بين كيانين مرة واحدة، مهما تعددت الجمل التي تذكرها.",
        "degree": "الدرجة",
        "pagerank": "PageRank",
        "classes": "الأصناف",
        "relations": "العلاقات",
        "all": "الكل",
        "none": "لا شيء",
        "facts": "الحقائق",
        "mentions": "ورد في",
        "aliases": "أسماء أخرى",
        "wikidata": "ويكي بيانات",
        "source": "المصدر",
        "confidence": "الثقة",
        "class": "الصنف",
        "text": "النص",
        "no_results": "لا نتائج",
        "help": "انقر على عقدة أو رابط لعرض حقائقها والجمل التي تستند إليها.",
        "planned": "مرتقبة",
        "conditional": "مشروطة",
        "reported": "منقولة",
        "negated": "منفية",
        "show_negated": "أظهر الحقائق المنفية",
        "layout": "جارٍ ترتيب الشبكة… {pct}٪",
        "noscript": "تحتاج هذه الصفحة إلى جافاسكربت لرسم الشبكة.",
    },
}


def documents_lang(source: Any) -> str:
    """The language most documents of a graph, dataset, file or store are in (``ar`` on a
    tie or when none says): what the page, the CSV and the labels follow unless told.

    >>> from rdflib import Graph
    >>> nt = '<http://x/d> a <https://w3id.org/kg-builder/ontology#Document> ; <http://purl.org/dc/terms/language> "en" .'
    >>> documents_lang(Graph().parse(data=nt, format="turtle")), documents_lang(Graph())
    ('en', 'ar')
    """
    from .query import query

    rows: list[Any] = list(query(source, _DOC_LANGS))
    langs: dict[str, int] = defaultdict(int)
    for r in rows:
        if r[0] is not None and str(r[0]):
            langs[_base_lang(str(r[0]))] += int(r[1])
    return min(langs, key=lambda x: (-langs[x], x != "ar", x)) if langs else "ar"


_DOC_LANGS = """SELECT ?lang (COUNT(?d) AS ?n) WHERE {
  ?d a kg:Document ; dcterms:language ?lang } GROUP BY ?lang"""


def render_html(
    graph: Graph,
    out: str | os.PathLike[str],
    *,
    lang: str | None = None,
    max_nodes: int | None = None,
    size_by: str = "degree",
    title: str | None = None,
) -> Path:
    """Write the graph as an interactive network page and return its path.

    Nodes are coloured by class (with a legend that filters), sized by ``size_by``
    (``degree`` or ``pagerank``), labelled in ``lang`` (by default the language of most
    documents, :func:`documents_lang`); edges are labelled with the relation in ``lang``;
    planned and conditional facts are dashed, denied ones hidden until the reader asks for
    them. ``max_nodes`` keeps that many most central entities and the
    page says so. The file is written atomically and is the same bytes for the same graph.

    >>> import tempfile, pathlib
    >>> from rdflib import Graph
    >>> ttl = '''@prefix kg: <https://w3id.org/kg-builder/ontology#> .
    ... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... <http://x/a> a kg:Person ; rdfs:label "ترامب"@ar ; kg:visited <http://x/b> .
    ... <http://x/b> a kg:City ; rdfs:label "واشنطن"@ar .'''
    >>> out = render_html(Graph().parse(data=ttl, format="turtle"),
    ...                   pathlib.Path(tempfile.mkdtemp()) / "g.html")
    >>> page = out.read_text(encoding="utf-8")
    >>> "<script src=" in page, page.count("</script>")
    (False, 3)
    """
    from .analytics import as_graph, to_networkx
    from .atomic import atomic_write

    _check_size_by(size_by)  # before the projection, which is the slow part
    graph = as_graph(graph)
    lang = lang or documents_lang(graph)
    G = to_networkx(graph, lang=lang, unasserted=True)
    page = page_html(
        G,
        lang=lang,
        max_nodes=max_nodes,
        size_by=size_by,
        title=title,
        class_labels=_class_labels(graph, G, lang),
    )
    return atomic_write(out, [page])


def page_html(
    G: nx.MultiDiGraph[str],
    *,
    lang: str = "ar",
    max_nodes: int | None = None,
    size_by: str = "degree",
    title: str | None = None,
    class_labels: dict[str, str] | None = None,
) -> str:
    """The page for an already projected graph (see :func:`kg.analytics.to_networkx`)."""
    data = payload(
        G, lang=lang, max_nodes=max_nodes, size_by=size_by, title=title, class_labels=class_labels
    )
    view = files("kg").joinpath("data/view")
    template = view.joinpath("template.html").read_text(encoding="utf-8")
    vis_js, vis_css = _vis_assets()
    view_js = view.joinpath("view.js").read_text(encoding="utf-8")
    scripts = [_check_inline_script(vis_js), _check_inline_script(view_js)]
    parts = {
        "LANG": _attr(lang),
        "DIR": "rtl" if _base_lang(lang) in RTL_LANGS else "ltr",
        "CSP": _csp(scripts),
        "TITLE": _html_text(data["meta"]["title"]),
        "NOSCRIPT": _html_text(data["ui"]["noscript"]),
        "VIS_CSS": vis_css,
        "VIEW_CSS": view.joinpath("view.css").read_text(encoding="utf-8"),
        "DATA": script_json(data),
        "VIS_JS": scripts[0],
        "VIEW_JS": scripts[1],
    }
    # One pass, so text inserted for one placeholder is never scanned for another.
    return re.sub(r"\{\{([A-Z_]+)\}\}", lambda m: parts[m.group(1)], template)


def payload(
    G: nx.MultiDiGraph[str],
    *,
    lang: str = "ar",
    max_nodes: int | None = None,
    size_by: str = "degree",
    title: str | None = None,
    class_labels: dict[str, str] | None = None,
) -> dict[str, Any]:
    """What the page's script receives: nodes, edges, classes, relations, texts and meta.

    Edges refer to relations and texts by index, so a sentence cited by many facts
    is stored once. Displayed strings have bidi controls and
    zero-width characters removed.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", label="دونالد ترامب", cls="Person", aliases=["ترمب"], qid="Q22686")
    >>> G.add_node("b", label="واشنطن", cls="City")
    >>> _ = G.add_edge("a", "b", key="p", relation="visited", label="زار", sentences=["زار ترامب واشنطن."])
    >>> p = payload(G, lang="ar")
    >>> p["meta"]["shown"], p["meta"]["total"], p["nodes"][0]["keys"]
    (2, 2, ['دونالد ترامب', 'ترمب', 'q22686'])
    >>> p["texts"][p["edges"][0]["sents"][0]]
    'زار ترامب واشنطن.'
    """
    from .analytics import centrality, numbered_communities
    from .salience import choose

    _check_size_by(size_by)
    ui = dict(UI_STRINGS.get(_base_lang(lang), UI_STRINGS["en"]))
    scores = centrality(G, size_by)
    keep = set(choose(G, max_nodes)) if max_nodes is not None else set(G)
    order = sorted(keep)  # node ids follow IRI order: stable across runs
    index = {u: i for i, u in enumerate(order)}
    texts = _TextTable()
    classes = _ClassTable(class_labels or {})
    relations: dict[str, dict[str, Any]] = {}
    nodes = [_node(G, u, index[u], scores[u], classes, texts) for u in order]
    edges = _edges(G, keep, index, relations, texts)
    # communities of what is drawn only, from the drawn edges (nodes numbered in IRI order)
    groups = numbered_communities(len(nodes), ((e["from"], e["to"]) for e in edges))
    for number, group in enumerate(groups):
        for i in group:
            nodes[i]["com"] = number
    return {
        "meta": {
            "title": _clean(title) if title else ui["title"],
            "lang": lang,
            "dir": "rtl" if _base_lang(lang) in RTL_LANGS else "ltr",
            "shown": len(nodes),
            "total": G.number_of_nodes(),
            "edges": len(edges),
            "total_edges": G.number_of_edges(),
            "communities": sum(len(c) > 1 for c in groups),
            "size_by": size_by,
            "physics": _physics(len(nodes), len(edges)),
            "font": label_font(len(nodes)),
        },
        "ui": ui,
        "classes": classes.rows(),
        "relations": [relations[k] for k in sorted(relations, key=lambda k: relations[k]["id"])],
        "nodes": nodes,
        "edges": edges,
        "texts": texts.rows,
    }


def _check_size_by(size_by: str) -> None:
    if size_by not in SIZE_BY:
        raise UnknownNameError("node size measure", size_by, list(SIZE_BY))


def _node(
    G: nx.MultiDiGraph[str], u: str, i: int, score: float, classes: _ClassTable, texts: _TextTable
) -> dict[str, Any]:
    from .analytics import valid_qid

    d = G.nodes[u]
    label = _clean(d.get("label") or u)
    names = _unique(
        _clean(n) for n in [*d.get("labels", ()), *d.get("aliases", ())] if _clean(n) != label
    )
    qid = d.get("qid") if valid_qid(d.get("qid")) else None
    node: dict[str, Any] = {
        "id": i,
        "label": label,
        "short": _shorten(label),
        "cls": classes.add(d.get("cls") or "Thing"),
        "value": round(score, 6),
        "names": names,
        "keys": _unique(k for k in (normalize(n) for n in [label, *names, qid or ""]) if k),
        "mentions": [texts.index(s) for s in d.get("sentences", ())],
    }
    if qid:
        node["qid"] = qid
    if d.get("text"):
        node["text"] = texts.index(d["text"])
    return node


def _edges(
    G: nx.MultiDiGraph[str],
    keep: set[str],
    index: dict[str, int],
    relations: dict[str, dict[str, Any]],
    texts: _TextTable,
) -> list[dict[str, Any]]:
    rows = sorted(
        (index[u], index[v], str(k), d)
        for u, v, k, d in G.edges(keys=True, data=True)
        if u in keep and v in keep
    )
    curves = _curves([(a, b) for a, b, _, _ in rows])
    out = []
    for n, (a, b, key, d) in enumerate(rows):
        rel = relations.setdefault(
            key,
            {
                "id": len(relations),
                "name": _clean(d.get("relation") or key),
                "label": _clean(d.get("label") or d.get("relation") or key),
                "count": 0,
            },
        )
        rel["count"] += 1
        edge: dict[str, Any] = {"id": n, "from": a, "to": b, "rel": rel["id"]}
        if curves[n]:
            edge["curve"] = curves[n]
        edge["sents"] = [texts.index(s) for s in d.get("sentences", ())]
        edge["ev"] = [texts.index(s) for s in d.get("evidence", ())]
        if d.get("sources"):  # the publications (headline, outlet, date, URL) behind the fact
            edge["src"] = [texts.index(s) for s in d["sources"]]
        if d.get("confidence") is not None:
            edge["conf"] = round(float(d["confidence"]), 4)
        if d.get("modality", "asserted") != "asserted":  # planned: dashed; negated: hidden
            edge["mod"] = d["modality"]
        out.append(edge)
    return out


def _curves(pairs: list[tuple[int, int]]) -> list[float]:
    """Roundness for each edge so parallel facts between two nodes do not overlap:
    the first is straight, the rest bend alternately to either side, further each time.

    >>> _curves([(0, 1), (0, 1), (0, 1), (2, 3)])
    [0.0, 0.25, -0.25, 0.0]
    >>> _curves([(0, 1), (1, 0)])  # the same side, seen from the other end
    [0.0, -0.25]
    """
    seen: dict[tuple[int, int], int] = defaultdict(int)
    out = []
    for a, b in pairs:
        k = seen[(min(a, b), max(a, b))]
        seen[(min(a, b), max(a, b))] += 1
        # curvedCW seen from b->a is curvedCCW from a->b: the sign flips with direction.
        sign = (1 if k % 2 else -1) * (1 if a <= b else -1)
        out.append(0.0 if k == 0 else sign * 0.25 * ((k + 1) // 2))
    return out


def _physics(n_nodes: int, n_edges: int) -> dict[str, Any]:
    """vis-network layout settings by size.

    Repulsion (a Barnes-Hut approximation) is nearly all of the layout time. Force Atlas 2
    spreads a graph out in far fewer iterations than vis's default solver, and on big
    graphs a coarser approximation (larger ``theta``) and fewer iterations keep 2,000
    entities interactive within a few seconds; small graphs get an exact, settled layout.
    """
    n = n_nodes + n_edges
    theta, iterations = (0.5, 500) if n <= 600 else (0.8, 250) if n <= 3000 else (1.0, 120)
    return {
        "vis": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "theta": theta,
                "gravitationalConstant": -60,
                "centralGravity": 0.01,
                "springLength": 110,
                "springConstant": 0.08,
                "damping": 0.4,
                "avoidOverlap": 0.2,
            },
            "stabilization": {
                "enabled": True,
                "iterations": iterations,
                "updateInterval": 25,
                "fit": True,
            },
        },
        "improved_layout": n_nodes <= 100,
        "big": n > 3000,
    }


#: On-screen size of node labels in CSS pixels, at every zoom (the page rescales them).
LABEL_PX = 13
#: Nodes labelled at the fitted zoom of a big network (more appear as one zooms in):
#: about as many 13 px names as a 1400×900 canvas holds without piling them up.
_LABELS_AT_FIT = 60


def label_font(n_nodes: int) -> dict[str, int]:
    """Label size on screen and how many nodes are labelled at the fitted zoom.

    >>> label_font(40), label_font(300)
    ({'px': 13, 'labels': 40}, {'px': 13, 'labels': 60})
    """
    return {"px": LABEL_PX, "labels": n_nodes if n_nodes <= 100 else _LABELS_AT_FIT}


class _TextTable:
    """Sentences and other long texts, each stored once and referred to by index."""

    def __init__(self) -> None:
        self.rows: list[str] = []
        self._index: dict[str, int] = {}

    def index(self, text: str) -> int:
        text = _clean(text)
        if text not in self._index:
            self._index[text] = len(self.rows)
            self.rows.append(text)
        return self._index[text]


class _ClassTable:
    """The classes shown, with their label in the page language, colour and count."""

    def __init__(self, labels: dict[str, str]) -> None:
        self._labels = labels
        self._counts: dict[str, int] = {}

    def add(self, cls: str) -> str:
        self._counts[cls] = self._counts.get(cls, 0) + 1
        return cls

    def rows(self) -> list[dict[str, Any]]:
        rank = {c: i for i, c in enumerate(CLASS_COLOURS)}
        names = sorted(self._counts, key=lambda c: (rank.get(c, len(rank)), c))
        return [
            {
                "name": c,
                "label": _clean(self._labels.get(c, c)),
                "colour": CLASS_COLOURS.get(c, _OTHER_COLOUR),
                "count": self._counts[c],
            }
            for c in names
        ]


def to_pyvis(
    graph: Graph,
    *,
    lang: str | None = None,
    max_nodes: int | None = None,
    size_by: str = "degree",
    height: str = "750px",
) -> Any:
    """The page's network as a ``pyvis.network.Network``, for notebooks and for people who
    customise networks with pyvis: the same nodes (chosen as the page chooses them),
    colours, labels, sizes, arrows and relation labels, with the page's side panel as
    plain-text tooltips (a node's class, Wikidata item and other names; a fact's
    sentences, evidence and source). Its HTML carries vis-network inline
    (``cdn_resources="in_line"``), so the network draws offline.

    Text gets what the page gives it: bidi controls and zero-width characters removed,
    never read as HTML (vis-network shows a string tooltip as text; "href" is kept out of
    tooltips, since pyvis would switch to its own HTML tooltips for it).

    >>> from rdflib import Graph
    >>> ttl = '''@prefix kg: <https://w3id.org/kg-builder/ontology#> .
    ... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... <http://x/a> a kg:Person ; rdfs:label "ترامب"@ar ; kg:visited <http://x/b> .
    ... <http://x/b> a kg:City ; rdfs:label "واشنطن"@ar .'''
    >>> net = to_pyvis(Graph().parse(data=ttl, format="turtle"))
    >>> type(net).__name__, [n["label"][1:-1] for n in net.nodes], net.nodes[0]["color"]
    ('Network', ['ترامب', 'واشنطن'], '#4e79a7')
    >>> net.edges[0]["arrows"], net.edges[0]["label"][1:-1]
    ('to', 'زار')
    """
    from pyvis.network import Network

    from .analytics import as_graph, to_networkx

    _check_size_by(size_by)
    graph = as_graph(graph)
    lang = lang or documents_lang(graph)
    G = to_networkx(graph, lang=lang)
    data = payload(
        G,
        lang=lang,
        max_nodes=max_nodes,
        size_by=size_by,
        class_labels=_class_labels(graph, G, lang),
    )
    net = Network(height=height, width="100%", directed=True, cdn_resources="in_line", heading="")
    classes = {c["name"]: c for c in data["classes"]}
    for n in data["nodes"]:
        net.add_node(
            n["id"],
            label=_isolate(n["short"]),
            title=_tooltip(_node_tip(n, classes, data)),
            color=classes[n["cls"]]["colour"],
            value=n["value"],
            shape="dot",
        )
    for e in data["edges"]:
        net.add_edge(
            e["from"],
            e["to"],
            label=_isolate(data["relations"][e["rel"]]["label"]),
            title=_tooltip(_edge_tip(e, data)),
            arrows="to",
        )
    net.set_options(json.dumps(_pyvis_options(data["meta"])))
    return net


def _isolate(text: str) -> str:
    """First-strong isolation, as the page's canvasText: each label keeps its direction."""
    return "\u2068" + text + "\u2069"


def _tooltip(text: str) -> str:
    # a word joiner (invisible) keeps pyvis from its innerHTML tooltips, which it picks
    # for any node title that contains "href"
    return text.replace("href", "hr\u2060ef")


def _node_tip(n: dict[str, Any], classes: dict[str, Any], data: dict[str, Any]) -> str:
    ui = data["ui"]
    lines = [n["label"], f"{ui['class']}: {classes[n['cls']]['label']}"]
    if n.get("qid"):
        lines.append(f"{ui['wikidata']}: {n['qid']}")
    if n["names"]:
        lines.append(f"{ui['aliases']}: " + "، ".join(n["names"]))
    if "text" in n:
        lines.append(data["texts"][n["text"]])
    return "\n".join(lines)


def _edge_tip(e: dict[str, Any], data: dict[str, Any]) -> str:
    ui, texts, nodes = data["ui"], data["texts"], data["nodes"]
    arrow = " ← " if data["meta"]["dir"] == "rtl" else " → "
    rel = data["relations"][e["rel"]]["label"]
    lines = [nodes[e["from"]]["label"] + " — " + rel + arrow + nodes[e["to"]]["label"]]
    lines += [f"«{texts[i]}»" for i in e["sents"]]
    lines += [f"[{texts[i]}]" for i in e["ev"]]
    lines += [f"{ui['source']}: {texts[i]}" for i in e.get("src", ())]
    if "conf" in e:
        lines.append(f"{ui['confidence']} {e['conf']}")
    return "\n".join(lines)


def _pyvis_options(meta: dict[str, Any]) -> dict[str, Any]:
    """The page's vis-network options that do not need its script."""
    return {
        "layout": {"randomSeed": 7, "improvedLayout": meta["physics"]["improved_layout"]},
        "physics": {"enabled": True, **meta["physics"]["vis"]},
        "interaction": {"hover": True, "tooltipDelay": 300},
        "nodes": {
            "scaling": {"min": 8, "max": 36},
            "font": {"size": 14, "color": "#1d2733", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "borderWidth": 1,
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"color": "#9aa5b1", "highlight": "#1d2733", "hover": "#5f6b7a"},
            "font": {"size": 10, "color": "#3b4754", "strokeWidth": 3, "align": "middle"},
            "smooth": {"enabled": True, "type": "dynamic"},
        },
    }


def _class_labels(graph: Graph, G: nx.MultiDiGraph[str], lang: str) -> dict[str, str]:
    from .analytics import term_label
    from .vocab import KG

    classes = {d.get("cls") or "Thing" for _, d in G.nodes(data=True)}
    return {c: term_label(graph, KG[c], lang) for c in sorted(classes)}


# --------------------------------------------------------------------------- safe embedding

_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def script_json(data: Any) -> str:
    """JSON that is safe between ``<script type="application/json">`` tags.

    ``<``, ``>`` and ``&`` can only occur inside JSON strings, where their ``\\u``
    escapes mean the same, so no ``</script>`` or ``<!--`` can end or bend the element.

    >>> script_json({"label": "</script><b>&"})
    '{"label":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)


def _check_inline_script(js: str) -> str:
    """Refuse a script that would end its own element or enter the parser's escaped state."""
    lowered = js.lower()
    if "</script" in lowered or "<!--" in lowered:
        raise ValueError("script cannot be inlined: contains '</script' or '<!--'")
    return js


def _csp(scripts: list[str]) -> str:
    """Allow exactly these inline scripts and no request of any kind (no network, even
    if a browser extension or a future edit tried)."""
    hashes = " ".join(
        "'sha256-"
        + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii")
        + "'"
        for s in scripts
    )
    return (
        "default-src 'none'; "
        f"script-src {hashes}; "
        "style-src 'unsafe-inline'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS from the copy pyvis ships (no CDN, no download)."""
    try:
        lib = files("pyvis").joinpath("templates", "lib", _VIS_DIR)
        js = lib.joinpath("vis-network.min.js").read_text(encoding="utf-8")
        css = lib.joinpath("vis-network.css").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as e:  # pragma: no cover - packaging error
        raise RuntimeError(
            f"vis-network not found in pyvis ({e}); install it with `pip install 'pyvis>=0.3.2'`"
        ) from e
    # DevTools would try to fetch the source map; the page must request nothing.
    js = re.sub(r"^//# sourceMappingURL=.*$", "", js, flags=re.MULTILINE)
    return js, css


# --------------------------------------------------------------------------- text helpers


def _clean(text: str) -> str:
    """Displayed text without bidi overrides, isolates and zero-width characters, which
    could reorder the interface around them or hide what a name really says."""
    return strip_invisible(str(text))


def _shorten(label: str) -> str:
    """
    >>> _shorten("x" * 50)[-1], len(_shorten("x" * 50))
    ('…', 40)
    """
    return label if len(label) <= _LABEL_MAX else label[: _LABEL_MAX - 1].rstrip() + "…"


def _unique(values: Any) -> list[str]:
    return list(dict.fromkeys(values))


def _base_lang(lang: str) -> str:
    return lang.split("-")[0].lower()


def _attr(value: str) -> str:
    """A language tag fit for an HTML attribute (letters, digits, hyphens only)."""
    return re.sub(r"[^A-Za-z0-9-]", "", value) or "und"


def _html_text(text: str) -> str:
    import html

    return html.escape(text, quote=True)
