"""The class a linked place is described with in the graph.

The analyser types a place mention from its context (عمان after «سلطنة» is a country,
after «العاصمة الأردنية» a city); the linker may resolve it to an item the gazetteer types
otherwise (عمان read as Oman by the analyser but linked to Amman). The graph describes
the linked item, so for places the gazetteer's class of the item wins: an entity
``entity/Q3805`` is a ``kg:City`` whatever one mention of it was typed. Other classes
(a person, an organisation) keep the analyser's class: a mismatch there is a wrong link
more often than a wrong type, and the linker's cue checks decide those.
"""

from __future__ import annotations

from .lexicon.gazetteer import load

#: Classes that are places (as the linker's cues read them): one may stand for another.
PLACE_CLASSES = frozenset({"Country", "City", "Region", "Place"})


def linked_class(cls: str, qid: str) -> str:
    """The class to describe an entity of class ``cls`` linked to ``qid`` with.

    >>> linked_class("Country", "Q3805"), linked_class("City", "Q3805")  # Amman
    ('City', 'City')
    >>> linked_class("Person", "Q3805"), linked_class("Country", ""), linked_class("City", "Q1")
    ('Person', 'Country', 'City')
    """
    if not qid or cls not in PLACE_CLASSES:
        return cls
    entry = load().by_key.get(qid)
    if entry is None or entry.cls not in PLACE_CLASSES:
        return cls
    return entry.cls
