"""Heuristic UD dependency attachment for Arabic news sentences.

Works in three passes over the tagged words of one sentence:

1. inside words: clitics attach to their host (و/ف ``cc``, ب/ل/ك ``case``, pronoun
   suffixes ``obj`` on verbs, ``nmod`` on nouns, the head of a prepositional phrase on
   prepositions);
2. noun phrases: names from the entity spans, construct state (``nmod``: a noun without
   article or tanween governs the next noun), adjectives (``amod`` to the nearest noun that
   agrees in definiteness and gender), numbers, demonstratives, prepositional phrases
   (``case``), titles in apposition to names (``appos``), bracketed names;
3. clauses: verb-initial and subject-initial clauses (``nsubj``, ``obj``, ``obl``),
   كان and its sisters (``aux``/``cop``), complement clauses after أن/إن (``ccomp``, ``mark``),
   adverbial clauses (حيث, عندما: ``advcl``), relative clauses with الذي/التي and without
   a pronoun after an indefinite noun (``acl:relcl``), quotations (``ccomp``), coordination
   of verbs and nouns (``conj``, ``cc``) and verbless clauses.

The rules are general Arabic syntax, not patterns of particular sentences; where Arabic
is ambiguous (which noun a prepositional phrase belongs to) they take the reading news
prose uses most often.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...text import normalize

_NOMINAL = {"NOUN", "PROPN", "ADJ", "NUM", "PRON", "X", "SYM", "DET"}
_SPEECH = {
    "قال",
    "اضاف",
    "اكد",
    "تابع",
    "اعلن",
    "اوضح",
    "ذكر",
    "صرح",
    "اشار",
    "شدد",
    "حذر",
    "دعا",
    "راي",
    "اعتبر",
    "لفت",
    "نفي",
    "زعم",
    "ادعي",
    "افاد",
    "كشف",
    "اعرب",
    "بين",
    "يقول",
    "قالت",
    "ادرك",
    "علم",
    "عرف",
    "ظن",
    "اعتقد",
    "يري",
    "راى",
    "وعد",
    "طالب",
    "اقر",
    "اعترف",
}
# Subordinators that open a complement clause (ccomp); every other one opens an adverbial clause
# (حيث, عندما, حسبما, بعدما ...: advcl).
_COMP_SUBS = {"ان"}
_AS_SUBS = {"كما", "حسبما", "وفقما", "مثلما"}  # asides: كما ذكرت الوكالة
_TIME_NOUNS = {
    "يوم",
    "اليوم",
    "امس",
    "غدا",
    "صباح",
    "مساء",
    "ليله",
    "ليل",
    "ظهر",
    "فجر",
    "الاسبوع",
    "اسبوع",
    "الشهر",
    "شهر",
    "العام",
    "عام",
    "السنه",
    "سنه",
    "الاحد",
    "الاثنين",
    "الثلاثاء",
    "الاربعاء",
    "الخميس",
    "الجمعه",
    "السبت",
    "الان",
    "حاليا",
    "مطلع",
    "اواخر",
    "منتصف",
    "نهايه",
    "بدايه",
    "وقت",
}
_QUOTES_OPEN = {"«": "»", "“": "”", '"': '"'}
_ADDITION = {"اضافه", "بالاضافه", "فضلا", "جانب"}


@dataclass
class W:
    """A working token while parsing."""

    i: int
    form: str
    upos: str
    tag: str
    word: int
    definite: bool = False
    tanween: bool = False  # tanween written, or the accusative alif that shows it (اتفاقا)
    acc: bool = False  # accusative: fathatan, or an indefinite noun's alif ending
    gender: str = ""
    number: str = ""
    person: str = ""
    ent: int = -1  # index of the entity span, or -1
    ent_label: str = ""
    head: int = -2  # -2 unset, -1 root
    deprel: str = ""
    lemma: str = ""
    feats: str = "_"
    vnoun: bool = False  # a verbal noun (مصدر) or event noun
    ntype: str = ""  # the lexicon's noun type: nisba, ap, pp, adj, vn, n, prop

    @property
    def norm(self) -> str:
        return normalize(self.form)

    @property
    def nominal(self) -> bool:
        return self.upos in _NOMINAL and self.tag not in ("pron-clitic",)


@dataclass
class Unit:
    """A phrase being built: its head token and the tokens it covers."""

    kind: str  # NP, PP, V, AUX, SUB, REL, CC, PUNCT, ADV, PART, OTHER
    head: int
    first: int
    last: int
    case: str = ""  # normalised preposition for PP
    cc: int = -1  # pending coordinator token before this unit
    tail: int = -1  # the last noun of its construct chain


@dataclass
class Frame:
    kind: str  # main, ccomp, advcl, relcl, conj, quote, parataxis
    parent: int  # token index of the governing head (or -1)
    marker: int = -1
    pred: int = -1
    subj: int = -1
    obj: int = -1
    antecedent: int = -1
    pending: list[Unit] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    last_np: int = -1
    coord_first: dict[int, int] = field(default_factory=dict)
    quote_close: str = ""
    clitic_subj: bool = False
    last_arg: int = -1  # the latest subject or object: what إضافة إلى X adds to
    rel_subject: bool = False  # the relative pronoun holds the subject slot (tentatively)
    shared_subject: bool = False  # a coordinated verb that shares the first verb's subject
    purpose: bool = False  # ل + imperfect: a purpose clause (ليلتقي)
    shared_gender: str = ""  # the gender of the subject it shares
    hal: int = (
        -1
    )  # a circumstantial participle (داعيا الطرفين إلى ...) and the last token of its phrase
    hal_last: int = -1


def _set(ws: list[W], dep: int, head: int, rel: str) -> None:
    if dep == head or dep < 0:
        return
    if ws[dep].head != -2 and ws[dep].deprel not in ("", "dep"):
        return
    ws[dep].head = head
    ws[dep].deprel = rel


def _force(ws: list[W], dep: int, head: int, rel: str) -> None:
    if dep == head or dep < 0:
        return
    ws[dep].head = head
    ws[dep].deprel = rel


def _time_like(w: W) -> bool:
    return w.norm in _TIME_NOUNS or w.ent_label == "TimeExpression"


#: Compass nouns: a bare one is where something happens (شمال مالي, جنوبي لبنان).
_DIRECTIONS = {
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "شمالي",
    "جنوبي",
    "شرقي",
    "غربي",
    "قرب",
    "داخل",
    "خارج",
}


def _place_like(w: W) -> bool:
    return w.norm in _DIRECTIONS and not w.definite


def _gender_clash(pred: W, u: Unit, ws: list[W]) -> bool:
    """A singular noun right after a verb of the other gender is not its subject
    (استهدف قاعدة: a feminine subject needs استهدفت)."""
    w = ws[u.head]
    if (
        pred.upos != "VERB"
        or pred.person[:1] != "3"
        or pred.number not in ("s", "")
        or not pred.gender
    ):
        return False
    if u.first != pred.i + 1 or w.upos != "NOUN" or w.number != "s" or not w.gender or w.ent >= 0:
        return False
    return w.gender != pred.gender


def parse(ws: list[W]) -> None:
    """Fill ``head`` and ``deprel`` of every working token (head -1 = root)."""
    if not ws:
        return
    mains = _attach_clitics(ws)
    units = _noun_phrases(ws, mains)
    _clauses(ws, units)
    _finish(ws)
    _copulas(ws)
    _punctuation(ws)
    _nominal_adjectives(ws)
    _fronted_commas(ws)


#: Dependents that, put before their head and closed by a comma, take the comma (UD Arabic).
_FRONTED = {"obl", "obl:tmod", "advcl", "nmod", "xcomp", "advmod", "acl"}


def _fronted_commas(ws: list[W]) -> None:
    """في أوائل الشهر، استخدم الفريق ...: a comma that closes an adjunct put before its head
    belongs to that adjunct, not to what follows."""
    for w in ws:
        if w.upos != "PUNCT" or w.form not in ("،", ",") or w.i == 0:
            continue
        k, seen = w.i - 1, 0
        while ws[k].head >= 0 and ws[k].head < w.i and ws[k].head != w.i and seen < 50:
            k, seen = ws[k].head, seen + 1
        if ws[k].head > w.i and ws[k].deprel in _FRONTED:
            _force(ws, w.i, k, "punct")


_COPULAS = {"كان", "ليس"}


def _copulas(ws: list[W]) -> None:
    """كان الرئيس غاضبًا: the UD way, the nominal predicate heads the clause and كان is its
    ``cop`` (its subject and other dependents move to the predicate). Verbs like أصبح keep
    their ``xcomp``."""
    for w in ws:
        if w.upos != "AUX" or w.deprel in ("aux", "cop") or normalize(w.lemma) not in _COPULAS:
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


def _nominal_adjectives(ws: list[W]) -> None:
    """An adjective that modifies nothing is used as a noun (المساعدة, المتظاهرون): NOUN."""
    for w in ws:
        if w.upos == "ADJ" and w.deprel in (
            "nsubj",
            "nsubj:pass",
            "obj",
            "obl",
            "nmod",
            "appos",
            "iobj",
            "obl:tmod",
        ):
            w.upos = "NOUN"


_CLOSING = {")": "(", "»": "«", "”": "“", "]": "["}
_FINAL = set(".!?؟…")


def _punctuation(ws: list[W]) -> None:
    """Punctuation the UD way: sentence-final marks on the root; brackets and quotes on
    the head of what they enclose; commas, colons and the like on the head of the phrase
    that follows them (the next conjunct, apposition or clause)."""
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
            _force(ws, w.i, root, "punct")
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
            _force(ws, w.i, h, "punct")


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


# ----------------------------------------------------------------- pass 1: words


def _attach_clitics(ws: list[W]) -> list[int]:
    """Attach clitics inside each surface word; return the main token of each word."""
    by_word: dict[int, list[int]] = {}
    for w in ws:
        by_word.setdefault(w.word, []).append(w.i)
    mains: list[int] = []
    for word in sorted(by_word):
        idx = by_word[word]
        content = [
            k for k in idx if ws[k].tag not in ("conj", "prep", "fut", "q", "pron") or len(idx) == 1
        ]
        if not content:
            # a preposition with only a pronoun: له، عليه
            content = [k for k in idx if ws[k].tag == "pron"] or idx[-1:]
        main = content[0]
        for k in idx:
            t = ws[k]
            if k == main:
                continue
            if t.tag == "pron" and ws[main].tag == "prep":
                continue
            if t.tag == "conj":
                _set(ws, k, main, "cc")
            elif t.tag == "prep":
                _set(ws, k, main, "case" if ws[main].upos != "VERB" else "mark")
            elif t.tag == "fut":
                _set(ws, k, main, "aux")
            elif t.tag == "q":
                _set(ws, k, main, "mark")
            elif t.tag == "pron":
                if ws[main].upos in ("VERB", "AUX"):
                    _set(ws, k, main, "obj")
                elif ws[main].tag == "sub":
                    pass  # أنه: the pronoun is the subject of the clause (pass 3)
                else:
                    _set(ws, k, main, "nmod")
        # a preposition carrying a pronoun (عليه): the pronoun heads the phrase
        preps = [k for k in idx if ws[k].tag == "prep" and k != main]
        prons = [k for k in idx if ws[k].tag == "pron"]
        if ws[main].tag == "prep" and prons:
            p = prons[0]
            _set(ws, main, p, "case")
            for k in idx:
                if k != p and ws[k].head == -2:
                    _set(ws, k, p, "case" if ws[k].tag == "prep" else "cc")
            main = p
        elif preps and ws[main].upos == "PRON":
            pass
        mains.append(main)
    return mains


# ------------------------------------------------------------ pass 2: phrases


def _agree(adj: W, noun: W, phrase_definite: bool) -> bool:
    if adj.definite != phrase_definite:
        return False
    if adj.number in ("p", "d") and noun.number == "s":
        return False  # هنأ الملك الفائزين: a plural after a singular noun is the next argument
    human_plural = noun.number == "p" and _human(noun)
    if human_plural and adj.number == "s":
        return False  # وزراء خارجية: people take plural adjectives, so this is a genitive
    if adj.gender and noun.gender and adj.gender != noun.gender:
        # plurals of things take feminine singular adjectives
        return noun.number == "p" and adj.gender == "f" and not human_plural
    return True


def _human(w: W) -> bool:
    from ...lexicon.words import people_nouns

    return normalize(w.lemma).removeprefix("ال") in people_nouns()


def _noun_phrases(ws: list[W], mains: list[int]) -> list[Unit]:
    units: list[Unit] = []
    k = 0
    n = len(mains)
    while k < n:
        i = mains[k]
        w = ws[i]
        # entity span: one noun phrase
        if w.ent >= 0:
            j = k
            while j + 1 < n and ws[mains[j + 1]].ent == w.ent:
                j += 1
            _span_internal(ws, [mains[m] for m in range(k, j + 1)], w.ent_label)
            unit = Unit("NP", i, _first_tok(ws, i), _last_tok(ws, mains[j]))
            k = j + 1
            k = _extend_np(ws, mains, k, unit, units)
            units.append(unit)
            continue
        if (
            w.upos in ("NOUN", "PROPN", "ADJ", "NUM", "X", "SYM")
            or w.tag in ("dem", "quant", "det")
            or (w.upos == "PRON" and w.tag == "pron")
        ):
            unit = Unit("NP", i, _first_tok(ws, i), _last_tok(ws, i))
            if (
                w.tag in ("dem", "quant", "det")
                and k + 1 < n
                and ws[mains[k + 1]].upos in ("NOUN", "PROPN", "ADJ", "NUM")
            ):
                nxt = mains[k + 1]
                _set(ws, i, nxt, "det")
                unit = Unit("NP", nxt, _first_tok(ws, i), _last_tok(ws, nxt))
                k += 1
            elif (
                w.upos == "NUM"
                and k + 1 < n
                and ws[mains[k + 1]].upos == "NOUN"
                and not ws[mains[k + 1]].definite
            ):
                nxt = mains[k + 1]
                _set(ws, i, nxt, "nummod")
                unit = Unit("NP", nxt, _first_tok(ws, i), _last_tok(ws, nxt))
                k += 1
            k = _extend_np(ws, mains, k + 1, unit, units)
            units.append(unit)
            continue
        kind = {
            "VERB": "V",
            "AUX": "AUX",
            "PUNCT": "PUNCT",
            "CCONJ": "CC",
            "SCONJ": "SUB",
            "ADV": "ADV",
            "PART": "PART",
            "ADP": "ADP",
        }.get(w.upos, "OTHER")
        if w.tag == "rel":
            kind = "REL"
        elif w.tag == "sub":
            kind = "SUB"
        elif w.tag == "prep":
            kind = "ADP"
        units.append(Unit(kind, i, _first_tok(ws, i), _last_tok(ws, i)))
        k += 1
    return _prepositional(ws, units)


def _first_tok(ws: list[W], i: int) -> int:
    word = ws[i].word
    k = i
    while k > 0 and ws[k - 1].word == word:
        k -= 1
    return k


def _last_tok(ws: list[W], i: int) -> int:
    word = ws[i].word
    k = i
    while k + 1 < len(ws) and ws[k + 1].word == word:
        k += 1
    return k


def _span_internal(ws: list[W], toks: list[int], label: str) -> None:
    head = toks[0]
    if label == "Person":
        for t in toks[1:]:
            _set(ws, t, head, "flat")
        return
    chain = [head]
    for t in toks[1:]:
        if ws[t].upos == "ADJ" or ws[t].upos == "X" and False:
            _set(ws, t, chain[0] if len(chain) == 1 else _adj_host(ws, chain, ws[t]), "amod")
        elif ws[t].upos in ("NOUN", "PROPN", "NUM"):
            _set(ws, t, chain[-1], "nmod" if label != "Person" else "flat")
            chain.append(t)
        else:
            _set(ws, t, chain[-1], "flat")


def _adj_host(ws: list[W], chain: list[int], adj: W) -> int:
    definite = ws[chain[-1]].definite or ws[chain[-1]].upos == "PROPN"
    for c in reversed(chain):
        if _agree(adj, ws[c], definite):
            return c
    return chain[-1]


def _can_govern(w: W) -> bool:
    """A noun that can be the first term of a construct (مضاف): no article, no tanween."""
    return (
        w.upos in ("NOUN", "ADJ", "NUM")
        and not w.definite
        and not w.tanween
        and w.ent < 0
        and not (
            w.norm.endswith(("ون", "ين", "ان")) and w.number in ("p", "d")
        )  # مسلحون, not مسلحو
    )


def _extend_np(ws: list[W], mains: list[int], k: int, unit: Unit, units: list[Unit]) -> int:
    """Grow a noun phrase to the right: construct state, adjectives, numbers, brackets."""
    n = len(mains)
    chain = [unit.head]
    has_suffix = _has_suffix(ws, unit.head)
    last_adj = -1
    if ws[unit.head].upos == "PRON":
        return k  # a pronoun takes no adjective or genitive (شارك فيه ممثلون: a new phrase)
    named = False  # a name after the title closes the phrase (… أحمد عطاف | المبعوث الأممي)
    while k < n:
        i = mains[k]
        w = ws[i]
        if named and w.form != "(":
            break
        last = ws[chain[-1]]
        phrase_def = (
            last.definite or last.upos == "PROPN" or last.ent >= 0 or _has_suffix(ws, chain[-1])
        )
        if w.ent >= 0 and w.ent != ws[unit.head].ent:
            if _can_govern(last) and not has_suffix:
                j = k
                while j + 1 < n and ws[mains[j + 1]].ent == w.ent:
                    j += 1
                _span_internal(ws, [mains[m] for m in range(k, j + 1)], w.ent_label)
                _set(ws, i, chain[-1], "nmod")
                chain.append(i)
                unit.tail = i
                unit.last = _last_tok(ws, mains[j])
                k = j + 1
                continue
            if (
                _is_designator(ws[unit.head])
                and not _definite_body(ws[unit.head])
                and ws[unit.head].ent < 0
                and not _first_has_clitic(ws, i)
                and w.ent_label not in ("Person", "TimeExpression")
            ):
                # العاصمة السعودية الرياض, مدينة الموصل: the name is in apposition to its designator
                j = k
                while j + 1 < n and ws[mains[j + 1]].ent == w.ent:
                    j += 1
                _span_internal(ws, [mains[m] for m in range(k, j + 1)], w.ent_label)
                _set(ws, i, unit.head, "appos")
                unit.last = _last_tok(ws, mains[j])
                k = j + 1
                continue
            if _is_title_head(ws, chain) and w.ent_label == "Person":
                j = k
                while j + 1 < n and ws[mains[j + 1]].ent == w.ent:
                    j += 1
                _span_internal(ws, [mains[m] for m in range(k, j + 1)], w.ent_label)
                _set(ws, i, unit.head, "appos")
                unit.last = _last_tok(ws, mains[j])
                k = j + 1
                named = True
                continue
            break
        if w.upos == "ADJ" and w.ent < 0 and last_adj >= 0 and _conj_clitic_only(ws, i):
            _set(ws, i, last_adj, "conj")  # جماعات كردية وعربية
            unit.last = _last_tok(ws, i)
            k += 1
            continue
        if w.upos == "ADJ" and w.ent < 0 and not _first_has_clitic(ws, i):
            host = None
            for strict in (True, False):  # gender agreement first, then definiteness alone
                for c in reversed(chain):
                    if ws[c].upos == "PROPN" and any(ws[x].upos == "NOUN" for x in chain if x != c):
                        continue  # حساب كلينتون المصرفي: the account is the banking one, not Clinton
                    definite = (
                        phrase_def
                        if c != chain[-1]
                        else (
                            ws[c].definite
                            or _has_suffix(ws, c)
                            or ws[c].upos == "PROPN"
                            or ws[c].ent >= 0
                        )
                    )
                    # definiteness alone only for indefinite pairs (سوق شعبي); a definite noun
                    # of another gender after a definite phrase is more often the next argument
                    loose = (
                        not w.definite
                        and not definite
                        and w.ntype == "nisba"
                        and not (ws[c].number == "p" and w.number == "s" and _human(ws[c]))
                    )  # سوق شعبي: a relative adjective is attributive even when genders disagree
                    if _agree(w, ws[c], definite) if strict else loose:
                        host = c
                        break
                if host is not None:
                    break
            if host is not None:
                _set(ws, i, host, "amod")
                last_adj = i
                unit.last = _last_tok(ws, i)
                k += 1
                continue
            if _can_govern(last) and not has_suffix:
                # an adjective-capable noun as a genitive: وزير الخارجية, وزراء خارجية
                w.upos = "NOUN"
                _set(ws, i, chain[-1], "nmod")
                chain.append(i)
                unit.last = _last_tok(ws, i)
                k += 1
                continue
            break
        if (
            w.upos in ("NOUN", "PROPN", "X")
            and not _first_has_clitic(ws, i)
            and _can_govern(last)
            and not has_suffix
            and last_adj < 0
        ):
            # (an adjective closes the construct: طائرات مسيرة | قاعدة عسكرية)
            _set(ws, i, chain[-1], "nmod")
            chain.append(i)
            unit.tail = i
            unit.last = _last_tok(ws, i)
            has_suffix = _has_suffix(ws, i)
            k += 1
            continue
        if (
            w.upos == "NUM"
            and not _first_has_clitic(ws, i)
            and not (
                k + 1 < n and ws[mains[k + 1]].upos == "NOUN" and not ws[mains[k + 1]].definite
            )
        ):
            _set(ws, i, chain[-1], "nummod")
            unit.last = _last_tok(ws, i)
            k += 1
            continue
        if w.tag == "det" and k + 1 < n and ws[mains[k + 1]].upos == "NUM":  # الـ68
            _set(ws, i, mains[k + 1], "det")
            _set(ws, mains[k + 1], chain[0], "nummod")
            unit.last = _last_tok(ws, mains[k + 1])
            k += 2
            continue
        if (
            w.tag == "dem"
            and w.ent < 0
            and (k + 1 >= n or ws[mains[k + 1]].upos not in ("NOUN", "ADJ"))
        ):
            _set(ws, i, chain[0], "det")  # الاجتماع هذا
            k += 1
            continue
        if (
            w.form == "("
            and k + 2 < n
            and ws[mains[k + 2]].form == ")"
            and ws[mains[k + 1]].nominal
        ):
            inner = mains[k + 1]
            rel = "nmod" if _can_govern(last) and not has_suffix else "appos"
            _set(ws, inner, chain[-1] if rel == "nmod" else unit.head, rel)
            _set(ws, i, inner, "punct")
            _set(ws, mains[k + 2], inner, "punct")
            unit.last = mains[k + 2]
            k += 3
            continue
        break
    return k


def _first_has_clitic(ws: list[W], i: int) -> bool:
    """Whether the word of token i starts with a conjunction or preposition clitic."""
    k = _first_tok(ws, i)
    return k < i and any(ws[m].tag in ("conj", "prep") for m in range(k, i))


def _conj_clitic_only(ws: list[W], i: int) -> bool:
    k = _first_tok(ws, i)
    return k < i and all(ws[m].tag == "conj" for m in range(k, i))


def _has_suffix(ws: list[W], i: int) -> bool:
    return i + 1 < len(ws) and ws[i + 1].word == ws[i].word and ws[i + 1].tag == "pron"


def _is_designator(w: W) -> bool:
    from ...lexicon.words import designators

    return w.upos == "NOUN" and w.norm in designators()


def _list_goes_on(ws: list[W], last: int, label: str) -> bool:
    """Whether و and a name of the same kind follow: كالسعودية العراق وتركيا."""
    k = last + 1
    return (
        k + 1 < len(ws)
        and ws[k].upos == "CCONJ"
        and ws[k + 1].ent >= 0
        and ws[k + 1].ent_label == label
    )


def _definite_body(w: W) -> bool:
    """A definite designator of organisations (الحكومة, الحركة): what follows it is not its
    name in apposition (اتهمت الحكومة السودانية قوات الدعم السريع: the object)."""
    from ...lexicon.words import designators

    return w.definite and designators().get(w.norm) == "Organization"


def _title_tok(ws: list[W], i: int) -> bool:
    """Whether word i starts a title (وزير, الرئيس, ولي العهد)."""
    from ...lexicon.words import title_at

    return (
        ws[i].upos in ("NOUN", "ADJ", "PROPN")
        and title_at([w.form for w in ws[i : i + 2]], 0) is not None
    )


def _is_title_head(ws: list[W], chain: list[int]) -> bool:
    return any(_title_tok(ws, c) for c in chain[:2])


def _prepositional(ws: list[W], units: list[Unit]) -> list[Unit]:
    """Merge prepositions with the noun phrase after them into PP units."""
    out: list[Unit] = []
    k = 0
    while k < len(units):
        u = units[k]
        if u.kind == "ADP":
            j = k + 1
            fixed: list[int] = []
            while j < len(units) and units[j].kind == "ADP":  # إضافة إلى, بالنسبة إلى
                fixed.append(units[j].head)
                j += 1
            brackets: list[int] = []
            while j < len(units) and units[j].kind == "PUNCT" and ws[units[j].head].form == "(":
                brackets.append(units[j].head)
                j += 1
            if j < len(units) and units[j].kind == "NP":
                np = units[j]
                _set(ws, u.head, np.head, "case")
                for f in fixed:
                    _set(ws, f, u.head, "fixed")
                for b in brackets:
                    _set(ws, b, np.head, "punct")
                case = normalize(ws[u.head].form)
                if (
                    j + 1 < len(units)
                    and brackets
                    and units[j + 1].kind == "PUNCT"
                    and ws[units[j + 1].head].form == ")"
                ):
                    _set(ws, units[j + 1].head, np.head, "punct")
                    j += 1
                out.append(Unit("PP", np.head, u.first, units[j].last, case=case, tail=np.tail))
                k = j + 1
                continue
        if u.kind == "NP":
            # a clitic preposition inside the head word (بالعراق)
            clitic_case = [
                m
                for m in range(u.first, u.head)
                if ws[m].tag == "prep" and ws[m].word == ws[u.head].word
            ]
            if clitic_case:
                out.append(
                    Unit(
                        "PP",
                        u.head,
                        u.first,
                        u.last,
                        case=normalize(ws[clitic_case[0]].form),
                        tail=u.tail,
                    )
                )
                k += 1
                continue
        out.append(u)
        k += 1
    return out


# ------------------------------------------------------------ pass 3: clauses


_NP_KINDS = ("NP", "PP")


def _clauses(ws: list[W], units: list[Unit]) -> None:
    stack: list[Frame] = [Frame("main", -1)]
    pending_cc = -1
    pending_part: list[int] = []
    prev: Unit | None = None
    for idx, u in enumerate(units):
        f = stack[-1]
        w = ws[u.head]
        nxt = units[idx + 1] if idx + 1 < len(units) else None
        # a conjunction clitic inside this unit's first word
        own_cc = next((m for m in range(u.first, u.head) if ws[m].tag == "conj"), -1)
        cc = own_cc if own_cc >= 0 else pending_cc
        if u.kind == "CC":
            pending_cc = u.head
            prev = u
            continue
        if u.kind == "PUNCT":
            form = w.form
            if (
                form in _QUOTES_OPEN
                and (not f.quote_close or form != f.quote_close)
                and _opens_quote(ws, prev, f)
            ):
                speech = _speech_head(ws, stack)
                nf = Frame("quote", speech, quote_close=_QUOTES_OPEN[form])
                nf.marker = u.head
                stack.append(nf)
            elif f.quote_close and form == f.quote_close:
                _close(ws, stack, until_quote=True)
                _attach_punct(ws, u.head, stack)
                prev = u
                continue
            elif (
                form in ("»", "”", '"')
                and f.kind == "main"
                and f.pred < 0
                and f.pending
                and ws[0].form in _QUOTES_OPEN
            ):
                # «الوضع خطير جدا»، قالت ...: a quotation opening the sentence is a verbless
                # clause of its own; the speech verb after it hangs on it
                _verbless(ws, f)
                if f.pred >= 0:
                    ws[f.pred].head = -1
                    ws[f.pred].deprel = "root"
            elif form in ("،", ",", ";", "؛") and f.kind in ("relcl",) and f.pred >= 0:
                _close(ws, stack)
            elif (
                (
                    (form == ":" and (nxt is None or ws[nxt.head].form not in _QUOTES_OPEN))
                    or (form in ("-", "–", "—") and u.head <= 12)
                )
                and f.kind == "main"
                and f.pred < 0
                and f.pending
                and len(stack) == 1
            ):
                # a dateline or heading before a colon or a dash (إيلاف: ..., تونس (أ ف ب) - ...):
                # not the subject
                for pu in f.pending:
                    _set(ws, pu.head, -3, "dep")
                f.pending = []
            _attach_punct(ws, u.head, stack)
            prev = u
            continue
        if u.kind == "SUB":
            if (
                w.norm in _COMP_SUBS
                and f.kind == "advcl"
                and f.pred >= 0
                and len(stack) > 1
                and prev is not None
                and ws[prev.head].form in ("،", ",")
                and f.marker >= 0
                and ws[f.marker].norm in _AS_SUBS
            ):
                # قال X، كما ذكرت الوكالة، إن ...: the aside is over; the clause is what X said
                _close(ws, stack)
                f = stack[-1]
            parent = _current_head(stack)
            part = _speech_participle_before(ws, units, idx)
            if part >= 0:
                parent = part  # مؤكدا أن ..., مشيرا إلى أن ...: the participle reports the clause
            lem = w.norm
            kind = "ccomp" if lem in _COMP_SUBS else "advcl"
            if f.pred < 0 and kind == "ccomp" and f.kind == "main" and not f.pending:
                kind = "main-mark"  # sentence-initial إن: emphasis, same clause
            if kind == "main-mark":
                f.marker = u.head
            else:
                if f.kind == "relcl" and f.pred >= 0:
                    _close(ws, stack)
                    parent = _current_head(stack)
                nf = Frame(kind, parent, marker=u.head)
                stack.append(nf)
                f = nf
            # أنه: the pronoun suffix is the subject
            suf = u.head + 1
            if suf < len(ws) and ws[suf].word == w.word and ws[suf].tag == "pron":
                f.pending.append(Unit("NP", suf, suf, suf))
                f.clitic_subj = True
            if cc >= 0:
                _set(ws, cc, u.head, "cc")
                pending_cc = -1
            prev = u
            continue
        if u.kind == "REL" and w.norm == "ما":
            # a free relative (حسب ما نقل X): ما is a noun phrase of its own, its clause hangs on it
            if prev is not None and prev.kind == "ADP":
                _set(ws, prev.head, u.head, "case")
            head = _current_head(stack)
            if head >= 0:
                _set(ws, u.head, head, "obl" if prev is not None and prev.kind == "ADP" else "obj")
            nf = Frame("relcl", u.head, marker=u.head, antecedent=u.head)
            stack.append(nf)
            prev = u
            continue
        if u.kind == "REL":
            ante = _antecedent(ws, stack, w)
            if f.kind == "relcl" and f.pred >= 0:
                _close(ws, stack)
            nf = Frame("relcl", ante, marker=u.head, antecedent=ante)
            stack.append(nf)
            prev = u
            continue
        if u.kind in ("PART", "ADV") and w.tag in ("neg", "emph", "fut"):
            pending_part.append(u.head)
            prev = u
            continue
        if u.kind in ("V", "AUX"):
            f = _verb(ws, stack, u, prev, cc)
            for p in pending_part:
                _set(ws, p, u.head, "aux" if ws[p].tag == "fut" else "advmod")
            pending_part = []
            pending_cc = -1
            prev = u
            continue
        if u.kind in _NP_KINDS:
            _nominal(ws, stack, u, prev, cc)
            pending_cc = -1
            prev = u
            continue
        # ADV, OTHER, PART
        if f.pred >= 0:
            _set(ws, u.head, f.pred, "advmod" if u.kind in ("ADV", "PART") else "dep")
        else:
            f.pending.append(u)
        prev = u
    while len(stack) > 1:
        _close(ws, stack)
    _close_main(ws, stack[0])


_SPEECH_PARTICIPLES = {
    normalize(w)
    for w in "مؤكد مضيف مشير موضح معتبر لافت محذر داع داعية منوه مشدد معلن مطالب متهم قائل".split()
}


def _is_speech_participle(w: W) -> bool:
    """مؤكدًا, مضيفًا, مشيرًا: an active participle of a speech verb, indefinite."""
    return (
        w.upos in ("NOUN", "ADJ") and not w.definite and normalize(w.lemma) in _SPEECH_PARTICIPLES
    )


def _circumstantial(ws: list[W], u: Unit) -> bool:
    """معربًا عن قلقه, مشددًا على: an indefinite accusative active participle (a حال)
    describes the subject while it acts; it is a second predicate, not an object."""
    w = ws[u.head]
    return w.ntype == "ap" and not w.definite and w.acc and u.first == u.head


def _speech_participle_before(ws: list[W], units: list[Unit], idx: int) -> int:
    """A speech participle right before a complementiser (over a preposition: مشيرا إلى أن)."""
    k = idx - 1
    while k >= 0 and units[k].kind == "ADP":
        k -= 1
    if k >= 0 and _is_speech_participle(ws[units[k].head]):
        return units[k].head
    return -1


def _opens_quote(ws: list[W], prev: Unit | None, f: Frame) -> bool:
    """A quotation mark opens reported speech after a colon, a speech verb or أن/إن."""
    if prev is None:
        return False
    p = ws[prev.head]
    if p.form == ":" or p.tag == "sub":
        return True
    return prev.kind == "V" and normalize(p.lemma) in _SPEECH


def _attach_punct(ws: list[W], i: int, stack: list[Frame]) -> None:
    head = _current_head(stack)
    if head >= 0:
        _set(ws, i, head, "punct")


def _current_head(stack: list[Frame]) -> int:
    for f in reversed(stack):
        if f.pred >= 0:
            return f.pred
        if f.pending:
            return f.pending[0].head
    return -1


def _speech_head(ws: list[W], stack: list[Frame]) -> int:
    """The verb a quotation belongs to: the nearest speech verb, else the nearest predicate."""
    for f in reversed(stack):
        if f.pred >= 0 and normalize(ws[f.pred].lemma) in _SPEECH:
            return f.pred
    for f in reversed(stack):
        if f.pred >= 0:
            return f.pred
    return -1


def _antecedent(ws: list[W], stack: list[Frame], rel: W) -> int:
    """The noun a relative pronoun refers to: the nearest preceding noun that agrees."""
    candidates: list[int] = []
    for f in reversed(stack):
        for u in reversed(f.units + f.pending):
            if u.kind in _NP_KINDS:
                candidates.append(u.head)
        if candidates:
            break
    k = rel.i - 1
    near: list[int] = []
    while k >= 0 and len(near) < 8:
        t = ws[k]
        if t.upos in ("VERB", "AUX") or t.tag in ("sub", "rel"):
            break
        if t.upos in ("NOUN", "PROPN", "X") or (t.upos == "ADJ" and t.deprel != "amod"):
            if t.deprel not in ("flat",):
                near.append(k)
        k -= 1
    for c in near:
        if _rel_agrees(rel, ws[c]):
            return c
    return near[0] if near else (candidates[0] if candidates else -1)


def _rel_agrees(rel: W, noun: W) -> bool:
    if rel.norm in ("الذي",) and noun.gender == "f" and noun.number != "p":
        return False
    if rel.norm in ("التي",) and noun.gender == "m" and noun.number == "s" and noun.upos != "PROPN":
        return False
    if rel.norm in ("الذين",) and noun.number == "s":
        return False
    return True


def _verb(ws: list[W], stack: list[Frame], u: Unit, prev: Unit | None, cc: int) -> Frame:
    f = stack[-1]
    # كان + subject + verb: the verb is the predicate, كان its auxiliary
    if f.pred >= 0 and ws[f.pred].upos == "AUX" and ws[f.pred].tag == "aux":
        aux = f.pred
        f.pred = u.head
        _force(ws, u.head, ws[aux].head, ws[aux].deprel)  # the verb takes كان's place
        _force(ws, aux, u.head, "aux")
        _reparent_children(ws, aux, u.head)
        if cc >= 0:
            _set(ws, cc, u.head, "cc")
        _take_pending(ws, f)
        return f
    if f.pred >= 0:
        # a second predicate: a new clause
        if f.kind == "relcl" and cc < 0:
            _close(ws, stack)
            f = stack[-1]
            if f.pred < 0:
                return _start_pred(ws, stack, f, u, cc)
        if cc >= 0:
            outer = _agreeing_outer(ws, stack, u.head, cc)
            while outer is not None and len(stack) > 1 and stack[-1] is not outer:
                _close(ws, stack)  # أكد X أن الحكومة ستواصل ...، وأعلن: back to X's clause
            nf = Frame("conj", _coord_target(ws, stack))
            stack.append(nf)
            _set(ws, cc, u.head, "cc")
            nf.pred = u.head
            nf.shared_subject = True
            _attach_frame_head(ws, nf)
            return nf
        if (
            u.head > 0
            and ws[u.head - 1].word == ws[u.head].word
            and ws[u.head - 1].norm == "ل"
            and ws[u.head].person[:1] in ("", "3")
        ):
            # وصل الوزير إلى القاهرة ليلتقي الرئيس: a purpose clause; its dropped subject is
            # the clause's subject, and a noun after it is its object
            nf = Frame("advcl", f.pred)
            stack.append(nf)
            nf.pred = u.head
            nf.shared_subject = True
            nf.purpose = True
            subj = f.subj if f.subj >= 0 else f.pred
            nf.shared_gender = ws[subj].gender or ("m" if _human(ws[subj]) else "")
            _attach_frame_head(ws, nf)
            return nf
        if prev is not None and prev.kind in _NP_KINDS and _indefinite_np(ws, prev.head):
            nf = Frame("relcl", prev.head, antecedent=prev.head)
            stack.append(nf)
            nf.pred = u.head
            _attach_frame_head(ws, nf)
            return nf
        if prev is not None and prev.kind == "PUNCT":
            nf = Frame("parataxis", f.pred)
            stack.append(nf)
            nf.pred = u.head
            _attach_frame_head(ws, nf)
            return nf
        nf = Frame("parataxis", f.pred)
        stack.append(nf)
        nf.pred = u.head
        _attach_frame_head(ws, nf)
        return nf
    return _start_pred(ws, stack, f, u, cc)


def _start_pred(ws: list[W], stack: list[Frame], f: Frame, u: Unit, cc: int) -> Frame:
    f.pred = u.head
    if (
        f.kind == "relcl"
        and f.marker >= 0
        and ws[f.marker].tag == "rel"
        and ws[f.marker].norm != "ما"
        and not _verb_has_obj_clitic(ws, u.head)
    ):
        f.subj = f.marker  # الذي زار بغداد: the relative pronoun is the subject ...
        f.rel_subject = True
    if cc >= 0:
        _set(ws, cc, u.head, "cc")
    if f.marker >= 0 and ws[f.marker].tag != "rel" and ws[f.marker].upos != "PUNCT":
        _set(ws, f.marker, u.head, "mark")
    _attach_frame_head(ws, f)
    _take_pending(ws, f)
    return f


def _reparent_children(ws: list[W], old: int, new: int) -> None:
    for t in ws:
        if t.head == old and t.i != new and t.deprel not in ("cc",):
            t.head = new


def _take_pending(ws: list[W], f: Frame) -> None:
    """Phrases seen before the predicate: the first bare noun phrase is the subject."""
    for pu in f.pending:
        if pu.kind == "NP" and f.subj < 0 and not _time_like(ws[pu.head]):
            f.subj = pu.head
            f.last_arg = pu.head
            _set(ws, pu.head, f.pred, "nsubj")
        elif pu.kind in _NP_KINDS:
            _set(ws, pu.head, f.pred, _oblique(ws, pu))
        else:
            _set(ws, pu.head, f.pred, "advmod" if pu.kind in ("ADV", "PART") else "dep")
        f.units.append(pu)
    f.pending = []


def _oblique(ws: list[W], u: Unit) -> str:
    if u.kind == "NP" and _time_like(ws[u.head]):
        return "obl:tmod"
    return "obl"


def _attach_frame_head(ws: list[W], f: Frame) -> None:
    if f.pred < 0:
        return
    rel = {
        "main": "root",
        "ccomp": "ccomp",
        "advcl": "advcl",
        "relcl": "acl:relcl",
        "conj": "conj",
        "quote": "ccomp",
        "parataxis": "parataxis",
    }[f.kind]
    if f.kind == "main" or f.parent < 0:
        if f.kind != "main":
            return
        ws[f.pred].head = -1
        ws[f.pred].deprel = "root"
        return
    _force(ws, f.pred, f.parent, rel)
    if f.marker >= 0 and ws[f.marker].upos != "PUNCT" and ws[f.marker].tag != "rel":
        _set(ws, f.marker, f.pred, "mark")
    if f.kind == "quote" and f.marker >= 0:
        _set(ws, f.marker, f.pred, "punct")


def _agreeing_outer(ws: list[W], stack: list[Frame], verb: int, cc: int) -> Frame | None:
    """After "، و" a verb whose gender disagrees with the embedded clause's verb but
    agrees with an enclosing clause's verb continues that clause (it shares its subject)."""
    f = stack[-1]
    v = ws[verb]
    if f.kind not in ("ccomp", "advcl") or cc < 1 or ws[cc - 1].form not in ("،", ","):
        return None
    if v.upos != "VERB" or v.person[:1] not in ("", "3") or not v.gender or f.pred < 0:
        return None
    if ws[f.pred].upos != "VERB" or ws[f.pred].gender in ("", v.gender):
        return None
    for outer in reversed(stack[:-1]):
        p = ws[outer.pred] if outer.pred >= 0 else None
        if p is not None and p.upos == "VERB" and p.gender == v.gender:
            return outer
        if p is not None and p.gender:
            return None
    return None


