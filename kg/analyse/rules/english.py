"""The English side of the ``rules`` analyser: offline, no model to download.

sentence splitting -> tokens with offsets -> POS and lemma from a lexicon of function
words and verbs (with their inflections; ``kg/data/relations_en.tsv`` supplies the
relation verbs) plus suffix rules -> names (``kg.analyse.names_en``: the gazetteer's
English names and capitalised runs) -> a heuristic UD tree for news syntax
(:mod:`kg.analyse.rules.english_tree`): SVO,
passives with a "by" agent, "said (that) ...", quotations ("...," X said), relative
clauses (who/which/that), coordination, apposition of titles, prepositional phrases
("X met Y in Z"). The tree has the labels a UD parser gives English, so the one
extractor reads it as it reads stanza's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from ...lexicon.words import titles_en
from ...model import Sentence, Token
from ..names_en import ARABIC_ARTICLES, find_entities
from .english_tree import parse

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|\d+(?:[.,:]\d+)*%?|[A-Za-z\u00c0-\u024f]+(?:[-'’][A-Za-z\u00c0-\u024f]+)*(?=['’]s\b)|['’]s\b|n['’]t\b|\w+(?:[-'’]\w+)*|[^\w\s]"
)
_ABBREV = frozenset(
    "mr mrs ms dr gen col lt sgt st jr sr prof rep sen gov no vs etc inc corp co ltd u.s u.k u.n".split()
)
_SENT_END = re.compile(r"[.!?]+[\"”’)]*(?=\s+[\"“‘(]?[A-Z0-9])|\n\s*\n|\n|\r(?!\n)")

DET = frozenset("the a an this that these those every each some any no another".split())
POSS = {
    "his": ("Masc", "Sing"),
    "her": ("Fem", "Sing"),
    "its": ("", "Sing"),
    "their": ("", "Plur"),
    "our": ("", "Plur"),
    "my": ("", "Sing"),
    "your": ("", ""),
}
ADP = frozenset(
    "in on at of for with by from to into against during after before over about under between near without since "
    "among across through toward towards amid despite including via within upon per outside inside".split()
)
CCONJ = frozenset({"and", "or", "but", "nor"})
SCONJ = frozenset("that because if while although though whether as unless until once".split())
REL = frozenset({"who", "which", "whom", "whose"})
PRON = {
    "he": ("Masc", "Sing", "3"),
    "him": ("Masc", "Sing", "3"),
    "she": ("Fem", "Sing", "3"),
    "it": ("", "Sing", "3"),
    "they": ("", "Plur", "3"),
    "them": ("", "Plur", "3"),
    "i": ("", "Sing", "1"),
    "me": ("", "Sing", "1"),
    "we": ("", "Plur", "1"),
    "us": ("", "Plur", "1"),
    "you": ("", "", "2"),
    "himself": ("Masc", "Sing", "3"),
    "herself": ("Fem", "Sing", "3"),
    "itself": ("", "Sing", "3"),
    "themselves": ("", "Plur", "3"),
}
BE = frozenset("be is are was were been being am".split())
AUX = BE | frozenset(
    "has have had having will would can could should may might must shall do does did".split()
)
ADV = frozenset(
    "also not never already still now then later again yesterday today tomorrow recently soon however very only even jointly".split()
)
ADJ = frozenset(
    "international national foreign military political economic new former last next first second third local regional "
    "global joint main senior top key major american british french german iraqi syrian russian turkish iranian arab "
    "arabic european western islamic terrorist armed peaceful strong full".split()
)
#: Nouns in -al, which the suffix rule would take for adjectives.
_AL_NOUNS = frozenset(
    "official rival arrival trial proposal approval withdrawal criminal individual capital hospital "
    "tribunal festival signal principal animal terminal journal final denial referral survival".split()
)
_IRREGULAR = {
    "referred": "refer",  # a stressed last syllable doubles its consonant
    "referring": "refer",
    "said": "say",
    "says": "say",
    "told": "tell",
    "met": "meet",
    "took": "take",
    "taken": "take",
    "led": "lead",
    "fought": "fight",
    "gave": "give",
    "given": "give",
    "sent": "send",
    "struck": "strike",
    "held": "hold",
    "made": "make",
    "went": "go",
    "gone": "go",
    "came": "come",
    "spoke": "speak",
    "spoken": "speak",
    "began": "begin",
    "begun": "begin",
    "brought": "bring",
    "saw": "see",
    "seen": "see",
    "knew": "know",
    "known": "know",
    "found": "find",
    "won": "win",
    "became": "become",
    "kept": "keep",
    "left": "leave",
    "ran": "run",
    "sought": "seek",
    "shot": "shoot",
    "stood": "stand",
    "wrote": "write",
    "written": "write",
    "drove": "drive",
    "driven": "drive",
    "built": "build",
    "lost": "lose",
    "paid": "pay",
    "bought": "buy",
    "thought": "think",
    "rose": "rise",
    "risen": "rise",
    "fell": "fall",
    "fallen": "fall",
    "fled": "flee",
    "sold": "sell",
    "shown": "show",
    "got": "get",
    "felt": "feel",
    "chose": "choose",
    "chosen": "choose",
    "withdrew": "withdraw",
    "withdrawn": "withdraw",
    "undertook": "undertake",
    "did": "do",
    "done": "do",
    "does": "do",
    "has": "have",
    "had": "have",
    "is": "be",
    "are": "be",
    "was": "be",
    "were": "be",
    "been": "be",
    "being": "be",
    "am": "be",
    "hit": "hit",
    "put": "put",
    "set": "set",
    "cut": "cut",
    "let": "let",
    "read": "read",
    "spread": "spread",
    "heard": "hear",
    "meant": "mean",
    "understood": "understand",
    "woke": "wake",
    "overtook": "overtake",
    "drew": "draw",
    "drawn": "draw",
    "threw": "throw",
    "thrown": "throw",
    "hid": "hide",
    "broke": "break",
    "broken": "break",
    "wore": "wear",
    "forgot": "forget",
    "forgotten": "forget",
    "lay": "lie",
}
_PARTICIPLES = frozenset(
    k
    for k in _IRREGULAR
    if k.endswith(("en", "n", "t", "d", "ck", "ht")) and k not in ("began", "ran", "won")
)
#: Common verbs beyond the relation lexicon, so their inflections are recognised.
_MORE_VERBS = (
    "hold make go come speak begin bring see know find win become keep leave run seek shoot stand write drive build lose "
    "pay buy think rise fall flee sell show get feel choose withdraw undertake discuss talk seize capture destroy "
    "kill wound injure die continue remain include focus aim plan try want need help allow prevent end start "
    "begin use take put call ask agree decide describe expect hope believe claim deny accuse blame welcome vow "
    "pledge promise face host hold reach mark follow bomb increase reduce move return"
)


@lru_cache(maxsize=1)
def verb_lemmas() -> frozenset[str]:
    """Base forms of the verbs the analyser knows (relation verbs and common verbs)."""
    from ...lexicon.relations import load

    lex = load("en")
    base = {e.lemma.split(" ")[0] for e in lex.verbs.values()}
    base.update(_MORE_VERBS.split())
    return frozenset(base)


@lru_cache(maxsize=1)
def verb_forms() -> dict[str, str]:
    """Every inflected form of the known verbs -> its lemma (hosted -> host, met -> meet)."""
    out: dict[str, str] = {}
    for v in verb_lemmas():
        for f in _inflections(v):
            out.setdefault(f, v)
    for f, v in _IRREGULAR.items():
        out[f] = v
    return out


def _inflections(v: str) -> list[str]:
    """Regular inflections of a verb.

    >>> _inflections("host"), _inflections("criticize")[1:3], _inflections("stop")[2]
    (['host', 'hosts', 'hosted', 'hosting'], ['criticizes', 'criticized'], 'stopped')
    """
    if v.endswith("e"):
        return [v, v + "s", v + "d", v[:-1] + "ing"]
    if v.endswith("y") and v[-2:-1] not in "aeiou":
        return [v, v[:-1] + "ies", v[:-1] + "ied", v + "ing"]
    if v.endswith(("s", "sh", "ch", "x", "z")):
        return [v, v + "es", v + "ed", v + "ing"]
    if len(v) <= 4 and re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", v):
        return [v, v + "s", v + v[-1] + "ed", v + v[-1] + "ing"]
    return [v, v + "s", v + "ed", v + "ing"]


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """Sentence spans: a full stop (not of an abbreviation) before a capital, or a line break.

    >>> t = 'Mr. Smith met U.S. officials. They talked.'
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['Mr. Smith met U.S. officials.', 'They talked.']
    """
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        before = text[start : m.start()].split()
        last = before[-1].lower().rstrip(".") if before else ""
        if m.group().startswith(".") and (
            last in _ABBREV or re.fullmatch(r"(?:[a-z]\.)*[a-z]", last) and len(last) <= 3
        ):
            continue
        if text[start:end].strip():
            a = start + len(text[start:end]) - len(text[start:end].lstrip())
            yield a, len(text[:end].rstrip())
        start = end
    if text[start:].strip():
        a = start + len(text[start:]) - len(text[start:].lstrip())
        yield a, len(text.rstrip())


def tokenize(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Token spans of ``text[a:b]``; "'s" and "n't" are tokens of their own."""
    return [(a + m.start(), a + m.end()) for m in _TOKEN.finditer(text[a:b])]


