"""Rulings that impose a penalty: who a court sentenced.

A court rules by a penalty noun (إعدام، سجن، حبس) whose genitive names the convicted:
قضت المحكمة بسجن X, أصدرت محكمة حكما يقضي بإعدام 17 شخصا. The ruling verb gives its
``ruled`` fact elsewhere (``relations``); here the court ``sentenced`` the people in the
genitive. A penalty noun under a ruling is no killing: an execution ordered by a court is
not a death caused (``nouns`` asks :func:`imposed_penalty`).
"""

from __future__ import annotations

from dataclasses import replace

from ..lexicon import relations as lexmod
from ..model import Sentence
from ..text import normalize
from .arguments import subjects
from .casualties import victims
from .confidence import PENALTY_RULING
from .coref import ent_of
from .state import Doc
from .tree import Tree

#: Nouns of a penalty a court imposes (بإعدام X، بسجن X، بحبس X).
PENALTY_NOUNS = frozenset(normalize(w) for w in "اعدام سجن حبس".split())
#: Verbs a ruling is given with (قضت المحكمة ب, حكمت ب, حكما يقضي ب).
RULING_VERBS = frozenset(normalize(w) for w in "قضي قضى حكم".split())
#: Verbs of ordering: a penalty ordered is imposed, not carried out (أمرت المحكمة بإعدام X:
#: a sentence when a court orders it, no killing by whoever orders it).
ORDERING_VERBS = frozenset(normalize(w) for w in "امر".split())
#: Nouns of a ruling (أحكام بإعدام 17, حكما بسجن X).
RULING_NOUNS = frozenset(normalize(w) for w in "حكم احكام".split())
#: Verbs whose subject gives the ruling noun they take (أصدرت المحكمة حكما).
ISSUING_VERBS = frozenset(normalize(w) for w in "اصدر".split())
#: Verbs that, said of a court, convict (أدانت المحكمة X) rather than condemn.
CONVICTING_VERBS = frozenset(normalize(w) for w in "ادان".split())
#: First words of the name of a court or a judge.
COURT_WORDS = frozenset(normalize(w) for w in "محكمة المحكمة قاضي القاضي".split())
#: What never gives a ruling (a court is often an unnamed Thing: المحكمة، محكمة عسكرية).
NOT_COURTS = frozenset({"Event", "Quantity", "TimeExpression", "Statement"})
_ON = normalize("على")


def imposed_penalty(tree: Tree, n: int) -> bool:
    """Whether noun n is a penalty a ruling imposes (قضت ... بإعدام, أحكام بإعدام).

    >>> from kg import build
    >>> g = build(texts=["قضت محكمة الجنايات بإعدام أربعة متهمين."])
    >>> [(f.subject, f.relation, f.object) for f in g.facts() if f.relation != "ruled"]
    [('محكمة الجنايات', 'sentenced', 'أربعة متهمين')]
    """
    h = tree.tok(n).head
    if not h or lexmod.key(tree.tok(n).lemma) not in PENALTY_NOUNS:
        return False
    if n > 2 and normalize(tree.tok(n - 2).form) in RULING_NOUNS and tree.case(n) == "ب":
        return True  # أحكام بإعدام 17, whatever the parse hung it on
    if tree.tok(h).upos == "VERB":
        return lexmod.key(tree.tok(h).lemma) in RULING_VERBS | ORDERING_VERBS
    return _ruling_noun(tree, h)


def _ruling_noun(tree: Tree, i: int) -> bool:
    t = tree.tok(i)
    return (
        bool(i)
        and t.upos == "NOUN"
        and (lexmod.key(t.lemma) in RULING_NOUNS or normalize(t.form) in RULING_NOUNS)
    )


def read_sentences(d: Doc, s: Sentence, tree: Tree) -> None:
    """The ``sentenced`` facts of a sentence's penalty nouns under a ruling.

    >>> from kg import build
    >>> g = build(texts=["قضت محكمة عسكرية بسجن الصحفي خالد العمري خمس سنوات."])
    >>> [(f.subject, f.relation, f.object) for f in g.facts() if f.relation == "sentenced"]
    [('محكمة عسكرية', 'sentenced', 'خالد العمري')]
    """
    bare: list[int] = []  # penalty nouns without a genitive (بالسجن 5 سنوات)
    sentenced = False
    for t in s.tokens:
        if t.upos != "NOUN" or not imposed_penalty(tree, t.id):
            continue
        v, courts = _court(d, s, tree, tree.tok(t.id).head)
        # the genitive only: a count after the noun is a term (بالسجن 5 سنوات), no one
        convicted = victims(d, s, tree, t.id) if _genitives(tree, t.id) else []
        if not _genitives(tree, t.id):
            bare.append(t.id)
            if courts:
                convicted = _party_on(d, s, tree, v, t.id)  # قضت بالسجن 5 سنوات على X
        for obj, oi in convicted if courts else []:
            sentenced = True
            for court in courts:
                d.fact(court, "sentenced", obj, s, tree, [v, oi], PENALTY_RULING, "حكم")
    if sentenced:
        _drop_term_facts(d, s, tree, bare)


#: Nouns of an acquittal a court rules (قضت المحكمة ببراءة X).
ACQUITTAL_NOUNS = frozenset(normalize(w) for w in "براءة".split())


