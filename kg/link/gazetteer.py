"""The offline gazetteer linker.

Looks a mention up in the packaged gazetteer (verified QIDs) after Arabic
normalisation: whole name first, then without proclitics (وبغداد, لواشنطن, بالعراق,
للعراق), then without a leading designator that does not change the referent (مدينة
الموصل, سلطنة عمان, تنظيم القاعدة). English names match too (Washington, al-Qaeda,
the United States).

A name with one meaning is linked when the mention's class fits the item's class. A
name with several (عمان: Oman or Amman; الكويت: the country or its capital; القاعدة:
al-Qaeda or "the base"; سيول: Seoul or "floods") is decided by the words around it
(:mod:`kg.link.cues`), and left unlinked when they do not settle it. Items without a
confirmed QID (Alhurra, Al Jazeera) are readings too: they win names from other items
but are never linked, so their entities keep a local IRI.

Scores: 1.0 for a whole-name match with one meaning, 0.95 after stripping proclitics or
for a derived English name, 0.9 after stripping a designator; a decided ambiguous name
gets that factor times ``0.7 + 0.05 * margin`` (at most 0.95). Links under
``threshold`` are dropped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, lru_cache
from importlib.resources import files
from typing import NamedTuple

from ..lexicon import gazetteer
from ..model import Extraction, Link, Mention, Sentence
from ..text import normalize
from . import gazindex
from .cues import (
    MIN_MARGIN,
    PLACE_CLASSES,
    Context,
    Reading,
    compatible,
    decide,
    doc_index,
    forms,
    kind_words,
    with_extra_readings,
    words,
)
from .titled import cued_link, cued_names, without_grandfathers
from .variants import article_free, skeleton

#: A name that only its title's office and country tell apart: surer than a name decided
#: by cue words (at most 0.95 times its factor), less than a name with one meaning.
TITLED_SCORE = 0.9
#: An office holder whose English label the name's spelling matches by rule
#: (:mod:`kg.link.holders`): less sure than a name the gazetteer spells.
HOLDER_SCORE = 0.85

#: Mention classes a linker may link (never statements, times or quantities).
LINKABLE = frozenset(
    {
        "Person",
        "Organization",
        "Group",
        "Country",
        "City",
        "Region",
        "Place",
        "Position",
        "Event",
        "Thing",
    }
)
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
#: Leading words that name the kind of thing without changing it: مدينة الموصل is الموصل.
#: (Not عاصمة, جيش, جامعة, مطار: the capital, army or airport *of* X is not X.)
_DESIGNATORS = {
    normalize(w): cls
    for ws, cls in (
        ("مدينة العاصمة بلدة", "City"),
        ("دولة جمهورية مملكة سلطنة إمارة", "Country"),
        ("تنظيم حركة جماعة منظمة قناة صحيفة جريدة موقع وكالة تلفزيون شبكة", "Organization"),
    )
    for w in ws.split()
}
_LATIN = re.compile(r"[a-z]")
#: The look-up key of a name, and the index (:mod:`kg.link.gazindex`), re-exported here.
match_key = gazindex.match_key
Index = gazindex.Index


@lru_cache(maxsize=1)
def _stored() -> (
    tuple[dict[str, tuple[Reading, ...]], frozenset[str], dict[str, tuple[Reading, ...]]] | None
):
    """The precomputed index (:mod:`kg.link.gazindex`), None when the file is missing,
    malformed or stale (then the index is built as before)."""
    try:
        text = files("kg").joinpath(gazindex.PATH).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    return gazindex.from_text(text)


@lru_cache(maxsize=1)
def index() -> Index:
    """The linker's index over the packaged gazetteer (read once per process from its
    precomputed file, or built when that file is stale).

    >>> [r.qid for r in index().readings[match_key("الكويت")]]
    ['Q817', 'Q35178']
    >>> [r.qid for r in index().readings[match_key("Washington")]]
    ['Q61']
    """
    stored = _stored()
    return (
        Index(stored[0], stored[1])
        if stored is not None
        else gazindex.build_index(gazetteer.load())
    )


class Candidates(NamedTuple):
    """How a surface matched: the key, its readings, the score factor, and the designator
    words stripped from its front (they become context: سلطنة in سلطنة عمان). A named
    tuple: one is made per surface form looked up, and a tuple is made fast."""

    key: str
    readings: tuple[Reading, ...]
    factor: float
    designators: tuple[str, ...] = ()


@lru_cache(maxsize=50_000)
def candidates(text: str) -> Candidates | None:
    """The readings of a surface form (None: not in the gazetteer).

    >>> c = candidates("وبغداد")
    >>> c.key, [r.qid for r in c.readings], c.factor
    ('بغداد', ['Q1530'], 0.95)
    >>> c = candidates("سلطنة عمان")
    >>> c.key, c.factor
    ('سلطنه عمان', 1.0)
    >>> candidates("مدينة جيبوتي").designators
    ('مدينه',)
    """
    idx = index().readings
    key = match_key(text)
    if not key:
        return None
    found = idx.get(key)
    if found:
        return Candidates(key, found, 0.95 if key in index().derived else 1.0)
    stripped = _without_proclitics(key)
    for variant in stripped:
        found = idx.get(variant)
        if found:
            return Candidates(variant, found, 0.95)
    spelt = _by_skeleton(key, stripped)
    if spelt is not None:
        return spelt
    head, _, rest = key.partition(" ")
    if rest and head in _DESIGNATORS:
        inner = candidates(rest)
        if inner is not None:
            want = _DESIGNATORS[head]
            fitting = tuple(r for r in inner.readings if compatible(want, r.cls))
            if fitting:
                return Candidates(
                    inner.key, fitting, min(inner.factor, 0.9), (*inner.designators, head)
                )
    return None


#: The score factor of a match through another spelling.
SPELT_FACTOR = 0.9


@lru_cache(maxsize=1)
def skeleton_index() -> dict[str, tuple[Reading, ...]]:
    """The people of the packaged gazetteer by the skeleton of each Arabic name (read with
    the index, or built on first use when its file is stale).

    >>> [r.label_en for r in skeleton_index()[skeleton("ريكس تيليرسون")]]
    ['Rex Tillerson']
    """
    stored = _stored()
    return stored[2] if stored is not None else build_skeleton_index(gazetteer.load())


#: The people of a gazetteer by the skeleton of each Arabic name (:mod:`kg.link.gazindex`).
build_skeleton_index = gazindex.build_skeleton_index


def person_key(name: str) -> str:
    """The name an unlinked person's IRI is made from: the gazetteer's Arabic label when a
    row of the gazetteer has that name in some spelling, else the name's skeleton (one
    key for all the spellings the rules know).

    >>> person_key("ريكس تيليرسون"), person_key("ستيفان دوغاريك") == person_key("ستيفان دوجارك")
    ('ريكس تيلرسون', True)

    A surname with or without the article is one key (:func:`~kg.link.variants.article_free`):

    >>> person_key("سامي الخطيب") == person_key("سامي خطيب")
    True
    """
    key = skeleton(match_key(name))
    found = skeleton_index().get(key) or _article_free_index().get(article_free(key))
    return found[0].label_ar if found and found[0].label_ar else article_free(key)


@cache
def _article_free_index() -> dict[str, tuple[Reading, ...]]:
    """The people of :func:`skeleton_index` by the :func:`~kg.link.variants.article_free`
    key of each name of two words or more (فيصل المقداد is also فيصل مقداد); a key two
    items share is left out."""
    out: dict[str, dict[str, Reading]] = defaultdict(dict)
    for key, readings in skeleton_index().items():
        if " " in key:
            for r in readings:
                out[article_free(key)][r.key] = r
    return {k: tuple(rs.values()) for k, rs in out.items() if len(rs) == 1}


def _by_skeleton(key: str, stripped: list[str]) -> Candidates | None:
    """A person's name in a spelling the gazetteer lacks (جوتيريس for غوتيريش), as written
    or without proclitics (``stripped``: :func:`_without_proclitics` of the key)."""
    if _LATIN.search(key):
        return None
    spelt = skeleton_index()
    for k in (key, *stripped):
        found = spelt.get(skeleton(k))
        if found:
            return Candidates(k, found, SPELT_FACTOR)
    bare = _article_free_index()
    for k in (key, *stripped):
        found = bare.get(article_free(skeleton(k))) if " " in k else None
        if found:
            return Candidates(k, found, SPELT_FACTOR)
    return None


def _without_proclitics(key: str) -> list[str]:
    """The key without each proclitic it may start with (one table row per first letter:
    most keys start with none of و ف ب ل ك and cost one look-up)."""
    pres = _PROCLITICS_BY_LETTER.get(key[:1])
    if pres is None:
        return []
    out = []
    for pre in pres:
        if key.startswith(pre) and len(key) - len(pre) >= 2:
            rest = key[len(pre) :]
            out.append(("ال" + rest) if pre.endswith(("ال", "لل")) else rest)
    if key.startswith("ل") and not key.startswith(("ال", "لل")) and len(key) >= 4:
        out.append(
            "ا" + key
        )  # لأمم المتحدة, cut from للأمم المتحدة: ل + الأمم with its alif dropped
    return out


_PROCLITICS_BY_LETTER = {
    c: tuple(p for p in _PROCLITICS if p[0] == c) for c in dict.fromkeys(p[0] for p in _PROCLITICS)
}


def link_score(factor: float, margin: float) -> float:
    """The score of a link: the match factor, lowered when the name was ambiguous.

    >>> link_score(1.0, float("inf")), link_score(1.0, 1.0), link_score(0.9, 4.0)
    (1.0, 0.75, 0.81)
    """
    if margin == float("inf"):
        return factor
    return round(factor * min(0.95, 0.7 + 0.05 * margin), 3)


class GazetteerLinker:
    """Links mentions to the gazetteer's items; see the module docstring."""

    name = "gazetteer"

    def __init__(self, threshold: float = 0.6, min_margin: float = MIN_MARGIN) -> None:
        self.threshold = threshold
        self.min_margin = min_margin
        self.index = index()
        _OTHER_LEFT()
        self._company = _COMPANY()

    def link_mention(
        self,
        m: Mention,
        context: str | Context = "",
        entity_cls: str | None = None,
        class_is_evidence: bool = True,
    ) -> Link | None:
        """Link one mention, given its context (a string holding the mention, or a Context).

        ``entity_cls`` is the class of the entity the mention belongs to (the QID goes
        to the entity, so both must fit); ``class_is_evidence`` says whether the
        mention's class came from somewhere other than the gazetteer itself.

        >>> m = Mention("m1", 0, 0, 4, "عمان", "Country", "e1")
        >>> GazetteerLinker().link_mention(m, "زار الوفد سلطنة عمان").qid
        'Q842'
        >>> GazetteerLinker().link_mention(m, "وصل الوفد إلى عمان") is None
        True
        """
        plan = _plan(m.text, m.label, entity_cls or m.label, m.kind)
        if plan is None:
            return None
        found, readings = plan
        ctx = context if isinstance(context, Context) else Context.around(m.text, context or m.text)
        return self._decide(m, found, readings, ctx, class_is_evidence)

    def _inside_longer_name(self, left: Sequence[str]) -> bool:
        """Whether one of the two words before a name makes it part of a longer one."""
        return any(_word_cue(w) & _LONGER for w in left[:2])

    def _in_company_name(self, left: Sequence[str], right: Sequence[str]) -> bool:
        """Whether the words around a name (nearest first) make it part of a company's, a
        body's or a person's name (شركة نفط الكويت, بنك أبوظبي الأول, قطر للطاقة, a town's
        name before بن): the cue table's "company" and "person" rows (a phrase there has
        two words), or a hyphenated first name just before it."""
        c = self._company
        if left and (
            _word_cue(left[0]) & _BODY_BEFORE
            or len(left) > 1
            and f"{left[1]} {left[0]}" in c.left_phrases
        ):
            return True
        return bool(right) and bool(
            _word_cue(right[0]) & _BODY_AFTER
            or len(right) > 1
            and f"{right[0]} {right[1]}" in c.right_phrases
        )

    def _decide(
        self,
        m: Mention,
        found: Candidates,
        readings: tuple[Reading, ...],
        ctx: Context,
        class_is_evidence: bool,
    ) -> Link | None:
        if found.designators:
            ctx = replace(ctx, left=(*found.designators, *ctx.left))
        elif self._in_company_name(ctx.left, ctx.right):
            return None
        if len(readings) == 1 and not self._inside_longer_name(ctx.left):
            r, margin = readings[0], float("inf")  # one meaning, not inside a longer name
        else:
            decision = decide(
                found.key, readings, ctx, m.label if class_is_evidence else "", self.min_margin
            )
            if decision.reading is None:
                return None
            r, margin = decision.reading, decision.margin
        if not r.qid:
            return None
        score = link_score(found.factor, margin)
        if score < self.threshold:
            return None
        return Link(m.id, r.qid, score, self.name, r.label_en, r.label_ar)

    def _titled(
        self,
        m: Mention,
        before: str,
        after: str,
        when: date | None,
        named: Callable[[], frozenset[str]],
    ) -> list[Link]:
        """A name kept out of the gazetteer, linked when the title before it names its
        holder's office (:mod:`kg.link.titled`), or matched by its skeleton to one office
        holder's English label (:mod:`kg.link.holders`)."""
        left = [w for raw in reversed(before.split()) for w in reversed(_word_of(raw))]
        right = [w for raw in after.split() for w in _word_of(raw)]
        if without_grandfathers(normalize(m.text)) in cued_names():
            found = cued_link(m.text, left, [*left, *right])
            if found is None:
                return []
            return [Link(m.id, found[0], TITLED_SCORE, self.name, found[1], m.text)]
        from .holders import holder_link  # read on the first name the gazetteer lacks

        held = holder_link(m.text, left, [*left, *right], when, named)
        if held is None:
            return []
        return [Link(m.id, held[0], HOLDER_SCORE, self.name, held[1], m.text)]

    def __call__(self, extraction: Extraction) -> tuple[Link, ...]:
        from ..dates import reference_date  # its import is not part of loading the linker

        doc = extraction.analysed.doc
        when = reference_date(doc)
        named = cache(lambda: _countries_named(doc.text))
        sentences = {s.index: s for s in extraction.analysed.sentences}
        entity_cls = {e.key: e.cls for e in extraction.entities}
        doc_forms: dict[str, frozenset[str]] | None = None
        tokens: dict[tuple[int, int], list[tuple[int, int, list[str]]]] = {}
        links: list[Link] = []
        ambiguous: set[str] = set()
        for m in extraction.mentions:
            if m.label not in LINKABLE or m.kind not in ("name", "nominal"):
                continue
            plan = _plan(m.text, m.label, entity_cls.get(m.entity, m.label), m.kind)
            s = sentences.get(m.sentence)
            a, b = (
                (s.start, s.end)
                if s is not None and s.start <= m.start and m.end <= s.end
                else (max(0, m.start - 200), min(len(doc.text), m.end + 200))
            )
            if plan is None:
                if m.label == "Person" == entity_cls.get(m.entity) and m.kind == "name":
                    around = doc.text[a : m.start], doc.text[m.end : b]
                    links.extend(self._titled(m, *around, when, named))
                continue
            found, readings = plan
            several = len(readings) > 1
            if several:
                if doc_forms is None:
                    doc_forms = doc_index(w for raw in set(doc.text.split()) for w in _word_of(raw))
                if (a, b) not in tokens:
                    tokens[(a, b)] = _tokens(doc.text, a, b)
                toks = tokens[(a, b)]
                left = tuple(
                    w for _, t1, ws in reversed(toks) if t1 <= m.start for w in reversed(ws)
                )
                right = tuple(w for t0, _, ws in toks if t0 >= m.end for w in ws)
                glued = next(
                    (doc.text[t0 : m.start] for t0, t1, _ in toks if t0 < m.start < t1), ""
                )
                taken = frozenset(
                    w
                    for o in extraction.mentions
                    if o.sentence == m.sentence
                    and o.label in PLACE_CLASSES
                    and (o.end <= m.start or o.start >= m.end)
                    for w in kind_words(o.text)
                )
                ctx = Context(left, right, doc_forms, normalize(glued), taken)
            else:  # one meaning: only the words just before and after matter (نهر الأردن)
                left, right = _neighbours(doc.text, m.start, m.end, a, b)
                r = readings[0]
                if left and left[0].endswith(_GOVERNOR) and _GOVERNOR in forms(left[0]):
                    if r.cls == "City":  # محافظ بغداد: the governorate
                        r = governorate(found.key) or r
                if r.qid and found.factor >= self.threshold and not self._blocked(left, right):
                    links.append(Link(m.id, r.qid, found.factor, self.name, r.label_en, r.label_ar))
                    continue
                ctx = Context(left, right)
            evidence = several and not (s is not None and _from_gazetteer(s, m))
            link = self._decide(m, found, readings, ctx, evidence)
            if link is not None:
                links.append(link)
                if several:
                    ambiguous.add(m.id)
        if not ambiguous:  # only decided links can disagree
            return tuple(links)
        return tuple(_consistent(links, ambiguous, {m.id: m.entity for m in extraction.mentions}))

    def _blocked(self, left: Sequence[str], right: Sequence[str]) -> bool:
        """``_inside_longer_name(left) or _in_company_name(left, right)``, each word's cue
        bits read once (the test every name with one meaning takes)."""
        if left:
            cue = _word_cue(left[0])
            if cue & (_LONGER | _BODY_BEFORE):
                return True
            if len(left) > 1 and (
                _word_cue(left[1]) & _LONGER or f"{left[1]} {left[0]}" in self._company.left_phrases
            ):
                return True
        return bool(right) and bool(
            _word_cue(right[0]) & _BODY_AFTER
            or len(right) > 1
            and f"{right[0]} {right[1]}" in self._company.right_phrases
        )


