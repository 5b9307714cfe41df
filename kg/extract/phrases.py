"""Shapes of phrases the extractor's steps share, read off one sentence's tree and the
lexicon, with no document state: the tokens of a noun phrase, a title word, a plural
noun of people, a verb's agreement, a relative clause, a word without its article.

Mentions, coreference and the fact steps all import from here; this module imports
only the tree, the word lists and the lexicon.
"""

from __future__ import annotations

from functools import lru_cache

from ..lexicon import gazetteer, relations as lexmod
from ..lexicon.words import people_nouns, title_at, titles
from ..model import Token
from ..text import normalize, strip_diacritics
from .tree import Tree
from .words import (
    MEDIA_NOUNS,
    NEAR_NOUNS,
    PURPOSE_NOUNS,
    SAYING_NOUNS,
    SOURCE_NOUNS,
    SPECIALISED,
)

#: At most this many tokens in a noun phrase, unless a step asks for another bound.
NP_WORDS = 8
#: The bound for the noun phrase of an argument, an event or a document noun.
ARGUMENT_NP_WORDS = 6
#: The bound for a title's phrase (وزير الخارجية والمغتربين في الحكومة السورية ...).
TITLE_NP_WORDS = 10

#: UD features of gender and number, as the extractor writes them (m/f, s/p/d).
GENDERS = {"Masc": "m", "Fem": "f"}
NUMBERS = {"Sing": "s", "Plur": "p", "Dual": "d"}


def strip_al(w: str) -> str:
    """A normalised word without its article (but a short word keeps it).

    >>> strip_al("الحزب"), strip_al("الى")
    ('حزب', 'الى')
    """
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


@lru_cache(maxsize=100_000)
def bare_word(form: str) -> str:
    """A written word normalised and without its article (:func:`strip_al`), worked out
    once per form: the extractor's steps each look every token up so.

    >>> bare_word("الرئيسُ"), bare_word("الى")
    ('رييس', 'الي')
    """
    return strip_al(normalize(form))


def np_ids(tree: Tree, head: int, limit: int = NP_WORDS) -> list[int]:
    """The noun-phrase tokens of a head: genitives, adjectives, numbers, determiners (no
    prepositional phrases except ل-genitives, no clauses, no appositions), and the
    ل-phrases joined to a ل-genitive (:func:`_joined_recipient`) when all of them fit in
    ``limit`` words (a clitic و or ل is no word of its own)."""
    found = tree.phrases.get((head, limit))
    if found is None:  # a function of the tree: once per head and bound
        found = tree.phrases[(head, limit)] = tuple(_np_ids_joined(tree, head, limit))
    return list(found)


def _np_ids_joined(tree: Tree, head: int, limit: int) -> list[int]:
    ids = _np_ids(tree, head, limit, joined=False)
    if not any(
        _joined_recipient(tree, h, k) for h in ids if h != head for k in tree.children(h, "conj")
    ):
        return ids
    more = _np_ids(tree, head, 2 * limit, joined=True)
    return more if _words(tree, more) <= limit else ids


def _words(tree: Tree, ids: list[int]) -> int:
    """How many words the tokens make: a clitic preposition or conjunction written on the
    next token (و, ل) counts for none."""
    return sum(
        1
        for i in ids
        if not (
            tree.rel(i) in ("case", "cc")
            and i + 1 <= len(tree.toks)
            and tree.tok(i).end == tree.tok(i + 1).start
        )
    )