#: Verbs whose object is a party and whose preposition gives what it is urged or accused of
#: (دعا X إلى, حث X على, طالب X ب, اتهم X ب, حذر X من): after "و" sharing the first verb's
#: subject, a name after them is their object.
_URGE_VERBS = {"دعا", "حث", "طالب", "ناشد", "اتهم", "حذر", "ابلغ", "حمل", "نصح", "امر"}


def _urges_like_first(ws: list[W], f: Frame) -> bool:
    v = ws[f.pred]
    first = ws[f.parent] if f.parent >= 0 else None
    return (
        v.upos == "VERB"
        and normalize(v.lemma) in _URGE_VERBS
        and first is not None
        and first.upos == "VERB"
        and bool(v.gender)
        and first.gender == v.gender
    )


def _coord_target(ws: list[W], stack: list[Frame]) -> int:
    """The verb a coordinated verb joins: the predicate of the nearest clause with one."""
    for f in reversed(stack):
        if f.pred >= 0:
            return f.pred
    return -1


def _indefinite_np(ws: list[W], i: int) -> bool:
    w = ws[i]
    return w.upos == "NOUN" and not w.definite and not _has_suffix(ws, i)


def _nominal(ws: list[W], stack: list[Frame], u: Unit, prev: Unit | None, cc: int) -> None:
    f = stack[-1]
    w = ws[u.head]
    # coordination: a noun phrase after و joins the previous noun phrase of this clause
    if cc >= 0 and prev is not None and f.units + f.pending:
        target = _last_np(f)
        if target is not None and (f.pred < 0 or u.kind == target.kind or u.kind == "NP"):
            first = f.coord_first.get(target.head, target.head)
            if (
                w.ent >= 0
                and target.tail >= 0
                and ws[target.tail].ent_label == w.ent_label
                and ws[first].ent < 0
            ):
                first = (
                    target.tail
                )  # وفدا الجيش السوداني وقوات الدعم السريع: the names are coordinated
            elif (
                first == target.head
                and target.tail > target.head
                and not ws[target.head].definite
                and w.definite
                and ws[target.tail].definite
                and ws[target.tail].upos == "NOUN"
                and not _title_tok(ws, target.head)
                and not _human(w)
                and w.ent < 0
            ):
                first = target.tail  # عقود الرعاية والإعلانات: a definite noun joins the genitive
            _force(ws, u.head, first, "conj")
            _set(ws, cc, u.head, "cc")
            f.coord_first[u.head] = first
            f.units.append(Unit(target.kind, u.head, u.first, u.last, case=u.case))
            return
    # names listed without و (كالسعودية العراق وتركيا)
    if (
        prev is not None
        and prev.kind in _NP_KINDS
        and u.kind == "NP"
        and w.ent >= 0
        and ws[prev.head].ent >= 0
        and ws[prev.head].ent_label == w.ent_label
        and w.ent_label in ("Country", "City", "Organization", "Region")
        and (
            prev.case == "ك" or prev.head in f.coord_first or _list_goes_on(ws, u.last, w.ent_label)
        )
    ):
        # (only inside a list: غزا العراق الكويت is subject and object, not two subjects)
        first = f.coord_first.get(prev.head, prev.head)
        _force(ws, u.head, first, "conj")
        f.coord_first[u.head] = first
        f.units.append(Unit(prev.kind, u.head, u.first, u.last, case=prev.case))
        return
    # listing members after a comma (..., كالمملكة المتحدة وفرنسا): examples of the plural noun before
    if u.kind == "PP" and u.case == "ك" and prev is not None and prev.kind == "PUNCT":
        listed = _plural_before(ws, f, u.head)
        if listed >= 0:
            _set(ws, u.head, listed, "nmod")
            f.units.append(u)
            return
    # إضافة إلى X / بالإضافة إلى X: one more of the latest subject or object
    if u.kind == "PP" and u.case in _ADDITION:
        added = (
            f.last_arg
            if f.last_arg >= 0
            else next((p.head for p in reversed(f.pending) if p.kind == "NP"), -1)
        )
        if added >= 0:
            _set(ws, u.head, added, "nmod")
            f.units.append(u)
            return
    # a PP right after a noun phrase usually modifies that noun when it is ل/من or an event noun
    if (
        u.kind == "PP"
        and prev is not None
        and prev.kind in _NP_KINDS
        and _pp_to_noun(ws, prev, u, f)
    ):
        host = prev.tail if u.case == "ضد" and prev.tail >= 0 else prev.head
        _set(ws, u.head, host, "nmod")
        return
    # an honorific right after a title phrase (أمير قطر الشيخ ...): the same person's chain
    if (
        u.kind == "NP"
        and w.ent < 0
        and _title_tok(ws, u.head)
        and w.definite
        and prev is not None
        and prev.kind == "NP"
        and _title_tok(ws, prev.head)  # right after a title phrase, not after a name
        and u.head + 1 < len(ws)
        and ws[u.head + 1].ent_label == "Person"  # and right before the name: a bare honorific
    ):
        chain_head = _title_before(ws, u.first)
        if chain_head >= 0:
            _force(ws, u.head, chain_head, "appos")
            return
    # a title set off by commas right after a person's name: الغنوشي، رئيس حزب النهضة،
    if (
        u.kind == "NP"
        and prev is not None
        and prev.kind == "PUNCT"
        and ws[prev.head].form in ("،", ",")
        and _title_tok(ws, u.head)
        and prev.first > 0
        and ws[prev.first - 1].ent_label == "Person"
    ):
        name = prev.first - 1
        while ws[name].deprel in ("flat", "flat:name") and ws[name].head >= 0:
            name = ws[name].head
        _force(ws, u.head, name, "appos")
        return
    # apposition: a name right after a title and its phrase (الأمين العام لحلف ... ينس ستولتنبرغ)
    if u.kind == "NP" and w.ent_label == "Person":
        title = _title_before(ws, u.first)
        if title >= 0:
            _force(ws, u.head, title, "appos")
            return
    # a verbal noun takes an accusative object (إحرازهم تقدمًا)
    if (
        u.kind == "NP"
        and prev is not None
        and prev.kind == "NP"
        and ws[prev.head].vnoun
        and w.tanween
        and _acc(ws, u.head)
        and prev.head not in (f.subj, f.obj)
        and not (f.pred >= 0 and f.obj < 0 and ws[f.pred].upos == "VERB")
    ):
        _set(ws, u.head, prev.head, "obj")
        return
    if (
        u.kind == "NP"
        and prev is not None
        and prev.kind == "PP"
        and ws[u.first].upos == "NUM"
        and ws[prev.head].upos == "NOUN"
        and not ws[prev.head].definite
        and not ws[prev.head].tanween
    ):
        # بقيمة 8 مليارات, لمدة ثلاثة أيام: a construct noun's number phrase is its genitive
        _set(ws, u.head, prev.head, "nmod")
        return
    if f.pred < 0:
        f.pending.append(u)
        return
    pred = ws[f.pred]
    if (
        u.kind == "NP"
        and (_is_speech_participle(w) or _circumstantial(ws, u))
        and prev is not None
        and prev.kind == "PUNCT"
    ):
        _set(ws, u.head, f.pred, "advcl")  # ..., مضيفا أن: a second predicate of the same subject
        for k in range(u.head + 1, u.last + 1):
            if (
                ws[k].head == u.head
                and ws[k].deprel == "nmod"
                and ws[k].definite
                and ws[k].upos == "NOUN"
            ):
                _force(
                    ws, k, u.head, "obj"
                )  # داعية الطرفين: the participle's object, not a genitive
        f.hal, f.hal_last = u.head, u.last
        return
    if u.kind == "PP" and f.hal >= 0 and u.first == f.hal_last + 1:
        _set(ws, u.head, f.hal, "obl")  # داعيا الطرفين إلى استئناف المفاوضات: what it calls for
        f.hal_last = u.last
        return
    if u.kind == "PP":
        if f.rel_subject and ws[u.head].tag == "pron":
            # ... unless a resumptive pronoun (الذي شارك فيه X): then X is the subject
            f.subj = -1
            f.rel_subject = False
        _set(ws, u.head, f.pred, "obl")
        f.units.append(u)
        return
    if _time_like(w):
        _set(ws, u.head, f.pred, "obl:tmod")
        f.units.append(u)
        return
    if _place_like(w) and u.kind == "NP":
        _set(ws, u.head, f.pred, "obl")  # شمال مالي: where, not who or what
        f.units.append(u)
        return
    if pred.upos == "AUX" and f.subj >= 0:
        # كان X Y: Y is the predicate of كان (a verbless predicate)
        _set(ws, u.head, f.pred, "xcomp")
        f.units.append(u)
        return
    if (
        f.shared_subject
        and f.subj < 0
        and f.obj < 0
        and (
            not _agentive_np(w)
            or _urges_like_first(ws, f)
            or (f.purpose and f.shared_gender == ws[f.pred].gender)
        )
        and not _verb_has_obj_clitic(ws, f.pred)
    ):
        # استقبل X Y وبحث معه الأزمة: the second verb shares the subject; its noun is the object
        f.obj = u.head
        f.last_arg = u.head
        _set(ws, u.head, f.pred, "obj")
        f.units.append(u)
        return
    counted = any(ws[k].deprel == "nummod" and ws[k].head == u.head for k in range(u.first, u.head))
    accusative = w.tanween and _acc(ws, u.head) and not ("Voice=Pass" in pred.feats and counted)
    # (قُتل 12 شخصا: the accusative of a counted noun is the number's, the subject of a passive)
    if (
        f.subj < 0
        and not _verb_has_subject_suffix(pred)
        and not accusative
        and not _gender_clash(pred, u, ws)
    ):
        f.subj = u.head
        f.last_arg = u.head
        _set(ws, u.head, f.pred, "nsubj:pass" if "Voice=Pass" in pred.feats else "nsubj")
    elif f.obj < 0 and not _verb_has_obj_clitic(ws, f.pred):
        f.obj = u.head
        f.last_arg = u.head
        _set(ws, u.head, f.pred, "obj")
    else:
        _set(ws, u.head, f.pred, "obl")
    f.units.append(u)


