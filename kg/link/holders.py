"""Office holders linked across scripts: an Arabic name matched to an English label.

EveryPolitician's Wikidata reports (``scripts/gazetteer_sources/ep_offices.tsv``) give
thousands of office holders with their QIDs, offices, terms and English labels, but
most of them with no Arabic name. The article's own spelling is matched by rule instead:
the Arabic name and the English label share a consonant skeleton
(:mod:`kg.link.skeleton`) and their long vowels agree. ``scripts/build_gazetteer.py
build`` writes the holders with their skeletons to ``kg/data/people_holders.tsv``.

A Person name is linked to a holder (:func:`holder_link`) when

- a title before it names an office and its country (:func:`kg.link.titled.title_office`:
  «وزير الخارجية الإيراني محمد جواد ظريف») and exactly one holder of that office, in
  office on the document's date when it is known, has a label the name matches (the
  whole name, or its words in the label's order ending with the surname); or
- (an English name) it spells one holder's English label in full, and the document names
  one of the holder's countries (:func:`english_holder_link`); or
- with no such title, the name has two words or more, not all common given names, and
  exactly one holder among all (those of old terms too) has its skeleton, of at least
  :data:`MIN_KEY` letters, and the document names one of the countries the holder held
  an office of (a holder of no country's office, the EU's: :data:`MIN_KEY_ALONE`
  letters). A title naming, with its country, an office the holder never held leaves it
  unlinked; so do two holders that fit. A name of three words that no holder has may
  end with a second family name its label lacks (:func:`without_second_surname`: سارة
  الزعفراني الزنزري, Sarra Zaâfrani): without it, it is linked so, only to a holder of a
  country its document names.

>>> holder_link("محمد جواد ظريف", [], named=lambda: frozenset({"Q794"}))  # Iran named
('Q10296812', 'Mohammad Javad Zarif')
"""

from __future__ import annotations

import re
import unicodedata
from calendar import monthrange
from collections.abc import Callable, Sequence
from datetime import date
from functools import lru_cache
from importlib.resources import files
from typing import NamedTuple

from ..lexicon.words import first_names
from ..text import normalize
from .cues import forms
from .skeleton import arabic_words, joined, vowels_agree
from .titled import title_office

#: The fewest letters of the skeleton of a name linked without a title (its document
#: naming the holder's country): shorter ones (علي حسن, L_HSN) many people share.
MIN_KEY = 5
#: The same for a holder of no country's office (the EU's, the UN's): no country to check.
MIN_KEY_ALONE = 6
#: The same for a name whose last word no Arabic lexicon or name list knows (a foreign
#: surname: بلينكن, رامافوزا): linked without its country named, as Arab names with a common
#: word for a surname (أمين سلام) are not.
MIN_KEY_FOREIGN = 7
#: Countries whose office holders' labels are read as French too (the final consonants
#: French does not sound: Barrot بارو): France, Belgium, Luxembourg, Monaco.
FRENCH_SPEAKING = frozenset({"Q142", "Q31", "Q32", "Q235"})
#: Words of a name that are no given names but do not make it more than one (بن, آل).
_PARTICLES = frozenset({"بن", "ابن", "بنت", "ال"})


class Holder(NamedTuple):
    """One office holder: QID, English label, word skeletons (each word's alternatives),
    offices as ``(kind, country QID, start, end)``, the QIDs of the countries of all its
    positions, and whether it may be linked (a holder
    whose every term ended before 2005, or an ambassador, only makes a name ambiguous)
    and whether only after its title or with its country named."""

    qid: str
    label_en: str
    words: tuple[frozenset[str], ...]
    offices: tuple[tuple[str, str, str, str], ...]
    countries: frozenset[str]
    linkable: bool
    #: Linked only after its title or in a document naming its country, never by a foreign
    #: surname alone (holders read for this table only: Patel, Khan are many people's).
    named_only: bool = False

    @property
    def french(self) -> bool:
        """Whether its label is read as French too (:data:`FRENCH_SPEAKING`)."""
        return bool(self.countries & FRENCH_SPEAKING)


def _offices(cell: str) -> tuple[tuple[str, str, str, str], ...]:
    out = []
    for item in cell.split():
        kind, country, start, end = item.split(":")
        out.append((kind, country, start, end))
    return tuple(out)


