"""The English rules analyser's UD trees: chunks, then one pass over them.

A sentence's tagged tokens are grouped into chunks (noun phrases, verb groups,
prepositions, conjunctions, relative pronouns, quotation marks …); each noun phrase and
verb group is attached inside, then one pass left to right decides what each chunk is in
its clause: a subject waits for its verb, a noun phrase after a verb is its object, a
preposition's phrase goes to a noun that takes it or to the verb, "who/which" opens a
relative clause, a speech verb after "...," heads the quotation before it. The labels are
the ones a UD parser gives English, so the one extractor reads these trees as it reads
stanza's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ...lexicon.words import titles_en
from ...model import EntitySpan, Token

#: Verbs of saying: they head the clause they report.
SPEECH = frozenset(
    "say tell add state explain note declare stress affirm confirm insist announce warn reveal emphasize emphasise claim".split()
)

_UNATTACHED = -2  # no head yet
_TO_ROOT = -3  # attached to the root once the root is known
#: Relations after which a noun phrase is the last one a later phrase may attach to.
_NP_TAKERS = ("obj", "conj", "appos", "nmod", "obl", "obl:agent", "xcomp")


@dataclass
class _P:
    """Parser state over one sentence's tokens (0-based indices)."""

    toks: list[Token]
    head: list[int] = field(default_factory=list)  # -1: root, -2: unattached
    rel: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.head = [_UNATTACHED] * len(self.toks)
        self.rel = ["dep"] * len(self.toks)

    def attach(self, i: int, h: int, r: str) -> None:
        """Make ``h`` the head of ``i`` unless that would close a cycle."""
        k, steps = h, 0
        while k >= 0 and steps <= len(self.head):
            if k == i:
                return
            k, steps = self.head[k], steps + 1
        self.head[i], self.rel[i] = h, r

    def make_root(self, i: int) -> None:
        self.head[i], self.rel[i] = -1, "root"


@dataclass
class _Chunk:
    kind: str  # NP VG ADP CC MARK REL PUNCT ADV QUOTE X
    ids: list[int]
    head: int
    passive: bool = False


# ---------------------------------------------------------------- chunks


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
            chunk = _noun_chunk(toks, i, in_ent)
        elif u in ("AUX", "VERB") or (
            u == "PART"
            and t.lemma in ("not", "to")
            and i + 1 < n
            and toks[i + 1].upos in ("AUX", "VERB", "ADV")
        ):
            chunk = _verb_chunk(toks, i)
        else:
            chunk = _Chunk(_word_kind(t), [i], i)
        out.append(chunk)
        i = chunk.ids[-1] + 1
    return out


def _noun_chunk(toks: list[Token], i: int, in_ent: dict[int, EntitySpan]) -> _Chunk:
    """The noun phrase that starts at i: names, determiners, adjectives, nouns, "'s"."""
    n = len(toks)
    if toks[i].upos == "PRON" and "Poss=Yes" not in toks[i].feats:
        return _Chunk("NP", [i], i)
    j = i
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
    return _Chunk("NP", ids, ids[-1])


def _verb_chunk(toks: list[Token], i: int) -> _Chunk:
    """The verb group that starts at i: auxiliaries, "not", "to", adverbs between, the verb."""
    n = len(toks)
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
    return _Chunk("VG", ids, head, passive)


def _word_kind(t: Token) -> str:
    if t.upos == "PUNCT" and t.form in '"“”«»':
        return "QUOTE"
    if t.upos == "PRON":
        return "REL"
    return {"ADP": "ADP", "CCONJ": "CC", "SCONJ": "MARK", "ADV": "ADV", "PUNCT": "PUNCT"}.get(
        t.upos, "X"
    )


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
    name_heads = _flat_names(p, ids, ents)
    # the head: the first word of the last name, else the last noun
    last = ids[-1]
    head = name_heads.get(last, last)
    if toks[head].upos not in ("NOUN", "PROPN", "NUM", "PRON") and head not in name_heads:
        nouns = [k for k in ids if toks[k].upos in ("NOUN", "PROPN", "NUM", "PRON")]
        head = nouns[-1] if nouns else last
    for k in ids:
        if k == head or k in name_heads and name_heads[k] != k:
            continue
        _np_word(p, ids, k, head, name_heads)
    return head


