"""Where places and bodies are: locatedIn facts from how news situates them.

Read off the sequence of a sentence's mentions, since the words that situate a place
sit between two names whatever the parser made of them:

- in: a place, facility or body, then في or ب and a place (كنيسة X بمحافظة الجيزة, مقر
  القيادة، في مدينة بنغازي; a body only when the parse hangs the place on its phrase:
  جهاز الأمن في الصومال, not the government whose head met someone in Rabat); each member
  of a coordinated list before it is there too (المستشفى ومخيم النازحين في مدينة X);
- capital: a city, then عاصمة and a region or country (مدينة الفاشر عاصمة ولاية شمال دارفور);
- direction: a place, then a direction word and a place (إقليم بلخ شمال أفغانستان, القنفذة
  (غرب) المملكة, في غرب أفغانستان, جنوب شرقي بغداد);
- within a name: a body named with its place (بعثة الأمم المتحدة في ليبيا, one name) is in
  the place its name ends with, when the gazetteer knows that place.

A country is situated in nothing here, and nothing is situated in a person or an event.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lexicon.names import lookup_name
from ..lexicon.words import designators
from ..model import Sentence
from ..text import normalize
from .confidence import LOCATED
from .phrases import strip_al
from .state import PLACES, Doc
from .tree import Tree
from .words import DIRECTIONS

#: What can be situated: places, facilities and bodies (not countries, people, events).
_SITUATED = frozenset({"City", "Region", "Place", "Organization"})
_IN = frozenset({"في", "ب"})
_CAPITAL = frozenset({normalize("عاصمة")})
#: Punctuation that may stand between a place and what situates it.
_LOOSE = frozenset({"،", ",", "(", ")", "-", "–"})
_AND = "و"


@dataclass(frozen=True)
class _Span:
    first: int  # token ids, 1-based
    last: int
    key: str


def read_places(d: Doc, s: Sentence, tree: Tree) -> None:
    """locatedIn facts between the sentence's places, facilities and bodies.

    A direction word between two places, and a capital:

    >>> from kg import build
    >>> g = build(texts=["وصل الوفد إلى مدينة بلخ شمال أفغانستان."])
    >>> [(f.subject, f.object) for f in g.facts(relation="locatedIn")]
    [('بلخ', 'أفغانستان')]
    >>> g = build(texts=["عقد المؤتمر في مدينة النجف جنوب بغداد."])
    >>> g.facts(relation="locatedIn")
    []
    >>> g = build(texts=["قصفت الطائرات مدينة الفاشر عاصمة ولاية شمال دارفور."])
    >>> [(f.subject, f.object) for f in g.facts(relation="locatedIn")]
    [('الفاشر', 'شمال دارفور')]
    """
    spans = _spans(d, s, tree)
    for sp in spans:
        _place_in_name(d, s, tree, sp)
    for k in range(1, len(spans)):
        x, y = spans[k - 1], spans[k]
        if d.ent(y.key).cls not in PLACES:
            continue
        words = [normalize(tree.tok(i).form) for i in range(x.last + 1, y.first)]
        how = _connector(words)
        if how is None or d.ent(x.key).cls not in _SITUATED:
            continue
        if how == "capital" and d.ent(x.key).cls != "City":
            continue
        if how == "direction" and d.ent(x.key).cls == d.ent(y.key).cls == "City":
            continue  # النجف جنوب بغداد: a city south of another, not in it
        if how == "in" and d.ent(x.key).cls == "Organization" and not _attached(tree, y, x):
            continue  # رئيس الحكومة الإسبانية في الرباط: where the meeting was, not the body
        if how == "in" and _sent_from(tree, x.first):
            continue  # وفد من قوات X في دمشق: where the delegation went, not the body
        for member in [x, *(_coordinated_before(d, spans, k - 1, tree) if how == "in" else [])]:
            d.fact(member.key, "locatedIn", y.key, s, tree, [0, member.first, y.last], LOCATED)


#: Nouns of people sent by a body (وفد من X, بعثة من X): a place after them is where they are.
_ENVOYS = frozenset(normalize(w) for w in "وفد وفدا وفود بعثة".split())


def _sent_from(tree: Tree, first: int) -> bool:
    """Whether the span starting at token ``first`` names the body an envoy noun comes
    from (وفد من الجيش السوداني في القاهرة, وفد الحكومة في جدة): the place after it is where
    the envoys are, not where the body is.

    >>> from kg import build
    >>> g = build(texts=["وفد من الجيش السوداني في القاهرة لبحث الهدنة."])
    >>> g.facts(relation="locatedIn")
    []
    """
    k = first - 1
    if k >= 1 and normalize(tree.tok(k).form) == "من":
        k -= 1
    return k >= 1 and strip_al(normalize(tree.tok(k).form)) in _ENVOYS


def _place_in_name(d: Doc, s: Sentence, tree: Tree, sp: _Span) -> None:
    """بعثة الأمم المتحدة في ليبيا: a body's name that ends with في or ب and a known place."""
    if d.ent(sp.key).cls not in _SITUATED:
        return
    for k in range(sp.first + 1, sp.last):
        if normalize(tree.tok(k).form) not in _IN:
            continue
        ids = list(range(k + 1, sp.last + 1))
        a, b = tree.span(ids)
        places = [e for e in lookup_name(d.text[a:b]) if e.cls in PLACES]
        if len(places) != 1:
            return  # unknown, or more than one place by that name
        e = places[0]
        key = d.mention(s, tree, ids, f"gaz:{e.key}", e.cls, "name", ids[0], gender="f")
        d.fact(sp.key, "locatedIn", key, s, tree, [0, sp.first, sp.last], LOCATED)
        return