class _Table(NamedTuple):
    """The rows of ``people_holders.tsv``, and row numbers by key and by office."""

    lines: list[str]
    by_key: dict[str, list[int]]
    by_office: dict[tuple[str, str], list[int]]


@lru_cache(maxsize=1)
def _table() -> _Table:
    text = files("kg.data").joinpath("people_holders.tsv").read_text(encoding="utf-8")
    lines = text.splitlines()[1:]
    by_key: dict[str, list[int]] = {}
    by_office: dict[tuple[str, str], list[int]] = {}
    for i, line in enumerate(lines):
        cells = line.split("\t", 6)
        for k in {*cells[2].split(), *cells[3].split()}:
            by_key.setdefault(k, []).append(i)
        for item in {tuple(o.split(":", 2)[:2]) for o in cells[5].split()}:
            by_office.setdefault((item[0], item[1]), []).append(i)
    return _Table(lines, by_key, by_office)


@lru_cache(maxsize=10_000)
def _holder(i: int) -> Holder:
    """The holder of row ``i``, read when a name first meets it (loading stays cheap)."""
    qid, label_en, _, _, words, offices, countries, linkable = _table().lines[i].split("\t")
    return Holder(
        qid,
        label_en,
        tuple(frozenset(w.split("|")) for w in words.split()),
        _offices(offices),
        frozenset(countries.split()),
        linkable in ("1", "2"),
        linkable == "2",
    )


def by_key(key: str) -> list[Holder]:
    """The holders a skeleton (of a whole label, or of its last words:
    :func:`suffix_keys`) names.

    >>> [h.label_en for h in by_key("NTN_BLNKN")]
    ['Antony Blinken']
    """
    return [_holder(i) for i in _table().by_key.get(key, ())]


@lru_cache(maxsize=1)
def _countries_by_qid() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for line in _table().lines:
        cells = line.split("\t")
        out.setdefault(cells[0], set()).update(cells[6].split())
    return {q: frozenset(c) for q, c in out.items()}


def countries_of_holder(qid: str) -> frozenset[str]:
    """The countries whose offices the holder ``qid`` held (none for a QID the table lacks).

    >>> sorted(countries_of_holder("Q39259")), countries_of_holder("Q0")
    (['Q43'], frozenset())
    """
    return _countries_by_qid().get(qid, frozenset())


def _folded(name: str) -> str:
    """An English name compared without case, accents or punctuation (François -> francois).

    >>> _folded("François  Hollande"), _folded("Jean-Yves Le Drian")
    ('francois hollande', 'jean yves le drian')
    """
    bare = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(re.findall(r"[a-z]+", bare.lower()))


@lru_cache(maxsize=1)
def _by_english() -> dict[str, list[int]]:
    """Rows by their folded English label."""
    out: dict[str, list[int]] = {}
    for i, line in enumerate(_table().lines):
        out.setdefault(_folded(line.split("\t", 2)[1]), []).append(i)
    return out


def english_holder_link(
    name: str, named: Callable[[], frozenset[str]] = frozenset
) -> tuple[str, str] | None:
    """(QID, label) of the one office holder an English Person ``name`` spells in full as
    its label (without case or accents), when the document names one of its countries
    (``named``; a holder of no country's office needs none): the English article's
    "Iranian Foreign Minister Mohammad Javad Zarif" is the holder «محمد جواد ظريف» links to.

    >>> english_holder_link("Mohammad Javad Zarif", named=lambda: frozenset({"Q794"}))
    ('Q10296812', 'Mohammad Javad Zarif')
    >>> english_holder_link("Mohammad Javad Zarif", named=lambda: frozenset({"Q30"})) is None
    True
    >>> english_holder_link("Zarif", named=lambda: frozenset({"Q794"})) is None
    True
    """
    key = _folded(name)
    if len(key.split()) < 2:
        return None
    h = _unique([_holder(i) for i in _by_english().get(key, ())])
    if h is None or (h.countries and not h.countries & named()):
        return None
    return h.qid, h.label_en


def by_office(office: tuple[str, str]) -> list[Holder]:
    """The holders of an office (kind, country QID), at any time."""
    return [_holder(i) for i in _table().by_office.get(office, ())]


