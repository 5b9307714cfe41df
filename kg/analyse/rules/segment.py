"""Sentence splitting and word tokenisation with character offsets.

Sentences end at ``. ! ? ؟`` (not inside numbers such as 3.5, not inside a quotation
that closes later on the same line) and at line breaks; a headline line without final
punctuation is a sentence of its own. Very long sentences are cut at commas, then at
spaces, so that no sentence exceeds MAX_SENTENCE_WORDS words (hostile input such as one
100k-character "sentence" stays linear).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

MAX_SENTENCE_WORDS = 150
MAX_TOKEN_CHARS = 200  # longer runs of letters are cut: no real word is that long

_INVIS = "\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad"
_AR = "\u0621-\u063a\u0641-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff"
_DIAC = "\u064b-\u065f\u0670\u0610-\u061a\u06d6-\u06ed\u0640"
WORD_RE = re.compile(
    rf"(?P<num>[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,\u066b\u066c][0-9\u0660-\u0669\u06f0-\u06f9]+)*)"
    # د. / م. before a name: the abbreviated courtesy titles (doctor, engineer), one word
    rf"|(?P<abbr>(?<![{_AR}{_DIAC}])[دم]\.(?=\s+[{_AR}]))"
    rf"|(?P<ar>[{_AR}{_DIAC}{_INVIS}]*[{_AR}][{_AR}{_DIAC}{_INVIS}]*)"
    rf"|(?P<lat>[A-Za-z\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f{_INVIS}]*(?:['\u2019\-][A-Za-z0-9\u00c0-\u024f]+)*)"
    # a hashtag's marks (#القمة_العربية): no words, the words they join are read as written
    rf"|(?P<tag>#(?=[{_AR}])|(?<=[{_AR}{_DIAC}])_(?=[{_AR}]))"
    rf"|(?P<punct>[^\s{_INVIS}])"
)

_END = set(".!?؟…")
_OPEN_Q = {"«": "»", "“": "”", "„": "”", "‹": "›"}
_CLOSERS = set("»”›\"')]")


#: Where a line ends: LF, or a CR not followed by LF (old Mac files).
_LINE_END = re.compile("\n|\r(?!\n)")


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) spans of sentences in ``text``; whitespace trimmed.

    >>> t = "قال الوزير: «نحن هنا. وسنبقى». ثم غادر.\\nعنوان بلا نقطة\\nبلغت النسبة 3.5 في المئة."
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['قال الوزير: «نحن هنا. وسنبقى».', 'ثم غادر.', 'عنوان بلا نقطة', 'بلغت النسبة 3.5 في المئة.']
    >>> t = "قال ذلك.وأضاف أن وكالة أ.ف.ب نقلت الخبر."
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['قال ذلك.', 'وأضاف أن وكالة أ.ف.ب نقلت الخبر.']
    """
    pos = 0
    for line in _LINE_END.split(text):  # a CRLF line keeps its CR, trimmed as whitespace
        start = pos
        pos += len(line) + 1
        for a, b in _split_line(line):
            yield from _cut_long(text, start + a, start + b)


#: The characters :func:`_split_line` acts on: ends of sentences, and (where a line's
#: quotation marks pair up) the marks that open and close quotations. It jumps from one
#: to the next; every other character leaves its state as it is.
_ENDS_AT = re.compile("[" + re.escape("".join(sorted(_END))) + "]")
_ENDS_OR_QUOTES_AT = re.compile(
    "[" + re.escape("".join(sorted(_END | set(_OPEN_Q) | set(_OPEN_Q.values()) | {'"'}))) + "]"
)


def _split_line(line: str) -> Iterator[tuple[int, int]]:
    """The sentences of one line: a full stop inside a quotation closed later on the line
    ends none (where the line's marks pair up; an unpaired one is not counted).

    >>> line = 'ردد المحتجون "ارحلوا. ارحلوا" ثم تفرقوا. وعاد الهدوء «تماما».'
    >>> [line[a:b] for a, b in _split_line(line)]
    ['ردد المحتجون "ارحلوا. ارحلوا" ثم تفرقوا.', 'وعاد الهدوء «تماما».']
    >>> line = 'قال: "لن نتراجع. انتهى الأمر'
    >>> [line[a:b] for a, b in _split_line(line)]
    ['قال: "لن نتراجع.', 'انتهى الأمر']
    """
    n = len(line)
    begin = 0
    i = 0
    depth = 0
    closing: list[str] = []
    ascii_open = False
    balanced = _quotes_balanced(line)
    marks = _ENDS_OR_QUOTES_AT if balanced else _ENDS_AT
    while i < n:
        found = marks.search(line, i)
        if found is None:
            break
        i = found.start()
        c = line[i]
        if balanced:
            if c in _OPEN_Q:
                closing.append(_OPEN_Q[c])
            elif closing and c == closing[-1]:
                closing.pop()
            elif c == '"':
                ascii_open = not ascii_open
            depth = len(closing) + (1 if ascii_open else 0)
        if c in _END and depth == 0:
            if c == "." and 0 < i < n - 1 and line[i - 1].isdigit() and line[i + 1].isdigit():
                i += 1
                continue
            if c == "." and _letter_abbreviation(line, i):
                i += 1
                continue
            j = i + 1
            while j < n and (line[j] in _END or line[j] in _CLOSERS):
                j += 1
            if j >= n or line[j].isspace() or _glued(line, i, j):
                yield from _trim(line, begin, j)
                begin = j
                i = j
                continue
        i += 1
    yield from _trim(line, begin, n)


