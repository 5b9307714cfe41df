"""A meeting told again: the same parties meeting, as planned (or as done) as before, with
no other place or day, is the meeting already told of, not a second one.

News tells a coming meeting in the headline, again in the lead and again in the body
(«X يلتقي Y في موسكو الأسبوع المقبل» ... «يلتقي X بـ Y في موسكو الأسبوع المقبل»): each
clause of meeting with a place or a time would make an event of its own. The clause is
the last meeting the document made an event of (``Doc.last_meeting``) when it brings the
same parties together (the same entities, after names are joined), with the same
modality, and names no city, country or day that the earlier one contradicts
(:func:`kg.events.places_disagree`, :func:`kg.events.times_disagree`).
"""

from __future__ import annotations

from ..events import places_disagree, times_disagree
from ..text import normalize
from .modality import modality
from .state import Doc
from .tree import Tree


def told_again(
    d: Doc,
    tree: Tree,
    v: int,
    parties: list[str],
    places: list[tuple[str, int]],
    times: list[tuple[str, int]],
) -> str:
    """The key of the last meeting event when the clause of meeting v tells it again, or "".

    >>> from kg import build
    >>> g = build(texts=["سيلتقي الملك الأردني الرئيس الفرنسي في باريس الأسبوع المقبل. "
    ...                  "وقال القصر إن الملك الأردني سيلتقي الرئيس الفرنسي في باريس يوم الخميس."])
    >>> len({f.subject_iri for f in g.facts(relation="location", modality="*")})
    1
    """
    if d.last_meeting is None:
        return ""
    key = d.find(d.last_meeting)
    ours = {d.find(p) for p in parties}
    theirs = {
        d.find(f.subject)
        for f in d.facts
        if f.relation == "participatedIn" and d.find(f.object) == key
    }
    if len(ours) < 2 or len(ours) != len(theirs):
        return ""
    if not all(any(same_party(d, a, b) for b in theirs) for a in ours):
        return ""
    mods = {
        f.modality for f in d.facts if d.find(f.object) == key and f.relation == "participatedIn"
    }
    if mods != {modality(tree, v)}:
        return ""  # met before, to meet again: two meetings
    before_places = {
        (d.find(f.object), d.ent(f.object).cls)
        for f in d.facts
        if d.find(f.subject) == key and f.relation == "location"
    }
    before_times = [
        d.ent(f.object).names[0]
        for f in d.facts
        if d.find(f.subject) == key and f.relation == "pointInTime" and d.ent(f.object).names
    ]
    here = {(d.find(p), d.ent(p).cls) for p, _ in places}
    if places_disagree(here, before_places):
        return ""
    for t, _ in times:
        if d.ent(t).names and any(times_disagree(d.ent(t).names[0], b) for b in before_times):
            return ""
    return key


#: Classes of a party that may be a person: a bare surname not yet known as one is a Thing.
PERSON_LIKE = frozenset({"Person", "Thing"})


def same_party(d: Doc, a: str, b: str) -> bool:
    """Whether two parties are one: one entity, or a person and the same person's surname
    (بوتين in a headline, فلاديمير بوتين in the body: names are joined once the document
    is read, and a headline's bare surname may not be known for a person yet)."""
    if a == b:
        return True
    ea, eb = d.ent(a), d.ent(b)
    if not {ea.cls, eb.cls} <= PERSON_LIKE or "Person" not in (ea.cls, eb.cls):
        return False
    wa, wb = _words(ea.names), _words(eb.names)
    if not wa or not wb:
        return False
    if wa[-1] == wb[-1]:
        return True  # نتنياهو, بنيامين نتنياهو
    # a one-word name that is a word of the other (سلمان, سلمان بن عبد العزيز)
    return (len(wa) == 1 and wa[0] in wb) or (len(wb) == 1 and wb[0] in wa)


def _words(names: list[str]) -> list[str]:
    return normalize(names[0]).split() if names else []
