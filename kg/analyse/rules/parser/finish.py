"""The last passes of the parser: a whole tree in UD's conventions.

Reads the heads the three levels left. :func:`make_tree` makes them one tree: one root,
every token still unattached (or set aside) on it, no cycle. The passes after it apply
UD's conventions to that tree: a copula's nominal predicate heads its clause
(:func:`copulas`), punctuation hangs on the phrase it belongs to (:func:`punctuation`,
:func:`fronted_commas`), and an adjective used as a noun becomes a NOUN
(:func:`nominal_adjectives`).
"""

from __future__ import annotations

from ....lexicon.words import title_at, titles
from ....text import normalize
from .words import COMMAS, COPULAS, SET_ASIDE, UNSET, W, reattach, title_tok, under


def make_tree(ws: list[W]) -> None:
    """Every token gets a head: the root is the first predicate; strays attach to it."""
    roots = [w.i for w in ws if w.head == -1]
    if not roots:
        cand = next((w.i for w in ws if w.upos in ("VERB", "AUX")), None)
        if cand is None:
            cand = next((w.i for w in ws if w.head == UNSET and w.upos not in ("PUNCT",)), 0)
        ws[cand].head = -1
        ws[cand].deprel = "root"
        roots = [cand]
    root = roots[0]
    for r in roots[1:]:
        ws[r].head = root
        ws[r].deprel = "parataxis"
    for w in ws:
        if w.head in (UNSET, SET_ASIDE):
            w.head = root if w.i != root else -1
            w.deprel = "punct" if w.upos == "PUNCT" else "dep"
    _break_cycles(ws, root)


def _break_cycles(ws: list[W], root: int) -> None:
    for w in ws:
        seen = set()
        k = w.i
        while k != -1 and k not in seen:
            seen.add(k)
            k = ws[k].head
        if k != -1:  # a cycle through k
            ws[k].head = root if k != root else -1
            ws[k].deprel = "dep" if k != root else "root"


def copulas(ws: list[W]) -> None:
    """كان الرئيس غاضبًا: the UD way, the nominal predicate heads the clause and كان is its
    ``cop`` (its subject and other dependents move to the predicate). Verbs like أصبح keep
    their ``xcomp``.

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.read import from_strings
    >>> def parsed(text):  # (form, deprel, head id) of each token of the first sentence
    ...     s = RulesAnalyser().analyse(next(from_strings([text]))).sentences[0]
    ...     return [(t.form, t.deprel, t.head) for t in s.tokens]
    >>> parsed("كان الاجتماع مهما.")
    [('كان', 'cop', 3), ('الاجتماع', 'nsubj', 3), ('مهما', 'root', 0), ('.', 'punct', 3)]
    """
    for w in ws:
        if w.upos != "AUX" or w.deprel in ("aux", "cop") or normalize(w.lemma) not in COPULAS:
            continue
        preds = [
            k.i
            for k in ws
            if k.head == w.i
            and k.deprel == "xcomp"
            and k.upos in ("NOUN", "ADJ", "PROPN", "NUM", "PRON")
        ]
        if not preds:
            continue
        p = preds[0]
        ws[p].head, ws[p].deprel = w.head, w.deprel
        for k in ws:
            if k.head == w.i and k.i != p:
                k.head = p
        w.head, w.deprel = p, "cop"


#: Relations of a function word: a clitic on it (و, ب) belongs to the phrase or clause it
#: opens, not to the function word.
_FUNCTION_RELS = ("det", "mark", "aux", "cop", "advmod", "nsubj", "nsubj:pass", "obj", "case")
#: Tags of the function words that open a phrase or a clause.
_FUNCTION_TAGS = ("dem", "quant", "det", "neg", "emph", "fut", "sub", "rel", "pron", "prep")


