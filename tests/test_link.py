"""The offline gazetteer linker."""

from __future__ import annotations

from kg.lexicon.gazetteer import load
from kg.link import get_linker
from kg.link.gazetteer import GazetteerLinker
from kg.model import Mention


def link(text: str, label: str, context: str = "") -> str | None:
    m = Mention("m1", 0, 0, len(text), text, label, "e1", "name")
    found = GazetteerLinker().link_mention(m, context or text)
    return found.qid if found else None


def test_names_with_clitics_and_english() -> None:
    assert link("بالعراق", "Country") == "Q796"
    assert link("لواشنطن", "City") == "Q61"
    assert link("والسعودية", "Country") == "Q851"
    assert link("Saudi Arabia", "Country") == "Q851"


def test_class_must_fit() -> None:
    assert link("العراق", "Person") is None


def test_ambiguous_names_need_context() -> None:
    assert link("عمان", "Country", "وصل الوفد إلى عمان") is None
    assert link("عمان", "City", "في العاصمة الأردنية عمان") == "Q3805"
    assert link("عمان", "Country", "زار سلطنة عمان") == "Q842"


def test_unknown_names_stay_unlinked() -> None:
    assert link("ريكس تيلرسون", "Person") is None  # in the gazetteer, but no confirmed QID
    assert link("تيلرسونات", "Person") is None


def test_gazetteer_loads_and_chains() -> None:
    assert len(load().entries) >= 318
    assert get_linker("gazetteer+none").name == "gazetteer+none"
