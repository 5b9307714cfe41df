"""The ``conllu`` analyser: parses produced by any UD parser, read from CoNLL-U.

Reads what UDPipe, stanza, Trankit and CAMeL write: multi-word token lines (``3-4``,
whose words get character offsets inside the surface token), empty nodes (``5.1``,
skipped: they are not in the basic tree), comments, ``# text`` / ``# newdoc`` /
``# newpar``, and a named-entity tag in MISC (``NER=B-PER`` or ``ner=...``; BIO, IOB1 or
BIOES; CoNLL, OntoNotes and AQMAR labels or the ontology's own classes). Where a sentence
has no NER tags, entity spans come from the gazetteer, as for the rules analyser.

A malformed line raises :class:`~kg.errors.InputError` naming ``file:line``. A ``# text``
line that does not hold the sentence's words is replaced by the text the words spell
(with a warning), so a parse whose text was normalised still reads.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, replace

from ..errors import InputError
from ..lexicon.names import lookup_name
from ..model import AnalysedDoc, Document, EntitySpan, Sentence, Token
from ..text import normalize
from . import Analyser
from .names import find_entities
from .spans import decode_tags, ner_class, refine, split_surface, trim

log = logging.getLogger(__name__)


@dataclass
class _Word:
    id: int
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int
    deprel: str
    misc: str
    line: int


@dataclass
class _Sent:
    words: list[_Word]
    text: str | None
    newpar: bool
    line: int
    mwt: dict[int, tuple[int, str]]  # first word id -> (last word id, surface form)
    newdoc: str | None = None  # the id of a ``# newdoc`` that starts here ("" if it has none)
    mwt_misc: dict[int, str] | None = None  # first word id -> MISC of the token line


def parse(text: str, source: str = "<conllu>") -> Iterator[_Sent]:
    r"""Parse CoNLL-U into sentences; malformed lines raise InputError naming the line.

    >>> s = next(parse("# text = وقال\n1-2\tوقال\t_\t_\t_\t_\t_\t_\t_\t_\n"
    ...                "1\tو\tو\tCCONJ\t_\t_\t2\tcc\t_\t_\n2\tقال\tقال\tVERB\t_\t_\t0\troot\t_\t_\n"))
    >>> [w.form for w in s.words], s.mwt
    (['و', 'قال'], {1: (2, 'وقال')})
    >>> next(parse("1\tword\n", "bad.conllu"))
    Traceback (most recent call last):
    ...
    kg.errors.InputError: bad.conllu:1: expected 10 tab-separated columns, found 2
    """
    words: list[_Word] = []
    sent_text: str | None = None
    newpar = False
    newdoc: str | None = None
    start_line = 1
    mwt: dict[int, tuple[int, str]] = {}
    mwt_misc: dict[int, str] = {}
    lines = text.lstrip("\ufeff").splitlines()

    def where(n: int) -> str:
        return f"{source}:{n}"

    for n, line in enumerate([*lines, ""], 1):
        if not line.strip():
            if words:
                _check_sentence(words, mwt, where(start_line))
                yield _Sent(words, sent_text, newpar, start_line, mwt, newdoc, mwt_misc)
            elif mwt:
                raise InputError(where(n - 1), "multi-word token line with no words after it")
            words, sent_text, newpar, newdoc, mwt, mwt_misc = [], None, False, None, {}, {}
            start_line = n + 1
            continue
        if line.startswith("#"):
            key, _, value = line[1:].partition("=")
            key = key.strip()
            if key == "text":
                sent_text = value.strip()
            elif key.startswith("newdoc"):
                newpar = True
                newdoc = value.strip() if key.startswith("newdoc id") else ""
            elif key.startswith("newpar"):
                newpar = True
            continue
        cols = line.rstrip("\r\n").split("\t")
        if len(cols) != 10:
            raise InputError(where(n), f"expected 10 tab-separated columns, found {len(cols)}")
        wid = cols[0].strip()
        if "." in wid:
            a, _, b = wid.partition(".")
            if not (a.isdigit() and b.isdigit()):
                raise InputError(where(n), f"bad empty node id {wid!r}")
            continue  # empty node of the enhanced graph
        if "-" in wid:
            a, _, b = wid.partition("-")
            if not (a.isdigit() and b.isdigit()) or int(b) < int(a):
                raise InputError(where(n), f"bad multi-word token id {wid!r}")
            if int(a) != len(words) + 1:
                raise InputError(
                    where(n),
                    f"multi-word token {wid} does not start at the next word ({len(words) + 1})",
                )
            mwt[int(a)] = (int(b), cols[1])
            mwt_misc[int(a)] = cols[9]
            continue
        if not wid.isdigit():
            raise InputError(where(n), f"bad token id {wid!r}")
        if int(wid) != len(words) + 1:
            raise InputError(where(n), f"word id {wid} out of order (expected {len(words) + 1})")
        head = cols[6].strip()
        if head not in ("_", "") and not head.isdigit():
            raise InputError(where(n), f"bad head {head!r}")
        if not cols[1]:
            raise InputError(where(n), "empty FORM")
        words.append(
            _Word(
                id=int(wid),
                form=cols[1],
                lemma=cols[2] if cols[2] != "_" or cols[1] == "_" else cols[1],
                upos=cols[3] if cols[3] not in ("", "_") else "X",
                xpos=cols[4],
                feats=cols[5],
                head=int(head) if head.isdigit() else 0,
                deprel=cols[7] if cols[7] not in ("", "_") else "dep",
                misc=cols[9],
                line=n,
            )
        )


def _check_sentence(words: list[_Word], mwt: dict[int, tuple[int, str]], where: str) -> None:
    n = len(words)
    for w in words:
        if w.head > n:
            raise InputError(
                f"{where.rsplit(':', 1)[0]}:{w.line}",
                f"head {w.head} is not a word of the sentence (it has {n})",
            )
    for first, (last, surface) in mwt.items():
        if last > n:
            raise InputError(
                where,
                f"multi-word token {first}-{last} ({surface!r}) runs past the last word ({n})",
            )


def _space_after(misc: str) -> bool:
    return "SpaceAfter=No" not in misc.split("|")


def _reconstruct(s: _Sent) -> str:
    """Sentence text from forms and SpaceAfter=No when there is no ``# text`` line."""
    out: list[str] = []
    i = 0
    ws = s.words
    while i < len(ws):
        w = ws[i]
        if w.id in s.mwt:
            last, surface = s.mwt[w.id]
            out.append(surface)
            j = i
            while j < len(ws) and ws[j].id <= last:
                j += 1
            end_misc = (s.mwt_misc or {}).get(w.id, "_") + "|" + ws[j - 1].misc
            out.append(" " if _space_after(end_misc) else "")
            i = j
            continue
        out.append(w.form)
        out.append(" " if _space_after(w.misc) else "")
        i += 1
    return "".join(out).strip()