def function_word_clitics(ws: list[W]) -> None:
    """وقد أعلن, والتي تبرز, وهو أحد, بهذه المهارات, بأن: a و/ف or a preposition written on a
    function word (a particle, a relative or demonstrative pronoun, an independent pronoun,
    a complementiser) belongs to the head of the clause or phrase that word opens, UD's
    ``cc``/``case``/``mark`` on the conjunct's or the noun's head. A preposition word right
    before a complementiser (إلى أن, بعد أن) is the clause's ``case`` too."""
    for w in ws[:-1]:
        nxt = ws[w.i + 1]
        if (
            w.upos == "ADP"
            and nxt.tag == "sub"
            and nxt.deprel == "mark"
            and nxt.head > nxt.i
            and not _descends(ws, nxt.head, w.i)
        ):
            reattach(ws, w.i, nxt.head, "case")  # إلى أن, بأن: the clause's case
    for w in ws:
        if w.deprel not in ("cc", "case", "mark") or w.head < 0:
            continue
        h = ws[w.head]
        target = _opened_head(ws, h) if h.word == w.word and h.i > w.i else -1
        if w.deprel == "cc" and h.i > w.i:
            clause = _clause_of_first_word(ws, ws[target] if target >= 0 else h)
            target = clause if clause >= 0 else target
        if target >= 0 and not _descends(ws, target, w.i):
            reattach(ws, w.i, target, w.deprel)


def _descends(ws: list[W], k: int, anc: int) -> bool:
    """Whether token k lies under token anc (attaching anc to k would make a cycle)."""
    seen = 0
    while k >= 0 and seen <= len(ws):
        if k == anc:
            return True
        k, seen = ws[k].head, seen + 1
    return False


#: Relations of a clause's first phrase when it comes before the clause's predicate.
_CLAUSE_OPENING_RELS = ("nsubj", "nsubj:pass", "obl", "obl:tmod", "advmod", "mark", "aux")


def _clause_of_first_word(ws: list[W], h: W) -> int:
    """لكن هذا لا ينجح, وفي عام 1990 دمر: a conjunction before a clause whose first phrase
    (subject, fronted adjunct) comes before its predicate belongs to the predicate, the
    conjunct's head; -1 if h is no such phrase."""
    if h.deprel in _CLAUSE_OPENING_RELS and h.head > h.i and ws[h.head].upos != "PUNCT":
        return h.head
    return -1


def _opened_head(ws: list[W], h: W) -> int:
    """The head of the phrase or clause function word ``h`` opens (to its right), or -1."""
    if (
        (h.tag not in _FUNCTION_TAGS and h.deprel != "det")
        or h.deprel not in _FUNCTION_RELS
        or h.head <= h.i
        or (h.tag == "pron" and ws[h.i - 1].word == h.word and ws[h.i - 1].tag != "conj")
    ):
        return -1
    return h.head


_CLOSING = {")": "(", "»": "«", "”": "“", "]": "["}
_FINAL = set(".!?؟…")


def punctuation(ws: list[W]) -> None:
    """Punctuation the UD way: sentence-final marks on the root; brackets and quotes on
    the head of what they enclose; commas, colons and the like on the head of the phrase
    that follows them (the next conjunct, apposition or clause).

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.read import from_strings
    >>> def parsed(text):  # (form, deprel, head id) of each token of the first sentence
    ...     s = RulesAnalyser().analyse(next(from_strings([text]))).sentences[0]
    ...     return [(t.form, t.deprel, t.head) for t in s.tokens]
    >>> [w for w in parsed("التقى الوزير محمد علي، رئيس الوفد، في عمان.") if w[1] == "punct"]
    [('،', 'punct', 6), ('،', 'punct', 10), ('.', 'punct', 1)]
    """
    n = len(ws)
    root = next((w.i for w in ws if w.head == -1), 0)
    if all(w.upos == "PUNCT" for w in ws):
        return
    opener_head: dict[int, int | None] = {}
    stack: list[int] = []
    for w in ws:
        if w.upos != "PUNCT" or w.i == root:
            continue
        if w.i == n - 1 or (
            w.form in _FINAL and all(ws[k].upos == "PUNCT" for k in range(w.i + 1, n))
        ):
            reattach(ws, w.i, root, "punct")
            continue
        if w.form in _CLOSING.values() or (w.form == '"' and not stack):
            h = _phrase_after(ws, w.i)
            stack.append(w.i)
            opener_head[w.i] = h
        elif (w.form in _CLOSING or w.form == '"') and stack:
            h = opener_head[stack.pop()]
        else:
            h = _phrase_after(ws, w.i)
        if h is not None and h != w.i:
            reattach(ws, w.i, h, "punct")


