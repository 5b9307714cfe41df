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

from ..lexicon import gazetteer
from ..lexicon.names import arabic_index, first_words
from ..lexicon.words import (
    ambiguous_names,
    designators,
    designators_in_name,
    first_names,
    people_nouns,
    title_at,
    titles,
)
from ..model import EntitySpan, Token
from ..text import normalize

_CLITIC_UPOS = {"ADP", "CCONJ", "AUX", "PART", "SCONJ"}
_NAME_UPOS = {"PROPN", "X"}
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


#: Designators of the press: a paper or channel is often named after a city.
_MEDIA = {normalize(w) for w in "صحيفة جريدة مجلة قناة وكالة شبكة موقع إذاعة".split()}
#: Designators whose genitive names a domain, not a body or a place (وزارة الشباب).
_DOMAIN_DESIGNATORS = {normalize(w) for w in "وزارة مديرية إدارة".split()}
#: Designators of a state's institutions, whose genitive is the state: رئاسة الجمهورية
#: التونسية is the presidency, not Tunisia.
_STATE_BODIES = {normalize(w) for w in "رئاسة حكومة برلمان".split()}


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
    spans = _gazetteer_names(tokens)
    spans = _quoted_names(tokens, spans)
    spans = _designated_places(tokens, spans)
    spans = _named_facilities(tokens, spans)
    spans = _papers_named_after_cities(tokens, spans)
    spans = _surnames_named_like_places(tokens, spans)
    spans.extend(_unknown_names(tokens, spans))
    spans = _designated_organisations(tokens, spans)
    spans.sort(key=lambda s: s.first)
    return _seats_and_branches(tokens, _bodies_of_organisations(tokens, spans))


#: Gazetteer classes a one-word surname may share its spelling with (بريان نيلسون: Nelson,
#: a region; جورج واشنطن) -- not a country.
_SURNAME_PLACES = frozenset({"City", "Region", "Place"})


def _surnames_named_like_places(
    tokens: Sequence[Token], spans: list[EntitySpan]
) -> list[EntitySpan]:
    """Drop a one-word place of the gazetteer right after a foreign first name that opens a
    name and no span covers (بريان نيلسون): it is the person's family name, found with the
    name after (not زار الوزير أحمد دمشق, nor خالد بن سلمان واشنطن)."""
    covered = {k for sp in spans for k in range(sp.first - 1, sp.last)}
    out = []
    for sp in spans:
        i = sp.first - 1
        if (
            sp.first == sp.last
            and sp.label in _SURNAME_PLACES
            and i > 0
            and i - 1 not in covered
            and normalize(tokens[i - 1].form) in first_names()
            and tokens[i - 1].upos in ("PROPN", "X")  # not على, the preposition, as علي
            # a foreign first name the lexicon does not know (بريان, not أحمد دمشق)
            and _is_unknown_strict(tokens[i - 1])
            and tokens[i - 1].end < tokens[i].start
            # the first name opens the name: خالد بن سلمان واشنطن is a name and an object
            and not (i > 1 and (i - 2 in covered or _name_like(tokens[i - 2])))
            and not normalize(tokens[i].form).startswith("ال")
        ):
            continue
        out.append(sp)
    return out


def _gazetteer_names(tokens: Sequence[Token]) -> list[EntitySpan]:
    """The gazetteer's names, left to right, longest first at each word; a name that is also
    a common word only in a name context, a country shaped like an adjective not where it
    agrees with the noun before it."""
    firsts = first_words()
    spans: list[EntitySpan] = []
    n = len(tokens)
    i = 0
    while i < n:
        if _is_clitic(tokens, i) or tokens[i].upos == "PUNCT":
            i += 1
            continue
        head = normalize(tokens[i].form)
        elided = _after_article_elided(tokens, i)
        if elided:
            head_al = "ا" + head
            if head_al in firsts:
                head = head_al
        if head not in firsts and not any(h in firsts for h in _strip_proclitics(head)):
            i += 1  # no name starts with this word
            continue
        found = _longest_gazetteer_match(tokens, i, elided)
        if found:
            j, entries, text = found
            if text in ambiguous_names() and not _name_context(tokens, i, j, spans):
                i += 1
                continue
            if i == j and _agreeing_adjective(tokens, i, text):
                i += 1  # العاصمة السعودية: "Saudi", not Saudi Arabia
                continue
            ref = "|".join(e.key for e in entries)
            spans.append(EntitySpan(i + 1, j + 1, entries[0].cls, "gazetteer", ref))
            i = j + 1
            continue
        i += 1
    return spans


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
    stop = next(
        (
            k
            for k in range(i, min(n, i + longest + 2))
            if tokens[k].upos == "PUNCT" and tokens[k].form != "-"
        ),
        n,
    )
    for j in range(min(n - 1, i + longest + 1, stop - 1), i - 1, -1):
        text = normalize(_span_text(tokens, i, j))
        candidates = [text, *(_strip_proclitics(text) if j >= i else [])]
        if elided:
            candidates.append("ا" + text)  # للأمم المتحدة: ل + الأمم المتحدة, the alif dropped
        for c in candidates:
            entries = index.get(c)
            if entries:
                return j, entries, c
    return None


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


