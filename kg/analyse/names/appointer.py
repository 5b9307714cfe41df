"""The monarch who appoints and the person appointed: one run of names cut in two.

«عيّن الملك فيصل سامي حداد سفيرا لدى فرنسا»: after a verb of appointing, a monarch's
title (ملك, أمير, سلطان, عاهل) takes the monarch's own name, which news gives as one
given name (with its compound: عبد الله; a patronym: محمد بن سلمان; a regnal number:
عبد الله الثاني); the names after it until the post in the accusative (سفيرا) are the
person appointed. The name finder reads «فيصل سامي» as one person (two given names in a
row) and leaves the family name «حداد», a common noun, out; this pass cuts the run after
the monarch's name and gives the person appointed the words up to the post: two words or
more, the first a given name (not definite: «الملك فؤاد العلي رئيسا» is one person, the
one appointed).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ...model import EntitySpan, Token
from ...text import normalize, strip_diacritics

#: Titles of monarchs: the title's bearer is named by one given name (الملك سلمان).
_MONARCHS = frozenset(normalize(w) for w in "ملك أمير سلطان عاهل".split())
#: Verbs of appointing (their lemmas, as the rules analyser gives them).
_APPOINTING = frozenset(normalize(w) for w in "عين سمى اختار كلف نصب".split())
#: Words that make one given name of two (عبد الله, أبو بكر) and patronyms (بن سلمان).
_COMPOUNDS = frozenset(normalize(w) for w in "عبد أبو ابو".split())
_PATRONYMS = frozenset(normalize(w) for w in "بن ابن بنت".split())
#: Regnal numbers after a monarch's name (عبد الله الثاني).
_REGNAL = frozenset(
    normalize(w) for w in "الأول الثاني الثالث الرابع الخامس السادس السابع الثامن".split()
)


def appointer_and_appointee(tokens: Sequence[Token], spans: list[EntitySpan]) -> list[EntitySpan]:
    """Cut a person's span after a verb of appointing and a monarch's title in two: the
    monarch's one given name, then the person appointed up to the post in the accusative.

    >>> from kg.model import Token
    >>> words = "عين الملك فيصل سامي حداد سفيرا".split()
    >>> upos = ["VERB", "NOUN", "PROPN", "PROPN", "NOUN", "NOUN"]
    >>> lemmas = ["عَيَّنَ", "مَلِك", "فيصل", "سامي", "حداد", "سفير"]
    >>> toks, pos = [], 0
    >>> for k, (w, u, lem) in enumerate(zip(words, upos, lemmas), 1):
    ...     toks.append(Token(k, w, lem, u, 0, "dep", pos, pos + len(w)))
    ...     pos += len(w) + 1
    >>> cut = appointer_and_appointee(toks, [EntitySpan(3, 4, "Person", "name-heuristic")])
    >>> [(s.first, s.last) for s in cut]
    [(3, 3), (4, 5)]
    >>> appointer_and_appointee(toks[:5], [EntitySpan(3, 4, "Person", "name-heuristic")])
    [EntitySpan(first=3, last=4, label='Person', source='name-heuristic', ref='')]
    """
    out: list[EntitySpan] = []
    taken = {k for sp in spans for k in range(sp.first, sp.last + 1)}
    for sp in spans:
        cut = _cut(tokens, sp, taken) if sp.label == "Person" else None
        out.extend(cut or [sp])
    return out


def _cut(tokens: Sequence[Token], sp: EntitySpan, taken: set[int]) -> list[EntitySpan] | None:
    a, b = sp.first - 1, sp.last - 1  # 0-based
    if a < 2 or not _monarch(tokens[a - 1]) or not _appointing(tokens[a - 2]):
        return None
    own = _own_name_end(tokens, a, b)
    if own >= b:
        return None  # nothing left for the person appointed
    end = b
    # a common word between the names and the post is the family name (سامي حداد سفيرا)
    if (
        end + 2 < len(tokens)
        and end + 2 not in taken  # (token ids are 1-based)
        and tokens[end + 1].upos in ("NOUN", "ADJ", "PROPN")
        and tokens[end].end < tokens[end + 1].start
        and not _accusative(tokens[end + 1])
    ):
        end += 1
    if end + 1 >= len(tokens) or not _post(tokens[end + 1]):
        return None
    first = tokens[own + 1]
    if first.upos not in ("PROPN", "NOUN", "ADJ") or normalize(first.form).startswith("ال"):
        return None  # الملك فؤاد العلي: a definite word is the family name, not a given one
    if end - own < 2:
        return None  # one word left: the monarch's family name as much as a person's name
    return [
        replace(sp, first=a + 1, last=own + 1),
        replace(sp, first=own + 2, last=end + 1, ref=""),
    ]


def _own_name_end(tokens: Sequence[Token], a: int, b: int) -> int:
    """The last token (0-based) of the monarch's own name in the run a..b."""
    k = a
    if normalize(tokens[k].form) in _COMPOUNDS and k < b:
        k += 1
    while k + 2 <= b and normalize(tokens[k + 1].form) in _PATRONYMS:
        k += 2
    if k < b and normalize(tokens[k + 1].form) in _REGNAL:
        k += 1
    return k


def _monarch(t: Token) -> bool:
    g = normalize(t.form)
    return t.upos == "NOUN" and (g[2:] if g.startswith("ال") else g) in _MONARCHS


def _appointing(t: Token) -> bool:
    return t.upos == "VERB" and normalize(strip_diacritics(t.lemma or t.form)) in _APPOINTING


def _accusative(t: Token) -> bool:
    f = t.form
    return "\u064b" in f or (normalize(f).endswith("ا") and not normalize(f).endswith("اء"))


def _post(t: Token) -> bool:
    """An indefinite noun in the accusative: the post given (سفيرا, وزيرًا, رئيسا)."""
    return t.upos == "NOUN" and not normalize(t.form).startswith("ال") and _accusative(t)
