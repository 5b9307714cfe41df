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
from dataclasses import dataclass, field, replace

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
    reader = _Reader(source)
    for n, line in enumerate([*text.lstrip("\ufeff").splitlines(), ""], 1):
        if not line.strip():
            sent = reader.end(n)
            if sent is not None:
                yield sent
        elif line.startswith("#"):
            reader.comment(line)
        else:
            reader.row(line, n)


@dataclass
class _Reader:
    """The sentence being read: its words, multi-word tokens and comments so far."""

    source: str
    words: list[_Word] = field(default_factory=list)
    sent_text: str | None = None
    newpar: bool = False
    newdoc: str | None = None
    start_line: int = 1
    mwt: dict[int, tuple[int, str]] = field(default_factory=dict)
    mwt_misc: dict[int, str] = field(default_factory=dict)

    def where(self, n: int) -> str:
        return f"{self.source}:{n}"

    def end(self, n: int) -> _Sent | None:
        """A blank line at line n: the sentence read so far (None if there was none)."""
        sent = None
        if self.words:
            _check_sentence(self.words, self.mwt, self.where(self.start_line))
            sent = _Sent(
                self.words,
                self.sent_text,
                self.newpar,
                self.start_line,
                self.mwt,
                self.newdoc,
                self.mwt_misc,
            )
        elif self.mwt:
            raise InputError(self.where(n - 1), "multi-word token line with no words after it")
        self.words, self.sent_text, self.newpar, self.newdoc = [], None, False, None
        self.mwt, self.mwt_misc = {}, {}
        self.start_line = n + 1
        return sent

    def comment(self, line: str) -> None:
        key, _, value = line[1:].partition("=")
        key = key.strip()
        if key == "text":
            self.sent_text = value.strip()
        elif key.startswith("newdoc"):
            self.newpar = True
            self.newdoc = value.strip() if key.startswith("newdoc id") else ""
        elif key.startswith("newpar"):
            self.newpar = True

    def row(self, line: str, n: int) -> None:
        """A word, multi-word token or empty node line."""
        cols = line.rstrip("\r\n").split("\t")
        if len(cols) != 10:
            raise InputError(self.where(n), f"expected 10 tab-separated columns, found {len(cols)}")
        wid = cols[0].strip()
        if "." in wid:
            a, _, b = wid.partition(".")
            if not (a.isdigit() and b.isdigit()):
                raise InputError(self.where(n), f"bad empty node id {wid!r}")
            return  # empty node of the enhanced graph
        if "-" in wid:
            self._multiword(wid, cols, n)
            return
        if not wid.isdigit():
            raise InputError(self.where(n), f"bad token id {wid!r}")
        if int(wid) != len(self.words) + 1:
            raise InputError(
                self.where(n), f"word id {wid} out of order (expected {len(self.words) + 1})"
            )
        self.words.append(_word(cols, n, self.where(n)))

    def _multiword(self, wid: str, cols: list[str], n: int) -> None:
        a, _, b = wid.partition("-")
        if not (a.isdigit() and b.isdigit()) or int(b) < int(a):
            raise InputError(self.where(n), f"bad multi-word token id {wid!r}")
        if int(a) != len(self.words) + 1:
            raise InputError(
                self.where(n),
                f"multi-word token {wid} does not start at the next word ({len(self.words) + 1})",
            )
        self.mwt[int(a)] = (int(b), cols[1])
        self.mwt_misc[int(a)] = cols[9]


def _word(cols: list[str], n: int, where: str) -> _Word:
    head = cols[6].strip()
    if head not in ("_", "") and not head.isdigit():
        raise InputError(where, f"bad head {head!r}")
    if not cols[1]:
        raise InputError(where, "empty FORM")
    return _Word(
        id=int(cols[0].strip()),
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
        text, spans = _text_and_spans(s, doc.source)
        if pieces:
            sep = "\n\n" if s.newpar else "\n"
            pieces.append(sep)
            offset += len(sep)
        sentences.append(_sentence(index, s, text, spans, offset))
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


def _text_and_spans(s: _Sent, source: str) -> tuple[str, list[tuple[int, int]]]:
    """The sentence's text and each word's span in it: ``# text`` when the words are found
    in it, else the text the words spell (with a warning)."""
    text = s.text if s.text is not None else _reconstruct(s)
    try:
        return text, _align(text, s, source)
    except InputError as exc:
        if s.text is None:
            raise
        log.warning("%s; using the text its words spell", exc)
        text = _reconstruct(s)
        return text, _align(text, s, source)


def _sentence(
    index: int, s: _Sent, text: str, spans: list[tuple[int, int]], offset: int
) -> Sentence:
    """A parsed sentence at ``offset`` of the document: tokens, and entity spans from the
    NER column, or found by name when the file has none."""
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
        ents = tuple(_named(e, tokens, text, offset) for e in ner if trim(tokens, e.first, e.last))
    return Sentence(
        index=index, start=offset, end=offset + len(text), text=text, tokens=tokens, entities=ents
    )


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