#: Directions that start a region's name after its designator: ولاية شمال دارفور.
_DIRECTIONS = {normalize(w) for w in "شمال جنوب شرق غرب وسط".split()}
#: Directions that start a compound relative adjective: الجنوب إفريقي, الشمال كوري.
_DEFINITE_DIRECTIONS = {"ال" + d for d in _DIRECTIONS}
#: Words that join the next word into a place's name: بني سعد, أبو غريب, جسر ديالى, تل أبيض.
_PLACE_PARTICLES = {
    normalize(w)
    for w in "بني بنى بن ابن ود أبو أبي أم جسر تل دير كفر بيت خان عين بئر رأس سيدي".split()
}
_PLACE_CLASSES = ("Region", "Place", "City")
#: Facilities that stand for their city in news (وصل إلى مطار بيروت: arrived in Beirut).
_HUBS = {normalize(w) for w in "مطار ميناء معبر".split()}


def _named_facilities(tokens: Sequence[Token], spans: list[EntitySpan]) -> list[EntitySpan]:
    """A definite facility and a country's relative adjective (المستشفى السعودي, السجن
    الأمريكي): a place named by the country it belongs to (not a field hospital: الميداني)."""
    from ..lexicon.gazetteer import country_of_nisba

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


def _designated_places(tokens: Sequence[Token], spans: list[EntitySpan]) -> list[EntitySpan]:
    """Places named after a designator of places (محافظة، إقليم، ولاية، منطقة، سجن، ساحة):

    - a name no lexicon knows (سجن بادوش, إقليم بلخ), a particle and its word (ناحية بني
      سعد, منطقة جسر ديالى), or, after a division of a country, a definite word (محافظة
      الجيزة): one place, the designator part of its name where it names the division or
      the facility (محافظة X is the governorate, not the town X);
    - a city of the gazetteer after a division's designator (منطقة الرياض, ولاية الخرطوم)
      names the division, not the city;
    - a direction and a name (ولاية شمال دارفور) name one region;
    - a dual designator and two coordinated names (جمهوريتي دونيتسك ولوغانسك): two places.
    """
    n = len(tokens)
    by_first = {s.first - 1: s for s in spans}
    covered = {k for s in spans for k in range(s.first - 1, s.last)}
    drop: set[int] = set()
    out: list[EntitySpan] = []
    i = 0
    while i < n - 1:
        t = tokens[i]
        f = normalize(t.form)
        if i in covered or t.upos not in ("NOUN", "ADJ", "PROPN") or f.startswith("ال"):
            i += 1
            continue
        cls = designators().get(f)
        dual = ""
        if cls is None and f.endswith(("تي", "تا")) and len(f) > 4:
            dual = f[:-2] + "ه"  # جمهوريتي: the dual of جمهورية in construct
            cls = designators().get(dual)
        if cls is None and f.endswith(("ا", "ي")) and len(f) > 4:
            dual = f[:-1]  # إقليما, إقليمي: the dual of إقليم in construct
            cls = designators().get(dual)
        if cls not in (*_PLACE_CLASSES, "Country") or tokens[i + 1].start == t.end:
            i += 1
            continue
        kind = designators_in_name().get(f, "")
        if dual:
            found = _coordinated_places(tokens, i + 1, covered, by_first)
            drop.update(a + 1 for a, _ in found if a in by_first)  # (widened: هيران السفلى)
            for a, b in found:
                out.append(
                    EntitySpan(a + 1, b + 1, cls if cls != "Country" else "Region", "designator")
                )
                covered.update(range(a, b + 1))
            i += 1
            continue
        if cls == "City" and not kind and i + 1 not in covered:
            # مدينة خان يونس: a city's name with a particle, the designator not part of it
            if normalize(tokens[i + 1].form) in _PLACE_PARTICLES:
                end = _place_name_end(tokens, i + 1, covered, False)
                if end > i + 2:
                    out.append(EntitySpan(i + 2, end, "City", "designator"))
                    covered.update(range(i + 1, end))
                    i = end
                    continue
        if cls == "Country" or not kind:
            i += 1
            continue
        nxt = by_first.get(i + 1)
        if nxt is not None:
            if cls == "Region" and nxt.label == "City":
                # منطقة الرياض: the region, not the city
                drop.add(nxt.first)
                out.append(EntitySpan(i + 1, nxt.last, "Region", "designator"))
                covered.add(i)
            elif cls == "Place" and f not in _HUBS and nxt.label in ("Country", "City", "Region"):
                # ضاحية مصر الجديدة, مخيم جنين: a quarter or a facility named after a place
                # is not that place (an airport or a port stands for its city: وصل مطار بيروت)
                end = nxt.last
                if (
                    end < n
                    and end not in covered
                    and tokens[end].upos == "ADJ"
                    and normalize(tokens[end].form).startswith("ال")
                    and not _nisba(normalize(tokens[end].form))
                ):
                    end += 1  # مصر الجديدة
                drop.add(nxt.first)
                out.append(EntitySpan(i + 1, end, "Place", "designator"))
                covered.update(range(i, end))
                i = end
                continue
            i = nxt.last
            continue
        j = i + 1
        if (
            cls == "Region"
            and normalize(tokens[j].form) in _DIRECTIONS
            and j + 1 < n
            and tokens[j].end < tokens[j + 1].start
        ):
            inner = by_first.get(j + 1)
            if inner is not None and inner.label in ("Region", "City", "Country"):
                drop.add(inner.first)  # ولاية شمال دارفور
                out.append(EntitySpan(i + 1, inner.last, "Region", "designator"))
                covered.update(range(i, inner.last))
                i = inner.last
                continue
            j += 1
        inner = by_first.get(j + 1)
        if (
            normalize(tokens[j].form) in _PLACE_PARTICLES
            and inner is not None
            and inner.first == inner.last
            and tokens[j].end < tokens[j + 1].start
        ):
            # منطقة جسر ديالى: a particle and a name of the gazetteer make the place's name
            # (the bridge, not the governorate ديالى)
            drop.add(inner.first)
            covered.discard(j + 1)
        end = _place_name_end(tokens, j, covered, kind == "admin")
        if end > j:
            out.append(EntitySpan(i + 1, end, cls, "designator"))
            covered.update(range(i, end))
            i = end
            continue
        i += 1
    kept = [s for s in spans if s.first not in drop]
    return sorted(kept + out, key=lambda s: s.first)


