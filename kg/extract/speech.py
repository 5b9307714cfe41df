"""Speech: what a speaker said, announced, warned or called for, and the statements they
issued.

Reads a speech predicate's complement clause or quotation (قال إن ..., «...»، قال X) and
the clause an aside comments on (كما قال, حسب ما أفاد); writes a Statement entity for
the content (``statement``, ``statement_of``), the speech fact, ``issued`` for the
document a speaker spoke in (قال في بيان), and the ``Doc``'s last speaker. The reporting
module reads sources (بحسب, نقل عن) through the same statements.
"""

from __future__ import annotations

from ..lexicon.words import designators
from ..model import Sentence
from ..text import normalize, strip_diacritics
from .confidence import ISSUED_CAP
from .coref import ent_of
from .phrases import bare_word, strip_al
from .state import AGENTIVE, Doc, Predicate
from .tree import Tree
from .words import (
    AS_MARKS,
    ASIDE_CASES,
    COMPLEMENTISERS,
    ISSUED,
    OPENING_QUOTES,
    PRESS,
    QUOTE_MARKS,
    SAYING_NOUNS,
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
    """A speech predicate with its content: the speakers said it (a body in an aside,
    حسبما ذكرت الوكالة, and a news outlet, وذكرت وكالة الأنباء, reported it), and the
    first, if it acts, is the last speaker.
    Whether there was content to say."""
    if p.rel == "calledFor" and _called_event(d, s, tree, p.v):
        return False  # دعا إلى اجتماع طارئ، يضم ...: the meeting is what is called for
    st = statement(d, s, tree, p.v)
    if st is None:
        return False
    statements.append(st[0])
    aside = bool(aside_at(tree, p.v))
    for subj in p.subjects:
        # حسبما ذكرت الوكالة: a body's aside reports what the clause says
        e = d.ent(subj)
        press = p.rel == "said" and press_outlet(d, subj)  # وذكرت وكالة الأنباء: it reports
        rel = "reported" if (aside and e.cls != "Person") or press else p.rel
        d.fact(subj, rel, st[0], s, tree, [p.v, st[1]], p.sconf, p.lemma)
    if p.subjects and d.ent(p.subjects[0]).cls in AGENTIVE:
        d.last_speaker = p.subjects[0]
    return True


def _called_event(d: Doc, s: Sentence, tree: Tree, v: int) -> bool:
    """Whether a verb of calling for has an event after إلى (دعت السعودية إلى اجتماع
    طارئ): what it calls for, whatever clause a parse hangs on the verb after it.

    >>> from kg import build
    >>> g = build(texts=["دعت مصر إلى اجتماع عاجل، يضم الأردن والعراق."])
    >>> [(f.relation, f.object) for f in g.facts(modality="*") if f.subject == "مصر"]
    [('calledFor', 'اجتماع عاجل')]
    """
    for j in tree.children(v, "obl"):
        key = d.token_ent.get((s.index, j)) if tree.case(j) == normalize("إلى") else None
        if key is not None and d.ent(key).cls == "Event":
            return True
    return False


def press_outlet(d: Doc, key: str) -> bool:
    """Whether the entity is a news outlet named by its kind (وكالة، صحيفة، جريدة ...)."""
    return any(strip_al(normalize(n).split(" ")[0]) in PRESS for n in d.ent(key).names if n)


#: Verbs of revealing (كشف عن): what a news outlet reveals it reports.
REVEALING = frozenset(normalize(w) for w in "كشف".split())


def revealed(d: Doc, tree: Tree, v: int, rel: str, lemma: str, subjects: list[str]) -> str:
    """The relation of a verb of revealing to its subjects: a news outlet that reveals a
    recording or documents (كشفت صحيفة عن وثائق) reports them, as its ذكرت does; anyone
    else announces them.

    >>> from kg import build
    >>> g = build(texts=["وكشفت صحيفة الصباح عن وثائق سرية."])
    >>> [(f.subject, f.relation, f.object) for f in g.facts()]
    [('صحيفة الصباح', 'reported', 'وثائق سرية')]

    The outlet's kind may stand before its quoted name (كشفت جريدة "الأفق"), out of it.
    """
    if rel != "announced" or normalize(strip_diacritics(lemma)) not in REVEALING or not subjects:
        return rel
    kinds = {bare_word(tree.tok(j).form) for j in tree.children(v, "nsubj")}
    if kinds & PRESS or all(press_outlet(d, k) for k in subjects):
        return "reported"
    return rel


#: Verbs of reporting that, with a speaker telling its own content, state it (أفاد
#: المتحدث بأن: he said so); a news outlet's أفادت still reports.
STATING = frozenset(normalize(w) for w in "أفاد".split())
#: Unnamed sources (أفاد مصدر حكومي, أفادت مصادر): they relay news, as outlets do.
RELAYING = frozenset(normalize(w) for w in "مصدر مصادر".split())


def stated(d: Doc, tree: Tree, p: Predicate, subj: str) -> str:
    """The relation of a report verb's subject to its content: أفاد المتحدث بأن, أفادت
    الوزارة في بلاغ أن state it (said); a news outlet (أفادت الوكالة) or an aside (على ما
    أفاد التلفزيون) reports it, as other report verbs do (نقل), and so does an unnamed
    source (أفاد مصدر حكومي).

    >>> from kg import build
    >>> g = build(texts=["وأفاد المتحدث باسم البلدية بأن الأشغال ستنتهي في الصيف."])
    >>> [(f.subject, f.relation) for f in g.facts() if f.relation in ("said", "reported")]
    [('المتحدث باسم البلدية', 'said')]
    """
    e = d.ent(subj)
    heads = {strip_al(normalize(n).split(" ")[0]) for n in e.names if n}
    # a person, or a body named by its kind (الوزارة, هيئة ...), not an outlet (رويترز)
    speaker = e.cls == "Person" or any(designators().get(h) == "Organization" for h in heads)
    if (
        p.rel == "reported"
        and normalize(strip_diacritics(p.lemma)) in STATING
        and speaker
        and not heads & (PRESS | RELAYING)
        and not aside_at(tree, p.v)
    ):
        return "said"
    return p.rel


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


#: «جاء في بيان لـX أن ...»: the verb of what a document says (lexicon key).
CAME_IN = normalize(strip_diacritics("جاء"))
#: Pages a body speaks on (جاء في بيان على موقع الهيئة): seen through to the body.
_PAGES = frozenset(normalize(w) for w in "موقع صفحة حساب".split())


def document_speaker(d: Doc, s: Sentence, tree: Tree, v: int) -> str | None:
    """Who speaks in «جاء في بيان لـX أن ...» (or بيان X, في بيان على موقع X): the body
    that issued the document a content clause came in; None for any other verb.

    >>> from kg import build
    >>> g = build(texts=["وجاء في بيان لوزارة الخارجية الكينية أن الوزير سيزور روما."])
    >>> [(f.subject, f.relation) for f in g.facts() if f.relation in ("said", "issued")]
    [('وزارة الخارجية الكينية', 'issued'), ('وزارة الخارجية الكينية', 'said')]
    """
    if normalize(strip_diacritics(tree.tok(v).lemma)) != CAME_IN or not tree.children(v, "ccomp"):
        return None
    docs = [
        j
        for j in tree.children(v, "obl")
        if tree.case(j) == "في" and normalize(strip_diacritics(tree.tok(j).lemma)) in ISSUED
    ]
    if not docs:
        return None
    cands = [k for k in tree.children(docs[0], "nmod") if tree.case(k) in ("", "ل")]
    pages = [  # على موقع X, hung on the verb or on the document
        j
        for j in [*tree.children(v, "obl"), *tree.children(docs[0], "nmod")]
        if tree.case(j) == normalize("على") and bare_word(tree.tok(j).form) in _PAGES
    ]
    cands += [k for j in pages for k in tree.children(j, "nmod") if not tree.has_case(k)]
    cands += pages  # (a name the page is part of: موقع هيئة الرقابة)
    for k in cands:
        key = ent_of(d, s, tree, k, create=False)
        if key is not None and d.ent(key).cls in AGENTIVE:
            return d.find(key)
    return None


def posted_words(tree: Tree, v: int) -> bool:
    """Whether a verb of publishing (نشر) has a quotation for its content and no object of
    its own (نشرت الوزيرة على حسابها "..."): the words are what its subject said.

    >>> from kg import build
    >>> g = build(texts=['ونشرت الوزيرة سلمى العلي على حسابها "بدأنا تحقيقا في الحادث".'])
    >>> [(f.subject, f.relation) for f in g.facts() if f.relation == "said"]
    [('سلمى العلي', 'said')]
    """
    if tree.children(v, "obj"):
        return False
    return any(
        tree.tok(k).form in OPENING_QUOTES
        for c in tree.children(v, "ccomp", "parataxis")
        for k in tree.subtree(c)
    )


def statement_subject_speaker(d: Doc, s: Sentence, tree: Tree, v: int) -> str | None:
    """Who speaks when a statement is the subject of a speech verb («أفاد بيان لـX أن ...»,
    أعلن بيان X): the agentive body or person the statement is of; None when the subject
    is no document noun or names nobody.

    >>> from kg import build
    >>> g = build(texts=["أعلن بيان لوزارة الزراعة المغربية أن الأمطار أنقذت الموسم."])
    >>> [(f.subject, f.relation) for f in g.facts() if f.relation == "announced"]
    [('وزارة الزراعة المغربية', 'announced')]
    """
    for j in tree.children(v, "nsubj"):
        if normalize(strip_diacritics(tree.tok(j).lemma)) not in ISSUED:
            continue
        for k in tree.children(j, "nmod"):
            if tree.case(k) not in ("", "ل"):
                continue
            key = ent_of(d, s, tree, k, create=False)
            if key is not None and d.ent(key).cls in AGENTIVE:
                return d.find(key)
    return None


# ------------------------------------------------------------- statements


def statement(d: Doc, s: Sentence, tree: Tree, v: int) -> tuple[str, int] | None:
    """The reported content of a speech predicate: its complement clause or quotation;
    for an aside (كما قال, حسب ما أفاد) the clause it comments on; else a quotation an
    aside inside it holds, or the clause of the complementiser right after it."""
    comps = _own_content(tree, v) or _quotation_before(tree, v) or _clause_before(tree, v)
    where = aside_at(tree, v)
    if not comps and where:
        comps = commented(tree, where) if tree.tok(where).head else _clauses_after(tree, v)
    if not comps:
        comps = _quotation_in_aside(tree, v) or _clause_after(tree, v)
    return statement_of(d, s, tree, comps)


def _own_content(tree: Tree, v: int) -> list[tuple[int, list[int]]]:
    """The verb's complement clauses, and those of its noun of saying (نقل عنه قوله إن)."""
    comps = [
        (c, tree.subtree(c))
        for c in tree.children(v, "ccomp", "parataxis")
        if not _coordinated_clause(tree, c)
    ]
    for k in tree.children(v, "obj", "obl", "nmod"):
        if strip_diacritics(tree.tok(k).lemma) in SAYING_NOUNS:  # نقل عنه قوله إن / قوله: «...»
            comps += [(c, tree.subtree(c)) for c in tree.children(k, "ccomp", "parataxis")]
    return comps


def _coordinated_clause(tree: Tree, c: int) -> bool:
    """يتابع المستثمرون الأزمة، وقد زار الوزير ...: a clause the parse hung on a verb as
    parataxis but that opens with a conjunction, outside any quotation, is the next
    sentence of the text, not what the verb reports."""
    ids = [k for k in tree.subtree(c) if tree.tok(k).upos != "PUNCT"]
    if not ids or tree.rel(ids[0]) != "cc":
        return False
    return not any(tree.tok(k).form in OPENING_QUOTES for k in tree.subtree(c))


def _quotation_before(tree: Tree, v: int) -> list[tuple[int, list[int]]]:
    """«لن نقبل بأي تسوية»، قال زعيم المعارضة: the quotation before the verb."""
    if tree.rel(v) != "parataxis" or not 0 < tree.tok(v).head < v:
        return []
    head = tree.tok(v).head
    own = set(tree.subtree(v))
    before = [k for k in tree.subtree(head) if k not in own and k < min(own)]
    if any(tree.tok(k).form in OPENING_QUOTES for k in before):
        return [(head, before)]
    return []


def _clause_before(tree: Tree, v: int) -> list[tuple[int, list[int]]]:
    """أغلقت السلطات المعبر، قال مسؤول محلي: a verb of saying put after its content, a
    comma before it, with no conjunction, no object or prepositional phrase of its own
    (but whom it was said to, لوكالة الأنباء) and nothing after its speaker: the
    sentence's main clause before the comma is what was said.

    >>> from kg import build
    >>> g = build(texts=["ارتفعت أسعار الوقود في البلاد، قال مسؤول في وزارة الطاقة."])
    >>> [(f.subject, f.relation, f.object) for f in g.facts() if f.relation == "said"]
    [('مسؤول في وزارة الطاقة', 'said', 'ارتفعت أسعار الوقود في البلاد')]
    """
    if tree.rel(v) != "parataxis" or tree.children(v, "cc", "mark", "obj", "xcomp"):
        return []
    if any(tree.case(k) not in ("ل", "") for k in tree.children(v, "obl")):
        return []  # حثت القمة في بيانها الختامي الدول المانحة على ...: a verb with a content of its own
    head = tree.tok(v).head
    if not 0 < head < v or tree.rel(head) != "root" or tree.tok(head).upos != "VERB":
        return []
    own = set(tree.subtree(v))
    words = [k for k in tree.subtree(head) if tree.tok(k).upos != "PUNCT"]
    mine = [k for k in words if k in own]
    if not mine or mine[0] != v or words[-1] != mine[-1]:
        return []  # the verb opens its part and the sentence ends with it
    comma = v - 1
    if comma < 1 or tree.tok(comma).form not in ("،", ","):
        return []
    return [(head, [k for k in tree.subtree(head) if k not in own and k < comma])]


def aside_at(tree: Tree, v: int) -> int:
    """The token an aside hangs at (0 for none): the verb of كما قال / حسبما ذكرت, or the
    free relative of حسب ما أفاد / على ما أفاد (ما after a source preposition or على).

    >>> from kg import build
    >>> g = build(texts=["أقرت الحكومة خطة جديدة للطاقة، على ما أفاد التلفزيون الرسمي."])
    >>> [(f.subject, f.relation) for f in g.facts() if f.relation == "reported"]
    [('التلفزيون الرسمي', 'reported')]
    """
    marks = {strip_diacritics(tree.tok(m).lemma) for m in tree.children(v, "mark")}
    if tree.rel(v) == "root" and marks & AS_MARKS and _clauses_after(tree, v):
        return v  # حسبما أفادت القناة، تظاهر الآلاف ...: an aside heading its sentence
    if tree.rel(v) == "advcl" and marks & AS_MARKS:
        # (كما أعلن الاتحاد تضرر مقره: with content of its own, كما says "also"; a
        # quotation hung on it is the governing speaker's)
        own = [
            c
            for c in tree.children(v, "obj", "ccomp", "parataxis")
            if not any(tree.tok(k).form in OPENING_QUOTES for k in tree.subtree(c))
        ]
        return 0 if own else v
    h = tree.tok(v).head
    if not tree.rel(v).startswith("acl") or not h or normalize(tree.tok(h).form) != "ما":
        return 0
    sources = [*tree.children(h, "case"), tree.tok(h).head]
    if {normalize(strip_diacritics(tree.tok(c).lemma)) for c in sources if c} & ASIDE_CASES:
        return h
    return 0


def _clauses_after(tree: Tree, v: int) -> list[tuple[int, list[int]]]:
    """The first clause that follows an aside heading its sentence and hangs on it."""
    for c in tree.children(v, "conj", "parataxis", "ccomp", "advcl"):
        if c > v and tree.tok(c).upos in ("VERB", "AUX"):
            return [(c, tree.subtree(c))]
    return []


def _quotation_in_aside(tree: Tree, v: int) -> list[tuple[int, list[int]]]:
    """قال الرئيس - حسبما ذكرت الوكالة - "...": the quotation the parse hung on the aside
    inside the speech clause is what the speaker said."""
    for a in tree.children(v, "advcl"):
        if aside_at(tree, a) != a:
            continue
        for c in tree.children(a, "parataxis", "ccomp"):
            ids = tree.subtree(c)
            if any(tree.tok(k).form in OPENING_QUOTES for k in ids):
                return [(c, ids)]
    return []


def _clause_after(tree: Tree, v: int) -> list[tuple[int, list[int]]]:
    """كتائب القسام، التي قالت إن ...: when the parse hung the clause elsewhere, the clause
    of the complementiser that comes right after the verb (and its own subject and
    adverbials) is what was said."""
    own = set(tree.subtree(v))
    k = v + 1
    while k <= len(tree.toks) and (k in own or tree.tok(k).upos == "PUNCT"):
        if _complementiser(tree, k):
            break
        k += 1
    if k > len(tree.toks) or not _complementiser(tree, k):
        return []
    h = tree.tok(k).head
    if not h or h == v or v in tree.subtree(h) or h < k:
        return []
    if h in own and tree.tok(h).head != v:
        return []  # (شدد على X، مؤكدا أن ...: a participle's own clause)
    return [(h, tree.subtree(h))]


def _complementiser(tree: Tree, k: int) -> bool:
    t = tree.tok(k)
    return t.upos == "SCONJ" and normalize(strip_diacritics(t.form)) in COMPLEMENTISERS


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
        text = d.analysed.doc.text[a:b].strip(STATEMENT_STRIP)  # as written (#دمشق)
        if len(text) < 2:
            continue
        key = f"stmt:{d.analysed.doc.id}:{s.index}:{a}"
        e_key = d.mention(s, tree, ids, key, "Statement", "value", c)
        d.ent(e_key).value = text
        return e_key, c
    return None