def _np_ids(tree: Tree, head: int, limit: int, joined: bool) -> list[int]:
    out = [head]
    stack = [head]
    while stack and len(out) < limit:
        h = stack.pop()
        for k in tree.children(h):
            r = tree.rel(k)
            if r == "nummod" and _counts_next(tree, h, k):
                continue  # العقوبات 351 نائبا: the number counts the noun after it
            if r == "amod" and governing_participle(tree, k):
                continue  # القوات المكونة من الجيش والشرطة: a clause on the noun, no word of it
            if (
                r in ("amod", "det", "nummod", "flat", "flat:name", "compound", "fixed")
                or (r == "cc" and h != head)
                or (r == "conj" and joined_adjective(tree, h, k))
                or (r == "appos" and nationality_adjective(tree, k))
                or (r == "conj" and h != head and joined and _joined_recipient(tree, h, k))
                or (
                    r in ("nmod", "nmod:poss")
                    and (not tree.has_case(k) or tree.case(k) == "ل")
                    and not _coordinated_phrase(tree, k)
                    and tree.tok(k).upos != "PRON"
                    and strip_diacritics(tree.tok(k).lemma)
                    not in SAYING_NOUNS  # عن مسؤول قوله: not "مسؤول قول"
                    and not _addressee(tree, k)
                    and normalize(strip_diacritics(tree.tok(k).lemma)) not in NEAR_NOUNS
                    and not (
                        tree.case(k) == "ل"
                        and normalize(strip_diacritics(tree.tok(k).lemma)) in PURPOSE_NOUNS
                    )
                )
            ):
                out.append(k)
                stack.append(k)
            elif _specialised_in(tree, h, k):
                out.append(k)  # شبكة مختصة في تهريب السجائر: what the network does
                stack.append(k)
            elif r == "case" and h != head:
                out.append(k)
    return sorted(set(out))[:limit] if len(out) > limit else sorted(set(out))


def _specialised_in(tree: Tree, h: int, k: int) -> bool:
    """Whether k is the في phrase of a participle of specialisation h describing a noun
    (شبكة مختصة في ترويج المخدرات): a part of the noun's phrase, not the clause's place.

    >>> from kg import build
    >>> g = build(texts=["فككت الشرطة شبكة مختصة في تهريب السجائر."])
    >>> [f.object for f in g.facts(relation="arrested")]
    ['شبكة مختصة في تهريب السجائر']
    """
    return (
        tree.rel(h) == "amod"
        and normalize(strip_diacritics(tree.tok(h).lemma)) in SPECIALISED
        and tree.rel(k) in ("obl", "nmod")
        and tree.case(k) == "في"
    )


def governing_participle(tree: Tree, k: int) -> bool:
    """Whether adjective k is a participle with a من phrase of its own right after it
    (الشرطة المكونة من ثلاث وحدات, القوات المدعومة من التحالف): it describes the noun
    with a clause, so it is no word of the noun's name. A country's adjective never is.

    >>> from kg import build
    >>> g = build(texts=["أطلقت القوات الليبية المؤلفة من الجيش والشرطة حملة في سرت."])
    >>> [f.subject for f in g.facts(relation="launched")][:1]
    ['القوات الليبية']
    """
    t = tree.tok(k)
    form = normalize(t.form)
    return (
        t.upos == "ADJ"
        and form.startswith("الم")
        and not form.endswith(("ي", "يه"))
        and k < len(tree.toks)
        and normalize(tree.tok(k + 1).form) == "من"
        and tree.tok(k + 1).head in tree.children(k, "obl", "nmod")
    )


def _joined_recipient(tree: Tree, h: int, k: int) -> bool:
    """Whether k, joined by و to h, a ل-phrase inside a noun phrase, is a second ل-phrase
    of that noun (مساعدات للجيش وللأمم المتحدة, دعما للسودان واليمن): the noun's phrase
    names every one, as a noun's coordinated objects each count.

    >>> from kg import build
    >>> g = build(texts=["قدمت الحكومة مساعدات للجيش وللهلال الأحمر."])
    >>> [f.object for f in g.facts(relation="provides")]
    ['مساعدات للجيش وللهلال الأحمر']
    """
    return (
        tree.case(h) == "ل"
        and (tree.case(k) == "ل" or (tree.case(k) == "" and _definite(tree, k)))
        and tree.tok(k).upos in ("NOUN", "PROPN")
        and any(c < k for c in tree.children(k, "cc"))
    )


#: The preposition whose noun always has a second one joined to it.
BETWEEN = frozenset({normalize("بين")})


