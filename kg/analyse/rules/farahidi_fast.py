"""farahidi's analyser with an index over its stem patterns: the same analyses, found
without testing every pattern of the stem's length.

For each candidate stem, farahidi 0.4 walks every unvoweled stem pattern of that length
(up to ~1,100 for nouns) and keeps those whose fixed letters agree with the stem, letting
ف ع ل stand for any radical (``is_diac_pattern``); that walk is most of the time it spends
on a word. :class:`IndexedAnalyzer` puts the patterns of each (category, length) in a trie
once, built from farahidi's own tables at first use, and visits only the branches the stem
can follow, then hands the patterns found, in farahidi's own order, to the unchanged rest
of its algorithm. Nothing is precomputed on disk.

Its tables of many small records (the voweled patterns, the roots, the proper nouns) are read record
by record as the analyser asks for them (:class:`_Records`) rather than decoded whole at
first use: a corpus's few thousand unknown words touch a tenth of their records.

Only the version the index was checked against uses it (``CHECKED_VERSIONS``); any other
farahidi runs as it is.

>>> trie = _Trie([("فعل", 0), ("كتب", 1), ("فتل", 2), ("فعال", 3)])
>>> trie.matches("كتب")  # ف ع ل are radicals; ت must be ت
[0, 1, 2]
>>> trie.matches("قال")
[0]
>>> recs = _Records([b'"id":"1","val":"x"', b'"id":"2","val":"y"'])
>>> len(recs), recs[1]["val"], recs[1] is recs[1]
(2, 'y', True)
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache, lru_cache
from typing import Any, overload

from .blocks import gunzip

#: farahidi releases whose ``Analyzer._possible_solutions`` this module reproduces.
CHECKED_VERSIONS = frozenset({"0.4.0"})

# The pattern letters that stand for a radical (farahidi's ``is_diac_pattern``).
_SLOTS = ("ف", "ع", "ل")
#: The pattern letters a stem's letter may meet: itself, then the slots (a slot letter once).
_KEYS = {ch: (ch, *(s for s in _SLOTS if s != ch)) for ch in _SLOTS}


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
        keys = [_KEYS.get(ch) or (ch, *_SLOTS) for ch in stem]
        end = len(stem)
        while stack:
            node, depth = stack.pop()
            if depth == end:
                found.extend(node.below)
                continue
            found.extend(node.ends)
            for key in keys[depth]:
                child = node.children.get(key)
                if child is not None:
                    stack.append((child, depth + 1))
        found.sort()
        return found


class _Records(Sequence[dict[str, Any]]):
    """The records of one value of a farahidi table (a JSON array of flat objects), each
    decoded when it is first asked for and kept, so that a record is always the same
    object (farahidi tells formulas apart by ``id``). Made from the records' texts, or
    from the array's inside in a table's text (``text[start:end]``, ``{...},{...}``), cut
    into records when the value is first used: a corpus's unknown words use some of a
    table's values only. A value with a brace inside a string is read as JSON instead.

    >>> t = b'{"a":"1"},{"a":"{"}'
    >>> lazy = _Records(text=t, start=0, end=len(t))
    >>> len(lazy), lazy[1]["a"], lazy.raw
    (2, '{', [b'', b''])
    """

    __slots__ = ("_raw", "_done", "_text", "_start", "_end")

    def __init__(
        self, raw: list[bytes] | None = None, text: bytes = b"", start: int = 0, end: int = 0
    ) -> None:
        self._raw: list[bytes] = raw if raw is not None else []  # each record's text, no braces
        self._done: list[dict[str, Any] | None] | None = None if raw is None else [None] * len(raw)
        self._text, self._start, self._end = text, start, end

    def _cut(self) -> list[dict[str, Any] | None]:
        """The records' texts, cut from the table's text at the first use of the value."""
        text, start, end = self._text, self._start, self._end
        records = text[start + 1 : end - 1].split(b"},{") if end > start else []
        # (no backslash in the table, so a quote always opens or closes a string: only a
        # brace inside a string could make the cut wrong)
        done: list[dict[str, Any] | None]
        if text.count(b"{", start, end) == len(records):
            self._raw, done = records, [None] * len(records)
        else:  # a brace inside a value: its records as JSON reads them
            decoded: list[dict[str, Any] | None] = json.loads(b"[" + text[start:end] + b"]")
            self._raw, done = [b""] * len(decoded), decoded
        self._done, self._text = done, b""
        return done

    def __len__(self) -> int:
        return len(self._done if self._done is not None else self._cut())

    @property
    def raw(self) -> list[bytes]:
        """Each record's text, without its braces (empty for a value read as JSON)."""
        if self._done is None:
            self._cut()
        return self._raw

    @overload
    def __getitem__(self, i: int) -> dict[str, Any]: ...
    @overload
    def __getitem__(self, i: slice) -> list[dict[str, Any]]: ...
    def __getitem__(self, i: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        done = self._done
        if done is None:
            done = self._cut()
        rec = done[i]
        if rec is None:
            rec = done[i] = json.loads(b"{" + self._raw[i] + b"}")
        return rec


def _list_records(text: bytes) -> list[bytes] | None:
    r"""The lines of a ``*.list`` table, one flat object each (``{...}``), cut into the
    objects' insides by one split of the whole text; None when the text is not plainly
    that (a backslash, a blank line, a brace inside a value).

    >>> _list_records(b'{"id":"1"}\n{"id":"2"}\n')
    [b'"id":"1"', b'"id":"2"']
    >>> _list_records(b'{"id":"{"}\n') is None
    True
    """
    body = text[:-1] if text.endswith(b"\n") else text
    if not body:
        return []
    if not (body.startswith(b"{") and body.endswith(b"}")) or b"\\" in body:
        return None
    parts = body[1:-1].split(b"}\n{")
    return parts if body.count(b"{") == len(parts) == body.count(b"}") else None


#: The start of a ``*.map`` table's line whose value is an array, up to its bracket.
_ARRAY_LINE = re.compile(rb'\{"key":("[^"\\\n]*"|-?[0-9]+),"value":\[')


def _map_records(text: bytes) -> dict[Any, _Records] | None:
    r"""A ``*.map`` table whose values are arrays of flat objects (``{"key":K,"value":
    [{...},{...}]}`` a line), each value a :class:`_Records` over its place in the text
    (cut into its objects at its first use); None when the text is not plainly that (a
    backslash, a line of another shape).

    >>> t = _map_records(b'{"key":3,"value":[{"a":"1"},{"a":"2"}]}\n{"key":"x","value":[]}\n')
    >>> {k: v.raw for k, v in t.items()}
    {3: [b'"a":"1"', b'"a":"2"'], 'x': []}
    >>> list(_map_records(b'{"key":3,"value":[{"a":"{"}]}\n')[3])  # read as JSON
    [{'a': '{'}]
    >>> _map_records(b'{"key":3,"value":{"a":"1"}}\n') is None
    True
    """
    if b"\\" in text:
        return None
    out: dict[Any, _Records] = {}
    pos, size = 0, len(text)
    while pos < size:
        eol = text.find(b"\n", pos)
        if eol < 0:
            eol = size
        if eol == pos:
            pos += 1
            continue
        head = _ARRAY_LINE.match(text, pos)
        if head is None or head.end() > eol - 2 or not text.startswith(b"]}", eol - 2):
            return None
        start, end = head.end(), eol - 2
        if end > start and not (text.startswith(b"{", start) and text.startswith(b"}", end - 1)):
            return None
        out[json.loads(head.group(1))] = _Records(text=text, start=start, end=end)
        pos = eol + 1
    return out


#: A ``*.map`` table's line whose value is a string, a whole number or null.
_SCALAR_LINE = re.compile(
    rb'\{"key":("[^"\\\n]*"|-?[0-9]+),"value":("[^"\\\n]*"|-?[0-9]+|null)\}\n'
)


def _scalar_map(text: bytes) -> dict[Any, Any] | None:
    r"""A ``*.map`` table whose values are strings, whole numbers or null, read by one
    regular expression over the whole text; None unless every line is exactly that.

    >>> _scalar_map(b'{"key":"ab","value":75}\n{"key":"c","value":"1 2"}\n')
    {'ab': 75, 'c': '1 2'}
    >>> _scalar_map(b'{"key":"ab","value":[1]}\n') is None
    True
    """
    if b"\\" in text:
        return None
    out: dict[Any, Any] = {}
    covered = 0
    for m in _SCALAR_LINE.finditer(text):
        key, value = m.groups()
        out[_scalar(key)] = _scalar(value)
        covered += m.end() - m.start()
    return out if covered == len(text) and len(out) == text.count(b"\n") else None


def _scalar(raw: bytes) -> Any:
    """A JSON string without escapes, a whole number or null, as json.loads reads it."""
    if raw.startswith(b'"'):
        return raw[1:-1].decode("utf-8")
    return None if raw == b"null" else int(raw)


def _table_text(filename: str) -> bytes:
    from farahidi import lexicon

    return gunzip((lexicon._data_dir() / (filename + ".jsonl.gz")).read_bytes())


@cache
def _lazy_table(filename: str) -> Any:
    """A ``*.map`` table of arrays as {key: :class:`_Records`}, or a ``*.list`` table as
    :class:`_Records`; farahidi's own loader's result when the file is not of that shape."""
    from farahidi import lexicon

    text = _table_text(filename)
    if filename.endswith(".list"):
        inner = _list_records(text)
        return _Records(inner) if inner is not None else lexicon.load_list(filename)
    table = _map_records(text)
    return table if table is not None else lexicon.load_map(filename)


@cache
def _flat_map(filename: str) -> Any:
    """A ``*.map`` table of strings or numbers as a dict read in one pass; farahidi's own
    loader's result when the file is not of that shape."""
    from farahidi import lexicon

    table = _scalar_map(_table_text(filename))
    return table if table is not None else lexicon.load_map(filename)


#: The tables read record by record (:func:`_lazy_table`), by farahidi's logical names.
#: (Only tables of many small records gain: one large array decodes fast whole.)
_LAZY_DERIVED = frozenset(
    {"voweled_diac_stem", "voweled_canonic_stem", "formulas", "roots_tri", "roots_quad"}
)

#: A formula's pattern, as the formulas table writes it.
_PATTERN_ID = re.compile(rb'"idDiacPatternStem":"([0-9]+)"')


class _Numbered:
    """The formulas of one length found by their number as a root's list writes it (1-based,
    plain decimals): each one's pattern and place, read off the record's text when it is
    first asked for (a corpus's unknown words ask for a few thousand of some 100,000), else
    from the decoded record.

    >>> n = _Numbered(_Records([b'"idRoot":"1","idDiacPatternStem":"13"', b'"idDiacPatternStem":"7"']))
    >>> n.get("1"), n.get("2"), n.get("3"), n.get("02"), n.get("0")
    (('13', 0), ('7', 1), None, None, None)
    """

    __slots__ = ("formulas", "found")

    def __init__(self, formulas: Sequence[dict[str, Any]]) -> None:
        self.formulas = formulas
        self.found: dict[str, tuple[str, int] | None] = {}

    def get(self, number: str) -> tuple[str, int] | None:
        try:
            return self.found[number]
        except KeyError:
            pass
        k = int(number) if number.isascii() and number.isdigit() else 0
        if str(k) != number or not 1 <= k <= len(self.formulas):
            found = None  # only the numbers 1 ... n, written as str(k) writes them
        else:
            found = (self._pattern(k - 1), k - 1)
        self.found[number] = found
        return found

    def _pattern(self, i: int) -> str:
        if isinstance(self.formulas, _Records):
            ids = _PATTERN_ID.findall(self.formulas.raw[i])
            if len(ids) == 1:
                return str(ids[0].decode())
        return str(self.formulas[i]["idDiacPatternStem"])


_LAZY_LISTS = frozenset({"propernoun_voweled"})

#: The tables of strings or numbers read in one pass (:func:`_flat_map`), by logical names.
_FLAT_DERIVED = frozenset({"roots_id_tri", "roots_id_quad"})
_FLAT_MAPS = frozenset({"propernoun_unvoweled", "toolwords_unvoweled"})


def indexed_analyzer() -> Any:
    """A farahidi ``Analyzer`` whose pattern search is indexed when the installed version
    is one this module was checked against, else farahidi's own."""
    import farahidi

    if getattr(farahidi, "__version__", "") not in CHECKED_VERSIONS:
        return farahidi.Analyzer()
    _install_string_helpers()
    return _indexed_class()()


#: A hamza letter: farahidi's ``correct_hamza`` re-seats these and changes nothing else.
_HAMZA = re.compile("[ءأإؤئ]")

#: farahidi's own string helpers, as they were before :func:`_install_string_helpers`.
_ORIGINAL: dict[str, Callable[..., str]] = {}


def _install_string_helpers() -> None:
    """Give farahidi's string helpers that its analyser calls some 30,000 times for a
    corpus's unknown words the same results for less: ``correct_hamza`` returns a word
    with no hamza as it is without walking it, and remembers the others;
    ``word_from_root_and_pattern`` remembers its (root, pattern) pairs. Both are pure
    functions of strings; the test compares them with the originals (``_ORIGINAL``).
    The module's functions are replaced in place (farahidi's analyser calls them as
    globals), once, and only for the versions in ``CHECKED_VERSIONS``."""
    from farahidi import normalize as N, vowelize as V

    if _ORIGINAL:
        return
    _ORIGINAL.update(
        correct_hamza=N.correct_hamza, word_from_root_and_pattern=N.word_from_root_and_pattern
    )
    seat = lru_cache(maxsize=100_000)(N.correct_hamza)

    def correct_hamza(word: str) -> str:
        return word if word and _HAMZA.search(word) is None else seat(word)

    N.correct_hamza = V.correct_hamza = correct_hamza
    N.word_from_root_and_pattern = lru_cache(maxsize=100_000)(N.word_from_root_and_pattern)


@lru_cache(maxsize=1)
def _indexed_class() -> type:
    from farahidi import Analyzer, normalize as N
    from farahidi.lexicon import DERIVED_TABLES, TABLES, Lexicon

    class LazyLexicon(Lexicon):  # type: ignore[misc]
        """farahidi's table accessors, its tables of small records read record by record,
        and each table (and each decoded feature) found once rather than by formatting
        its file name at every call (some 150,000 calls for a corpus's unknown words)."""

        def __init__(self) -> None:
            super().__init__()
            self._tables: dict[tuple[str, str], Any] = {}
            self._features: dict[tuple[str, str, int], dict[str, Any] | None] = {}

        def derived_map(self, cat: str, logical: str) -> Any:
            table = self._tables.get((cat, logical))
            if table is None:
                if logical in _LAZY_DERIVED:
                    table = _lazy_table(DERIVED_TABLES[logical].format(cat=cat))
                elif logical in _FLAT_DERIVED:
                    table = _flat_map(DERIVED_TABLES[logical].format(cat=cat))
                else:
                    table = super().derived_map(cat, logical)
                self._tables[cat, logical] = table
            return table

        def derived_list(self, cat: str, logical: str) -> Any:
            table = self._tables.get((cat, "list:" + logical))
            if table is None:
                table = self._tables[cat, "list:" + logical] = super().derived_list(cat, logical)
            return table

        def map(self, logical: str) -> Any:
            if logical in _FLAT_MAPS:
                return _flat_map(TABLES[logical])
            return super().map(logical)

        def list(self, logical: str) -> Any:
            if logical in _LAZY_LISTS:
                return _lazy_table(TABLES[logical])
            return super().list(logical)

        def feature(self, cat: str, feature: str, index: int) -> dict[str, Any] | None:
            key = (cat, feature, index)
            if key not in self._features:
                self._features[key] = super().feature(cat, feature, index)
            return self._features[key]

    class IndexedAnalyzer(Analyzer):  # type: ignore[misc]
        """farahidi's ``Analyzer`` with ``_possible_solutions`` searching a trie."""

        def __init__(self) -> None:
            super().__init__()
            self.lex = LazyLexicon()
            self._tries: dict[tuple[str, int], tuple[_Trie, list[dict[str, Any]]]] = {}
            self._infos: dict[tuple[int, int, str], tuple[dict[str, Any], list[str]]] = {}
            self._numbered: dict[tuple[str, int], _Numbered] = {}

        def _get_info_result(
            self, id_root: str, id_pattern_stem: str, length: int, cat: str
        ) -> list[dict[str, Any]]:
            # farahidi 0.4's loop, each formula found by its number as the root's list
            # writes it (the tables write plain decimals: the test checks) and its pattern
            # kept beside it, instead of parsing the number and reading the formula
            formulas = self.lex.formulas(cat, length)
            numbered = self._numbered.get((cat, length))
            if numbered is None:
                numbered = self._numbered[cat, length] = _Numbered(formulas)
            patterns = set(id_pattern_stem.split(" "))
            out = []
            for number in id_root.split(" "):
                found = numbered.get(number)
                if found is not None and found[0] in patterns:
                    out.append(formulas[found[1]])
            return out

        def _info_results(self, formula: dict[str, Any], length: int, cat: str) -> list[str]:
            # farahidi's, once per formula (the same formulas serve many stems); its callers
            # only read the list. (The formula is kept with it, so its id stays its own.)
            key = (id(formula), length, cat)
            found = self._infos.get(key)
            if found is None:
                found = self._infos[key] = (formula, super()._info_results(formula, length, cat))
            return found[1]

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
