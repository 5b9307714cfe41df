"""Places announced by a designator (مدينة, محافظة, ولاية) and lists of places.

>>> from kg.analyse.rules import RulesAnalyser
>>> from kg.model import Document
>>> def tokens(text):
...     return RulesAnalyser().analyse(Document("d", text, lang="ar")).sentences[0].tokens
>>> toks = tokens("اندلعت اشتباكات في ولاية شمال دارفور.")
>>> [(s.first, s.last, s.label) for s in _designated_places(toks, [])]
[(4, 6, 'Region')]
"""

from __future__ import annotations

from collections.abc import Sequence

from ...lexicon.words import (
    designators,
    designators_in_name,
    first_names,
    people_nouns,
    titles,
)
from ...model import (
    EntitySpan,
    Token,
)
from ...text import normalize
from .common import (
    _DIRECTIONS,
    _NAME_TAILS,
    _STOP_UPOS,
    _is_unknown_strict,
    _nisba,
)

#: Words that join the next word into a place's name: بني سعد, أبو غريب, جسر ديالى, تل أبيض;
#: مار (saint) in a church's or a monastery's name: كنيسة مار جرجس.
_PLACE_PARTICLES = {
    normalize(w)
    for w in "بني بنى بن ابن ود أبو أبي أم جسر تل دير كفر بيت خان عين بئر رأس سيدي مار".split()
}


_PLACE_CLASSES = ("Region", "Place", "City")


#: Facilities that stand for their city in news (وصل إلى مطار بيروت: arrived in Beirut).
_HUBS = {normalize(w) for w in "مطار ميناء معبر".split()}


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
        if (cls not in _PLACE_CLASSES and cls != "Country") or tokens[i + 1].start == t.end:
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
            if _guessed_definite(tokens[i + 1]):
                # قرية المشرعي: a definite word the lexicon only guesses at names the town
                end = _place_name_end(tokens, i + 1, covered, False)
                out.append(EntitySpan(i + 2, max(end, i + 2), "City", "designator"))
                covered.update(range(i + 1, max(end, i + 2)))
                i = max(end, i + 2)
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


def _guessed_definite(t: Token) -> bool:
    """A definite word the analyser guessed (no lexicon entry: المشرعي), spaced from the
    designator before it."""
    return (
        t.upos in ("NOUN", "ADJ", "PROPN")
        and normalize(t.form).startswith("ال")
        and ("Guess=Yes" in t.misc or "Unknown=Yes" in t.misc)
    )


def _place_word(t: Token) -> bool:
    """A word that can be (part of) a place's name after its designator."""
    return _is_unknown_strict(t) or "Guess=Yes" in t.misc or t.upos == "PROPN"


def _person_after_place(tokens: Sequence[Token], k: int, j: int) -> bool:
    """Whether a first name after an unknown word of a place's name starts a person's name
    (محافظ منطقة تكيرداغ محمد جيلان: the governor is محمد جيلان), not the place's.

    >>> from kg.model import Token
    >>> def tok(i, w, u, misc="_"):
    ...     return Token(i, w, w, u, 0, "dep", 0, 0, misc=misc)
    >>> ts = [tok(1, "تكيرداغ", "X", "Unknown=Yes"), tok(2, "محمد", "PROPN"), tok(3, "جيلان", "NOUN")]
    >>> _person_after_place(ts, 1, 0), _person_after_place(ts[:2], 1, 0)
    (True, False)
    """
    return (
        k > j
        and normalize(tokens[k].form) in first_names()
        and _is_unknown_strict(tokens[k - 1])
        and normalize(tokens[k - 1].form) not in first_names()
        and k + 1 < len(tokens)
        and tokens[k + 1].upos in ("PROPN", "X", "NOUN")
    )


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
        if _person_after_place(tokens, k, j):
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


def _sites_named_by_adjectives(
    tokens: Sequence[Token], spans: list[EntitySpan]
) -> list[EntitySpan]:
    """A definite site's designator and the unknown word that names it (الكنيسة
    اليوحناوية, المسجد القرطبي): one place, the site, not a place named by the word alone.

    >>> from kg.model import Token
    >>> ws = [("الكنيسة", "NOUN", "_", 0, 7), ("اليوحناوية", "PROPN", "Unknown=Yes", 8, 18)]
    >>> toks = [Token(k, w, w, u, 0, "dep", a, b, misc=m) for k, (w, u, m, a, b) in enumerate(ws, 1)]
    >>> [(s.first, s.last, s.label) for s in _sites_named_by_adjectives(toks, [EntitySpan(2, 2, "Place", "name-heuristic")])]
    [(1, 2, 'Place')]
    """
    out = []
    for sp in spans:
        i = sp.first - 2
        if sp.first == sp.last and sp.label in _PLACE_CLASSES and i >= 0:
            t, name = tokens[i], tokens[sp.first - 1]
            f, g = normalize(t.form), normalize(name.form)
            if (
                f.startswith("ال")
                and g.startswith("ال")
                and t.end < name.start
                and designators().get(f[2:]) == "Place"
                and designators_in_name().get(f[2:]) == "yes"
                and ("Unknown=Yes" in name.misc or "Guess=Yes" in name.misc)
            ):
                out.append(EntitySpan(sp.first - 1, sp.last, "Place", "designator"))
                continue
        out.append(sp)
    return out