#: Adjectives that name a part of a place (شبيلي السفلى, هيران العليا).
_PART_ADJECTIVES = {
    normalize(w) for w in "السفلى العليا الوسطى الشمالية الجنوبية الشرقية الغربية".split()
}


def _place_adjective(t: Token) -> bool:
    return t.upos == "ADJ" and normalize(t.form) in _PART_ADJECTIVES


def _place_word(t: Token) -> bool:
    """A word that can be (part of) a place's name after its designator."""
    return _is_unknown_strict(t) or "Guess=Yes" in t.misc or t.upos == "PROPN"


def _place_name_end(tokens: Sequence[Token], j: int, covered: set[int], admin: bool) -> int:
    """The end (exclusive) of a place's name starting at token j after its designator."""
    n = len(tokens)
    k = j
    while k < n and k not in covered and k - j < 4:
        t = tokens[k]
        g = normalize(t.form)
        if k > j and tokens[k - 1].end == t.start:
            break
        if (
            g in _PLACE_PARTICLES
            and k + 1 < n
            and k + 1 not in covered
            and tokens[k + 1].upos not in _STOP_UPOS
            and tokens[k].end < tokens[k + 1].start
        ):
            k += 2  # بني سعد, جسر ديالى
            continue
        if t.upos in _STOP_UPOS:
            break
        if _place_word(t) or g in first_names() or (k > j and g in _NAME_TAILS):
            k += 1  # (a place may bear a person's name: محافظة صلاح الدين)
            continue
        if (
            k == j
            and admin
            and g.startswith("ال")
            and t.upos == "NOUN"
            and g not in titles()
            and g[2:] not in people_nouns()
        ):
            return k + 1  # محافظة الجيزة: a division's name may be a common word
        break
    return k


def _coordinated_places(
    tokens: Sequence[Token], j: int, covered: set[int], by_first: dict[int, EntitySpan]
) -> list[tuple[int, int]]:
    """Two names coordinated after a dual designator (جمهوريتي دونيتسك ولوغانسك)."""
    n = len(tokens)
    out: list[tuple[int, int]] = []
    k = j
    for part in range(2):
        if part == 1:
            if k + 1 < n and tokens[k].upos == "CCONJ" and normalize(tokens[k].form) == "و":
                k += 1
            else:
                return []
        if k >= n:
            return []
        if part == 1 and _place_adjective(tokens[k]):
            return out  # هيران السفلى والعليا: the second part is the same place's other part
        known = by_first.get(k)
        if known is not None:
            k = known.last
            if k < n and _place_adjective(tokens[k]):
                # هيران السفلى: a known place and the adjective that makes it a part of it
                out.append((known.first - 1, k))
                k += 1
            continue
        if k in covered or not _place_word(tokens[k]):
            return []
        out.append((k, k))
        k += 1
    return out


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
    from ..lexicon.gazetteer import country_of_nisba

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
            and s.label == "Organization"
            and tokens[i].upos == "NOUN"
            and designators().get(normalize(tokens[i].form)) == "Organization"
            and not any(x.first <= i + 1 <= x.last for x in spans)
            and (j := s.last) + 1 < n
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
        if fits(j, ("NOUN", "PROPN", "ADJ")) and not _title_or_people(tokens[j]):
            j += 1
            adjectives = 0
            while True:
                # its adjectives; a country-shaped relative adjective too (وكالة الأنباء السعودية)
                if fits(j, ("ADJ",)) or (fits(j, ("PROPN",)) and _nisba(normalize(tokens[j].form))):
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
    """برئاسة الوزير (headed by): a designator that is a verbal noun after an attached ب."""
    return (
        i > 0
        and normalize(tokens[i].form) == normalize("رئاسة")
        and tokens[i - 1].upos == "ADP"
        and tokens[i - 1].end == tokens[i].start
    )


