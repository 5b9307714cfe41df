"""The attested lexicon's text (``kg/data/ar_lexicon.tsv.gz``, decompressed) as two
tables: form -> its readings as written, and lemma -> its corpus weight.

The file holds some 95,000 ``form TAB readings`` lines, then some 14,000 ``#lemma TAB
lemma TAB weight`` lines; every analysis needs it, so it is read in a few passes over the
whole text rather than line by line (:func:`split_lexicon`), with the plain reading
(:func:`read_lexicon`) for any text not of that shape.
"""

from __future__ import annotations

import operator
from itertools import repeat


def split_lexicon(text: str) -> tuple[dict[str, str], dict[str, float]] | None:
    r"""The lexicon's ``form TAB readings`` lines, then its ``#lemma TAB lemma TAB weight``
    lines, read by splitting the whole text once (no loop over 100,000 lines in Python);
    None unless the text is plainly that: one tab on each form line, a comma in every
    readings field and none in a form, no blank line.

    >>> split_lexicon("كتب\t,كتب,V\n#lemma\tكتب\t0.5\n")
    ({'كتب': ',كتب,V'}, {'كتب': 0.5})
    >>> split_lexicon("كتب\t\n") is None  # a form without readings: read line by line
    True
    """
    cut = text.find("#lemma\t")
    if cut > 0 and text[cut - 1] != "\n":
        return None
    if cut < 0:
        cut = len(text)
    lines = text.count("\n", 0, cut)  # the form lines (the text is not cut: no copy)
    if "\n\n" in text or text.count("\t", 0, cut) != lines or text[:1] == "\n":
        return None
    fields = text.replace("\t", "\n").split("\n")
    forms_at, readings_at = fields[0 : 2 * lines : 2], fields[1 : 2 * lines : 2]
    if "," in "".join(forms_at) or not all(map(operator.contains, readings_at, repeat(","))):
        return None
    rows = fields[2 * lines : -1]
    if rows[0::3] != ["#lemma"] * (len(rows) // 3) or len(rows) % 3:
        return None
    return dict(zip(forms_at, readings_at, strict=True)), {
        lemma: float(w) for lemma, w in zip(rows[1::3], rows[2::3], strict=True)
    }


def read_lexicon(text: str) -> tuple[dict[str, str], dict[str, float]]:
    """The lexicon read line by line (a file :func:`split_lexicon` does not take)."""
    forms: dict[str, str] = {}
    weights: dict[str, float] = {}
    for line in text.split("\n"):
        if not line:
            continue
        if line.startswith("#lemma\t"):
            _, lemma, w = line.split("\t")
            weights[lemma] = float(w)
            continue
        form, _, rest = line.partition("\t")
        forms[form] = rest
    return forms, weights