def _flat_names(p: _P, ids: list[int], ents: list[EntitySpan]) -> dict[int, int]:
    """Attach each name in the phrase flat to its first word; word -> that first word."""
    name_heads: dict[int, int] = {}
    for e in (e for e in ents if e.first - 1 in ids):
        a, b = e.first - 1, min(e.last - 1, ids[-1])
        for k in range(a + 1, b + 1):
            p.attach(k, a, "flat")
        for k in range(a, b + 1):
            name_heads[k] = a
    return name_heads


def _np_word(p: _P, ids: list[int], k: int, head: int, name_heads: dict[int, int]) -> None:
    """One word of a noun phrase (not the head, not inside a name) onto its head."""
    t = p.toks[k]
    if k in name_heads:
        p.attach(k, head, "compound")
    elif t.upos == "DET":
        p.attach(k, head, "det")
    elif t.upos == "PRON":
        p.attach(k, head, "nmod:poss")
    elif t.upos == "NUM":
        p.attach(k, head, "nummod")
    elif t.upos == "ADJ":
        nxt = next((x for x in ids if x > k and p.toks[x].upos in ("NOUN", "PROPN")), head)
        p.attach(k, nxt if nxt != k else head, "amod")
    elif t.upos == "PUNCT":
        p.attach(k, head, "punct")
    else:  # nouns before the head: compounds (Foreign Minister -> title of the name)
        nxt = next((x for x in ids if x > k and p.toks[x].upos in ("NOUN", "PROPN")), head)
        if t.form.lower() in titles_en() and head in name_heads:
            nxt = head
        p.attach(k, nxt, "compound")


def _verb_group_internal(p: _P, c: _Chunk) -> None:
    """Auxiliaries, "not", "to" and adverbs of a verb group onto its verb."""
    toks = p.toks
    for k in c.ids:
        if k == c.head:
            continue
        t = toks[k]
        if t.upos in ("ADV", "PART") and t.lemma != "to":
            rel = "advmod"
        else:
            rel = "mark" if t.lemma == "to" else "aux"
        if (
            rel == "aux"
            and c.passive
            and t.lemma == "be"
            and k == max(x for x in c.ids if x < c.head)
        ):
            rel = "aux:pass"
        p.attach(k, c.head, rel)


# ---------------------------------------------------------------- the clause pass


@dataclass
class _Clause:
    """What the pass carries from chunk to chunk (token indices; -1: none)."""

    p: _P
    chunks: list[_Chunk]
    root: int = -1
    verb: int = -1  # the current clause's verb
    subj: int = -1  # an NP waiting for its verb
    obls: list[int] = field(default_factory=list)  # prepositional phrases before any verb
    case: int = -1
    mark: int = -1
    rel_np: int = -1
    rel_tok: int = -1
    rel_host: int = -1  # a subject whose relative clause comes before its verb
    cc: int = -1
    last_np: int = -1
    prev: _Chunk | None = None
    quote_open: bool = False
    quoted_root: int = -1
    has_obj: set[int] = field(default_factory=set)

    def next_kind(self, c: _Chunk) -> str:
        nxt = _next(self.chunks, c)
        return nxt.kind if nxt is not None else ""

    def after(self, kind: str) -> bool:
        return self.prev is not None and self.prev.kind == kind


def parse(toks: list[Token], ents: list[EntitySpan]) -> list[Token]:
    """A heuristic UD tree over one sentence (see the module docstring)."""
    p = _P(toks)
    chunks = _chunks(toks, ents)
    for c in chunks:
        if c.kind == "NP":
            c.head = _np_internal(p, c, ents)
        elif c.kind == "VG":
            _verb_group_internal(p, c)
    st = _Clause(p, chunks)
    for c in chunks:
        _STEPS.get(c.kind, _nothing)(st, c)
        st.prev = c
    return _tree(p, chunks, st.root)


def _nothing(st: _Clause, c: _Chunk) -> None:
    return None


def _quote(st: _Clause, c: _Chunk) -> None:
    st.quote_open = not st.quote_open
    st.p.attach(c.head, _TO_ROOT, "punct")


def _preposition(st: _Clause, c: _Chunk) -> None:
    st.case = c.head


def _conjunction(st: _Clause, c: _Chunk) -> None:
    st.cc = c.head


def _subordinator(st: _Clause, c: _Chunk) -> None:
    st.mark = c.head


def _relative(st: _Clause, c: _Chunk) -> None:
    st.rel_np, st.rel_tok = st.last_np, c.head
    if st.subj == st.last_np:  # President Trump, who ..., condemned: the subject waits
        st.rel_host, st.subj = st.subj, -1


