"""The indexed farahidi analyser gives farahidi's own analyses, in farahidi's order."""

from __future__ import annotations

import gzip
from importlib.resources import files

import pytest

farahidi = pytest.importorskip("farahidi")

from farahidi import normalize as N  # noqa: E402
from farahidi.lexicon import Lexicon  # noqa: E402

from kg.analyse.rules.farahidi_fast import (  # noqa: E402
    _FLAT_DERIVED,
    _FLAT_MAPS,
    _LAZY_DERIVED,
    _LAZY_LISTS,
    _ORIGINAL,
    CHECKED_VERSIONS,
    _flat_map,
    _lazy_table,
    _Records,
    _Trie,
    indexed_analyzer,
)

pytestmark = pytest.mark.skipif(
    farahidi.__version__ not in CHECKED_VERSIONS, reason="farahidi runs unindexed"
)


def _forms(step: int) -> list[str]:
    """Every ``step``-th form of the project's lexicon, in file order."""
    path = files("kg").joinpath("data/ar_lexicon.tsv.gz")
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        forms = [line.split("\t", 1)[0] for line in fh if not line.startswith("#")]
    return forms[::step]


def test_trie_finds_exactly_the_patterns_farahidi_tests() -> None:
    lex = Lexicon()
    stems = _forms(307)
    for cat in ("Nouns", "Verbs"):
        for length in range(1, 13):
            patterns = lex.unvoweled_stems(cat, length)
            norm = [p["val"][0] + N.normalize_hamza(p["val"][1:]) for p in patterns]
            trie = _Trie((p, k) for k, p in enumerate(norm))
            for word in stems:
                stem = word[:length]
                if len(stem) != length:
                    continue
                stem = stem[0] + N.normalize_hamza(stem[1:])
                brute = [k for k, p in enumerate(norm) if N.is_diac_pattern(stem, p)]
                assert trie.matches(stem) == brute, (cat, stem)


def test_same_analyses_as_farahidi() -> None:
    # attested forms, and the same letters reversed or cut short, which farahidi has never
    # seen: every reading, its features and its score, in the same order
    words = _forms(601)
    words += [w[::-1] for w in words[:80]] + [w[:-1] for w in words[:80] if len(w) > 3]
    plain, indexed = farahidi.Analyzer(), indexed_analyzer()
    assert type(indexed).__name__ == "IndexedAnalyzer"
    for word in words:
        assert indexed.analyze(word) == plain.analyze(word), word


def test_tables_read_record_by_record_hold_farahidi_s_records() -> None:
    from farahidi.lexicon import DERIVED_TABLES, TABLES, load_list, load_map

    names = [DERIVED_TABLES[t].format(cat=c) for t in _LAZY_DERIVED for c in ("Nouns", "Verbs")]
    for name in names:
        lazy, eager = _lazy_table(name), load_map(name)
        assert list(lazy) == list(eager), name
        for key, records in eager.items():
            assert isinstance(lazy[key], _Records) and list(lazy[key]) == records, (name, key)
    for name in (TABLES[t] for t in _LAZY_LISTS):
        assert isinstance(_lazy_table(name), _Records)
        assert list(_lazy_table(name)) == load_list(name), name


def test_tables_read_in_one_pass_equal_farahidi_s() -> None:
    from farahidi.lexicon import DERIVED_TABLES, TABLES, load_map

    names = [DERIVED_TABLES[t].format(cat=c) for t in _FLAT_DERIVED for c in ("Nouns", "Verbs")]
    for name in [*names, *(TABLES[t] for t in _FLAT_MAPS)]:
        flat, eager = _flat_map(name), load_map(name)
        assert flat is not eager and type(flat) is dict, name  # read by the fast path
        assert list(flat.items()) == list(eager.items()), name
        assert [type(v) for v in flat.values()] == [type(v) for v in eager.values()], name


def test_string_helpers_give_farahidi_s_results() -> None:
    indexed_analyzer()  # installs them
    assert set(_ORIGINAL) == {"correct_hamza", "word_from_root_and_pattern"}
    lex = Lexicon()
    roots = ["كتب", "سأل", "قرأ", "أمر", "وعد", "رمي", "دعو", "ءمن", "زلزل", "طمءن"]
    words = []
    for cat in ("Nouns", "Verbs"):
        for length in range(1, 10):
            for k in range(1, 400, 7):
                pattern = lex.voweled_diac_stem(cat, length, k)
                if pattern is None:
                    continue
                for root in roots:
                    if len(root) == 4 or "ل" not in pattern["val"]:
                        args = (root, pattern["val"])
                        word = N.word_from_root_and_pattern(*args)
                        assert word == _ORIGINAL["word_from_root_and_pattern"](*args), args
                        words.append(word)
    assert len(words) > 1000
    words += ["ءَامَنَ", "سَءَلَ", "قَرَءَ", "ءِسْلَام", "مَسْءُول", "شَيْء", "ا", "ء"]
    for word in words:
        assert N.correct_hamza(word) == _ORIGINAL["correct_hamza"](word), word
    with pytest.raises(IndexError):  # farahidi's own answer to an empty word
        N.correct_hamza("")


def test_roots_write_formula_numbers_as_plain_decimals() -> None:
    # what IndexedAnalyzer._get_info_result relies on to find formulas by their text
    import re

    lex, plain = Lexicon(), re.compile(r"[1-9][0-9]*( [1-9][0-9]*)*")
    for cat in ("Nouns", "Verbs"):
        for table in ("roots_tri", "roots_quad"):
            for bucket in lex.derived_map(cat, table).values():
                for root in bucket:
                    slots = [root.get(f"len{n}") for n in range(1, 13)]
                    assert all(v is None or plain.fullmatch(v) for v in slots), root["val"]
        for formulas in lex.derived_map(cat, "formulas").values():
            assert all(isinstance(f["idDiacPatternStem"], str) for f in formulas)
