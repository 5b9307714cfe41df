"""Contract tests over every registered analyser: whatever produced it, an AnalysedDoc
has sentences whose text is the document's, tokens in order inside their sentence, one
root and heads inside the sentence with no cycle, and entity spans over existing tokens
with ontology classes."""

from __future__ import annotations

from pathlib import Path

import pytest
from stanza_models import tiny_model_dir

from kg.analyse import ANALYSERS, get_analyser
from kg.model import ENTITY_CLASSES, AnalysedDoc, Document

DATA = Path(__file__).parent / "data"
AR = "استضاف وزير الخارجية الأميركي ريكس تيلرسون اجتماع التحالف الدولي في واشنطن. وقال تيلرسون إن التحالف سيهزم داعش."
EN = (DATA / "english_article.txt").read_text(encoding="utf-8")


def _inputs(name: str) -> list[tuple[dict[str, object], Document]]:
    if name == "conllu":
        return [
            ({}, Document(p.name, p.read_text(encoding="utf-8"), "ar", str(p), "conllu"))
            for p in sorted((DATA / "conllu").glob("[!b]*.conllu"))
        ]
    options: dict[str, object] = {"model_dir": tiny_model_dir()} if name == "stanza" else {}
    return [(options, Document("ar", AR, "ar")), (options, Document("en", EN, "en"))]


def _check(a: AnalysedDoc) -> None:
    text = a.doc.text
    assert a.sentences and a.analyser
    prev_end = 0
    for s in a.sentences:
        assert s.text == text[s.start : s.end] and s.start >= prev_end
        prev_end = s.end
        n = len(s.tokens)
        assert [t.id for t in s.tokens] == list(range(1, n + 1))
        assert all(s.start <= t.start < t.end <= s.end for t in s.tokens)
        assert all(a_.start <= b.start for a_, b in zip(s.tokens, s.tokens[1:], strict=False))
        assert sum(t.head == 0 for t in s.tokens) == 1
        assert all(0 <= t.head <= n and t.head != t.id and t.deprel and t.upos for t in s.tokens)
        for t in s.tokens:
            seen: set[int] = set()
            h = t.head
            while h:
                assert h not in seen, f"cycle through token {h} in {s.text!r}"
                seen.add(h)
                h = s.token(h).head
        for e in s.entities:
            assert 1 <= e.first <= e.last <= n and e.label in ENTITY_CLASSES


@pytest.mark.parametrize("name", [n for n in ANALYSERS.names()])
def test_contract(name: str) -> None:
    for options, doc in _inputs(name):
        _check(get_analyser(name, **options).analyse(doc))
