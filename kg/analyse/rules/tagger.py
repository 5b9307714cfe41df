"""Choosing one reading per word in context (verb, noun, particle, name).

Out of context Arabic words are highly ambiguous (قتل "he killed" / "was killed" /
"killing"; وزير "minister" / "and was visited"). The choice here is greedy from left to
right with general cues of Arabic syntax:

- after a preposition, an article or with tanween a word is nominal;
- after لم/لن/قد/سوف/س, after a relative pronoun and at the start of a clause a word
  that can be a verb is one (Arabic news is verb-initial);
- news is told in the third person: first/second person and imperative readings need
  strong support;
- a word nothing knows is a proper noun (foreign names), split from a proclitic only
  when the rest is a known name or appears on its own elsewhere in the document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from ...lexicon.words import HONORIFICS, designators, first_names, people_nouns, title_at, titles
from ...text import normalize, strip_diacritics
from .article import absorbed_article, unknown_after_article
from .clitic_names import and_known_name, known_after_clitic
from .daytimes import day_part_nouns
from .morph import (
    Part,
    Reading,
    analyse_word,
    proper_noun_reading,
    shape_reading,
)
from .participles import people_plural, substantive_participles
from .tagger_names import (
    _PROCLITICS,
    _common_here,
    _foreign_reading,
    _is_first_name,
    _multiword_names,
    _name_as_written,
    _name_readings,
    _quoted_after_verb,
    _quoted_names,
    dual_verb_after_pair,
    has_tanween as has_tanween,
)

_VERB_TRIGGERS = {"neg", "emph", "fut"}  # لم لن قد سوف
_CLAUSE_OPENERS = {"conj", "sub", "rel"}
_PUNCT_OPENERS = set('،,:؛;."«»“”()[]-–—')


def _last_tag(r: Reading | None) -> str:
    return r.parts[-1].tag if r is not None else ""


def _score(
    r: Reading,
    prev: Reading | None,
    prev_surface: str,
    surface: str,
    clause_start: bool,
    verb_in_clause: bool = False,
    has_nominal: bool = False,
) -> float:
    """A reading's score in its place (scores add up term by term, in a fixed order)."""
    if r.pos == "V":
        s = _verb_score(
            r.score, r, prev, prev_surface, surface, clause_start, verb_in_clause, has_nominal
        )
    else:
        s = _nominal_score(r.score, r, prev, surface)
    return _clitic_score(s, r, prev)


def _verb_score(
    s: float,
    r: Reading,
    prev: Reading | None,
    prev_surface: str,
    surface: str,
    clause_start: bool,
    verb_in_clause: bool,
    has_nominal: bool,
) -> float:
    """How well a verb reading fits its place: the particles and words before it, its
    person, tense and voice (added to ``s``)."""
    own_prep = any(p.tag == "prep" for p in r.parts[: r.main])
    own_conj = any(p.tag == "conj" for p in r.parts[: r.main])
    prev_tag = _last_tag(prev)
    if has_tanween(surface):
        s -= 4
    if own_prep and not (r.tense == "pres" and r.parts[r.main - 1].lemma.startswith("ل")):
        s -= 4
    if prev_tag == "prep" or prev_tag == "det" or prev_tag == "quant" or prev_tag == "dem":
        s -= 3
    s = _verb_after_particle(s, r, prev, prev_tag)
    if clause_start or own_conj:
        s += 1.2
    if r.tense == "imp":
        s -= 2.5
    if r.person and r.person[0] in "12":
        s -= 1.0  # news narrates in the third person: وأصيب العشرات (were injured), not "I hit"
    if r.voice == "pass" and not _looks_passive(surface):
        s -= 0.4
    if prev is not None and prev.pos == "V" and prev.head.upos != "AUX" and not own_conj:
        s -= 1.0
    if verb_in_clause and has_nominal and not own_conj and r.tense == "past" and not clause_start:
        s -= 1.0  # a clause has one finite verb: تعارض فرنسا فرض العقوبات (imposing, not imposed)
    if has_nominal and not own_conj and _in_construct(prev, prev_surface):
        s -= 1.0  # a noun in the construct state takes a genitive: بتهمة قتل, على أمل تحمل
    if r.head.upos == "AUX" and r.tense == "past":
        s += 0.2
    return s


