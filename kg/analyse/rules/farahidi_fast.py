"""farahidi's analyser with an index over its stem patterns: the same analyses, found
without testing every pattern of the stem's length.

For each candidate stem, farahidi 0.4 walks every unvoweled stem pattern of that length
(up to ~1,100 for nouns) and keeps those whose fixed letters agree with the stem, letting
ف ع ل stand for any radical (``is_diac_pattern``); that walk is most of the time it spends
on a word. :class:`IndexedAnalyzer` puts the patterns of each (category, length) in a trie
once, built from farahidi's own tables at first use, and visits only the branches the stem
can follow, then hands the patterns found, in farahidi's own order, to the unchanged rest
of its algorithm. Nothing is precomputed on disk.

Only the version the index was checked against uses it (``CHECKED_VERSIONS``); any other
farahidi runs as it is.

>>> trie = _Trie([("فعل", 0), ("كتب", 1), ("فتل", 2), ("فعال", 3)])
>>> trie.matches("كتب")  # ف ع ل are radicals; ت must be ت
[0, 1, 2]
>>> trie.matches("قال")
[0]
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

#: farahidi releases whose ``Analyzer._possible_solutions`` this module reproduces.
CHECKED_VERSIONS = frozenset({"0.4.0"})

# The pattern letters that stand for a radical (farahidi's ``is_diac_pattern``).
_SLOTS = ("ف", "ع", "ل")


class _Trie:
    """Patterns (strings, each with an index) in a trie keyed by letter, so that the
    patterns a stem fits are found by following the stem's letter and the slot letters."""

    __slots__ = ("children", "ends", "below")

    def __init__(self, patterns: Iterable[tuple[str, int]] = ()) -> None:
        self.children: dict[str, _Trie] = {}
        self.ends: list[int] = []  # patterns that end at this node
        self.below: list[int] = []  # every pattern in this subtree
        for text, index in patterns:
            self._add(text, index)

    def _add(self, text: str, index: int) -> None:
        node = self
        node.below.append(index)
        for ch in text:
            node = node.children.setdefault(ch, _Trie())
            node.below.append(index)
        node.ends.append(index)

    def matches(self, stem: str) -> list[int]:
        """Indices of the patterns that fit ``stem`` letter by letter over their common
        length, ascending (farahidi's order)."""
        found: list[int] = []
        stack: list[tuple[_Trie, int]] = [(self, 0)]
        while stack:
            node, depth = stack.pop()
            if depth == len(stem):
                found.extend(node.below)
                continue
            found.extend(node.ends)
            ch = stem[depth]
            for key in (ch, *(s for s in _SLOTS if s != ch)):
                child = node.children.get(key)
                if child is not None:
                    stack.append((child, depth + 1))
        found.sort()
        return found


def indexed_analyzer() -> Any:
    """A farahidi ``Analyzer`` whose pattern search is indexed when the installed version
    is one this module was checked against, else farahidi's own."""
    import farahidi

    if getattr(farahidi, "__version__", "") not in CHECKED_VERSIONS:
        return farahidi.Analyzer()
    return _indexed_class()()


@lru_cache(maxsize=1)
def _indexed_class() -> type:
    from farahidi import Analyzer, normalize as N

    class IndexedAnalyzer(Analyzer):  # type: ignore[misc]
        """farahidi's ``Analyzer`` with ``_possible_solutions`` searching a trie."""

        def __init__(self) -> None:
            super().__init__()
            self._tries: dict[tuple[str, int], tuple[_Trie, list[dict[str, Any]]]] = {}

        def _patterns(self, cat: str, length: int) -> tuple[_Trie, list[dict[str, Any]]]:
            key = (cat, length)
            if key not in self._tries:
                stems = self.lex.unvoweled_stems(cat, length)
                norm = (
                    (u["val"][0] + N.normalize_hamza(u["val"][1:]), k) for k, u in enumerate(stems)
                )
                self._tries[key] = (_Trie(norm), stems)
            return self._tries[key]

        def _possible_solutions(self, seg: Any, cat: str, cache: dict[str, Any]) -> Any:
            # farahidi 0.4's loop, over the patterns the trie finds instead of all of them
            stem1 = seg.stem
            if stem1 in cache:
                return cache[stem1]
            lex = self.lex
            stem = stem1[0] + N.normalize_hamza(stem1[1:]) if stem1 else stem1
            trie, stems = self._patterns(cat, len(stem))
            result: dict[str, dict[str, list[dict[str, Any]]]] = {}
            for k in trie.matches(stem):
                unv = stems[k]
                s_unvoweled = unv["val"][0] + N.normalize_hamza(unv["val"][1:])
                iroots = self._get_possible_roots(stem, unv["rules"], cat)
                if not iroots:
                    continue
                roots_map: dict[str, list[dict[str, Any]]] = {}
                add = False
                for root in iroots:
                    val = N.word_from_root_and_pattern(root, s_unvoweled)
                    root_ent = lex.root_entity(cat, root)
                    if root_ent is None:
                        continue
                    len_stem = len(seg.stem)
                    id_root = root_ent.get(f"len{len_stem}") if 1 <= len_stem <= 12 else None
                    if id_root and N.normalize_hamza(val) == N.normalize_hamza(stem):
                        res = self._get_info_result(id_root, unv["ids"], len_stem, cat)
                        if res:
                            roots_map[root] = res
                            add = True
                if add:
                    result[unv["val"]] = roots_map
            cache[stem1] = result
            return result

    return IndexedAnalyzer
