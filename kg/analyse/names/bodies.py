"""Organisations: a designator and its genitive (وزارة الخارجية), bodies of a
state or a body, seats and branches, papers named after cities.

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.model import Document
    >>> def tokens(text):
    ...     return RulesAnalyser().analyse(Document("d", text, lang="ar")).sentences[0].tokens
    >>> toks = tokens("أعلنت حركة الشباب الصومالية مسؤوليتها.")
    >>> [(s.first, s.last, s.label) for s in _designated_organisations(toks, [])]
    [(2, 4, 'Organization')]
"""

from __future__ import annotations

from collections.abc import Sequence

from ...lexicon.words import (
    designators,
    designators_in_name,
)
from ...model import (
    EntitySpan,
    Token,
)
from ...text import normalize
from .common import (
    _is_unknown_strict,
    _nisba,
    _title_or_people,
)

#: Designators of the press: a paper or channel is often named after a city.
_MEDIA = {normalize(w) for w in "صحيفة جريدة مجلة قناة وكالة شبكة موقع إذاعة".split()}


#: Designators of a state's institutions, whose genitive is the state: رئاسة الجمهورية
#: التونسية is the presidency, not Tunisia.
_STATE_BODIES = {normalize(w) for w in "رئاسة حكومة برلمان".split()}


def _definite_designated(tokens: Sequence[Token], i: int, covered: set[int]) -> int:
    """The end of a named body that starts with a definite designator: its adjectives, then
    a ل genitive (الهيئة العليا للانتخابات, اللجنة الدولية للصليب الأحمر) or a second
    adjective (المحكمة الجنائية الدولية). ``i + 1`` when it names nothing."""
    n = len(tokens)

    def gender(t: Token) -> str:
        return next((f for f in t.feats.split("|") if f.startswith("Gender=")), "")

    def adjective(k: int, agree: Token | None = None) -> bool:
        t = tokens[k]
        if agree is not None and gender(t) and gender(agree) and gender(t) != gender(agree):
            return False  # الحكومة العراقية | المقترح: the object, not a third word of the name
        return (
            k < n
            and k not in covered
            and t.upos == "ADJ"
            and normalize(t.form).startswith("ال")
            and tokens[k - 1].end < t.start
            and not _backed_by(tokens, k)  # القوات العراقية المكونة من ...: no word of it
        )

    j = i + 1
    while j < n and adjective(j, tokens[i]):
        j += 1
    adjectives = j - i - 1
    if adjectives == 0:
        return i + 1
    if (
        adjectives == 1
        and _relational(normalize(tokens[i + 1].form))
        and ("Number=Plur" not in tokens[i].feats or _national(tokens[i + 1]))
    ):
        # one relative adjective names a body: المصرف المركزي; a plural only with a
        # country's adjective, a national force (القوات الإيرانية; not القوات المهاجمة)
        adjectives = 2
    if (
        j + 1 < n
        and tokens[j].upos == "ADP"
        and normalize(tokens[j].form) == "ل"
        and tokens[j].end == tokens[j + 1].start
    ):
        k = j + 1
        if k not in covered and tokens[k].upos in ("NOUN", "PROPN"):
            k += 1
            if (
                k < n
                and k not in covered
                and not normalize(tokens[k - 1].form).startswith("ال")
                and not _elided_article(tokens, k - 1)  # للشغل is definite: no genitive
                and tokens[k].upos == "NOUN"
                and normalize(tokens[k].form).startswith("ال")
            ):
                k += 1  # its own genitive: المرصد السوري لحقوق الإنسان
            while k < n and adjective(k):
                k += 1
            if designators().get("ا" + normalize(tokens[j + 1].form)) == "Organization":
                k = _purpose_genitive(tokens, k, covered, 1)  # للمديرية العامة للدفاع المدني
            return k
    return j if adjectives >= 2 else i + 1


def _national(t: Token) -> bool:
    """A relative adjective of a country (الإيرانية, الروسي)."""
    from ...lexicon.gazetteer import country_of_nisba

    return country_of_nisba(t.form) is not None