def _definite(tree: Tree, k: int) -> bool:
    """A name or a noun with its article: a bare indefinite noun after و (قروضا للمغرب
    ومعدات) is a second thing, not a second recipient (للسودان واليمن)."""
    t = tree.tok(k)
    return t.upos == "PROPN" or t.feat("Definite") == "Def" or normalize(t.form).startswith("ال")


def joined_adjective(tree: Tree, h: int, k: int) -> bool:
    """Whether k, an adjective joined by و to h, is one more adjective of h's noun phrase
    (قوات عراقية وكردية): the word before و is an adjective too, or h is one, or h
    itself (أعوان وموظفو الشركة: a participle used as a noun, in the same phrase). After
    a definite noun with a preposition on h, an indefinite word read as an adjective
    (قروضا للمغرب ومعدات طبية) is a second noun phrase, not a word of the first; a
    definite one is the preposition's second noun (للخزانة والمالية), and so is any
    after بين (بين الشرطة ومتظاهرين)."""
    if tree.tok(k).upos != "ADJ" or tree.has_case(k):
        return False
    before = min(tree.subtree(k)) - 1  # the word before و
    if before < 1 or tree.tok(h).upos == "ADJ" or tree.tok(before).upos == "ADJ":
        return True
    while before and tree.tok(before).head not in (h, 0):
        before = tree.tok(before).head
    return not (
        tree.tok(before).head == h
        and tree.has_case(before)
        and normalize(tree.case(before)) not in BETWEEN
        and _definite(tree, before)
        and not _definite(tree, k)
    )


def _coordinated_phrase(tree: Tree, k: int) -> bool:
    """Whether k, a ل-phrase on a noun, opens with و (إلى الجيش وللأمم المتحدة): a phrase
    coordinated with the one before, not a genitive of the noun; a conjoined adjective with
    a preposition of its own (وبممثل) is none either (see :func:`np_ids`)."""
    return tree.has_case(k) and any(c < k for c in tree.children(k, "cc"))


#: Nouns for the people a statement is made to (قال الوزير للصحفيين): a ل-phrase of them
#: is the addressee, not a genitive of the speaker.
ADDRESSEE_NOUNS = frozenset(normalize(w) for w in "صحفي صحافي مراسل إعلامي".split())


def _addressee(tree: Tree, k: int) -> bool:
    """Whether token k is a ل-phrase naming the press a statement is made to
    (للصحفيين, للصحافيين, للمراسلين), or a medium after a name or an unnamed source
    (قال مسؤول عسكري لوكالة فرانس برس; the director of an agency is مدير الوكالة).

    >>> from kg import build
    >>> g = build(texts=["وقال مسؤول أمني لوكالة رويترز إن الطريق أغلق."])
    >>> [f.subject for f in g.facts() if f.relation == "said"]
    ['مسؤول أمني']
    """
    if tree.case(k) != "ل":
        return False
    lemma = normalize(strip_diacritics(tree.tok(k).lemma))
    if lemma in ADDRESSEE_NOUNS:
        return True
    if lemma not in MEDIA_NOUNS and bare_word(tree.tok(k).form) not in MEDIA_NOUNS:
        return False
    h = tree.tok(k).head
    while h and tree.rel(h) == "amod":  # مسؤول عسكري لوكالة: hung on the adjective
        h = tree.tok(h).head
    return bool(h) and (
        tree.tok(h).upos == "PROPN"
        or normalize(strip_diacritics(tree.tok(h).lemma)) in SOURCE_NOUNS
    )


def _counts_next(tree: Tree, head: int, k: int) -> bool:
    """Whether a number hung on the noun before it counts the noun after it (Arabic
    numbers come before what they count)."""
    return k > head and k < len(tree.toks) and tree.tok(k + 1).upos == "NOUN"


def nationality_adjective_form(form: str) -> bool:
    """Whether a word is a country's relative adjective (التونسي, سعودية)."""
    n = normalize(form)
    return n.endswith(("ي", "يه", "ية")) and gazetteer.country_of_nisba(n) is not None


