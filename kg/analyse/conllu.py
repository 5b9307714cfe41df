"""The ``conllu`` analyser: parses produced by any UD parser, read from CoNLL-U.

Handles multi-word token lines (``3-4``), empty nodes (``5.1``, skipped: they are not
in the basic tree), comments, ``# text`` / ``# newdoc`` / ``# newpar``, and a named
entity tag in MISC (``NER=B-PER`` or ``ner=...``, IOB/BIOES). Where a sentence has no
NER tags, entity spans come from the gazetteer, as for the rules analyser.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from ..errors import InputError
from ..model import AnalysedDoc, Document, EntitySpan, Sentence, Token
from ..text import normalize
from .names import find_entities

_NER_CLASSES = {
    "PER": "Person",
    "PERSON": "Person",
    "ORG": "Organization",
    "ORGANIZATION": "Organization",
    "LOC": "Place",
    "LOCATION": "Place",
    "GPE": "Place",
    "FAC": "Place",
    "NORP": "Group",
    "EVENT": "Event",
    "DATE": "TimeExpression",
    "TIME": "TimeExpression",
    "MISC": "Thing",
}


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
    surface: tuple[str, int] | None = None  # (MWT surface form, index of this word in it)


@dataclass
class _Sent:
    words: list[_Word]
    text: str | None
    newpar: bool
    line: int
    mwt: dict[int, tuple[int, str]]  # first word id -> (last word id, surface form)


def parse(text: str, source: str = "<conllu>") -> Iterator[_Sent]:
    """Parse CoNLL-U into sentences; malformed lines raise InputError naming the line."""
    words: list[_Word] = []
    sent_text: str | None = None
    newpar = False
    start_line = 1
    mwt: dict[int, tuple[int, str]] = {}
    lines = text.splitlines()
    for n, line in enumerate([*lines, ""], 1):
        if not line.strip():
            if words:
                yield _Sent(words, sent_text, newpar, start_line, mwt)
            words, sent_text, newpar, mwt = [], None, False, {}
            start_line = n + 1
            continue
        if line.startswith("#"):
            key, _, value = line[1:].partition("=")
            key = key.strip()
            if key == "text":
                sent_text = value.strip()
            elif key in ("newpar", "newpar id", "newdoc", "newdoc id") or key.startswith(("newpar", "newdoc")):
                newpar = True
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise InputError(f"{source}:{n}", f"expected 10 tab-separated columns, found {len(cols)}")
        wid = cols[0]
        if "." in wid:
            continue  # empty node of the enhanced graph
        if "-" in wid:
            a, _, b = wid.partition("-")
            if not (a.isdigit() and b.isdigit()):
                raise InputError(f"{source}:{n}", f"bad multi-word token id {wid!r}")
            mwt[int(a)] = (int(b), cols[1])
            continue
        if not wid.isdigit():
            raise InputError(f"{source}:{n}", f"bad token id {wid!r}")
        head = cols[6]
        words.append(
            _Word(
                id=int(wid),
                form=cols[1],
                lemma=cols[2] if cols[2] != "_" or cols[1] == "_" else cols[1],
                upos=cols[3],
                xpos=cols[4],
                feats=cols[5],
                head=int(head) if head.isdigit() else 0,
                deprel=cols[7] if cols[7] != "_" else "dep",
                misc=cols[9],
                line=n,
            )
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
            end_misc = ws[j - 1].misc
            out.append(" " if _space_after(end_misc) else "")
            i = j
            continue
        out.append(w.form)
        out.append(" " if _space_after(w.misc) else "")
        i += 1
    return "".join(out).strip()


def _align(sent_text: str, offset: int, s: _Sent, source: str) -> list[tuple[int, int]]:
    """Character spans of each word inside the sentence text."""
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
                raise InputError(f"{source}:{w.line}", f"token {surface!r} not found in '# text' of the sentence")
            end = start + len(surface)
            spans.extend(_split_surface(surface, start, [g.form for g in group]))
            pos = end
            i += len(group)
            continue
        start = _find(sent_text, w.form, pos)
        if start < 0:
            raise InputError(f"{source}:{w.line}", f"word {w.form!r} not found in '# text' of the sentence")
        spans.append((start, start + len(w.form)))
        pos = start + len(w.form)
        i += 1
    return [(a + offset, b + offset) for a, b in spans]


def _find(text: str, form: str, pos: int) -> int:
    i = text.find(form, pos)
    if i >= 0:
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
    return -1


def _split_surface(surface: str, start: int, forms: list[str]) -> list[tuple[int, int]]:
    """Spans of the words of a multi-word token inside its surface form.

    Words are located greedily left to right by their normalised form; where a word's
    form is not a substring (Arabic ``ل`` + ``الـ`` written ``لل``), it takes the
    characters up to the next word, and the last word takes the rest.
    """
    n = len(forms)
    spans: list[tuple[int, int]] = []
    pos = 0
    norm_surface = normalize(surface)
    same_len = len(norm_surface) == len(surface)
    for k, f in enumerate(forms):
        nf = normalize(f)
        hay = norm_surface if same_len else surface
        idx = hay.find(nf if same_len else f, pos)
        if k == n - 1:
            a = pos if idx < 0 else idx
            spans.append((start + a, start + len(surface)))
            break
        if idx == pos and nf:
            spans.append((start + pos, start + pos + len(f)))
            pos += len(f)
        else:
            width = max(1, min(len(f), len(surface) - pos - (n - k - 1)))
            spans.append((start + pos, start + pos + width))
            pos += width
    return spans


def _ner_spans(words: list[_Word]) -> list[EntitySpan]:
    spans: list[EntitySpan] = []
    cur: tuple[int, str] | None = None
    last_id = 0
    for w in words:
        tag = ""
        for item in w.misc.split("|"):
            k, _, v = item.partition("=")
            if k.lower() == "ner":
                tag = v
        prefix, _, label = tag.partition("-") if "-" in tag else ("O" if tag in ("", "O", "_") else "B", "", tag)
        if prefix in ("B", "S", "U") or (prefix in ("I", "E", "L") and (cur is None or cur[1] != label)):
            if cur is not None:
                spans.append(EntitySpan(cur[0], last_id, _NER_CLASSES.get(cur[1].upper(), cur[1]), "ner"))
            cur = (w.id, label)
        elif prefix == "O" and cur is not None:
            spans.append(EntitySpan(cur[0], last_id, _NER_CLASSES.get(cur[1].upper(), cur[1]), "ner"))
            cur = None
        last_id = w.id
        if prefix in ("E", "L", "S", "U") and cur is not None:
            spans.append(EntitySpan(cur[0], w.id, _NER_CLASSES.get(cur[1].upper(), cur[1]), "ner"))
            cur = None
    if cur is not None:
        spans.append(EntitySpan(cur[0], last_id, _NER_CLASSES.get(cur[1].upper(), cur[1]), "ner"))
    return spans


def to_analysed(doc: Document, name: str = "conllu") -> AnalysedDoc:
    """Turn a CoNLL-U Document into an AnalysedDoc over the plain text it encodes."""
    parsed = list(parse(doc.text, doc.source))
    pieces: list[str] = []
    sentences: list[Sentence] = []
    offset = 0
    for index, s in enumerate(parsed):
        text = s.text if s.text is not None else _reconstruct(s)
        if pieces:
            sep = "\n\n" if s.newpar else "\n"
            pieces.append(sep)
            offset += len(sep)
        spans = _align(text, 0, s, doc.source)
        renum = {w.id: k for k, w in enumerate(s.words, 1)}
        tokens = tuple(
            Token(
                id=k,
                form=w.form,
                lemma=w.lemma,
                upos=w.upos,
                head=renum.get(w.head, 0),
                deprel=w.deprel,
                start=offset + a,
                end=offset + b,
                feats=w.feats,
                xpos=w.xpos,
                misc=w.misc,
            )
            for k, (w, (a, b)) in enumerate(zip(s.words, spans, strict=True), 1)
        )
        ner = _ner_spans(s.words)
        sent = Sentence(index=index, start=offset, end=offset + len(text), text=text, tokens=tokens)
        if ner:
            ents = tuple(replace(e, first=renum[e.first], last=renum[e.last]) for e in ner)
        else:
            ents = tuple(find_entities(tokens))
        sentences.append(replace(sent, entities=ents))
        pieces.append(text)
        offset += len(text)
    plain = Document(
        id=doc.id, text="".join(pieces), lang=doc.lang, source=doc.source, format="text", meta=doc.meta
    )
    return AnalysedDoc(doc=plain, sentences=tuple(sentences), analyser=name)


class ConlluAnalyser:
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
            cols = [str(t.id), t.form, t.lemma or "_", t.upos, t.xpos or "_", t.feats or "_", str(t.head), t.deprel, "_", "|".join(misc) or "_"]
            out.append("\t".join(c.replace("\t", " ").replace("\n", " ") or "_" for c in cols))
        out.append("")
    return "\n".join(out) + "\n"