def _relational(form: str) -> bool:
    """A relative (nisba) adjective by its shape: ال, a stem of three letters or more, ي or ية."""
    stem = form[2:] if form.startswith("ال") else form
    return len(stem) >= 4 and stem.endswith(("ي", "ية", "يه"))  # (ة is ه once normalised)


def _bodies_of_organisations(tokens: Sequence[Token], spans: list[EntitySpan]) -> list[EntitySpan]:
    """A body of a known organisation named by its kind, the organisation and its purpose:
    بعثة الأمم المتحدة للدعم في ليبيا, مفوضية الأمم المتحدة لشؤون اللاجئين. Without the ل
    genitive of purpose (قناة الجزيرة, حركة حماس) the designator only names the kind."""
    n = len(tokens)
    by_first = {s.first: s for s in spans}
    out: list[EntitySpan] = []
    skip: set[int] = set()
    for s in spans:
        if s.first in skip:
            continue
        i = s.first - 2
        if (
            i >= 0
            and (s.label == "Organization" or _agency_of_a_place(tokens, i, s))
            and tokens[i].upos == "NOUN"
            and designators().get(normalize(tokens[i].form)) == "Organization"
            and not any(x.first <= i + 1 <= x.last for x in spans)
            and (j := _name_end(tokens, s)) + 1 < n
            and tokens[j].upos == "ADP"
            and normalize(tokens[j].form) == "ل"
            and tokens[j].end == tokens[j + 1].start
            and tokens[j + 1].upos == "NOUN"
        ):
            k = j + 2
            while k < n and tokens[k].upos == "ADJ" and normalize(tokens[k].form).startswith("ال"):
                k += 1
            if k < n - 1 and normalize(tokens[k].form) == "في":
                place = by_first.get(k + 2)
                if place is not None and place.label in ("Country", "Region", "City"):
                    skip.add(place.first)
                    k = place.last
            out.append(EntitySpan(i + 1, k, "Organization", "designator"))
            continue
        out.append(s)
    return out


def _agency_of_a_place(tokens: Sequence[Token], i: int, s: EntitySpan) -> bool:
    """A press designator before a place (وكالة السودان للأنباء, وكالة المغرب العربي
    للأنباء): with a ل genitive of purpose after it, the place names the agency."""
    return s.label in ("Country", "City", "Region") and normalize(tokens[i].form) in _MEDIA


def _name_end(tokens: Sequence[Token], s: EntitySpan) -> int:
    """The index after a span's name: an organisation's own end, a place's after its
    definite adjectives (المغرب العربي)."""
    j = s.last
    while (
        s.label != "Organization"
        and j < len(tokens)
        and tokens[j].upos == "ADJ"
        and normalize(tokens[j].form).startswith("ال")
    ):
        j += 1
    return j


#: Bodies named with the place they serve in: بعثة الأمم المتحدة في ليبيا, الإدارة العسكرية
#: في كييف, سفارة الولايات المتحدة في بغداد.
_LOCAL_BODIES = {normalize(w) for w in "بعثة مكتب سفارة قنصلية إدارة ممثلية".split()}


#: A body's seat is a place named by the body: مقر رئاسة الجمهورية, مقر قيادة قوات حفتر.
_SEATS = {normalize(w) for w in "مقر".split()}


