"""The places a tour or a visit takes in: «جولة آسيوية تشمل فيتنام وتايلاند», «زيارة تشمل
عمان والقاهرة», «جولة تقوده إلى العراق وسوريا»; and the parties another event brings
together: «اجتماع رباعي يضم الأردن والإمارات» (:func:`includes_party`).

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
from .phrases import strip_al
from .state import PLACES, Doc
from .tree import Tree

#: Lemmas of verbs of including (تشمل، تضم، شملت), and of leading (تقوده إلى X و Y),
#: whose places come after إلى.
INCLUDING = frozenset(normalize(w) for w in "شمل ضم قاد".split())
#: Lemmas of verbs of beginning (بدأ، استهل، باشر): a tour begun is under way.
BEGINNING = frozenset(normalize(w) for w in "بدأ استهل باشر".split())
#: Lemmas of verbs by which an event brings parties together (يضم، يشمل).
GATHERING = frozenset(normalize(w) for w in "ضم شمل".split())
#: Who an event brings together: actors and countries (a city or a region it includes
#: is where it goes, as for a tour).
PARTIES = frozenset({"Person", "Organization", "Group", "Country"})
#: Relations of the nouns of a visit or a tour, whose including clause lists its stops.
VISITING = frozenset({"visited", "arrivedIn"})
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


def _including(tree: Tree, n: int, verbs: frozenset[str] = INCLUDING) -> list[int]:
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
        return [v] if lemma in verbs and t.head in above else []
    return []


def gathered_parties(d: Doc, s: Sentence, tree: Tree, n: int) -> list[tuple[str, int]]:
    """The parties (with their tokens) that a clause of including on event noun n brings
    together: actors and countries (اجتماع رباعي طارئ يضم الأردن والإمارات والكويت: each
    takes part in the meeting). Not for a visit, whose including clause lists its stops.

    >>> from kg import build
    >>> g = build(texts=["دعا الرئيس الفرنسي إلى اجتماع طارئ يضم ألمانيا وإيطاليا."])
    >>> sorted((f.subject, f.relation, f.object, f.modality) for f in g.facts(modality="*")
    ...        if f.relation == "participatedIn")
    ... # doctest: +NORMALIZE_WHITESPACE
    [('ألمانيا', 'participatedIn', 'اجتماع طارئ', 'planned'),
     ('إيطاليا', 'participatedIn', 'اجتماع طارئ', 'planned')]
    """
    entry = d.lex.noun(tree.tok(n).lemma) or d.lex.noun(strip_al(normalize(tree.tok(n).form)))
    if entry is not None and entry.relation in VISITING:
        return []
    out: list[tuple[str, int]] = []
    for v in _including(tree, n, GATHERING):
        for j in tree.children(v, "nsubj", "obj"):
            for x in expand(d, s, tree, j):
                key = ent_of(d, s, tree, x)
                if key is not None and d.ent(key).cls in PARTIES and key not in (o for o, _ in out):
                    out.append((key, x))
    return out


def includes_party(d: Doc, lemma: str, subj: str, obj: str) -> bool:
    """Whether «subj يضم obj» says an event brings a party together with others: no open
    relation then (:func:`gathered_parties` reads it as taking part)."""
    if normalize(strip_diacritics(lemma)) not in GATHERING:
        return False
    if d.ent(subj).cls != "Event" or d.ent(obj).cls not in PARTIES:
        return False
    for name in d.ent(subj).names[:1]:
        words = name.split()
        entry = d.lex.noun(strip_al(normalize(words[0]))) if words else None
        if entry is not None and entry.relation in VISITING:
            return False  # جولة تشمل الجزائر: a stop of the tour
    return True
