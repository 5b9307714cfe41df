"""Clauses that restate an action noun: what sanctions or attacks described by a verb
(عقوبات تستهدف X، هجمات تستهدف X، تشمل العقوبات X) do, and who does it.

The verb's relation is the noun's (sanctions that target X sanction X), and its doer is
the noun's: the subject of the noun's support verb (فرضت كندا عقوبات تستهدف X: Canada),
or who plans the attacks (خلية متورطة في التخطيط لهجمات تستهدف X: the cell).

>>> from kg import build
>>> [(f.subject, f.relation, f.object) for f in build(texts=["شن المسلحون هجمات تستهدف العاصمة مقديشو."]).facts()]
[('المسلحون', 'launched', 'هجمات'), ('المسلحون', 'targeted', 'مقديشو')]
"""

from __future__ import annotations

from ..lexicon import relations as lexmod
from ..model import Sentence
from ..text import normalize
from .arguments import subjects
from .coref import ent_of
from .nouns import action_doer
from .phrases import bare_word, strip_al
from .state import Doc, Predicate
from .tree import Tree
from .words import SANCTION_SCOPE_VERBS, SANCTIONS

#: Event types of attacks, whose doer targets what the attack's clause says it targets.
ATTACK_EVENTS = frozenset(
    {"attack", "assault", "operation", "air raid", "strike", "bombing", "shelling"}
)
#: Nouns and verbs of planning something (التخطيط لهجمات، خطط لعمليات).
PLANNING_WORDS = frozenset(normalize(w) for w in "تخطيط خطط اعداد تحضير".split())


def clause_of_action(d: Doc, s: Sentence, tree: Tree, p: Predicate) -> None:
    """A verb that restates the action noun it describes or has as its subject (عقوبات
    تستهدف X, تشمل العقوبات X: sanctions target whom they include): the relation is the
    noun's, and its doer is the noun's (فرضت كندا عقوبات تستهدف X: Canada targeted X).
    So too an attack's clause (شن المسلحون هجمات تستهدف X: they targeted X), whose doer
    may be who plans it (خلية متورطة في التخطيط لهجمات تستهدف X: the cell)."""
    h = _action_subject(tree, p.v)
    if not h:
        return
    entry = d.lex.noun(tree.tok(h).lemma) or d.lex.noun(bare_word(tree.tok(h).form))
    if lexmod.key(p.lemma) in SANCTION_SCOPE_VERBS and _is_sanction(tree, h):
        p.rel, p.entry = "sanctioned", None  # تشمل العقوبات X: X is sanctioned
    elif entry is not None and entry.relation == "sanctioned" and p.rel == "targeted":
        p.rel = "sanctioned"  # عقوبات تستهدف X: what sanctions target, they sanction
    elif p.rel == "targeted" and _attack_noun(d, tree, h):
        pass  # هجمات تستهدف X: who carries out (or plans) the attacks targets X
    elif entry is None or entry.relation != p.rel:
        return
    doer = action_doer(d, s, tree, h) or _planner(d, s, tree, h)
    own = d.token_ent.get((s.index, h))
    if doer is not None and own is not None and p.subjects == [d.find(own)]:
        p.subjects = [doer]


def _attack_noun(d: Doc, tree: Tree, h: int) -> bool:
    """An attack or an operation (هجمات، عمليات إرهابية، غارات)."""
    t = tree.tok(h)
    kind = d.lex.event_type(lexmod.key(t.lemma)) or d.lex.event_type(bare_word(t.form))
    return kind in ATTACK_EVENTS


def _planner(d: Doc, s: Sentence, tree: Tree, h: int) -> str | None:
    """Who plans what noun h names (خلية متورطة في التخطيط لهجمات: the cell; خطط
    التنظيم لهجمات: the organisation): the noun a participle of taking part describes,
    or the subject of a verb of planning."""
    plan = tree.tok(h).head
    if not plan or tree.case(h) != "ل" or lexmod.key(tree.tok(plan).lemma) not in PLANNING_WORDS:
        return None
    if tree.tok(plan).upos == "VERB":
        keys, _ = subjects(d, s, tree, plan, False)
        return keys[0] if keys else None
    part = tree.tok(plan).head
    if not part or tree.tok(part).upos != "ADJ" or tree.base_rel(part) != "amod":
        return None
    return ent_of(d, s, tree, tree.tok(part).head)


def _action_subject(tree: Tree, v: int) -> int:
    """The noun a verb is said of: the noun its relative clause describes, or its subject."""
    if tree.rel(v).startswith("acl") and tree.tok(v).head:
        return tree.tok(v).head
    subs = tree.children(v, "nsubj")
    return subs[0] if subs else 0


def _is_sanction(tree: Tree, h: int) -> bool:
    """Sanctions, or a package or list of them (قائمة العقوبات)."""
    return any(
        strip_al(lexmod.key(tree.tok(k).lemma)) in SANCTIONS
        or bare_word(tree.tok(k).form) in SANCTIONS
        for k in [h, *tree.children(h, "nmod")]
    )
