"""Whose positions were hit: an attack on a group's sites is an attack on the group.

شنت القوات غارات على مواقع لتنظيم داعش: the strikes targeted the positions, and through
them the organisation that holds them. For each attack fact of a sentence whose object is
a noun of sites (مواقع، معاقل، مقرات، تجمعات) with an organisation, group or person after
it (in the genitive or after ل), the same fact holds of that holder.
"""

from __future__ import annotations

from dataclasses import replace

from ..lexicon import relations as lexmod
from ..model import Sentence
from ..text import normalize
from .confidence import SITES_OWNER
from .state import Doc
from .tree import Tree

#: Relations of an attack whose object may be a holder's sites.
ATTACK_RELATIONS = frozenset({"targeted", "attacked", "struck"})
#: Nouns of the sites a party holds (مواقع لداعش، معاقل الحركة، مقرات الحزب).
SITE_NOUNS = frozenset(normalize(w) for w in "موقع مواقع معقل معاقل مقر مقرات تجمع تجمعات".split())
#: Who holds sites: an actor, never a place (مواقع في سوريا).
HOLDERS = frozenset({"Organization", "Group", "Person"})


def read_site_holders(d: Doc, s: Sentence, tree: Tree) -> None:
    """The attack facts on a holder of the sites a sentence's attack facts hit.

    >>> from kg import build
    >>> g = build(texts=["شنت المقاتلات غارات على مواقع لحزب العمال الكردستاني."])
    >>> [(f.subject, f.relation, f.object) for f in g.facts() if f.relation == "targeted"]
    [('المقاتلات', 'targeted', 'مواقع لحزب العمال الكردستاني'), ('المقاتلات', 'targeted', 'حزب العمال الكردستاني')]
    """
    facts = [d.facts[n] for n in d.sentence_facts(s.index)]
    facts = [f for f in facts if f.relation in ATTACK_RELATIONS]
    for f in facts:
        holder = _holder(d, s, tree, f.object)
        if holder is not None and holder != d.find(f.subject):
            d.facts.append(replace(f, object=holder, confidence=min(f.confidence, SITES_OWNER)))


def _holder(d: Doc, s: Sentence, tree: Tree, obj: str) -> str | None:
    """The holder named after the site noun heading entity obj's mention in sentence s."""
    for t in s.tokens:
        if d.token_ent.get((s.index, t.id)) is None or d.find(d.token_ent[(s.index, t.id)]) != obj:
            continue
        if lexmod.key(t.lemma) not in SITE_NOUNS and normalize(t.form) not in SITE_NOUNS:
            continue
        for j in tree.children(t.id, "nmod"):
            if tree.has_case(j) and tree.case(j) != "ل":
                continue
            # لتنظيم "داعش": the name may be the one hung on the holder's noun
            for k in (j, *tree.children(j, "nmod", "flat", "appos")):
                key = d.token_ent.get((s.index, k))
                if key is not None and d.ent(key).cls in HOLDERS:
                    return d.find(key)
        return None
    return None