_RAW = re.compile(r"\S+")


def _countries_named(text: str) -> frozenset[str]:
    """The countries a document names (:func:`kg.link.holders.countries_named`)."""
    from .holders import countries_named

    return countries_named([w for raw in text.split() for w in _word_of(raw)])


def _tokens(text: str, a: int, b: int) -> list[tuple[int, int, list[str]]]:
    """The whitespace tokens of ``text[a:b]`` with their offsets and normalised words."""
    return [(t.start(), t.end(), _word_of(t.group())) for t in _RAW.finditer(text, a, b)]


#: A governor's title (normalised): the place after it is the governorate he governs.
_GOVERNOR = "محافظ"


@lru_cache(maxsize=1_000)
def governorate(key: str) -> Reading | None:
    """The governorate of a city's name, when the gazetteer holds «محافظة» + the name as
    a region: «محافظ بغداد» governs Baghdad Governorate, not the city of Baghdad.

    >>> governorate("بغداد").qid, governorate("الدوحة") is None
    ('Q191075', True)
    """
    found = candidates("محافظة " + key)
    if found is None:
        return None
    regions = [r for r in found.readings if r.cls == "Region" and r.qid]
    return regions[0] if len(regions) == 1 else None


#: Normalised words next to a name, nearest first.
Words = tuple[str, ...]


