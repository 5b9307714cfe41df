"""Events a clause's subject suffered: تعرضت دورية لإطلاق نار من قبل مسلحين, تعرض المقر
لهجوم. The subject of تعرض is what the attack hit, not its doer; the doer, when told,
comes after من قبل (or من طرف). Read before the event noun's own arguments
(:func:`kg.extract.nouns.noun_facts`), which would take the verb's subject as the doer.

    >>> from kg import build
    >>> g = build(texts=["تعرض مقر الحزب لهجوم من قبل مجموعة مسلحة."])
    >>> [(f.subject, f.relation, f.object) for f in g.facts() if f.relation == "targeted"]
    [('مجموعة مسلحة', 'targeted', 'مقر الحزب')]
    >>> g = build(texts=["تعرضت دورية للجيش لإطلاق نار من قبل مسلحين قرب الحدود."])
    >>> [(f.subject, f.relation, f.object) for f in g.facts()]
    [('مسلحين', 'attacked', 'دورية للجيش')]
"""

from __future__ import annotations

from ..lexicon import relations as lexmod
from ..model import Sentence
from ..text import normalize
from .confidence import NOUN_AGENT
from .coref import ent_of
from .state import Doc
from .tree import Tree

#: Verbs of undergoing (تعرض ل / إلى): the subject is the one the event befell; its
#: forms too, as تعرض may be tagged as عرض (she shows).
SUFFER_VERBS = frozenset(normalize(w) for w in "تعرض".split())
SUFFER_FORMS = frozenset(
    normalize(w) for w in "تعرض تعرضت تعرضا تعرضتا تعرضوا يتعرض تتعرض يتعرضان يتعرضون".split()
)
#: The prepositions of what was undergone.
SUFFER_CASES = frozenset(normalize(w) for w in "ل إلى".split())
#: The passive agent's phrase: من قبل X, من طرف X.
BY_CASES = frozenset(normalize(w) for w in ("من قبل", "من طرف"))
#: Nouns of shooting, the genitive of إطلاق (إطلاق نار, إطلاق الرصاص): an attack.
SHOTS = frozenset(normalize(w) for w in "نار النار رصاص الرصاص".split())


def sufferer(d: Doc, s: Sentence, tree: Tree, n: int) -> tuple[str, int] | None:
    """The subject of تعرض when the noun at ``n`` is what it underwent (تعرض X لهجوم),
    with its token; else None."""
    v = tree.tok(n).head
    if (
        not v
        or tree.rel(n) != "obl"
        or tree.case(n) not in SUFFER_CASES
        or (
            lexmod.key(tree.tok(v).lemma) not in SUFFER_VERBS
            and normalize(tree.tok(v).form) not in SUFFER_FORMS
        )
    ):
        return None
    for j in tree.children(v, "nsubj"):
        key = ent_of(d, s, tree, j)
        if key is not None:
            return d.find(key), j
    return None


def doer_by(d: Doc, s: Sentence, tree: Tree, n: int) -> tuple[str, int] | None:
    """The doer told after من قبل / من طرف on the event noun (or on its genitive)."""
    for h in [n, *tree.children(n, "nmod")]:
        for j in tree.children(h, "nmod", "obl"):
            if tree.case(j) in BY_CASES:
                key = ent_of(d, s, tree, j)
                if key is not None:
                    return d.find(key), j
    return None


def shooting(tree: Tree, n: int) -> bool:
    """إطلاق نار: the noun of launching with shots as its genitive, an attack."""
    return lexmod.key(tree.tok(n).lemma) == normalize("إطلاق") and any(
        normalize(tree.tok(j).form) in SHOTS for j in tree.children(n, "nmod")
    )


def shots_suffered(d: Doc, s: Sentence, tree: Tree, n: int) -> bool:
    """تعرضت دورية لإطلاق نار من قبل مسلحين: the gunmen attacked the patrol (and the
    patrol launched nothing). Whether the noun was read so."""
    if not shooting(tree, n):
        return False
    hit = sufferer(d, s, tree, n)
    if hit is None:
        return False
    by = doer_by(d, s, tree, n)
    if by is not None and by[0] != hit[0]:
        d.fact(by[0], "attacked", hit[0], s, tree, [n, hit[1], by[1]], NOUN_AGENT, "اطلاق")
    return True
