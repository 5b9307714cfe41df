"""Arabic spellings of one foreign name: the variants papers print, and the key they share.

A foreign name reaches Arabic news in several spellings. The same Guterres is غوتيريش
(most papers), جوتيريش (Egyptian papers write g as ج), غوتيريس (s as س) and قوتيريش (Gulf
papers may write g as ق); Tillerson is تيلرسون or تيليرسون (an e/i written as ي or not);
a v is ف or ڤ (Levantine papers). :func:`skeleton` maps all of these to one key, so the
gazetteer matches any of them against one row and unlinked people are merged across
documents by it (:func:`kg.graph.entity_iri`); :func:`variants` lists the spellings a
row stands for.

The rules are for foreign names only, and a word is left as it is when it is probably
Arabic: shorter than five letters (سعيد/سعد, قاسم/جاسم stay apart), a known first name
(سليمان is not سلمان), or carrying the article (الحسيني is not الحسني). Hamza seats, alef
forms, alef maqsura and taa marbuta are already unified by :func:`kg.text.normalize`.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product

from ..lexicon.words import first_names
from ..text import ARABIC_LETTER, normalize

#: Classes whose names are matched and merged in any of their spellings: the foreign
#: people of the news. Places and bodies keep the fixed Arabic names the gazetteer gives.
SPELT_CLASSES = frozenset({"Person"})

#: Letters that never occur in Arabic words, mapped to the usual letter for the sound
#: (ڤ v, گ g, پ p, چ ch); safe in every word.
_FOREIGN_LETTERS = str.maketrans({"ڤ": "ف", "گ": "ج", "پ": "ب", "چ": "ج", "ڨ": "ج"})
#: The three ways of writing g (غ Levantine and most papers, ج Egyptian, ق Gulf).
_G = "غجق"
_MIN_LETTERS = 5
#: At most this many spellings are listed per word (the product over a name is capped too).
_MAX_FORMS = 64


def _foreign(word: str) -> bool:
    """Whether the spelling rules apply to a word (normalised): see the module docstring."""
    return (
        len(word) >= _MIN_LETTERS
        and not word.startswith("ال")
        and word not in first_names()
        and ARABIC_LETTER.search(word) is not None
    )


@lru_cache(maxsize=100_000)
def word_skeleton(word: str) -> str:
    """The key of one normalised word: g letters as ج, no ي between its first and last
    letter, a final ش as س, doubled letters once.

    >>> word_skeleton("غوتيريش") == word_skeleton("جوتيريس") == word_skeleton("قوتيريش")
    True
    >>> word_skeleton("سعيد"), word_skeleton("الحسيني"), word_skeleton("Müller")
    ('سعيد', 'الحسيني', 'Müller')
    """
    w = word.translate(_FOREIGN_LETTERS)
    if not _foreign(w):
        return w
    w = "".join("ج" if c in _G else c for c in w)
    w = w[0] + w[1:-1].replace("ي", "") + w[-1]
    if w.endswith("ش"):
        w = w[:-1] + "س"
    return "".join(c for i, c in enumerate(w) if i == 0 or c != w[i - 1])


def skeleton(name: str) -> str:
    """The key shared by the spellings of a name (normalised, word by word).

    >>> skeleton("ريكس تيلرسون") == skeleton("ريكس تيليرسون")
    True
    >>> skeleton("أنطونيو غوتيريش") == skeleton("انطونيو جوتيريس")
    True
    >>> skeleton("محمود عباس") == skeleton("محمد عباس")
    False
    """
    return " ".join(word_skeleton(w) for w in normalize(name).split())


def _word_forms(word: str) -> list[str]:
    """Spellings of one normalised word that share its skeleton (the word first)."""
    if not _foreign(word.translate(_FOREIGN_LETTERS)):
        return list(dict.fromkeys((word, word.translate(_FOREIGN_LETTERS))))
    options: list[tuple[str, ...]] = []
    for i, c in enumerate(word):
        if c in _G:
            options.append(tuple(dict.fromkeys((c, *_G))))
        elif c in "فڤ":
            options.append((c, "ڤ" if c == "ف" else "ف"))
        elif c == "ي" and 0 < i < len(word) - 1:
            options.append(("ي", ""))
        elif c in "سش" and i == len(word) - 1:
            options.append((c, "ش" if c == "س" else "س"))
        else:
            options.append((c,))
    key = word_skeleton(word)
    out: list[str] = []
    for combo in product(*options):
        form = "".join(combo)
        if word_skeleton(form) == key:  # a form too short for the rules is not one of them
            out.append(form)
        if len(out) >= _MAX_FORMS:
            break
    return out


#: Words after which «ال» belongs to a compound name (عبد الرحمن, أبو الغيط), not to a
#: surname that papers print with or without it.
_COMPOUND_HEADS = frozenset({"عبد", "ابو", "بو", "ام", "ذو", "ذي", "ابي"})


def article_free(key: str) -> str:
    """A person's name key (:func:`skeleton`) with the article of its later words dropped:
    papers print one surname with and without it (فيصل المقداد, فيصل مقداد), so both
    spellings share this key. The first word keeps it, as does a word after عبد or أبو
    (the article is part of the compound) and a word of fewer than three letters without it.

    >>> article_free(skeleton("فيصل المقداد")) == article_free(skeleton("فيصل مقداد"))
    True
    >>> article_free(skeleton("عبد الله الثاني")), article_free(skeleton("الحسن بن طلال"))
    ('عبد الله ثاني', 'الحسن بن طلال')
    """
    words = key.split()
    out = words[:1]
    for prev, w in zip(words, words[1:], strict=False):
        if w.startswith("ال") and len(w) >= 5 and prev not in _COMPOUND_HEADS:
            w = word_skeleton(w[2:])
        out.append(w)
    return " ".join(out)


def variants(name: str, limit: int = _MAX_FORMS) -> list[str]:
    """The spellings of a name the rules generate (the normalised name first).

    >>> "جوتيريس" in variants("غوتيريش"), "فلاديمير" in variants("ڤلاديمير")
    (True, True)
    >>> variants("محمد بن سلمان")
    ['محمد بن سلمان']
    """
    per_word = [_word_forms(w) for w in normalize(name).split()]
    out: list[str] = []
    for combo in product(*per_word):
        out.append(" ".join(combo))
        if len(out) >= limit:
            break
    return out


__all__ = ["SPELT_CLASSES", "article_free", "skeleton", "variants", "word_skeleton"]
