"""The English side of the ``rules`` analyser: offline, no model to download.

sentence splitting -> tokens with offsets -> POS and lemma from a lexicon of function
words and verbs (with their inflections; ``kg/data/relations_en.tsv`` supplies the
relation verbs) plus suffix rules -> names (``kg.analyse.names_en``: the gazetteer's
English names and capitalised runs) -> a heuristic UD tree for news syntax: SVO,
passives with a "by" agent, "said (that) ...", quotations ("...," X said), relative
clauses (who/which/that), coordination, apposition of titles, prepositional phrases
("X met Y in Z"). The tree has the labels a UD parser gives English, so the one
extractor reads it as it reads stanza's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ...lexicon.words import titles_en
from ...model import EntitySpan, Sentence, Token
from ..names_en import ARABIC_ARTICLES, find_entities

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|\d+(?:[.,:]\d+)*%?|[A-Za-z\u00c0-\u024f]+(?:[-'’][A-Za-z\u00c0-\u024f]+)*(?=['’]s\b)|['’]s\b|n['’]t\b|\w+(?:[-'’]\w+)*|[^\w\s]"
)
_ABBREV = frozenset(
    "mr mrs ms dr gen col lt sgt st jr sr prof rep sen gov no vs etc inc corp co ltd u.s u.k u.n".split()
)
_SENT_END = re.compile(r"[.!?]+[\"”’)]*(?=\s+[\"“‘(]?[A-Z0-9])|\n\s*\n|\n")

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
_SPEECH = frozenset(
    "say tell add state explain note declare stress affirm confirm insist announce warn reveal emphasize emphasise claim".split()
)
_IRREGULAR = {
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


def tag(form: str, prev: Token | None, nxt: str, first: bool) -> tuple[str, str, str]:
    """(UPOS, lemma, feats) of one word from the lexicon and suffix rules."""
    low = form.lower()
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
    if low in POSS:
        g, n = POSS[low]
        feats = "|".join(
            x
            for x in (
                f"Gender={g}" if g else "",
                f"Number={n}" if n else "",
                "Person=3",
                "Poss=Yes",
                "PronType=Prs",
            )
            if x
        )
        return "PRON", low, feats
    if low in PRON:
        g, n, p = PRON[low]
        feats = "|".join(
            x
            for x in (
                f"Gender={g}" if g else "",
                f"Number={n}" if n else "",
                f"Person={p}",
                "PronType=Prs",
            )
            if x
        )
        return "PRON", low, feats
    if low == "that":
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
    if low in REL:
        return "PRON", low, "PronType=Rel"
    if low in DET:
        return "DET", low, "_"
    if low in ADP:
        return "ADP", low, "_"
    if low in CCONJ:
        return "CCONJ", low, "_"
    if low in SCONJ:
        return "SCONJ", low, "_"
    if low in AUX:
        return "AUX", _IRREGULAR.get(low, low), "VerbForm=Fin"
    if low in ADV or (
        low.endswith("ly") and len(low) > 4 and low not in ("italy", "assembly", "family", "rally")
    ):
        return "ADV", low, "_"
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
        lemma = verb_forms()[low]
        after_det = (
            prev is not None
            and prev.upos in ("DET", "ADJ")
            or (prev is not None and "Poss=Yes" in prev.feats)
        )
        if after_det and (
            low in (lemma, lemma + "s", lemma + "es") or low.endswith("ing")
        ):  # "the attack", "a meeting": nouns
            return (
                "NOUN",
                _noun_lemma(low),
                "Number=Plur" if low.endswith("s") and low != lemma else "Number=Sing",
            )
        part = low.endswith("ed") or low in _PARTICIPLES
        feats = (
            "Tense=Past|VerbForm=Part"
            if part
            else ("VerbForm=Ger" if low.endswith("ing") else "VerbForm=Fin")
        )
        return "VERB", lemma, feats
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
        return (
            "VERB",
            low[:-3] + "y" if low.endswith("ied") else low[:-2],
            "Tense=Past|VerbForm=Fin",
        )  # the talks failed
    return (
        "NOUN",
        _noun_lemma(low),
        "Number=Plur" if low.endswith("s") and not low.endswith("ss") else "Number=Sing",
    )


# ---------------------------------------------------------------- parsing


@dataclass
class _P:
    """Parser state over one sentence's tokens (0-based indices)."""

    toks: list[Token]
    head: list[int] = field(default_factory=list)  # -1: root, -2: unattached
    rel: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.head = [-2] * len(self.toks)
        self.rel = ["dep"] * len(self.toks)

    def attach(self, i: int, h: int, r: str) -> None:
        """Make ``h`` the head of ``i`` unless that would close a cycle."""
        k, steps = h, 0
        while k >= 0 and steps <= len(self.head):
            if k == i:
                return
            k, steps = self.head[k], steps + 1
        self.head[i], self.rel[i] = h, r