def _adverb(st: _Clause, c: _Chunk) -> None:
    st.p.attach(c.head, st.verb if st.verb >= 0 else _TO_ROOT, "advmod")


def _noun_phrase(st: _Clause, c: _Chunk) -> None:
    h = c.head
    p = st.p
    if st.case >= 0:
        _after_preposition(st, h)
    else:
        _noun_role(st, c)
    if p.head[h] == _UNATTACHED or p.rel[h] in _NP_TAKERS:
        st.last_np = h


def _after_preposition(st: _Clause, h: int) -> None:
    """A preposition's phrase: on the noun before it when that noun takes it, else the verb's
    obl (obl:agent for a passive's "by"), else it waits for a verb."""
    p, toks = st.p, st.p.toks
    p.attach(st.case, h, "case")
    cw = toks[st.case].lemma
    noun_host = (
        st.last_np >= 0
        and st.prev is not None
        and st.prev.kind in ("NP", "ADP")
        and (cw == "of" or st.verb < 0 or st.last_np > st.verb)
    )
    if noun_host and (
        cw == "of" or _noun_takes(toks[st.last_np], cw) or st.verb < 0 and cw != "in"
    ):
        p.attach(h, st.last_np, "nmod")
    elif st.verb >= 0:
        agent = cw == "by" and _is_passive(st.chunks, st.verb)
        p.attach(h, st.verb, "obl:agent" if agent else "obl")
    else:
        st.obls.append(h)
    st.case = -1
    st.last_np = h


def _noun_role(st: _Clause, c: _Chunk) -> None:
    """A noun phrase with no preposition: a conjunct, a speech verb's subject, an
    apposition, a subject waiting for its verb, an object, a complement of "be"."""
    h = c.head
    p, toks = st.p, st.p.toks
    nxt = _next(st.chunks, c)
    verb_next = st.next_kind(c) == "VG"
    if st.cc >= 0 and st.last_np >= 0 and st.after("CC"):
        p.attach(h, st.last_np, "conj")
        p.attach(st.cc, h, "cc")
        st.cc = -1
    elif (
        verb_next
        and nxt is not None
        and _speech(toks[nxt.head])
        and st.prev is not None
        and st.prev.kind in ("PUNCT", "QUOTE")
    ):
        st.subj = h  # "...," Stoltenberg said / ..., the minister added
    elif (
        st.after("PUNCT")
        and st.prev is not None
        and toks[st.prev.head].form == ","
        and st.last_np >= 0
        and _appositive(toks, st.last_np, h, c)
    ):
        p.attach(h, st.last_np, "appos")
    elif verb_next and (
        st.verb < 0 or st.verb in st.has_obj or _speech(toks[st.verb]) or st.mark >= 0
    ):
        st.subj = h
    elif st.verb >= 0 and st.verb not in st.has_obj and toks[st.verb].lemma != "be":
        p.attach(h, st.verb, "obj")
        st.has_obj.add(st.verb)
    elif st.verb >= 0 and toks[st.verb].lemma == "be" and st.verb not in st.has_obj:
        p.attach(h, st.verb, "xcomp")
        st.has_obj.add(st.verb)
    elif st.rel_host >= 0 and st.verb >= 0:
        p.attach(h, st.verb, "obl")  # who visited Iraq last year
    else:
        st.subj = h


def _verb_group(st: _Clause, c: _Chunk) -> None:
    h = c.head
    p = st.p
    _verb_role(st, c)
    if st.subj < 0 and st.rel_host >= 0 and p.rel[h] != "acl:relcl":
        st.subj, st.rel_host = st.rel_host, -1
    if st.subj >= 0 and p.head[st.subj] == _UNATTACHED:
        p.attach(st.subj, h, "nsubj:pass" if c.passive else "nsubj")
    st.subj = -1
    st.mark = -1
    st.verb = h
    if p.rel[h] != "acl:relcl":  # "For those who follow ...": not the relative clause's
        for o in st.obls:
            p.attach(o, h, "obl")
        st.obls = []


