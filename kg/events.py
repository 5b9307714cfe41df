"""Event identity: when two event nodes are one event.

Within a document, event entities whose labels give them one IRI (two «اجتماعا» told of
in two cities) stay apart when their places or named days disagree
(``kg.graph``). Across the documents of a build or store, per-document event
nodes that tell of the same event are redirected to one corpus event
(:func:`identity_triples`): the same kind, at least two shared participants (an IRI,
so a Wikidata item when linked; one when both call the event by the same name of two
words or more), the same place when both give one, and dates that agree when both are
known (:func:`dates_agree`: the events' own days when both are resolved, at most
``RESOLVED_WINDOW_DAYS`` apart, else the documents' dates, at most
``DATE_WINDOW_DAYS`` apart). The corpus event's IRI is made from the
smallest member IRI, and the groups are made in an order fixed by the reports
themselves (:func:`clusters`), so the result does not depend on the order of the
documents.

Redirect, not ``owl:sameAs`` (which the graph keeps for Wikidata items): the corpus
event, in the named graph ``{base}events``, has its own type and label, ``kg:reportedIn``
each document that tells of it, ``kg:mentionedIn`` their sentences that mention it, and
``kg:reportedAs`` each member, which keeps its facts
and provenance in its document's graph. Every triple of that graph has a corpus event as
its subject, so no document's own subjects change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from itertools import combinations
from typing import NamedTuple, Protocol

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from .extract.words import MONTHS, WEEKDAYS
from .model import Entity, Triple
from .text import normalize
from .vocab import KG, resource

#: Dates at most this many days apart can be one event when either report gives only
#: its document's date: a summit reported the day after, a talk told of three days later.
DATE_WINDOW_DAYS = 3
#: ... and at most this many when both reports resolve the event's own date (kg/dates.py):
#: the same day, or the next (a summit over two days, a night told as either day).
RESOLVED_WINDOW_DAYS = 1
#: Participants two reports of one event must share (one shared party is every meeting
#: a minister holds).
SHARED_PARTICIPANTS = 2
#: ... or one, when both reports call the event by the same name of two words or more
#: (اجتماع التحالف الدولي, القمة الخليجية): a name and a party are two cues too.
SHARED_WITH_NAME = 1
#: Relations from a party to the event it takes part in.
PARTY_RELATIONS = frozenset({"participatedIn", "attended", "hosted", "opened"})
#: Event kinds of a meeting: a clause's «لقاء A و B» and a noun's «اجتماع» are one kind.
_KIND_ALIASES = {"talks": "meeting", "visit": "visit"}
_DATE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")


class EventSig(NamedTuple):
    """What identifies one per-document event node."""

    iri: str
    doc: str
    kind: str
    participants: frozenset[str]
    place: str  # "" when the document gives none
    date: str  # ISO date, "" when unknown
    label: str
    lang: str
    sentences: tuple[str, ...] = ()  # the sentences that mention it (kg:mentionedIn)
    when: tuple[str, ...] = ()  # its own first and last day (kg:startDate, kg:endDate)


def event_kind(label: str, lang: str = "ar") -> str:
    """The kind of an event from its label: the lexicon's event type of its first word
    that has one, else that word without its article.

    >>> event_kind("لقاء بلينكن وفيصل بن فرحان"), event_kind("اجتماعا آخر")
    ('meeting', 'meeting')
    >>> event_kind("meeting of Rex and Ali", "en")
    'meeting'
    """
    from .lexicon import relations as lexmod

    lex = lexmod.load("en" if lang == "en" else "ar")
    words = [normalize(w).strip("«»\"'") for w in label.split()]
    for w in words[:3]:
        for form in (w, w[2:] if w.startswith("ال") else w, w.rstrip("ا")):
            kind = lex.event_type(form)
            if kind:
                return _KIND_ALIASES.get(kind, kind)
    first = words[0] if words else ""
    return first[2:] if first.startswith("ال") else first


def specific_time(text: str) -> frozenset[str]:
    """The words of a time expression that name one day or date: weekdays, months and
    numbers (relative words such as أمس or لاحقا are left out: they may name the same day).

    >>> sorted(specific_time("يوم الأحد 12 مارس"))
    ['12', 'الاحد', 'مارس']
    >>> specific_time("أمس")
    frozenset()
    """
    words = normalize(text).replace("،", " ").split()
    out = set()
    for w in words:
        bare = w[1:] if w.startswith(("و", "ب")) and w[1:] in WEEKDAYS | MONTHS else w
        if bare in WEEKDAYS or bare in MONTHS or bare.isdigit():
            out.add(bare)
    return frozenset(out)


def times_disagree(a: str, b: str) -> bool:
    """Whether two time expressions name different days: both name a weekday, a month or
    a number, and differ in one they both name (a weekday and a month may be one day).

    >>> times_disagree("يوم الأحد", "الأحد"), times_disagree("الأحد", "الثلاثاء")
    (False, True)
    >>> times_disagree("أمس", "الثلاثاء"), times_disagree("اليوم الخميس", "أكتوبر 2022")
    (False, False)
    """
    sa, sb = specific_time(a), specific_time(b)
    for words in (WEEKDAYS, MONTHS):
        wa, wb = sa & words, sb & words
        if wa and wb and wa.isdisjoint(wb):
            return True
    na, nb = {w for w in sa if w.isdigit()}, {w for w in sb if w.isdigit()}
    return bool(na and nb and na.isdisjoint(nb))


#: Places that do not nest within their class: two cities (or two countries) named for
#: one event are two places; a region and a district in it may be one.
DISJOINT_PLACES = frozenset({"City", "Country"})


def places_disagree(a: Iterable[tuple[str, str]], b: Iterable[tuple[str, str]]) -> bool:
    """Whether two sets of (place, class) name different places: a city (or country) of
    one is no city (or country) of the other.

    >>> places_disagree([("riyadh", "City")], [("jeddah", "City")])
    True
    >>> places_disagree([("gaza", "City")], [("gaza strip", "Region")])
    False
    """
    for cls in DISJOINT_PLACES:
        pa = {p for p, c in a if c == cls}
        pb = {p for p, c in b if c == cls}
        if pa and pb and pa.isdisjoint(pb):
            return True
    return False


class PlacedEntity(Protocol):
    """What ``separate_events`` reads of an entity placed in a document's graph."""

    @property
    def entity(self) -> Entity: ...
    @property
    def iri(self) -> URIRef: ...
    @property
    def link(self) -> object: ...
    @property
    def sentences(self) -> tuple[int, ...]: ...