# ---------------------------------------------------------------- tagging


def _noun_lemma(w: str) -> str:
    if w in (
        "talks",
        "news",
        "forces",
        "arms",
        "headquarters",
        "series",
        "species",
        "ISIS".lower(),
    ):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ses", "xes", "ches", "shes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


Tag = tuple[str, str, str]  # UPOS, lemma, feats


def tag(form: str, prev: Token | None, nxt: str, first: bool) -> Tag:
    """(UPOS, lemma, feats) of one word from the lexicon and suffix rules.

    >>> tag("said", None, "that", False)[:2], tag("Lavrov", None, "said", False)[0]
    (('VERB', 'say'), 'PROPN')
    """
    low = form.lower()
    return _function_word(form, low, prev, nxt) or _content_word(form, low, prev, first)


def _function_word(form: str, low: str, prev: Token | None, nxt: str) -> Tag | None:
    """Punctuation, numbers, particles, pronouns, determiners, prepositions, conjunctions,
    auxiliaries and adverbs: the closed classes (None for anything else)."""
    if not any(c.isalnum() for c in form):
        return "PUNCT", form, "_"
    if re.fullmatch(r"\d+(?:[.,:]\d+)*%?", form):
        return "NUM", form, "NumType=Card"
    if low in ("'s", "’s"):
        return "PART", "'s", "_"
    if low in ("not", "n't", "never"):
        return "PART", "not", "Polarity=Neg"
    if low == "to" and nxt.lower() in verb_forms():
        return "PART", "to", "_"
    if low == "according" and nxt.lower() == "to":
        return "ADP", "according", "_"  # according to X: a source, like بحسب
    if low in POSS or low in PRON:
        return _pronoun(low)
    if low == "that":
        return _that(prev, nxt)
    for words, upos in (
        (REL, "PRON"),
        (DET, "DET"),
        (ADP, "ADP"),
        (CCONJ, "CCONJ"),
        (SCONJ, "SCONJ"),
    ):
        if low in words:
            return upos, low, "PronType=Rel" if words is REL else "_"
    if low in AUX:
        return "AUX", _IRREGULAR.get(low, low), "VerbForm=Fin"
    if low in ADV or (
        low.endswith("ly") and len(low) > 4 and low not in ("italy", "assembly", "family", "rally")
    ):
        return "ADV", low, "_"
    return None


