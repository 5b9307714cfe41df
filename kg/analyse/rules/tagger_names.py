"""Readings of names in context: first names, foreign words, multiword and quoted names.

>>> sorted(_quoted_names(['قالت', 'قناة', '"', 'الميادين', '"']))
[3]
"""

from __future__ import annotations

from collections.abc import Sequence, Set as AbstractSet
from functools import lru_cache

from ...lexicon.names import multiword_name_index
from ...lexicon.words import ambiguous_names, designators, first_names
from ...text import normalize, strip_diacritics
from .morph import (
    Reading,
    analyse_word,
    common_shape,
    known_form,
    proper_noun_reading,
)

_TANWEEN = set("\u064b\u064c\u064d")


def has_tanween(surface: str) -> bool:
    """Whether a written word carries a tanween (an indefinite case ending).

    >>> has_tanween("صاروخًا"), has_tanween("صاروخا")
    (True, False)
    """
    return not _TANWEEN.isdisjoint(surface)


_DEFINITE_DIRECTIONS = {normalize(w) for w in "الجنوب الشمال الشرق الغرب".split()}


@lru_cache(maxsize=100_000)
def _is_first_name(surface: str) -> bool:
    return bool(surface) and normalize(surface) in first_names()


def _foreign_reading(
    surface: str,
    attested: bool,
    prev: Reading | None,
    prev_surface: str,
    next_unknown: bool,
    next_name: bool = False,
) -> tuple[Reading, ...]:
    """A proper-noun reading for first names and for words the lexicon has never seen
    (foreign names: سيرغي is not س + يرغي, بلينكن is not ب + لين + كن)."""
    n = normalize(surface)
    if n in first_names():
        return (
            _first_name_reading(surface, attested, prev, prev_surface, next_unknown, next_name),
        )
    before = normalize(prev_surface)
    if (before in _DEFINITE_DIRECTIONS or before[1:] in _DEFINITE_DIRECTIONS) and n.endswith("ي"):
        return ()  # الجنوب إفريقي: a compound relative adjective, not a name
    if attested:
        if (
            next_unknown
            and prev is not None
            and prev.pos == "A"
            and prev.ntype == "nisba"
            and prev.definite
            and n[:1] not in ("و", "ف")  # (المصري والعاهل: و + a noun, coordinated)
            and len(n) > 1  # (بـ, لـ: a preposition written apart with its tatweel)
        ):
            # وزير الدفاع التركي يشار غولر: after a nationality, a known word before an
            # unknown one is a foreign first name, not a verb
            return (proper_noun_reading(surface, score=1.0, source="unknown"),)
        return ()
    if (n.startswith("ال") and n.endswith(("ي", "يه"))) or n.endswith(("يون", "يين", "يه", "يات")):
        return ()  # الكيني, أميركيون: relative adjectives the lexicon lacks, not names
    if _common_here(surface, prev, prev_surface):
        return ()  # صادمة, تحايلًا: a feminine ending or a tanween: no foreign name
    if (
        n.endswith("يا")
        and prev is not None
        and prev.pos in ("N", "A")
        and not prev.definite
        and normalize(prev_surface).endswith("ا")
        and not normalize(prev_surface).endswith("اء")
    ):
        return ()  # صاروخا باليستيا: an accusative adjective agreeing with the noun before it
    score = -0.6
    clitic = n[:1] in ("ب", "ل", "ك") and len(n) > 3 and known_form(n[1:])
    # (على, the preposition, is spelt as the first name علي is: no name before a word)
    first = normalize(prev_surface) in first_names() and prev is not None and prev.pos != "F"
    if prev is not None and (prev.pos == "PN" or first) and not clitic:
        # (غوتيريش بجهود: ب + a known noun ends the name rather than continuing it)
        score += 1.8
        if first:
            score += 0.6  # هاكان فيدان: after a first name, not ف + a verb
    if next_unknown:
        score += 1.0
    return (proper_noun_reading(surface, score=score, source="unknown"),)


def _first_name_reading(
    surface: str,
    attested: bool,
    prev: Reading | None,
    prev_surface: str,
    next_unknown: bool,
    next_name: bool,
) -> Reading:
    """A first name's proper-noun reading, stronger before another name or a word nothing
    knows and after another first name."""
    score = 0.3 if attested else 1.4
    if next_name:
        score += 2.0  # قيس سعيد: two first names in a row are a name
    elif next_unknown:
        score += 1.0  # هاكان فيدان: a first name before a word nothing knows
    if (
        normalize(prev_surface) in first_names()
        and prev is not None
        and prev.pos != "F"
        and not strip_diacritics(surface).endswith("ى")  # على is never the name علي
    ):
        score += 6.0  # محمد علي: a first name after a first name is a name, not على
    return proper_noun_reading(surface, score=score, source="name" if attested else "unknown")


#: The score of a proclitic and a name (بإندور, لبغداد) when the word is a name as
#: written: below the first-name and foreign-name readings, so those win.
_SPLIT_OF_A_NAME = 0.2


