"""The ``rules`` analyser: offline Arabic analysis with no model to download.

sentence splitting -> words -> readings (morph.py) -> one reading per word in context
(tagger.py) -> syntactic words with offsets -> entity spans (..names) -> UD tree
(parser/). Its output has the same shape as a UD parser's, so the one extractor reads
both.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from ...lexicon.names import shared_single_word_names
from ...model import AnalysedDoc, Document, EntitySpan, Sentence, Token
from ...text import normalize, strip_diacritics
from .. import Analyser
from ..names import find_entities
from .morph import Reading
from .parser import W, parse
from .segment import split_sentences, words
from .tagger import choose, has_tanween


class RulesAnalyser(Analyser):
    """Rule-based Arabic analyser (see the module docstring); English documents go to
    :mod:`kg.analyse.rules.english`."""

    name = "rules"
    formats = frozenset({"text"})
    languages = frozenset({"ar", "en"})

    def analyse(self, doc: Document) -> AnalysedDoc:
        """Split a document into sentences and give every word a lemma, tag and head.

        >>> doc = RulesAnalyser().analyse(Document("d", "زار الرئيس الفرنسي الجزائر.", lang="ar"))
        >>> [(t.form, t.upos, t.deprel) for t in doc.sentences[0].tokens][:4]
        [('زار', 'VERB', 'root'), ('الرئيس', 'NOUN', 'nsubj'), ('الفرنسي', 'ADJ', 'amod'), ('الجزائر', 'PROPN', 'obj')]
        """
        if doc.lang == "en":
            from .english import analyse_text  # English: kg/analyse/rules/english.py

            return AnalysedDoc(doc=doc, sentences=tuple(analyse_text(doc.text)), analyser=self.name)
        text = doc.text
        vocabulary = {normalize(text[a:b]) for a, b, k in words(text, 0, len(text)) if k == "ar"}
        # the gazetteer's own set, shared: a document's copy is made once it finds a name
        names: AbstractSet[str] = shared_single_word_names()
        sentences: list[Sentence] = []
        surnames: set[str] = set()
        for a, b in split_sentences(text):
            sentence = analyse_sentence(text, a, b, len(sentences), vocabulary, names, surnames)
            if sentence.tokens:
                sentences.append(sentence)
                names = _with_found_names(sentence, names)
        return AnalysedDoc(doc=doc, sentences=tuple(sentences), analyser=self.name)


def analyse_sentence(
    text: str,
    a: int,
    b: int,
    index: int,
    vocabulary: set[str],
    names: AbstractSet[str],
    surnames: set[str] | None = None,
) -> Sentence:
    """One sentence, analysed. ``surnames`` holds the last words of the people named so far
    in the document (updated here): later, such a word alone names the same person."""
    spans = list(words(text, a, b))
    readings = choose([(text[s:e], kind) for s, e, kind in spans], vocabulary, names)
    ws, offsets, unknown = _syntactic_words(text, spans, readings)
    _impersonal(ws)
    tokens = [_token(w, o, u) for w, o, u in zip(ws, offsets, unknown, strict=True)]
    ents = find_entities(tokens)
    if surnames is not None:
        ents = _with_surnames(tokens, ents, surnames)
    _mark_entities(ws, ents)
    parse(ws)
    final = tuple(
        Token(  # (id, form, lemma, upos, head, deprel, start, end, feats, xpos, misc)
            w.i + 1,
            w.form,
            w.lemma or w.form,
            w.upos,
            w.head + 1 if w.head >= 0 else 0,
            w.deprel or "dep",
            o[0],
            o[1],
            w.feats or "_",
            "_",
            _misc(w, ws, u),
        )
        for w, o, u in zip(ws, offsets, unknown, strict=True)
    )
    return Sentence(index=index, start=a, end=b, text=text[a:b], tokens=final, entities=tuple(ents))


def _syntactic_words(
    text: str, spans: list[tuple[int, int, str]], readings: list[Reading]
) -> tuple[list[W], list[tuple[int, int]], list[bool]]:
    """The parser's words of a sentence (one per part of each word's reading), their
    character offsets, and whether each is a word nothing knows."""
    ws: list[W] = []
    offsets: list[tuple[int, int]] = []
    unknown: list[bool] = []
    for wi, ((s, e, _kind), r) in enumerate(zip(spans, readings, strict=True)):
        surface = text[s:e]
        # وفدا الجيش: before a definite genitive the alif is a dual in construct, not the accusative
        acc = _accusative_alif(surface, r) and (
            wi + 1 == len(spans)
            or not normalize(text[spans[wi + 1][0] : spans[wi + 1][1]]).startswith("ال")
        )
        for k, p in enumerate(r.parts):
            if k == r.main:
                ws.append(
                    W(
                        len(ws),
                        surface[p.start : p.end],
                        p.upos,
                        p.tag,
                        wi,
                        r.definite,
                        has_tanween(surface) or acc,
                        acc,
                        _gender(r, p, True),
                        _number(r, p, True),
                        r.person,
                        lemma=p.lemma,
                        feats=p.feats,
                        vnoun=r.ntype == "vn",
                        ntype=r.ntype,
                    )
                )
                unknown.append(r.source in ("unknown", "composed"))
            else:
                ws.append(
                    W(
                        len(ws),
                        surface[p.start : p.end],
                        p.upos,
                        p.tag,
                        wi,
                        gender=_gender(r, p, False),
                        number=_number(r, p, False),
                        lemma=p.lemma,
                        feats=p.feats,
                    )
                )
                unknown.append(False)
            offsets.append((s + p.start, s + p.end))
    return ws, offsets, unknown


def _mark_entities(ws: list[W], ents: list[EntitySpan]) -> None:
    """Each word learns the entity span it is in (for the parser)."""
    for n, sp in enumerate(ents):
        for t in range(sp.first - 1, sp.last):
            ws[t].ent = n
            if ws[t].acc:  # كوريا, روسيا: a name's final alif is no case ending
                ws[t].acc = False
                ws[t].tanween = has_tanween(ws[t].form)
            ws[t].ent_label = sp.label


#: Verbs whose passive opens a news aside with no speaker: يُذكر أن (it is worth noting that),
#: يُشار إلى أن, يُقال إن. Unvowelled they look active; right before أن they have no subject.
_IMPERSONAL = {normalize(w) for w in ("يذكر", "يشار", "يقال")}


def _impersonal(ws: list[W]) -> None:
    for k, w in enumerate(ws[:-1]):
        if w.upos != "VERB" or normalize(w.form) not in _IMPERSONAL or "Voice=Act" not in w.feats:
            continue
        nxt = ws[k + 2] if normalize(ws[k + 1].form) == "الى" and k + 2 < len(ws) else ws[k + 1]
        if normalize(nxt.form) in ("ان", "انه", "انها"):
            w.feats = w.feats.replace("Voice=Act", "Voice=Pass")


def _with_found_names(sentence: Sentence, names: AbstractSet[str]) -> AbstractSet[str]:
    """هاكان فيدان ... وأكد فيدان: the words of a person's name no lexicon knows, found in
    one sentence, are names in the next ones too (not ف + يدان). A frozen ``names`` (the
    gazetteer's own set, shared by every document) is copied before the first is added.

    >>> from kg.model import EntitySpan, Token
    >>> toks = (Token(1, "فيدان", "فيدان", "PROPN", 0, "root", 0, 5, misc="Unknown=Yes"),)
    >>> shared = frozenset({"بغداد"})
    >>> own = _with_found_names(Sentence(0, 0, 5, "فيدان", toks, (EntitySpan(1, 1, "Person", "x"),)), shared)
    >>> sorted(own), sorted(shared), _with_found_names(Sentence(0, 0, 5, "فيدان", toks), own) is own
    (['بغداد', 'فيدان'], ['بغداد'], True)"""
    found = {
        normalize(t.form)
        for sp in sentence.entities
        if sp.label == "Person"
        for t in sentence.tokens[sp.first - 1 : sp.last]
        if "Unknown=Yes" in t.misc and len(normalize(t.form)) >= 3
    }
    if found <= names:
        return names
    if isinstance(names, set):
        names |= found  # the document's own copy, made when a first name was found
        return names
    own = set(names)
    own |= found
    return own


def _guess_mark(w: W, unknown: bool) -> str:
    """Unknown=Yes for a word no lexicon knows (a likely name); Guess=Yes for one read as
    a form of a known word (كارين as كار + ين): a name only where a title announces one."""
    if not unknown:
        return "_"
    return "Unknown=Yes" if w.upos in ("PROPN", "X") else "Guess=Yes"


def _token(w: W, o: tuple[int, int], unknown: bool) -> Token:
    return Token(  # (id, form, lemma, upos, head, deprel, start, end, feats, xpos, misc)
        w.i + 1,
        w.form,
        w.lemma or w.form,
        w.upos,
        0,
        "dep",
        o[0],
        o[1],
        w.feats or "_",
        "_",
        # the name finders see verbal nouns too (حسن العزاء: a construct, not a name)
        _guess_mark(w, unknown) if not w.vnoun else "VerbForm=Vnoun",
    )


def _with_surnames(
    tokens: list[Token], ents: list[EntitySpan], surnames: set[str]
) -> list[EntitySpan]:
    """راشد الغنوشي ... اعتقلت الغنوشي: a word that ended a person's name earlier in the
    document, alone and outside any other name, names that person again."""
    covered = {t for sp in ents for t in range(sp.first, sp.last + 1)}
    out = list(ents)
    for t in tokens:
        if t.id in covered or t.upos not in ("NOUN", "PROPN", "ADJ", "X"):
            continue
        prev = tokens[t.id - 2] if t.id > 1 else None
        if prev is not None and prev.end == t.start and prev.upos not in ("ADP", "CCONJ"):
            continue  # part of a longer word
        guessed = t.upos == "PROPN" or "Unknown=Yes" in t.misc or "Guess=Yes" in t.misc
        # a surname that is also a common word (سعيد, عون) only where a name can stand:
        # after a verb, a preposition, و or punctuation, not after a noun it could describe
        placed = prev is None or prev.upos in ("VERB", "AUX", "ADP", "CCONJ", "PUNCT")
        if (guessed or placed) and normalize(t.form) in surnames:
            out.append(EntitySpan(t.id, t.id, "Person", "surname"))
    for sp in ents:
        if sp.label == "Person" and sp.last > sp.first:
            last = normalize(tokens[sp.last - 1].form)
            if len(last) >= 4:
                surnames.add(last)
    return sorted(out, key=lambda sp: sp.first)


def _accusative_alif(surface: str, r: Reading) -> bool:
    """An indefinite noun or adjective whose final alif is the accusative ending, written
    without its fathatan (اتفاقا, سفنا), and not part of the stem (عصا, دنيا)."""
    bare = strip_diacritics(surface)
    if r.pos not in ("N", "A") or r.definite or r.main != len(r.parts) - 1:
        return False
    if not bare.endswith("ا") or bare.endswith("اء") or len(bare) < 3:
        return False
    lemma = strip_diacritics(r.parts[r.main].lemma)
    return not lemma.endswith(("ا", "ى", "اء"))


def _misc(w: W, ws: list[W], unknown: bool) -> str:
    items = []
    nxt = w.i + 1
    if nxt < len(ws) and ws[nxt].word == w.word:
        items.append("SpaceAfter=No")
    if unknown:
        items.append(_guess_mark(w, unknown))
    if w.vnoun:
        items.append("VerbForm=Vnoun")
    return "|".join(items) or "_"


def _gender(r: Reading, p: object, main: bool) -> str:
    if main:
        if r.gender:
            return r.gender
        if r.person[1:2] in ("m", "f"):
            return r.person[1]
        return ""
    feats = getattr(p, "feats", "")
    return "f" if "Gender=Fem" in feats else ("m" if "Gender=Masc" in feats else "")


def _number(r: Reading, p: object, main: bool) -> str:
    if main:
        if r.number:
            return r.number
        return {"s": "s", "p": "p", "d": "d"}.get(r.person[-1:], "") if r.person else ""
    feats = getattr(p, "feats", "")
    return (
        "p"
        if "Number=Plur" in feats
        else ("d" if "Number=Dual" in feats else ("s" if "Number=Sing" in feats else ""))
    )