def _day(value: str, end: bool) -> date | None:
    """A term's bound: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a year or a month alone is
    its first or last day); None when open or unreadable.

    >>> _day("2003-04", False), _day("2005-09", True), _day("2013", True)
    (datetime.date(2003, 4, 1), datetime.date(2005, 9, 30), datetime.date(2013, 12, 31))
    """
    parts = value.split("-")
    try:
        y = int(parts[0])
        if len(parts) == 1:
            return date(y, 12, 31) if end else date(y, 1, 1)
        m = int(parts[1])
        if len(parts) == 2:
            return date(y, m, monthrange(y, m)[1] if end else 1)
        return date(y, m, int(parts[2][:2]))
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


def _fits(name: str, words: tuple[frozenset[str], ...], h: Holder) -> bool:
    """Whether a name after a title fits a holder of the title's office: its whole name
    (long vowels agreeing), or its words in the label's order ending with the surname."""
    if joined(words) & joined(h.words):
        return vowels_agree(name, h.label_en, h.french)
    return _names_in_order(words, h.words)


def _unique(holders: Sequence[Holder]) -> Holder | None:
    qids = {h.qid for h in holders}
    return holders[0] if len(qids) == 1 and holders[0].linkable else None


def only_given_names(name: str) -> bool:
    """Whether every word of a name is a common given name (or بن, آل).

    >>> only_given_names("محمد علي"), only_given_names("هاكان فيدان")
    (True, False)
    """
    given = first_names()
    return all(w in given or w in _PARTICLES for w in normalize(name).split())


def without_second_surname(name: str) -> str | None:
    """A name of three words or more without its last word, when that word is a second
    family name (no given name, no particle, not after بن or آل, no word the lexicon
    knows) and what is left is not only given names: a Maghrebi woman's name often adds her husband's family name to her
    own, which the English label lacks (Sarra Zaâfrani). None otherwise.

    >>> without_second_surname("سارة الزعفراني الزنزري")
    'سارة الزعفراني'
    >>> without_second_surname("محمد علي النفطي"), without_second_surname("محمد بن سلمان")
    (None, None)
    >>> without_second_surname("سارة الزعفراني الجديدة") is None
    True
    >>> without_second_surname("عبد الله بن زايد")
    """
    raw = name.split()
    parts = normalize(name).split()
    if len(raw) < 3 or len(raw) != len(parts):
        return None
    given = first_names()
    if parts[-1] in given or parts[-1] in _PARTICLES or parts[-2] in {*_PARTICLES, "ال", "آل"}:
        return None
    # a word after the name (الجديد, الجديدة, القاضي) is no surname
    if not all(_foreign_surname(n) for n in {name, name.removesuffix("ة")}):
        return None
    shorter = " ".join(raw[:-1])
    return None if only_given_names(shorter) else shorter


def _foreign_surname(name: str) -> bool:
    """Whether the last word of ``name`` is known neither as a word of the lexicon nor as a
    given name (بلينكن, not سلام or الخطيب).

    >>> _foreign_surname("أنتوني بلينكن"), _foreign_surname("أمين سلام")
    (True, False)
    """
    from ..analyse.rules.morph import known_form  # the lexicon, only for such a name

    last = normalize(name).split()[-1]
    bare = last[2:] if last.startswith("ال") else last
    return not any(w in first_names() or known_form(w) for w in (last, bare, "ال" + bare))


def _letters(key: str) -> int:
    return len(key) - key.count("_")


@lru_cache(maxsize=1)
def _country_names() -> dict[str, frozenset[str]]:
    """Normalised country name -> the QIDs of the countries of that name."""
    from ..lexicon import gazetteer

    out: dict[str, set[str]] = {}
    for name, entries in gazetteer.load().index.items():
        for e in entries:
            if e.cls == "Country" and e.qid:
                out.setdefault(name, set()).add(e.qid)
    return {k: frozenset(v) for k, v in out.items()}


#: English demonyms no suffix rule reaches (:func:`_english_demonym`): the country's name.
_DEMONYMS = {
    "american": "united states",
    "british": "united kingdom",
    "french": "france",
    "turkish": "turkey",
    "saudi": "saudi arabia",
    "lebanese": "lebanon",
    "emirati": "united arab emirates",
    "german": "germany",
    "spanish": "spain",
    "dutch": "netherlands",
    "greek": "greece",
    "swiss": "switzerland",
    "afghan": "afghanistan",
    "polish": "poland",
}


