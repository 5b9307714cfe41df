"""A sorted ``key TAB value`` table kept compressed in small blocks, so that a look-up
decompresses only the block that may hold its key (the shipped table of farahidi's
answers: some 200,000 lines, of which a corpus asks for a few thousand).

The file: a header line (any text), a line ``blocks words index-length``, the index
(zlib: one ``first-key TAB compressed-length`` line per block), then the blocks, each a
zlib stream of whole lines (about 8 KB of text). :func:`pack` writes it, :class:`Blocks`
reads it, :func:`unpack` gives the header and every line back.

>>> data = pack("# a table", ["a\\t1", "b\\t2", "c\\t3"], block=4)
>>> t = Blocks(data, data.index(b"\\n") + 1)
>>> t.get("b"), t.get("c"), t.get("bb"), t.get(""), len(t)
('2', '3', None, None, 3)
>>> unpack(data) == ("# a table", ["a\\t1", "b\\t2", "c\\t3"])
True
"""

from __future__ import annotations

import gzip
import itertools
import zlib
from bisect import bisect_right

#: The text a block holds, in bytes, before it is compressed (a line is never cut).
BLOCK = 8192


class SortedLines:
    r"""``key TAB value`` lines, sorted, as one UTF-8 text searched by bisection over its
    bytes: nothing is built at load time (no list of lines, no decoding), and UTF-8 keeps
    the order of the keys' characters.

    >>> t = SortedLines("كتاب\t,كتاب,N\nكتب\t,كتب,V\n".encode())
    >>> t.get("كتب"), t.get("كتاب"), t.get("كت"), t.get("كتبت"), len(t)
    (',كتب,V', ',كتاب,N', None, None, 2)
    """

    __slots__ = ("text", "size")

    def __init__(self, text: bytes) -> None:
        self.text = text  # lines ending in a newline
        self.size = text.count(b"\n")

    def get(self, word: str) -> str | None:
        key = word.encode("utf-8") + b"\t"  # a tab sorts before every letter
        text = self.text
        lo, hi = 0, len(text)  # the line starting at lo ... is before the one at hi
        while lo < hi:
            mid = text.rfind(b"\n", lo, (lo + hi) // 2) + 1 or lo  # a line's start
            end = text.index(b"\n", mid)
            if text.startswith(key, mid):
                return text[mid + len(key) : end].decode("utf-8")
            if text[mid:end] < key:
                lo = end + 1
            elif mid == lo:
                return None
            else:
                hi = mid
        return None

    def __len__(self) -> int:
        return self.size


class Blocks:
    """The blocks of a :func:`pack`-ed table from ``start`` (after its header line): the
    index read at once, a block decompressed (and kept) when a key falls in it. Raises
    ValueError (or zlib.error) when the bytes are not such a table; a block that does not
    decompress answers None for every key."""

    __slots__ = ("data", "firsts", "offsets", "size", "found")

    def __init__(self, data: bytes, start: int) -> None:
        eol = data.index(b"\n", start)
        count, self.size, index_length = map(int, data[start:eol].split())
        at = eol + 1 + index_length
        index = zlib.decompress(data[eol + 1 : at]).split(b"\n")[:-1]
        self.data = data
        self.firsts: list[bytes] = []
        self.offsets = [at]
        for line in index:
            first, _, length = line.rpartition(b"\t")
            self.firsts.append(first)
            self.offsets.append(self.offsets[-1] + int(length))
        if len(self.firsts) != count or self.offsets[-1] != len(data):
            raise ValueError("not a table of blocks")
        self.found: dict[int, SortedLines] = {}

    def get(self, word: str) -> str | None:
        k = bisect_right(self.firsts, word.encode("utf-8")) - 1  # the keys' order is the lines'
        if k < 0:
            return None
        block = self.found.get(k)
        if block is None:
            try:
                text = zlib.decompress(self.data[self.offsets[k] : self.offsets[k + 1]])
            except zlib.error:  # a damaged block knows no word: its words go to farahidi
                text = b""
            block = self.found[k] = SortedLines(text)
        return block.get(word)

    def __len__(self) -> int:
        return self.size


def pack(head: str, lines: list[str], block: int = BLOCK) -> bytes:
    """The header and the sorted ``key TAB value`` lines as a table of blocks (the same
    bytes for the same lines: zlib at level 9 has no time stamp)."""
    blocks: list[list[bytes]] = []
    size = block  # the current block is full: the first line opens one
    for line in lines:
        raw = line.encode("utf-8") + b"\n"
        if size >= block:
            blocks.append([])
            size = 0
        blocks[-1].append(raw)
        size += len(raw)
    packed = [zlib.compress(b"".join(b), 9) for b in blocks]
    firsts = [b[0].split(b"\t", 1)[0] for b in blocks]
    index = zlib.compress(
        b"".join(f + b"\t%d\n" % len(p) for f, p in zip(firsts, packed, strict=True)), 9
    )
    counts = b"%d %d %d\n" % (len(packed), len(lines), len(index))
    return head.encode("utf-8") + b"\n" + counts + index + b"".join(packed)


def unpack(data: bytes) -> tuple[str, list[str]]:
    """The header and every line of a :func:`pack`-ed table."""
    start = data.index(b"\n") + 1
    table = Blocks(data, start)
    text = b"".join(zlib.decompress(data[a:b]) for a, b in itertools.pairwise(table.offsets))
    return data[: start - 1].decode("utf-8"), text.decode("utf-8").splitlines()


def gunzip(data: bytes) -> bytes:
    """What ``gzip.decompress`` gives, made by zlib in one call for a file of one member
    (zlib checks its CRC as it inflates, where gzip.decompress reads the text once more
    for it); a file of several members goes to gzip.

    >>> gunzip(gzip.compress(b"abc")), gunzip(gzip.compress(b"ab") + gzip.compress(b"c"))
    (b'abc', b'abc')
    """
    inflate = zlib.decompressobj(wbits=31)
    text = inflate.decompress(data)
    if inflate.eof and not inflate.unused_data:
        return text
    return gzip.decompress(data)