def _title_before(ws: list[W], first: int) -> int:
    """A title token whose phrase (and brackets) runs right up to token ``first``."""
    k = first - 1
    while k >= 0 and ws[k].form in (")", "("):
        k -= 1
    for t in range(k, max(-1, k - 12), -1):
        if (
            ws[t].upos in ("VERB", "AUX", "SCONJ")
            or ws[t].tag in ("rel", "sub")
            or ws[t].form in ("،", ",", ".", ":")
        ):
            return -1
        if _title_tok(ws, t):
            inside = all(_descends(ws, m, t) or ws[m].upos == "PUNCT" for m in range(t + 1, k + 1))
            if not inside:
                continue  # a title inside another's phrase: المتحدث باسم القائد العام ... يحيى رسول
            while ws[t].deprel == "appos" and ws[t].head >= 0 and _title_tok(ws, ws[t].head):
                t = ws[t].head  # أمير قطر الشيخ تميم: the name belongs to the first title
            return t
    return -1


def _descends(ws: list[W], m: int, t: int) -> bool:
    seen = 0
    while m >= 0 and seen < 30:
        if m == t:
            return True
        m = ws[m].head
        seen += 1
    return False


def _plural_before(ws: list[W], f: Frame, before: int) -> int:
    """The nearest plural noun phrase head of the clause before token ``before``."""
    heads = [u.head for u in f.units + f.pending if u.kind in _NP_KINDS and u.head < before]
    for h in sorted(heads, reverse=True):
        if ws[h].number == "p":
            return h
    return max(heads) if heads else -1


