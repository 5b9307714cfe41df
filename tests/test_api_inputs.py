"""The Python API's inputs (issue 15, items 5 and 6): texts and paths are told apart
explicitly, and one document that fails is left out with a typed warning instead of
aborting the list."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import kg
from kg.errors import InputError, SkippedDocumentWarning
from kg.link import LINKERS
from kg.model import Extraction, Link

TEXT = "استضاف الرئيس الفرنسي إيمانويل ماكرون قمة في باريس."


class BadLinker:
    """Links every mention of a document that says "فرانكفورت" to an id that is not a QID,
    which the graph stage refuses (InvalidExtractionError)."""

    name = "bad"

    def __call__(self, extraction: Extraction) -> tuple[Link, ...]:
        if "فرانكفورت" not in extraction.analysed.doc.text:
            return ()
        return tuple(Link(m.id, "not-a-qid", 1.0, self.name) for m in extraction.mentions)


def test_the_reported_text_builds() -> None:
    g = kg.build(texts=["نظير عمان ا"], linker="none")
    assert g.summary.documents == 1


def test_one_document_the_graph_refuses_is_skipped_with_a_typed_warning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(LINKERS, "_table", dict(LINKERS._table))
    LINKERS.register("bad", "tests.test_api_inputs:BadLinker")
    bad = "زار الوفد الألماني فرانكفورت أمس."
    with pytest.warns(SkippedDocumentWarning) as caught:
        g = kg.build(texts=[TEXT, bad], analyser="rules", linker="bad")
    assert g.summary.documents == 1 and len(g.summary.problems) == 1
    assert g.summary.problems[0].source == "<text-2>"
    skipped = [w.message for w in caught if isinstance(w.message, SkippedDocumentWarning)]
    assert [w.source for w in skipped] == ["<text-2>"]
    assert {f.relation for f in g.facts()} >= {"hosted"}


def test_texts_are_never_read_as_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match="nothing could be read"):
        kg.build(texts=["."], linker="none")  # "." is a text (no letters), not the folder
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        g = kg.build(paths=[tmp_path], linker="none")
        assert g.summary.documents == 1
        assert kg.build(texts=TEXT, linker="none").summary.documents == 1


def test_the_old_form_still_works_and_is_deprecated(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    with pytest.warns(DeprecationWarning, match="texts="):
        g = kg.build([str(tmp_path), TEXT], linker="none")
    assert g.summary.documents == 2


def test_texts_must_be_strings(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="paths="):
        kg.build(texts=[tmp_path], linker="none")  # type: ignore[list-item]


def test_a_text_and_a_file_with_one_id_do_not_abort_the_list(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(
        '{"id": "text-1", "text": "زار وزير الخارجية القطري مصر والأردن."}\n', encoding="utf-8"
    )
    with pytest.warns(SkippedDocumentWarning, match="duplicate document id"):
        g = kg.build(texts=[TEXT], paths=[tmp_path / "a.jsonl"], linker="none")
    assert g.summary.documents == 1 and len(g.summary.problems) == 1