def _spans(d: Doc, s: Sentence, tree: Tree) -> list[_Span]:
    """The sentence's mentions of places, bodies and things as token spans, in order, a
    mention inside a longer one left out."""
    by_offset = {t.start: t.id for t in s.tokens}
    ends = {t.end: t.id for t in s.tokens}
    out: list[_Span] = []
    for m in d.mentions:
        if m.sentence != s.index or m.start not in by_offset or m.end not in ends:
            continue
        cls = d.ent(m.entity).cls
        if cls not in PLACES and cls not in ("Organization", "Group"):
            continue
        out.append(_Span(by_offset[m.start], ends[m.end], d.find(m.entity)))
    out.sort(key=lambda sp: (sp.first, -sp.last))
    kept: list[_Span] = []
    for sp in out:
        if kept and sp.first <= kept[-1].last:
            continue  # inside (or across) the mention before
        kept.append(sp)
    return kept


def _connector(words: list[str]) -> str | None:
    """What the words between two mentions say: "in", "capital", "direction" or nothing.
    A place's designator may stand before the second name (في مدينة بنغازي)."""
    core = [w for w in words if w not in _LOOSE]
    if len(core) == 1 and core[0] in _CAPITAL:
        return "capital"  # (عاصمة is also a designator of cities: test it first)
    while core and designators().get(core[-1]) in ("City", "Region", "Place", "Country"):
        core.pop()
    if not core:
        return None
    if len(core) == 1 and core[0] in _IN:
        return "in"
    rest = core[1:] if core[0] in _IN else core
    if 1 <= len(rest) <= 2 and all(w in DIRECTIONS for w in rest):
        return "direction"
    return None


def _attached(tree: Tree, y: _Span, x: _Span) -> bool:
    """Whether the parse hangs the place on the body's phrase (a body is in a place only
    when the phrase says so; a place adjunct of the clause situates an event)."""
    inside = range(x.first, x.last + 1)
    return any(tree.tok(k).head in inside for k in range(y.first, y.last + 1))


def _coordinated_before(d: Doc, spans: list[_Span], k: int, tree: Tree) -> list[_Span]:
    """The members of a list that ends with spans[k] (X و Y و Z): each is situated too."""
    out: list[_Span] = []
    while k > 0:
        prev, cur = spans[k - 1], spans[k]
        between = [normalize(tree.tok(i).form) for i in range(prev.last + 1, cur.first)]
        if [w for w in between if w not in _LOOSE] != [_AND]:
            break
        if d.ent(prev.key).cls not in _SITUATED:
            break
        out.append(prev)
        k -= 1
    return out