def _name_as_written(n: str, prev_surface: str) -> bool:
    """:func:`kg.link.as_written.name_as_written` (the people's tables load only when a
    word splits into a proclitic and a name).

    >>> _name_as_written("باندور", "ناليدي"), _name_as_written("بعمان", "عبدالله")
    (True, False)
    """
    from ...link.as_written import name_as_written

    return name_as_written(n, prev_surface)


def _name_readings(
    surface: str, names: AbstractSet[str], prev: Reading | None = None, prev_surface: str = ""
) -> tuple[Reading, ...]:
    """Proper-noun readings for a word that is a gazetteer name (after a proclitic)."""
    n = normalize(surface)
    splits = _proclitic_splits(n)
    if n not in names and not any(rest in names for _, rest in splits):
        return ()  # (most words: no name, with or without a proclitic)
    out = []
    weak = ambiguous_names()  # الحرة, القاعدة: common words first
    weak_n = n in weak
    if (
        not weak_n
        and n.startswith("ال")
        and n.endswith("يه")
        and prev is not None
        and prev.pos == "N"
        and prev.definite
        and prev.gender == "f"
    ):
        weak_n = True  # العاصمة السعودية: an adjective agreeing with the noun, not the country
    if n in names:
        out.append(proper_noun_reading(surface, score=0.2 if weak_n else 1.6, source="name"))
    written: bool | None = None  # asked once, only for a word that splits into a name
    for pro, rest in splits:
        if rest in names:
            if written is None:
                written = n not in names and _name_as_written(n, prev_surface)
            weak_split = rest in weak or written or listed_adjective(surface)
            out.append(
                proper_noun_reading(
                    surface, pro=pro, score=_SPLIT_OF_A_NAME if weak_split else 1.5, source="name"
                )
            )
    return tuple(out)


#: The proclitics :func:`_name_readings` splits off a word, in the order it tries them.
_NAME_READING_PROCLITICS = ("و", "ب", "ل", "ك", "ف", "وب", "ول", "وك")


@lru_cache(maxsize=100_000)
def _proclitic_splits(n: str) -> tuple[tuple[str, str], ...]:
    """A normalised word's splits into one of those proclitics and the rest, worked out
    once per word.

    >>> _proclitic_splits("وبغداد"), _proclitic_splits("سوريا")
    ((('و', 'بغداد'), ('وب', 'غداد')), ())
    """
    return tuple((pro, n[len(pro) :]) for pro in _NAME_READING_PROCLITICS if n.startswith(pro))


def listed_adjective(surface: str) -> bool:
    """Whether the lexicon lists the whole word as an adjective: then a proclitic and a
    name in it is the weaker reading (اجتماعا وزاريا: the ministerial, not و + the town
    زاريا; كبيران, فاسيان).

    >>> listed_adjective("وزاريا"), listed_adjective("وعمان")
    (True, False)
    """
    return any(
        r.pos == "A" and r.source == "lex" and len(r.parts) == 1 for r in analyse_word(surface)
    )


@lru_cache(maxsize=1)
def _multiword_lengths() -> dict[str, frozenset[int]]:
    """For each first word of a multi-word name the index holds, how many words the names
    beginning with it have (most have two: trying every span up to the longest name's
    length after each of them would be wasted)."""
    index, _ = multiword_name_index()
    lengths: dict[str, set[int]] = {}
    for name in index:
        lengths.setdefault(name.split(" ", 1)[0], set()).add(name.count(" ") + 1)
    return {first: frozenset(ns) for first, ns in lengths.items()}


@lru_cache(maxsize=100_000)
def _name_starts(n: str) -> tuple[tuple[tuple[str, str], ...], tuple[int, ...]]:
    """The first words of multi-word names a normalised word is, as it is or after a
    proclitic (والأمم: الامم), each with that proclitic ("" for none); and the numbers of
    words of the names they begin, most first.

    >>> _name_starts("والامم"), _name_starts("قال")
    (((('و', 'الامم'),), (2,)), ((), ()))
    """
    lengths = _multiword_lengths()
    firsts = [("", n)] + [(p, n[len(p) :]) for p in _NAME_PROCLITICS if n.startswith(p)]
    found = tuple((p, f) for p, f in firsts if f in lengths)
    sizes = {k for _, f in found for k in lengths[f]}
    return found, tuple(sorted(sizes, reverse=True))


#: Proclitics a multi-word name's first word may carry (و, ب, ل, ك, ف and pairs).
_NAME_PROCLITICS = ("و", "ب", "ل", "ك", "ف", "وب", "ول")


