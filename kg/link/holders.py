"""Office holders linked across scripts: an Arabic name matched to an English label.

EveryPolitician's Wikidata reports (``scripts/gazetteer_sources/ep_offices.tsv``) give
thousands of office holders with their QIDs, offices, terms and English labels, but
most of them with no Arabic name. The article's own spelling is matched by rule instead:
both the Arabic name and the English label are reduced to a consonant skeleton
(:func:`arabic_keys`, :func:`latin_keys`) in which the letters transcriptions confuse
share a class (ج غ ق ك and g j k q; د ذ ز ض ظ and d dh z; س ص ش and s sh ch), vowels,
و ي ا ع and the article are dropped (a Persian v written و makes the English v optional),
and «بن»/bin, «عبد ال»/Abdel are read alike. ``scripts/build_gazetteer.py build`` writes
the holders with their keys to ``kg/data/people_holders.tsv``.

A Person name is linked to a holder (:func:`holder_link`) when

- a title before it names an office and its country (:func:`kg.link.titled.title_office`:
  «وزير الخارجية الإيراني محمد جواد ظريف») and exactly one holder of that office, in
  office on the document's date when it is known, has a label the name matches (the
  whole name, or its words in the label's order ending with the surname); or
- with no such title, the name has two words or more, not all common given names, and
  exactly one holder among all (those of old terms too) has its skeleton, of at least
  :data:`MIN_KEY` letters, and the document names one of the countries the holder held
  an office of (a holder of no country's office, the EU's: :data:`MIN_KEY_ALONE`
  letters). A title naming, with its country, an office the holder never held leaves it
  unlinked; so do two holders that fit.

>>> arabic_keys("محمد جواد ظريف"), sorted(latin_keys("Mohammad Javad Zarif"))
(frozenset({'MHMD_KD_DRF'}), ['MHMD_KD_DRF', 'MHMD_KFD_DRF'])
>>> holder_link("محمد جواد ظريف", [], named=lambda: frozenset({"Q794"}))  # Iran named
('Q10296812', 'Mohammad Javad Zarif')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from functools import lru_cache
from importlib.resources import files
from itertools import product
from typing import NamedTuple

from ..lexicon.words import first_names
from ..text import normalize
from .cues import forms
from .titled import title_office

#: The fewest letters of the skeleton of a name linked without a title (its document
#: naming the holder's country): shorter ones (علي حسن, L_HSN) many people share.
MIN_KEY = 5
#: The same for a holder of no country's office (the EU's, the UN's): no country to check.
MIN_KEY_ALONE = 6
#: At most this many skeletons per label (an optional v doubles them).
_MAX_KEYS = 8

_AR_CLASSES = {
    **dict.fromkeys("بپ", "B"),
    **dict.fromkeys("تطث", "T"),
    **dict.fromkeys("جغقكگچڨ", "K"),
    **dict.fromkeys("حهة", "H"),
    "خ": "X",
    **dict.fromkeys("دذزضظ", "D"),
    "ر": "R",
    **dict.fromkeys("سصش", "S"),
    **dict.fromkeys("فڤ", "F"),
    "ل": "L",
    "م": "M",
    "ن": "N",
}
#: Arabic words that are no part of a skeleton: son/daughter of, the family article (آل).
_AR_DROP = frozenset({"بن", "ابن", "بنت", "ال"})
#: Latin digraphs first (longest first), then single letters; "v" is F or nothing.
_LATIN_DIGRAPHS = (
    ("sch", "S"),
    ("sh", "S"),
    ("ch", "S"),
    ("kh", "X"),
    ("gh", "K"),
    ("th", "T"),
    ("dh", "D"),
    ("ph", "F"),
    ("zh", "K"),
    ("dj", "K"),
    ("ck", "K"),
    ("x", "KS"),
)
_LATIN_CLASSES = {
    **dict.fromkeys("bp", "B"),
    "t": "T",
    **dict.fromkeys("dz", "D"),
    "s": "S",
    **dict.fromkeys("gjkq", "K"),
    "f": "F",
    "l": "L",
    "m": "M",
    "n": "N",
    "r": "R",
    "h": "H",
}
_VOWELS = frozenset("aeiouy")
_LATIN_SPECIAL = str.maketrans({"ş": "sh", "ç": "ch", "ğ": "gh", "ı": "i", "ø": "o", "ß": "ss"})
#: Latin words that are no part of a skeleton: the article, son of.
_LATIN_DROP = frozenset({"al", "el", "ul", "ol", "bin", "ben", "ibn", "bn", "bint"})
#: The article assimilated to a sun letter and hyphenated (ad-Din, as-Sisi).
_LATIN_SUN = re.compile(r"^(a|e|u)(d|t|s|sh|z|r|n|th|dh)$")
#: Abdel-, Abdul-, Abdur- (عبد ال…) before the rest of the name.
_ABD = re.compile(r"^abd(?:[aeiou]l|[aeiou](?=(?:r|s|sh|t|d|z|n)))")
_ABUL = re.compile(r"^ab(?:ou|u|o)l$")
#: Particles that are given names at the start of a name (Ben Wallace, بن والاس).
_GIVEN_PARTICLES = frozenset({"ben"})


class Holder(NamedTuple):
    """One office holder: QID, English label, word skeletons (each word's alternatives),
    offices as ``(kind, country QID, start, end)``, the QIDs of the countries of all its
    positions, and whether it may be linked (a holder
    whose every term ended before 2005, or an ambassador, only makes a name ambiguous)."""

    qid: str
    label_en: str
    words: tuple[frozenset[str], ...]
    offices: tuple[tuple[str, str, str, str], ...]
    countries: frozenset[str]
    linkable: bool


def _collapse(s: str) -> str:
    return "".join(c for i, c in enumerate(s) if i == 0 or c != s[i - 1])


def _ar_word(word: str) -> str:
    out = _collapse("".join(_AR_CLASSES.get(c, "") for c in word))
    return out[:-1] if out.endswith("H") else out


@lru_cache(maxsize=50_000)
def arabic_words(name: str) -> tuple[frozenset[str], ...]:
    """Word skeletons of an Arabic name: each word's readings (with and without a leading
    article: البيرق may be Albayrak). Latin text goes to :func:`latin_words`.

    >>> [sorted(w) for w in arabic_words("عبد العزيز بوتفليقة")]
    [['BD'], ['D', 'LD'], ['BTFLK']]
    """
    n = normalize(name)
    if re.search("[a-z]", n):
        return latin_words(name)
    out: list[frozenset[str]] = []
    for i, w in enumerate(n.replace("-", " ").split()):
        if w in _AR_DROP and (i > 0 or w == "ال"):  # بن والاس: Ben, a given name
            continue
        if w.startswith("عبدال") and len(w) > 5:
            out.extend((frozenset({"BD"}), frozenset({_ar_word(w[5:])})))
            continue
        forms = {_ar_word(w)}
        if w.startswith("ال") and len(w) > 3:
            forms.add(_ar_word(w[2:]))
        forms.discard("")
        if forms:
            out.append(frozenset(forms))
    return tuple(out)


def _latin_word(word: str) -> frozenset[str]:
    for a, b in _LATIN_DIGRAPHS:
        word = word.replace(a, b)
    word = re.sub(r"c(?=[eiy])", "S", word).replace("c", "K")
    outs = [""]
    for i, c in enumerate(word):
        if c == "v":
            outs = [o + x for o in outs for x in ("F", "")]
        elif c == "s" and _VOWELS.issuperset(word[i - 1 : i + 2 : 2]) and 0 < i < len(word) - 1:
            outs = [o + x for o in outs for x in ("S", "D")]  # Josep جوزيب
        else:
            x = c if c.isupper() else _LATIN_CLASSES.get(c, "")
            outs = [o + x for o in outs]
    outs = [_collapse(o) for o in outs]
    return frozenset(o[:-1] if o.endswith("H") else o for o in outs) - {""}


@lru_cache(maxsize=50_000)
def latin_words(label: str) -> tuple[frozenset[str], ...]:
    """Word skeletons of an English label.

    >>> [sorted(w) for w in latin_words("Abdelaziz Bouteflika")]
    [['BD'], ['D'], ['BTFLK']]
    >>> [sorted(w) for w in latin_words("Tamim bin Hamad Al Thani")]
    [['TM'], ['HMD'], ['TN']]
    """
    text = unicodedata.normalize("NFC", label.casefold()).translate(_LATIN_SPECIAL)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"\(.*?\)|[.,'’ʿʾ`]", "", text)
    out: list[frozenset[str]] = []
    for word in text.split():
        parts = word.split("-")
        for i, part in enumerate(parts):
            hyphened = i + 1 < len(parts)
            first = not out and i == 0
            if (part in _LATIN_DROP and not (first and part in _GIVEN_PARTICLES)) or (
                hyphened and _LATIN_SUN.match(part)
            ):
                continue
            if _ABUL.match(part):  # Aboul Gheit: أبو الغيط
                out.append(frozenset({"B"}))
                continue
            abd = _ABD.match(part)
            if abd:
                out.append(frozenset({"BD"}))
                part = part[abd.end() :]
            skel = _latin_word(part) if part else frozenset()
            if skel:
                out.append(skel)
    return tuple(out)


def _joined(words: Sequence[frozenset[str]]) -> frozenset[str]:
    """The name's keys: one skeleton per word, joined by "_" (word boundaries count: توماس
    زايلر is not Tom Schedler, TMS_DLR against TM_SDLR)."""
    keys: set[str] = set()
    for combo in product(*(sorted(w) for w in words)):
        keys.add("_".join(combo))
        if len(keys) >= _MAX_KEYS:
            break
    return frozenset(keys)


def suffix_keys(label: str) -> frozenset[str]:
    """The skeletons of a label of three words or more without its first words (Matamela
    Cyril Ramaphosa is called Cyril Ramaphosa), for labels with no Arabic particle: in
    «Mohammed bin Salman Al Saud» the last words are another man's name.

    >>> sorted(suffix_keys("Matamela Cyril Ramaphosa")), suffix_keys("Mohammed bin Salman Al Saud")
    (['SRL_RMFD', 'SRL_RMFS'], frozenset())
    """
    tokens = re.split(r"[\s-]+", label.casefold())
    words = latin_words(label)
    if len(words) < 3 or len(tokens) != len(words) or _LATIN_DROP & set(tokens):
        return frozenset()
    return frozenset(k for i in range(1, len(words) - 1) for k in _joined(words[i:]))


def arabic_keys(name: str) -> frozenset[str]:
    """The skeletons of a whole Arabic (or Latin) name, word boundaries ignored."""
    return _joined(arabic_words(name))


def latin_keys(label: str) -> frozenset[str]:
    """The skeletons of a whole English label, word boundaries ignored."""
    return _joined(latin_words(label))


def _offices(cell: str) -> tuple[tuple[str, str, str, str], ...]:
    out = []
    for item in cell.split():
        kind, country, start, end = item.split(":")
        out.append((kind, country, start, end))
    return tuple(out)


@lru_cache(maxsize=1)
def index() -> tuple[dict[str, tuple[Holder, ...]], dict[tuple[str, str], tuple[Holder, ...]]]:
    """Holders by skeleton (of the whole label, or of its last words: :func:`suffix_keys`),
    and by (office kind, country QID)."""
    text = files("kg.data").joinpath("people_holders.tsv").read_text(encoding="utf-8")
    by_key: dict[str, list[Holder]] = {}
    by_office: dict[tuple[str, str], list[Holder]] = {}
    for line in text.splitlines()[1:]:
        qid, label_en, keys, short, words, offices, countries, linkable = line.split("\t")
        h = Holder(
            qid,
            label_en,
            tuple(frozenset(w.split("|")) for w in words.split()),
            _offices(offices),
            frozenset(countries.split()),
            linkable == "1",
        )
        for k in {*keys.split(), *short.split()}:
            by_key.setdefault(k, []).append(h)
        for kind, country in {(o[0], o[1]) for o in h.offices}:
            by_office.setdefault((kind, country), []).append(h)
    return (
        {k: tuple(v) for k, v in by_key.items()},
        {k: tuple(v) for k, v in by_office.items()},
    )


def _day(value: str, end: bool) -> date | None:
    """A term's bound: ``YYYY`` or ``YYYY-MM-DD`` (a year alone is its first or last day)."""
    if not value:
        return None
    if len(value) == 4:
        return date(int(value), 12, 31) if end else date(int(value), 1, 1)
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def in_office(h: Holder, kind: str, country: str, when: date | None) -> bool:
    """Whether ``h`` held the office (kind, country), on ``when`` if given."""
    for k, c, start, end in h.offices:
        if (k, c) != (kind, country):
            continue
        if when is None:
            return True
        a, b = _day(start, False), _day(end, True)
        if (a is None or a <= when) and (b is None or when <= b):
            return True
    return False