def _in_construct(prev: Reading | None, prev_surface: str) -> bool:
    """Whether the word before is a noun that can be in the construct state: indefinite in
    form, with no tanween, no pronoun suffix and no accusative alif (تهمة, أمل, عملية)."""
    if prev is None or prev.pos != "N" or prev.definite or prev.main != len(prev.parts) - 1:
        return False
    bare = normalize(prev_surface)
    return not has_tanween(prev_surface) and not bare.endswith("ا")


def _verb_after_particle(s: float, r: Reading, prev: Reading | None, prev_tag: str) -> float:
    """لم/لن/قد/سوف, a relative pronoun or a subordinator announce a verb (لا only a present
    one)."""
    if prev_tag in _VERB_TRIGGERS:
        s += 3
    if (
        prev_tag == "neg"
        and prev is not None
        and normalize(prev.lemma) == "لا"
        and r.tense != "pres"
    ):
        s -= 2
    if prev_tag == "rel":
        s += 2
    if prev_tag == "sub":
        s += 0.8 if r.tense == "pres" else 0.3
    return s


def _nominal_score(s: float, r: Reading, prev: Reading | None, surface: str) -> float:
    """How well a nominal (or closed-class) reading fits (added to ``s``): after a
    preposition, an article-like word, with tanween; a definite adjective after a definite
    noun."""
    own_prep = any(p.tag == "prep" for p in r.parts[: r.main])
    own_conj = any(p.tag == "conj" for p in r.parts[: r.main])
    prev_tag = _last_tag(prev)
    if r.pos in ("N", "A", "PN") and (prev_tag in ("prep", "det", "quant", "dem") or own_prep):
        s += 1.0
    if (
        r.pos == "A"
        and r.definite
        and prev is not None
        and prev.definite
        and prev.pos in ("N", "A", "PN")
        and not own_conj
        and not own_prep
    ):
        s += 0.8  # a definite noun cannot govern a genitive: what follows agrees with it
    if has_tanween(surface):
        s += 1.5
    if prev_tag in _VERB_TRIGGERS and r.pos != "F":
        s -= 1.5
    return s


def _clitic_score(s: float, r: Reading, prev: Reading | None) -> float:
    """Any reading (added to ``s``): closed-class words as listed, a conjunction or a
    pronoun suffix where they fit, duals."""
    own_conj = any(p.tag == "conj" for p in r.parts[: r.main])
    prev_tag = _last_tag(prev)
    if r.pos == "F" and r.source == "fw":
        s += 0.5
    if own_conj and prev_tag == "prep":
        s -= 2.0  # a preposition takes its noun, not "and": مع ولي العهد is not مع و + لي
    if (
        own_conj
        and prev is not None
        and prev.pos == "V"
        and r.pos in ("N", "A")
        and r.head.upos != "PROPN"
    ):
        s -= 0.8  # "and" right after a verb joins nothing yet: استهدفت وكرا is a den, not "and كرا"
    if r.number == "d":
        s -= 0.25  # duals are rare; -ين/-ان forms are mostly plurals or other words
    if r.parts[-1].tag == "pron" and r.parts[-1].feats.startswith("Number=Sing|Person=1"):
        s -= 0.8  # news rarely says "my": شعبي, رئيسي are adjectives, not شعب + ي
    return s


def _looks_passive(surface: str) -> bool:
    """Diacritised passive: damma on the first letter (قُتل، أُعلن، يُذكر)."""
    letters = [c for c in surface if strip_diacritics(c)]
    if not letters:
        return False
    i = surface.index(letters[0])
    return i + 1 < len(surface) and surface[i + 1] == "\u064f"


