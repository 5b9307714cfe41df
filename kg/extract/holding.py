"""Events a verb's complement says are to be held: «اتفقا على عقد قمة في الرباط الشهر
المقبل», «قرر إجراء الانتخابات في يونيو», «دعا إلى تنظيم مؤتمر في جنيف».

The verb (the agreement, the decision, the call) has a verbal noun of holding as its
complement, and the event noun is that verbal noun's genitive. A place or a time named on
the verb *after* that complement says where and when the event is to be held, not where or
when the agreement was made: it goes to the event (:mod:`kg.extract.events`), and is no
time or place of the verb's own act (:meth:`kg.extract.state.Doc.time_at`,
:mod:`kg.extract.occurrences`). What is named before the complement stays the verb's
(اتفقا أمس في عمان على عقد قمة: the agreement was made in Amman yesterday).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Sentence
from ..text import normalize, strip_diacritics
from .tree import Tree

if TYPE_CHECKING:
    from .state import Doc

#: Verbal nouns of holding an event (عقد قمة، إجراء محادثات، تنظيم مؤتمر، إقامة حفل).
HOLDING = frozenset(normalize(w) for w in "عقد إجراء تنظيم إقامة استضافة".split())
#: Lemmas of verbs and nouns of calling for something (دعا إلى، طالب ب، طلب، اقترح، دعوة).
CALLING = frozenset(normalize(w) for w in "دعا طالب طلب اقترح دعوة".split())
#: Nouns of gatherings (اجتماع، قمة، مؤتمر، لقاء، محادثات، مفاوضات، جلسة، منتدى): one
#: called for is to come (دعا إلى اجتماع طارئ الأحد: the meeting is on Sunday), as one
#: whose holding is called for.
GATHERINGS = frozenset(
    normalize(w) for w in "اجتماع قمة مؤتمر لقاء محادثة محادثات مفاوضات جلسة منتدى".split()
)


def holding_complement(tree: Tree, v: int) -> int:
    """The verbal noun of holding that is verb v's complement, with a noun as its
    genitive (على عقد قمة، إجراء الانتخابات), or 0.

    >>> from kg.model import Token
    >>> toks = (
    ...     Token(1, "اتفق", "اتفق", "VERB", 0, "root", 0, 4),
    ...     Token(2, "على", "على", "ADP", 3, "case", 5, 8),
    ...     Token(3, "عقد", "عقد", "NOUN", 1, "obl", 9, 12),
    ...     Token(4, "قمة", "قمة", "NOUN", 3, "nmod", 13, 16),
    ... )
    >>> tree = Tree(Sentence(0, 0, 16, "اتفق على عقد قمة", toks))
    >>> holding_complement(tree, 1), holding_complement(tree, 3)
    (3, 0)
    """
    if not v or tree.tok(v).upos != "VERB":
        return 0
    firsts = tree.children(v, "obl", "obj")
    if _lemma(tree, v) in CALLING:  # دعا إلى اجتماع طارئ: the gathering called for
        called = [c for c in firsts if called_gathering(tree, c)]
        if called:
            return called[0]
    # على فتح الحدود وعقد قمة: the verbal noun of holding coordinated with the complement
    for c in [*firsts, *(k for f in firsts for k in tree.children(f, "conj"))]:
        t = tree.tok(c)
        if t.upos != "NOUN" or normalize(strip_diacritics(t.lemma or t.form)) not in HOLDING:
            continue
        if any(not tree.has_case(n) for n in tree.children(c, "nmod")):
            return c
    return 0


def held_events(d: Doc, s: Sentence, tree: Tree) -> dict[str, tuple[int, int, int]]:
    """For each event a verb's complement says is to be held: the verb, the verbal noun
    of holding and the event noun (keyed by the event's entity).

    >>> from kg import build
    >>> g = build(texts=["اتفق الوزيران على عقد اجتماع موسع في عمان الشهر المقبل."])
    >>> sorted((f.subject, f.relation, f.object, f.modality)
    ...        for f in g.facts(modality="*") if f.relation in ("location", "pointInTime"))
    [('اجتماع موسع', 'location', 'عمان', 'planned'),
     ('اجتماع موسع', 'pointInTime', 'الشهر المقبل', 'planned')]
    """
    out: dict[str, tuple[int, int, int]] = {}
    for t in s.tokens:
        v = t.id
        c = holding_complement(tree, v)
        if not c:
            continue
        key = d.token_ent.get((s.index, c))
        if _lemma(tree, c) in GATHERINGS and key is not None and d.ent(key).cls == "Event":
            out.setdefault(d.find(key), (v, c, c))  # دعا إلى اجتماع: the event itself
            continue
        for n in tree.children(c, "nmod"):
            key = d.token_ent.get((s.index, n))
            if key is not None and d.ent(key).cls == "Event" and not tree.has_case(n):
                out.setdefault(d.find(key), (v, c, n))
                break
    return out


def purpose_after(tree: Tree, v: int, c: int) -> int:
    """The first purpose phrase after the complement c of holding an event (طلبت عقد جلسة
    لبحث الوضع في السودان): a ل + verbal noun in construct, on c or on the verb v. A place
    named after it is what the purpose is about, not where the event is held; 0 if none.

    >>> from kg import build
    >>> g = build(texts=["طلبت هولندا عقد جلسة طارئة لمناقشة الأوضاع في ليبيا."])
    >>> [f for f in g.facts(modality="*") if f.relation == "location"]
    []
    """
    for k in sorted([*tree.children(c, "nmod"), *tree.children(v, "obl", "advcl")]):
        t = tree.tok(k)
        if (
            k > c
            and t.upos == "NOUN"
            and tree.case(k) == "ل"
            and "Definite=Def" not in (t.feats or "")
            and tree.children(k, "nmod")
        ):
            return k
    return 0


#: Lemmas of adjectives saying an event is scheduled (الانتخابات المقرر إجراؤها).
SCHEDULING = frozenset(normalize(w) for w in "مقرر مزمع منتظر مرتقب متوقع".split())


def scheduled_holding(tree: Tree, c: int) -> int:
    """The event noun of «EVENT المقرر إجراؤها» when c is the verbal noun of holding
    (إجراؤها، عقده) right after a scheduling adjective, with a pronoun that stands for the
    event noun before it (skipping the noun's adjectives); 0 otherwise. A time or place
    after c is when and where the event is to be held, whatever the parse hangs it on.

    >>> from kg import build
    >>> g = build(texts=["أعلنت الحكومة موعد الانتخابات البلدية المقرر إجراؤها يوم الأحد المقبل."],
    ...           date="2024-03-13")
    >>> [(f.subject, f.object, f.modality) for f in g.facts(relation="pointInTime", modality="*")]
    [('الانتخابات البلدية', 'يوم الأحد المقبل', 'planned')]
    """
    t = tree.tok(c)
    if c < 3 or t.upos != "NOUN" or _lemma(tree, c) not in HOLDING:
        return 0
    if _lemma(tree, c - 1) not in SCHEDULING or tree.tok(c - 1).upos not in ("ADJ", "NOUN"):
        return 0
    if c >= len(tree.toks) or tree.tok(c + 1).upos != "PRON" or tree.tok(c + 1).start != t.end:
        return 0
    n = c - 2
    while n > 0 and tree.tok(n).upos == "ADJ":
        n -= 1
    return n if n > 0 and tree.tok(n).upos == "NOUN" else 0


def scheduled_complement(tree: Tree, v: int) -> int:
    """A verbal noun of «EVENT المقرر إجراؤها» that a parse hangs on verb v: a time
    named on v after it is the event's (:func:`scheduled_holding`), not v's; or 0."""
    for c in tree.children(v, "obj", "obl", "nsubj", "nmod"):
        if scheduled_holding(tree, c):
            return c
    return 0


#: Prepositions of what is called for (دعا إلى، طالب ب) or none (طلب اجتماعا): not a
#: gathering during which the call is made (دعا أثناء لقاء).
CALLED_CASES = frozenset(normalize(w) for w in ("إلى", "ب", ""))


def called_gathering(tree: Tree, c: int) -> bool:
    """Whether complement c of a verb of calling is a gathering it calls for (دعا إلى
    اجتماع، طلب اجتماعا), not one it is made at (دعا أثناء لقاء).

    >>> from kg import build
    >>> g = build(texts=["دعا الوزير أثناء لقاء في روما إلى تعزيز التعاون."])
    >>> [f.modality for f in g.facts(relation="location", modality="*")]
    ['asserted']
    """
    t = tree.tok(c)
    return t.upos == "NOUN" and _lemma(tree, c) in GATHERINGS and tree.case(c) in CALLED_CASES


def _lemma(tree: Tree, i: int) -> str:
    t = tree.tok(i)
    return normalize(strip_diacritics(t.lemma or t.form))
