"""The places a tour or a visit takes in: «جولة آسيوية تشمل فيتنام وتايلاند», «زيارة تشمل
عمان والقاهرة», «جولة تقوده إلى العراق وسوريا».

A relative clause of including (تشمل، تضم) on the noun of a visit names the places the
visitor goes to: each is visited, with the visit's modality (a tour one will begin
tomorrow is to come). A tour one has just begun (بدأ جولة تشمل X وY) has reached its
first stop; the later ones are still to come (:func:`later_stops`). The parse makes the
places the subject of the clause as often as its object.
"""

from __future__ import annotations

from ..model import Sentence
from ..text import normalize, strip_diacritics
from .arguments import expand
from .coref import ent_of
from .state import PLACES, Doc
from .tree import Tree

#: Lemmas of verbs of including (تشمل، تضم، شملت), and of leading (تقوده إلى X و Y),
#: whose places come after إلى.
INCLUDING = frozenset(normalize(w) for w in "شمل ضم قاد".split())
#: Lemmas of verbs of beginning (بدأ، استهل، باشر): a tour begun is under way.
BEGINNING = frozenset(normalize(w) for w in "بدأ استهل باشر".split())
#: The preposition of the places a tour leads to.
TO = normalize("إلى")


def included_places(d: Doc, s: Sentence, tree: Tree, n: int) -> list[tuple[str, int]]:
    """The places (with their tokens) that a relative clause of including on visit noun
    n lists.

    >>> from kg import build
    >>> g = build(texts=["يبدأ وزير الخارجية الهندي غدا جولة آسيوية تشمل فيتنام وتايلاند."])
    >>> sorted((f.subject, f.object, f.modality) for f in g.facts(relation="visited", modality="*"))
    ... # doctest: +NORMALIZE_WHITESPACE
    [('وزير الخارجية الهندي', 'تايلاند', 'planned'),
     ('وزير الخارجية الهندي', 'فيتنام', 'planned')]
    """
    out: list[tuple[str, int]] = []
    for v in _including(tree, n):
        args = tree.children(v, "nsubj", "obj") + [
            j for j in tree.children(v, "obl") if tree.case(j) == TO
        ]
        for j in args:
            for x in expand(d, s, tree, j):
                key = ent_of(d, s, tree, x)
                if key is not None and d.ent(key).cls in PLACES and key not in (o for o, _ in out):
                    out.append((key, x))
    return out


def later_stops(tree: Tree, n: int, stops: list[int]) -> set[int]:
    """The stops (tokens) of a tour n that a verb of beginning has for its object and
    that come after the first: still to come when the tour has just begun.

    >>> from kg import build
    >>> g = build(texts=["بدأ وزير الخارجية الياباني أمس جولة أوروبية تشمل فرنسا وإيطاليا."])
    >>> sorted((f.object, f.modality) for f in g.facts(relation="visited", modality="*"))
    [('إيطاليا', 'planned'), ('فرنسا', 'asserted')]
    """
    h = tree.tok(n).head
    if not h or tree.base_rel(n) != "obj" or tree.tok(h).upos != "VERB":
        return set()
    if normalize(strip_diacritics(tree.tok(h).lemma or tree.tok(h).form)) not in BEGINNING:
        return set()
    return set(sorted(stops)[1:])


#: How many words after the noun of a visit its clause of including may start.
REACH = 8


def _including(tree: Tree, n: int) -> list[int]:
    """The verb of including that is the clause on noun n: the first verb after n (within
    :data:`REACH` words), when it is one of including and hangs in n's phrase or on a word
    n depends on (a parse may hang it on the region after في, on the sentence's verb or
    on its subject)."""
    above = {*tree.subtree(n), *tree.ancestors(n)}
    for v in range(n + 1, min(n + REACH, len(tree.toks)) + 1):
        t = tree.tok(v)
        if t.upos not in ("VERB", "AUX"):
            continue
        lemma = normalize(strip_diacritics(t.lemma or t.form))
        return [v] if lemma in INCLUDING and t.head in above else []
    return []