def choose(
    words: Sequence[tuple[str, str]], vocabulary: set[str], names: set[str]
) -> list[Reading]:
    """One reading per word. ``words`` are (surface, kind) pairs of one sentence;
    ``vocabulary`` holds the normalised words of the whole document, ``names`` the
    normalised single-word gazetteer names, for deciding how to split unknown words.

    >>> first, second = choose([("وبحث", "ar"), ("الوزير", "ar")], set(), set())
    >>> [p.upos for p in first.parts], first.lemma, first.tense
    (['CCONJ', 'VERB'], 'بحث', 'past')
    >>> second.pos, second.definite
    ('N', True)
    """
    out: list[Reading] = []
    prev: Reading | None = None
    prev_surface = ""
    clause_start = True
    verb_in_clause = False
    in_name = _multiword_names([w for w, _ in words]) | _quoted_names([w for w, _ in words])
    attested = [kind != "ar" or _attested(surface) for surface, kind in words]
    for pos, (surface, kind) in enumerate(words):
        if kind != "ar":
            r = _non_arabic(surface, kind)
            out.append(r)
            prev, prev_surface = r, surface
            clause_start = surface in _PUNCT_OPENERS
            if clause_start:
                verb_in_clause = False
            continue
        readings = _candidates(words, pos, out, prev, attested, vocabulary, names)
        if pos in in_name or _quoted_after_verb(words, pos, out):
            # inside a multi-word name of the gazetteer (ينس ستولتنبرغ): no verb readings
            not_verbs = tuple(r for r in readings if r.pos != "V")
            readings = not_verbs or (proper_noun_reading(surface, source="name"),)
        nxt = words[pos + 1][0] if pos + 1 < len(words) else ""
        readings = day_part_nouns(_whole_words(readings, surface, nxt, prev), surface, nxt)
        readings = absorbed_article(readings, surface, nxt)
        best = _best(readings, words, pos, prev, prev_surface, clause_start, verb_in_clause)
        out.append(best)
        prev, prev_surface = best, surface
        last = best.parts[-1]
        clause_start = last.tag in _CLAUSE_OPENERS and best.pos == "F"
        if clause_start or any(p.tag == "conj" for p in best.parts):
            verb_in_clause = best.pos == "V"
        elif best.pos == "V":
            verb_in_clause = True
    return out


def _candidates(
    words: Sequence[tuple[str, str]],
    pos: int,
    out: list[Reading],
    prev: Reading | None,
    attested: list[bool],
    vocabulary: set[str],
    names: set[str],
) -> tuple[Reading, ...]:
    """The readings word ``pos`` may take: the analyser's with name readings besides (a
    gazetteer name, a first or foreign name), or one proper noun for a word nothing knows
    and for the second name a dual designator announces."""
    surface = words[pos][0]
    readings = analyse_word(surface)
    pair = (
        pos >= 2
        and (out[-1].source == "unknown" or out[-1].pos == "PN")  # (a gazetteer name too)
        and not attested[pos]
        and _dual_designator(words[pos - 2][0])
    )
    if not readings or pair:
        common = _common_here(surface, prev, words[pos - 1][0] if pos else "")
        before = words[pos - 1][0] if pos else ""
        return (_unknown(surface, vocabulary, names, pair, common, before),)
    foreign = _foreign_candidates(words, pos, readings, prev, attested)
    if and_known_name(surface, names):
        foreign = ()  # وميركل: و + a name the gazetteer knows, not one name in و
    return (
        readings
        + _name_readings(surface, names, prev, words[pos - 1][0] if pos else "")
        + foreign
        + _verbal_noun(readings, prev, surface)
        + _feminine_verb_with_object(readings, prev, surface)
        + substantive_participles(readings)
    )


def _feminine_verb_with_object(
    readings: tuple[Reading, ...], prev: Reading | None, surface: str
) -> tuple[Reading, ...]:
    """After a relative pronoun, a word in -ته the analyser reads only as a noun in ة with
    a pronoun suffix (استضافته: its hosting) is also a feminine past verb with an object
    suffix (الاجتماع الذي استضافته واشنطن: which Washington hosted)."""
    if prev is None or prev.parts[-1].tag != "rel" or any(r.pos == "V" for r in readings):
        return ()
    bare = strip_diacritics(surface)
    if not bare.endswith("ته") or len(bare) < 5:
        return ()
    verbs = [
        r
        for r in analyse_word(surface[: len(surface) - 1])
        if r.pos == "V" and r.tense == "past" and r.person == "3fs" and len(r.parts) == 1
    ]
    if not verbs:
        return ()
    v = verbs[0]
    end = v.parts[0].end
    pron = Part(end, end + 1, "PRON", "هُوَ", "Gender=Masc|Number=Sing|Person=3|PronType=Prs", "pron")
    return (replace(v, parts=(v.parts[0], pron)),)