@dataclass
class _Chunk:
    kind: str  # NP VG ADP CC MARK REL PUNCT ADV QUOTE X
    ids: list[int]
    head: int
    passive: bool = False


def _chunks(toks: list[Token], ents: list[EntitySpan]) -> list[_Chunk]:
    in_ent = {k - 1: e for e in ents for k in range(e.first, e.last + 1)}
    out: list[_Chunk] = []
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        u = t.upos
        if (
            u in ("DET", "ADJ", "NOUN", "PROPN", "NUM")
            or (u == "PRON" and t.feat("PronType") != "Rel")
            or i in in_ent
        ):
            j = i
            if u == "PRON" and "Poss=Yes" not in t.feats:
                out.append(_Chunk("NP", [i], i))
                i += 1
                continue
            while j + 1 < n:
                v = toks[j + 1]
                after_noun = (
                    toks[j].upos in ("NOUN", "PROPN")
                    and j not in in_ent
                    or j in in_ent
                    and j + 1 not in in_ent
                )
                if j + 1 in in_ent and (
                    j in in_ent
                    or toks[j].upos not in ("NOUN", "PROPN")
                    or in_ent[j + 1].label == "Position"
                ):
                    j += 1
                elif v.upos in ("DET", "ADJ", "NUM") and after_noun:
                    break  # Iraq | last year: English modifiers come before their noun
                elif j + 1 in in_ent or v.upos in ("DET", "ADJ", "NOUN", "PROPN", "NUM"):
                    j += 1
                elif v.upos == "PART" and v.lemma == "'s":
                    j += 1
                elif v.form == "-" and j + 2 < n and toks[j + 2].upos in ("NOUN", "PROPN", "ADJ"):
                    j += 1
                else:
                    break
            ids = list(range(i, j + 1))
            out.append(_Chunk("NP", ids, ids[-1]))
            i = j + 1
            continue
        if u in ("AUX", "VERB") or (
            u == "PART"
            and t.lemma in ("not", "to")
            and i + 1 < n
            and toks[i + 1].upos in ("AUX", "VERB", "ADV")
        ):
            j = i
            while j + 1 < n and (
                toks[j + 1].upos in ("AUX", "VERB")
                or toks[j + 1].upos == "PART"
                and toks[j + 1].lemma in ("not", "to")
                or toks[j + 1].upos == "ADV"
                and j + 2 < n
                and toks[j + 2].upos in ("AUX", "VERB")
            ):
                j += 1
            ids = list(range(i, j + 1))
            verbs = [k for k in ids if toks[k].upos == "VERB"]
            head = verbs[-1] if verbs else ids[-1]
            passive = (
                bool(verbs)
                and any(toks[k].lemma == "be" for k in ids if k < head)
                and "Part" in toks[head].feats
            )
            out.append(_Chunk("VG", ids, head, passive))
            i = j + 1
            continue
        kind = {"ADP": "ADP", "CCONJ": "CC", "SCONJ": "MARK", "ADV": "ADV", "PUNCT": "PUNCT"}.get(
            u, "X"
        )
        if u == "PRON":
            kind = "REL"
        if u == "PUNCT" and t.form in '"“”«»':
            kind = "QUOTE"
        out.append(_Chunk(kind, [i], i))
        i += 1
    return out


