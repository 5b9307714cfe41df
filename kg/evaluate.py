"""Evaluate a graph against gold annotations (the README's section "Gold annotations" gives the format).

Matching, in short:

- A graph entity (a node with an entity class) maps to a gold entity when it has the
  gold QID (``owl:sameAs``) or one of its names (``rdfs:label``, ``kg:alias``) equals a
  gold surface after :func:`kg.text.normalize`. Gold surfaces are ``surfaces_ar`` plus
  ``label_en``. If several gold entities match, a QID match wins, then the longest
  matching surface, then the first in the file. A ``kg:Position`` node (an office such
  as «الرئيس السوري») maps only to a gold entity of type Position: gold files list a
  title among the surfaces of the person it refers to in the text, but the office is
  not its holder (``X holdsPosition <the office>`` is no fact about X and X).
- Predicted facts are the core-relation facts of the graph: its fact nodes (``kg:Fact``)
  of every modality but negated, whether or not they have a direct triple (a planned
  meeting has none), and direct triples without a fact node. Facts are counted once per
  (gold subject, relation, gold object), so an entity split in two does not count twice.
- Recall: a gold fact is found by a predicted fact of any of those modalities.
- A predicted relation also matches a gold fact of a relation it is a sub-property of
  in the ontology (sanctioned matches targeted).
- Precision is over the facts that can be judged: both ends map, or the subject maps
  and a gold fact with object ``*`` has the same subject and relation. ``met`` counts
  in either direction. A judged fact is right when it matches a gold fact *with the
  gold's modality*: a gold fact whose evidence starts with ``planned:`` needs a planned
  fact; any other gold fact an asserted or reported one. ``planned_found`` counts the
  gold ``planned:`` facts matched by a planned fact.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from .errors import InputError
from .model import ASSERTED, ENTITY_CLASSES, NEGATED, PLANNED, REPORTED
from .text import normalize
from .vocab import CORE_RELATIONS, KG, WD, modality_name

ANY = "*"  # gold object: any object
#: Relations matched in both directions (gold README: "for met either direction counts").
EITHER_DIRECTION: frozenset[str] = frozenset({"met"})

_ENTITY_COLUMNS = ("id", "qid", "type", "label_en", "surfaces_ar")
_FACT_COLUMNS = ("subject", "relations", "object", "level", "evidence")
#: How a gold fact's evidence says that the text reports it as future or scheduled.
PLANNED_MARK = "planned:"
#: The modalities of a predicted fact that agree with a gold fact not marked planned.
_HAPPENED = frozenset({ASSERTED, REPORTED})


@dataclass(frozen=True, slots=True)
class GoldEntity:
    id: str
    qid: str
    type: str
    label_en: str
    surfaces: tuple[str, ...]  # surfaces_ar, then label_en


@dataclass(frozen=True, slots=True)
class GoldFact:
    subject: str
    relations: tuple[str, ...]
    object: str  # a gold entity id or ANY
    level: str  # "core" or "extra"
    evidence: str

    @property
    def planned(self) -> bool:
        return self.evidence.lstrip().startswith(PLANNED_MARK)


@dataclass(frozen=True, slots=True)
class PredictedFact:
    """A fact of the graph, with the gold entities its ends map to (or None) and the
    modalities the graph gives it (several when sentences differ)."""

    subject: str
    relation: str
    object: str
    subject_gold: str | None
    object_gold: str | None
    modalities: tuple[str, ...] = (ASSERTED,)


@dataclass(frozen=True, slots=True)
class EvalReport:
    precision: float  # right / judged
    recall_core: float
    recall_all: float
    predicted: int  # distinct predicted core-relation facts
    judged: int  # of them, the ones between gold entities (or matching a `*` fact)
    right: int
    core_found: int
    core_total: int
    all_found: int
    all_total: int
    entities_found: int  # gold entities some graph entity maps to
    entities_total: int
    linked: tuple[str, ...]  # gold ids with a QID that a graph entity carries
    linked_wrong: tuple[tuple[str, str], ...]  # (gold id, the wrong QID)
    link_missing: tuple[str, ...]  # gold ids with a QID that nothing carries
    missed: tuple[GoldFact, ...]
    wrong: tuple[PredictedFact, ...]
    mapping: tuple[tuple[str, str], ...]  # (graph IRI, gold id)
    planned_found: int = 0  # gold `planned:` facts matched by a planned fact
    planned_total: int = 0  # gold `planned:` facts


def evaluate(
    graph: Graph | str | os.PathLike[str],
    entities_tsv: str | os.PathLike[str],
    facts_tsv: str | os.PathLike[str],
) -> EvalReport:
    """Score a graph (or a graph file) against gold entity and fact TSV files.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "e.tsv").write_text("id\\tqid\\ttype\\tlabel_en\\tsurfaces_ar\\n"
    ...     "rex\\t\\tPerson\\tRex\\tريكس\\nmeet\\t\\tEvent\\tmeeting\\tالاجتماع\\n", encoding="utf-8")
    >>> _ = (d / "f.tsv").write_text("subject\\trelations\\tobject\\tlevel\\tevidence\\n"
    ...     "rex\\thosted\\tmeet\\tcore\\t...\\n", encoding="utf-8")
    >>> g = Graph().parse(format="turtle", data=f'''@prefix kg: <{KG}> . @prefix rdfs: <{RDFS}> .
    ...     <http://x/rex> a kg:Person ; rdfs:label "ريكس"@ar ; kg:hosted <http://x/m> .
    ...     <http://x/m> a kg:Event ; rdfs:label "الإجتماع"@ar .''')
    >>> r = evaluate(g, d / "e.tsv", d / "f.tsv")
    >>> r.precision, r.recall_core
    (1.0, 1.0)
    """
    gold_entities = read_gold_entities(entities_tsv)
    gold_facts = read_gold_facts(facts_tsv)
    g = _as_graph(graph)
    mapping = map_entities(g, gold_entities)
    predicted = _predicted_facts(g, mapping)
    return _score(gold_entities, gold_facts, g, mapping, predicted)


def format_report(report: EvalReport) -> str:
    """The report as text for a terminal: scores first, then what to look at.

    >>> r = EvalReport(0.5, 0.25, 0.2, 3, 2, 1, 1, 4, 1, 5, 2, 3, ("a",), (), ("b",), (), (), ())
    >>> print(format_report(r).splitlines()[0])
    facts     precision 0.500 (1/2 judged, 3 predicted)
    """
    r = report
    lines = [
        f"facts     precision {r.precision:.3f} ({r.right}/{r.judged} judged, {r.predicted} predicted)",
        f"          recall core {r.recall_core:.3f} ({r.core_found}/{r.core_total})"
        f"   recall all {r.recall_all:.3f} ({r.all_found}/{r.all_total})",
        f"          planned {r.planned_found}/{r.planned_total} gold `planned:` facts"
        " matched by a planned fact",
        f"entities  found {r.entities_found}/{r.entities_total}",
        f"linking   linked {len(r.linked)}, wrong {len(r.linked_wrong)}, missing {len(r.link_missing)}"
        f" (of {len(r.linked) + len(r.linked_wrong) + len(r.link_missing)} gold entities with a QID)",
    ]
    if r.linked_wrong:
        lines.append(
            "  wrong links: " + ", ".join(f"{gid} -> {qid}" for gid, qid in r.linked_wrong)
        )
    if r.link_missing:
        lines.append("  not linked: " + ", ".join(r.link_missing))
    for level in ("core", "extra"):
        missed = [f for f in r.missed if f.level == level]
        if missed:
            lines.append(f"missed {level} facts ({len(missed)}):")
            lines += [
                f"  {f.subject} {'|'.join(f.relations)} {f.object}    {f.evidence}" for f in missed
            ]
    if r.wrong:
        lines.append(f"wrong facts ({len(r.wrong)}):")
        lines += [
            f"  {_side(f.subject, f.subject_gold)} {f.relation} {_side(f.object, f.object_gold)}"
            + ("" if f.modalities == (ASSERTED,) else f"  ({'|'.join(f.modalities)})")
            for f in r.wrong
        ]
    return "\n".join(lines) + "\n"


# --- gold files -----------------------------------------------------------------------------


def read_gold_entities(path: str | os.PathLike[str]) -> list[GoldEntity]:
    """The rows of a ``NAME.entities.tsv`` file."""
    out = []
    for row in _read_tsv(path, _ENTITY_COLUMNS):
        surfaces = [s.strip() for s in row["surfaces_ar"].split("|")] + [row["label_en"].strip()]
        out.append(
            GoldEntity(
                row["id"],
                row["qid"].strip(),
                row["type"],
                row["label_en"],
                tuple(s for s in surfaces if s),
            )
        )
    return out


def read_gold_facts(path: str | os.PathLike[str]) -> list[GoldFact]:
    """The rows of a ``NAME.facts.tsv`` file."""
    out = []
    for row in _read_tsv(path, _FACT_COLUMNS):
        relations = tuple(r.strip() for r in row["relations"].split("|") if r.strip())
        out.append(
            GoldFact(
                row["subject"],
                relations,
                row["object"].strip(),
                row["level"].strip(),
                row["evidence"],
            )
        )
    return out


def _read_tsv(path: str | os.PathLike[str], columns: tuple[str, ...]) -> list[dict[str, str]]:
    p = Path(path)
    try:
        with p.open(encoding="utf-8", newline="") as f:
            # Evidence quotes Arabic text with its own quotation marks: no CSV quoting.
            reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            rows = list(reader)
            header = list(reader.fieldnames or [])
    except OSError as e:
        raise InputError(str(p), e.strerror or str(e)) from None
    except UnicodeDecodeError as e:
        raise InputError(str(p), f"not UTF-8 (byte at offset {e.start})") from None
    if missing := [c for c in columns if c not in header]:
        raise InputError(
            str(p), f"missing column(s) {', '.join(missing)}; expected {', '.join(columns)}"
        )
    if not rows:
        raise InputError(str(p), "no rows under the header: nothing to score against")
    return [{k: (v or "") for k, v in row.items() if k} for row in rows]


# --- mapping ----------------------------------------------------------------------------------


def map_entities(graph: Graph, gold: list[GoldEntity]) -> dict[URIRef, str]:
    """Map every graph entity that matches a gold entity to that gold entity's id."""
    by_qid: dict[str, list[int]] = {}
    by_surface: dict[str, list[tuple[int, int]]] = {}  # normalised surface -> (gold index, length)
    for i, e in enumerate(gold):
        if e.qid:
            by_qid.setdefault(e.qid, []).append(i)
        for s in e.surfaces:
            n = normalize(s)
            by_surface.setdefault(n, []).append((i, len(n)))
    mapping = {}
    positions = set(graph.subjects(RDF.type, KG.Position))
    for node in _entities(graph):
        # Rank candidates: QID match first, then the longest matching surface, then file order.
        ranked: dict[int, tuple[int, int, int]] = {}
        for qid in _qids(graph, node):
            for i in by_qid.get(qid, ()):
                ranked[i] = (0, 0, i)
        for name in _names(graph, node):
            for i, length in by_surface.get(name, ()):
                if node in positions and gold[i].type != "Position":
                    continue
                ranked[i] = min(ranked.get(i, (1, 0, i)), (1, -length, i))
        if ranked:
            mapping[node] = gold[min(ranked, key=ranked.__getitem__)].id
    return mapping