def _agentive_np(w: W) -> bool:
    """A noun phrase that can act: a name of a person, organisation or country, or a human noun."""
    from ...lexicon.words import people_nouns

    if w.ent_label in ("Person", "Organization", "Country", "Group", "City", "Region"):
        return True
    if w.norm.endswith("ين"):
        return False  # accusative or genitive dual and plural (دعا الطرفين): not a subject
    if w.number == "d" or w.norm.endswith("ان") and w.definite:
        return True  # الجانبان, الطرفان: the two parties, nominative
    return normalize(w.lemma).removeprefix("ال") in people_nouns() or w.norm.endswith(("ون", "يين"))


def _acc(ws: list[W], i: int) -> bool:
    return ws[i].acc or "\u064b" in ws[i].form


def _verb_has_subject_suffix(v: W) -> bool:
    """Plural and first/second person verb forms carry their subject (قالوا, نعمل)."""
    return (
        v.person[:1] in ("1", "2")
        or v.person in ("3mp", "3fp", "3d")
        and v.form.endswith(("وا", "ون", "ن", "ا"))
    )


def _verb_has_obj_clitic(ws: list[W], i: int) -> bool:
    return i + 1 < len(ws) and ws[i + 1].word == ws[i].word and ws[i + 1].tag == "pron"