def _seats_and_branches(tokens: Sequence[Token], spans: list[EntitySpan]) -> list[EntitySpan]:
    """Two names made of a body's name:

    - a local body and the place it serves in (بعثة الأمم المتحدة في ليبيا, الإدارة
      العسكرية في كييف): one organisation;
    - the seat of a body (مقر رئاسة الجمهورية, مقر قيادة قوات حفتر): a place, the body's
      name in it."""
    n = len(tokens)
    by_first = {s.first - 1: s for s in spans}
    drop: set[int] = set()
    out: list[EntitySpan] = []
    for s in spans:
        if s.first in drop:
            continue
        a, b = s.first - 1, s.last - 1  # 0-based, inclusive
        head = normalize(tokens[a].form)
        before = normalize(tokens[a - 1].form) if a > 0 else ""
        local = head in _LOCAL_BODIES or head[2:] in _LOCAL_BODIES
        if (
            s.label == "Organization"
            and a > 0
            and before in _LOCAL_BODIES
            and tokens[a - 1].upos == "NOUN"
            and tokens[a - 1].end < tokens[a].start
            and (a - 1) not in {k for x in spans for k in range(x.first - 1, x.last)}
        ):
            a, local = a - 1, True  # بعثة + الأمم المتحدة
        place = by_first.get(b + 2)
        if (
            local
            and s.label == "Organization"
            and b + 2 < n
            and normalize(tokens[b + 1].form) == "في"
            and place is not None
            and place.label in ("Country", "City", "Region")
        ):
            drop.add(place.first)
            out.append(EntitySpan(a + 1, place.last, "Organization", "designator"))
            continue
        if a != s.first - 1:
            out.append(s)
            continue
        out.append(s)
    spans = [s for s in out if s.first not in drop]
    # the seat of a body: مقر + (a construct noun +) the body's name
    by_first = {s.first - 1: s for s in spans}
    covered = {k for s in spans for k in range(s.first - 1, s.last)}
    seats: list[EntitySpan] = []
    gone: set[int] = set()
    for i, t in enumerate(tokens[:-1]):
        if normalize(t.form) not in _SEATS or i in covered or t.upos != "NOUN":
            continue
        if tokens[i + 1].start == t.end:
            continue  # مقره: its own suffix
        k = i + 1
        while (
            k not in by_first
            and k < i + 3
            and k + 1 < n
            and tokens[k].upos == "NOUN"
            and not normalize(tokens[k].form).startswith("ال")
            and k not in covered
            and tokens[k].end < tokens[k + 1].start
        ):
            k += 1  # مقر قيادة قوات + حفتر: nouns in construct before the body's name
        body = by_first.get(k)
        if body is not None and body.label in ("Organization", "Group"):
            gone.add(body.first)
            seats.append(EntitySpan(i + 1, body.last, "Place", "designator"))
            continue
        g = normalize(tokens[i + 1].form)
        suffix = (
            i + 2 < n and tokens[i + 2].upos == "PRON" and tokens[i + 1].end == tokens[i + 2].start
        )
        if suffix and g.endswith("ت"):
            g = g[:-1] + "ه"  # بعثته: ة written ت before the suffix
        kind = designators().get(g[2:] if g.startswith("ال") else g)
        if (
            kind == "Organization"
            and i + 1 not in covered
            and tokens[i + 1].upos in ("NOUN", "ADJ")
            and (g.startswith("ال") or suffix)
        ):
            # مقر الحزب, مقر بعثته: the seat of a body named by its kind
            seats.append(EntitySpan(i + 1, i + 3 if suffix else i + 2, "Place", "designator"))
    return sorted([s for s in spans if s.first not in gone] + seats, key=lambda s: s.first)


def _papers_named_after_cities(
    tokens: Sequence[Token], spans: list[EntitySpan]
) -> list[EntitySpan]:
    """A paper or channel named after its city (صحيفة نيويورك تايمز, صحيفة واشنطن بوست):
    a press designator, a gazetteer place and a name the lexicon lacks."""
    n = len(tokens)
    by_first = {s.first - 1: s for s in spans}
    drop: set[int] = set()
    out: list[EntitySpan] = []
    for i, t in enumerate(tokens[:-2]):
        inner = by_first.get(i + 1)
        if (
            inner is None
            or normalize(t.form) not in _MEDIA
            or inner.label not in ("City", "Country", "Region")
            or inner.last >= n
            or inner.last in by_first
            or tokens[inner.last - 1].end == tokens[inner.last].start
        ):
            continue
        end = inner.last
        while end < n and end not in by_first and _foreign_word(tokens[end]):
            end += 1
        if end > inner.last:
            drop.add(inner.first)
            out.append(EntitySpan(i + 2, end, "Organization", "designator"))
    return sorted([s for s in spans if s.first not in drop] + out, key=lambda s: s.first)


