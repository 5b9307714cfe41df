"""The Arabic sentence suite: every construction gives the facts it must, and not the others."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg import suite
from tests.conftest import DATA

OUTCOMES = {
    o.case.id: o
    for f in (
        "suite_ar.tsv",
        "heldout_ar.tsv",
        "heldout2_ar.tsv",
        "heldout3_ar.tsv",
        "suite_names_ar.tsv",
    )
    for o in suite.run(DATA / f)
}


@pytest.mark.parametrize("case_id", sorted(OUTCOMES))
def test_case(case_id: str) -> None:
    o = OUTCOMES[case_id]
    assert o.ok, suite.format_outcomes([o])


def test_suite_is_big_enough() -> None:
    assert len(OUTCOMES) >= 60
    assert len({o.case.construction for o in OUTCOMES.values()}) >= 40


def test_a_repeated_case_id_is_an_error_naming_the_line(tmp_path: Path) -> None:
    from kg.errors import InputError

    f = tmp_path / "dup.tsv"
    f.write_text(
        "id\tconstruction\ttext\texpect\tforbid\na\tx\tزار الرئيس مصر.\t\t\na\ty\tزار الرئيس مصر.\t\t\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"dup.tsv:3: case id 'a' is already used on line 2"):
        suite.load(f)
