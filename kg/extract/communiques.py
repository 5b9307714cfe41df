"""Events of dated communiqués: «…، وفق بلاغ لوزارة الداخلية اليوم», «…، بحسب بيان صادر
أمس عن وزارة الدفاع». The article gives the day of the statement it cites, not of the
act it tells: the statement becomes an event of its issuer, dated by that day (the
announcement of :mod:`kg.extract.occurrences`, told by a noun).

    >>> from kg import build
    >>> g = build(texts=["أذنت النيابة بالاحتفاظ بالمشتبه بهم، وفق بلاغ لوزارة الداخلية اليوم."])
    >>> sorted((f.subject, f.relation, f.object) for f in g.facts() if "بلاغ" in f.subject + f.object)
    [('بلاغ وزارة الداخلية', 'pointInTime', 'اليوم'), ('وزارة الداخلية', 'participatedIn', 'بلاغ وزارة الداخلية')]
"""

from __future__ import annotations

from ..lexicon.relations import key as lexkey
from ..model import ASSERTED, Sentence
from ..text import normalize
from .confidence import OCCURRENCE_EVENT
from .finish import label
from .modality import ATTRIBUTIONS
from .state import Doc
from .tree import Tree

#: Nouns of a written statement an article cites (بلاغ, بيان).
COMMUNIQUES = frozenset(normalize(w) for w in "بلاغ بيان".split())
#: Classes of who issues a statement.
ISSUERS = frozenset({"Person", "Organization", "Group", "Country"})
#: The verb or adjective of issuing (بيان صدر / صادر عن): no new clause.
ISSUING = frozenset(normalize(w) for w in "صدر صادر".split())
#: Punctuation that ends the attribution phrase.
STOPS = frozenset({"،", ",", ".", "؛", ";", ":"})


def communique_events(d: Doc, s: Sentence, tree: Tree) -> None:
    """An event for each cited statement whose phrase names its issuer and a day."""
    cited = {normalize(w) for w in ATTRIBUTIONS}
    for j in range(1, len(tree.toks) + 1):
        if tree.case(j) not in cited or lexkey(tree.tok(j).lemma) not in COMMUNIQUES:
            continue
        issuer, time = _issuer_and_time(d, s, tree, j)
        if issuer is None or time is None:
            continue
        key = d.mention(s, tree, [j], f"event:communique:{s.index}:{j}", "Event", "event", j)
        event = d.ent(key)
        name = f"{normalize(tree.tok(j).form)} {label(d.ent(issuer[0]))}"
        if d.analysed.doc.lang == "en":
            name = f"statement by {label(d.ent(issuer[0]))}"
        event.names = [name]
        event.value = f"{name} {tree.tok(j).start}"
        new = len(d.facts)
        d.fact(issuer[0], "participatedIn", key, s, tree, [j, issuer[1]], OCCURRENCE_EVENT)
        d.fact(key, "pointInTime", time[0], s, tree, [j, time[1]], OCCURRENCE_EVENT)
        for f in d.facts[new:]:
            f.modality = ASSERTED  # the statement was issued, whatever it reports


def _issuer_and_time(
    d: Doc, s: Sentence, tree: Tree, j: int
) -> tuple[tuple[str, int] | None, tuple[str, int] | None]:
    """The issuer (under ل or عن, or the noun's genitive) and the first time expression
    in the words after the statement noun, up to a punctuation mark or another verb."""
    issuer: tuple[str, int] | None = None
    time: tuple[str, int] | None = None
    for k in range(j + 1, len(tree.toks) + 1):
        t = tree.tok(k)
        if t.form in STOPS:
            break
        if t.upos in ("VERB", "AUX") and lexkey(t.lemma) not in ISSUING:
            break
        found = d.token_ent.get((s.index, k))
        if found is None:
            continue
        cls = d.ent(found).cls
        if cls == "TimeExpression" and time is None:
            time = (found, k)
        elif cls in ISSUERS and issuer is None and tree.case(k) in ("ل", "عن", ""):
            issuer = (d.find(found), k)
    return issuer, time