def _entities(graph: Graph) -> list[URIRef]:
    classes = {KG[c] for c in ENTITY_CLASSES}
    nodes = {
        s for s, o in graph.subject_objects(RDF.type) if o in classes and isinstance(s, URIRef)
    }
    return sorted(nodes)


def _qids(graph: Graph, node: URIRef) -> list[str]:
    return sorted(
        str(o)[len(str(WD)) :]
        for o in graph.objects(node, OWL.sameAs)
        if str(o).startswith(str(WD))
    )


def _names(graph: Graph, node: URIRef) -> set[str]:
    return {normalize(str(o)) for p in (RDFS.label, KG.alias) for o in graph.objects(node, p)}


# --- scoring ----------------------------------------------------------------------------------


def _predicted_facts(graph: Graph, mapping: dict[URIRef, str]) -> list[PredictedFact]:
    triples = _modal_triples(graph)
    first: dict[tuple[str, str, str], tuple[Node, str, Node]] = {}
    modalities: dict[tuple[str, str, str], set[str]] = {}
    for (s, rel, o), mods in sorted(
        triples.items(), key=lambda kv: (kv[0][1], str(kv[0][0]), str(kv[0][2]))
    ):
        mods = mods - {NEGATED}  # a denial is not a prediction of the fact
        if not mods:
            continue
        key = (_gold_of(mapping, s) or str(s), rel, _gold_of(mapping, o) or str(o))
        first.setdefault(key, (s, rel, o))
        modalities.setdefault(key, set()).update(mods)
    facts = [
        PredictedFact(
            str(s),
            rel,
            str(o),
            _gold_of(mapping, s),
            _gold_of(mapping, o),
            tuple(sorted(modalities[key])),
        )
        for key, (s, rel, o) in first.items()
    ]
    return sorted(facts, key=lambda f: (f.relation, f.subject, f.object))


