"""Named-entity spans over UD tokens, for analysers without a neural NER.

Two sources:

- the gazetteer, matched longest first on the tokens' text after Arabic normalisation
  (a clitic token in front, ب in بالعراق, is not part of the name); names that are also
  common words (الحرة, القاعدة) only in a name context;
- proper-noun runs nothing knows (foreign names), typed by what announces them: a title
  (الوزير ... → Person), a designator (مدينة → City, تنظيم → Organization), or a
  first-name + surname shape (→ Person).

Works on the tokens of any analyser (rules, conllu, stanza without NER).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from .. import gazetteer
from ..model import EntitySpan, Token
from ..text import normalize

_CLITIC_UPOS = {"ADP", "CCONJ", "AUX", "PART", "SCONJ"}
_NAME_UPOS = {"PROPN", "X"}
_OPENERS = {"(", "«", '"', "“", "'", "[", "{"}


@dataclass(frozen=True, slots=True)
class Title:
    form: str
    relation: str
    gender: str


def _rows(name: str) -> list[list[str]]:
    text = files("kg").joinpath(f"data/ar/{name}").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows[1:]  # header


@lru_cache(maxsize=1)
def titles() -> dict[str, Title]:
    """Person titles by normalised form (one or two words), also without the article."""
    table: dict[str, Title] = {}
    for form, relation, gender in _rows("titles.tsv"):
        t = Title(form, relation, gender)
        n = normalize(form)
        table.setdefault(n, t)
        if n.startswith("ال"):
            table.setdefault(n[2:], t)
        else:
            table.setdefault("ال" + n, t)
    return table


@lru_cache(maxsize=1)
def designators() -> dict[str, str]:
    """Designator nouns (مدينة, تنظيم) -> the class of the name that follows."""
    table: dict[str, str] = {}
    for form, cls in _rows("designators.tsv"):
        n = normalize(form)
        table.setdefault(n, cls)
        table.setdefault(n[2:] if n.startswith("ال") else "ال" + n, cls)
    return table


@lru_cache(maxsize=1)
def ambiguous_names() -> frozenset[str]:
    return frozenset(normalize(r[0]) for r in _rows("ambiguous_names.tsv"))


@lru_cache(maxsize=1)
def _ner_index() -> tuple[dict[str, list[gazetteer.Entry]], int]:
    """Gazetteer names for span finding: a person's alias made of a title and another of
    its names (وزير الخارجية الأميركي ريكس تيلرسون) is left out, so that title and name
    stay two mentions linked by apposition."""
    gaz = gazetteer.load()
    index: dict[str, list[gazetteer.Entry]] = {}
    longest = 1
    for e in gaz.entries:
        norms = [normalize(n) for n in e.names]
        for n in norms:
            if not n:
                continue
            if e.cls == "Person" and _title_then_name(n, norms):
                continue
            bucket = index.setdefault(n, [])
            if e not in bucket:
                bucket.append(e)
            longest = max(longest, n.count(" ") + 1)
    return index, longest


def _title_then_name(alias: str, names: list[str]) -> bool:
    """An alias made of a title and another name of the same person."""
    first = alias.split(" ", 1)[0]
    if first not in titles():
        return False
    return any(alias != m and alias.endswith(" " + m) for m in names)


@lru_cache(maxsize=1)
def multiword_name_index() -> tuple[frozenset[str], int]:
    """Normalised gazetteer names of two words or more, and the longest length."""
    index, longest = _ner_index()
    return frozenset(n for n in index if " " in n), longest


def single_word_names() -> set[str]:
    """Normalised gazetteer names of one word (for the tagger's clitic decisions)."""
    index, _ = _ner_index()
    return {n for n in index if " " not in n}


def _span_text(tokens: Sequence[Token], i: int, j: int) -> str:
    parts = []
    for k in range(i, j + 1):
        parts.append(tokens[k].form)
        if k < j and tokens[k].end < tokens[k + 1].start:
            parts.append(" ")
    return "".join(parts)


def _is_clitic(tokens: Sequence[Token], k: int) -> bool:
    t = tokens[k]
    return (
        t.upos in _CLITIC_UPOS
        and len(t.form) <= 2
        and k + 1 < len(tokens)
        and t.end == tokens[k + 1].start
    )


def _strip_proclitics(text: str) -> list[str]:
    """Candidate forms of a name written with proclitics: وبالعراق -> بالعراق, العراق."""
    out = []
    for pre in ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل"):
        if text.startswith(pre) and len(text) - len(pre) >= 2:
            rest = text[len(pre) :]
            out.append(rest)
            if pre.endswith("ل") and rest.startswith("ل"):  # لل = ل + ال
                out.append("ا" + rest)
    return out


def _name_context(tokens: Sequence[Token], i: int, j: int, spans: list[EntitySpan]) -> bool:
    """Whether an ambiguous common-word name at tokens[i..j] is used as a name."""
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    if prev is not None and (prev.form in _OPENERS or normalize(prev.form) in designators()):
        return True
    if prev is not None and prev.upos == "CCONJ" and any(s.last in (i - 1, i - 2) for s in spans):
        return True
    if nxt is not None and nxt.upos == "ADJ":
        return False
    if prev is not None and prev.upos in ("NOUN", "ADJ") and normalize(prev.form).startswith("ال"):
        return False
    return prev is None or prev.upos in ("ADP", "VERB", "PUNCT", "CCONJ")


def find_entities(tokens: Sequence[Token]) -> list[EntitySpan]:
    """Entity spans (1-based token ids, inclusive) in one sentence.

    >>> from kg.model import Token
    >>> ws = ["ب", "العراق", "و", "ريكس", "تيلرسون"]
    >>> toks, pos = [], 0
    >>> for k, (w, up) in enumerate(zip(ws, ["ADP", "PROPN", "CCONJ", "PROPN", "PROPN"]), 1):
    ...     toks.append(Token(k, w, w, up, 0, "dep", pos, pos + len(w)))
    ...     pos += len(w) + (0 if w in ("ب", "و") else 1)
    >>> [(s.first, s.last, s.label) for s in find_entities(toks)]
    [(2, 2, 'Country'), (4, 5, 'Person')]
    """
    index, longest = _ner_index()
    spans: list[EntitySpan] = []
    n = len(tokens)
    i = 0
    while i < n:
        if _is_clitic(tokens, i) or tokens[i].upos == "PUNCT":
            i += 1
            continue
        found = None
        for j in range(min(n - 1, i + longest + 1), i - 1, -1):
            if any(tokens[k].upos == "PUNCT" and tokens[k].form not in ("-",) for k in range(i, j + 1)):
                continue
            text = normalize(_span_text(tokens, i, j))
            candidates = [text, *(_strip_proclitics(text) if j >= i else [])]
            for c in candidates:
                entries = index.get(c)
                if entries:
                    found = (j, entries, c)
                    break
            if found:
                break
        if found:
            j, entries, text = found
            if text in ambiguous_names() and not _name_context(tokens, i, j, spans):
                i += 1
                continue
            ref = "|".join(e.key for e in entries)
            spans.append(EntitySpan(i + 1, j + 1, entries[0].cls, "gazetteer", ref))
            i = j + 1
            continue
        i += 1
    spans.extend(_unknown_names(tokens, spans))
    spans.sort(key=lambda s: s.first)
    return spans


def _unknown_names(tokens: Sequence[Token], known: list[EntitySpan]) -> list[EntitySpan]:
    covered = {k for s in known for k in range(s.first - 1, s.last)}
    out: list[EntitySpan] = []
    n = len(tokens)
    i = 0
    while i < n:
        if i in covered or tokens[i].upos not in _NAME_UPOS or not _is_unknown(tokens[i]):
            i += 1
            continue
        j = i
        while j + 1 < n and j + 1 not in covered and tokens[j + 1].upos in _NAME_UPOS and tokens[j].end < tokens[j + 1].start:
            j += 1
        cls = _class_from_context(tokens, i, j)
        if cls:
            out.append(EntitySpan(i + 1, j + 1, cls, "name-heuristic"))
        i = j + 1
    return out


def _is_unknown(t: Token) -> bool:
    return "Foreign=Yes" in t.feats or t.misc == "_" or "Unknown=Yes" in t.misc or t.upos == "PROPN"


def _class_from_context(tokens: Sequence[Token], i: int, j: int) -> str:
    k = i - 1
    while k >= 0 and tokens[k].upos in ("ADJ",):  # وزير الخارجية الأميركي ريكس
        k -= 1
    prev = tokens[k] if k >= 0 else None
    if prev is not None:
        pn = normalize(prev.form)
        if pn in designators():
            return designators()[pn]
        if pn in titles() or _title_phrase_before(tokens, i):
            return "Person"
    if j > i:
        return "Person"  # two or more unknown name words: first name and surname
    return ""


def _title_phrase_before(tokens: Sequence[Token], i: int) -> bool:
    """A title a few words back whose phrase runs up to the name (وزير الخارجية الأميركي X)."""
    for k in range(i - 1, max(-1, i - 6), -1):
        t = tokens[k]
        if t.upos in ("PUNCT", "VERB", "ADP", "SCONJ", "CCONJ"):
            return False
        if normalize(t.form) in titles():
            return True
    return False
