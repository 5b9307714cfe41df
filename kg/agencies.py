"""The news agency a dateline credits: «عمان (بترا) -», «القاهرة (أ ش أ) -», «AMMAN (Petra) -».

Wire copy starts with the place it was filed from and, in parentheses, the agency that
filed it. The agency is where the document comes from, not something it reports: it
becomes the document's ``agency`` metadata (``schema:sourceOrganization`` in the graph)
and no entity or fact (:func:`credit` gives the span the extractor leaves out). Known
agencies are listed in ``kg/data/ar/agencies.tsv``; a parenthesis after a dateline that
names none of them (a place's name, a gloss) is left alone.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from importlib.resources import files
from typing import NamedTuple

from .model import Document
from .text import normalize

#: The start of a line up to the agency's parenthesis: a place (and perhaps a date), at
#: most this long, with no parenthesis, dash, colon or full stop of its own.
_BEFORE = 60
_CREDIT = re.compile(
    rf"^[^\n().\-–—:]{{0,{_BEFORE}}}?\(\s*([^()\n]{{2,30}}?)\s*\)\s*(?:[-–—:]|$)", re.M
)
#: A credit is looked for in the first lines only (a headline may come first).
_HEAD_LINES = 3


class Credit(NamedTuple):
    """An agency credited by a dateline: its Arabic and English names and where its
    parenthesis is in the text (``start``, ``end``: the characters inside it)."""

    name_ar: str
    name_en: str
    start: int
    end: int


def _key(s: str) -> str:
    return re.sub(r"[\s.]+", " ", normalize(s)).strip().lower()


@lru_cache(maxsize=1)
def agencies() -> dict[str, tuple[str, str]]:
    """Agencies by the normalised abbreviation a dateline gives (``kg/data/ar/agencies.tsv``).

    >>> agencies()[_key("أ ش أ")][0]
    'وكالة أنباء الشرق الأوسط'
    """
    text = files("kg").joinpath("data/ar/agencies.tsv").read_text(encoding="utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return {_key(r[0]): (r[1], r[2]) for r in rows[1:]}


def credit(text: str) -> Credit | None:
    """The agency the dateline in the first lines of ``text`` credits, or None.

    >>> credit("عمان (بترا) - التقى وزير الخارجية نظيره.").name_en
    'Jordan News Agency (Petra)'
    >>> c = credit("الدوحة 3 مارس (قنا) - استقبل الأمير الوزير.")
    >>> c.name_ar, "الدوحة 3 مارس (قنا) -"[c.start : c.end]
    ('وكالة الأنباء القطرية (قنا)', 'قنا')
    >>> credit("قال الوزير (في تصريح) - إن ...") is None
    True
    """
    head_end = 0
    for _ in range(_HEAD_LINES):
        nl = text.find("\n", head_end)
        head_end = len(text) if nl < 0 else nl + 1
    for m in _CREDIT.finditer(text[:head_end]):
        found = agencies().get(_key(m[1]))
        if found is not None:
            return Credit(found[0], found[1], m.start(1), m.end(1))
    return None


def credited(doc: Document) -> Document:
    """``doc`` with the agency its dateline credits as ``agency`` metadata, when it has
    none and its dateline credits one (in the document's language: Arabic, else English).

    >>> credited(Document("d", "القاهرة (أ ش أ) - قال الوزير.", lang="ar")).meta
    (('agency', 'وكالة أنباء الشرق الأوسط'),)
    """
    if doc.format != "text" or any(k == "agency" for k, _ in doc.meta):
        return doc
    found = credit(doc.text)
    if found is None:
        return doc
    name = found.name_ar if doc.lang == "ar" else found.name_en
    return replace(doc, meta=(*doc.meta, ("agency", name)))