def _neighbours(text: str, start: int, end: int, a: int, b: int) -> tuple[Words, Words]:
    """The two words before ``text[start:end]`` (nearest first, from at most 30 characters
    back) and the two after it (from at most 40), normalised, within ``text[a:b]``; each
    word's normalisation is cached.

    >>> _neighbours("زار الوفد نهر الأردن أمس", 14, 20, 0, 24)
    (('نهر', 'الوفد'), ('امس',))
    """
    raws = text[max(a, start - 30) : start].rsplit(None, 3)[-3:]
    raws.reverse()
    left: list[str] = []
    for raw in raws:  # nearest first, until two words
        found = _word_of(raw)
        if len(found) == 1:
            left.append(found[0])
        else:
            left.extend(reversed(found))
        if len(left) >= 2:
            break
    right: list[str] = []
    for raw in text[end : min(b, end + 40)].split(None, 2)[:2]:
        right.extend(_word_of(raw))
    return tuple(left[:2]), tuple(right[:2])


@lru_cache(maxsize=100_000)
def _word_of(raw: str) -> list[str]:
    return words(raw)


@lru_cache(maxsize=100_000)
def _plan(
    text: str, label: str, cls: str, kind: str
) -> tuple[Candidates, tuple[Reading, ...]] | None:
    """The readings a mention may take: those whose class fits both the mention and its
    entity, plus the table's common-word and "other" readings (None: nothing to link)."""
    if label not in LINKABLE or cls not in LINKABLE or kind not in ("name", "nominal"):
        return None
    found = candidates(text)
    if found is None and kind == "nominal" and cls == label == "Country":
        # الرئيس التونسي: a nationality adjective standing for its country
        country = gazetteer.country_of_nisba(text)
        if country is not None:
            found = candidates(country.label_ar)
            if found is not None:
                found = found._replace(
                    readings=tuple(r for r in found.readings if r.qid == country.qid),
                    factor=0.9,
                )
    if found is None:
        return None
    readings = [r for r in found.readings if compatible(label, r.cls) and compatible(cls, r.cls)]
    if kind == "nominal":  # a title or description: only an item of exactly its class
        readings = [r for r in readings if r.cls == cls == label]
    if not readings:
        return None
    return found, tuple(with_extra_readings(found.key, readings))