def _foreign_word(t: Token) -> bool:
    """A word no lexicon knows, or a proper noun, no article: a part of a foreign name."""
    return (_is_unknown_strict(t) or t.upos == "PROPN") and not t.form.startswith("ال")


#: Nouns for people that name a body as its genitive (حركة الشعب, مجلس نواب الشعب): the
#: people a party or a parliament is of, not a person after a title.
_NAMING_PEOPLE = frozenset({normalize("الشعب")})


#: Designators that are also common nouns of place: an organisation only with a name after.
_SITE_OR_WEBSITE = frozenset({normalize("موقع")})


def _name_like(t: Token) -> bool:
    """A word that can name a website after موقع: a proper noun, a word the lexicon does not
    know or only guesses at, a foreign word.

    >>> from kg.model import Token
    >>> _name_like(Token(1, "الانفجار", "انفجار", "NOUN", 0, "dep", 0, 8))
    False
    >>> _name_like(Token(1, "أكسيوس", "أكسيوس", "PROPN", 0, "dep", 0, 6))
    True
    """
    return (
        t.upos in ("PROPN", "X")
        or "Unknown=Yes" in t.misc
        or "Guess=Yes" in t.misc
        or "Foreign=Yes" in t.feats
    )


def _designated_organisations(tokens: Sequence[Token], known: list[EntitySpan]) -> list[EntitySpan]:
    """An organisation named by its kind and a genitive: مجلس النواب, وزارة الدفاع الأميركية,
    حزب العمال (a designator without article, then definite nouns and adjectives).

    The genitive may be coordinated (وزارة التجارة والصناعة, حزب العدالة والتنمية), and a
    name with an adjective may go on with a ل genitive (حزب التجمع الوطني للأحرار). A
    country-shaped relative adjective agreeing with the designator (وزارة الاستثمار
    السعودية) is its adjective, not the country. Returns all spans, ``known`` included."""
    covered = {k for s in known for k in range(s.first - 1, s.last)}
    by_first = {s.first - 1: s for s in known}
    drop: set[int] = set()
    out: list[EntitySpan] = []
    n = len(tokens)
    i = 0
    while i < n:
        t = tokens[i]
        f = normalize(t.form)
        if i in covered or t.upos != "NOUN":
            i += 1
            continue
        if _elided_article(tokens, i):
            f = "ا" + f  # للحكومة اللبنانية: ل + الحكومة, the article's alif dropped
        if f.startswith("ال") and designators().get(f[2:]) == "Organization":
            j = _definite_designated(tokens, i, covered)
            if j > i + 1:
                out.append(EntitySpan(i + 1, j, "Organization", "designator"))
                covered.update(range(i, j))
                i = j
                continue
        if designators().get(f) != "Organization" or f.startswith("ال") or _governed(tokens, i):
            i += 1
            continue
        inner = by_first.get(i + 1)
        named_state = _named_after_state(tokens, i, inner, covered)
        if inner is not None and named_state > inner.last:
            # مجلس سوريا الديمقراطية: the adjective is the country's, inside the body's name
            drop.add(inner.first)
            out.append(EntitySpan(i + 1, named_state, "Organization", "designator"))
            covered.update(range(i, named_state))
            i = named_state
            continue
        if (
            inner is not None
            and (
                designators_in_name().get(f)
                or (f in _STATE_BODIES and inner.label in ("Country", "Region"))
            )
            and tokens[i].end < tokens[i + 1].start
        ):
            # كتائب حزب الله, سرايا القدس: an armed group named after a body or a place is
            # a body of its own; رئاسة الجمهورية التونسية: the state's body, not the state
            drop.add(inner.first)
            out.append(EntitySpan(i + 1, inner.last, "Organization", "designator"))
            covered.update(range(i, inner.last))
            i = inner.last
            continue

        if f in _SITE_OR_WEBSITE and i + 1 < n and not _name_like(tokens[i + 1]):
            # موقع الانفجار, موقع الجيش: a site (of a blast, an army's position) or a body's
            # website (then the body itself acts: TRANSPARENT), never an organisation named
            # by a common word; a website's own name is a name (موقع أكسيوس)
            i += 1
            continue

        def fits(k: int, upos: tuple[str, ...]) -> bool:
            return (
                k < n
                and k not in covered
                and tokens[k].upos in upos
                and normalize(tokens[k].form).startswith("ال")
                and tokens[k - 1].end < tokens[k].start
            )

        j = i + 1
        if (
            j + 1 < n
            and j not in covered
            and tokens[j].upos == "NOUN"
            and not normalize(tokens[j].form).startswith("ال")
            and tokens[j - 1].end < tokens[j].start
            and fits(j + 1, ("NOUN", "PROPN"))
        ):
            j += 1  # a construct of its own before the definite genitive: حزب جبهة العمل الإسلامي
        # one genitive (الخارجية, الداخلية: read as adjectives, they are nouns here), then
        # its adjectives
        if fits(j, ("NOUN", "PROPN", "ADJ")) and (
            not _title_or_people(tokens[j]) or normalize(tokens[j].form) in _NAMING_PEOPLE
        ):
            j += 1
            adjectives = 0
            while True:
                # its adjectives; a country-shaped relative adjective too (وكالة الأنباء السعودية)
                if (
                    (fits(j, ("ADJ",)) and not _backed_by(tokens, j))
                    or (fits(j, ("PROPN",)) and _nisba(normalize(tokens[j].form)))
                    or (  # جهاز الأمن والمخابرات السوداني: a country's adjective read as a noun
                        fits(j, ("NOUN",))
                        and _national(tokens[j])
                        and _agrees(tokens[i], tokens[j])
                    )
                ):
                    j += 1
                    adjectives += 1
                    continue
                country = by_first.get(j)
                if (
                    country is not None
                    and country.first == country.last
                    and country.label == "Country"
                    and _nisba(normalize(tokens[j].form))
                    and _agrees(tokens[i], tokens[j])
                    and tokens[j - 1].end < tokens[j].start
                ):
                    drop.add(country.first)  # وزارة الاستثمار السعودية: Saudi, not Saudi Arabia
                    j += 1
                    adjectives += 1
                    continue
                if (
                    j + 1 < n
                    and tokens[j].upos == "CCONJ"
                    and normalize(tokens[j].form) == "و"
                    and tokens[j].end == tokens[j + 1].start
                    and j + 1 not in covered
                    and tokens[j + 1].upos == "NOUN"
                    and normalize(tokens[j + 1].form).startswith("ال")
                    and not _title_or_people(tokens[j + 1])
                    and designators().get(normalize(tokens[j + 1].form)) is None
                ):
                    j += 2  # وزارة التجارة والصناعة: coordinated genitives
                    continue
                break
            if adjectives:
                j = _purpose_genitive(tokens, j, covered)
        if j > i + 1:
            out.append(EntitySpan(i + 1, j, "Organization", "designator"))
            covered.update(range(i, j))
            i = j
            continue
        i += 1
    kept = [s for s in known if s.first not in drop]
    return sorted(kept + out, key=lambda s: s.first)