def _modal_triples(graph: Graph) -> dict[tuple[Node, str, Node], set[str]]:
    """Every core-relation fact with the modalities of its fact nodes; a direct triple
    that no fact node states is asserted."""
    out: dict[tuple[Node, str, Node], set[str]] = {}
    for node in graph.subjects(RDF.type, KG.Fact):
        p = graph.value(node, RDF.predicate)
        rel = str(p)[len(str(KG)) :] if p is not None and str(p).startswith(str(KG)) else ""
        s, o = graph.value(node, RDF.subject), graph.value(node, RDF.object)
        if rel in CORE_RELATIONS and s is not None and o is not None:
            m = graph.value(node, KG.modality)
            out.setdefault((s, rel, o), set()).add(modality_name(str(m or "")))
    for rel in CORE_RELATIONS:
        for s, o in graph.subject_objects(KG[rel]):
            out.setdefault((s, rel, o), {ASSERTED})
    return out


def _gold_of(mapping: dict[URIRef, str], node: Node) -> str | None:
    return mapping.get(node) if isinstance(node, URIRef) else None


def _orientations(f: PredictedFact) -> list[tuple[str | None, str | None]]:
    ends = [(f.subject_gold, f.object_gold)]
    if f.relation in EITHER_DIRECTION:
        ends.append((f.object_gold, f.subject_gold))
    return ends