def _align(sent_text: str, s: _Sent, source: str) -> list[tuple[int, int]]:
    """Character spans of each word inside the sentence text; InputError if a word
    (or multi-word token) is not there."""
    spans: list[tuple[int, int]] = []
    pos = 0
    i = 0
    ws = s.words
    while i < len(ws):
        w = ws[i]
        if w.id in s.mwt:
            last, surface = s.mwt[w.id]
            group = [x for x in ws[i:] if x.id <= last]
            start = _find(sent_text, surface, pos)
            if start < 0:
                raise InputError(
                    f"{source}:{w.line - 1}",
                    f"token {surface!r} not found in '# text' of the sentence",
                )
            width = _width(sent_text, start, surface)
            spans.extend(
                split_surface(sent_text[start : start + width], start, [g.form for g in group])
            )
            pos = start + width
            i += len(group)
            continue
        start = _find(sent_text, w.form, pos)
        if start < 0:
            raise InputError(
                f"{source}:{w.line}", f"word {w.form!r} not found in '# text' of the sentence"
            )
        width = _width(sent_text, start, w.form)
        spans.append((start, start + width))
        pos = start + width
        i += 1
    return spans


def _width(text: str, start: int, form: str) -> int:
    """How many characters of ``text`` from ``start`` spell ``form`` (more when the text
    has diacritics or tatweel the form lacks)."""
    if text.startswith(form, start):
        return len(form)
    target = normalize(form).replace(" ", "")
    for end in range(start + 1, min(len(text), start + 3 * len(form) + 4) + 1):
        if normalize(text[start:end]).replace(" ", "") == target:
            return end - start
    return len(form)


def _find(text: str, form: str, pos: int) -> int:
    i = text.find(form, pos)
    if i >= 0 and not text[pos:i].strip():
        return i
    # tolerate normalisation differences (diacritics, alef forms) between form and text
    target = normalize(form).replace(" ", "")
    for start in range(pos, len(text)):
        if not text[start].strip():
            continue
        for end in range(start + 1, min(len(text), start + 3 * len(form) + 4) + 1):
            if normalize(text[start:end]).replace(" ", "") == target:
                return start
        break
    return i