def _elided_article(tokens: Sequence[Token], i: int) -> bool:
    """Whether tokens[i] is a definite word after ل, written لل (للحكومة: ل + لحكومة)."""
    f = normalize(tokens[i].form)
    return (
        i > 0
        and f.startswith("ل")
        and not f.startswith("ال")
        and normalize(tokens[i - 1].form) == "ل"
        and tokens[i - 1].end == tokens[i].start
    )


def _governed(tokens: Sequence[Token], i: int) -> bool:
    """برئاسة الوزير (headed by): a designator that is a verbal noun after an attached ب;
    مجلس إدارة الشركة (the board of directors): the body is the company after it.

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.read import from_strings
    >>> text = "قال رئيس مجلس إدارة شركة الخطوط التونسية إن الرحلات مستمرة."
    >>> s = RulesAnalyser().analyse(next(from_strings([text]))).sentences[0]
    >>> [" ".join(t.form for t in s.tokens[e.first - 1 : e.last]) for e in s.entities]
    ['شركة الخطوط التونسية']
    """
    f = normalize(tokens[i].form)
    if i > 0 and f == normalize("إدارة") and normalize(tokens[i - 1].form) == normalize("مجلس"):
        return True
    return (
        i > 0
        and f == normalize("رئاسة")
        and tokens[i - 1].upos == "ADP"
        and tokens[i - 1].end == tokens[i].start
    )