def read_acquittals(d: Doc, s: Sentence, tree: Tree) -> None:
    """A court that rules the acquittal of people (قضت المحكمة ببراءة X) ruled on them:
    the acquitted are the noun's genitive, or the ruling verb's object the parse hung
    there (قضت محكمة الجنايات ببراءة جميع المتهمين).

    >>> from kg import build
    >>> g = build(texts=["قضت محكمة جنايات القاهرة أمس ببراءة جميع المتهمين في القضية."])
    >>> [(f.subject, f.object) for f in g.facts() if f.relation == "ruled"]
    [('محكمة جنايات القاهرة', 'جميع المتهمين')]
    """
    for t in s.tokens:
        v = t.head
        if (
            t.upos != "NOUN"
            or lexmod.key(t.lemma) not in ACQUITTAL_NOUNS
            or tree.case(t.id) != "ب"
            or not v
            or tree.tok(v).upos != "VERB"
            or lexmod.key(tree.tok(v).lemma) not in RULING_VERBS
        ):
            continue
        v, courts = _court(d, s, tree, v)
        gen = _genitives(tree, t.id)
        acquitted = [
            (key, j)
            for j in gen or [j for j in tree.children(v, "obj") if j > t.id]
            if (key := ent_of(d, s, tree, j)) is not None
        ]
        for court in courts:
            for who, j in acquitted:
                d.fact(court, "ruled", who, s, tree, [v, j], PENALTY_RULING, "قضى ببراءة")
        if courts and acquitted:
            _only_acquitted(d, s, v, {d.find(k) for k, _ in acquitted})


def _only_acquitted(d: Doc, s: Sentence, v: int, acquitted: set[str]) -> None:
    """Once a ruling verb acquits people, its other ruled facts (the noun براءة, a body or
    a city in a ب-phrase far down the sentence) say nothing more."""
    for k in reversed(d.sentence_facts(s.index)):  # from the end: deleting keeps the rest
        f = d.facts[k]
        if f.pred == v and f.relation == "ruled" and d.find(f.object) not in acquitted:
            del d.facts[k]


def _party_on(d: Doc, s: Sentence, tree: Tree, v: int, n: int) -> list[tuple[str, int]]:
    """Who a bare penalty noun is imposed on: the phrase in على on the ruling verb or on
    the noun (قضت المحكمة بالسجن 5 سنوات على الناشط)."""
    for h in (n, *tree.children(n, "amod"), v):  # (بالسجن المؤبد على: hung on the adjective)
        for j in tree.children(h, "obl", "nmod"):
            key = ent_of(d, s, tree, j) if tree.case(j) == _ON else None
            if key:
                return [(key, j)]
    return []


def _drop_term_facts(d: Doc, s: Sentence, tree: Tree, bare: list[int]) -> None:
    """Once a sentence says who was sentenced, a ruling verb's facts on a bare penalty
    noun (ruled > السجن) and on the term after it (قضى > 5 سنوات, read as «spent») say
    nothing more."""
    nouns = {ent_of(d, s, tree, n, create=False) for n in bare}
    for k in reversed(d.sentence_facts(s.index)):  # from the end: deleting keeps the rest
        f = d.facts[k]
        on_noun = f.relation == "ruled" and f.object in nouns
        term = f.relation == "open" and d.ent(f.object).cls in ("Quantity", "TimeExpression")
        if (on_noun or term) and lexmod.key(f.lemma) in RULING_VERBS:
            del d.facts[k]


def read_convictions(d: Doc, s: Sentence, tree: Tree) -> None:
    """A court that أدان someone convicted them (أدانت المحكمة X بتهم ...): the sentence's
    condemned facts of a court are sentenced ones.

    >>> from kg import build
    >>> g = build(texts=["أدانت محكمة فرنسية الوزير السابق بتهم فساد."])
    >>> [(f.subject, f.relation, f.object) for f in g.facts()]
    [('محكمة فرنسية', 'sentenced', 'الوزير السابق')]
    """
    for n in d.sentence_facts(s.index):
        f = d.facts[n]
        if (
            f.relation == "condemned"
            and lexmod.key(f.lemma) in CONVICTING_VERBS
            and _a_court(d, f.subject)
        ):
            d.facts[n] = replace(f, relation="sentenced")


def _genitives(tree: Tree, n: int) -> list[int]:
    return [
        j for j in tree.children(n, "nmod") if not tree.has_case(j) and tree.tok(j).upos != "PRON"
    ]


def _court(d: Doc, s: Sentence, tree: Tree, h: int) -> tuple[int, list[str]]:
    """Who gives the ruling h: the subject of a ruling verb, or of the verb that issues the
    ruling noun (أصدرت المحكمة حكما يقضي ب: the clause hangs on حكما, issued by the court);
    with that verb."""
    seen = 0
    while h and seen < 3:
        t = tree.tok(h)
        if tree.rel(h).startswith("acl") and _ruling_noun(tree, t.head):
            h, seen = t.head, seen + 1  # حكما يقضي ب: the ruling noun's issuer rules
            continue
        if t.upos == "VERB" and lexmod.key(t.lemma) in ORDERING_VERBS:
            keys = subjects(d, s, tree, h, False)[0]
            return h, [k for k in keys if _a_court(d, k)]  # أمرت المحكمة بسجن X
        if t.upos == "VERB" and lexmod.key(t.lemma) in RULING_VERBS and tree.children(h, "nsubj"):
            keys = subjects(d, s, tree, h, False)[0]
            return h, [k for k in keys if d.ent(k).cls not in NOT_COURTS]
        if t.upos == "VERB" and lexmod.key(t.lemma) not in ISSUING_VERBS | RULING_VERBS:
            return h, []
        if t.upos == "VERB" and lexmod.key(t.lemma) in ISSUING_VERBS:
            keys = subjects(d, s, tree, h, False)[0]
            return h, [k for k in keys if d.ent(k).cls not in NOT_COURTS]
        h = t.head
        seen += 1
    return h, []


def _a_court(d: Doc, key: str) -> bool:
    """Whether an entity is named as a court or a judge (محكمة الجنايات، القاضي X)."""
    return any(normalize(name).split(" ")[0] in COURT_WORDS for name in d.ent(key).names)