def _ner_spans(words: list[_Word]) -> list[EntitySpan] | None:
    """Entity spans from NER tags in MISC (1-based word positions), None if untagged."""
    tags: list[str] = []
    tagged = False
    for w in words:
        tag = "O"
        for item in w.misc.split("|"):
            k, _, v = item.partition("=")
            if k.lower() == "ner" and v:
                tag, tagged = v, True
        tags.append(tag)
    if not tagged:
        return None
    out: list[EntitySpan] = []
    for first, last, label in decode_tags(tags):
        cls = ner_class(label)
        if cls is not None:
            out.append(EntitySpan(first + 1, last + 1, cls, "ner"))
    return out


def _named(span: EntitySpan, tokens: tuple[Token, ...], text: str, offset: int) -> EntitySpan:
    """A tagged span trimmed of edge function words and sharpened by the gazetteer."""
    first, last = trim(tokens, span.first, span.last) or (span.first, span.last)
    surface = text[tokens[first - 1].start - offset : tokens[last - 1].end - offset]
    forms = " ".join(t.form for t in tokens[first - 1 : last])
    return refine(
        replace(span, first=first, last=last),
        surface,
        lambda s: lookup_name(s) or lookup_name(forms),
    )


def to_analysed(doc: Document, name: str = "conllu") -> AnalysedDoc:
    """Turn a CoNLL-U Document into an AnalysedDoc over the plain text it encodes."""
    parsed = list(parse(doc.text, doc.source))
    pieces: list[str] = []
    sentences: list[Sentence] = []
    offset = 0
    for index, s in enumerate(parsed):
        text = s.text if s.text is not None else _reconstruct(s)
        try:
            spans = _align(text, s, doc.source)
        except InputError as exc:
            if s.text is None:
                raise
            log.warning("%s; using the text its words spell", exc)
            text = _reconstruct(s)
            spans = _align(text, s, doc.source)
        if pieces:
            sep = "\n\n" if s.newpar else "\n"
            pieces.append(sep)
            offset += len(sep)
        tokens = tuple(
            Token(
                id=k,
                form=w.form,
                lemma=w.lemma,
                upos=w.upos,
                head=w.head,
                deprel=w.deprel if w.head or w.deprel != "dep" else "root",
                start=offset + a,
                end=offset + b,
                feats=w.feats,
                xpos=w.xpos,
                misc=w.misc,
            )
            for k, (w, (a, b)) in enumerate(zip(s.words, spans, strict=True), 1)
        )
        ner = _ner_spans(s.words)
        if ner is None:
            ents = tuple(find_entities(tokens))
        else:
            ents = tuple(
                _named(e, tokens, text, offset) for e in ner if trim(tokens, e.first, e.last)
            )
        sentences.append(
            Sentence(
                index=index,
                start=offset,
                end=offset + len(text),
                text=text,
                tokens=tokens,
                entities=ents,
            )
        )
        pieces.append(text)
        offset += len(text)
    plain = Document(
        id=doc.id,
        text="".join(pieces),
        lang=doc.lang,
        source=doc.source,
        format="text",
        meta=doc.meta,
    )
    return AnalysedDoc(doc=plain, sentences=tuple(sentences), analyser=name)


class ConlluAnalyser(Analyser):
    """Reads UD parses from CoNLL-U documents (``Document.format == "conllu"``)."""

    name = "conllu"
    formats = frozenset({"conllu"})
    languages = None

    def analyse(self, doc: Document) -> AnalysedDoc:
        return to_analysed(doc, self.name)


def dumps(analysed: AnalysedDoc) -> str:
    """An AnalysedDoc as CoNLL-U (one line per syntactic word, ``# text`` per sentence).

    Entity spans go into MISC as ``NER=B-Class``/``I-Class``, so the file reads back
    with the same mentions.
    """
    out: list[str] = [f"# newdoc id = {analysed.doc.id}"]
    for s in analysed.sentences:
        out.append(f"# sent_id = {analysed.doc.id}-{s.index}")
        out.append(f"# text = {' '.join(s.text.split())}")
        tags: dict[int, str] = {}
        for e in s.entities:
            for k in range(e.first, e.last + 1):
                tags[k] = ("B-" if k == e.first else "I-") + e.label
        for t in s.tokens:
            misc = [m for m in t.misc.split("|") if m and m != "_" and not m.startswith("NER=")]
            if t.id in tags:
                misc.append("NER=" + tags[t.id])
            cols = [
                str(t.id),
                t.form,
                t.lemma or "_",
                t.upos,
                t.xpos or "_",
                t.feats or "_",
                str(t.head),
                t.deprel,
                "_",
                "|".join(misc) or "_",
            ]
            out.append("\t".join(c.replace("\t", " ").replace("\n", " ") or "_" for c in cols))
        out.append("")
    return "\n".join(out) + "\n"