@lru_cache(maxsize=1)
def _OTHER_LEFT() -> frozenset[str]:  # noqa: N802 - a constant read once from the cue table
    """Words that make a following name part of a longer one (نهر الأردن, شارع بغداد)."""
    from .cues import table

    return frozenset(w for c in table().by_class.get("other", ()) for w in c.left)


@lru_cache(maxsize=10_000)
def _first_name(word: str) -> bool:
    """Whether a normalised word is a hyphenated first name (جان-نويل, جان-مارك). A plain
    first name is no evidence: many are also common words (علي is على normalised, امير
    "prince", جورجيا)."""
    if "-" not in word:
        return False
    from ..lexicon.words import first_names

    return any(p in first_names() for p in word.split("-"))


#: Bits of :func:`_word_cue`: what a word next to a name says about the name.
_LONGER, _BODY_BEFORE, _BODY_AFTER = 1, 2, 4


@lru_cache(maxsize=100_000)
def _word_cue(word: str) -> int:
    """What a normalised word says about a name next to it, as bits: before a name, it
    makes the name part of a longer one (``_LONGER``: نهر, شارع) or of a company's,
    body's or person's name (``_BODY_BEFORE``: شركة, بنك, a hyphenated first name);
    after a name, of a company's or body's name (``_BODY_AFTER``: للطاقة). One cached
    look-up per word instead of set operations per mention.

    >>> _word_cue("نهر") & _LONGER, _word_cue("الوفد")
    (1, 0)
    """
    f = forms(word)
    c = _COMPANY()
    return (
        (_LONGER if not f.isdisjoint(_OTHER_LEFT()) else 0)
        | (_BODY_BEFORE if not f.isdisjoint(c.left) or _first_name(word) else 0)
        | (_BODY_AFTER if not f.isdisjoint(c.right) else 0)
    )


