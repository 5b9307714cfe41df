"""Helpers shared by the analysers that read other tools' output (``conllu``, ``stanza``):
named-entity tags to ontology classes, BIO/BIOES decoding, and the character spans of
the syntactic words inside a multi-word token (Arabic clitics).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import ENTITY_CLASSES, EntitySpan, Token
from ..text import normalize

#: NER labels of the common tag sets (CoNLL, OntoNotes, AQMAR, WikiNER) -> ontology
#: classes. Labels for values (DATE, MONEY, CARDINAL ...) and catch-alls (MISC) map to
#: nothing: they are not entities the graph names.
NER_CLASSES: dict[str, str] = {
    "PER": "Person",
    "PERSON": "Person",
    "ORG": "Organization",
    "ORGANIZATION": "Organization",
    "ORGANISATION": "Organization",
    "LOC": "Place",
    "LOCATION": "Place",
    "GPE": "Place",
    "FAC": "Place",
    "FACILITY": "Place",
    "NORP": "Group",
    "EVENT": "Event",
}
_CLASS_BY_UPPER = {c.upper(): c for c in ENTITY_CLASSES}
_PLACES = frozenset({"Place", "Country", "City", "Region"})
#: Words at the edge of a tagged span that are not part of the name (بـ in بالعراق, "the").
_EDGE_UPOS = frozenset({"ADP", "CCONJ", "SCONJ", "PART", "PUNCT", "DET", "AUX"})


def ner_class(label: str) -> str | None:
    """The ontology class of an NER label, or None for labels the graph does not name.

    Ontology class names themselves (as ``kg analyse`` writes them) pass through.

    >>> ner_class("PER"), ner_class("gpe"), ner_class("Country"), ner_class("DATE")
    ('Person', 'Place', 'Country', None)
    """
    up = label.strip().upper()
    if up in _CLASS_BY_UPPER:
        return _CLASS_BY_UPPER[up]
    return NER_CLASSES.get(up)


def decode_tags(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Spans ``(first, last, label)`` (0-based, inclusive) from BIO, IOB1 or BIOES tags.

    An ``I-``/``E-`` tag that does not continue a span of its label starts a new one; a
    bare label (``PER``) counts as ``B-PER`` unless it continues the same label.

    >>> decode_tags(["B-PER", "I-PER", "O", "S-LOC", "B-ORG", "E-ORG", "I-ORG"])
    [(0, 1, 'PER'), (3, 3, 'LOC'), (4, 5, 'ORG'), (6, 6, 'ORG')]
    """
    spans: list[tuple[int, int, str]] = []
    cur: tuple[int, str] | None = None

    def close(last: int) -> None:
        nonlocal cur
        if cur is not None:
            spans.append((cur[0], last, cur[1]))
            cur = None

    for i, raw in enumerate(tags):
        tag = raw.strip()
        if tag in ("", "O", "_", "-"):
            close(i - 1)
            continue
        prefix, sep, label = tag.partition("-")
        if not sep or len(prefix) != 1 or prefix.upper() not in "BIESLU":
            prefix, label = ("I" if cur is not None and cur[1] == tag else "B"), tag
        prefix = prefix.upper()
        if prefix in ("B", "S", "U") or cur is None or cur[1] != label:
            close(i - 1)
            cur = (i, label)
        if prefix in ("S", "U", "E", "L"):
            close(i)
    close(len(tags) - 1)
    return spans


def trim(tokens: Sequence[Token], first: int, last: int) -> tuple[int, int] | None:
    """A tagged span (1-based token ids) without function words at its edges
    (بـ of بالعراق, "the" of "the United States"), or None if nothing is left."""
    while first <= last and tokens[first - 1].upos in _EDGE_UPOS:
        first += 1
    while last >= first and tokens[last - 1].upos in _EDGE_UPOS:
        last -= 1
    return (first, last) if first <= last else None


def refine(span: EntitySpan, text: str, lookup: object) -> EntitySpan:
    """Sharpen an NER span with the gazetteer: a GPE that is a known country becomes a
    Country with the entry as its ref. ``lookup(text)`` returns gazetteer entries."""
    entries = [e for e in lookup(text) if _fits(span.label, e.cls)]  # type: ignore[operator]
    if not entries:
        return span
    cls = entries[0].cls if span.label in _PLACES or span.label == "Thing" else span.label
    return EntitySpan(span.first, span.last, cls, span.source, "|".join(e.key for e in entries))


def _fits(ner: str, gaz: str) -> bool:
    if ner == gaz or (ner in _PLACES and gaz in _PLACES):
        return True
    return ner in ("Organization", "Group") and gaz in ("Organization", "Group")


def split_surface(surface: str, start: int, forms: Sequence[str]) -> list[tuple[int, int]]:
    """Character spans of the words of a multi-word token inside its surface form.

    Words are located left to right by their normalised form; where a word is not
    written as such (Arabic ل + الـ written لل), it takes the characters up to the next
    word, and the last word takes the rest. Every word gets at least one character.

    >>> split_surface("وقال", 10, ["و", "قال"])
    [(10, 11), (11, 14)]
    >>> split_surface("للعراق", 0, ["ل", "العراق"])
    [(0, 1), (1, 6)]
    """
    n = len(forms)
    spans: list[tuple[int, int]] = []
    pos = 0
    norm_surface = normalize(surface)
    same_len = len(norm_surface) == len(surface)
    for k, f in enumerate(forms):
        nf = normalize(f)
        hay = norm_surface if same_len else surface
        idx = hay.find(nf if same_len else f, pos)
        if k == n - 1:
            a = pos if idx < 0 else idx
            a = min(a, max(len(surface) - 1, 0))
            spans.append((start + a, start + len(surface)))
            break
        if idx == pos and nf and len(f) <= len(surface) - pos - (n - k - 1):
            width = len(f)
        else:
            width = max(1, min(len(f), len(surface) - pos - (n - k - 1)))
        spans.append((start + pos, start + pos + width))
        pos += width
    return spans