def _last_np(f: Frame) -> Unit | None:
    for u in reversed(f.pending + f.units if f.pred < 0 else f.units):
        if u.kind in _NP_KINDS:
            return u
    for u in reversed(f.pending):
        if u.kind in _NP_KINDS:
            return u
    return None


_PARTITIVE = {
    normalize(w)
    for w in "أكثر أقل عدد جزء بعض كثير مجموعة ثلث نصف ربع أي كل واحد مئات آلاف عشرات ملايين أغلب معظم".split()
}


def _verb_takes(pred: W, case: str) -> bool:
    """Whether the clause's verb takes an object with this preposition (شارك في, التقى ب)."""
    from ...lexicon.relations import load

    entry = load("ar").verb(pred.lemma) if pred.upos == "VERB" else None
    return entry is not None and case in entry.preps


def _noun_takes(noun: W, case: str) -> bool:
    from ...lexicon.relations import load

    if noun.upos not in ("NOUN",):
        return False
    entry = load("ar").noun(noun.lemma)
    return entry is not None and case in entry.preps


def _pp_to_noun(ws: list[W], prev: Unit, pp: Unit, f: Frame) -> bool:
    noun = ws[prev.head]
    if noun.upos not in ("NOUN", "PROPN", "ADJ", "NUM", "X", "SYM", "PRON"):
        return False
    if _noun_takes(noun, pp.case):
        return True  # هجوم على, زيارة إلى, سيطرة على
    if (
        pp.case in ("في", "ب")
        and not noun.definite
        and prev.last == prev.head
        and noun.upos in ("NOUN", "ADJ")
        and _human(noun)
    ):
        return True  # مسؤول في التحالف, عضو في البرلمان: where the person belongs
    if noun.vnoun and prev.kind == "PP" and prev.case == "ل":
        return True  # للحصول على قرض: a purpose clause's verbal noun keeps its complement
    if pp.case == "ل" and ws[pp.head].vnoun and f.pred >= 0 and f.pred < prev.head:
        return False  # وقعت اتفاقا مع الصندوق للحصول على ...: the purpose of the verb
    if (
        f.pred >= 0
        and f.pred < prev.head
        and _verb_takes(ws[f.pred], pp.case)
        and not any(
            u.kind == "PP" and u.case == pp.case and ws[u.head].head == f.pred for u in f.units
        )
    ):
        return False  # the verb's own prepositional object: حذر ... من, التقى ... ب
    if _is_title_head(ws, [prev.head]) and pp.case in ("ب", "ل", "لدي", "الي"):
        return True  # المتحدث باسم, السفير لدى, المبعوث إلى
    if pp.case == "ل" and noun.upos != "PRON":
        return True
    if pp.case == "من" and (
        noun.norm.removeprefix("ال") in _PARTITIVE or noun.upos == "NUM" or noun.vnoun
    ):
        return True
    if noun.vnoun:
        return True
    if f.pred < 0:
        return True
    if noun.deprel in ("nmod",) and noun.i not in (f.subj, f.obj):
        return True  # a noun inside a larger phrase keeps its own modifiers
    if (
        pp.case == "ب"
        and noun.i == f.subj
        and f.pred >= 0
        and f.pred < noun.i
        and ws[f.pred].upos == "VERB"
    ):
        return False  # لم تعترف الولايات المتحدة بالنتائج: after the subject, the verb's ب
    return pp.case in ("ضد", "ب") and noun.upos in ("NOUN", "PROPN")