def _pronoun(low: str) -> Tag:
    """A personal or possessive pronoun with its gender, number and person."""
    if low in POSS:
        g, n = POSS[low]
        person: tuple[str, ...] = ("Person=3", "Poss=Yes")
    else:
        g, n, p = PRON[low]
        person = (f"Person={p}",)
    feats = (f"Gender={g}" if g else "", f"Number={n}" if n else "", *person, "PronType=Prs")
    return "PRON", low, "|".join(x for x in feats if x)


def _that(prev: Token | None, nxt: str) -> Tag:
    """ "that": a relative pronoun after a noun and before a verb, a subordinator after a verb
    or before a clause, else a determiner."""
    if (
        prev is not None
        and prev.upos in ("NOUN", "PROPN")
        and (nxt.lower() in verb_forms() or nxt.lower() in AUX)
    ):
        return "PRON", "that", "PronType=Rel"  # the meeting that opened ...
    if (
        prev is None
        or prev.upos in ("VERB", "ADV", "PUNCT", "ADP")
        or nxt[:1].isupper()
        or nxt.lower() in DET | set(PRON)
    ):
        return "SCONJ", "that", "_"
    return "DET", "that", "_"


def _content_word(form: str, low: str, prev: Token | None, first: bool) -> Tag:
    """Names, titles, verbs (a verb form after a determiner is a noun), adjectives by
    suffix, else a noun."""
    capital = form[:1].isupper()
    article, dash, rest = form.partition("-")
    if dash and article.lower() in ARABIC_ARTICLES and rest[:1].isupper():
        return (
            "PROPN",
            form,
            "Number=Sing",
        )  # al-Sisi, el-Sisi, al-Assad: an Arabic name with its article
    if (
        (low in titles_en() and low not in ("general", "chief"))
        or low in _AL_NOUNS
        or low.rstrip("s") in _AL_NOUNS
    ):
        return "NOUN", _noun_lemma(low), "Number=Plur" if low.endswith("s") else "Number=Sing"
    if low in verb_forms() and not (capital and not first):
        return _verb_form(low, prev)
    if low in ADJ or (
        not capital and low.endswith(("al", "ive", "ous", "ian", "ese", "ish", "ic", "ful"))
    ):
        return ("ADJ" if not capital or low in ADJ else "PROPN"), low, "_"
    if capital and not first:
        return "PROPN", form, "Number=Sing"
    if (
        low.endswith("ed")
        and len(low) > 5
        and prev is not None
        and prev.upos in ("NOUN", "PROPN", "PRON", "AUX", "ADV")
    ):
        lemma = low[:-3] + "y" if low.endswith("ied") else low[:-2]
        return "VERB", lemma, "Tense=Past|VerbForm=Fin"  # the talks failed
    plural = low.endswith("s") and not low.endswith("ss")
    return "NOUN", _noun_lemma(low), "Number=Plur" if plural else "Number=Sing"


