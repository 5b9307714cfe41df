"""Named-entity spans over English UD tokens, for analysers without a neural NER (the
English rules analyser) and for the names stanza's NER misses.

- the gazetteer's English labels plus ``kg/data/en/aliases.tsv`` (Tillerson, ISIS,
  Britain), matched longest first on lower-cased text, a leading "the" left out;
- runs of capitalised words nothing knows, typed by what announces them: a title
  (``Foreign Minister Sergei Lavrov`` -> Person), an organisation word inside the run
  (``Ministry``, ``Council``, ``Army``), or a place preposition (``in Mosul``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..lexicon.names import english_index, english_key
from ..lexicon.words import titles_en
from ..model import EntitySpan, Token

_ORG_WORDS = frozenset(
    "ministry council coalition army forces force party front agency department organization organisation union "
    "committee commission parliament assembly government police brigade brigades movement group alliance bank "
    "court office institute university company corporation association league authority".split()
)
_PLACE_PREPS = frozenset({"in", "at", "from", "to", "near", "into"})
#: Words of an office's name that no title list has on its own.
_OFFICE_WORDS = frozenset(
    "affairs foreign interior defence defense state prime deputy general chief senior "
    "national international external home justice finance economy energy health trade".split()
)
_FUNCTION_CAPS = frozenset(
    "the a an and or but in on at of for to with by from this that these those it he she they we i "
    "his her their its our as after before when while if on monday tuesday wednesday thursday friday saturday sunday "
    "january february march april may june july august september october november december mr mrs ms dr".split()
)


def _capitalised(t: Token, first_in_sentence: bool) -> bool:
    f = t.form
    article, dash, rest = f.partition("-")
    if dash and article.lower() in ARABIC_ARTICLES and rest[:1].isupper():
        f = rest  # al-Sisi, el-Baradei: the name after the Arabic article
    if not f[:1].isupper() or t.upos in ("PUNCT", "NUM", "SYM"):
        return False
    if f.lower() in _FUNCTION_CAPS:
        return False
    return not (first_in_sentence and t.upos not in ("PROPN", "X"))


#: The Arabic article as English spells it before a name (al-Assad, el-Sisi, ash-Sharaa).
ARABIC_ARTICLES = frozenset({"al", "el", "ad", "ash", "as", "an", "az", "ar", "at"})


def find_entities(tokens: Sequence[Token]) -> list[EntitySpan]:
    """Entity spans (1-based token ids, inclusive) in one English sentence.

    >>> from kg.model import Token
    >>> ws = "Foreign Minister Sergei Lavrov met Rex Tillerson in Moscow".split()
    >>> toks, pos = [], 0
    >>> for k, w in enumerate(ws, 1):
    ...     toks.append(Token(k, w, w, "PROPN" if w[0].isupper() else "VERB", 0, "dep", pos, pos + len(w)))
    ...     pos += len(w) + 1
    >>> [(s.first, s.last, s.label) for s in find_entities(toks)]
    [(3, 4, 'Person'), (6, 7, 'Person'), (9, 9, 'City')]
    """
    index, longest = english_index()
    n = len(tokens)
    spans: list[EntitySpan] = []
    covered: set[int] = set()
    i = 0
    while i < n:
        if tokens[i].upos == "PUNCT" or tokens[i].form.lower() == "the":
            i += 1
            continue
        hit = None
        for j in range(min(n - 1, i + longest), i - 1, -1):
            if any(t.upos == "PUNCT" and t.form != "-" for t in tokens[i : j + 1]):
                continue
            text = " ".join(t.form for t in tokens[i : j + 1])
            entries = index.get(english_key(text))
            # a lower-case common word (support, control) is no name
            if entries and any(
                t.form[:1].isupper() or not t.form[:1].isalpha() for t in tokens[i : j + 1]
            ):
                hit = (j, entries)
                break
        if hit:
            j, entries = hit
            spans.append(
                EntitySpan(
                    i + 1, j + 1, entries[0].cls, "gazetteer", "|".join(e.key for e in entries)
                )
            )
            covered.update(range(i, j + 1))
            i = j + 1
            continue
        i += 1
    spans.extend(_capitalised_runs(tokens, covered))
    return sorted(spans, key=lambda s: s.first)


def _capitalised_runs(tokens: Sequence[Token], covered: set[int]) -> list[EntitySpan]:
    out: list[EntitySpan] = []
    n = len(tokens)
    titles = titles_en()
    i = 0
    while i < n:
        if i in covered or not _capitalised(
            tokens[i], i == 0 or tokens[i - 1].form in ('"', "“", ":")
        ):
            i += 1
            continue
        j = i
        while (
            j + 1 < n
            and j + 1 not in covered
            and (
                _capitalised(tokens[j + 1], False)
                or (
                    tokens[j + 1].form.lower() in ("of", "for", "bin")
                    and j + 2 < n
                    and j + 2 not in covered
                    and _capitalised(tokens[j + 2], False)
                )
            )
        ):
            j += 1
        words = [t.form.lower() for t in tokens[i : j + 1]]
        # a leading title (President, Foreign Minister) is not part of a person's name
        k = i
        if j > i and _demonym(words[0]) and (words[1] in titles or " ".join(words[1:3]) in titles):
            k = i + 1  # Egyptian President ...: a nationality before the title
        while k <= j and (
            tokens[k].form.lower() in titles or " ".join(words[k - i : k - i + 2]) in titles
        ):
            k += 1
        titled = k > i or (i > 0 and tokens[i - 1].form.lower() in titles)
        cls = _class(tokens, k, j, words[k - i :], titled)
        if cls and k <= j and tokens[k].form[:1].isupper():
            out.append(EntitySpan(k + 1, j + 1, cls, "name-heuristic"))
        i = j + 1
    return out


def _demonym(word: str) -> bool:
    """Egyptian, Israeli, Chinese, Turkish, American: a nationality adjective by its ending."""
    return len(word) > 4 and word.endswith(("ian", "ese", "ish", "i", "an"))


def _class(tokens: Sequence[Token], i: int, j: int, words: list[str], titled: bool) -> str:
    if not words:
        return ""
    if any(w in _ORG_WORDS for w in words):
        return "Organization"
    if titled:
        return "Person"
    prev = tokens[i - 1].form.lower() if i > 0 else ""
    if prev in _PLACE_PREPS and j == i:
        return "Place"
    if 2 <= len(words) <= 4 and all(
        tokens[k].upos in ("PROPN", "X", "NOUN", "ADJ") for k in range(i, j + 1)
    ):
        return "Person"
    return ""


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    return frozenset(w for title in titles_en() for w in title.split())


def office_word(form: str) -> bool:
    """Whether a Latin word is a word of a title or an office's name (Foreign, Minister,
    Affairs, Office), whatever its capital: inside Arabic news it names no one.

    >>> office_word("Foreign"), office_word("Affairs"), office_word("Blinken")
    (True, True, False)
    """
    low = form.lower()
    return low in _title_words() or low in _ORG_WORDS or low in _OFFICE_WORDS