def _np_internal(p: _P, c: _Chunk, ents: list[EntitySpan]) -> int:
    """Attach the words of a noun phrase; return its head. Names are flat from their
    first word; a title before a name is its compound; "X's" is nmod:poss."""
    toks = p.toks
    ids = c.ids
    # possessive split: [X 's] [rest]
    poss = [k for k in ids if toks[k].upos == "PART" and toks[k].lemma == "'s"]
    if poss and poss[0] < ids[-1]:
        k = poss[0]
        left = _Chunk("NP", [x for x in ids if x < k], k - 1)
        right = _Chunk("NP", [x for x in ids if x > k], ids[-1])
        lh = _np_internal(p, left, ents) if left.ids else -1
        rh = _np_internal(p, right, ents)
        if lh >= 0:
            p.attach(lh, rh, "nmod:poss")
            p.attach(k, lh, "case")
        return rh
    spans = [e for e in ents if e.first - 1 in ids]
    name_heads: dict[int, int] = {}
    for e in spans:
        a, b = e.first - 1, min(e.last - 1, ids[-1])
        for k in range(a + 1, b + 1):
            p.attach(k, a, "flat")
        for k in range(a, b + 1):
            name_heads[k] = a
    # the head: the first word of the last name, else the last noun
    last = ids[-1]
    head = name_heads.get(last, last)
    if toks[head].upos not in ("NOUN", "PROPN", "NUM", "PRON") and head not in name_heads:
        nouns = [k for k in ids if toks[k].upos in ("NOUN", "PROPN", "NUM", "PRON")]
        head = nouns[-1] if nouns else last
    titles = titles_en()
    for k in ids:
        if k == head or name_heads.get(k, -1) == head and k != head:
            continue
        if k in name_heads and name_heads[k] != k:
            continue
        t = toks[k]
        if k in name_heads:
            p.attach(k, head, "compound")
        elif t.upos == "DET":
            p.attach(k, head, "det")
        elif t.upos == "PRON":
            p.attach(k, head, "nmod:poss")
        elif t.upos == "NUM":
            p.attach(k, head, "nummod")
        elif t.upos == "ADJ":
            nxt = next((x for x in ids if x > k and toks[x].upos in ("NOUN", "PROPN")), head)
            p.attach(k, nxt if nxt != k else head, "amod")
        elif t.upos == "PUNCT":
            p.attach(k, head, "punct")
        else:  # nouns before the head: compounds (Foreign Minister -> title of the name)
            nxt = next((x for x in ids if x > k and toks[x].upos in ("NOUN", "PROPN")), head)
            if t.form.lower() in titles and head in name_heads:
                nxt = head
            p.attach(k, nxt, "compound")
    return head