def _phrase_after(ws: list[W], p: int) -> int | None:
    """The head of the phrase that starts right after token p: climb from the next word
    while its head lies further right."""
    q = next((k for k in range(p + 1, len(ws)) if ws[k].upos != "PUNCT"), None)
    if q is None:
        return next((k for k in range(p - 1, -1, -1) if ws[k].upos != "PUNCT"), None)
    h = q
    for _ in range(len(ws)):
        parent = ws[h].head
        if parent < 0 or parent <= p:
            break
        h = parent
    return h


#: The relations of a noun phrase: an adjective with one of them is used as a noun.
_NOUN_SLOTS = ("nsubj", "nsubj:pass", "obj", "obl", "nmod", "appos", "iobj", "obl:tmod")


def nominal_adjectives(ws: list[W]) -> None:
    """An adjective that modifies nothing is used as a noun (المساعدة, المتظاهرون): NOUN."""
    for w in ws:
        if w.upos == "ADJ" and w.deprel in _NOUN_SLOTS:
            w.upos = "NOUN"


#: Dependents that, put before their head and closed by a comma, take the comma (UD Arabic).
_FRONTED = {"obl", "obl:tmod", "advcl", "nmod", "xcomp", "advmod", "acl"}


def fronted_commas(ws: list[W]) -> None:
    """في أوائل الشهر، استخدم الفريق ...: a comma that closes an adjunct put before its head
    belongs to that adjunct, not to what follows."""
    for w in ws:
        if w.upos != "PUNCT" or w.form not in COMMAS or w.i == 0:
            continue
        k, seen = w.i - 1, 0
        while ws[k].head >= 0 and ws[k].head < w.i and ws[k].head != w.i and seen < 50:
            k, seen = ws[k].head, seen + 1
        if ws[k].head > w.i and ws[k].deprel in _FRONTED:
            reattach(ws, w.i, k, "punct")


def conjuncts_inside_titles(ws: list[W]) -> None:
    """نائب وزير الخزانة لشؤون الإرهاب والاستخبارات المالية بريان نيلسون: a noun joined by و
    to a title, between the title and the name in apposition to it, belongs to the title's
    last genitive before it (the affairs of terrorism and of intelligence), not to the title
    (the person is not the intelligence)."""
    for a in ws:
        if a.deprel != "appos" or a.upos != "PROPN" or a.head < 0:
            continue
        h = a.head
        for c in ws[h + 1 : a.i]:
            if c.head != h or c.deprel != "conj" or c.upos != "NOUN":
                continue
            before = [
                w.i
                for w in ws[h + 1 : c.i]
                if w.upos == "NOUN" and w.deprel == "nmod" and w.definite and under(ws, w.i, h)
            ]
            if before:
                reattach(ws, c.i, before[-1], "conj")


#: Titles spelt like adjectives (المتحدث, a participle): after a person's name, the
#: person's title in apposition, not an adjective of the name.
_PARTICIPLE_TITLES = frozenset(normalize(w) for w in ("المتحدث", "المتحدثة"))


def titles_after_names(ws: list[W]) -> None:
    """وقال أحمد الصحاف المتحدث باسم الوزارة: المتحدث is his title (appos), not an
    adjective describing the name; and وقال هادي العامري زعيم تحالف الفتح إن ...: a title in
    construct right after the subject's name, read as the object of a verb that has its
    complement elsewhere, is the name's title (:func:`_construct_title_after_name`)."""
    for w in ws:
        _construct_title_after_name(ws, w)
        if (
            w.norm in _PARTICIPLE_TITLES
            and w.deprel == "amod"
            and w.head >= 0
            and ws[w.head].ent_label == "Person"
        ):
            w.upos = "NOUN"
            reattach(ws, w.i, w.head, "appos")
            for k in ws:
                if k.head == w.i and k.deprel == "obl":
                    k.deprel = "nmod"  # باسم الوزارة: the title's complement


