"""How well each reading of a word fits its place in the sentence (the tagger's scores).

:func:`best_reading` takes the readings of one word and the context the tagger has built
(the reading chosen for the word before, whether a clause starts, whether the clause has
its verb) and returns the reading with the highest score. A reading's score is its score
out of context plus cues of Arabic syntax, added term by term in a fixed order:

- a verb (:meth:`_Place._verb`): the particles and words before it, its person, tense
  and voice;
- a noun, adjective or closed-class word (:meth:`_Place._nominal`): after a preposition,
  an article-like word, with tanween, a definite adjective after a definite noun;
- any reading (:meth:`_Place._clitic`): closed-class words as listed, a conjunction or a
  pronoun suffix where they fit, duals;
- then (:meth:`_Place.fit`) the agreement of a verb and the word after it, a verb's dual
  alif before a definite word, the genitive after a place designator, an adjective after
  an indefinite accusative noun, the noun of إنّ.

What depends only on the word and its neighbours is worked out once per word
(:class:`_Place`), what depends on the reading once per reading.

>>> from kg.analyse.rules.morph import analyse_word
>>> best_reading(analyse_word("الوزير"), [("الوزير", "ar")], 0, None, "", True, False).pos
'N'
>>> from kg.analyse.rules.tagger import choose
>>> [r.pos for r in choose([(w, "ar") for w in "لم يحضر الوزير".split()], set(), set())]
['F', 'V', 'N']
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ...lexicon.words import HONORIFICS, designators, people_nouns, titles
from ...text import normalize, strip_diacritics
from .morph import Reading
from .tagger_names import has_tanween

_VERB_TRIGGERS = frozenset({"neg", "emph", "fut"})  # لم لن قد سوف
#: Tags of a word before that a verb does not follow (a preposition, an article-like word).
_NOMINAL_BEFORE = frozenset({"prep", "det", "quant", "dem"})
_NOMINAL_POS = frozenset({"N", "A", "PN"})


#: Nouns used as prepositions (بموجب, بسبب, بفضل, بشأن, إثر, جراء, وفق): always in the
#: construct state, so the word after one is its genitive noun, never an adjective of it
#: (بموجب اتفاقية: the agreement, not "by a contractual ...").
_GENITIVE_ONLY = frozenset(
    normalize(w) for w in "موجب سبب فضل شأن غرض مناسبة خصوص صدد إثر جراء وفق".split()
)


def _last_tag(r: Reading | None) -> str:
    return r.parts[-1].tag if r is not None else ""


def best_reading(
    readings: tuple[Reading, ...],
    words: Sequence[tuple[str, str]],
    pos: int,
    prev: Reading | None,
    prev_surface: str,
    clause_start: bool,
    verb_in_clause: bool,
) -> Reading:
    """The reading of word ``pos`` that fits its place best (the first of the best when
    several tie), with the agreement of a verb and the word after it."""
    if len(readings) == 1:
        return readings[0]
    place = _Place(readings, words, pos, prev, prev_surface, clause_start, verb_in_clause)
    return max(readings, key=place.fit)


class _Place:
    """What the scores of a word's readings share: the word, the reading before, the word
    after, and the cues that follow from them alone."""

    __slots__ = (
        "prev_tag",
        "prev_verb",
        "prev_main_verb",
        "prev_definite_nominal",
        "prev_masculine_adjective",
        "prev_la",
        "clause_start",
        "tanween",
        "surface",
        "passive_shape",
        "past_verb_penalty",
        "construct_before",
        "after",
        "dual_alif",
        "designator",
        "agreeing",
        "inna",
        "genitive_only",
    )

    def __init__(
        self,
        readings: tuple[Reading, ...],
        words: Sequence[tuple[str, str]],
        pos: int,
        prev: Reading | None,
        prev_surface: str,
        clause_start: bool,
        verb_in_clause: bool,
    ) -> None:
        surface = words[pos][0]
        has_next = pos + 1 < len(words)
        nxt = words[pos + 1][0] if has_next else ""
        nominal = any(r.pos in _NOMINAL_POS for r in readings)
        self.surface = surface
        self.prev_tag = _last_tag(prev)
        self.prev_verb = prev is not None and prev.pos == "V"
        self.prev_main_verb = prev is not None and prev.pos == "V" and prev.head.upos != "AUX"
        self.prev_definite_nominal = prev is not None and prev.definite and prev.pos in _NOMINAL_POS
        # تسلم الوزير الجديد المسؤولية: after a masculine singular adjective a feminine
        # singular word agrees with nothing (two adjectives of one noun agree with each other)
        self.prev_masculine_adjective = (
            prev is not None and prev.pos == "A" and prev.gender == "m" and prev.number == "s"
        )
        self.prev_la = self.prev_tag == "neg" and prev is not None and normalize(prev.lemma) == "لا"
        self.clause_start = clause_start
        self.tanween = has_tanween(surface)
        self.passive_shape: bool | None = None  # asked only of passive readings
        # a clause has one finite verb: تعارض فرنسا فرض العقوبات (imposing, not imposed)
        self.past_verb_penalty = verb_in_clause and nominal and not clause_start
        # a noun in the construct state takes a genitive: بتهمة قتل, على أمل تحمل
        self.construct_before = nominal and _in_construct(prev, prev_surface)
        # بموجب اتفاقية, بسبب أزمة: nouns made prepositions take a genitive, no adjective
        self.genitive_only = (
            nominal
            and prev is not None
            and prev.pos in ("N", "A")
            and not prev.definite
            and prev.main == len(prev.parts) - 1
            and not has_tanween(prev_surface)
            and normalize(prev.lemma) in _GENITIVE_ONLY
            and not self.tanween
        )
        self.after = _subject_gender(nxt) if has_next else ""
        bare = normalize(surface)
        # وبحثا الأزمة: before a definite word the alif of an indefinite noun is a dual verb's
        self.dual_alif = (
            has_next
            and normalize(nxt).startswith("ال")
            and bare.endswith("ا")
            and not bare.endswith("اء")
            and not self.tanween
        )
        self.designator = place_designator(prev, prev_surface)
        # اتفاقًا مؤقتًا: an adjective agreeing with the accusative noun before, not an adverb
        self.agreeing = _indefinite_accusative(prev, prev_surface) and any(
            r.pos == "A" for r in readings
        )
        self.inna = (
            strip_diacritics(prev_surface) == "إن"
            and bare.endswith("ا")
            and normalize(nxt).startswith("ل")
        )

    def fit(self, r: Reading) -> float:
        """A reading's score in its place (the terms added in a fixed order)."""
        main = r.main
        own_prep = own_conj = False
        for p in r.parts[:main]:
            if p.tag == "prep":
                own_prep = True
            elif p.tag == "conj":
                own_conj = True
        if r.pos == "V":
            s = self._verb(r, own_prep, own_conj)
        else:
            s = self._nominal(r, own_prep, own_conj)
        s = self._clitic(s, r, own_conj)
        if self.after and r.pos == "V" and r.person[:1] == "3" and r.person[1:2] in ("m", "f"):
            # تقدم الولايات المتحدة (she provides) against توجه الوزير (he went): a
            # clause-initial verb agrees in gender with the subject after it
            s += 0.3 if r.person[1] == self.after else -0.3
        if (
            self.dual_alif
            and r.pos in ("N", "A")
            and not r.definite
            and r.number != "d"
            and not strip_diacritics(r.parts[main].lemma).endswith(("ا", "ى"))
        ):
            s += -0.8
        if self.designator and main > 0:
            s -= 2.0  # إقليم بلخ is not إقليم ب + لخ
        if self.agreeing:
            if r.parts[main].upos == "ADV":
                s += -6.0
            elif r.pos == "A" and not r.definite and main == 0:
                s += 0.8
        if self.inna and r.pos == "N" and r.ntype == "vn" and r.number == "s" and not r.definite:
            s += _INNA_NOUN
        return s

    def _verb(self, r: Reading, own_prep: bool, own_conj: bool) -> float:
        """How well a verb reading fits its place: the particles and words before it, its
        person, tense and voice."""
        s = r.score
        prev_tag = self.prev_tag
        if self.tanween:
            s -= 4
        if own_prep and not (r.tense == "pres" and r.parts[r.main - 1].lemma.startswith("ل")):
            s -= 4
        if prev_tag in _NOMINAL_BEFORE:
            s -= 3
        # لم/لن/قد/سوف, a relative pronoun or a subordinator announce a verb (لا only a
        # present one)
        if prev_tag in _VERB_TRIGGERS:
            s += 3
        if self.prev_la and r.tense != "pres":
            s -= 2
        if prev_tag == "rel":
            s += 2
        if prev_tag == "sub":
            s += 0.8 if r.tense == "pres" else 0.3
        if self.clause_start or own_conj:
            s += 1.2
        if r.tense == "imp":
            s -= 2.5
        if r.person[:1] in ("1", "2"):
            s -= 1.0  # news narrates in the third person: وأصيب العشرات (were injured), not "I hit"
        if r.voice == "pass" and not self._looks_passive():
            s -= 0.4
        if self.prev_main_verb and not own_conj:
            s -= 1.0
        if self.past_verb_penalty and not own_conj and r.tense == "past":
            s -= 1.0
        if self.construct_before and not own_conj:
            s -= 1.0
        if r.tense == "past" and r.parts[r.main].upos == "AUX":
            s += 0.2
        return s

    def _nominal(self, r: Reading, own_prep: bool, own_conj: bool) -> float:
        """How well a nominal (or closed-class) reading fits: after a preposition, an
        article-like word, with tanween; a definite adjective after a definite noun."""
        s = r.score
        if r.pos in _NOMINAL_POS and (own_prep or self.prev_tag in _NOMINAL_BEFORE):
            s += 1.0
        if (
            r.pos == "A"
            and r.definite
            and self.prev_definite_nominal
            and not own_conj
            and not own_prep
        ):
            if self.prev_masculine_adjective and r.gender == "f" and r.number == "s":
                s -= 0.3  # it disagrees with the adjective before: a noun, the next phrase
            else:
                s += 0.8  # a definite noun cannot govern a genitive: what follows agrees with it
        if self.tanween:
            s += 1.5
        if self.genitive_only and r.pos == "A" and not own_prep and not own_conj:
            s -= 1.0
        if self.prev_tag in _VERB_TRIGGERS and r.pos != "F":
            s -= 1.5
        return s

    def _clitic(self, s: float, r: Reading, own_conj: bool) -> float:
        """Any reading: closed-class words as listed, a conjunction or a pronoun suffix
        where they fit, duals."""
        if r.pos == "F" and r.source == "fw":
            s += 0.5
        if own_conj:
            if self.prev_tag == "prep":
                s -= 2.0  # a preposition takes its noun, not "and": مع ولي العهد is not مع و + لي
            if self.prev_verb and r.pos in ("N", "A") and r.parts[r.main].upos != "PROPN":
                s -= 0.8  # "and" right after a verb joins nothing yet: استهدفت وكرا, not "and كرا"
        if r.number == "d":
            s -= 0.25  # duals are rare; -ين/-ان forms are mostly plurals or other words
        last = r.parts[-1]
        if last.tag == "pron" and last.feats.startswith("Number=Sing|Person=1"):
            s -= 0.8  # news rarely says "my": شعبي, رئيسي are adjectives, not شعب + ي
        return s

    def _looks_passive(self) -> bool:
        if self.passive_shape is None:
            self.passive_shape = _looks_passive(self.surface)
        return self.passive_shape