def parse(toks: list[Token], ents: list[EntitySpan]) -> list[Token]:
    """A heuristic UD tree over one sentence (see the module docstring)."""
    p = _P(toks)
    chunks = _chunks(toks, ents)
    for c in chunks:
        if c.kind == "NP":
            c.head = _np_internal(p, c, ents)
        elif c.kind == "VG":
            for k in c.ids:
                if k != c.head:
                    t = toks[k]
                    rel = (
                        "advmod"
                        if t.upos in ("ADV", "PART") and t.lemma != "to"
                        else ("mark" if t.lemma == "to" else "aux")
                    )
                    if (
                        rel == "aux"
                        and c.passive
                        and t.lemma == "be"
                        and k == max(x for x in c.ids if x < c.head)
                    ):
                        rel = "aux:pass"
                    p.attach(k, c.head, rel)
    root = -1
    verb = -1  # the current clause's verb
    subj = -1  # an NP waiting for its verb
    obls: list[int] = []  # prepositional phrases before any verb
    case = -1
    mark = -1
    rel_np, rel_tok = -1, -1
    rel_host = -1  # a subject whose relative clause comes before its verb
    cc = -1
    last_np = -1
    prev: _Chunk | None = None
    quote_open = False
    quoted_root = -1
    has_obj: set[int] = set()

    def next_kind(c: _Chunk) -> str:
        idx = chunks.index(c)
        for nx in chunks[idx + 1 :]:
            if nx.kind not in ("ADV",):
                return nx.kind
        return ""

    for c in chunks:
        h = c.head
        if c.kind == "QUOTE":
            quote_open = not quote_open
            p.attach(h, -3, "punct")  # attached to the root at the end
        elif c.kind == "ADP":
            case = h
        elif c.kind == "CC":
            cc = h
        elif c.kind == "MARK":
            mark = h
        elif c.kind == "REL":
            rel_np, rel_tok = last_np, h
            if subj == last_np:  # President Trump, who ..., condemned: the subject waits
                rel_host, subj = subj, -1
        elif c.kind == "NP":
            if case >= 0:
                p.attach(case, h, "case")
                cw = toks[case].lemma
                noun_host = (
                    last_np >= 0
                    and prev is not None
                    and prev.kind in ("NP", "ADP")
                    and (cw == "of" or verb < 0 or last_np > verb)
                )
                if noun_host and (
                    cw == "of" or _noun_takes(toks[last_np], cw) or verb < 0 and cw != "in"
                ):
                    p.attach(h, last_np, "nmod")
                elif verb >= 0:
                    p.attach(
                        h, verb, "obl:agent" if cw == "by" and _is_passive(chunks, verb) else "obl"
                    )
                else:
                    obls.append(h)
                case = -1
                last_np = h
            elif cc >= 0 and last_np >= 0 and prev is not None and prev.kind == "CC":
                p.attach(h, last_np, "conj")
                p.attach(cc, h, "cc")
                cc = -1
            elif (
                next_kind(c) == "VG"
                and _speech(toks[_next(chunks, c).head])
                and prev is not None
                and prev.kind in ("PUNCT", "QUOTE")
            ):
                subj = h  # "...," Stoltenberg said / ..., the minister added
            elif (
                prev is not None
                and prev.kind == "PUNCT"
                and toks[prev.head].form == ","
                and last_np >= 0
                and _appositive(toks, last_np, h, c)
            ):
                p.attach(h, last_np, "appos")
            elif next_kind(c) == "VG" and (
                verb < 0 or verb in has_obj or _speech(toks[verb]) or mark >= 0
            ):
                subj = h
            elif verb >= 0 and verb not in has_obj and toks[verb].lemma != "be":
                p.attach(h, verb, "obj")
                has_obj.add(verb)
            elif verb >= 0 and toks[verb].lemma == "be" and verb not in has_obj:
                p.attach(h, verb, "xcomp")
                has_obj.add(verb)
            elif rel_host >= 0 and verb >= 0:
                p.attach(h, verb, "obl")  # who visited Iraq last year
            else:
                subj = h
            if (
                c.kind == "NP"
                and p.head[h] == -2
                or p.rel[h] in ("obj", "conj", "appos", "nmod", "obl", "obl:agent", "xcomp")
            ):
                last_np = h
        elif c.kind == "VG":
            passive = c.passive
            if rel_tok >= 0 and rel_np >= 0:
                p.attach(h, rel_np, "acl:relcl")
                p.attach(rel_tok, h, "nsubj:pass" if passive else "nsubj")
                rel_tok = -1
            elif root < 0:
                root = h
                p.head[h], p.rel[h] = -1, "root"
                quoted_root = h if quote_open else -1
            elif toks[c.ids[0]].lemma == "to" and verb >= 0 and subj < 0:
                p.attach(h, verb, "xcomp")  # allow ISIS to return
            elif (
                _speech(toks[h])
                and subj >= 0
                and not _speech(toks[root])
                and _after_comma(toks, subj, chunks)
            ):
                # "...," Tillerson said / ..., the minister added: the speech verb heads the clause before it
                p.head[h], p.rel[h] = -1, "root"
                p.attach(root, h, "ccomp")
                for k in range(len(toks)):
                    if p.head[k] == root and toks[k].upos == "PUNCT" and k > subj:
                        p.head[k] = h
                root = h
                quoted_root = -1
            elif mark >= 0 or (verb >= 0 and _speech(toks[verb]) and subj >= 0 and subj > verb):
                p.attach(h, verb, "ccomp" if verb >= 0 and _speech(toks[verb]) else "advcl")
                if mark >= 0:
                    p.attach(mark, h, "mark")
            elif cc >= 0 and prev is not None and prev.kind == "CC":
                p.attach(h, verb if verb >= 0 else root, "conj")
                p.attach(cc, h, "cc")
                cc = -1
            elif quoted_root >= 0 and not quote_open and _speech(toks[h]):
                # "...," Tillerson said: the speech verb heads the quotation
                p.head[h], p.rel[h] = -1, "root"
                p.attach(quoted_root, h, "ccomp")
                root = h
                quoted_root = -1
            else:
                p.attach(
                    h, verb if verb >= 0 else root, "parataxis" if toks[h].upos == "VERB" else "dep"
                )
            if subj < 0 and rel_host >= 0 and p.rel[h] != "acl:relcl":
                subj, rel_host = rel_host, -1
            if subj >= 0 and p.head[subj] == -2:
                p.attach(subj, h, "nsubj:pass" if passive else "nsubj")
            subj = -1
            mark = -1
            verb = h
            if p.rel[h] != "acl:relcl":  # "For those who follow ...": not the relative clause's
                for o in obls:
                    p.attach(o, h, "obl")
                obls = []
        elif c.kind == "ADV":
            p.attach(h, verb if verb >= 0 else -3, "advmod")
        prev = c
    if root < 0:  # no verb: the first noun phrase heads the sentence
        nps = [c.head for c in chunks if c.kind == "NP"]
        root = nps[0] if nps else 0
        p.head[root], p.rel[root] = -1, "root"
    for k in range(len(toks)):
        if p.head[k] in (-2, -3) and k != root:
            r = (
                "punct"
                if toks[k].upos == "PUNCT"
                else (
                    "cc"
                    if toks[k].upos == "CCONJ"
                    else p.rel[k]
                    if p.rel[k] != "dep" or toks[k].upos != "ADV"
                    else "advmod"
                )
            )
            p.head[k], p.rel[k] = root, r if p.head[k] == -3 or r in ("punct", "cc") else "dep"
    return [
        replace(t, head=0 if p.head[k] == -1 else p.head[k] + 1, deprel=p.rel[k])
        for k, t in enumerate(toks)
    ]


