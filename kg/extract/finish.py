"""Output: the ``Extraction`` of one document, once every sentence is read.

Reads the ``Doc``; keeps the entities that stand on their own (names, events, people,
bodies, places) or take part in a fact, gives each a short stable key and a label (the
longest proper name of a person, the most telling name of an event, a statement's text),
and writes the mentions and one triple per fact (duplicates within a sentence dropped),
each stamped with the extractor's ``NAME``.
"""

from __future__ import annotations

import hashlib

from ..lexicon.words import first_names, title_at
from ..link.variants import word_skeleton
from ..model import Entity, Extraction, Mention, Triple
from ..text import normalize
from ..vocab import OPEN
from .state import Doc, Ent
from .words import DEMONSTRATIVES

#: The extractor's name and version, written into every triple (kg:extractor): a graph
#: records which extractor stated a fact, so this must change only with the extractor.
NAME = "ud-extractor/1"
#: Classes whose entities are kept even when no fact names them.
STANDALONE = ("Event", "Person", "Organization", "Country", "City", "Region", "Place")
#: A statement's label is its text, cut to this many characters.
LABEL_CHARS = 80
#: Hex digits of an entity's short key (of the SHA-1 of its long key): every entity's IRI
#: is made from it, so a change renames every entity of every graph.
KEY_DIGITS = 10
#: Decimal places a triple's confidence keeps.
CONFIDENCE_DIGITS = 3


def finish(d: Doc) -> Extraction:
    """The entities, mentions and triples of a document."""
    join_surnames(d)
    keys: dict[str, str] = {}
    entities: list[Entity] = []
    used: set[str] = set()
    for f in d.facts:
        used.add(d.find(f.subject))
        used.add(d.find(f.object))
    for m in d.mentions:
        e = d.ent(m.entity)
        # names and events stand on their own; a noun phrase matters only in a fact
        if e.proper or e.cls in STANDALONE:
            used.add(e.key)
    for key in sorted(used):
        e = d.ents[key]
        short = "e" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:KEY_DIGITS]
        keys[key] = short
        entities.append(
            Entity(
                key=short,
                label=label(e),
                cls=e.cls,
                mentions=tuple(e.mentions),
                names=tuple(dict.fromkeys(e.names)),
                value=e.value,
            )
        )
    mentions = tuple(
        Mention(
            m.id,
            m.sentence,
            m.start,
            m.end,
            m.text,
            m.label,
            keys[d.find(m.entity)],
            m.kind,
            m.head,
        )
        for m in d.mentions
        if d.find(m.entity) in keys
    )
    return Extraction(
        analysed=d.analysed,
        mentions=mentions,
        entities=tuple(entities),
        triples=_triples(d, keys),
    )


def join_surnames(d: Doc) -> None:
    """A surname named alone (one word, a person or a thing the analyser could not type)
    joins the one person of the document whose full name ends with it, in any of its
    spellings (:func:`kg.link.variants.word_skeleton`): حفتر written before خليفة حفتر, or
    تيليرسون after ريكس تيلرسون. Two people who share a surname keep it apart, and a
    first name alone (محمد) joins no one."""
    by_surname: dict[str, set[str]] = {}
    for key, e in list(d.ents.items()):
        if d.find(key) == key and e.cls == "Person" and e.proper:
            for n in e.names:
                words = normalize(n).split()
                if len(words) >= 2 and not _titled(n):
                    by_surname.setdefault(word_skeleton(words[-1]), set()).add(key)
    for key, e in list(d.ents.items()):
        if d.find(key) != key or e.cls not in ("Person", "Thing"):
            continue
        names = {normalize(n) for n in e.names if n.strip()}
        if not names or any(" " in n or n in first_names() for n in names):
            continue
        people = {d.find(p) for n in names for p in by_surname.get(word_skeleton(n), ())}
        people.discard(key)
        if len(people) == 1 and (e.proper or not _common_word(e.names)):
            d.merge(people.pop(), key)


def _common_word(names: list[str]) -> bool:
    """Whether a one-word name is a word of the lexicon (الوفد, المدير), not a surname the
    analyser left untyped (حفتر). Read only for a noun phrase that matches a surname."""
    from ..analyse.rules.morph import known_form

    return any(known_form(n) for n in names)


def _triples(d: Doc, keys: dict[str, str]) -> tuple[Triple, ...]:
    """One triple per fact, the first of the same statement in a sentence kept."""
    seen: set[tuple[str, str, str, int]] = set()
    triples: list[Triple] = []
    for f in d.facts:
        s, o = keys[d.find(f.subject)], keys[d.find(f.object)]
        sig = (s, f.relation if f.relation != OPEN else f"{OPEN}:{f.lemma}", o, f.sentence)
        if sig in seen or s == o:
            continue
        seen.add(sig)
        triples.append(
            Triple(
                s,
                f.relation,
                o,
                f.sentence,
                f.start,
                f.end,
                round(f.confidence, CONFIDENCE_DIGITS),
                NAME,
                f.lemma,
                f.modality,
                time=f.time,
            )
        )
    return tuple(triples)


def label(e: Ent) -> str:
    """An entity's label: a statement's text, a person's longest proper name, an event's
    most telling name, else its first name."""
    if e.cls == "Statement":
        text = e.value or (e.names[0] if e.names else "")
        return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 3] + "…"
    names = [n for n in e.names if n.strip()]
    if not names:
        return e.key
    if e.cls == "Person" and e.proper:
        # the longest proper name, not a title
        proper = [n for n in names if not _titled(n)]
        if proper:
            return max(proper, key=lambda n: (len(n.split()), len(n)))
    if e.cls == "Event":
        return _event_label(names)
    return names[0]


def _titled(name: str) -> bool:
    """Whether a name starts with a title (ولي العهد ..., نظيره الإيراني ...), maybe with
    its pronoun or as a dual (نظيريه): a designation, not a proper name.

    >>> _titled("نظيريه الفرنسي جان إيف لودريان"), _titled("جان إيف لودريان")
    (True, False)
    """
    words = name.split()
    if not words or title_at(words, 0) is not None:
        return bool(words)
    first = normalize(words[0])
    for suffix in ("يهما", "يهم", "يه", "هما", "هم", "ها", "ه", "ي"):
        stem = first[: -len(suffix)]
        if first.endswith(suffix) and title_at([stem, *words[1:]], 0):
            return True
        if first.endswith(suffix) and stem.endswith("ت") and title_at([stem, suffix], 0):
            return True  # نظيرته, منافسته: a feminine title before its pronoun
    return False


def _event_label(names: list[str]) -> str:
    """The most telling name of an event: a complete phrase of two to five words that
    ends with a definite word (اجتماع التحالف الدولي), else the longest name.

    >>> _event_label(["الاجتماع", "هذا الاجتماع", "اجتماع التحالف الدولي"])
    'اجتماع التحالف الدولي'
    >>> _event_label(["قمة", "القمة"])
    'القمة'
    """

    def complete(n: str) -> bool:
        words = n.split()
        return (
            2 <= len(words) <= 5
            and normalize(words[-1]).startswith("ال")
            and normalize(words[0]) not in DEMONSTRATIVES
        )

    good = [n for n in names if complete(n)]
    if good:
        return max(good, key=lambda n: (names.count(n), -len(n.split()), n))
    return max(names, key=len)