def _verbal_noun(
    readings: tuple[Reading, ...], prev: Reading | None, surface: str
) -> tuple[Reading, ...]:
    """After a preposition a word is nominal: where the lexicon reads a word of the shape of
    a verbal noun of the forms V and VI (تفعّل, تفاعل) only as a verb (it lists the analyses a
    corpus showed: تشكل as تُشَكِّل, not the verbal noun تَشَكُّل), that verbal noun (قبل تشكل
    الحكومة)."""
    if prev is None or prev.pos != "F" or prev.parts[-1].tag != "prep":
        return ()
    if any(r.pos != "V" for r in readings) or any(len(r.parts) > 1 for r in readings):
        return ()
    bare = normalize(surface)
    if not (bare.startswith("ت") and len(bare) in (4, 5)) or normalize(prev.lemma) in (
        "حتي",
        "منذ",
    ):
        return ()  # the shapes تفعّل, تفاعل; حتى and منذ take a verb too (حتى يتمكن)
    best = max(readings, key=lambda r: r.score)
    lemma = strip_diacritics(surface)
    noun = Part(0, len(surface), "NOUN", lemma, "_", "vnoun")
    return (
        Reading((noun,), 0, "N", normalize(lemma), best.score - 0.3, ntype="vn", source="guess"),
    )


def _verb_after_nationality(
    surface: str,
    readings: tuple[Reading, ...],
    prev: Reading | None,
    attested: bool,
    nxt: str,
    next_unknown: bool,
) -> bool:
    """A word the lexicon lacks, read as a present-tense verb of the third person, after a
    nationality and before a known word: the verb of a headline (الرئيس اللبناني ينعي
    ضحايا), not a foreign first name (وزير الدفاع التركي يشار غولر: a word nothing knows
    follows)."""
    return (
        not attested
        and bool(nxt)
        and not next_unknown
        and prev is not None
        and prev.pos == "A"
        and prev.ntype == "nisba"
        and prev.definite
        and normalize(surface)[:1] in ("ي", "ت")
        and any(r.pos == "V" and r.tense == "pres" and r.person[:1] == "3" for r in readings)
    )


def _foreign_candidates(
    words: Sequence[tuple[str, str]],
    pos: int,
    readings: tuple[Reading, ...],
    prev: Reading | None,
    attested: list[bool],
) -> tuple[Reading, ...]:
    """The first- or foreign-name reading of a known word (:func:`_foreign_reading`), if
    any, weaker for a definite word the analyser reads as a noun."""
    surface = words[pos][0]
    prev_surface = words[pos - 1][0] if pos else ""
    nxt = words[pos + 1][0] if pos + 1 < len(words) else ""
    next_unknown = bool(nxt) and not attested[pos + 1] and not _accusative_pair(surface, nxt)
    foreign = (
        ()
        if agreeing_plural(surface, nxt)
        or _feminine_with_suffix(surface, readings)
        or _adverbial_nisba(surface, readings)
        or _verb_after_nationality(surface, readings, prev, attested[pos], nxt, next_unknown)
        or dual_verb_after_pair(surface, readings, prev)
        or people_plural(surface, readings)
        else _foreign_reading(
            surface,
            attested[pos],
            prev,
            prev_surface,
            next_unknown,
            _is_first_name(nxt),
        )
    )
    if foreign and (_plural_passive_shape(surface, readings) or _future_pair_verb(readings)):
        foreign = ()  # أدينوا: a plural verb in وا; ستوقعان: سـ + a dual verb; no foreign name
    if not foreign or foreign[0].score < NAME_IN_WAW:
        if _and_plural_verb_in_name(surface, readings, prev):
            foreign = (proper_noun_reading(surface, score=NAME_IN_WAW, source="unknown"),)
    if (
        foreign
        and normalize(surface).startswith("ال")
        and not _place_designator(prev, prev_surface)  # (منطقة الباحة: a name)
        and any(r.pos in ("N", "A") and r.definite for r in readings)
    ):
        # الأبرياء, الاستحواذ: a definite word the analyser reads as a noun is
        # rarely a foreign name (those take no article)
        foreign = tuple(replace(r, score=r.score - 1.0) for r in foreign)
    return foreign