def _names_in_order(name: Sequence[frozenset[str]], label: Sequence[frozenset[str]]) -> bool:
    """Whether the name's words are label words in the label's order, the last one last."""
    if not name or not label or not (name[-1] & label[-1]):
        return False
    i = 0
    for w in name[:-1]:
        while i < len(label) - 1 and not (w & label[i]):
            i += 1
        if i >= len(label) - 1:
            return False
        i += 1
    return True


def _fits(words: tuple[frozenset[str], ...], keys: frozenset[str], h: Holder) -> bool:
    return bool(keys & _joined(h.words)) or _names_in_order(words, h.words)


def _unique(holders: Sequence[Holder]) -> Holder | None:
    qids = {h.qid for h in holders}
    return holders[0] if len(qids) == 1 and holders[0].linkable else None


def _only_given_names(name: str) -> bool:
    given = first_names()
    return all(w in given or w in _AR_DROP for w in normalize(name).split())


def _letters(key: str) -> int:
    return len(key) - key.count("_")


@lru_cache(maxsize=20_000)
def _countries_of(word: str) -> frozenset[str]:
    from ..lexicon import gazetteer

    found = {e.qid for f in forms(word) for e in gazetteer.load().lookup(f) if e.cls == "Country"}
    nisba = gazetteer.country_of_nisba(word)
    return frozenset(found | ({nisba.qid} if nisba is not None else set()))


