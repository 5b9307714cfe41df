"""The attested lexicon read in a few passes holds what a line-by-line reading holds."""

from __future__ import annotations

import gzip
from importlib.resources import files

from kg.analyse.rules.lexicon_text import read_lexicon, split_lexicon
from kg.analyse.rules.morph import _lexicon


def test_the_shipped_lexicon_is_split_as_it_is_read_line_by_line() -> None:
    text = gzip.decompress(files("kg").joinpath("data/ar_lexicon.tsv.gz").read_bytes()).decode()
    fast = split_lexicon(text)
    assert fast is not None  # the shipped file takes the fast path
    plain = read_lexicon(text)
    assert list(fast[0].items()) == list(plain[0].items())
    assert list(fast[1].items()) == list(plain[1].items())
    assert _lexicon() == plain


def test_texts_of_another_shape_are_left_to_the_line_by_line_reading() -> None:
    for text in (
        "a\t,x\nb\t,y\t,z\nc\n",  # two tabs on one line, none on another
        "a\t,x\n\nb\t,y\n",  # a blank line
        "a\t,x\n#lemma\ta\t1\nb\t,y\n",  # a form after the weights
        "a,b\t,x\n",  # a comma in a form
        "a\t,x\nb\t,y",  # no final newline
    ):
        assert split_lexicon(text) is None or split_lexicon(text) == read_lexicon(text), text