#: The score of a name in و after a name (:func:`_and_plural_verb_in_name`): above what
#: و + a verb gets at a clause start, since the guess it beats is one nothing lists.
NAME_IN_WAW = 3.0


def _plural_passive_shape(surface: str, readings: tuple[Reading, ...]) -> bool:
    """Whether a word is read as a plural past verb in وا (أدينوا, اعتقلوا, قتلوا): foreign
    names do not end so (أوتاوا, in اوا, does).

    >>> _plural_passive_shape("أدينوا", analyse_word("أدينوا"))
    True
    """
    n = normalize(surface)
    plural_verb = any(r.pos == "V" and r.person == "3mp" for r in readings)
    return plural_verb and n.endswith("وا") and not n.endswith("اوا") and len(n) >= 5


def _future_pair_verb(readings: tuple[Reading, ...]) -> bool:
    """Whether a word is the future سـ on a dual or plural present verb the lexicon lists
    (ستوقعان, سيجتمعون): after coordinated names (تونس والجزائر ستوقعان) it is their verb,
    not one more word of a foreign name, which does not start so (سيرغي is سـ + a guess).

    >>> _future_pair_verb(analyse_word("سيجتمعان")), _future_pair_verb(analyse_word("سيرغي"))
    (True, False)
    """
    return any(
        r.pos == "V"
        and r.source == "composed"
        and [p.tag for p in r.parts] == ["fut", "verb"]
        and r.person in ("3d", "3md", "3fd", "3mp", "3fp")
        for r in readings
    )


def _and_plural_verb_in_name(
    surface: str, readings: tuple[Reading, ...], prev: Reading | None
) -> bool:
    """After a proper noun, a word read only as و + a verb continues the name when the
    verb is a plural present (ويلسون: و + يلسون would not agree with the one person named
    before it) or only a guess the lexicon does not list (ويتسن: و + تسنى): a family name
    in و is what papers print (ماري جين ويلسون, سارة ليا ويتسن).

    >>> _and_plural_verb_in_name("ويلسون", analyse_word("ويلسون"), proper_noun_reading("جين"))
    True
    >>> _and_plural_verb_in_name("ويتفقد", analyse_word("ويتفقد"), proper_noun_reading("جين"))
    False
    """
    if prev is None or prev.pos != "PN" or not normalize(surface).startswith("و"):
        return False
    guessed = all(r.source not in ("lex", "fw") for r in readings)
    return bool(readings) and all(
        r.pos == "V" and r.parts[0].upos == "CCONJ" and (guessed or r.person in ("3mp", "3fp"))
        for r in readings
    )


def _best(
    readings: tuple[Reading, ...],
    words: Sequence[tuple[str, str]],
    pos: int,
    prev: Reading | None,
    prev_surface: str,
    clause_start: bool,
    verb_in_clause: bool,
) -> Reading:
    """The reading of word ``pos`` that fits its place best (:func:`_score`), with the
    agreement of a verb and the word after it."""
    surface = words[pos][0]
    nominal = any(r.pos in ("N", "A", "PN") for r in readings)
    after = _subject_gender(words[pos + 1][0]) if pos + 1 < len(words) else ""
    before_definite = pos + 1 < len(words) and normalize(words[pos + 1][0]).startswith("ال")
    construct = _place_designator(prev, prev_surface)
    # اتفاقًا مؤقتًا: an adjective agreeing with the accusative noun before, not an adverb
    agreeing = _indefinite_accusative(prev, prev_surface) and any(r.pos == "A" for r in readings)
    return max(
        readings,
        key=lambda r: (
            _score(r, prev, prev_surface, surface, clause_start, verb_in_clause, nominal)
            + _agreement_bonus(r, after)
            + _dual_verb_bonus(r, surface, before_definite)
            - (2.0 if construct and r.main > 0 else 0.0)
            + _accusative_agreement(r, agreeing)
            + _noun_of_inna(
                r, surface, prev_surface, words[pos + 1][0] if pos + 1 < len(words) else ""
            )
        ),
    )


