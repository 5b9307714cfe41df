"""Names linked only after the title of their holder's office.

Some office holders' names are kept out of the gazetteer because they are only given
names (قيس سعيد: two first names) or because two people share them; ``kg/data/
people_cued.tsv`` (written by ``scripts/build_gazetteer.py build``) keeps them with each
holder's verified offices as ``kind:country-QID`` (``president:Q948``). Such a name is
linked only when the words right before it name one of those offices and its country
(«الرئيس التونسي قيس سعيد», «ولي العهد السعودي محمد بن سلمان», «أمير قطر …») and exactly
one holder of the name fits; any other title, or none, leaves it unlinked.

>>> title_office(["التونسي", "الرييس"])
('president', 'Q948')
>>> cued_link("قيس سعيد", ["التونسي", "الرييس"])
('Q16120878', 'Kais Saied')
>>> cued_link("قيس سعيد", ["المصري", "الرييس"]) is None
True
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib.resources import files

from ..lexicon import gazetteer
from ..text import normalize

#: Titles (normalised words, in reading order) and the office kind they name; the country
#: follows as a relative adjective (الرئيس التونسي) or a noun (رئيس تونس, أمير قطر).
TITLES: dict[tuple[str, ...], str] = {
    tuple(normalize(t).split()): kind
    for kinds, kind in (
        ("الرئيس|رئيس|رئيس الجمهورية|رئيس جمهورية|رئيس الدولة|رئيس دولة", "president"),
        ("رئيس الوزراء|رئيس وزراء|رئيس الحكومة|رئيس حكومة", "prime-minister"),
        ("الملك|ملك|العاهل", "king"),
        ("الأمير|أمير", "emir"),
        ("السلطان|سلطان", "sultan"),
        ("ولي العهد|ولي عهد", "crown-prince"),
        ("وزير الخارجية|وزيرة الخارجية|وزير خارجية|وزيرة خارجية", "foreign"),
        ("وزير الدفاع|وزيرة الدفاع|وزير دفاع|وزيرة دفاع", "defence"),
        ("وزير الداخلية|وزيرة الداخلية|وزير داخلية|وزيرة داخلية", "interior"),
        ("وزير المالية|وزيرة المالية|وزير مالية|وزيرة مالية", "finance"),
        ("قائد الجيش|قائد جيش", "army-commander"),
    )
    for t in kinds.split("|")
}
_LONGEST = max(len(t) for t in TITLES)
#: Honorifics and military ranks between a title and the name (ولي العهد السعودي
#: الأمير محمد بن سلمان, قائد الجيش العماد …).
HONORIFICS = frozenset(
    normalize(w) for w in "الأمير الشيخ السيد السيدة سمو فخامة العماد الفريق اللواء المشير".split()
)


@lru_cache(maxsize=1)
def cued_names() -> dict[str, tuple[tuple[str, str, frozenset[str]], ...]]:
    """Normalised name -> (QID, English label, offices) of every holder it may name."""
    text = files("kg.data").joinpath("people_cued.tsv").read_text(encoding="utf-8")
    out: dict[str, list[tuple[str, str, frozenset[str]]]] = {}
    for line in text.splitlines()[1:]:
        name, qid, label_en, offices = line.split("\t")
        out.setdefault(name, []).append((qid, label_en, frozenset(offices.split())))
    return {k: tuple(v) for k, v in out.items()}


def _country(word: str, adjective: bool) -> str:
    """The QID of the country a normalised word names, as an adjective or a noun."""
    if adjective:
        e = gazetteer.country_of_nisba(word)
        return e.qid if e is not None else ""
    found = {e.qid for e in gazetteer.load().lookup(word) if e.cls == "Country" and e.qid}
    return next(iter(found)) if len(found) == 1 else ""


def _title(left: Sequence[str]) -> str:
    """The office kind of the title the words ``left`` (nearest first) begin with, or ""."""
    for n in range(_LONGEST, 0, -1):
        title = tuple(reversed(left[:n]))
        if len(title) == n and title in TITLES:
            return TITLES[title]
    return ""


def title_office(left: Sequence[str], sentence: Sequence[str] = ()) -> tuple[str, str] | None:
    """(office kind, country QID) the normalised words before a name (nearest first)
    state, or None: a title then a country adjective (الرئيس التونسي), or a title in
    construct with a country (أمير قطر), the title's words right before either; or a
    bare title (الرئيس) when the other words of its ``sentence`` name one country and
    no other (أعلنت الرئاسة التونسية أن الرئيس …).

    >>> title_office(["الرييس"], ["الرياسه", "التونسيه", "ان"])
    ('president', 'Q948')
    >>> title_office(["الرييس"], ["التونسيه", "المصري"]) is None
    True
    """
    if not left:
        return None
    bare = list(left)
    while bare and bare[0] in HONORIFICS:
        bare.pop(0)
    if len(bare) < len(left):
        found = title_office(bare, sentence)
        if found is not None:
            return found
    for adjective in (True, False):
        country = _country(left[0], adjective)
        kind = _title(left[1:]) if country else ""
        if kind:
            return kind, country
    kind = _title(left)
    if not kind:
        return None
    countries = {c for w in sentence for a in (True, False) if (c := _country(w, a))}
    return (kind, countries.pop()) if len(countries) == 1 else None


def without_grandfathers(name: str) -> str:
    """A cued name as written with more of its nasab than the table holds: «A بن B بن C»
    is looked up as «A بن B» (the title before it still decides).

    >>> without_grandfathers("محمد بن سلمان بن عبدالعزيز"), without_grandfathers("قيس سعيد")
    ('محمد بن سلمان', 'قيس سعيد')
    """
    if name in cued_names():
        return name
    words = name.split()
    while len(words) > 3 and words[-2] == "بن" and " ".join(words) not in cued_names():
        words = words[:-2]
    return " ".join(words)


def cued_link(
    name: str, left: Sequence[str], sentence: Sequence[str] = ()
) -> tuple[str, str] | None:
    """(QID, English label) of the one holder of a cued ``name`` whose office the title
    before it names (``left``: normalised words, nearest first; ``sentence``: the other
    words of its sentence), or None."""
    holders = cued_names().get(without_grandfathers(normalize(name)))
    if not holders:
        return None
    office = title_office(left, sentence)
    if office is None:
        return None
    key = f"{office[0]}:{office[1]}"
    fits = [(qid, label) for qid, label, offices in holders if key in offices]
    return fits[0] if len(fits) == 1 else None