def nationality_adjective(tree: Tree, k: int) -> bool:
    """A country's relative adjective used as an adjective, whatever the analysers made
    of it (مصادر دبلوماسية تركية, وزارة الخارجية السعودية): it agrees in definiteness with
    the word before it, unlike a country in the genitive (قوات السعودية)."""
    if k < 2:
        return False
    form = normalize(tree.tok(k).form)
    if not form.endswith(("ي", "يه", "ية")) or gazetteer.country_of_nisba(form) is None:
        return False
    before = normalize(tree.tok(k - 1).form)
    return form.startswith("ال") == before.startswith("ال")


def title_of(tree: Tree, i: int) -> str | None:
    """The normalised title word if token i is a person title (وزير, الرئيس, الأمين العام)."""
    if i in tree.titles:
        return tree.titles[i]
    found = tree.titles[i] = _title_of(tree, i)
    return found


def _title_of(tree: Tree, i: int) -> str | None:
    t = tree.tok(i)
    n = normalize(t.form)
    prev = tree.tok(i - 1) if i > 1 else None
    if (
        prev is not None
        and n.startswith("ل")
        and not n.startswith("ال")
        and normalize(prev.form) == "ل"
        and prev.end == t.start
    ):
        n = "ا" + n  # للملك: ل + الملك with the alif of the article dropped
    two = None
    if i + 1 <= len(tree.toks) - 1 + 1 and i < len(tree.toks):
        two = title_at([t.form, tree.tok(i + 1).form], 0)
        if two is not None and " " in two:
            return two  # ولي العهد, رئيس الوزراء
    if n in titles():
        return n
    if two is not None:
        return two  # نظيرته, منافسته: a feminine title before its pronoun
    if n.endswith("ا") and n[:-1] in titles() and strip_al(lexmod.key(t.lemma)) == n[:-1]:
        return n[:-1]  # عضوًا, رئيسًا: the accusative of a title
    if n.endswith("ي") and n[:-1] in titles() and strip_al(lexmod.key(t.lemma)) == n[:-1]:
        return n[:-1]  # نظيريه: the dual of a title before its pronoun
    return None


def is_group(t: Token) -> bool:
    """A plural human noun (العراقيين, مسؤولون): a group of people."""
    form = normalize(t.form)
    lemma = lexmod.key(t.lemma)
    plural = t.feat("Number") in ("Plur", "Dual")
    return plural and (
        strip_al(lemma) in people_nouns()
        or lemma in people_nouns()
        or form.endswith(("يون", "يين"))
    )


def adverbial(t: Token) -> bool:
    """An indefinite relative adjective in the accusative used as an adverb (رسميا,
    حاليا: officially, currently), which the parse may take for an object.

    >>> adverbial(Token(1, "رسمياً", "رَسْمِيّ", "NOUN", 0, "obj", 0, 6))
    True
    """
    n = normalize(t.form)
    return (
        not n.startswith("ال")
        and n.endswith("يا")
        and normalize(strip_diacritics(t.lemma)).endswith("ي")
    )


def verbal_noun(t: Token) -> bool:
    """A verbal noun (إقالة, سحب): VerbForm=Vnoun in the features or, as the rules
    analyser writes it, in MISC."""
    return t.feat("VerbForm") == "Vnoun" or "VerbForm=Vnoun" in t.misc.split("|")


def verb_agreement(tree: Tree, v: int) -> tuple[str, str]:
    """The gender and number a verb agrees in ("" where it does not say)."""
    g = tree.feat(v, "Gender")
    n = tree.feat(v, "Number")
    return GENDERS.get(g or "", ""), NUMBERS.get(n or "", "")


def is_relative_clause(tree: Tree, v: int) -> bool:
    """Whether token v heads a clause that describes a noun (acl, acl:relcl)."""
    return tree.rel(v).startswith("acl")


#: القائم بأعمال X: one who acts for the holder of the title X (its genitive).
ACTING = frozenset(normalize(w) for w in ("قائم", "قائمة"))
ACTING_FOR = normalize("أعمال")