def _noun_of_inna(r: Reading, surface: str, prev_surface: str, nxt: str) -> float:
    """قال إن تبادلا لإطلاق النار جرى: إنّ takes a noun, and an indefinite accusative verbal
    noun with its object after ل is one (تبادلًا), not a dual verb (a verb takes its object
    bare: تبادلا إطلاق النار).

    >>> [r.pos for r in choose([(w, "ar") for w in "قال إن تبادلا لإطلاق النار جرى".split()], set(), set())]
    ['V', 'F', 'N', 'N', 'N', 'V']
    """
    if (
        strip_diacritics(prev_surface) != "إن"
        or r.pos != "N"
        or r.ntype != "vn"
        or r.number != "s"
        or r.definite
        or not normalize(surface).endswith("ا")
        or not normalize(nxt).startswith("ل")
    ):
        return 0.0
    return _INNA_NOUN


#: What the noun of إنّ gains: more than a verb gains at the head of a clause (1.2) with a
#: subordinator before it, since إنّ takes no verb.
_INNA_NOUN = 1.6


def _accusative_agreement(r: Reading, agreeing: bool) -> float:
    """After an indefinite accusative noun (``agreeing``), a word that can be its adjective
    is one: اتفاقًا مؤقتًا, شرطًا مسبقًا (not an adverb, not a second noun)."""
    if not agreeing:
        return 0.0
    if r.head.upos == "ADV":
        return -6.0
    return 0.8 if r.pos == "A" and not r.definite and r.main == 0 else 0.0


def _indefinite_accusative(prev: Reading | None, prev_surface: str) -> bool:
    """Whether the word before is an indefinite noun or adjective in the accusative
    (اتفاقًا, شرطًا): an accusative adjective after it agrees with it (اتفاقًا مؤقتًا, شرطًا
    مسبقًا), it is no adverb."""
    if prev is None or prev.pos not in ("N", "A") or prev.definite:
        return False
    if prev.main != len(prev.parts) - 1:
        return False
    bare = normalize(prev_surface)
    if "\u064b" not in prev_surface and (not bare.endswith("ا") or bare.endswith("اء")):
        return False
    return not strip_diacritics(prev.head.lemma).endswith(("ا", "ى"))


#: The word of ولي ولي العهد (the deputy crown prince) that comes twice.
_DEPUTY = normalize("ولي")
#: The last word of some foreign names (خطيب زاده, the Persian -zadeh): not زاد + ه.
_NAME_ENDINGS = {normalize(w) for w in "زاده".split()}


def _whole_words(
    readings: tuple[Reading, ...], surface: str, nxt: str, prev: Reading | None
) -> tuple[Reading, ...]:
    """Readings that fit words known as wholes:

    - the first word of a two-word title (ولي العهد), or of ولي ولي العهد (the deputy
      crown prince), carries no conjunction or preposition and is no verb (not و + لي);
    - a title or a first name as written (مولاي, السيد) has no pronoun suffix, and a
      courtesy title (المهندس) is a noun, not a participle read as an adjective (but
      الحاكم in الحزب الحاكم is one: other titles keep the reading);
    - عبد before a definite word is the first part of a name (عبد الفتاح), not a verb;
    - a name ending (زاده) after a content word is part of a name.
    """
    n = normalize(surface)
    keep = readings
    if nxt and (
        " " in (title_at([surface, nxt], 0) or "") or (n == _DEPUTY and n == normalize(nxt))
    ):
        keep = tuple(r for r in readings if r.main == 0 and r.pos != "V")
    elif n in titles() or n in first_names():
        keep = tuple(r for r in readings if r.parts[-1].tag != "pron")
    if n in titles() and titles()[n].relation == "honorific" and not _in_title_phrase(prev):
        nouns = tuple(r for r in keep if r.pos != "A")
        keep = nouns or keep  # المهندس: a courtesy title, not the participle as an adjective
    if n == normalize("عبد") and normalize(nxt).startswith("ال"):
        keep = tuple(r for r in keep if r.pos != "V")
    if n in _NAME_ENDINGS and prev is not None and prev.pos in ("N", "A", "PN"):
        keep = (proper_noun_reading(surface, score=2.0, source="unknown"),)
    return keep or readings


