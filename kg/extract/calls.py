"""Calls named by a noun alone, with the party called and no verb of making them.

«بعد اتصال هاتفي بنظيره», «خلال اتصاله مع الرئيس», «وذلك خلال اتصال هاتفي مع X»: the
call noun takes the party called (after ب or مع) but no verb makes it (أجرى, تلقى: see
:mod:`kg.extract.meetings`). Its maker is the noun's possessor (اتصاله: the person the
pronoun stands for), or else the subject of the clause it is told in, climbing from a
clause with no agent (أكد الرئيس أن المحادثات تتقدم بعد اتصال ...: the talks made no
call) to the clause it depends on. Both took part in the call.

>>> from kg import build
>>> g = build(texts=["شدد الملك على أهمية التعاون، وذلك خلال اتصال هاتفي مع أمير الكويت."])
>>> sorted(f.subject for f in g.facts(relation="participatedIn"))
['أمير الكويت', 'الملك']
"""

from __future__ import annotations

from ..lexicon import relations as lexmod
from ..model import Sentence
from .arguments import expand
from .confidence import PARTICIPATION_CAP
from .coref import ent_of
from .state import AGENTIVE, Doc
from .tree import Tree
from .words import REMOTE_EVENTS

#: Prepositions that take the party a call is made to.
PARTY_CASES = frozenset({"ب", "مع"})
#: Relations through which a clause with no agent hangs on the clause it depends on.
CLIMB = frozenset({"ccomp", "conj", "advcl", "xcomp", "parataxis"})
#: How many clauses up the maker of the call is looked for.
MAX_CLIMB = 3
#: Confidence of a call fact read off a call noun with no verb of making it.
CALL_NOUN = 0.7


def read_call_nouns(d: Doc, s: Sentence, tree: Tree) -> None:
    """Both sides of each call noun with a party called and no fact yet about the call."""
    for t in s.tokens:
        event = d.token_ent.get((s.index, t.id))
        if event is None or d.ent(event).cls != "Event":
            continue
        if d.lex.event_type(lexmod.key(t.lemma)) not in REMOTE_EVENTS:
            continue
        key = d.find(event)
        if any(f.relation == "participatedIn" and f.object == key for f in d.facts):
            continue
        called = _called(d, s, tree, t.id)
        if not called:
            continue
        maker = _maker(d, s, tree, t.id)
        if maker is None or maker in called:
            continue
        conf = min(CALL_NOUN, PARTICIPATION_CAP)
        for who in [maker, *called]:
            d.fact(who, "participatedIn", event, s, tree, [t.id], conf)


def _called(d: Doc, s: Sentence, tree: Tree, call: int) -> list[str]:
    """The agents after ب or مع on the call noun."""
    out: list[str] = []
    for j in tree.children(call, "nmod"):
        if tree.case(j) not in PARTY_CASES:
            continue
        for x in expand(d, s, tree, j):
            k = ent_of(d, s, tree, x)
            if k is not None and d.ent(k).cls in AGENTIVE and d.find(k) not in out:
                out.append(d.find(k))
    return out


def _maker(d: Doc, s: Sentence, tree: Tree, call: int) -> str | None:
    """The call's possessor (اتصاله), or the agent subject of the nearest clause above."""
    for k in tree.children(call, "nmod", "nmod:poss"):
        if tree.tok(k).upos == "PRON" and not tree.has_case(k):
            who = ent_of(d, s, tree, k)
            return d.find(who) if who is not None and d.ent(who).cls in AGENTIVE else None
    node = tree.tok(call).head
    for _ in range(MAX_CLIMB):
        if not node:
            return None
        if tree.tok(node).upos == "VERB":
            for k in tree.children(node, "nsubj"):
                who = ent_of(d, s, tree, k)
                if who is not None and d.ent(who).cls in AGENTIVE:
                    return d.find(who)
        if tree.rel(node) not in CLIMB:
            return None
        node = tree.tok(node).head
    return None
