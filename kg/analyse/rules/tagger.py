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

from collections.abc import Sequence, Set as AbstractSet
from dataclasses import replace
from functools import lru_cache

from ...lexicon.words import designators, first_names, title_at, titles
from ...text import normalize, strip_diacritics
from .article import absorbed_article, unknown_after_article
from .clitic_names import and_known_name, known_after_clitic
from .daytimes import day_part_nouns
from .morph import (
    Part,
    Reading,
    analyse_word,
    listed_form,
    listed_noun,
    proper_noun_reading,
    shape_reading,
)
from .participles import people_plural, substantive_participles
from .parts import rescored
from .scoring import _last_tag, best_reading, place_designator
from .tagger_names import (
    _PROCLITICS,
    _common_here,
    _foreign_reading,
    _is_first_name,
    _multiword_spans,
    _name_as_written,
    _name_readings,
    _quoted_after_verb,
    _quoted_names,
    dual_verb_after_pair,
    has_tanween as has_tanween,
)

_CLAUSE_OPENERS = {"conj", "sub", "rel"}
_PUNCT_OPENERS = set('،,:؛;."«»“”()[]-–—')


def choose(
    words: Sequence[tuple[str, str]], vocabulary: set[str], names: AbstractSet[str]
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
    surfaces = [w for w, _ in words]
    spans = _multiword_spans(surfaces)  # (once: the names' words, and their proclitics)
    in_name = set(spans) | _quoted_names(surfaces)
    glued = {i: p for i, p in spans.items() if p}
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
            if pos in glued:  # ببيونغ يانغ: the preposition, then the name
                readings = (proper_noun_reading(surface, pro=glued[pos], source="name"),)
        nxt = words[pos + 1][0] if pos + 1 < len(words) else ""
        readings = day_part_nouns(_whole_words(readings, surface, nxt, prev), surface, nxt)
        readings = absorbed_article(readings, surface, nxt)
        if _coordinated_verbal_noun(words, pos, out, readings):
            readings = tuple(r for r in readings if r.pos == "N")
        if _subordinator_in_name(readings, prev, nxt):
            readings = (proper_noun_reading(surface, source="name"),)
        best = best_reading(readings, words, pos, prev, prev_surface, clause_start, verb_in_clause)
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
    names: AbstractSet[str],
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
    if foreign and and_known_name(surface, names):
        foreign = ()  # وميركل: و + a name the gazetteer knows, not one name in و
    return (
        readings
        + _name_readings(surface, names, prev, words[pos - 1][0] if pos else "")
        + foreign
        + _verbal_noun(readings, prev, surface)
        + _feminine_verb_with_object(readings, prev, surface)
        + past_verb_after_qad(readings, prev, surface)
        + past_verb_at_start(
            readings, prev, surface, words[pos + 1][0] if pos + 1 < len(words) else ""
        )
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


def past_verb_after_qad(
    readings: tuple[Reading, ...], prev: Reading | None, surface: str
) -> tuple[Reading, ...]:
    """After قد (كان الجيش قد قصف المدينة) comes a verb, never a noun: a word the lexicon
    reads only as a noun (قصف, a verbal noun) whose feminine past (قصفت) it reads as a verb
    of that very lemma is also that verb's masculine past.

    >>> from kg.analyse.rules.morph import analyse_word
    >>> qad = analyse_word("قد")[0]
    >>> [(r.pos, r.lemma, r.person) for r in past_verb_after_qad(analyse_word("قصف"), qad, "قصف")]
    [('V', 'قصف', '3ms')]
    >>> past_verb_after_qad(analyse_word("قصف"), None, "قصف")
    ()
    """
    if prev is None or prev.parts[-1].tag != "emph" or any(r.pos == "V" for r in readings):
        return ()
    return _masculine_past(surface)


def past_verb_at_start(
    readings: tuple[Reading, ...], prev: Reading | None, surface: str, nxt: str
) -> tuple[Reading, ...]:
    """A sentence opens with a verb far more often than with an indefinite noun: the first
    word, read by the lexicon only as a noun or participle (قاطع, the participle), before
    a definite word, is also the masculine past of the verb whose feminine past (قاطعت)
    the lexicon reads with that very lemma (قاطع التجار السوق: the traders boycotted).

    >>> from kg.analyse.rules.morph import analyse_word
    >>> [(r.pos, r.person) for r in past_verb_at_start(analyse_word("قاطع"), None, "قاطع", "التجار")]
    [('V', '3ms')]
    >>> past_verb_at_start(analyse_word("قاطع"), None, "قاطع", "مهم")
    ()
    """
    if prev is not None or not normalize(nxt).startswith("ال"):
        return ()
    if any(r.pos == "V" or r.definite or len(r.parts) > 1 for r in readings):
        return ()
    return tuple(rescored(r, r.score - 0.2) for r in _masculine_past(surface))


def _masculine_past(surface: str) -> tuple[Reading, ...]:
    """The masculine past of the verb whose feminine past (the word + ت) the lexicon reads
    with the word itself as lemma (قصف: قصفت), or nothing."""
    bare = strip_diacritics(surface)
    if len(bare) < 3 or bare.endswith(("ة", "ت", "ا")) or not listed_form(bare + "ت"):
        return ()
    past = [
        r
        for r in analyse_word(bare + "ت")
        if r.pos == "V"
        and r.tense == "past"
        and r.person == "3fs"
        and len(r.parts) == 1
        and normalize(r.lemma) == normalize(bare)
    ]
    if not past:
        return ()
    v = min(past, key=lambda r: r.voice != "act")  # the active voice when it is read so
    part = replace(
        v.parts[0], end=len(surface), feats=v.parts[0].feats.replace("Gender=Fem", "Gender=Masc")
    )
    return (replace(v, parts=(part,), person="3ms"),)


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
    no_name, verb_shape, definite_noun = _word_cues(surface)
    foreign = (
        ()
        if no_name
        else _foreign_reading(
            surface,
            attested[pos],
            prev,
            prev_surface,
            next_unknown,
            _is_first_name(nxt),
        )
    )
    if foreign and (  # (asked only of a word that has such a reading: most have none)
        agreeing_plural(surface, nxt)
        or _verb_after_nationality(surface, readings, prev, attested[pos], nxt, next_unknown)
        or dual_verb_after_pair(surface, readings, prev)
        or people_plural(surface, readings)
    ):
        foreign = ()
    if foreign and _participle_after_comma(readings, prev_surface, nxt):
        foreign = ()
    if foreign and verb_shape:
        foreign = ()  # أدينوا: a plural verb in وا; ستوقعان: سـ + a dual verb; no foreign name
    if not foreign or foreign[0].score < NAME_IN_WAW:
        if _and_plural_verb_in_name(surface, readings, prev):
            foreign = (proper_noun_reading(surface, score=NAME_IN_WAW, source="unknown"),)
    if (
        foreign
        and normalize(surface).startswith("ال")
        and not place_designator(prev, prev_surface)  # (منطقة الباحة: a name)
        and definite_noun
    ):
        # الأبرياء, الاستحواذ: a definite word the analyser reads as a noun is
        # rarely a foreign name (those take no article)
        foreign = tuple(rescored(r, r.score - 1.0) for r in foreign)
    return foreign


@lru_cache(maxsize=100_000)
def _subordinator_in_name(readings: tuple[Reading, ...], prev: Reading | None, nxt: str) -> bool:
    """A word read only as a subordinator (كي, so that) between a name and a word nothing
    knows: a short syllable of a foreign name (لي كي تشيانغ), since the subordinator takes
    a present verb, never an unknown word.

    >>> lee = proper_noun_reading("لي", source="name")
    >>> _subordinator_in_name(analyse_word("كي"), lee, "تشيانغ")
    True
    >>> _subordinator_in_name(analyse_word("كي"), lee, "يتمكن")
    False
    """
    return (
        bool(readings)
        and prev is not None
        and prev.pos == "PN"
        and bool(nxt)
        and all(r.pos == "F" and [p.tag for p in r.parts] == ["sub"] for r in readings)
        and not analyse_word(nxt)
    )


def _participle_after_comma(readings: tuple[Reading, ...], prev_surface: str, nxt: str) -> bool:
    """A plural active participle of a weak verb (داعين, ساعين) right after a comma and
    before a definite word or إلى: a circumstantial (..., داعين الحكومة إلى ...) opening
    its own phrase, not a foreign name.

    >>> _participle_after_comma(analyse_word("داعين"), "،", "الحكومة")
    True
    >>> _participle_after_comma(analyse_word("داعين"), "قال", "الحكومة")
    False
    """
    return (
        prev_surface in ("،", ",")
        and normalize(nxt).startswith("ال")
        and any(r.ntype == "ap" and r.number == "p" and r.source == "composed" for r in readings)
    )


def _word_cues(surface: str) -> tuple[bool, bool, bool]:
    """What a word's own readings (:func:`analyse_word`) say about a foreign-name reading
    of it, worked out once per word: whether they rule it out (a feminine noun with a
    suffix, an adverbial relative adjective), whether it has the shape of a verb that
    rules it out when found (:func:`_plural_passive_shape`, :func:`_future_pair_verb`), and
    whether one of them is a definite noun or adjective (which weakens it).

    >>> _word_cues("جلالته"), _word_cues("أدينوا")[1], _word_cues("الأبرياء")[2]
    ((True, False, False), True, True)
    """
    readings = analyse_word(surface)
    return (
        _feminine_with_suffix(surface, readings)
        or _noun_with_suffix(surface, readings)
        or _feminine_past_of_listed_verb(surface)
        or dual_feminine_past(surface)
        or _adverbial_nisba(surface, readings)
        or _accusative_of_listed_noun(surface),
        _plural_passive_shape(surface, readings) or _future_pair_verb(readings, surface),
        any(r.pos in ("N", "A") and r.definite for r in readings),
    )


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


def _future_pair_verb(readings: tuple[Reading, ...], surface: str = "") -> bool:
    """Whether a word is the future سـ on a dual or plural present verb the lexicon lists
    (ستوقعان, سيجتمعون): after coordinated names (تونس والجزائر ستوقعان) it is their verb,
    not one more word of a foreign name, which does not start so (سيرغي is سـ + a guess).

    The same for a singular verb whose present form the lexicon lists as it stands
    (ستعتقل: تعتقل, she will arrest), before the name of the one it acts on (إنها ستعتقل
    + an unknown name): the verb, not a first name of that name.

    >>> _future_pair_verb(analyse_word("سيجتمعان")), _future_pair_verb(analyse_word("سيرغي"))
    (True, False)
    >>> _future_pair_verb(analyse_word("ستعتقل"), "ستعتقل")
    True
    """
    return any(
        r.pos == "V"
        and r.source == "composed"
        and [p.tag for p in r.parts] == ["fut", "verb"]
        and (
            r.person in ("3d", "3md", "3fd", "3mp", "3fp")
            or (r.person in ("3ms", "3fs") and _listed_present(surface, r))
        )
        for r in readings
    )


def _listed_present(surface: str, reading: Reading) -> bool:
    """Whether the verb after the future سـ of ``reading`` is a present form the lexicon
    lists as it stands, of at least four letters (تعتقل), read with the same lemma."""
    rest = strip_diacritics(surface[reading.parts[0].end :])
    lemma = normalize(reading.lemma)
    return len(rest) >= 4 and any(
        r.pos == "V"
        and r.tense == "pres"
        and r.source == "lex"
        and len(r.parts) == 1
        and normalize(r.lemma) == lemma
        for r in analyse_word(rest)
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


def _coordinated_verbal_noun(
    words: Sequence[tuple[str, str]], pos: int, out: list[Reading], readings: tuple[Reading, ...]
) -> bool:
    """و + a word that is a verb or a verbal noun right after a preposition's verbal noun
    and its definite genitive (اتفقا على فتح الحدود وعقد قمة): the second verbal noun of
    the same phrase, when an indefinite genitive with no accusative alif follows (وعقد قمة;
    not وعقد اجتماعا, a verb and its object, nor وبحث الوزيران, a verb and its subject).

    >>> from kg.analyse.rules.morph import analyse_word
    >>> words = [("اتفقا", "ar"), ("على", "ar"), ("فتح", "ar"), ("الحدود", "ar"),
    ...          ("وعقد", "ar"), ("قمة", "ar")]
    >>> out = [analyse_word(w)[0] for w, _ in words[:4]]
    >>> out[2] = next(r for r in analyse_word("فتح") if r.pos == "N")
    >>> _coordinated_verbal_noun(words, 4, out, analyse_word("وعقد"))
    True
    >>> _coordinated_verbal_noun(words[:5] + [("اجتماعا", "ar")], 4, out, analyse_word("وعقد"))
    False
    """
    if pos < 3 or pos + 1 >= len(words) or len(out) < 3:
        return False
    genitive, noun, before = out[-1], out[-2], out[-3]  # (the words before: the cheaper test)
    if genitive.pos != "N" or not genitive.definite or noun.pos != "N" or noun.definite:
        return False
    if _last_tag(before) != "prep" and not any(p.tag == "prep" for p in noun.parts[: noun.main]):
        return False
    own_conj = [r for r in readings if any(p.tag == "conj" for p in r.parts[: r.main])]
    if not any(r.pos == "V" for r in own_conj) or not any(r.pos == "N" for r in own_conj):
        return False
    nxt = words[pos + 1][0]
    bare = normalize(nxt)
    return not bare.startswith("ال") and not bare.endswith("ا") and not has_tanween(nxt)


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


@lru_cache(maxsize=200_000)
def _attested(surface: str) -> bool:
    """Whether the lexicon (or the closed classes) knows the word, as opposed to a guess."""
    return any(r.source in ("lex", "fw") for r in analyse_word(surface))


#: (for the name finders: a place no lexicon lists)
attested = _attested


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


def _feminine_past_of_listed_verb(surface: str) -> bool:
    """A word in ت whose stem is a past verb the lexicon lists (أذنت: أذن + ت, she
    allowed), seen or not as it stands: a verb after a feminine subject (النيابة ...
    أذنت), not a foreign name; names in ت (روبرت, مارغريت) have no such stem.

    >>> [_feminine_past_of_listed_verb(w) for w in ("أذنت", "روبرت", "مارغريت", "زارت")]
    [True, False, False, True]
    """
    if not surface.endswith("ت") or len(surface) < 4 or not listed_form(surface[:-1]):
        return False  # (a verb reading of the lexicon's own needs its form listed)
    return any(
        r.pos == "V" and r.tense == "past" and r.person == "3ms" and r.source == "lex"
        for r in analyse_word(surface[:-1])
        if len(r.parts) == 1
    )


def dual_feminine_past(surface: str) -> bool:
    """A word in تا whose stem + ت is the feminine past of a verb the lexicon lists
    (أعلنتا: أعلنت + ا, the two of them announced; دعتا from دعت): the dual past after
    two feminine or coordinated subjects, not a foreign name; names in تا (جاكرتا,
    أتلانتا) have no such stem.

    >>> [dual_feminine_past(w) for w in ("أعلنتا", "دعتا", "ناقشتا", "جاكرتا", "أنيتا")]
    [True, True, True, False, False]
    """
    bare = strip_diacritics(surface)
    if not bare.endswith("تا") or len(bare) < 4 or not listed_form(bare[:-1]):
        return False
    return any(
        r.pos == "V" and r.tense == "past" and r.person == "3fs" and r.source == "lex"
        for r in analyse_word(bare[:-1])
        if len(r.parts) == 1
    )


#: Possessive suffixes of the third person, which a noun takes and a name does not.
_THIRD_PERSON_SUFFIXES = ("ه", "ها", "هم", "هما")


def _noun_with_suffix(surface: str, readings: tuple[Reading, ...]) -> bool:
    """A plural noun the lexicon lists with a possessive of the third person (مهامه,
    مناصبهم): no foreign name after a name (عيسى مهامه is not one name). Foreign names
    that end so end in a long vowel before the ه (أندريه, فرانسواه): those keep the name
    reading; a singular noun + ه may be a name the lexicon misreads, so it keeps it too.

    >>> [_noun_with_suffix(w, analyse_word(w)) for w in ("مهامه", "مناصبهم", "أندريه")]
    [True, True, False]
    """
    for r in readings:
        if r.pos != "N" or r.number != "p" or r.parts[-1].tag != "pron":
            continue
        if r.main != len(r.parts) - 2:
            continue
        stem = surface[r.parts[r.main].start : r.parts[r.main].end]
        suffix = surface[r.parts[-1].start :]
        if suffix in _THIRD_PERSON_SUFFIXES and len(stem) >= 3 and stem[-1] not in "اويى":
            return True
    return False


def _accusative_of_listed_noun(surface: str) -> bool:
    """A word the lexicon lacks that is a noun it lists plus the accusative alif (منحا:
    منح, grants, as an object; قدمت السعودية منحا للعراق): no foreign name.

    >>> [_accusative_of_listed_noun(w) for w in ("منحا", "كينيا", "ستينا", "الصفا")]
    [True, False, False, False]
    """
    bare = strip_diacritics(surface)
    if len(bare) < 4 or not bare.endswith("ا") or bare.endswith(("اا", "يا", "وا")):
        return False
    if bare[:-1].endswith(("ين", "ون", "ان", "ات", "ة")):
        return False  # no accusative alif after a sound plural, a dual or ة (ستينا: a name)
    if not (listed_form(bare[:-1]) or listed_noun(bare[:-1])):
        return False  # (a reading of the lexicon's own needs one or the other)
    return any(
        r.pos == "N"
        and r.source == "lex"
        and len(r.parts) == 1
        and r.ntype in ("n", "vn")
        and not r.definite  # tanween never with the article (الصفا, الملا: names)
        for r in analyse_word(bare[:-1])
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
    a = normalize(surface)
    if a.startswith("ال") or not a.endswith(("ين", "ان", "ون")) or len(a) < 5:
        return False
    return normalize(nxt).endswith("ي" + a[-2:])


def _accusative_pair(surface: str, nxt: str) -> bool:
    """An indefinite accusative noun and its relative adjective (صاروخا باليستيا)."""
    a, b = normalize(surface), normalize(nxt)
    return a.endswith("ا") and not a.endswith("اء") and b.endswith("يا") and not a.startswith("ال")


def _unknown(
    surface: str,
    vocabulary: set[str],
    names: AbstractSet[str],
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