def _next(chunks: list[_Chunk], c: _Chunk) -> _Chunk:
    idx = chunks.index(c)
    return next(x for x in chunks[idx + 1 :] if x.kind != "ADV")


def _after_comma(toks: list[Token], subj: int, chunks: list[_Chunk]) -> bool:
    """Whether the subject NP of a speech verb follows a comma or a closing quotation mark."""
    c = next((x for x in chunks if subj in x.ids), None)
    first = c.ids[0] if c else subj
    return first > 0 and toks[first - 1].form in (",", '"', "”", "’")


def _speech(t: Token) -> bool:
    return t.upos == "VERB" and t.lemma in _SPEECH


def _is_passive(chunks: list[_Chunk], verb: int) -> bool:
    return any(c.kind == "VG" and c.head == verb and c.passive for c in chunks)


def _noun_takes(t: Token, prep: str) -> bool:
    from ...lexicon.relations import load

    e = load("en").noun(t.lemma)
    if e is not None and prep in e.preps:
        return True
    return (
        t.upos == "NOUN"
        and prep in ("on", "against", "to", "for")
        and load("en").event_type(t.lemma) is not None
    )


def _appositive(toks: list[Token], a: int, b: int, c: _Chunk) -> bool:
    """ "Rex Tillerson, the Secretary of State": a title or a determiner phrase after a name."""
    titles = titles_en()
    words = {toks[k].form.lower() for k in c.ids}
    if words & set(titles):
        return True
    return toks[a].upos == "PROPN" and toks[c.ids[0]].upos == "DET"


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