def _looks_passive(surface: str) -> bool:
    """Diacritised passive: damma on the first letter (قُتل، أُعلن، يُذكر).

    >>> _looks_passive("قُتل"), _looks_passive("قتل")
    (True, False)
    """
    letters = [c for c in surface if strip_diacritics(c)]
    if not letters:
        return False
    i = surface.index(letters[0])
    return i + 1 < len(surface) and surface[i + 1] == "\u064f"


def _in_construct(prev: Reading | None, prev_surface: str) -> bool:
    """Whether the word before is a noun that can be in the construct state: indefinite in
    form, with no tanween, no pronoun suffix and no accusative alif (تهمة, أمل, عملية)."""
    if prev is None or prev.pos != "N" or prev.definite or prev.main != len(prev.parts) - 1:
        return False
    bare = normalize(prev_surface)
    return not has_tanween(prev_surface) and not bare.endswith("ا")


#: What the noun of إنّ gains: more than a verb gains at the head of a clause (1.2) with a
#: subordinator before it, since إنّ takes no verb. قال إن تبادلا لإطلاق النار جرى: an
#: indefinite accusative verbal noun with its object after ل is one (تبادلًا), not a dual
#: verb (a verb takes its object bare: تبادلا إطلاق النار).
_INNA_NOUN = 1.6


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


def place_designator(prev: Reading | None, prev_surface: str) -> bool:
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
    (الوزير, الرئيس); unknown otherwise.

    >>> _subject_gender("الحكومة"), _subject_gender("الوزير"), _subject_gender("الأزمة")
    ('f', 'm', 'f')
    """
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