def acting_phrase(tree: Tree, a: int) -> int:
    """The القائم (or القائمة) whose بأعمال phrase token a heads (القائم بأعمال رئيس
    البعثة, wherever the parse hung the phrase); 0 if a heads no such phrase."""
    if tree.case(a) != "ب" or normalize(tree.tok(a).form) != ACTING_FOR:
        return 0
    q = a - 2  # القائم ب أعمال: ب is its own token
    if q < 1 or tree.tok(q).upos not in ("NOUN", "ADJ"):
        return 0
    return q if bare_word(tree.tok(q).form) in ACTING else 0


#: God, in a formula of blessing after a name (نصره الله وأيده, حفظه الله).
GOD = normalize("الله")


def blessing(tree: Tree) -> frozenset[int]:
    """The tokens of the formulas of blessing in a sentence: a word with a pronoun suffix
    before الله, and a coordinated word with a suffix after it (نصره الله وأيده, حفظه
    الله, رحمه الله). They state nothing about anyone."""
    if tree.blessed is None:
        tree.blessed = _blessing(tree)
    return tree.blessed


def _blessing(tree: Tree) -> frozenset[int]:
    out: set[int] = set()
    toks = tree.toks
    for t in toks:
        i = t.id
        if normalize(t.form) != GOD or i < 3:
            continue
        suffix, word = tree.tok(i - 1), tree.tok(i - 2)
        if suffix.upos != "PRON" or word.end != suffix.start or word.upos not in ("VERB", "NOUN"):
            continue
        out |= {i - 2, i - 1, i}
        if i + 3 <= len(toks) and normalize(tree.tok(i + 1).form) == "و":
            w, p = tree.tok(i + 2), tree.tok(i + 3)
            if p.upos == "PRON" and w.end == p.start and tree.tok(i + 1).end == w.start:
                out |= {i + 1, i + 2, i + 3}
    return frozenset(out)


def on_adjective(tree: Tree, n: int, preps: tuple[str, ...]) -> list[int]:
    """The prepositional phrases (under ``preps``) of noun n that the parse hung on its
    adjective or on its genitive after ل (زيارة ماكرون المرتقبة إلى المغرب: إلى المغرب on
    المرتقبة; زيارة للرئيس إلى المغرب: on الرئيس).

    >>> from kg.model import Sentence, Token
    >>> rows = [("زيارة", "NOUN", 0, "root"), ("المرتقبة", "ADJ", 1, "amod"),
    ...         ("إلى", "ADP", 4, "case"), ("المغرب", "PROPN", 2, "obl")]
    >>> toks = tuple(Token(i, f, f, u, h, r, i, i + 1) for i, (f, u, h, r) in enumerate(rows, 1))
    >>> on_adjective(Tree(Sentence(0, 0, 4, "", toks)), 1, ("الي",))
    [4]
    """
    hosts = [
        *tree.children(n, "amod"),
        *(g for g in tree.children(n, "nmod") if tree.case(g) == "ل"),
    ]
    return [
        j
        for a in hosts
        for j in tree.children(a, "obl", "nmod")
        if j > a and tree.case(j).split(" ")[0] in preps
    ]


def accusative_after(tree: Tree, n: int, bare: list[int]) -> int:
    """The indefinite accusative right after a verbal noun's genitive, which the parse hung
    elsewhere (تفجير إسرائيل نفقا, استهداف المسلحين قافلة): the noun's object, so the
    genitive is its doer. 0 for none.

    >>> from kg.analyse import get_analyser
    >>> from kg.model import Document
    >>> sent = get_analyser("rules").analyse(Document("d", "بعد تفجير إسرائيل نفقا.")).sentences[0]
    >>> accusative_after(Tree(sent), 2, [3])
    4
    """
    if not bare:
        return 0
    k = max(tree.subtree(bare[0])) + 1
    if k > len(tree.toks) or tree.tok(k).upos != "NOUN" or tree.tok(k).head == n:
        return 0
    f = normalize(tree.tok(k).form)
    return k if f.endswith("ا") and not f.startswith("ال") else 0