def _close(ws: list[W], stack: list[Frame], until_quote: bool = False) -> None:
    while len(stack) > 1:
        f = stack.pop()
        _close_frame(ws, f, stack)
        if not until_quote or f.kind == "quote":
            return


def _close_frame(ws: list[W], f: Frame, stack: list[Frame]) -> None:
    if f.pred < 0:
        _verbless(ws, f)
        if f.pred < 0:
            return
        _attach_frame_head(ws, f)
    elif f.pending:
        _take_pending(ws, f)
    if f.kind == "relcl" and f.marker >= 0 and ws[f.marker].tag == "rel":
        # the relative pronoun takes the slot the clause leaves open: its subject, or
        # (with a subject of its own and no resumptive pronoun) its object
        if f.subj < 0 or f.subj == f.marker:
            _force(
                ws, f.marker, f.pred, "nsubj:pass" if "Voice=Pass" in ws[f.pred].feats else "nsubj"
            )
        elif f.obj < 0 and not _verb_has_obj_clitic(ws, f.pred):
            _force(ws, f.marker, f.pred, "obj")
        else:
            _force(ws, f.marker, f.pred, "dep")


def _verbless(ws: list[W], f: Frame) -> None:
    """A clause without a verb: subject noun phrase, then a predicate (noun, adjective, PP)."""
    items = [u for u in f.pending if u.kind in _NP_KINDS or u.kind in ("ADV", "OTHER", "PART")]
    nps = [u for u in items if u.kind in _NP_KINDS]
    if not nps:
        if f.pending:
            f.pred = f.pending[0].head
            for u in f.pending[1:]:
                _set(ws, u.head, f.pred, "dep")
            f.pending = []
        return
    if len(nps) == 1:
        f.pred = nps[0].head
        rest = [u for u in f.pending if u is not nps[0]]
        for u in rest:
            _set(ws, u.head, f.pred, "advmod" if u.kind in ("ADV", "PART") else "dep")
        f.pending = []
        return
    subj = nps[0]
    pred = next((u for u in nps[1:] if u.kind == "PP"), nps[1])
    f.pred = pred.head
    f.subj = subj.head
    _set(ws, subj.head, pred.head, "nsubj")
    for u in f.pending:
        if u is subj or u is pred:
            continue
        if u.kind in _NP_KINDS:
            _set(
                ws,
                u.head,
                pred.head,
                "obl" if u.kind == "PP" else ("obl:tmod" if _time_like(ws[u.head]) else "nmod"),
            )
        else:
            _set(ws, u.head, pred.head, "advmod")
    f.pending = []


def _close_main(ws: list[W], f: Frame) -> None:
    if f.pred < 0:
        _verbless(ws, f)
        if f.pred >= 0:
            ws[f.pred].head = -1
            ws[f.pred].deprel = "root"
            if f.marker >= 0:
                _set(ws, f.marker, f.pred, "mark")
    elif f.pending:
        _take_pending(ws, f)
    if f.marker >= 0 and f.pred >= 0:
        _set(ws, f.marker, f.pred, "mark")


def _finish(ws: list[W]) -> None:
    """Every token gets a head: the root is the first predicate; strays attach to it."""
    roots = [w.i for w in ws if w.head == -1]
    if not roots:
        cand = next((w.i for w in ws if w.upos in ("VERB", "AUX")), None)
        if cand is None:
            cand = next((w.i for w in ws if w.head == -2 and w.upos not in ("PUNCT",)), 0)
        ws[cand].head = -1
        ws[cand].deprel = "root"
        roots = [cand]
    root = roots[0]
    for r in roots[1:]:
        ws[r].head = root
        ws[r].deprel = "parataxis"
    for w in ws:
        if w.head in (-2, -3):
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