def _agrees(head: Token, adj: Token) -> bool:
    """Whether a relative adjective agrees in gender with a designator (وزارة ... السعودية,
    مجلس ... السعودي)."""
    fem = normalize(adj.form).endswith("يه")
    gender = head.feat("Gender") or ("Fem" if normalize(head.form).endswith("ه") else "Masc")
    return fem == (gender == "Fem")


def _title_or_people(t: Token) -> bool:
    """A title or a noun for people (الوزير, المسؤولين, للصحفيين): not part of an
    organisation's name."""
    g = normalize(t.form)
    if g.startswith("ل") and not g.startswith("ال"):
        g = "ا" + g  # للصحفيين: ل + الصحفيين, the article's alif dropped
    stem = g[2:] if g.startswith("ال") else g
    for ending in ("ين", "ون", "ات"):
        if stem.endswith(ending) and len(stem) > 4:
            stem = stem[: -len(ending)]
            break
    return g in titles() or stem in people_nouns() or stem in titles()


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


#: Words that join the next word into a name: عبد الله, أبو بكر, بن سلمان.
_NAME_PARTICLES = {normalize(w) for w in "عبد أبو أبي أبا بن ابن بنت آل أم مولاي حاج".split()}
#: Words that end a compound name part: نصر الله, صلاح الدين, عبد الرحمن.
_NAME_TAILS = {normalize(w) for w in "الله الدين الرحمن زاده".split()}
#: The last word of some foreign names, which takes the word before it: خطيب زاده.
_FOREIGN_TAILS = {normalize(w) for w in "زاده".split()}
_REGNAL = {
    normalize(w)
    for w in "الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر".split()
}
_STOP_UPOS = {
    "VERB",
    "AUX",
    "ADP",
    "CCONJ",
    "SCONJ",
    "PUNCT",
    "DET",
    "NUM",
    "PART",
    "SYM",
    "PRON",
}
#: Months (and the words of the Levantine month names) a lexicon lists as proper nouns.
_MONTHS = {
    normalize(w)
    for w in (
        "يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر "
        "نوفمبر ديسمبر كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين جانفي فيفري "
        "أفريل ماي جوان جويلية أوت شتنبر أكتوبر نونبر دجنبر "
        "محرم صفر ربيع جمادى رجب شعبان رمضان شوال القعدة الحجة"
    ).split()
}


def _unknown_names(tokens: Sequence[Token], known: list[EntitySpan]) -> list[EntitySpan]:
    covered = {k for s in known for k in range(s.first - 1, s.last)}
    starts = {s.first - 1: s for s in known}
    out: list[EntitySpan] = []
    n = len(tokens)
    i = 0
    while i < n:
        if i in covered:
            i += 1
            continue
        # a title, its phrase, then the name: الرئيس المصري عبد الفتاح السيسي
        if _is_title(tokens[i], tokens, i):
            j = _title_phrase_end(tokens, i, covered, starts)
            if (
                j + 1 < n
                and tokens[j].form in ("،", ",")
                and j + 1 not in covered
                and (_name_like(tokens[j + 1]) or _is_unknown_strict(tokens[j + 1]))
            ):
                j += 1  # الرئيس المصري، عبد الفتاح السيسي،: the name in apposition after a comma
            name = _person_name(tokens, j, covered)
            if name is not None:
                a, b = name
                out.append(EntitySpan(a + 1, b + 1, "Person", "name-heuristic"))
                covered.update(range(a, b + 1))
                i = b + 1
                continue
        if _name_start(tokens, i):
            name = _person_name(tokens, i, covered, need_two=True)
            if name is not None:
                a, b = name
                cls = _class_from_context(tokens, a, b) or "Person"
                while (
                    cls != "Person"
                    and b > a
                    and not _name_like(tokens[b])
                    and normalize(tokens[b].form) not in _NAME_TAILS
                    and not (cls in ("Region", "Place", "City") and tokens[b].upos == "ADJ")
                ):
                    # جبهة البوليساريو | القرار: a common word is a family name of people only
                    # (a place keeps its adjective: شبيلي السفلى)
                    b -= 1
                out.append(EntitySpan(a + 1, b + 1, cls, "name-heuristic"))
                covered.update(range(a, b + 1))
                i = b + 1
                continue
        if (
            i not in covered
            and (_name_start(tokens, i) or _single_name(tokens[i]))
            and normalize(tokens[i].form) not in first_names()
            and not (i + 1 < n and _name_like(tokens[i + 1]) and i + 1 not in covered)
        ):
            cls = _class_from_context(tokens, i, i)
            if cls:
                out.append(EntitySpan(i + 1, i + 1, cls, "name-heuristic"))
        i += 1
    return out