def _in_title_phrase(prev: Reading | None) -> bool:
    """Whether the word before may take an adjective that is also a title: an adjective or
    a title itself (الأمين العام المساعد, the assistant secretary-general)."""
    if prev is None:
        return False
    lemma = normalize(strip_diacritics(prev.lemma))
    return prev.pos == "A" or lemma in titles() or "ال" + lemma in titles()


def _place_designator(prev: Reading | None, prev_surface: str) -> bool:
    """A designator of places in the construct state (إقليم, محافظة, مدينة without article or
    suffix): its genitive, the place's name, follows at once, so the next word carries no
    preposition or conjunction (إقليم بلخ is not إقليم ب + لخ)."""
    if prev is None or prev.pos != "N" or prev.definite or len(prev.parts) != 1:
        return False
    n = normalize(prev_surface)
    return designators().get(n) in ("City", "Region", "Place") and not has_tanween(prev_surface)


@lru_cache(maxsize=100_000)
def _subject_gender(surface: str) -> str:
    """The gender a verb right before this word agrees with if it is the subject: feminine
    for definite nouns in ة/ات (الحكومة, الولايات), masculine for titles and nouns for people
    (الوزير, الرئيس); unknown otherwise."""
    n = normalize(surface)
    if not n.startswith("ال"):
        return _construct_subject_gender(n)
    if len(n) < 4:
        return ""
    stem = n[2:]
    if stem.endswith(("ه", "ات")):
        return "f"
    if n in titles() or stem in titles() or stem in people_nouns():
        return "m"
    return ""


def _construct_subject_gender(n: str) -> str:
    """A man's title, an honorific or a noun for people without the article, the head of
    its construct (توجه وزير الخارجية, تسلم رئيس الوزراء, توجه سمو الأمير): masculine;
    unknown for other words. A woman's title says nothing: a feminine verb before it
    carries its own ت, and a masculine one takes it for object (وعين وزيرة الصحة: he
    appointed her), which a feminine reading of the verb must not win.

    >>> [_construct_subject_gender(n) for n in ("وزير", "سمو", "وزيره", "قوه")]
    ['m', 'm', '', '']
    """
    if n in HONORIFICS:
        return "m"  # توجه سمو الأمير: a man's honorific, however it is spelt (جلالة)
    title = titles().get(n)
    if title is not None:
        return "m" if title.gender == "m" else ""
    return "m" if n in people_nouns() else ""


def _agreement_bonus(r: Reading, gender: str) -> float:
    """تقدم الولايات المتحدة (تُقدِّم, she provides) against توجه الوزير (تَوجَّه, he went):
    a clause-initial verb agrees in gender with the subject after it."""
    if (
        not gender
        or r.pos != "V"
        or not r.person.startswith("3")
        or r.person[1:2] not in ("m", "f")
    ):
        return 0.0
    return 0.3 if r.person[1] == gender else -0.3


@lru_cache(maxsize=200_000)
def _attested(surface: str) -> bool:
    """Whether the lexicon (or the closed classes) knows the word, as opposed to a guess."""
    return any(r.source in ("lex", "fw") for r in analyse_word(surface))


def _dual_verb_bonus(r: Reading, surface: str, before_definite: bool) -> float:
    """وبحثا الأزمة: an indefinite accusative noun (بحثًا) takes no definite word after it,
    neither a genitive nor an adjective, so before one the ا is a dual verb's (بحثا: they both
    discussed)."""
    bare = normalize(surface)
    if (
        not before_definite
        or r.pos not in ("N", "A")
        or r.definite
        or r.number == "d"
        or not bare.endswith("ا")
        or bare.endswith("اء")
    ):
        return 0.0
    if strip_diacritics(r.parts[r.main].lemma).endswith(("ا", "ى")) or has_tanween(surface):
        return 0.0
    return -0.8


def _feminine_with_suffix(surface: str, readings: tuple[Reading, ...]) -> bool:
    """A feminine noun with a pronoun suffix, its ة written ت (جلالته, صفحته; شاحنتهم, whose
    lemma is the masculine participle شاحن, but not ـتي: a dual's construct too): no name."""
    return any(
        r.pos in ("N", "A")
        and r.parts[-1].tag == "pron"
        and r.main == len(r.parts) - 2
        and surface[: r.parts[r.main].end].endswith("ت")
        and (
            strip_diacritics(r.parts[r.main].lemma).endswith("ة")
            or (r.gender == "f" and not surface.endswith("ي"))
        )
        for r in readings
    )