#: The dependents that show a verb has its complement besides an object read after its
#: subject (قال X زعيم Y إن ...: the clause after إن).
_COMPLEMENTS = ("ccomp", "obj", "xcomp")


def _construct_title_after_name(ws: list[W], w: W) -> None:
    """A title in construct (no article, a genitive after it) right after the verb's
    subject's name is the name's apposition when the verb has its complement elsewhere:
    قال هادي العامري زعيم تحالف الفتح إن ... (not when it is the verb's only object:
    استقبل الملك عبدالله وزير الخارجية الأمريكي).

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.read import from_strings
    >>> s = RulesAnalyser().analyse(next(from_strings(["قال هادي العامري زعيم تحالف الفتح إن الحكومة ستتشكل."])))
    >>> [(t.form, t.deprel, t.head) for t in s.sentences[0].tokens if t.form == "زعيم"]
    [('زعيم', 'appos', 2)]
    """
    v, i = w.head, w.i
    if w.deprel != "obj" or w.definite or w.tanween or v < 0 or not title_tok(ws, i) or i == 0:
        return
    name = i - 1
    while name >= 0 and ws[name].deprel in ("flat", "flat:name") and ws[name].head >= 0:
        name = ws[name].head
    subj = name
    if ws[name].deprel == "appos" and ws[name].head >= 0 and _courtesy(ws, ws[name].head):
        subj = ws[name].head  # قال الدكتور سامي حداد رئيس الجامعة: a courtesy title heads it
    if ws[name].ent_label != "Person" or ws[subj].deprel != "nsubj" or ws[subj].head != v:
        return
    if ws[i - 1].ent != ws[name].ent or not any(k.head == i and k.deprel == "nmod" for k in ws):
        return
    if not any(k.head == v and k.i > i and _complement(ws, k) for k in ws):
        return
    reattach(ws, i, name, "appos")


def _courtesy(ws: list[W], i: int) -> bool:
    """A courtesy title (الدكتور, المهندس), not an office (الرئيس), at token i."""
    title = title_at([w.form for w in ws[i : i + 2]], 0)
    return title is not None and titles()[title].relation == "honorific"


def _complement(ws: list[W], k: W) -> bool:
    """A verb's complement: a clause, an object, or a bare noun the parse left as oblique
    (أعلن X زعيم Y تكوين تحالف: تكوين, with no preposition)."""
    if k.deprel in _COMPLEMENTS:
        return True
    return k.deprel == "obl" and not any(c.head == k.i and c.deprel == "case" for c in ws)


#: Dashes and slashes between the two ends of a range (2019-2020, 2019/2020).
_RANGE_MARKS = frozenset("-–—/")


def number_ranges(ws: list[W]) -> None:
    """Two numbers joined by a dash or a slash are one range (موازنة العام 2019-2020): the
    second is the first's ``nmod`` (the mark its ``punct``), not an argument of its own.

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.read import from_strings
    >>> s = RulesAnalyser().analyse(next(from_strings(["أقر المجلس خطة 2021-2025 للتنمية."])))
    >>> [(t.form, t.deprel, t.head) for t in s.sentences[0].tokens if t.upos in ("NUM", "PUNCT")][:3]
    [('2021', 'nummod', 3), ('-', 'punct', 6), ('2025', 'nmod', 4)]
    """
    for i in range(len(ws) - 2):
        a, mark, b = ws[i], ws[i + 1], ws[i + 2]
        if not (
            a.upos == "NUM"
            and b.upos == "NUM"
            and mark.form in _RANGE_MARKS
            and a.form.isdigit()
            and b.form.isdigit()
            and not _descends(ws, i, i + 2)
        ):
            continue
        reattach(ws, i + 2, i, "nmod")
        reattach(ws, i + 1, i + 2, "punct")