@cache
def implied_relations(relation: str) -> frozenset[str]:
    """A relation and the core relations it is a sub-property of in the ontology: a
    predicted fact matches a gold fact of any of them, as a query under RDFS inference
    would find it (sanctioned is a kind of targeted).

    >>> sorted(implied_relations("sanctioned")), sorted(implied_relations("met"))
    (['sanctioned', 'targeted'], ['met'])
    """
    from .ontology import ontology_graph

    ont = ontology_graph()
    supers = {
        str(p)[len(str(KG)) :] for p in ont.transitive_objects(KG[relation], RDFS.subPropertyOf)
    }
    return frozenset({relation} | (supers & set(CORE_RELATIONS)))


def _matches(f: PredictedFact, gold: GoldFact) -> bool:
    if not implied_relations(f.relation) & set(gold.relations):
        return False
    return any(
        s == gold.subject and (gold.object == ANY or o == gold.object)
        for s, o in _orientations(f)
        if s
    )


def _agrees(f: PredictedFact, gold: GoldFact) -> bool:
    """Whether the fact has the gold fact's modality: planned for a `planned:` gold fact,
    asserted or reported for any other."""
    if gold.planned:
        return PLANNED in f.modalities
    return not _HAPPENED.isdisjoint(f.modalities)


def _judged(f: PredictedFact, star_keys: set[tuple[str, str]]) -> bool:
    """Between gold entities, or its subject and relation are those of a `*` gold fact."""
    return any(
        s and (o or any((s, r) in star_keys for r in implied_relations(f.relation)))
        for s, o in _orientations(f)
    )


def _score(
    gold_entities: list[GoldEntity],
    gold_facts: list[GoldFact],
    graph: Graph,
    mapping: dict[URIRef, str],
    predicted: list[PredictedFact],
) -> EvalReport:
    star_keys = {(g.subject, r) for g in gold_facts if g.object == ANY for r in g.relations}
    judged = [f for f in predicted if _judged(f, star_keys)]
    right = [f for f in judged if any(_matches(f, g) and _agrees(f, g) for g in gold_facts)]
    found = [g for g in gold_facts if any(_matches(f, g) for f in predicted)]
    planned = [g for g in gold_facts if g.planned]
    planned_found = [
        g for g in planned if any(_matches(f, g) and PLANNED in f.modalities for f in predicted)
    ]
    core = [g for g in gold_facts if g.level == "core"]
    core_found = [g for g in found if g.level == "core"]
    linked, wrong, missing = _linking(gold_entities, graph, mapping)
    right_set = set(right)
    found_set = set(found)
    return EvalReport(
        precision=_ratio(len(right), len(judged)),
        recall_core=_ratio(len(core_found), len(core)),
        recall_all=_ratio(len(found), len(gold_facts)),
        predicted=len(predicted),
        judged=len(judged),
        right=len(right),
        core_found=len(core_found),
        core_total=len(core),
        all_found=len(found),
        all_total=len(gold_facts),
        entities_found=len(set(mapping.values())),
        entities_total=len(gold_entities),
        linked=linked,
        linked_wrong=wrong,
        link_missing=missing,
        missed=tuple(g for g in gold_facts if g not in found_set),
        wrong=tuple(f for f in judged if f not in right_set),
        mapping=tuple(sorted((str(k), v) for k, v in mapping.items())),
        planned_found=len(planned_found),
        planned_total=len(planned),
    )