def _adverbial_nisba(surface: str, readings: tuple[Reading, ...]) -> bool:
    """A relative adjective in the indefinite accusative (هاتفيا, رسميا): an adverb of
    manner (اتصل الرئيس الجزائري هاتفيا بـX), no foreign name after a title.

    >>> [_adverbial_nisba(w, analyse_word(w)) for w in ("هاتفيا", "ماريا", "كينيا")]
    [True, False, False]
    """
    n = normalize(surface)
    return n.endswith("يا") and any(
        r.pos == "A"
        and r.source == "lex"  # (a guess of the analyser's is no evidence: ماريا, كينيا)
        and r.main == 0
        and not r.definite
        and normalize(r.lemma) + "ا" == n
        for r in readings
    )


def agreeing_plural(surface: str, nxt: str) -> bool:
    """A dual or plural noun and its relative adjective with the same ending (اتصالين
    هاتفيين, مسؤولون أمريكيون): a noun and its adjective, not a foreign name."""
    a, b = normalize(surface), normalize(nxt)
    return any(
        a.endswith(e) and b.endswith("ي" + e) and len(a) > len(e) + 2 for e in ("ين", "ان", "ون")
    ) and not a.startswith("ال")


def _accusative_pair(surface: str, nxt: str) -> bool:
    """An indefinite accusative noun and its relative adjective (صاروخا باليستيا)."""
    a, b = normalize(surface), normalize(nxt)
    return a.endswith("ا") and not a.endswith("اء") and b.endswith("يا") and not a.startswith("ال")


def _unknown(
    surface: str,
    vocabulary: set[str],
    names: set[str],
    pair: bool = False,
    common: bool = False,
    prev_surface: str = "",
) -> Reading:
    """A word nothing knows: a common noun or adjective where its shape and place say so
    (``common``: :func:`_common_here`), else a proper noun, split from a proclitic when the
    rest is a known name or a word of the document and the word is no name as written
    (:func:`_name_as_written`: ناليدي باندور), or (``pair``) when it is the second of
    two names a dual designator announces (جمهوريتي دونيتسك ولوغانسك: و + لوغانسك)."""
    n = normalize(surface)
    if n not in names and not pair and common:
        # الإغريقية, صادمة: a feminine or plural ending, a tanween: a common word
        if not any(n.startswith(pro) and n[len(pro) :] in names for pro in _PROCLITICS):
            return shape_reading(surface)
    absorbed = unknown_after_article(surface) if n not in names else None
    if absorbed is not None:
        return absorbed  # وللميليشيات: و + ل + الميليشيات
    splits = [
        pro
        for pro in _PROCLITICS
        if n.startswith(pro)
        and len(n) - len(pro) >= 3
        and known_after_clitic(n[len(pro) :], names, vocabulary)
    ]
    if splits and not _name_as_written(n, prev_surface):
        return proper_noun_reading(surface, pro=splits[0], source="unknown")
    if pair and n.startswith("و") and len(n) >= 4:
        return proper_noun_reading(surface, pro="و", source="unknown")
    return proper_noun_reading(surface, source="unknown")


def _dual_designator(surface: str) -> bool:
    """A designator in the dual construct state (جمهوريتي, محافظتي, ولايتا)."""
    n = normalize(surface)
    return n.endswith(("تي", "تا")) and len(n) > 4 and n[:-2] + "ه" in designators()


def _non_arabic(surface: str, kind: str) -> Reading:
    if kind == "num":
        part = Part(0, len(surface), "NUM", surface, "NumForm=Digit", "num")
        return Reading((part,), 0, "NUM", surface, 0.0, source="num")
    if kind == "punct":
        upos = "SYM" if surface in "%٪$€£+=<>" else "PUNCT"
        part = Part(0, len(surface), upos, surface, "_", "punct" if upos == "PUNCT" else "sym")
        return Reading((part,), 0, "PUNCT", surface, 0.0, source="punct")
    part = Part(0, len(surface), "X", surface, "Foreign=Yes", "foreign")
    return Reading((part,), 0, "PN", surface, 0.0, source="latin")