def separate_events(
    triples: Iterable[Triple], placed: Mapping[str, PlacedEntity]
) -> dict[str, URIRef]:
    """New IRIs for the events of one document that share an IRI (one label) but not
    a place, a named day or their parties (two each, one of them changed: a call with one
    president, then another call with another): the first group keeps the IRI, the next
    get ``-2``, ``-3``."""
    where: dict[str, set[tuple[str, str]]] = defaultdict(set)
    when: dict[str, list[str]] = defaultdict(list)
    who: dict[str, set[str]] = defaultdict(set)
    for t in triples:
        if t.relation == "location" and t.object in placed:
            o = placed[t.object]
            where[t.subject].add((str(o.iri), o.entity.cls))
        elif t.relation == "pointInTime" and t.object in placed:
            when[t.subject].append(placed[t.object].entity.label)
        elif t.relation == "participatedIn" and t.subject in placed:
            who[t.object].add(str(placed[t.subject].iri))
    by_iri: dict[URIRef, list[str]] = defaultdict(list)
    for key, p in placed.items():
        if p.entity.cls == "Event" and p.link is None:
            by_iri[p.iri].append(key)
    out: dict[str, URIRef] = {}
    for iri, keys in by_iri.items():
        groups: list[list[str]] = []
        for key in sorted(keys, key=lambda k: (placed[k].sentences, k)):
            group = next(
                (
                    g
                    for g in groups
                    if all(
                        _agree(k, key, where, when) and _same_parties(who[k], who[key]) for k in g
                    )
                ),
                None,
            )
            if group is None:
                groups.append(group := [])
            group.append(key)
        for n, group in enumerate(groups[1:], start=2):
            out.update({k: URIRef(f"{iri}-{n}") for k in group})
    return out


def _agree(
    a: str, b: str, where: Mapping[str, set[tuple[str, str]]], when: Mapping[str, list[str]]
) -> bool:
    """Whether two events of one document agree on place and named day."""
    if places_disagree(where.get(a, ()), where.get(b, ())):
        return False
    return not any(times_disagree(x, y) for x in when.get(a, ()) for y in when.get(b, ()))


def _same_parties(a: set[str], b: set[str]) -> bool:
    """Whether two events' parties can be one event's: not when each brings two together
    and they are not the same two.

    >>> _same_parties({"king", "trump"}, {"king", "erdogan"}), _same_parties({"king"}, {"king", "x"})
    (False, True)
    >>> _same_parties({"a", "b"}, {"c", "d", "e"})
    True
    """
    return not (len(a) == len(b) == 2 and a != b)


def doc_date(meta: Iterable[tuple[str, str]]) -> str:
    """A document's ISO date from its metadata (``Document.meta``), "" when it has none.

    >>> doc_date([("date", "2024-03-05T10:00:00Z")]), doc_date([])
    ('2024-03-05', '')
    """
    m = _DATE.search(dict(meta).get("date", "") or "")
    return m.group(0) if m else ""