def _name_start(tokens: Sequence[Token], i: int) -> bool:
    """Whether a name found by its shape may start here: a word the lexicon does not know,
    a first name, a proper noun the lexicon lacks (a name found earlier in the document, or
    from an analyser that does not mark unknown words), or a proper noun the lexicon has
    right before a word nothing knows (تيمور تكاتشينكو)."""
    t = tokens[i]
    if normalize(t.form) in _MONTHS:
        return False  # يوليو الماضي: a date, not a name
    if _is_unknown_strict(t) or normalize(t.form) in first_names():
        return True
    if i + 1 < len(tokens) and normalize(tokens[i + 1].form) in _FOREIGN_TAILS:
        return True
    if t.upos not in _NAME_UPOS:
        return False
    from .rules.morph import known_form

    if not known_form(t.form):
        return True
    return (
        i + 1 < len(tokens)
        and _is_unknown_strict(tokens[i + 1])
        and normalize(t.form) not in _MONTHS
        and t.end < tokens[i + 1].start
    )


def _is_title(t: Token, tokens: Sequence[Token] | None = None, i: int = -1) -> bool:
    if t.upos not in ("NOUN", "ADJ", "PROPN"):
        return False
    if tokens is not None and i >= 0:
        return title_at([x.form for x in tokens[i : i + 2]], 0) is not None
    return normalize(t.form) in titles()


def _title_phrase_end(
    tokens: Sequence[Token], i: int, covered: set[int], starts: dict[int, EntitySpan]
) -> int:
    """Index of the first token after a title's own phrase (its genitives, adjectives,
    ل/ب phrases, brackets and the names of organisations and countries in it)."""
    j = i + 1
    construct = not normalize(tokens[i].form).startswith("ال") and not _has_suffix(tokens, i)
    if _has_suffix(tokens, i):
        j = i + 2  # نظيره التركي
    while j < len(tokens):
        step = _title_phrase_step(tokens, i, j, construct, covered, starts)
        if step is None:
            break
        j, construct = step
    return j


def _title_phrase_step(
    tokens: Sequence[Token],
    i: int,
    j: int,
    construct: bool,
    covered: set[int],
    starts: dict[int, EntitySpan],
) -> tuple[int, bool] | None:
    """The title phrase of tokens[i] continued over tokens[j]: the next index and whether
    the phrase's last word is in construct (its genitive may follow), or None where the
    phrase ends."""
    n = len(tokens)
    t = tokens[j]
    if j in starts:  # an organisation or country named in the title: أمير قطر, زعيم حزب الله
        sp = starts[j]
        return None if sp.label == "Person" else (sp.last, False)
    if t.form == "(":
        close = next((m for m in range(j + 1, min(n, j + 8)) if tokens[m].form == ")"), -1)
        if close < 0:
            return None
        return close + 1, construct  # an abbreviation in brackets belongs to the title: (ناتو)
    if t.upos in ("ADP",) and t.end == (tokens[j + 1].start if j + 1 < n else -1):
        return j + 1, True  # a clitic preposition: لحلف, باسم
    if _coordinated_genitive(tokens, i, j, covered):
        return j + 2, construct  # وزير التجارة والصناعة: coordinated genitives of the title
    if _compound_nisba(tokens, j, covered):
        return j + 2, False  # الجنوب إفريقي: a compound relative adjective
    return _title_genitive_step(tokens, j, construct)


def _title_genitive_step(
    tokens: Sequence[Token], j: int, construct: bool
) -> tuple[int, bool] | None:
    """A definite word of the title's phrase (its genitive or adjective), or the genitive a
    title in construct takes."""
    t = tokens[j]
    f = normalize(t.form)
    if (
        f.startswith("ال")
        and f not in first_names()
        and t.upos in ("NOUN", "ADJ", "PROPN", "X")
        and (not _is_unknown_strict(t) or _nisba(f))
    ):
        return j + 1, False
    if construct and _is_unknown_strict(t) and f not in first_names() and f not in _NAME_PARTICLES:
        # محافظ هاتاي: a title without the article is in construct; the unknown word after
        # it is its genitive (a place or body), not the holder's name
        return j + 1, False
    if (
        construct
        and t.upos in ("NOUN", "ADJ")
        and f not in first_names()
        and f not in _NAME_PARTICLES
        and not _is_unknown_strict(t)
    ):
        return j + 1, not _has_suffix(tokens, j)
    return None


def _coordinated_genitive(tokens: Sequence[Token], i: int, j: int, covered: set[int]) -> bool:
    """و + a definite noun after the title's genitive: a second genitive (التجارة والصناعة),
    not a relative adjective or another title."""
    n = len(tokens)
    t = tokens[j]
    return (
        t.upos == "CCONJ"
        and normalize(t.form) == "و"
        and j > i + 1
        and j + 1 < n
        and t.end == tokens[j + 1].start
        and j + 1 not in covered
        and tokens[j + 1].upos in ("NOUN", "ADJ")
        and normalize(tokens[j + 1].form).startswith("ال")
        and not _nisba(normalize(tokens[j + 1].form))
        and not _is_title(tokens[j + 1])
    )


