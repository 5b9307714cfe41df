"""Forces sent somewhere: «ستنشر روسيا شرطتها العسكرية في مدينة دوما», «انتشرت وحدات
من الجيش في شوارع العاصمة».

نشر is to publish (نشر بيانا: issued) unless its object is a force: then the force is
sent to the place named under في or ب, which becomes its ``location`` (with the verb's
modality: ستنشر is to come), and nothing is issued. انتشر with a force as its subject
says the same.
"""

from __future__ import annotations

from ..model import Sentence
from ..text import normalize, strip_diacritics
from .confidence import EVENT_PLACE_TIME
from .coref import ent_of
from .phrases import strip_al
from .state import PLACES, Doc, Predicate
from .tree import Tree
from .words import FORCES

#: Lemmas of verbs of deploying a force (نشر) and of a force spreading out (انتشر).
DEPLOYING = frozenset(normalize(w) for w in "نشر".split())
SPREADING = frozenset(normalize(w) for w in "انتشر".split())
#: Nouns of a force besides :data:`kg.extract.words.FORCES` (شرطة، وحدة، كتيبة، لواء،
#: فرقة، عسكري، شرطي، حرس، درك).
FORCE_NOUNS = FORCES | frozenset(
    normalize(w) for w in "شرطة شرطي وحدة كتيبة لواء فرقة عسكري حرس درك منظومة بطارية".split()
)
#: Prepositions of where a force is sent (في، ب، إلى).
TO_PLACES = frozenset(normalize(w) for w in ("في", "ب", "إلى"))


def deployed(d: Doc, s: Sentence, tree: Tree, p: Predicate) -> bool:
    """A verb of deploying whose object is a force (or of spreading out whose subject is
    one): the force's location is the place named on the verb. Whether it was one (then
    the verb issues nothing).

    >>> from kg import build
    >>> g = build(texts=["ستنشر تركيا قواتها الخاصة في مدينة عفرين."])
    >>> [(f.subject, f.relation, f.object, f.modality) for f in g.facts(modality="*")]
    [('قواتها الخاصة', 'location', 'عفرين', 'planned')]
    >>> [f.relation for f in build(texts=["نشرت الوزارة بيانا في موقعها."]).facts()]
    ['issued']
    """
    lemma = _lemma(tree, p.v)
    if lemma in DEPLOYING:
        forces = [j for j in tree.children(p.v, "obj", "obl") if _force(tree, j)]
    elif lemma in SPREADING:
        forces = [j for j in tree.children(p.v, "nsubj") if _force(tree, j)]
    else:
        return False
    if not forces:
        return False
    force = ent_of(d, s, tree, forces[0])
    # the first place under في, ب or إلى after the force, before another verb (a parse
    # hangs it on the verb, on the force's adjective, or leaves في as a loose word)
    for k in range(forces[0] + 1, min(forces[0] + REACH, len(tree.toks)) + 1):
        if tree.tok(k).upos in ("VERB", "AUX"):
            break
        place = ent_of(d, s, tree, k, create=False)
        if place is None or d.ent(place).cls not in PLACES or not _under_to(tree, k):
            continue
        d.fact(force, "location", place, s, tree, [p.v, k], EVENT_PLACE_TIME, lemma)
        break
    return True


#: How many words after the force the place may come.
REACH = 8


def _under_to(tree: Tree, k: int) -> bool:
    """Whether place k is under في, ب or إلى: its own, that of the noun it names
    (في مدينة عفرين), or the word right before it."""
    heads = [k]
    if tree.base_rel(k) in ("flat", "nmod", "appos") and tree.tok(k).head:
        heads.append(tree.tok(k).head)
    if any(tree.case(h) in TO_PLACES for h in heads):
        return True
    return k > 1 and normalize(tree.tok(k - 1).form) in TO_PLACES


def _force(tree: Tree, j: int) -> bool:
    """Whether token j is a noun of a force with no preposition (قواتها، وحدة من الجيش)."""
    t = tree.tok(j)
    if t.upos not in ("NOUN", "PROPN") or (tree.case(j) and tree.base_rel(j) != "nsubj"):
        return False
    return strip_al(_lemma(tree, j)) in FORCE_NOUNS or strip_al(normalize(t.form)) in FORCE_NOUNS


def _lemma(tree: Tree, i: int) -> str:
    t = tree.tok(i)
    return normalize(strip_diacritics(t.lemma or t.form))