def _span(s: EventSig) -> tuple[str, ...] | None:
    """The days an event can be on: its own when resolved, else its document's date."""
    return s.when or ((s.date, s.date) if s.date else None)


def dates_agree(a: EventSig, b: EventSig) -> bool:
    """Whether two reports' dates allow one event: the days between their spans are at
    most ``RESOLVED_WINDOW_DAYS`` when both resolve the event's own date, else at most
    ``DATE_WINDOW_DAYS``; a report with no date is not held to any.

    >>> s = EventSig("i", "d", "meeting", frozenset(), "", "2024-03-13", "", "ar")
    >>> dates_agree(s, s._replace(date="2024-03-15")), dates_agree(s, s._replace(date=""))
    (True, True)
    >>> day = lambda d: s._replace(when=(d, d))
    >>> dates_agree(day("2024-03-10"), day("2024-03-12")), dates_agree(day("2024-03-10"), day("2024-03-11"))
    (False, True)
    """
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None:
        return True
    try:
        first = dt.date.fromisoformat(max(sa[0], sb[0]))
        last = dt.date.fromisoformat(min(sa[1], sb[1]))
    except ValueError:
        return True
    window = RESOLVED_WINDOW_DAYS if a.when and b.when else DATE_WINDOW_DAYS
    return (first - last).days <= window


def same_event(a: EventSig, b: EventSig) -> bool:
    """Whether two reports tell of one event.

    >>> def sig(doc, place="P", date=""):
    ...     return EventSig("i" + doc, doc, "meeting", frozenset({"A", "B"}), place, date, "", "ar")
    >>> same_event(sig("1"), sig("2")), same_event(sig("1"), sig("2", place="Q"))
    (True, False)
    >>> same_event(sig("1", date="2024-03-01"), sig("2", place="", date="2024-03-10"))
    False
    """
    if a.doc == b.doc or a.kind != b.kind or not a.kind:
        return False
    need = SHARED_WITH_NAME if _same_name(a.label, b.label) else SHARED_PARTICIPANTS
    if len(a.participants & b.participants) < need:
        return False
    if a.place and b.place and a.place != b.place:
        return False
    return dates_agree(a, b)


def _same_name(a: str, b: str) -> bool:
    """Whether two labels are one name of two words or more (spelling aside).

    >>> _same_name("اجتماع التحالف الدولي", "اجتماع التحالف الدولى"), _same_name("القمة", "القمة")
    (True, False)
    """
    na, nb = normalize(a), normalize(b)
    return na == nb and len(na.split()) >= 2


def clusters(sigs: Iterable[EventSig]) -> list[list[EventSig]]:
    """Groups of two or more reports of one event, each sorted by IRI, the groups sorted
    by their first IRI.

    Pairs ``same_event`` accepts join their groups, the closest pairs first (more shared
    participants, both with a place) and then by IRI, so the order of the documents does
    not matter; two groups join only if together they still name one place and their
    dates fit in the window (a report without a place does not chain Riyadh to Cairo).
    Only reports sharing a participant are compared, so a large corpus is not compared
    pair by pair.
    """
    ordered = sorted(set(sigs))
    group_of = list(range(len(ordered)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(ordered))}
    for _, i, j in _candidate_pairs(ordered):
        a, b = group_of[i], group_of[j]
        if a == b or not _fits(ordered, members[a] + members[b]):
            continue
        a, b = min(a, b), max(a, b)
        for k in members[b]:
            group_of[k] = a
        members[a] += members.pop(b)
    groups = [sorted((ordered[k] for k in m), key=lambda s: s.iri) for m in members.values()]
    return sorted((g for g in groups if len(g) > 1), key=lambda g: g[0].iri)


def _candidate_pairs(ordered: list[EventSig]) -> list[tuple[tuple[int, int], int, int]]:
    """Pairs of reports of one event, closest first: (rank, i, j) sorted."""
    by_party: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, s in enumerate(ordered):
        for p in s.participants:
            by_party[(s.kind, p)].append(i)
    pairs = {(i, j) for idx in by_party.values() for x, i in enumerate(idx) for j in idx[x + 1 :]}
    out = []
    for i, j in pairs:
        a, b = ordered[i], ordered[j]
        if same_event(a, b):
            rank = (-len(a.participants & b.participants), 0 if a.place and b.place else 1)
            out.append((rank, i, j))
    return sorted(out)


def _fits(ordered: list[EventSig], group: list[int]) -> bool:
    """Whether reports can be one event: one place at most, every two dates agreeing."""
    places = {ordered[k].place for k in group if ordered[k].place}
    if len(places) > 1:
        return False
    return all(dates_agree(ordered[i], ordered[j]) for i, j in combinations(group, 2))