_LETTER = re.compile(rf"[{_AR}]")


def _letter_abbreviation(line: str, i: int) -> bool:
    """A full stop after a one-letter word before more text (د. عبدالله, م. خالد: doctor,
    engineer): an abbreviation, no sentence end."""
    return (
        i >= 1
        and _LETTER.match(line[i - 1]) is not None
        and (i == 1 or not _LETTER.match(line[i - 2]))
        and i + 2 < len(line)
        and line[i + 1].isspace()
        and _LETTER.match(line[i + 2]) is not None
    )


def _glued(line: str, i: int, j: int) -> bool:
    """A full stop with no space after it between two Arabic words of two letters or more
    (قال ذلك.وأضاف): a sentence end typed without its space. Not an abbreviation (أ.ف.ب,
    د.محمد) nor a number."""
    if j >= len(line) or not _LETTER.match(line[j]) or line[i] != ".":
        return False
    k = i
    while k > 0 and _LETTER.match(line[k - 1]):
        k -= 1
    m = j
    while m < len(line) and _LETTER.match(line[m]):
        m += 1
    return i - k >= 2 and m - j >= 2


def _quotes_balanced(line: str) -> bool:
    ascii_even = line.count('"') % 2 == 0
    pairs = all(line.count(o) == line.count(c) for o, c in (("«", "»"), ("“", "”")))
    return ascii_even and pairs


def _trim(s: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    while a < b and s[a].isspace():
        a += 1
    while b > a and s[b - 1].isspace():
        b -= 1
    if a < b:
        yield a, b


def _cut_long(text: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    """Cut a sentence of more than MAX_SENTENCE_WORDS words at commas, else at spaces."""
    if b - a < MAX_SENTENCE_WORDS * 4:
        yield a, b
        return
    words = [m.start() + a for m in re.finditer(r"\S+", text[a:b])]
    if len(words) <= MAX_SENTENCE_WORDS:
        yield a, b
        return
    start = a
    count = 0
    last_comma = -1
    for w in words:
        if w <= start:
            continue
        count += 1
        if text[w - 2 : w - 1] in ("،", ",", "؛", ";") or text[w - 1 : w] in ("،", ","):
            last_comma = w
        if count >= MAX_SENTENCE_WORDS:
            cut = last_comma if last_comma > start else w
            yield from _trim(text, start, cut)
            start = cut
            count = 0
            last_comma = -1
    yield from _trim(text, start, b)


def words(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, kind) of the words of ``text[start:end]``; kind is num/ar/lat/punct.

    >>> t = "أكد أن 25 % من الـ68 دولة (ناتو) ستشارك."
    >>> [t[a:b] for a, b, _ in words(t, 0, len(t))]
    ['أكد', 'أن', '25', '%', 'من', 'الـ', '68', 'دولة', '(', 'ناتو', ')', 'ستشارك', '.']
    >>> t = "قال #محمود_عباس إن #القمة_العربية ستعقد في #السعودية."
    >>> [t[a:b] for a, b, _ in words(t, 0, len(t))]
    ['قال', 'محمود', 'عباس', 'إن', 'القمة', 'العربية', 'ستعقد', 'في', 'السعودية', '.']
    """
    for m in WORD_RE.finditer(text, start, end):
        kind = m.lastgroup or "punct"
        if kind == "tag":
            continue
        if kind == "abbr":
            kind = "ar"
        a, b = m.span()
        if b - a > MAX_TOKEN_CHARS:
            for k in range(a, b, MAX_TOKEN_CHARS):
                yield k, min(b, k + MAX_TOKEN_CHARS), kind
        else:
            yield a, b, kind
