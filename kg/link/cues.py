"""Readings of an ambiguous name and the context cues that choose between them.

A name can mean several things: عمان is Oman or Amman, الكويت the country or its
capital, القاعدة al-Qaeda or "the base". Each meaning is a :class:`Reading`; the words
around the mention (its :class:`Context`) score each reading through the cue table
``kg/data/ar/link_cues.tsv``; :func:`decide` keeps the best reading only when it leads
the second by at least ``MIN_MARGIN``. Both the offline gazetteer linker and the online
Wikidata linker decide this way, so one table serves both.

Scores are additive and small on purpose: the word just before the name weighs 3 (a
designator: سلطنة عمان, العاصمة عمان), the word just after 2 (القاعدة العسكرية), a
cue word elsewhere in the sentence 1 (at most 3), elsewhere in the document 0.5 (at
most 1), the mention's own class 0.5 (an NER's City or Country is weak evidence), plus
a prior from the table (a country beats its homonymous capital by 1).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

from ..text import normalize

#: Classes that are places; a mention typed with one fits a reading typed with another.
PLACE_CLASSES = frozenset({"Country", "City", "Region", "Place"})

#: A reading's margin over the next one must reach this, or the linker abstains.
MIN_MARGIN = 1.0

W_LEFT1, W_LEFT2, W_RIGHT1 = 3.0, 1.5, 2.0
W_NEAR, NEAR_CAP = 1.0, 3.0
W_DOC, DOC_CAP = 0.5, 1.0
W_CLASS = 0.5
#: A city after a verb of arrival or «في»/«إلى» whose own cues (its country, its region)
#: are in the sentence: وصل الوزير الأردني إلى عمان is Amman, not Oman.
W_ARRIVAL = 2.0
_ARRIVAL = frozenset(
    normalize(w)
    for w in "في إلى الى وصل وصلت يصل تصل عاد عادت يعود تعود توجه توجهت يتوجه قدم قدمت "
    "حل حلت ويصل وتصل مقره مقرها".split()
)
STRONG = 4.0
#: Every item reading starts with this; a common-word or "other" reading only with its
#: table prior, so an item wins unless cues (or the table) speak against it.
ENTITY_PRIOR = 1.0

_PROCLITICS = (
    "وبال",
    "فبال",
    "وكال",
    "وال",
    "فال",
    "بال",
    "كال",
    "ولل",
    "فلل",
    "لل",
    "وب",
    "ول",
    "وك",
    "فب",
    "فل",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)
_LATIN = re.compile(r"[a-z]")
_QID = re.compile(r"Q[1-9][0-9]*")
_WORD = re.compile(r"\w+(?:[-']\w+)*")


@lru_cache(maxsize=100_000)
def forms(word: str) -> frozenset[str]:
    """Ways a normalised word may be written in a cue: with and without proclitics and article.

    >>> sorted(forms(normalize("والأردنية")))
    ['اردنيه', 'الاردنيه', 'والاردنيه']
    >>> sorted(forms("بلاد"))
    ['بلاد', 'لاد']
    """
    out = {word}
    for pre in _PROCLITICS:
        if word.startswith(pre) and len(word) - len(pre) >= 2:
            rest = word[len(pre) :]
            if pre.endswith("ال") or pre.endswith("لل"):
                out.add("ال" + rest)
            out.add(rest)
    for w in list(out):
        if w.startswith("ال") and len(w) >= 5:
            out.add(w[2:])
    return frozenset(out)


def cue_forms(word: str) -> frozenset[str]:
    """The forms a cue word is matched by: itself, with and without the article (a cue is
    never read as carrying proclitics, so بلدية is not لدية "he has").

    >>> sorted(cue_forms("بلديه")), sorted(cue_forms("الاردنيه"))
    (['البلديه', 'بلديه'], ['اردنيه', 'الاردنيه'])
    """
    if word.startswith("ال") and len(word) >= 5:
        return frozenset({word, word[2:]})
    if _LATIN.search(word):
        return frozenset({word})
    return frozenset({word, "ال" + word})


def words(text: str) -> list[str]:
    """The normalised words of a text (punctuation dropped).

    >>> words("في العاصمة الأردنية، عمّان.")
    ['في', 'العاصمه', 'الاردنيه', 'عمان']
    """
    return _WORD.findall(normalize(text))


@dataclass(frozen=True, slots=True)
class Context:
    """The words around one mention: its sentence, split at the mention, and its document.

    ``left`` and ``right`` are normalised words, nearest first. ``doc`` holds the word
    forms of the whole document (for cues that help from further away).
    """

    left: tuple[str, ...] = ()
    right: tuple[str, ...] = ()
    doc: Mapping[str, frozenset[str]] = field(default_factory=dict)  # word form -> words
    #: The proclitics written onto the name (the ب of بحماس), normalised; "" when none.
    clitic: str = ""
    #: Words of the sentence that name another place's kind (the العاصمة of «الجزائر
    #: العاصمة»): they belong to that name, so they are no near cue for this one.
    taken: frozenset[str] = frozenset()

    @classmethod
    def of_text(
        cls,
        text: str,
        start: int,
        end: int,
        sentence: tuple[int, int] | None = None,
        doc: Mapping[str, frozenset[str]] | None = None,
    ) -> Context:
        """The context of ``text[start:end]`` within its sentence (default: all of ``text``).

        >>> c = Context.of_text("زار الوفد سلطنة عمان أمس", 16, 20)
        >>> c.left, c.right
        (('سلطنه', 'الوفد', 'زار'), ('امس',))
        """
        a, b = sentence if sentence is not None else (0, len(text))
        return cls(tuple(reversed(words(text[a:start]))), tuple(words(text[end:b])), doc or {})

    @classmethod
    def around(cls, surface: str, context: str) -> Context:
        """The context of the last occurrence of ``surface`` in a context string.

        >>> Context.around("عمان", "في العاصمة الأردنية عمان").left
        ('الاردنيه', 'العاصمه', 'في')
        """
        i = context.rfind(surface)
        if i < 0:  # not found: every word counts as the document, none is adjacent
            return cls((), (), form_index(words(context)))
        return cls.of_text(context, i, i + len(surface))

    @property
    def left_text(self) -> str:
        return " ".join(reversed(self.left))

    @property
    def right_text(self) -> str:
        return " ".join(self.right)

    def sentence_index(self) -> dict[str, frozenset[str]]:
        """Word forms of the sentence (without the mention) -> the words that have them.

        >>> sorted(Context(("العاصمه", "في"), (), taken=frozenset({"العاصمه"})).sentence_index())
        ['في']
        """
        if self.taken:
            return form_index(w for w in (*self.left, *self.right) if w not in self.taken)
        return form_index((*self.left, *self.right))


def form_index(ws: Iterable[str]) -> dict[str, frozenset[str]]:
    """Each form of each word -> the words having it (to count cue *words*, not forms).

    >>> sorted(form_index(["والعراق"])["العراق"])
    ['والعراق']
    """
    out: dict[str, set[str]] = {}
    for w in set(ws):
        for f in forms(w):
            out.setdefault(f, set()).add(w)
    return {f: frozenset(v) for f, v in out.items()}


def doc_index(ws: Iterable[str]) -> dict[str, frozenset[str]]:
    """:func:`form_index` of a document's words, kept to the forms a near cue of the table
    has: a cue looks only those up, so a reading without cues of its own (the gazetteer's)
    scores the same (the packaged table's cues), and a long document's thousands of other words cost one set test each.

    >>> sorted(doc_index(["والاردنيه", "الوفد"]))
    ['اردنيه', 'الاردنيه', 'والاردنيه']
    """
    near = near_forms()
    return form_index(w for w in set(ws) if not forms(w).isdisjoint(near))


@lru_cache(maxsize=1)
def near_forms() -> frozenset[str]:
    """Every word form a near cue of the packaged table holds (of an item, a surface or a
    class)."""
    t = table()
    rows = (*t.by_reading.values(), *t.by_class.values())
    return frozenset(f for cues in rows for c in cues for f in c.near)


def _hits(cues: frozenset[str], idx: Mapping[str, frozenset[str]]) -> set[str]:
    found: set[str] = set()
    if len(cues) < len(idx):
        for c in cues:
            found.update(idx.get(c, ()))
    else:
        for f, ws in idx.items():
            if f in cues:
                found.update(ws)
    return found


@dataclass(frozen=True, slots=True)
class Cues:
    """Words (their forms) and phrases that speak for one reading, by position."""

    left: frozenset[str] = frozenset()
    right: frozenset[str] = frozenset()
    near: frozenset[str] = frozenset()
    left_phrases: tuple[str, ...] = ()
    right_phrases: tuple[str, ...] = ()
    near_phrases: tuple[str, ...] = ()
    prior: float = 0.0
    weight: float = 1.0  # decisive cues ("left!" in the table) weigh STRONG times more

    def score(self, ctx: Context, sentence: Mapping[str, frozenset[str]] | None = None) -> float:
        """How much the context speaks for this reading.

        >>> c = Cues(left=frozenset({"سلطنه"}), near=frozenset({"مسقط"}))
        >>> c.score(Context.around("عمان", "وصل إلى مسقط عاصمة سلطنة عمان"))
        4.0

        A proclitic written onto the name counts as the word before it only for a row that
        lists it (ب: «بحماس» is "with enthusiasm"):

        >>> Cues(left=frozenset({"ب"})).score(Context(("القرار",), (), {}, "ب"))
        3.0
        """
        s = 0.0
        if ctx.clitic and ctx.clitic in self.left:  # a row that names the proclitic itself
            s += W_LEFT1
        elif ctx.left:
            if forms(ctx.left[0]) & self.left:
                s += W_LEFT1
            elif len(ctx.left) > 1 and forms(ctx.left[1]) & self.left:
                s += W_LEFT2
        if self.left_phrases and any(_ends_with(ctx.left_text, p) for p in self.left_phrases):
            s += W_LEFT1
        if ctx.right and forms(ctx.right[0]) & self.right:
            s += W_RIGHT1
        elif self.right_phrases and any(
            _starts_with(ctx.right_text, p) for p in self.right_phrases
        ):
            s += W_RIGHT1
        if self.near or self.near_phrases:
            hits = _hits(self.near, ctx.sentence_index() if sentence is None else sentence)
            n = float(len(hits))
            if self.near_phrases:
                text = f" {ctx.left_text} | {ctx.right_text} "
                n += sum(1 for p in self.near_phrases if f" {p} " in text)
            s += min(NEAR_CAP, W_NEAR * n)
            if ctx.doc:
                s += min(
                    DOC_CAP,
                    W_DOC * len(_hits(self.near, ctx.doc) - hits - set(ctx.left) - set(ctx.right)),
                )
        return self.prior + self.weight * s


def _ends_with(text: str, phrase: str) -> bool:
    return text == phrase or text.endswith(" " + phrase)


def _starts_with(text: str, phrase: str) -> bool:
    return text == phrase or text.startswith(phrase + " ")


@dataclass(frozen=True, slots=True)
class Reading:
    """One meaning of a name: a gazetteer or Wikidata item, a common word, or something else.

    ``qid`` is empty for readings that must not be linked (``word``, ``other``, and items
    whose QID was not confirmed).
    """

    key: str  # a QID, "local:<label>", "word" or "other"
    cls: str  # ontology class; "" for word and other
    qid: str = ""
    label_en: str = ""
    label_ar: str = ""
    prior: float = 0.0
    cues: tuple[Cues, ...] = field(default=())

    @property
    def is_entity(self) -> bool:
        return self.key not in ("word", "other")


@dataclass(frozen=True, slots=True)
class CueTable:
    """The cue table: cues per (surface, reading key) and per class, and extra readings."""

    by_reading: dict[tuple[str, str], tuple[Cues, ...]]
    by_class: dict[str, tuple[Cues, ...]]
    extra: dict[str, tuple[str, ...]]  # surface or QID -> "word"/"other" readings it has

    def own_cues(self, anchors: Sequence[str], reading: Reading) -> tuple[Cues, ...]:
        """The rows of a reading's surface or items only (not of its class)."""
        return tuple(c for a in anchors for c in self.by_reading.get((a, reading.key), ()))

    def cues_for(self, anchors: Sequence[str], reading: Reading) -> tuple[Cues, ...]:
        """The cues of a reading: rows of its surface or items (``anchors``), then of its class."""
        out = [c for a in anchors for c in self.by_reading.get((a, reading.key), ())]
        out.extend(self.by_class.get(reading.cls if reading.is_entity else reading.key, ()))
        return tuple(out)


def _parse_cues(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    single: set[str] = set()
    phrases: list[str] = []
    for raw in text.split("|"):
        n = normalize(raw)
        if not n:
            continue
        if " " in n:
            phrases.append(n)
        else:
            single.update(cue_forms(n))
    return frozenset(single), tuple(phrases)


@dataclass
class _Slot:
    """Cues of one table key while the table is read."""

    weight: float = 1.0
    prior: float = 0.0
    words: dict[str, frozenset[str]] = field(
        default_factory=lambda: {w: frozenset() for w in ("left", "right", "near")}
    )
    phrases: dict[str, list[str]] = field(
        default_factory=lambda: {w: [] for w in ("left", "right", "near")}
    )

    def cues(self) -> Cues:
        w, p = self.words, self.phrases
        return Cues(
            w["left"],
            w["right"],
            w["near"],
            tuple(p["left"]),
            tuple(p["right"]),
            tuple(p["near"]),
            self.prior,
            self.weight,
        )


@lru_cache(maxsize=4096)
def kind_words(text: str) -> frozenset[str]:
    """The words of a place's name that are near cues of a place class itself (the kind
    word of «الجزائر العاصمة», «بلدية صفاقس»), not a name.

    >>> sorted(kind_words("الجزائر العاصمة")), sorted(kind_words("مسقط"))
    (['العاصمه'], [])
    """
    near = _class_near()
    return frozenset(w for w in words(text) if forms(w) & near)


@lru_cache(maxsize=1)
def _class_near() -> frozenset[str]:
    t = table()
    return frozenset(w for c in PLACE_CLASSES for cue in t.by_class.get(c, ()) for w in cue.near)


@lru_cache(maxsize=1)
def table() -> CueTable:
    """The packaged cue table (``kg/data/ar/link_cues.tsv``), read once.

    >>> "word" in table().extra[normalize("القاعدة")]
    True
    """
    text = files("kg").joinpath("data/ar/link_cues.tsv").read_text(encoding="utf-8")
    parts: dict[tuple[str, str, bool], _Slot] = {}
    extra: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("surface\t"):
            continue
        surface, reading, where, cues = (line.split("\t") + ["", "", ""])[:4]
        strong = where.endswith("!")
        where = where.rstrip("!")
        if where not in ("left", "right", "near", "prior"):
            raise ValueError(f"link_cues.tsv: unknown position {where!r} in {line!r}")
        key = (
            surface if surface == "*" or _QID.fullmatch(surface) else normalize(surface),
            reading.strip(),
            strong,
        )
        slot = parts.setdefault(key, _Slot(weight=STRONG if strong else 1.0))
        if where == "prior":
            slot.prior += float(cues)
        else:
            single, phrases = _parse_cues(cues)
            slot.words[where] |= single
            slot.phrases[where].extend(phrases)
        if key[1] in ("word", "other") and key[0] != "*":
            bucket = extra.setdefault(key[0], [])
            if key[1] not in bucket:
                bucket.append(key[1])
    # Names that are also common words (the rules NER's list): a "word" reading, prior 1.
    for name in _ambiguous_names():
        if "word" not in extra.setdefault(name, []):
            extra[name].append("word")
        if not any(
            (name, "word", strong) in parts and parts[(name, "word", strong)].prior
            for strong in (False, True)
        ):
            parts.setdefault((name, "word", False), _Slot()).prior = 1.0
    by_reading: dict[tuple[str, str], tuple[Cues, ...]] = {}
    by_class: dict[str, tuple[Cues, ...]] = {}
    for (surface, reading, _), slot in parts.items():
        cues_obj = slot.cues()
        if surface == "*":
            by_class[reading] = (*by_class.get(reading, ()), cues_obj)
        else:
            by_reading[(surface, reading)] = (*by_reading.get((surface, reading), ()), cues_obj)
    return CueTable(by_reading, by_class, {k: tuple(v) for k, v in extra.items()})


def _ambiguous_names() -> list[str]:
    text = files("kg").joinpath("data/ar/ambiguous_names.tsv").read_text(encoding="utf-8")
    rows = [
        line.split("\t")[0]
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return [normalize(r) for r in rows[1:]]  # after the header


def compatible(mention_cls: str, reading_cls: str) -> bool:
    """Whether a mention of one class may refer to an item of another.

    Places fit places (an NER's City, Country and Place are often confused); a Group or
    Thing mention may be an organisation.

    >>> compatible("Place", "City"), compatible("Person", "City"), compatible("Group", "Organization")
    (True, False, True)
    """
    if mention_cls == reading_cls:
        return True
    if mention_cls in PLACE_CLASSES and reading_cls in PLACE_CLASSES:
        return True
    return mention_cls in ("Thing", "Group") and reading_cls == "Organization"


@dataclass(frozen=True, slots=True)
class Decision:
    """The chosen reading (None: abstain), its lead over the next reading, all scores."""

    reading: Reading | None
    margin: float
    scores: tuple[tuple[str, float], ...] = ()


def decide(
    surface: str,
    readings: Sequence[Reading],
    ctx: Context,
    mention_cls: str = "",
    min_margin: float = MIN_MARGIN,
    cue_table: CueTable | None = None,
) -> Decision:
    """Choose among the readings of ``surface`` (normalised) in a context.

    ``mention_cls`` is the mention's class when it is evidence (an NER's own label), ""
    when it is not (a class the gazetteer itself gave an ambiguous name).

    >>> oman = Reading("Q842", "Country", "Q842")
    >>> amman = Reading("Q3805", "City", "Q3805")
    >>> d = decide("عمان", [oman, amman], Context.around("عمان", "في العاصمة الأردنية عمان"))
    >>> d.reading.qid, d.margin
    ('Q3805', 8.0)
    >>> decide("عمان", [oman, amman], Context.around("عمان", "وصل الوفد إلى عمان")).reading is None
    True
    """
    t = cue_table or table()
    generic_other = t.by_class.get("other", ())
    if len(readings) == 1 and readings[0].is_entity and not readings[0].cues:
        # One meaning: linked unless the name is part of a longer name (نهر الأردن).
        only = readings[0]
        other = sum(c.score(ctx) for c in generic_other)
        if other > 0:
            return Decision(
                None, ENTITY_PRIOR - other, ((only.key, ENTITY_PRIOR), ("other", other))
            )
        return Decision(only, float("inf"), ((only.key, ENTITY_PRIOR),))
    sf = ctx.sentence_index()
    anchors = anchors_of(surface, readings)
    scored: list[tuple[float, Reading]] = []
    for r in readings:
        s = r.prior + (ENTITY_PRIOR if r.is_entity else 0.0)
        for c in (*r.cues, *t.cues_for(anchors, r)):
            s += c.score(ctx, sf)
        if r.cls == "City" and _arrives_at(ctx, t.own_cues(anchors, r), sf):
            s += W_ARRIVAL
        if mention_cls and r.is_entity and r.cls == mention_cls:
            s += W_CLASS
        scored.append((s, r))
    if not any(r.key == "other" for r in readings) and generic_other:
        scored.append((sum(c.score(ctx, sf) for c in generic_other), Reading("other", "")))
    scored.sort(key=lambda x: -x[0])
    best_score, best = scored[0]
    margin = best_score - scored[1][0] if len(scored) > 1 else float("inf")
    summary = tuple((r.key, round(s, 2)) for s, r in scored)
    if margin < min_margin or not best.is_entity:
        return Decision(None, margin, summary)
    return Decision(best, margin, summary)


def _arrives_at(ctx: Context, own: Sequence[Cues], sentence: Mapping[str, frozenset[str]]) -> bool:
    """Whether the name follows a verb of arrival or «في»/«إلى» and the reading's own
    near cues (not its class's) are in the sentence."""
    if not ctx.left or not own or not (forms(ctx.left[0]) & _ARRIVAL):
        return False
    return any(c.near and _hits(c.near, sentence) for c in own)


def anchors_of(surface: str, readings: Iterable[Reading]) -> tuple[str, ...]:
    """What cue rows may be keyed by: the surface and the QIDs of its readings."""
    return (surface, *(r.qid for r in readings if r.qid))


def with_extra_readings(
    surface: str, readings: Iterable[Reading], cue_table: CueTable | None = None
) -> list[Reading]:
    """The readings of a surface plus the common-word and "other" readings the table
    gives the surface or its items (al-Qaeda has an "other": its regional branches).

    >>> [r.key for r in with_extra_readings(normalize("القاعدة"), [Reading("Q34490", "Organization", "Q34490")])]
    ['Q34490', 'word', 'other']
    >>> [r.key for r in with_extra_readings(normalize("تنظيم القاعدة"), [Reading("Q34490", "Organization", "Q34490")])]
    ['Q34490', 'other']
    """
    t = cue_table or table()
    out = list(readings)
    extra = t.extra
    if surface not in extra:
        for r in out:
            if r.qid and r.qid in extra:
                break
        else:
            return out  # most names: no extra reading
    seen = {r.key for r in out}
    for anchor in anchors_of(surface, out):
        for key in t.extra.get(anchor, ()):
            if key not in seen:
                seen.add(key)
                out.append(Reading(key, ""))
    return out