def _multiword_spans(surfaces: list[str]) -> dict[int, str]:
    """Positions of words inside multi-word gazetteer names, each with the proclitic its
    first word carries before the name ("" for the other words and for a bare one).

    At each word the longest name wins; only the lengths of the names its first word
    begins are tried (a span of another length cannot be one of them: a normalised word
    holds no space).

    >>> _multiword_spans(["زار", "وزير", "الخارجية", "ببيونغ", "يانغ", "امس"])
    {3: 'ب', 4: ''}
    """
    index, _ = multiword_name_index()
    norm = [normalize(w) for w in surfaces]
    if any(" " in w for w in norm):  # (never, as words are split: then lengths would lie)
        return _multiword_spans_slow(norm)
    out: dict[int, str] = {}
    n = len(norm)
    for i in range(n):
        firsts, sizes = _name_starts(norm[i])
        for size in sizes:
            j = i + size
            if j > n:
                continue
            tail = " ".join(norm[i + 1 : j])
            found = [p for p, f in firsts if f + " " + tail in index]
            if found:
                out.update({k: "" for k in range(i, j) if k not in out})
                out[i] = out.get(i) or found[0]
                break
    return out


def _multiword_spans_slow(norm: list[str]) -> dict[int, str]:
    """:func:`_multiword_spans` over normalised words that may hold spaces: every span up
    to the longest name's length is tried."""
    index, longest = multiword_name_index()
    out: dict[int, str] = {}
    for i in range(len(norm)):
        firsts, _ = _name_starts(norm[i])
        if not firsts:
            continue
        for j in range(min(len(norm), i + longest), i + 1, -1):
            tail = " ".join(norm[i + 1 : j])
            found = [p for p, f in firsts if f + " " + tail in index]
            if found:
                out.update({k: "" for k in range(i, j) if k not in out})
                out[i] = out.get(i) or found[0]
                break
    return out


_QUOTES = {'"': '"', "«": "»", "“": "”", "”": "”"}


def _quoted_names(surfaces: list[str]) -> set[int]:
    """Positions of the words of a short quoted name right after its designator (وكالة
    "سانا", حزب "العدالة والتنمية"): names, not verbs."""
    out: set[int] = set()
    for q, w in enumerate(surfaces[:-1]):
        close = _QUOTES.get(w)
        if close is None or q == 0:
            continue
        # the designator right before the quote, or before its adjectives (المجموعة النفطية
        # الصينية "سينوبك")
        back = range(q - 1, max(-1, q - 5), -1)
        found = False
        for i in back:
            if normalize(surfaces[i]) in designators():
                found = True
                break
            if not normalize(surfaces[i]).startswith("ال"):
                break
        if not found:
            continue
        end = next((m for m in range(q + 1, min(len(surfaces), q + 5)) if surfaces[m] == close), -1)
        if end > q + 1:
            out.update(range(q + 1, end))
    return out


def _quoted_after_verb(words: Sequence[tuple[str, str]], pos: int, out: list[Reading]) -> bool:
    """A single quoted word right after a verb (ونقلت "سانا" عن مصدر): the verb's subject
    or object, a name, not a second verb."""
    if pos < 2 or pos + 1 >= len(words):
        return False
    close = _QUOTES.get(words[pos - 1][0])
    return (
        close is not None
        and words[pos + 1][0] == close
        and out[pos - 2].pos == "V"
        and words[pos - 2][1] == "ar"
    )


_PROCLITICS = ("وب", "ول", "وك", "و", "ف", "ب", "ل", "ك")


def _common_here(surface: str, prev: Reading | None, prev_surface: str) -> bool:
    """Whether a word nothing knows is read as a common noun or adjective by its shape
    (:func:`common_shape`: صادمة, تحايلًا, الإغريقية) in its place: with a tanween always;
    after a designator never (منطقة خفاجة: the place's name); with the article only after a
    noun or adjective it describes or completes (الحضارة الإغريقية), not after a
    preposition, a verb or at the start of a clause, where a name stands too (في القنفذة)."""
    if not common_shape(surface):
        return False
    if has_tanween(surface):
        return True
    if normalize(prev_surface) in designators():
        return False
    bare = normalize(surface)
    if not bare.startswith(("ال", "وال", "فال", "بال", "كال", "لل", "ولل", "وبال")):
        return True
    return (
        prev is not None
        and prev.pos in ("N", "A")
        and not bare.startswith(("بال", "كال", "لل", "ولل", "وبال"))
    )


def dual_verb_after_pair(surface: str, readings: Sequence[Reading], prev: Reading | None) -> bool:
    """A future verb in the dual after the second of two coordinated names (تونس والجزائر
    ستوقعان، مصر والأردن ستعقدان): the verb the pair agrees with, not a foreign name
    continuing the second one.

    >>> from kg.analyse.rules.morph import analyse_word
    >>> pair = proper_noun_reading("والجزائر", pro="و", source="name")
    >>> dual_verb_after_pair("ستوقعان", analyse_word("ستوقعان"), pair)
    True
    >>> dual_verb_after_pair("ستيفان", analyse_word("ستيفان"), pair)
    False
    """
    if prev is None or prev.pos != "PN" or prev.parts[0].tag != "conj":
        return False
    return normalize(surface).endswith("ان") and any(
        r.pos == "V" and r.parts[0].tag == "fut" and r.person[1:] in ("d", "fd", "")
        for r in readings
    )