def corpus_event_iri(members: Sequence[EventSig], base: str) -> URIRef:
    """The corpus event of some reports: named after the smallest member IRI."""
    first = min(s.iri for s in members)
    return URIRef(resource(base, "event", hashlib.sha1(first.encode()).hexdigest()[:16]))


def events_graph(base: str) -> URIRef:
    """The named graph of the corpus events and the redirects to them.

    >>> str(events_graph("http://x/"))
    'http://x/events'
    """
    return URIRef(resource(base, "events"))


def identity_triples(sigs: Iterable[EventSig], base: str) -> list[tuple[Node, Node, Node]]:
    """The redirects of the reports that tell of one event, and the corpus events.

    >>> a = EventSig("http://x/doc/1/event/m", "http://x/doc/1", "meeting", frozenset({"A", "B"}), "", "", "لقاء", "ar")
    >>> b = a._replace(iri="http://x/doc/2/event/m", doc="http://x/doc/2")
    >>> [str(p).split("#")[-1] for _, p, _ in identity_triples([b, a], "http://x/")]
    ['type', 'label', 'reportedIn', 'reportedIn', 'reportedAs', 'reportedAs']
    >>> len(identity_triples([a._replace(sentences=("http://x/doc/1/s/0",)), b], "http://x/"))
    7
    """
    out: list[tuple[Node, Node, Node]] = []
    for group in clusters(sigs):
        event = corpus_event_iri(group, base)
        out.append((event, RDF.type, KG.Event))
        for lang, label in _labels(group).items():
            out.append((event, RDFS.label, Literal(label, lang=lang) if lang else Literal(label)))
        for doc in sorted({s.doc for s in group}):
            out.append((event, KG.reportedIn, URIRef(doc)))
        for sentence in sorted({x for s in group for x in s.sentences}):
            out.append((event, KG.mentionedIn, URIRef(sentence)))
        for s in group:
            out.append((event, KG.reportedAs, URIRef(s.iri)))
    return out


def _labels(group: Sequence[EventSig]) -> dict[str, str]:
    """One label per language: the most frequent among the reports, then the longest
    (a clause's «لقاء A و B» tells more than «اجتماعا»)."""
    by_lang: dict[str, Counter[str]] = defaultdict(Counter)
    for s in group:
        if s.label:
            by_lang[s.lang][s.label] += 1
    return {lang: min(c, key=lambda t: (-c[t], -len(t), t)) for lang, c in sorted(by_lang.items())}


def signatures(triples: Iterable[tuple[Node, Node, Node]], doc: str, date: str) -> list[EventSig]:
    """The events a document's graph tells of (its own event nodes), with their kind,
    participants, place, the document's date and the event's own days when resolved."""
    triples = list(triples)
    prefix = doc + "/event/"
    labels: dict[str, tuple[str, str]] = {}
    parties: dict[str, set[str]] = defaultdict(set)
    places: dict[str, list[str]] = defaultdict(list)
    sentences: dict[str, set[str]] = defaultdict(set)
    # which of the predicates read here a triple's is, found by one dict look-up (the
    # terms looked up once: a namespace's attribute is slow, and so is rdflib's ==)
    role: dict[Node, str] = {RDFS.label: "label", KG.location: "place", KG.mentionedIn: "sentence"}
    role.update({KG.startDate: "day", KG.endDate: "day"})
    party = {str(KG[r]) for r in PARTY_RELATIONS}
    days: dict[tuple[str, Node], str] = {}
    for s, p, o in triples:
        what = role.get(p, "")
        if what == "label" and str(s).startswith(prefix) and isinstance(o, Literal):
            labels.setdefault(str(s), (str(o), o.language or ""))
        elif str(o).startswith(prefix) and str(p) in party:
            parties[str(o)].add(str(s))
        elif what == "place" and str(s).startswith(prefix):
            places[str(s)].append(str(o))
        elif what == "sentence" and str(s).startswith(prefix):
            sentences[str(s)].add(str(o))
        elif what == "day" and str(s).startswith(prefix):
            days[(str(s), p)] = str(o)
    out = []
    for iri, (label, lang) in sorted(labels.items()):
        kind = event_kind(label, lang)
        place = min(places[iri]) if places.get(iri) else ""
        said = tuple(sorted(sentences[iri]))
        first, last = days.get((iri, KG.startDate)), days.get((iri, KG.endDate))
        when: tuple[str, ...] = (first, last) if first and last else ()
        parts = frozenset(parties[iri])
        out.append(EventSig(iri, doc, kind, parts, place, date, label, lang, said, when))
    return out