def _named_after_state(
    tokens: Sequence[Token], i: int, inner: EntitySpan | None, covered: set[int]
) -> int:
    """The end of a body named by a masculine designator, a country and the country's
    adjective (حزب مصر القوية, مجلس تونس الحرة): a definite feminine adjective after a
    one-word country cannot describe a masculine designator, so it describes the country,
    and the three words are one name (a nationality's adjective is left out: it may be
    read wrong). ``i + 1`` when tokens[i] starts none.

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.model import Document
    >>> doc = Document("d", "ودعا حزب مصر القوية إلى الحوار.", lang="ar")
    >>> toks = RulesAnalyser().analyse(doc).sentences[0].tokens
    >>> _named_after_state(toks, 2, EntitySpan(4, 4, "Country", "gazetteer"), set())
    5
    """
    k = inner.last if inner is not None else -1
    if (
        inner is None
        or inner.label != "Country"
        or inner.first != inner.last
        or inner.first != i + 2
        or k >= len(tokens)
        or k in covered
        or (tokens[i].feat("Gender") or "Masc") != "Masc"
        or normalize(tokens[i].form).endswith("ه")
        or tokens[k].upos != "ADJ"
        or tokens[k - 1].end == tokens[k].start
    ):
        return i + 1
    f = normalize(tokens[k].form)
    if not (f.startswith("ال") and f.endswith("ه") and len(f) >= 5) or _national(tokens[k]):
        return i + 1
    return k + 1


def _agrees(head: Token, adj: Token) -> bool:
    """Whether a relative adjective agrees in gender with a designator (وزارة ... السعودية,
    مجلس ... السعودي)."""
    fem = normalize(adj.form).endswith("يه")
    gender = head.feat("Gender") or ("Fem" if normalize(head.form).endswith("ه") else "Masc")
    return fem == (gender == "Fem")


def _purpose_genitive(tokens: Sequence[Token], j: int, covered: set[int], depth: int = 0) -> int:
    """The end of a ل genitive that goes on an organisation's name (حزب التجمع الوطني
    للأحرار, الهيئة العامة للصناعات العسكرية): ل attached to a definite word (written لل)
    or to a noun with its own definite genitive (لحقوق الإنسان), then adjectives; a body
    named there may have its own (المركز الإعلامي للمديرية العامة للدفاع المدني). Not a
    person or a known name (قالت الوزارة للصحفيين, لرويترز: the addressee)."""
    n = len(tokens)
    if not (
        j + 1 < n
        and tokens[j].upos == "ADP"
        and normalize(tokens[j].form) == "ل"
        and tokens[j].end == tokens[j + 1].start
        and j + 1 not in covered
        and tokens[j + 1].upos in ("NOUN", "ADJ")
        and not _title_or_people(tokens[j + 1])
        and not _press(tokens[j + 1])
    ):
        return j
    k = j + 2
    head = normalize(tokens[j + 1].form)
    if not (head.startswith("ل") and not head.startswith("ال")):  # not لل: needs a genitive
        if (
            k < n
            and k not in covered
            and tokens[k].upos in ("NOUN", "PROPN")
            and normalize(tokens[k].form).startswith("ال")
            and tokens[k - 1].end < tokens[k].start
        ):
            k += 1  # لحقوق الإنسان
        else:
            return j  # لمناقشة الوضع ...: a purpose, not a name
    while (
        k < n
        and k not in covered
        and tokens[k].upos == "ADJ"
        and normalize(tokens[k].form).startswith("ال")
        and tokens[k - 1].end < tokens[k].start
    ):
        k += 1
    if depth == 0 and designators().get("ا" + head) == "Organization":
        k = _purpose_genitive(tokens, k, covered, 1)  # للمديرية العامة للدفاع المدني
    return k


