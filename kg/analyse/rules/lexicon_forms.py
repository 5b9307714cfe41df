"""The attested lexicon's form lines as a sorted list of their bytes searched by
bisection, instead of a dict of some 95,000 decoded strings made at start-up (most of the
lexicon's loading time; a corpus asks for a few tens of thousands of forms).

One split of the decompressed bytes gives the lines; a look-up bisects them (in C) for the
first line at or after ``form TAB`` (a tab sorts before every letter, so that line is the
form's own when the lexicon lists it) and decodes that line's readings only. The answers
are those of the dict :func:`kg.analyse.rules.lexicon_text.read_lexicon` makes of the same
text (a form listed twice: its last line); :func:`sorted_forms` checks at load time what
this needs (every form line holds one tab, the lines come in order, the rest are weight
lines) and gives None otherwise, for the dict to be made instead.

>>> forms, weights = sorted_forms("أب\\t,أب,N\\nكتب\\t,كتب,V\\n#lemma\\tكتب\\t0.5\\n".encode())
>>> forms.get("كتب"), forms["أب"], "كتاب" in forms, forms.get("كت"), len(forms), weights
(',كتب,V', ',أب,N', False, None, 2, {'كتب': 0.5})
>>> dict(forms)
{'أب': ',أب,N', 'كتب': ',كتب,V'}
>>> sorted_forms("كتب\\t,x\\nأب\\t,y\\n".encode()) is None  # not in order
True
>>> sorted_forms("أب\\t,x\\nأب\\t,y\\n".encode())[0]["أب"]  # twice: the last line
',y'
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Mapping

from .lexicon_text import split_lexicon

#: Every byte but a tab and a newline (deleted to see the lines' shape in C).
_NOT_TAB_OR_NEWLINE = bytes(c for c in range(256) if c not in b"\t\n")


class SortedForms(Mapping[str, str]):
    """Form -> readings as written, over the form lines' bytes (each ``form TAB
    readings``), in the order of their bytes."""

    __slots__ = ("lines",)

    def __init__(self, lines: list[bytes]) -> None:
        self.lines = lines

    def get(self, word: str, default: str | None = None) -> str | None:  # type: ignore[override]
        try:
            key = word.encode("utf-8") + b"\t"
        except UnicodeEncodeError:  # a lone surrogate: in no UTF-8 text
            return default
        lines = self.lines
        i = bisect_left(lines, key)
        if i == len(lines) or not lines[i].startswith(key):
            return default
        while i + 1 < len(lines) and lines[i + 1].startswith(key):
            i += 1  # the form's last line, as a dict made line by line keeps it
        return lines[i][len(key) :].decode("utf-8")

    def __getitem__(self, word: str) -> str:
        found = self.get(word)
        if found is None:
            raise KeyError(word)
        return found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def _pairs(self) -> dict[str, str]:
        return dict(line.decode("utf-8").split("\t", 1) for line in self.lines)

    def __iter__(self) -> Iterator[str]:
        return iter(self._pairs())

    def items(self) -> Iterator[tuple[str, str]]:  # type: ignore[override]
        return iter(self._pairs().items())

    def __len__(self) -> int:
        return len(self._pairs())


def sorted_forms(data: bytes) -> tuple[SortedForms, dict[str, float]] | None:
    """The lexicon's decompressed bytes as a :class:`SortedForms` and the lemma weights;
    None unless every line before the first ``#lemma`` one holds one tab (no blank line),
    those lines come in the order of their bytes, and the lines after are all weight lines
    (as :func:`split_lexicon` takes them)."""
    cut = data.find(b"#lemma\t")
    if cut < 0:
        cut = len(data)
        if data and not data.endswith(b"\n"):
            return None
    elif cut > 0 and data[cut - 1] != 10:  # a newline before the weights
        return None
    count = data.count(b"\n", 0, cut)
    if not data.translate(None, _NOT_TAB_OR_NEWLINE).startswith(b"\t\n" * count):
        return None  # a form line without its tab, or with two
    lines = data.split(b"\n", count)
    rest = lines.pop()  # the text after the form lines
    if not all(map(bytes.__le__, lines[:-1], lines[1:])):
        return None
    try:
        weights = split_lexicon(rest.decode("utf-8"))
    except UnicodeDecodeError:
        return None
    if weights is None or weights[0]:
        return None
    return SortedForms(lines), weights[1]
