"""Which entities a capped corpus view shows: the measure behind ``kg view --max-nodes``.

A corpus network drawn by plain degree is dominated by what every article has: numbers,
dates, plain nouns («إحراز», «أهمية») and each article's own events, which touch many
facts in one document and nothing in the others. The view ranks entities instead by

1. **kind**: *named* entities first; *background* nodes (quantities, times and generic
   nouns, see :func:`is_background`) only when the cap leaves room for them;
2. **reach**: the number of documents whose facts join the entity to a named entity. An
   event or a statement of one article has reach 1, however many facts it has there;
   a minister named in forty articles has reach 40;
3. **shared before owned**, in a graph of several documents: at equal reach, an entity
   any document can name (a person, a place) comes before one that belongs to a single
   document (an event, a statement or a time whose IRI is under the document's own).
   In one article's graph its events stay where their facts put them;
4. **named degree**: facts joining it to named entities;
5. its IRI, so equal scores are broken the same way in every run.

``ontology/README.md`` (the network section) describes the same measure for users.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

#: A build's graph.html draws at most this many entities, the first by :class:`Rank` (as
#: ``kg view --max-nodes`` does), and its header says how many of how many: a page of
#: thousands of nodes is a hairball that takes long to lay out (``kg build --max-nodes``).
HTML_MAX_NODES = 500
#: Classes that are values rather than things a reader explores by.
VALUE_CLASSES = frozenset({"Quantity", "TimeExpression"})
#: Classes whose unlinked one-word names are checked against the lexicon's common nouns
#: («مسؤول», «سفراء»); organisations and places get their class from a gazetteer or a
#: designator (حركة, مدينة), so their one-word names stay names.
_WORD_CLASSES = frozenset({"Person", "Group", "Position", "Thing"})
_NUMERAL = re.compile(r"^[\d\s.,٫٬%٪+-]+$")
_TANWEEN = re.compile(r"[\u064b-\u065f\u0670]")


class Rank(NamedTuple):
    """An entity's place in the choice (smaller first)."""

    background: bool
    reach: int
    owned: bool  # its IRI is under one of its documents' own (kg.graph.owned)
    named_degree: int
    iri: str

    def key(self) -> tuple[bool, int, bool, int, str]:
        return (self.background, -self.reach, self.owned, -self.named_degree, self.iri)


def is_background(d: dict[str, Any]) -> bool:
    """Whether a network node (attributes as ``kg.analytics.to_networkx`` gives them) is a
    quantity, a time or a generic noun: its class is Quantity or TimeExpression, its name
    is a number, or it has no Wikidata item and is either a plain ``Thing`` or a person,
    group or position named by one common noun of the lexicon.

    >>> is_background({"cls": "Quantity", "label": "25"}), is_background({"cls": "Thing", "label": "إحراز"})
    (True, True)
    >>> is_background({"cls": "Group", "label": "سفراء"}), is_background({"cls": "Person", "label": "تيلرسون"})
    (True, False)
    >>> is_background({"cls": "Thing", "label": "الإنترنت", "qid": "Q75"})
    False
    """
    cls, label = d.get("cls") or "Thing", str(d.get("label") or "")
    if cls in VALUE_CLASSES or _NUMERAL.match(label):
        return True
    if d.get("qid"):
        return False
    return cls == "Thing" or (cls in _WORD_CLASSES and common_noun(label))


@lru_cache(maxsize=100_000)
def common_noun(label: str) -> bool:
    """A one-word name that the attested lexicon knows only as a noun or adjective (never
    as a proper noun): «المسؤول», «إحراز»; not «مصر», «تيلرسون» (not in it).

    >>> common_noun("الوزراء"), common_noun("مصر"), common_noun("تيلرسون"), common_noun("جو بايدن")
    (True, False, False, False)
    """
    from .analyse.rules.morph import analyse_word, known_form

    word = _TANWEEN.sub("", label.strip())
    if not word or " " in word or not known_form(word):
        return False
    readings = [r for r in analyse_word(word) if r.source == "lex"]
    return bool(readings) and all(r.pos in ("N", "A") for r in readings)


def ranks(G: nx.MultiDiGraph[str]) -> dict[str, Rank]:
    """Each node's :class:`Rank`. Reach counts the documents of each fact (the edge
    attribute ``documents``); a fact without one counts as its own document.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("m", label="ماكرون", cls="Person"); G.add_node("p", label="باريس", cls="City")
    >>> G.add_node("d1/e", label="قمة", cls="Event"); G.add_node("n", label="25", cls="Quantity")
    >>> G.add_node("x", label="بايدن", cls="Person")
    >>> _ = G.add_edge("m", "p", key="v", documents=["d1", "d2"]); _ = G.add_edge("x", "m", key="v", documents=["d1"])
    >>> _ = G.add_edge("m", "d1/e", key="h", documents=["d1"]); _ = G.add_edge("d1/e", "n", key="q", documents=["d1"])
    >>> [u for u in sorted(G, key=lambda u: ranks(G)[u].key())]
    ['m', 'p', 'x', 'd1/e', 'n']
    """
    background = {u: is_background(d) for u, d in G.nodes(data=True)}
    docs: dict[str, set[str]] = {u: set() for u in G}
    degree = dict.fromkeys(G, 0)
    for n, (u, v, d) in enumerate(G.edges(data=True)):
        if background[u] or background[v]:
            continue
        where = set(d.get("documents") or ()) or {f"\0{n}"}
        for end in {u, v}:
            docs[end] |= where
            degree[end] += 1
    several = len(set().union(*docs.values())) > 1
    return {
        u: Rank(
            background[u],
            len(docs[u]),
            several and any(u.startswith(d + "/") for d in docs[u]),
            degree[u],
            u,
        )
        for u in G
    }


def choose(G: nx.MultiDiGraph[str], n: int | None) -> list[str]:
    """The ``n`` first nodes by :class:`Rank` (all of them when ``n`` is None).

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([("a", "b")])
    >>> choose(G, 1)
    ['a']
    """
    r = ranks(G)
    kept = sorted(G, key=lambda u: r[u].key())
    return kept if n is None else kept[: max(n, 0)]
