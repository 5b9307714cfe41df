"""Event identity within a document: a mention of an event kind the document already
told of is the same event only when place and time agree.

Event nouns of one kind start as one entity per document (``event:اجتماع``), so that
«الاجتماع» in a later sentence refers back to the meeting told of before. Once a sentence
has given its events their place and time (``kg.extract.events``), an event whose earlier
sentences put it in another city or country, on another named day or date
(``kg.events.places_disagree``, ``kg.events.times_disagree``), or that the sentence
calls another one (اجتماعا آخر), or that brings two parties together here and two
before with one of them changed (تلقى الملك اتصالا من ترامب ... وكان الملك أجرى اتصالا
بأردوغان), is split off: this sentence's mentions and facts become an entity of their
own. Other parties are not compared: a later sentence often names one party of the same
meeting, or lists the many that attended it.

>>> from kg import build
>>> g = build(texts=["عقد الوزير اجتماعا في عمان يوم الاثنين. وعقد الوزير اجتماعا في القاهرة يوم الخميس."])
>>> sorted((f.subject, f.object) for f in g.facts(relation="location"))
[('اجتماعا', 'القاهرة'), ('اجتماعا', 'عمان')]
>>> len({f.subject_iri for f in g.facts(relation="location")})
2
>>> g = build(texts=["تلقى الملك اتصالا من الرئيس الأمريكي. وأجرى الملك اتصالا بالرئيس التركي."])
>>> len({f.object_iri for f in g.facts(relation="participatedIn")})
2
"""

from __future__ import annotations

import dataclasses

from ..events import places_disagree, times_disagree
from ..model import Sentence
from ..text import normalize
from .retold import same_party
from .state import Doc, Ent
from .tree import Tree

#: Modifiers that make an event noun a new event of its kind (اجتماعا آخر, قمة أخرى).
ANOTHER = frozenset(normalize(w) for w in "آخر أخرى ثان ثانية جديد جديدة".split())


def separate_events(d: Doc, s: Sentence, tree: Tree, events: dict[str, int]) -> None:
    """Split off each event of this sentence whose place or time disagrees with what
    earlier sentences said of it, or that the sentence calls another one."""
    for key, tid in events.items():
        key = d.find(key)
        if _earlier(d, key, s.index) and (
            _another(tree, tid) or _disagrees(d, key, s.index) or _other_parties(d, key, s.index)
        ):
            _split(d, key, s.index)


def _earlier(d: Doc, key: str, sentence: int) -> bool:
    """Whether the event has a mention before this sentence."""
    return any(m.sentence < sentence and d.find(m.entity) == key for m in d.mentions)


def _another(tree: Tree, tid: int) -> bool:
    return any(normalize(tree.tok(k).form) in ANOTHER for k in tree.children(tid, "amod"))


def _where_when(
    d: Doc, key: str, sentence: int, now: bool
) -> tuple[set[tuple[str, str]], list[str]]:
    """The places (entity key, class) and times (labels) facts give the event in this
    sentence (``now``) or before it."""
    places: set[tuple[str, str]] = set()
    times: list[str] = []
    for f in d.facts:
        if (f.sentence == sentence) != now or f.sentence > sentence or d.find(f.subject) != key:
            continue
        if f.relation == "location":
            places.add((d.find(f.object), d.ent(f.object).cls))
        elif f.relation == "pointInTime":
            times.extend(d.ent(f.object).names[:1])
    return places, times


def _parties(d: Doc, key: str, sentence: int, now: bool) -> set[str]:
    """Who took part in the event in this sentence (``now``) or before it."""
    return {
        d.find(f.subject)
        for f in d.facts
        if f.relation == "participatedIn"
        and d.find(f.object) == key
        and (f.sentence == sentence if now else f.sentence < sentence)
    }


def _other_parties(d: Doc, key: str, sentence: int) -> bool:
    """Whether this sentence brings two parties together and earlier sentences two
    others, one of them changed: another call or meeting of two."""
    here = _parties(d, key, sentence, now=True)
    before = _parties(d, key, sentence, now=False)
    if len(here) != 2 or len(before) != 2:
        return False
    # بوتين in a headline, فلاديمير بوتين later: one person (kg.extract.retold)
    return not all(any(same_party(d, a, b) for b in before) for a in here)


def _disagrees(d: Doc, key: str, sentence: int) -> bool:
    """Whether this sentence puts the event in another place or on another day."""
    places, times = _where_when(d, key, sentence, now=True)
    before_places, before_times = _where_when(d, key, sentence, now=False)
    if places_disagree(places, before_places):
        return True
    return any(times_disagree(a, b) for a in times for b in before_times)


def _split(d: Doc, key: str, sentence: int) -> None:
    """This sentence's mentions, tokens, facts and history of ``key`` move to a new entity."""
    old = d.ents[key]
    new_key = f"{key}@{sentence}"
    new = d.ents[new_key] = Ent(new_key, old.cls, gender=old.gender, number=old.number)
    moved: dict[str, str] = {}
    for i, m in enumerate(d.mentions):
        if m.sentence == sentence and d.find(m.entity) == key:
            d.mentions[i] = dataclasses.replace(m, entity=new_key)
            moved[m.id] = m.text
    kept = {m.text for m in d.mentions if d.find(m.entity) == key}
    new.mentions = [m for m in old.mentions if m in moved]
    old.mentions = [m for m in old.mentions if m not in moved]
    new.names = [n for n in old.names if n in moved.values()] or list(dict.fromkeys(moved.values()))
    old.names = [n for n in old.names if n in kept or n not in moved.values()]
    for at, k in list(d.token_ent.items()):
        if at[0] == sentence and d.find(k) == key:
            d.token_ent[at] = new_key
    for f in d.facts:
        if f.sentence == sentence:
            f.subject = new_key if d.find(f.subject) == key else f.subject
            f.object = new_key if d.find(f.object) == key else f.object
    d.history = [
        (new_key if si == sentence and d.find(k) == key else k, role, si)
        for k, role, si in d.history
    ]
    if (key, sentence) in d.history_at:
        d.history_at[(new_key, sentence)] = d.history_at.pop((key, sentence))