def _press(t: Token) -> bool:
    """A press or broadcast noun (للتلفزيون, لوكالة): after ل, whom one speaks to."""
    g = normalize(t.form)
    g = (
        g[1:]
        if g.startswith("ل") and not g.startswith("ال")
        else g[2:]
        if g.startswith("ال")
        else g
    )
    return g in _MEDIA or g == normalize("تلفزيون")


#: Titles of the people institutions are named after (مستشفى الملك فهد, مركز الأمير سلطان).
_NAMESAKE_TITLES = frozenset(normalize(w) for w in "الملك الأمير الشيخ الإمام السلطان".split())


def _named_after_people(tokens: Sequence[Token], spans: list[EntitySpan]) -> list[EntitySpan]:
    """A designator in construct, a royal or religious title and a person's name
    (مستشفى الملك فهد, مركز الملك سلمان للإغاثة, جامعة الإمام محمد بن سعود): one
    organisation or place named after the person, not the person.

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.model import Document
    >>> s = RulesAnalyser().analyse(Document("d", "زار الوزير مستشفى الملك فهد في جدة.", lang="ar")).sentences[0]
    >>> [(s.tokens[e.first - 1].form, s.tokens[e.last - 1].form, e.label) for e in s.entities][:1]
    [('مستشفى', 'فهد', 'Place')]
    """
    starts = {sp.first - 1: sp for sp in spans}
    out: list[EntitySpan] = []
    drop: set[int] = set()
    covered = {k for sp in spans for k in range(sp.first - 1, sp.last)}
    for i in range(len(tokens) - 2):
        f = normalize(tokens[i].form)
        cls = designators().get(f)
        person = starts.get(i + 2)
        if (
            cls not in ("Organization", "Place")
            or i in covered
            or tokens[i].upos != "NOUN"
            or normalize(tokens[i + 1].form) not in _NAMESAKE_TITLES
            or person is None
            or person.label != "Person"
        ):
            continue
        end = person.last - 1
        if cls == "Organization":
            purpose = _purpose_genitive(tokens, end + 1, covered) - 1
            end = _coordinated_purpose(tokens, purpose) if purpose > end else end
        drop.add(person.first)
        out.append(EntitySpan(i + 1, end + 1, cls, "designator"))
    kept = [sp for sp in spans if sp.first not in drop]
    return sorted(kept + out, key=lambda sp: sp.first)


def _coordinated_purpose(tokens: Sequence[Token], end: int) -> int:
    """The last token of a purpose genitive with a second noun coordinated to it
    (للإغاثة والأعمال الإنسانية): و glued to a definite noun, then its adjectives."""
    n = len(tokens)
    k = end + 1
    if not (
        k + 1 < n
        and normalize(tokens[k].form) == "و"
        and tokens[k].end == tokens[k + 1].start
        and tokens[k + 1].upos == "NOUN"
        and normalize(tokens[k + 1].form).startswith("ال")
    ):
        return end
    end = k + 1
    while (
        end + 1 < n
        and tokens[end + 1].upos == "ADJ"
        and normalize(tokens[end + 1].form).startswith("ال")
    ):
        end += 1
    return end


def _backed_by(tokens: Sequence[Token], j: int) -> bool:
    """An adjective with من after it that is no relative adjective (حكومة الوفاق المدعومة
    من الأمم المتحدة, القوات المقربة من): a participle saying who backs or is near the
    body, no word of its name."""
    return (
        j + 1 < len(tokens)
        and normalize(tokens[j + 1].form) == "من"
        and not _nisba(normalize(tokens[j].form))
    )