def _linking(
    gold: Iterable[GoldEntity], graph: Graph, mapping: dict[URIRef, str]
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...], tuple[str, ...]]:
    qids_of: dict[str, set[str]] = {}
    for node, gid in mapping.items():
        qids_of.setdefault(gid, set()).update(_qids(graph, node))
    linked, wrong, missing = [], [], []
    for e in gold:
        if not e.qid:
            continue
        got = qids_of.get(e.id, set())
        if e.qid in got:
            linked.append(e.id)
        elif got:
            wrong.append((e.id, min(got)))
        else:
            missing.append(e.id)
    return tuple(linked), tuple(wrong), tuple(missing)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _side(iri: str, gold: str | None) -> str:
    return gold if gold else f"<{iri}>"


def _as_graph(source: Graph | str | os.PathLike[str]) -> Graph:
    if not isinstance(source, Graph):
        from .serialise import load

        source = load(source)
    if isinstance(source, Dataset):
        union = Graph()
        for g in source.graphs():
            union += g
        return union
    return source


# --- ratchet ----------------------------------------------------------------------------------

#: The per-article counts a score ratchet records and compares.
RATCHET_FIELDS: tuple[str, ...] = (
    "predicted",
    "judged",
    "right",
    "core_found",
    "core_total",
    "all_found",
    "all_total",
)
#: Counts where more is better; ``wrong`` (judged - right) is derived, and fewer is better.
_BETTER_UP = frozenset({"right", "core_found", "all_found"})


def ratchet_figures(report: EvalReport) -> dict[str, int]:
    """The counts of a report that a score ratchet records (:data:`RATCHET_FIELDS`).

    >>> r = EvalReport(0.5, 0.25, 0.2, 3, 2, 1, 1, 4, 1, 5, 2, 3, (), (), (), (), (), ())
    >>> ratchet_figures(r)
    {'predicted': 3, 'judged': 2, 'right': 1, 'core_found': 1, 'core_total': 4, 'all_found': 1, 'all_total': 5}
    """
    return {f: int(getattr(report, f)) for f in RATCHET_FIELDS}


def ratchet_moves(
    name: str,
    recorded: dict[str, int],
    current: dict[str, int],
    tolerance: int = 1,
    rerecord: str = "python scripts/record_scores.py",
) -> list[str]:
    """Why an article's counts no longer match the recorded ones (empty when every count
    is within ``tolerance`` facts). A count that got worse is a regression; one that got
    better, or a count that just changed (``predicted``, the gold totals), asks for the
    figures to be recorded again with ``rerecord``.

    >>> rec = {"predicted": 10, "judged": 8, "right": 7, "core_found": 5, "core_total": 6,
    ...        "all_found": 7, "all_total": 9}
    >>> ratchet_moves("a", rec, dict(rec, predicted=11, right=6))
    []
    >>> for m in ratchet_moves("a", rec, dict(rec, core_found=3, judged=10)): print(m)
    a: wrong 1 -> 3 (+2 facts): REGRESSION
    a: core_found 5 -> 3 (-2 facts): REGRESSION
    a: judged 8 -> 10 (+2 facts): changed: re-record with `python scripts/record_scores.py` if intended
    >>> print(ratchet_moves("a", rec, dict(rec, all_found=9, right=9, judged=10))[0])
    a: right 7 -> 9 (+2 facts): improved: re-record with `python scripts/record_scores.py`
    """

    def wrong(d: dict[str, int]) -> int:
        return d.get("judged", 0) - d.get("right", 0)

    pairs = [(f, recorded.get(f, 0), current.get(f, 0)) for f in RATCHET_FIELDS]
    pairs.insert(3, ("wrong", wrong(recorded), wrong(current)))
    order = {"REGRESSION": 0, "improved": 1, "changed": 2}
    found = []
    for f, before, now in pairs:
        delta = now - before
        if abs(delta) <= tolerance:
            continue
        if f in _BETTER_UP or f == "wrong":
            better = delta > 0 if f in _BETTER_UP else delta < 0
            kind = "improved" if better else "REGRESSION"
        else:
            kind = "changed"
        text = {
            "REGRESSION": "REGRESSION",
            "improved": f"improved: re-record with `{rerecord}`",
            "changed": f"changed: re-record with `{rerecord}` if intended",
        }[kind]
        found.append((order[kind], f"{name}: {f} {before} -> {now} ({delta:+d} facts): {text}"))
    return [m for _, m in sorted(found, key=lambda x: x[0])]