def _compound_nisba(tokens: Sequence[Token], j: int, covered: set[int]) -> bool:
    """A definite direction and an indefinite relative adjective: الجنوب إفريقي."""
    return (
        normalize(tokens[j].form) in _DEFINITE_DIRECTIONS
        and j + 1 < len(tokens)
        and normalize(tokens[j + 1].form).endswith("ي")
        and not normalize(tokens[j + 1].form).startswith("ال")
        and j + 1 not in covered
    )


def _nisba(f: str) -> bool:
    """A definite relative adjective (الكيني, الموريتانية): a nationality, not a name."""
    return f.startswith("ال") and (f.endswith("ي") or f.endswith("يه")) and len(f) >= 5


def _has_suffix(tokens: Sequence[Token], i: int) -> bool:
    return (
        i + 1 < len(tokens)
        and tokens[i + 1].upos == "PRON"
        and tokens[i].end == tokens[i + 1].start
    )


def _is_unknown_strict(t: Token) -> bool:
    return "Unknown=Yes" in t.misc or "Foreign=Yes" in t.feats


def _name_like(t: Token) -> bool:
    f = normalize(t.form)
    return (
        _is_unknown_strict(t)
        or "Guess=Yes" in t.misc
        or t.upos in ("PROPN", "X")
        or f in first_names()
        or f in _NAME_PARTICLES
    )


def _person_name(
    tokens: Sequence[Token], j: int, covered: set[int], need_two: bool = False
) -> tuple[int, int] | None:
    """The span of a person's name starting at token j, or None.

    A name is name-like words (unknown words, proper nouns, first names, عبد/أبو/بن and
    the word after them), then at most one ordinary word as a family name (بشار الأسد),
    a compound tail (نصر الله) or a regnal number (عبد الله الثاني)."""
    n = len(tokens)
    if j >= n or j in covered or tokens[j].upos in _STOP_UPOS:
        return None
    tail = (
        j + 1 < n
        and normalize(tokens[j + 1].form) in _FOREIGN_TAILS
        and tokens[j].upos in ("NOUN", "ADJ", "PROPN")
        and not normalize(tokens[j].form).startswith("ال")
    )
    if tail:
        return j, j + 1  # خطيب زاده: a word and a foreign name's ending
    if not _name_may_start(tokens, j, covered, need_two):
        return None
    walk = _NameWalk(k=j, first_part_end=j)
    while _name_continues(tokens, j, covered, walk):
        pass
    k = walk.k
    if need_two and not _found_by_shape(tokens, j, k):
        return None
    return j, k


def _name_may_start(tokens: Sequence[Token], j: int, covered: set[int], need_two: bool) -> bool:
    """Whether a person's name may start at token j: a name-like word that is no title, or
    (after a title) an ordinary indefinite word before an unknown one (جاسم البديوي)."""
    n = len(tokens)
    if j + 1 < n and _noun_and_adjective(tokens[j], tokens[j + 1]):
        return False  # الوزير اتصالين هاتفيين: a dual noun and its adjective, no name
    if not _name_like(tokens[j]):
        # after a title, an ordinary word followed by an unknown one is a first name (جاسم البديوي)
        nxt_form = normalize(tokens[j + 1].form) if j + 1 < n else ""
        follows = (
            j + 1 < n
            and j + 1 not in covered
            and (
                _is_unknown_strict(tokens[j + 1])
                or "Guess=Yes" in tokens[j + 1].misc
                or (nxt_form.startswith("ال") and nxt_form[2:] in first_names())
            )
        )
        if (
            need_two
            or tokens[j].upos not in ("NOUN", "ADJ")
            or normalize(tokens[j].form).startswith("ال")
            or not follows
        ):
            return False
    return not (_is_title(tokens[j]) and not _is_unknown_strict(tokens[j]))


def _found_by_shape(tokens: Sequence[Token], j: int, k: int) -> bool:
    """Whether tokens[j..k], with no title before them, have a name's shape: two words or
    more, no article on the first (unless a first name), a word nothing knows or a first
    name among them."""
    if k == j:
        return False
    if tokens[j].form.startswith("ال") and normalize(tokens[j].form) not in first_names():
        return False  # الاستحواذ العسكري: a name found by its shape starts with no article
    return any(
        _is_unknown_strict(tokens[m])
        or normalize(tokens[m].form) in first_names()
        or normalize(tokens[m].form) in _FOREIGN_TAILS
        for m in range(j, k + 1)
    )


@dataclass(slots=True)
class _NameWalk:
    """Where the reading of a name stands: its last word so far, the end of its first part
    (the first name with the word its particle takes: عبد الفتاح), and whether an ordinary
    word was taken as the family name already."""

    k: int
    first_part_end: int
    known_used: bool = False


