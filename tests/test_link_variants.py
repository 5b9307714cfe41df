"""Spelling variants of foreign names (kg/link/variants.py) on a list of our own, and their
use at match time by the gazetteer linker."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kg.link.gazetteer import GazetteerLinker, candidates
from kg.link.variants import skeleton, variants
from kg.model import Mention
from kg.text import normalize

DATA = Path(__file__).parent / "data" / "name_variants_ar.tsv"


def _pairs() -> list[tuple[str, str, bool]]:
    with DATA.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return [
        (r["a"], r["b"], r["same"] == "1")
        for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    ]


def test_list_is_large_and_balanced() -> None:
    pairs = _pairs()
    assert len(pairs) >= 45
    assert sum(same for *_, same in pairs) >= 30
    assert sum(not same for *_, same in pairs) >= 10


@pytest.mark.parametrize(("a", "b", "same"), _pairs())
def test_skeleton_tells_one_name_from_two(a: str, b: str, same: bool) -> None:
    assert (skeleton(a) == skeleton(b)) is same


@pytest.mark.parametrize(("a", "b"), [(a, b) for a, b, same in _pairs() if same])
def test_generated_variants_share_the_skeleton(a: str, b: str) -> None:
    forms = variants(a)
    assert forms[0] == normalize(a)
    assert all(skeleton(f) == skeleton(a) for f in forms)
    # one of the two spellings is generated from the other (a dropped ي cannot be put back)
    assert normalize(b) in forms or normalize(a) in variants(b)


@pytest.mark.parametrize(
    ("surface", "label"),
    [
        ("ينس ستولتنبيرغ", "Jens Stoltenberg"),
        ("ستولتنبيرج", "Jens Stoltenberg"),
        ("وتيليرسون", "Rex Tillerson"),
        ("دونالد ترامب", "Donald Trump"),
    ],
)
def test_gazetteer_matches_other_spellings_of_its_people(surface: str, label: str) -> None:
    found = candidates(surface)
    assert found is not None
    assert [r.label_en for r in found.readings] == [label]


def test_a_spelling_match_is_linked_with_a_lower_score() -> None:
    m = Mention("m1", 0, 0, 11, "دونالد ترمب", "Person", "e1")
    exact = GazetteerLinker().link_mention(m, "قال دونالد ترمب")
    spelt = GazetteerLinker().link_mention(
        Mention("m1", 0, 0, 12, "دونالد ترامپ", "Person", "e1"), "قال دونالد ترامپ"
    )
    assert exact is not None and spelt is not None
    assert exact.qid == spelt.qid == "Q22686"
    assert spelt.score < exact.score


def test_places_are_not_matched_by_spelling() -> None:
    # a place's Arabic name is fixed: بغداد spelt otherwise is not Baghdad by rule
    assert candidates("بقداد") is None
