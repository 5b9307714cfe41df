"""The relation lexicon: predicate words -> core relation ids (``kg/data/relations_*.tsv``)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from importlib.resources import files

from ..text import normalize, strip_diacritics
from ..vocab import CORE_RELATIONS


@dataclass(frozen=True, slots=True)
class Entry:
    lemma: str
    pos: str  # V, N or P
    relation: str
    preps: tuple[str, ...]  # normalised prepositions introducing the object
    objects: frozenset[str]  # expected object classes; empty = any
    gloss: str
    prep_only: bool = False  # only the prepositional object takes the relation
    #: further rows of the same lemma, read when the object is of their classes (تبنى:
    #: adopted a resolution, claimedResponsibility for an attack)
    alternatives: tuple[Entry, ...] = ()

    def for_class(self, cls: str) -> Entry:
        """The row of this lemma for an object of class ``cls``: the first further row
        that names that class, else this one.

        >>> e = load("ar").verb("تبنى")
        >>> e.relation, e.for_class("Event").relation, e.for_class("Thing").relation
        ('adopted', 'claimedResponsibility', 'adopted')
        """
        return next((a for a in self.alternatives if cls in a.objects), self)


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, Entry]
    nouns: dict[str, Entry]
    preps: dict[str, Entry]
    events: dict[str, str]  # event noun lemma -> English type

    def verb(self, lemma: str) -> Entry | None:
        return self.verbs.get(key(lemma))

    def noun(self, lemma: str) -> Entry | None:
        return self.nouns.get(key(lemma))

    def event_type(self, lemma: str) -> str | None:
        return self.events.get(key(lemma))


@lru_cache(maxsize=200_000)
def key(lemma: str) -> str:
    """Lexicon key of a lemma: undiacritised and normalised (استضاف, اجتماع).

    >>> key("اسْتَضَافَ")
    'استضاف'
    """
    return normalize(strip_diacritics(lemma)).replace(" ", "")


def _rows(path: str) -> list[list[str]]:
    text = files("kg").joinpath(path).read_text(encoding="utf-8")
    rows = [
        line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]
    return rows[1:]


@lru_cache(maxsize=4)
def load(lang: str = "ar") -> Lexicon:
    """The relation lexicon of a language (``ar`` or ``en``)."""
    verbs: dict[str, Entry] = {}
    nouns: dict[str, Entry] = {}
    preps: dict[str, Entry] = {}
    for n, row in enumerate(_rows(f"data/relations_{lang}.tsv"), 2):
        lemma, pos, relation, prep, objects, gloss = (row + [""] * 6)[:6]
        if relation not in CORE_RELATIONS:
            raise ValueError(f"kg/data/relations_{lang}.tsv:{n}: unknown relation id {relation!r}")
        entry = Entry(
            lemma=lemma,
            pos=pos,
            relation=relation,
            preps=tuple(normalize(p.lstrip("!")) for p in prep.split("|") if p and p != "-"),
            objects=frozenset(o for o in objects.split("|") if o and o != "*"),
            gloss=gloss,
            prep_only=prep.startswith("!"),
        )
        table = {"V": verbs, "N": nouns, "P": preps}[pos]
        first = table.setdefault(key(lemma), entry)
        if first is not entry:  # a further row of the lemma, chosen by its object's class
            table[key(lemma)] = replace(first, alternatives=(*first.alternatives, entry))
    events: dict[str, str] = {}
    if lang == "ar":
        for row in _rows("data/ar/events.tsv"):
            events[key(row[0])] = row[1]
        for lemma, etype in list(events.items()):
            # the sound feminine plural names events too (وقفة -> وقفات, حملة -> حملات):
            # the analyser may give it a wrong singular (وقفات -> وقف), its form is found
            if lemma.endswith(("ة", "ه")):
                events.setdefault(lemma[:-1] + "ات", etype)
    else:
        for row in _rows(f"data/events_{lang}.tsv"):
            events[key(row[0])] = row[1]
    return Lexicon(verbs, nouns, preps, events)