def _name_continues(tokens: Sequence[Token], j: int, covered: set[int], w: _NameWalk) -> bool:
    """Extend the name that starts at token j by the next word if it belongs to it; False
    where the name ends."""
    if _joined_word(tokens, covered, w):
        return True
    nxt = w.k + 1
    if _name_stops_before(tokens, w.k, covered):
        return False
    t = tokens[nxt]
    g = normalize(t.form)
    if g in _NAME_TAILS or g in _REGNAL:
        w.k = nxt
        return True
    if _is_title(t) and not (
        _name_like(t)
        and nxt + 1 < len(tokens)
        and _name_like(tokens[nxt + 1])
        and not g.startswith("ال")
    ):
        return False
    if _name_like(t):
        w.k = nxt
        return True
    if g.startswith("ال") and g[2:] in first_names() and len(g) > 4:
        w.k = nxt  # الأحمد: the father's name with the article (صباح الأحمد الجابر الصباح)
        w.first_part_end = w.k
        return True
    return _family_name(tokens, j, w)


def _joined_word(tokens: Sequence[Token], covered: set[int], w: _NameWalk) -> bool:
    """The word a name particle takes (عبد الفتاح, أبو بكر, بن سلمان) or the second half of
    a hyphenated first name (جان-نويل): taken into the name."""
    n = len(tokens)
    k = w.k
    nxt = k + 1
    if (
        normalize(tokens[k].form) in _NAME_PARTICLES
        and nxt < n
        and tokens[nxt].upos not in _STOP_UPOS
        and nxt not in covered
    ):
        if k == w.first_part_end:
            w.first_part_end = nxt
        w.k = nxt
        return True
    if (
        nxt + 1 < n
        and tokens[nxt].form in ("-", "‐")
        and tokens[k].end == tokens[nxt].start
        and tokens[nxt].end == tokens[nxt + 1].start
        and nxt + 1 not in covered
        and tokens[nxt + 1].upos in ("PROPN", "NOUN", "ADJ", "X")
    ):
        w.k = nxt + 1
        return True
    return False


def _name_stops_before(tokens: Sequence[Token], k: int, covered: set[int]) -> bool:
    """Whether the word after tokens[k] can be no part of the name: a stop word, another
    name, a clitic, a word with a pronoun suffix (نصره الله), a number word."""
    n = len(tokens)
    nxt = k + 1
    if nxt >= n or nxt in covered or tokens[nxt].upos in _STOP_UPOS:
        return True
    t = tokens[nxt]
    if tokens[k].end == t.start:
        return True  # a clitic, not a new word
    if nxt + 1 < n and tokens[nxt + 1].upos == "PRON" and t.end == tokens[nxt + 1].start:
        return True  # نصره الله: a word with a pronoun suffix is no part of a name
    return normalize(t.form) in _NUMBER_WORDS  # بن مبارك ستة أشهر


def _family_name(tokens: Sequence[Token], j: int, w: _NameWalk) -> bool:
    """One ordinary word after the name-like ones as a family name (continue after it), or a
    relative adjective ending the name (taken, then stop); False where the name ends."""
    nxt = w.k + 1
    t = tokens[nxt]
    g = normalize(t.form)
    after = tokens[nxt + 1] if nxt + 1 < len(tokens) else None
    if not w.known_used and _indefinite_family_name(tokens, j, w, nxt):
        # an indefinite adjective after a first name is no attribute of it (a name is
        # definite): the family name (محمد جواد ظريف, إيهاب بدوي); so is a noun ending
        # the clause, but not one the verb takes as its object (استضاف ماكرون قمة في)
        w.k = nxt
        w.known_used = True
        return True
    if not w.known_used and w.k == w.first_part_end and _definite_family_name(tokens, j, nxt):
        # one ordinary word as a family name after a first name: بشار الأسد, حسن نصر الله
        if (
            g.startswith("ال")
            and nxt + 1 < len(tokens)
            and normalize(tokens[nxt + 1].form).startswith("ال")
            and tokens[nxt + 1].upos == "ADJ"
        ):
            return False  # الأسد ... no: a definite noun with its adjective starts a new phrase
        w.k = nxt
        w.known_used = True
        return True
    if (
        w.k > w.first_part_end
        and g.startswith("ال")
        and g.endswith("ي")
        and (after is None or after.upos in _STOP_UPOS)
    ):
        w.k = nxt  # a family name shaped like a relative adjective: محمد شياع السوداني
    return False


def _indefinite_family_name(tokens: Sequence[Token], j: int, w: _NameWalk, nxt: int) -> bool:
    """An indefinite adjective (or a noun ending the clause) after a first name's part."""
    t = tokens[nxt]
    g = normalize(t.form)
    after = tokens[nxt + 1] if nxt + 1 < len(tokens) else None
    return (
        (w.k > w.first_part_end or normalize(tokens[j].form) in first_names())
        and t.upos in ("NOUN", "ADJ")
        and not g.startswith("ال")
        and not _accusative(t)
        and g not in _TIME_WORDS
        and not _title_or_people(t)
        and (
            (t.upos == "ADJ" and (after is None or after.upos in _STOP_UPOS))
            or (
                (after is None or after.upos == "PUNCT")
                and not g.endswith("ه")
                and t.upos in ("ADJ", "NOUN")
            )
        )
    )