def countries_named(words: Sequence[str]) -> frozenset[str]:
    """QIDs of the countries normalised ``words`` name, as nouns (one to three words, with
    proclitics) or relative adjectives.

    >>> sorted(countries_named(["وزار", "الخارجيه", "الايرانيه", "في", "الولايات", "المتحده"]))
    ['Q30', 'Q794']
    """
    from ..lexicon import gazetteer

    out: set[str] = set()
    for i, w in enumerate(words):
        out |= _countries_of(w)
        for n in (2, 3):
            if i + n <= len(words):
                rest = " ".join(words[i + 1 : i + n])
                for f in forms(w):
                    out.update(
                        e.qid for e in gazetteer.load().lookup(f"{f} {rest}") if e.cls == "Country"
                    )
    return frozenset(q for q in out if q)


def _titled(
    words: tuple[frozenset[str], ...], office: tuple[str, str], when: date | None
) -> list[Holder]:
    """The holders of ``office`` (in office on ``when`` if known) a name fits."""
    keys = _joined(words)
    return [
        h
        for h in index()[1].get(office, ())
        if in_office(h, *office, when) and _fits(words, keys, h)
    ]


def holder_link(
    name: str,
    left: Sequence[str],
    sentence: Sequence[str] = (),
    when: date | None = None,
    named: Callable[[], frozenset[str]] = frozenset,
) -> tuple[str, str] | None:
    """(QID, English label) of the one office holder a Person ``name`` names, or None
    (``left``: the normalised words before it, nearest first; ``sentence``: the other
    words of its sentence; ``when``: the document's date; ``named``: the countries its
    document names, asked only when a name without a title matches a holder).

    >>> holder_link("محمد جواد ظريف", ["الايراني", "الخارجيه", "وزير"])
    ('Q10296812', 'Mohammad Javad Zarif')
    >>> holder_link("ظريف", ["الايراني", "الخارجيه", "وزير"], when=date(2019, 5, 1))
    ('Q10296812', 'Mohammad Javad Zarif')
    >>> holder_link("ظريف", ["الايراني", "الخارجيه", "وزير"], when=date(2023, 5, 1)) is None
    True
    >>> holder_link("محمد جواد ظريف", ["الامريكي", "الخارجيه", "وزير"]) is None
    True

    Without a title, the document must name one of the holder's countries:

    >>> holder_link("محمد جواد ظريف", ["التقي"], named=lambda: frozenset({"Q794"}))
    ('Q10296812', 'Mohammad Javad Zarif')
    >>> holder_link("محمد جواد ظريف", ["التقي"], named=lambda: frozenset({"Q30"})) is None
    True
    """
    words = arabic_words(name)
    if not words:
        return None
    # a bare title's country is guessed from the sentence (وزير الخارجية … في العراق):
    # enough for a full name, not for a surname alone, and no contradiction
    stated = title_office(left)
    office = title_office(left, sentence) if len(words) > 1 else stated
    if office is not None and (fit := _titled(words, office, when)):
        h = _unique(fit)
        return (h.qid, h.label_en) if h is not None else None
    if len(words) < 2 or _only_given_names(name):
        return None
    found = [h for k in _joined(words) for h in index()[0].get(k, ())]
    h = _unique(found) if found else None
    if h is None or (stated is not None and not in_office(h, *stated, None)):
        return None
    letters = max(_letters(k) for k in _joined(words))
    if h.countries and letters >= MIN_KEY and h.countries & named():
        return h.qid, h.label_en
    if not h.countries and letters >= MIN_KEY_ALONE:
        return h.qid, h.label_en
    return None


__all__ = [
    "MIN_KEY",
    "MIN_KEY_ALONE",
    "countries_named",
    "Holder",
    "arabic_keys",
    "arabic_words",
    "holder_link",
    "in_office",
    "index",
    "latin_keys",
    "latin_words",
    "suffix_keys",
]
