"""Appraisals: describing something as bad is criticising it, as good is praising it.

وصفت المنظمة الحكم بأنه ظالم: the organisation criticized the ruling; وصف الوزير الاتفاق
بأنه خطوة تاريخية: the minister praised the agreement. The verb of describing gives an
open relation (its lemma) in ``relations``; when the words after بأن judge the object, that
fact's relation becomes ``criticized`` or ``praised``. غير before a word judges it the
other way (غير عادلة, غير قانوني: criticized). Criticism something draws is criticism of
it by whom it comes from (أثار القرار انتقادات من الاتحاد الأوروبي: the EU criticized the
decision; من بينها X: X too).
"""

from __future__ import annotations

from dataclasses import replace

from ..lexicon import relations as lexmod
from ..model import Sentence
from ..text import normalize, strip_diacritics
from .arguments import subjects
from .confidence import DRAWN_CRITICISM
from .coref import ent_of
from .state import Doc
from .tree import Tree

#: Verbs of describing something as something (وصف X بأنه Y).
DESCRIBING_VERBS = frozenset(normalize(w) for w in "وصف".split())
#: Words that judge what they describe as bad.
BAD_WORDS = frozenset(
    normalize(w)
    for w in "ظالم جائر باطل خطير مسيس تعسفي استفزازي عدواني مخز كارثي فاشل سلبي عبثي "
    "متهور ارهابي انتهاك جريمة مؤسف عنصري وحشي".split()
)
#: Words that judge what they describe as good (and as bad after غير: غير عادلة).
GOOD_WORDS = frozenset(
    normalize(w)
    for w in "تاريخي ايجابي مثمر بناء ناجح شجاع جيد ممتاز مهم هام انجاز عادل قانوني مقبول "
    "شرعي مسؤول منصف".split()
)
#: Verbs of drawing a reaction (أثار القرار انتقادات, لقي, واجه).
DRAWING_VERBS = frozenset(normalize(w) for w in "اثار لقي واجه".split())
#: Nouns of criticism drawn.
CRITICISM_NOUNS = frozenset(normalize(w) for w in "انتقاد انتقادات تنديد استنكار ادانة".split())
#: The word that turns a judgement around (غير عادلة: unjust).
NEGATOR = normalize("غير")


def read_appraisals(d: Doc, s: Sentence, tree: Tree) -> None:
    """The describing facts of a sentence that judge their object, as criticized or praised.

    >>> from kg import build
    >>> g = build(texts=["ووصفت المنظمة الحكم بأنه ظالم."])
    >>> [(f.subject, f.relation, f.object) for f in g.facts()]
    [('المنظمة', 'criticized', 'الحكم')]
    >>> g = build(texts=["ووصف الوزير الاتفاق بأنه خطوة تاريخية."])
    >>> [(f.subject, f.relation, f.object) for f in g.facts()]
    [('الوزير', 'praised', 'الاتفاق')]
    """
    verbs = [t.id for t in s.tokens if t.upos == "VERB" and lexmod.key(t.lemma) in DESCRIBING_VERBS]
    for v in verbs:
        judged = _judgement(tree, v)
        if judged is None:
            continue
        at = tree.tok(v).start
        for n in d.sentence_facts(s.index):
            f = d.facts[n]
            if f.start <= at < f.end and f.lemma and lexmod.key(f.lemma) in DESCRIBING_VERBS:
                d.facts[n] = replace(f, relation=judged)


def _judgement(tree: Tree, v: int) -> str | None:
    """criticized or praised for the words after بأن on verb v, or None."""
    words = [c for c in tree.children(v, "ccomp") if tree.tok(c).upos in ("ADJ", "NOUN")]
    bad = good = False
    for w in words:
        negated = any(
            normalize(tree.tok(k).form) == NEGATOR for k in tree.children(w, "advmod", "amod")
        )
        for k in (w, *tree.children(w, "amod")):
            lemma = lexmod.key(tree.tok(k).lemma)
            bad |= lemma in BAD_WORDS or (negated and lemma in GOOD_WORDS)
            good |= lemma in GOOD_WORDS and not negated
    if bad == good:
        return None
    return "criticized" if bad else "praised"


def read_drawn_criticism(d: Doc, s: Sentence, tree: Tree) -> None:
    """Who criticized what drew their criticism (أثار X انتقادات من Y، من بينها Z).

    >>> from kg import build
    >>> g = build(texts=["وأثار القرار انتقادات واسعة من الاتحاد الأوروبي."])
    >>> [(f.subject, f.relation, f.object) for f in g.facts() if f.relation == "criticized"]
    [('الاتحاد الأوروبي', 'criticized', 'القرار')]
    """
    for t in s.tokens:
        if t.upos != "VERB" or lexmod.key(t.lemma) not in DRAWING_VERBS:
            continue
        nouns = [
            j
            for j in tree.children(t.id, "obj")
            if lexmod.key(tree.tok(j).lemma) in CRITICISM_NOUNS
        ]
        if not nouns:
            continue
        drawn = subjects(d, s, tree, t.id, False)[0]
        for c in _critics(tree, t.id, nouns[0]):
            critic = ent_of(d, s, tree, c)
            for x in drawn:
                d.fact(
                    critic,
                    "criticized",
                    x,
                    s,
                    tree,
                    [t.id, c],
                    DRAWN_CRITICISM,
                    strip_diacritics(t.lemma),
                )


def _critics(tree: Tree, v: int, n: int) -> list[int]:
    """Whom criticism noun n (object of verb v) comes from: its من phrase, and the noun
    after من بينها (whatever the parse hung it on)."""
    out = [j for j in tree.children(n, "nmod") if tree.case(j) == "من"]
    for k in range(n + 1, len(tree.toks)):
        if tree.tok(k).upos == "PRON" and normalize(tree.tok(k - 1).form) == normalize("بين"):
            # من بينها "منظمة العفو": the next word past a quotation mark
            nxt = next(
                (j for j in range(k + 1, len(tree.toks) + 1) if tree.tok(j).upos != "PUNCT"), 0
            )
            if nxt and tree.tok(nxt).upos in ("NOUN", "PROPN"):
                out.append(nxt)
            break
    return out