def _verb_role(st: _Clause, c: _Chunk) -> None:
    """What a verb group is: a relative clause, the root, an infinitive complement, the
    speech verb heading what came before, a complement or adverbial clause, a conjunct,
    or a clause beside the main one."""
    h = c.head
    p, toks = st.p, st.p.toks
    if st.rel_tok >= 0 and st.rel_np >= 0:
        p.attach(h, st.rel_np, "acl:relcl")
        p.attach(st.rel_tok, h, "nsubj:pass" if c.passive else "nsubj")
        st.rel_tok = -1
    elif st.root < 0:
        st.root = h
        p.make_root(h)
        st.quoted_root = h if st.quote_open else -1
    elif toks[c.ids[0]].lemma == "to" and st.verb >= 0 and st.subj < 0:
        p.attach(h, st.verb, "xcomp")  # allow ISIS to return
    elif (
        _speech(toks[h])
        and st.subj >= 0
        and not _speech(toks[st.root])
        and _after_comma(toks, st.subj, st.chunks)
    ):
        _speech_heads_before(st, h)
    elif st.mark >= 0 or (
        st.verb >= 0 and _speech(toks[st.verb]) and st.subj >= 0 and st.subj > st.verb
    ):
        p.attach(h, st.verb, "ccomp" if st.verb >= 0 and _speech(toks[st.verb]) else "advcl")
        if st.mark >= 0:
            p.attach(st.mark, h, "mark")
    elif st.cc >= 0 and st.after("CC"):
        p.attach(h, st.verb if st.verb >= 0 else st.root, "conj")
        p.attach(st.cc, h, "cc")
        st.cc = -1
    elif st.quoted_root >= 0 and not st.quote_open and _speech(toks[h]):
        # "...," Tillerson said: the speech verb heads the quotation
        p.make_root(h)
        p.attach(st.quoted_root, h, "ccomp")
        st.root = h
        st.quoted_root = -1
    else:
        rel = "parataxis" if toks[h].upos == "VERB" else "dep"
        p.attach(h, st.verb if st.verb >= 0 else st.root, rel)


def _speech_heads_before(st: _Clause, h: int) -> None:
    """ "...," Tillerson said / ..., the minister added: the speech verb heads the clause
    before it, and the punctuation after the subject."""
    p = st.p
    p.make_root(h)
    p.attach(st.root, h, "ccomp")
    for k in range(len(p.toks)):
        if p.head[k] == st.root and p.toks[k].upos == "PUNCT" and k > st.subj:
            p.head[k] = h
    st.root = h
    st.quoted_root = -1


_STEPS: dict[str, Callable[[_Clause, _Chunk], None]] = {
    "QUOTE": _quote,
    "ADP": _preposition,
    "CC": _conjunction,
    "MARK": _subordinator,
    "REL": _relative,
    "NP": _noun_phrase,
    "VG": _verb_group,
    "ADV": _adverb,
}


def _tree(p: _P, chunks: list[_Chunk], root: int) -> list[Token]:
    """Close the tree: a verbless sentence is headed by its first noun phrase, and what is
    left unattached goes to the root."""
    toks = p.toks
    if root < 0:
        nps = [c.head for c in chunks if c.kind == "NP"]
        root = nps[0] if nps else 0
        p.make_root(root)
    for k in range(len(toks)):
        if p.head[k] in (_UNATTACHED, _TO_ROOT) and k != root:
            r = _leftover_rel(toks[k], p.rel[k])
            p.head[k], p.rel[k] = (
                root,
                r if p.head[k] == _TO_ROOT or r in ("punct", "cc") else "dep",
            )
    return [
        replace(t, head=0 if p.head[k] == -1 else p.head[k] + 1, deprel=p.rel[k])
        for k, t in enumerate(toks)
    ]


def _leftover_rel(t: Token, rel: str) -> str:
    if t.upos == "PUNCT":
        return "punct"
    if t.upos == "CCONJ":
        return "cc"
    return rel if rel != "dep" or t.upos != "ADV" else "advmod"


# ---------------------------------------------------------------- helpers


def _next(chunks: list[_Chunk], c: _Chunk) -> _Chunk | None:
    """The chunk after c, adverbs skipped."""
    idx = chunks.index(c)
    return next((x for x in chunks[idx + 1 :] if x.kind != "ADV"), None)


def _after_comma(toks: list[Token], subj: int, chunks: list[_Chunk]) -> bool:
    """Whether the subject NP of a speech verb follows a comma or a closing quotation mark."""
    c = next((x for x in chunks if subj in x.ids), None)
    first = c.ids[0] if c else subj
    return first > 0 and toks[first - 1].form in (",", '"', "”", "’")


def _speech(t: Token) -> bool:
    """Whether a token is a verb of saying.

    >>> _speech(Token(1, "said", "say", "VERB", 0, "root", 0, 4))
    True
    """
    return t.upos == "VERB" and t.lemma in SPEECH


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