def _definite_family_name(tokens: Sequence[Token], j: int, nxt: int) -> bool:
    """A definite word (or any word after a first name) right after the first part of a
    name: its family name, unless it is a designator, a time, a direction, a title."""
    t = tokens[nxt]
    g = normalize(t.form)
    first_known = (
        normalize(tokens[j].form) in first_names() or normalize(tokens[j].form) in _NAME_PARTICLES
    )
    return (
        t.upos in ("NOUN", "ADJ", "PROPN")
        and (g.startswith("ال") or first_known)
        # after a word nothing knows, a definite common noun is its genitive, not a
        # family name (ردهة الإنعاش); after a first name it may be one (بشار الأسد)
        and (first_known or t.upos == "PROPN" or _nisba(g) or not _is_unknown_strict(tokens[j]))
        and g not in designators()
        and g not in _TIME_WORDS
        and g not in _DIRECTIONS
        and g[:-1] not in _DIRECTIONS  # (شمالي, جنوبي)
        and not _title_or_people(t)
    )


#: Time words that follow a name without being part of it (قال محمد علي صباح اليوم).
#: Number words: no part of a name (جوهر بن مبارك ستة أشهر).
_NUMBER_WORDS = {
    normalize(w)
    for w in (
        "واحد اثنان اثنين ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة ثلاث أربع خمس ست سبع "
        "ثماني تسع عشر عشرات مئات آلاف مئة مائة ألف مليون"
    ).split()
}
_TIME_WORDS = {
    normalize(w) for w in "اليوم أمس غدا صباح مساء ظهر فجر ليلة ليل مطلع منتصف أواخر أوائل".split()
} | _MONTHS


def _noun_and_adjective(a: Token, b: Token) -> bool:
    """A dual or plural noun and its relative adjective with the same ending (اتصالين
    هاتفيين)."""
    from .rules.tagger import agreeing_plural

    return a.end < b.start and agreeing_plural(a.form, b.form)


def _accusative(t: Token) -> bool:
    """A word with the accusative ending written (وزيرا, رئيسًا): an object or a state, not
    a name."""
    f = t.form
    return "\u064b" in f or (normalize(f).endswith("ا") and not normalize(f).endswith("اء"))


def _class_from_context(tokens: Sequence[Token], i: int, j: int) -> str:
    k = i - 1
    prev = tokens[k] if k >= 0 else None
    if prev is not None:
        pn = normalize(prev.form)
        if pn in designators():
            return designators()[pn]
        for dual, base in (("تا", "ه"), ("تي", "ه"), ("ا", "")):
            # إقليما X, محافظتا X: a dual designator announces places too
            if (
                pn.endswith(dual)
                and len(pn) > 4
                and designators().get(pn[: -len(dual)] + base)
                in (
                    "Region",
                    "City",
                )
            ):
                return designators()[pn[: -len(dual)] + base]
        if (
            j > i
            and prev.upos == "ADP"
            and pn in ("في", "الي")
            and all(_is_unknown_strict(t) or t.upos == "PROPN" for t in tokens[i : j + 1])
            and not any(normalize(t.form) in first_names() for t in tokens[i : j + 1])
        ):
            return "Place"  # في كوت ديفوار: foreign words after في name a place, not a person
        single = j == i and _single_name(tokens[i])
        if pn in _PLACE_HEADS and single and prev.end < tokens[i].start:
            return "Place"  # شرطة ديالى, محافظ هاتاي, سكان X: what these govern is a place
        if pn in titles():
            # الرئيس X: the holder's name; محافظ X (a title in construct): its genitive
            return "Person" if pn.startswith("ال") else ""
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        construct = (
            nxt is not None
            and nxt.upos == "NOUN"
            and normalize(nxt.form).startswith("ال")
            and normalize(nxt.form) not in _TIME_WORDS
            and tokens[j].end < nxt.start
        )
        if prev.upos == "ADP" and pn in ("في", "الي", "من", "ب") and single and not construct:
            # a single name after في/إلى: most often a place (not a noun in construct with
            # a definite genitive: إلى ردهة الإنعاش)
            return "Place"
    return ""


#: Nouns (and titles) whose genitive is a place: شرطة ديالى, محافظ هاتاي, سكان الحي.
_PLACE_HEADS = {
    normalize(w)
    for w in "شرطة محافظ حاكم عمدة بلدية سكان أهالي ضواحي أطراف ريف شمال جنوب شرق غرب وسط".split()
}


def _single_name(t: Token) -> bool:
    """A one-word name nothing else types: a word no lexicon knows, or a proper noun the
    lexicon has (ألاسكا) that is no first name, month or definite word."""
    f = normalize(t.form)
    if f in _MONTHS:
        return False
    if _is_unknown_strict(t):
        return True
    return (
        t.upos == "PROPN"
        and not t.form.startswith("ال")  # (as written: ألاسكا is no definite word)
        and f not in first_names()
        and f not in _MONTHS
        and len(f) >= 3
    )
