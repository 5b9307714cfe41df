"""Speech: what a speaker said, announced, warned or called for, and the statements they
issued.

Reads a speech predicate's complement clause or quotation (قال إن ..., «...»، قال X) and
the clause an aside comments on (كما قال, حسب ما أفاد); writes a Statement entity for
the content (``statement``, ``statement_of``), the speech fact, ``issued`` for the
document a speaker spoke in (قال في بيان), and the ``Doc``'s last speaker. The reporting
module reads sources (بحسب, نقل عن) through the same statements.
"""

from __future__ import annotations

from ..model import Sentence
from ..text import normalize, strip_diacritics
from .confidence import ISSUED_CAP
from .coref import ent_of
from .state import AGENTIVE, Doc, Predicate
from .tree import Tree
from .words import (
    AS_MARKS,
    ISSUED,
    OPENING_QUOTES,
    QUOTE_MARKS,
    SAYING_NOUNS,
    SOURCE_CASES,
    SPEECH_PARTICIPLES,
    STATEMENT_STRIP,
)


def participle_verb(lemma: str) -> str:
    """مضيف -> أضاف, مؤكد -> أكد, مشير -> أشار: the verb of a speech participle (any
    other lemma is returned as it is).

    >>> participle_verb("مؤكد"), participle_verb("قال")
    ('أكد', 'قال')
    """
    k = normalize(lemma)
    for part, verb in SPEECH_PARTICIPLES.items():
        if normalize(part) == k:
            return verb
    return lemma


def said(d: Doc, s: Sentence, tree: Tree, p: Predicate, statements: list[str]) -> bool:
    """A speech predicate with its content: the speakers said it (and the first, if it
    acts, is the last speaker). Whether there was content to say."""
    st = statement(d, s, tree, p.v)
    if st is None:
        return False
    statements.append(st[0])
    for subj in p.subjects:
        d.fact(subj, p.rel, st[0], s, tree, [p.v, st[1]], p.sconf, p.lemma)
    if p.subjects and d.ent(p.subjects[0]).cls in AGENTIVE:
        d.last_speaker = p.subjects[0]
    return True


def issued(d: Doc, s: Sentence, tree: Tree, p: Predicate) -> None:
    """قال X في بيان, أعربت الوزارة في بيان عن: X issued the statement it spoke in."""
    for j in tree.children(p.v, "obl", "nmod"):
        if tree.case(j) == "في" and normalize(strip_diacritics(tree.tok(j).lemma)) in ISSUED:
            doc_key = ent_of(d, s, tree, j)
            for subj in p.subjects:
                if d.ent(subj).cls in AGENTIVE:
                    d.fact(
                        subj, "issued", doc_key, s, tree, [p.v, j], min(p.sconf, ISSUED_CAP), "اصدر"
                    )


# ------------------------------------------------------------- statements


def statement(d: Doc, s: Sentence, tree: Tree, v: int) -> tuple[str, int] | None:
    """The reported content of a speech predicate: its complement clause or quotation."""
    comps = [(c, tree.subtree(c)) for c in tree.children(v, "ccomp", "parataxis")]
    for k in tree.children(v, "obj", "obl", "nmod"):
        if strip_diacritics(tree.tok(k).lemma) in SAYING_NOUNS:  # نقل عنه قوله إن / قوله: «...»
            comps += [(c, tree.subtree(c)) for c in tree.children(k, "ccomp", "parataxis")]
    if not comps and tree.rel(v) == "parataxis" and 0 < tree.tok(v).head < v:
        # «لن نقبل بأي تسوية»، قال زعيم المعارضة: the quotation before the verb is what was said
        head = tree.tok(v).head
        own = set(tree.subtree(v))
        before = [k for k in tree.subtree(head) if k not in own and k < min(own)]
        if any(tree.tok(k).form in OPENING_QUOTES for k in before):
            comps = [(head, before)]
    aside = tree.rel(v) == "advcl" and bool(
        {strip_diacritics(tree.tok(m).lemma) for m in tree.children(v, "mark")} & AS_MARKS
    )
    v_head = tree.tok(v).head
    if (
        not aside
        and tree.rel(v).startswith("acl")
        and v_head
        and normalize(tree.tok(v_head).form) == "ما"
    ):
        # حسب ما أفاد المرصد: a free relative after حسب/وفق is an aside like حسبما
        cases = {
            normalize(strip_diacritics(tree.tok(c).lemma)) for c in tree.children(v_head, "case")
        }
        if cases & SOURCE_CASES:
            aside, v = True, v_head
    if not comps and aside and tree.tok(v).head:
        comps = commented(tree, v)
    return statement_of(d, s, tree, comps)


def commented(tree: Tree, v: int) -> list[tuple[int, list[int]]]:
    """The clause an aside at token v comments on (كما قال, حسب ما أفاد, بحسب الوزير):
    its reported content, or the rest of the clause, without the aside and the dateline."""
    head = tree.tok(v).head
    reported = tree.children(head, "ccomp")
    if reported:  # قال X، كما ذكرت الوكالة، إن ...: the agency reports the same content
        return [(reported[0], tree.subtree(reported[0]))]
    own = set(tree.subtree(v))
    dateline = {k for c in tree.children(head, "dep") if c < head for k in tree.subtree(c)}
    rest = [k for k in tree.subtree(head) if k not in own and k not in dateline]
    while rest and (tree.tok(rest[0]).upos == "PUNCT" or tree.rel(rest[0]) == "cc"):
        rest = rest[1:]  # دمشق (الأناضول) - قتل ...: the dateline is no part of it
    before = [k for k in rest if k < min(own)]
    return [(head, before or [k for k in rest if k > max(own)])]


def statement_of(
    d: Doc, s: Sentence, tree: Tree, comps: list[tuple[int, list[int]]]
) -> tuple[str, int] | None:
    """The first of the candidate clauses with text: a Statement entity holding it, and
    the clause's head."""
    for c, ids in comps:
        marks = [k for k in tree.children(c, "mark") if k < c]
        if marks:  # قال X، إن ...: what was said starts after its complementiser
            ids = [k for k in ids if k > min(marks)]
        ids = [k for k in ids if not (tree.rel(k) == "mark" and tree.tok(k).head == c)]
        ids = [k for k in ids if tree.tok(k).upos != "PUNCT" or tree.tok(k).form not in QUOTE_MARKS]
        while ids and tree.tok(ids[0]).upos == "PUNCT":
            ids = ids[1:]  # nor with the comma before it
        if not ids:
            continue
        a, b = tree.span(ids)
        while a > 0 and (d.text[a - 1].isalpha() or "\u064b" <= d.text[a - 1] <= "\u0652"):
            a -= 1  # إنها ستواصل: a clitic subject starts the statement at its word
        text = d.text[a:b].strip(STATEMENT_STRIP)
        if len(text) < 2:
            continue
        key = f"stmt:{d.analysed.doc.id}:{s.index}:{a}"
        e_key = d.mention(s, tree, ids, key, "Statement", "value", c)
        d.ent(e_key).value = text
        return e_key, c
    return None