def _verb_form(low: str, prev: Token | None) -> Tag:
    """A known verb form: a noun after a determiner or possessive ("the attack", "a
    meeting"), else a verb, finite, participle or gerund."""
    lemma = verb_forms()[low]
    after_det = (
        prev is not None
        and prev.upos in ("DET", "ADJ")
        or (prev is not None and "Poss=Yes" in prev.feats)
    )
    if after_det and (low in (lemma, lemma + "s", lemma + "es") or low.endswith("ing")):
        number = "Number=Plur" if low.endswith("s") and low != lemma else "Number=Sing"
        return "NOUN", _noun_lemma(low), number
    if low.endswith("ed") or low in _PARTICIPLES:
        return "VERB", lemma, "Tense=Past|VerbForm=Part"
    return "VERB", lemma, "VerbForm=Ger" if low.endswith("ing") else "VerbForm=Fin"


# -------------------------------------------------------------- the analyser


def analyse_sentence(text: str, a: int, b: int, index: int) -> Sentence:
    spans = tokenize(text, a, b)
    toks: list[Token] = []
    for k, (s, e) in enumerate(spans):
        nxt = text[spans[k + 1][0] : spans[k + 1][1]] if k + 1 < len(spans) else ""
        first = k == 0 or text[spans[k - 1][0] : spans[k - 1][1]] in ('"', "“", ":", "(")
        upos, lemma, feats = tag(text[s:e], toks[-1] if toks else None, nxt, first)
        space = "SpaceAfter=No" if k + 1 < len(spans) and spans[k + 1][0] == e else "_"
        toks.append(Token(k + 1, text[s:e], lemma, upos, 0, "dep", s, e, feats=feats, misc=space))
    ents = find_entities(toks)
    named = {k - 1 for en in ents for k in range(en.first, en.last + 1)}
    toks = [
        replace(t, upos="PROPN", lemma=t.form, feats="Number=Sing")
        if k in named and t.upos not in ("PUNCT", "DET", "ADP", "CCONJ", "PART")
        else t
        for k, t in enumerate(toks)
    ]
    ents = find_entities(toks)
    parsed = parse(toks, ents) if toks else []
    return Sentence(
        index=index, start=a, end=b, text=text[a:b], tokens=tuple(parsed), entities=tuple(ents)
    )


def analyse_text(text: str) -> list[Sentence]:
    """Sentences of English text, tokenised, tagged, with names and a UD tree."""
    out: list[Sentence] = []
    for a, b in split_sentences(text):
        s = analyse_sentence(text, a, b, len(out))
        if s.tokens:
            out.append(s)
    return out
