"""Entity search for the explorer: every name of every entity, folded once, matched by substring.

Names are folded with the project's normalisation (``kg.text.normalize``: diacritics,
tatweel, alef, hamza seats, alef maqsura, ta marbuta, digits, case) plus Latin accents,
and each word is also kept without the Arabic article, so «الموصل», «موصل» and «الموصِل»
find the same city, and «Tillerson» finds «TILLERSON».

>>> index = NameIndex([("http://x/a", "مدينة الموصل", "City", 5), ("http://x/b", "Rex Tillerson", "Person", 2)])
>>> [h.iri for h in index.search("موصل")], [h.iri for h in index.search("tillérson")]
(['http://x/a'], ['http://x/b'])
"""

from __future__ import annotations

import bisect
import itertools
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .text import normalize

#: Classes that are not things a reader looks for by name.
HIDDEN_CLASSES = frozenset({"Document", "Sentence", "Fact"})


def search_key(text: str) -> str:
    """A name folded for matching: ``normalize`` plus Latin accents removed and the
    Arabic article dropped from each word (of more than two letters after it).

    >>> search_key("الرئيس الأميركيّ"), search_key("Émile  ZOLA")
    ('رييس اميركي', 'emile zola')
    """
    folded = "".join(
        c for c in unicodedata.normalize("NFD", normalize(text)) if unicodedata.category(c) != "Mn"
    )
    return " ".join(_bare(w) for w in folded.split())


def _bare(word: str) -> str:
    for article in ("وال", "بال", "لل", "ال"):
        if word.startswith(article) and len(word) - len(article) > 2:
            return word[len(article) :]
    return word


@dataclass(frozen=True, slots=True)
class Hit:
    """One entity found: its IRI, the name that matched, its class and how often it is mentioned."""

    iri: str
    name: str
    cls: str
    mentions: int


class NameIndex:
    """Every (entity, name) pair, folded; ``search`` ranks exact, then prefix, then
    word-prefix, then inner matches, and within each the most mentioned first."""

    def __init__(self, rows: Iterable[tuple[str, str, str, int]]) -> None:
        seen: set[tuple[str, str]] = set()
        self._rows: list[tuple[str, Hit]] = []
        for iri, name, cls, mentions in rows:
            key = search_key(name)
            if not key or (iri, key) in seen or cls in HIDDEN_CLASSES:
                continue
            seen.add((iri, key))
            self._rows.append((key, Hit(iri, name, cls, mentions)))
        self.entities = len({h.iri for _, h in self._rows})
        # All keys in one string, so that finding a query is one C-speed scan (str.find)
        # rather than a Python loop over every name; _starts maps a position to its row.
        self._blob = "\n".join(key for key, _ in self._rows)
        self._starts = list(itertools.accumulate((len(k) + 1 for k, _ in self._rows), initial=0))

    def __len__(self) -> int:
        return len(self._rows)

    def _matching_rows(self, q: str) -> Iterator[int]:
        """Rows whose key contains ``q`` (which holds no newline: keys are folded)."""
        at, last = self._blob.find(q), -1
        while at >= 0:
            row = bisect.bisect_right(self._starts, at) - 1
            if row != last:
                yield row
                last = row
            at = self._blob.find(
                q, self._starts[row + 1] if row + 1 < len(self._starts) else len(self._blob)
            )

    def top(self, n: int = 10) -> list[Hit]:
        """The ``n`` most mentioned entities (one hit each).

        >>> [h.name for h in NameIndex([("a", "A", "City", 1), ("b", "B", "City", 3)]).top(1)]
        ['B']
        """
        best: dict[str, Hit] = {}
        for _, hit in self._rows:
            best.setdefault(hit.iri, hit)
        return sorted(best.values(), key=lambda h: (-h.mentions, h.iri))[:n]

    def search(self, text: str, limit: int = 20) -> list[Hit]:
        """The best ``limit`` entities whose folded name contains the folded ``text``
        (one hit per entity, by its best-matching name).

        >>> NameIndex([("i", "Rex Tillerson", "Person", 1)]).search("  ")
        []
        """
        q = search_key(text)
        if not q:
            return []
        best: dict[str, tuple[tuple[int, int, int, str], Hit]] = {}
        for row in self._matching_rows(q):
            key, hit = self._rows[row]
            at = key.find(q)
            tier = 0 if key == q else 1 if at == 0 else 2 if key[at - 1] == " " else 3
            rank = (tier, -hit.mentions, len(key), hit.name)
            old = best.get(hit.iri)
            if old is None or rank < old[0]:
                best[hit.iri] = (rank, hit)
        ranked = sorted(best.values(), key=lambda r: (r[0], r[1].iri))
        return [h for _, h in ranked[:limit]]