@dataclass(frozen=True, slots=True)
class _CompanyCues:
    """The cue table's "company" rows, merged: words and phrases before and after a name."""

    left: frozenset[str]
    right: frozenset[str]
    left_phrases: frozenset[str]  # of two words
    right_phrases: frozenset[str]


@lru_cache(maxsize=1)
def _COMPANY() -> _CompanyCues:  # noqa: N802 - a constant read once from the cue table
    """Cues that make a name part of a company's or a body's name."""
    from .cues import table

    rows = (*table().by_class.get("company", ()), *table().by_class.get("person", ()))
    lp = frozenset(p for c in rows for p in c.left_phrases)
    rp = frozenset(p for c in rows for p in c.right_phrases)
    longer = sorted(p for p in lp | rp if p.count(" ") != 1)
    if longer:
        raise ValueError(f"link_cues.tsv: a company phrase has two words, not {longer[0]!r}")
    return _CompanyCues(
        frozenset(w for c in rows for w in c.left),
        frozenset(w for c in rows for w in c.right),
        lp,
        rp,
    )


def _from_gazetteer(s: Sentence, m: Mention) -> bool:
    """Whether the rules NER typed this mention from the gazetteer (its class then says
    nothing about which gazetteer reading is meant)."""
    if not s.tokens:
        return False
    for span in s.entities:
        if span.source != "gazetteer" or span.last > len(s.tokens):
            continue
        a, b = s.token(span.first).start, s.token(span.last).end
        if a < m.end and m.start < b:
            return True
    return False


def _consistent(
    links: Iterable[Link], ambiguous: set[str], entity_of: dict[str, str]
) -> list[Link]:
    """Drop the decided links of an entity whose mentions were decided for different QIDs
    (one of them is wrong, and a wrong link is worse than none)."""
    links = list(links)
    decided = {entity_of.get(m, m) for m in ambiguous}  # only their QIDs matter
    qids: dict[str, set[str]] = defaultdict(set)
    for lk in links:
        entity = entity_of.get(lk.mention, lk.mention)
        if entity in decided:
            qids[entity].add(lk.qid)
    split = {e for e, found in qids.items() if len(found) > 1}
    if not split:
        return links
    return [
        lk
        for lk in links
        if not (lk.mention in ambiguous and entity_of.get(lk.mention, lk.mention) in split)
    ]


class NoLinker:
    """Links nothing (``--linker none``)."""

    name = "none"

    def __call__(self, extraction: Extraction) -> tuple[Link, ...]:
        return ()


__all__ = [
    "LINKABLE",
    "PLACE_CLASSES",
    "Candidates",
    "GazetteerLinker",
    "NoLinker",
    "candidates",
    "index",
    "link_score",
    "match_key",
    "person_key",
]
