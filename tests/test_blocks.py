"""A table kept in compressed blocks answers every look-up as the whole sorted text does."""

from __future__ import annotations

import random
import zlib

import pytest

from kg.analyse.rules.blocks import Blocks, SortedLines, pack, unpack


def _lines(n: int) -> list[str]:
    rng = random.Random(7)
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    words = {"".join(rng.choice(letters) for _ in range(rng.randint(1, 9))) for _ in range(n)}
    return [f"{w}\t,{w[::-1]},N" for w in sorted(words)]


@pytest.mark.parametrize("block", [1, 64, 8192])
def test_every_key_and_its_neighbours_read_as_from_the_whole_text(block: int) -> None:
    lines = _lines(3000)
    data = pack("# head\tnote", lines, block=block)
    table = Blocks(data, data.index(b"\n") + 1)
    whole = SortedLines("".join(x + "\n" for x in lines).encode())
    assert len(table) == len(whole) == len(lines)
    keys = [x.split("\t")[0] for x in lines]
    for key in [*keys, *(k[:-1] for k in keys), *(k + "ي" for k in keys), "", "ء", "يييييييييي"]:
        assert table.get(key) == whole.get(key), key
    assert unpack(data) == ("# head\tnote", lines)
    assert pack("# head\tnote", lines, block=block) == data  # the same bytes again


def test_damaged_bytes_are_refused() -> None:
    data = pack("# head", _lines(200), block=256)
    start = data.index(b"\n") + 1
    for broken in (data[:-10], data[:start] + b"2 3\n" + data[start:], data + b"x"):
        with pytest.raises((ValueError, zlib.error)):
            Blocks(broken, start)


def test_a_damaged_block_knows_no_word() -> None:
    lines = _lines(200)
    data = bytearray(pack("# head", lines, block=256))
    start = data.index(b"\n") + 1
    table = Blocks(bytes(data), start)
    first, second = table.offsets[0], table.offsets[1]
    data[first : first + 4] = b"\xff\xff\xff\xff"  # the first block's zlib header
    table = Blocks(bytes(data), start)
    assert table.get(lines[0].split("\t")[0]) is None
    last = lines[-1].split("\t")
    assert table.get(last[0]) == last[1] and second > first
