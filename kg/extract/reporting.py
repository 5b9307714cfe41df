"""Reporting: who a statement comes from — sources and report verbs.

``read_sources`` (a fact step) reads source phrases (بحسب رئيس الهيئة, وفق الوكالة): the
source reported the clause the phrase hangs on. For report verbs (نقل) the predicates
step asks ``reported_with_source`` (نقلت الوكالة عن مسؤول قوله إن ...: the agency
reported it, the official said it), ``reported_aside`` (وفقما نقلت الصحيفة) and, at the
end of the sentence, ``resolve_pending`` (a report verb with no content of its own
reported the sentence's statement). Writes Statement entities through ``speech`` and
reported/said facts.
"""

from __future__ import annotations

from ..model import Sentence
from ..text import normalize, strip_diacritics
from .arguments import expand
from .confidence import MESSAGE_FROM, REPORTED_PENDING, SOURCE_PHRASE, SOURCE_SAID_CAP
from .coref import ent_of
from .phrases import bare_word, np_ids
from .speech import commented, stated, statement, statement_of
from .state import AGENTIVE, Doc, Predicate
from .tree import Tree
from .words import MESSAGES, SOURCE_CASES

#: Classes of entities that can be a source (بحسب الوزير, وفق الوكالة).
SOURCES = ("Person", "Organization", "Group")


def read_sources(d: Doc, s: Sentence, tree: Tree) -> None:
    """بحسب رئيس الهيئة موسى المعايطة: a person or body in a source phrase reported the
    clause the phrase hangs on; رسالة من الرئيس: the president issued the letter.

    >>> from kg import build
    >>> g = build(texts=["قتل عشرة جنود في الهجوم، بحسب وزارة الدفاع."])
    >>> [(f.subject, f.relation, f.object) for f in g.facts()]
    [('وزارة الدفاع', 'reported', 'قتل عشرة جنود في الهجوم'), ('الهجوم', 'killed', 'عشرة جنود')]
    """
    for t in s.tokens:
        if bare_word(t.form) in MESSAGES:
            _message_from(d, s, tree, t.id)
    for t in s.tokens:
        _source_phrase(d, s, tree, t.id)


def _source_phrase(d: Doc, s: Sentence, tree: Tree, k: int) -> None:
    """One source phrase: on a verb's clause (بحسب الوزير، وصل الوفد), or the root of a
    sentence whose clause it heads (ووفقا لمنظمة الصحة، فإن الفيضانات أودت ...)."""
    t = tree.tok(k)
    verb_head = bool(t.head) and tree.tok(t.head).upos in ("VERB", "AUX")
    on_verb = verb_head and (tree.rel(k) in ("obl", "nmod") or _that_by(tree, k))
    heads = tree.children(k, "ccomp") if tree.rel(k) == "root" else []
    if not on_verb and not heads:
        return
    cases = {normalize(strip_diacritics(tree.tok(c).lemma)) for c in tree.children(k, "case")}
    if not cases & SOURCE_CASES:
        return
    key = ent_of(d, s, tree, k)
    if key is None or d.ent(key).cls not in SOURCES:
        return
    comps = commented(tree, k) if on_verb else [(c, tree.subtree(c)) for c in heads]
    st = statement_of(d, s, tree, comps)
    if st is not None:
        lemma = strip_diacritics(tree.tok(tree.children(k, "case")[0]).lemma)
        d.fact(key, "reported", st[0], s, tree, [k, st[1]], SOURCE_PHRASE, lemma)


def _that_by(tree: Tree, k: int) -> bool:
    """وذلك وفق الوكالة after a clause: a verbless clause whose subject is a demonstrative
    (ذلك, هذا) and whose predicate is the source phrase comments on the clause it joins."""
    if tree.rel(k) not in ("conj", "parataxis"):
        return False
    subj = tree.children(k, "nsubj")
    return len(subj) == 1 and tree.tok(subj[0]).upos in ("DET", "PRON") and subj[0] < k


def _message_from(d: Doc, s: Sentence, tree: Tree, n: int) -> None:
    """رسالة خطية من نظيره الجزائري: the sender of a letter (a من phrase on it, or right
    after its phrase wherever the parse hung it) issued it."""
    doc = d.token_ent.get((s.index, n))
    if doc is None:
        return
    frm = [j for j in tree.children(n, "nmod") if tree.case(j) == "من"]
    end = max(np_ids(tree, n))
    if not frm and end + 2 <= len(tree.toks) and normalize(tree.tok(end + 1).form) == "من":
        frm = [end + 2]
    for j in frm:
        key = ent_of(d, s, tree, j)
        if key is not None and d.ent(key).cls in SOURCES:
            d.fact(key, "issued", doc, s, tree, [n, j], MESSAGE_FROM, "من")


def is_transport(tree: Tree, v: int) -> bool:
    """نقلتهن إلى الجانب الإسرائيلي: a report verb (نقل) that takes someone somewhere
    (إلى, and no عن or complement clause) reports nothing."""
    if tree.children(v, "ccomp"):
        return False
    cases = {normalize(tree.case(j).split(" ")[0]) for j in tree.children(v, "obl", "nmod")}
    return normalize("إلى") in cases and "عن" not in cases


def reported_with_source(d: Doc, s: Sentence, tree: Tree, p: Predicate) -> bool:
    """نقلت الوكالة عن مسؤول قوله إن ...: the agency reported it, the official said it.
    Whether the report verb had content of its own."""
    st = statement(d, s, tree, p.v)
    if st is None:
        return False
    for subj in p.subjects:
        d.fact(subj, stated(d, tree, p, subj), st[0], s, tree, [p.v, st[1]], p.sconf, p.lemma)
    for j in tree.children(p.v, "obl", "nmod"):
        if tree.case(j) == "عن":
            for x in expand(d, s, tree, j):
                src = ent_of(d, s, tree, x)
                if src and d.ent(src).cls in AGENTIVE and d.find(src) not in p.subjects:
                    cap = min(p.sconf, SOURCE_SAID_CAP)
                    d.fact(src, "said", st[0], s, tree, [x, st[1]], cap, "قال")
    return True


def reported_aside(
    d: Doc, s: Sentence, tree: Tree, p: Predicate, pending: list[tuple[str, int]]
) -> None:
    """A report verb with no object: وفقما نقلت الصحيفة reported the clause the aside
    comments on; with nothing to comment on, whatever the sentence states (pending)."""
    st = statement(d, s, tree, p.v)
    if st is not None:
        for subj in p.subjects:
            d.fact(subj, p.rel, st[0], s, tree, [p.v, st[1]], p.sconf, p.lemma)
        return
    for subj in p.subjects:
        pending.append((subj, p.v))


def resolve_pending(
    d: Doc, s: Sentence, tree: Tree, pending: list[tuple[str, int]], statements: list[str]
) -> None:
    """Report verbs with no content of their own reported the sentence's first statement."""
    for subj, v in pending:
        if statements:
            d.fact(subj, "reported", statements[0], s, tree, [v], REPORTED_PENDING, "نقل")
