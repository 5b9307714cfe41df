"""Names the gazetteer knows, names in quotes, and named facilities.

>>> from kg.analyse.rules import RulesAnalyser
>>> from kg.model import Document
>>> def tokens(text):
...     return RulesAnalyser().analyse(Document("d", text, lang="ar")).sentences[0].tokens
>>> toks = tokens("وصل الوزير إلى بغداد قادما من القاهرة.")
>>> [(s.first, s.last, s.label) for s in _gazetteer_names(toks)]
[(4, 4, 'City'), (7, 7, 'City')]
>>> toks = tokens("وصل الحسين بن عبدالله الثاني إلى القاهرة، واستقبله عبدالله الثاني.")
>>> [(s.first, s.last, s.label) for s in _gazetteer_names(toks)]  # the son's name is no mention of the king
[(7, 7, 'City'), (12, 13, 'Person')]
>>> toks = tokens('قالت قناة "الميادين" إن الهجوم فشل.')
>>> [(s.first, s.last, s.label) for s in _quoted_names(toks, [])]
[(4, 4, 'Organization')]
>>> [s.label for s in _gazetteer_names(tokens("جرت الانتخابات في مايو."))]  # the month
[]
>>> [s.label for s in _gazetteer_names(tokens("زار الوزير بلدية مايو."))]  # the town Maio
['Region']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ...lexicon import gazetteer
from ...lexicon.names import (
    arabic_index,
    first_words,
)
from ...lexicon.words import (
    ambiguous_names,
    designators,
    designators_in_name,
    first_names,
)
from ...model import (
    EntitySpan,
    Token,
)
from ...text import normalize
from .common import MONTHS, _nisba

_CLITIC_UPOS = {"ADP", "CCONJ", "AUX", "PART", "SCONJ"}


_OPENERS = {"(", "«", '"', "“", "'", "[", "{"}


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


#: Proclitics a name may be written with (وبالعراق), the longer after the shorter.
_PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل")


@lru_cache(maxsize=100_000)
def _strip_proclitics(text: str) -> tuple[str, ...]:
    """Candidate forms of a name written with proclitics: وبالعراق -> بالعراق, العراق."""
    out: list[str] = []
    for pre in _PROCLITICS:
        if text.startswith(pre) and len(text) - len(pre) >= 2:
            rest = text[len(pre) :]
            out.append(rest)
            if pre.endswith("ل") and rest.startswith("ل"):  # لل = ل + ال
                out.append("ا" + rest)
    return tuple(out)


def _agreeing_adjective(tokens: Sequence[Token], i: int, text: str) -> bool:
    """A country name shaped like a feminine relative adjective (السعودية) right after a
    definite feminine noun it agrees with is that adjective."""
    if not (text.startswith("ال") and text.endswith("يه")) or i == 0:
        return False
    prev = tokens[i - 1]
    return (
        prev.upos in ("NOUN", "ADJ")
        and normalize(prev.form).startswith("ال")
        and prev.end < tokens[i].start
        and (prev.feat("Gender") == "Fem" or prev.feat("Number") == "Plur")
    )


def _adjective_round_a_name(tok: Token, text: str) -> bool:
    """Whether a name was found inside one word only by stripping what looked like a
    proclitic, in a word the tagger read as an adjective (وزاريا: not و + زاريا; but
    للحوثيين, ل + الحوثيين with the article's alif dropped, is the name).

    >>> from kg.model import Token
    >>> _adjective_round_a_name(Token(1, "وزاريا", "وزاري", "ADJ", 0, "amod", 0, 6), "زاريا")
    True
    """
    form = normalize(tok.form)
    return tok.upos == "ADJ" and form != text and form.endswith(text)


#: Designators whose genitive names a domain, not a body or a place (وزارة الشباب).
_DOMAIN_DESIGNATORS = {normalize(w) for w in "وزارة مديرية إدارة".split()}


def _name_context(tokens: Sequence[Token], i: int, j: int, spans: list[EntitySpan]) -> bool:
    """Whether an ambiguous common-word name at tokens[i..j] is used as a name."""
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    if prev is not None and normalize(prev.form) in _DOMAIN_DESIGNATORS:
        return False  # وزارة الشباب: a ministry's genitive is its domain, not a name
    if prev is not None and (prev.form in _OPENERS or normalize(prev.form) in designators()):
        return True
    if prev is not None and prev.upos == "CCONJ" and any(s.last in (i - 1, i - 2) for s in spans):
        return True
    if nxt is not None and nxt.upos == "ADJ":
        return False
    if _verbal_noun_with_object(tokens, i, j):
        return False
    if prev is not None and prev.upos in ("NOUN", "ADJ") and normalize(prev.form).startswith("ال"):
        return False
    return prev is None or prev.upos in ("ADP", "VERB", "PUNCT", "CCONJ")


def _verbal_noun_with_object(tokens: Sequence[Token], i: int, j: int) -> bool:
    """A one-word name glued to a preposition (بفتح) that the tagger read as a common noun
    and that a common noun follows (بفتح تحقيق, بفتح المعابر): the verbal noun with its
    object (opening an inquiry), not the body named so.

    >>> from kg.model import Token
    >>> toks = [Token(1, "ب", "ب", "ADP", 2, "case", 0, 1), Token(2, "فتح", "فتح", "NOUN", 0,
    ...         "obl", 1, 4), Token(3, "تحقيق", "تحقيق", "NOUN", 2, "nmod", 5, 10)]
    >>> _verbal_noun_with_object(toks, 1, 1)
    True
    >>> _verbal_noun_with_object(toks[:2], 1, 1)
    False
    """
    if i != j or i == 0 or j + 1 >= len(tokens):
        return False
    prev, tok, nxt = tokens[i - 1], tokens[i], tokens[j + 1]
    return (
        prev.upos == "ADP" and prev.end == tok.start and tok.upos == "NOUN" and nxt.upos == "NOUN"
    )


#: Gazetteer classes a month's name can also be (Maio, a Cape Verde town, is مايو).
_PLACE_CLASSES = frozenset({"City", "Region", "Country", "Place"})


def _month_not_place(tokens: Sequence[Token], i: int, entries: list[gazetteer.Entry]) -> bool:
    """A month's name (مايو) that the gazetteer also lists as a place is the month, unless
    a designator names it a place (بلدية مايو)."""
    if not all(e.cls in _PLACE_CLASSES for e in entries):
        return False
    return i == 0 or normalize(tokens[i - 1].form) not in designators()


def _gazetteer_names(tokens: Sequence[Token]) -> list[EntitySpan]:
    """The gazetteer's names, left to right, longest first at each word; a name that is also
    a common word only in a name context, a country shaped like an adjective not where it
    agrees with the noun before it."""
    firsts = first_words()
    spans: list[EntitySpan] = []
    n = len(tokens)
    i = 0
    while i < n:
        head = normalize(tokens[i].form)
        elided = head.startswith("ل") and _after_article_elided(tokens, i)
        if elided:
            head_al = "ا" + head
            if head_al in firsts:
                head = head_al
        if not _may_start_name(head):
            i += 1  # no name starts with this word (the cheaper test, asked first)
            continue
        if _is_clitic(tokens, i) or tokens[i].upos == "PUNCT":
            i += 1
            continue
        found = _longest_gazetteer_match(tokens, i, elided)
        if found:
            j, entries, text = found
            if text in ambiguous_names() and not _name_context(tokens, i, j, spans):
                i += 1
                continue
            if i == j and text in MONTHS and _month_not_place(tokens, i, entries):
                i += 1  # في مايو: the month May, not the Cape Verde town Maio
                continue
            if i == j and _agreeing_adjective(tokens, i, text):
                i += 1  # العاصمة السعودية: "Saudi", not Saudi Arabia
                continue
            if i == j and _adjective_round_a_name(tokens[i], text):
                i += 1  # اجتماعا وزاريا: the adjective, not و + the town زاريا
                continue
            if entries[0].cls == "Person" and _after_nasab_particle(tokens, i):
                i = j + 1  # الحسين بن عبدالله الثاني: the father's name inside the son's
                continue
            if entries[0].cls != "Person" and (
                _after_hyphenated_first_name(tokens, i) or _family_name_of_known(tokens, i, j)
            ):
                i = j + 1  # جان-نويل بارو: a family name, not the place named so
                continue
            if entries[0].cls != "Person" and _surname_not_split(tokens, i, j, text):
                i = j + 1  # ناليدي باندور: a family name, not ب + إندور
                continue
            if entries[0].cls == "Organization" and _continues_a_body_name(tokens, j):
                i = j + 1  # حزب … للتنمية: the beginning of a longer body's name
                continue
            ref = "|".join(e.key for e in entries)
            spans.append(EntitySpan(i + 1, j + 1, entries[0].cls, "gazetteer", ref))
            i = j + 1
            continue
        i += 1
    return spans


@lru_cache(maxsize=100_000)
def _may_start_name(word: str) -> bool:
    """Whether a normalised word, or the word less a proclitic, begins a name the
    recognition index holds."""
    firsts = first_words()
    return word in firsts or any(h in firsts for h in _strip_proclitics(word))


#: Words after which a person's name is his father's, inside a longer name.
_NASAB_PARTICLES = {normalize(w) for w in "بن ابن بنت".split()}


def _after_nasab_particle(tokens: Sequence[Token], i: int) -> bool:
    """Whether tokens[i] follows «بن» (or ابن, بنت): a known person's name there is the
    father's in a longer name, not a mention of the father (see the module's examples)."""
    return i > 0 and normalize(tokens[i - 1].form) in _NASAB_PARTICLES


def _after_hyphenated_first_name(tokens: Sequence[Token], i: int) -> bool:
    """Whether tokens[i] follows a hyphenated first name (جان-نويل, جان-إيف): the word
    there is the family name, whatever place shares it."""
    return (
        i > 2
        and tokens[i - 2].form in ("-", "‐")
        and tokens[i - 3].end == tokens[i - 2].start
        and tokens[i - 2].end == tokens[i - 1].start
        and normalize(tokens[i - 3].form) in first_names()
    )


def _family_name_of_known(tokens: Sequence[Token], i: int, j: int) -> bool:
    """Whether a one-word place after a first name and another word ends a person the
    linker knows by its spelling (:func:`kg.link.as_written.names_a_person`: جان نويل
    بارو is Jean-Noël Barrot, not the Bhutanese district of Paro)."""
    if i != j or i < 2 or any(_is_clitic(tokens, k) for k in (i - 2, i - 1)):
        return False
    before = [normalize(tokens[k].form) for k in (i - 2, i - 1)]
    if before[0] not in first_names():
        return False
    from ...link.as_written import names_a_person  # the people's tables, only for such a name

    return names_a_person(" ".join([*before, normalize(tokens[i].form)]))


def _surname_not_split(tokens: Sequence[Token], i: int, j: int, text: str) -> bool:
    """Whether a one-word name found only without a proclitic the analyser left on the
    word is a name as written (:func:`kg.link.as_written.name_as_written`): a first name, or
    with the word before it a person the linker knows."""
    if i != j or i == 0 or _is_clitic(tokens, i - 1):
        return False  # a proclitic split off by the analyser is its own reading
    word = normalize(tokens[i].form)
    if word == text:
        return False
    from ...link.as_written import name_as_written  # the people's tables, only for such a word

    return name_as_written(word, tokens[i - 1].form)


def _continues_a_body_name(tokens: Sequence[Token], j: int) -> bool:
    """Whether the word after tokens[j] continues a company's or body's name (the cue
    table's "company" words on the right: للتنمية, للاستثمار, القابضة …), so a known
    organisation's name ending at j is only the beginning of a longer one."""
    from ...link.cues import table  # the linker reads the same words for the same purpose

    if j + 1 >= len(tokens):
        return False
    right = {w for c in table().by_class.get("company", ()) for w in c.right}
    k, word = j + 1, tokens[j + 1].form  # the whole written word: ل + التنمية is للتنمية
    while k + 1 < len(tokens) and tokens[k].end == tokens[k + 1].start:
        k += 1
        word += tokens[k].form
    return normalize(word) in right or normalize(tokens[j + 1].form) in right


def _after_article_elided(tokens: Sequence[Token], i: int) -> bool:
    """A word in ل right after the preposition ل, the article's alif dropped (للأمم: ل +
    الأمم)."""
    head = normalize(tokens[i].form)
    return (
        head.startswith("ل")
        and i > 0
        and normalize(tokens[i - 1].form) == "ل"
        and tokens[i - 1].end == tokens[i].start
        and not head.startswith("ال")
    )


def _longest_gazetteer_match(
    tokens: Sequence[Token], i: int, elided: bool
) -> tuple[int, list[gazetteer.Entry], str] | None:
    """The longest gazetteer name starting at token i (without its proclitics, with the
    article an elided alif dropped): its last token, entries and normalised text."""
    index, longest = arabic_index()
    n = len(tokens)
    last = _last_possible_end(tokens, i, min(n - 1, i + longest + 1))
    stop = next(
        (k for k in range(i, last + 1) if tokens[k].upos == "PUNCT" and tokens[k].form != "-"),
        n,
    )  # a name stops at punctuation
    for j in range(min(last, stop - 1), i - 1, -1):
        text = normalize(_span_text(tokens, i, j))
        candidates = [text, *(_strip_proclitics(text) if j >= i else [])]
        if elided:
            candidates.append("ا" + text)  # للأمم المتحدة: ل + الأمم المتحدة, the alif dropped
        for c in candidates:
            entries = index.get(c)
            if entries:
                return j, entries, c
    return None


@lru_cache(maxsize=1)
def _words_after_first() -> dict[str, int]:
    """For each first word of a name the recognition index holds, the most words a name
    beginning with it has (most have one: trying spans of up to the longest name's length
    after each of them would be wasted)."""
    most: dict[str, int] = {}
    for name in arabic_index()[0]:
        first = name.split(" ", 1)[0]
        words = name.count(" ") + 1
        if words > most.get(first, 0):
            most[first] = words
    return most


#: A character that normalisation never removes: a span's space-separated part holding
#: one is at least one word of its normalised text.
_KEPT = re.compile("[\u0621-\u063f\u0641-\u064aA-Za-z0-9]")


def _last_possible_end(tokens: Sequence[Token], i: int, last: int) -> int:
    """The last token a gazetteer name starting at token i can end at, at most ``last``.

    The name's words after the written word at i (its first word, proclitics and all)
    are the span's later space-separated parts, each one word at least once normalised
    (normalisation acts on the two sides of a space apart); a name has no more words than
    the longest name that starts with that first word, or with it less a proclitic, or
    with the article's alif restored. Spans past that bound cannot match and are not
    tried (an exact bound: what ``_longest_gazetteer_match`` finds is unchanged).

    >>> from kg.model import Token
    >>> ws = ["زار", "الوزير", "القاهرة", "أمس"]
    >>> toks = [Token(k, w, w, "NOUN", 0, "dep", 8 * k, 8 * k + len(w)) for k, w in enumerate(ws, 1)]
    >>> _last_possible_end(toks, 2, 3)  # one-word names only start with القاهرة
    2
    >>> _last_possible_end(toks, 0, 3)  # no name starts with زار: nothing to try past it
    0
    """
    g = i + 1  # the first token of the span's second space-separated part
    while g <= last and not tokens[g - 1].end < tokens[g].start:
        g += 1
    if g > last:
        return last
    head = normalize(_span_text(tokens, i, g - 1))
    if not head:
        return last
    first = head.split(" ", 1)[0]
    most = _words_after_first()
    firsts = [first, "ا" + first]
    for pre in _PROCLITICS:
        if first.startswith(pre):
            firsts += [first[len(pre) :], "ا" + first[len(pre) :]]
    bound = max(most.get(f, 0) for f in firsts)
    words = head.count(" ") + 1  # the words of the span up to token g - 1
    if words > bound:
        return g - 1
    counted = False  # whether the current part has been counted as a word
    for k in range(g, last + 1):
        if tokens[k - 1].end < tokens[k].start:
            counted = False  # token k begins a part
        if not counted and _KEPT.search(tokens[k].form):
            counted = True
            words += 1
            if words > bound:
                return k - 1  # spans ending at k or after it have too many words
    return last


_QUOTES = {'"': '"', "«": "»", "“": "”", "”": "”", "'": "'"}


def _quoted_names(tokens: Sequence[Token], spans: list[EntitySpan]) -> list[EntitySpan]:
    """A name in quotes right after its designator is a name of that class, whatever its
    words look like (وكالة "سانا", حزب "العدالة والتنمية", قناة "سكاي نيوز عربية"): the
    quotes mark where it starts and ends."""
    n = len(tokens)
    out = list(spans)
    for i in range(n - 2):
        close = _QUOTES.get(tokens[i + 1].form)
        if close is None:
            continue
        # the designator, or the designator and its definite adjectives (المجموعة النفطية
        # الصينية "سينوبك"); the name comes right after them
        cls = None
        for d in range(i, max(-1, i - 4), -1):
            t = tokens[d]
            if t.upos not in ("NOUN", "ADJ", "PROPN") or (d < i and t.end == tokens[d + 1].start):
                break
            cls = designators().get(normalize(t.form))
            if cls is not None or not normalize(t.form).startswith("ال"):
                break
        if cls is None:
            continue
        end = next((m for m in range(i + 2, min(n, i + 7)) if tokens[m].form == close), -1)
        if end < 0 or end == i + 2:
            continue
        inside = tokens[i + 2 : end]
        if any(
            x.upos in ("SCONJ", "AUX", "PART", "PRON", "PUNCT") and x.form != "-" for x in inside
        ):
            continue
        if len(inside) > 1 and any(x.upos == "VERB" for x in inside):
            continue
        first, last = i + 3, end
        if any(s.first == first and s.last == last for s in out):
            continue
        out = [s for s in out if s.last < first or s.first > last]
        out.append(EntitySpan(first, last, cls, "designator"))
    return sorted(out, key=lambda s: s.first)


def _named_facilities(tokens: Sequence[Token], spans: list[EntitySpan]) -> list[EntitySpan]:
    """A definite facility and a country's relative adjective (المستشفى السعودي, السجن
    الأمريكي): a place named by the country it belongs to (not a field hospital: الميداني)."""
    from ...lexicon.gazetteer import country_of_nisba

    covered = {k for s in spans for k in range(s.first - 1, s.last)}
    out = list(spans)
    for i, t in enumerate(tokens[:-1]):
        f = normalize(t.form)
        if (
            i in covered
            or i + 1 in covered
            or t.upos != "NOUN"
            or not f.startswith("ال")
            or designators_in_name().get(f[2:]) != "yes"
            or designators().get(f[2:]) != "Place"
        ):
            continue
        adj = tokens[i + 1]
        g = normalize(adj.form)
        if t.end < adj.start and _nisba(g) and country_of_nisba(g) is not None:
            out.append(EntitySpan(i + 1, i + 2, "Place", "designator"))
            covered.update((i, i + 1))
    return sorted(out, key=lambda s: s.first)
