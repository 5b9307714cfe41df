"""The attested lexicon read in a few passes, or searched in place, holds what a
line-by-line reading holds."""

from __future__ import annotations

import gzip
from importlib.resources import files

from kg.analyse.rules.lexicon_forms import SortedForms, sorted_forms
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


def test_the_shipped_lexicon_is_searched_in_place_with_the_dicts_answers() -> None:
    data = gzip.decompress(files("kg").joinpath("data/ar_lexicon.tsv.gz").read_bytes())
    found = sorted_forms(data)
    assert found is not None  # the shipped file takes the bisected path
    forms, weights = found
    plain = read_lexicon(data.decode())
    assert weights == plain[1]
    assert all(forms.get(form) == readings for form, readings in plain[0].items())
    near = [form + "ة" for form in plain[0]] + [form[:-1] for form in plain[0]]
    assert [w in forms for w in near] == [w in plain[0] for w in near]
    assert [forms.get(w) for w in ("", "\t", "x\ny", "\ud800")] == [None] * 4
    assert isinstance(_lexicon()[0], SortedForms)


def test_sorted_forms_answers_as_the_dict_or_leaves_the_text_to_it() -> None:
    texts = {
        "a\tx\nb\ty\n#lemma\ta\t1\n": True,
        "a\tx\na\ty\n": True,  # a form twice: its last line, as in the dict
        "": True,
        "a\tx\nb\n": False,  # a line without a tab
        "a\tx\ty\nb\n": False,  # two tabs on a line
        "a\tx\n\nb\ty\n": False,  # a blank line
        "b\tx\na\ty\n": False,  # out of order
        "a\tx\n#lemma\ta\t1\nb\ty\n": False,  # a form after the weights
        "a\tx\nb\ty": False,  # no final newline
    }
    for text, taken in texts.items():
        found = sorted_forms(text.encode())
        assert (found is not None) == taken, text
        if found is not None:
            plain = read_lexicon(text)
            assert dict(found[0].items()) == plain[0] and found[1] == plain[1], text
            assert all(found[0][form] == readings for form, readings in plain[0].items())