def _english_demonym(word: str) -> list[str]:
    """The country names an English demonym may come from (Iranian: Iran; Syrian: Syria;
    Iraqi: Iraq; Chinese: China; French: France), lower case.

    >>> _english_demonym("iranian"), _english_demonym("iraqi")[:1], _english_demonym("french")
    (['iran', 'irania'], ['iraq'], ['france'])
    """
    if word in _DEMONYMS:
        return [_DEMONYMS[word]]
    if len(word) < 5 or not word.isascii():
        return []
    out = []
    for suffix, back in (("ian", ""), ("n", ""), ("i", ""), ("ese", ""), ("ese", "a"), ("an", "a")):
        if word.endswith(suffix):
            out.append(word[: -len(suffix)] + back)
    return list(dict.fromkeys(out))


@lru_cache(maxsize=20_000)
def _countries_of(word: str) -> frozenset[str]:
    """The countries a word names, as a noun or a relative adjective, with or without
    proclitics (نظيريه الأمريكي ... والفرنسي: France).

    >>> sorted(_countries_of("والفرنسي")), sorted(_countries_of("بالعراق"))
    (['Q142'], ['Q796'])
    """
    from ..lexicon import gazetteer

    names = _country_names()
    found = {q for f in (*forms(word), *_english_demonym(word)) for q in names.get(f, ())}
    for f in forms(word):
        nisba = gazetteer.country_of_nisba(f)
        if nisba is not None and nisba.qid:
            found.add(nisba.qid)
    return frozenset(found)


def countries_named(words: Sequence[str]) -> frozenset[str]:
    """QIDs of the countries normalised ``words`` name, as nouns (one to three words, with
    proclitics) or relative adjectives.

    >>> sorted(countries_named(["وزار", "الخارجيه", "الايرانيه", "في", "الولايات", "المتحده"]))
    ['Q30', 'Q794']
    """
    names = _country_names()
    out: set[str] = set()
    for i, w in enumerate(words):
        out |= _countries_of(w)
        for n in (2, 3):
            if i + n <= len(words):
                rest = " ".join(words[i + 1 : i + n])
                for f in forms(w):
                    out.update(names.get(f"{f} {rest}", ()))
    return frozenset(out)


def _titled(
    name: str, words: tuple[frozenset[str], ...], office: tuple[str, str], when: date | None
) -> list[Holder]:
    """The holders of ``office`` (in office on ``when`` if known) a name fits."""
    return [h for h in by_office(office) if in_office(h, *office, when) and _fits(name, words, h)]


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
    if re.search("[A-Za-z]", name):
        return english_holder_link(name, named)  # an English article spells the label
    words = arabic_words(name)
    if not words:
        return None
    # a bare title's country is guessed from the sentence (وزير الخارجية … في العراق):
    # enough for a full name, not for a surname alone, and no contradiction
    stated = title_office(left)
    office = title_office(left, sentence) if len(words) > 1 else stated
    if office is not None and (fit := _titled(name, words, office, when)):
        h = _unique(fit)
        return (h.qid, h.label_en) if h is not None else None
    if len(words) < 2 or only_given_names(name):
        return None
    found = [h for k in joined(words) for h in by_key(k)]
    shorter = without_second_surname(name) if not found else None
    if shorter is not None:
        # سارة الزعفراني الزنزري: a label may lack a second family name; only with the
        # holder's country named in the document, never by a foreign surname alone
        name, words = shorter, arabic_words(shorter)
        found = [h for k in joined(words) for h in by_key(k) if h.countries & named()]
    h = _unique(found) if found else None
    if h is None or (stated is not None and not in_office(h, *stated, None)):
        return None
    if not vowels_agree(name, h.label_en, h.french):  # محمود is not Mohammed
        return None
    letters = max(_letters(k) for k in joined(words))
    if h.countries and letters >= MIN_KEY and h.countries & named():
        return h.qid, h.label_en
    if shorter is not None:
        return None
    if h.countries and not h.named_only and letters >= MIN_KEY_FOREIGN and _foreign_surname(name):
        return h.qid, h.label_en  # أنتوني بلينكن in an article naming no US
    if not h.countries and letters >= MIN_KEY_ALONE:
        return h.qid, h.label_en
    return None


__all__ = [
    "FRENCH_SPEAKING",
    "MIN_KEY",
    "MIN_KEY_ALONE",
    "MIN_KEY_FOREIGN",
    "Holder",
    "by_key",
    "by_office",
    "countries_named",
    "english_holder_link",
    "holder_link",
    "in_office",
    "without_second_surname",
]
