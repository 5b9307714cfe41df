"""The conllu analyser on hand-written fixtures (tests/data/conllu): multi-word tokens,
empty nodes, comments, NER in MISC (BIO/BIOES, either case), sentences without
``# text``, and malformed files (InputError naming file:line)."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

import kg.analyse.conllu as conllu
import kg.analyse.spans as spans
from kg.errors import InputError
from kg.extract.ud import extract
from kg.model import Document
from kg.read import read, split_conllu

DATA = Path(__file__).parent / "data" / "conllu"


def _doc(name: str, lang: str = "ar") -> Document:
    path = DATA / name
    return Document(name, path.read_text(encoding="utf-8"), lang, str(path), "conllu")


def test_doctests() -> None:
    for module in (conllu, spans):
        assert doctest.testmod(module).failed == 0


def test_mwt_words_get_offsets_inside_their_token() -> None:
    a = conllu.to_analysed(_doc("features_ar.conllu"))
    text = a.doc.text
    s0, s1 = a.sentences
    assert [(t.form, text[t.start : t.end]) for t in s0.tokens[:3]] == [
        ("و", "و"),
        ("قال", "قال"),
        ("الوزير", "الوزير"),
    ]
    assert len(s0.tokens) == 9  # the empty node 6.1 is not a word
    bi = [t for t in s1.tokens if t.id in (4, 5, 6)]
    assert [text[t.start : t.end] for t in bi] == ["ب", "نظير", "ه"]
    assert text[bi[0].start : bi[-1].end] == "بنظيره"
    lil = [t for t in s1.tokens if t.id in (10, 11)]
    assert [(t.form, text[t.start : t.end]) for t in lil] == [("ل", "ل"), ("المرة", "لمرة")]
    for s in a.sentences:
        assert s.text == text[s.start : s.end]
        assert all(s.start <= t.start < t.end <= s.end for t in s.tokens)


def test_ner_from_misc_bioes_and_lower_case_key() -> None:
    a = conllu.to_analysed(_doc("features_ar.conllu"))
    s0, s1 = a.sentences
    assert [(e.first, e.last, e.label, e.ref) for e in s0.entities] == [
        (5, 5, "Country", "Q142")
    ]  # S-LOC -> gazetteer Country
    assert [(e.first, e.last, e.label) for e in s1.entities] == [
        (3, 3, "Person"),
        (8, 9, "Person"),
    ]  # ner=B-/E-


def test_facts_from_fixture_parse() -> None:
    ex = extract(conllu.to_analysed(_doc("features_ar.conllu")))
    label = {e.key: e.label for e in ex.entities}
    facts = {(label[t.subject], t.relation, label[t.object]) for t in ex.triples}
    assert ("فرنسا", "participatedIn", "الاجتماع") in facts
    assert any(r == "said" for _, r, _ in facts)
    assert any(s == "ترامب" and r == "met" for s, r, _ in facts)


def test_sentences_without_text_lines_are_spelt_from_their_words() -> None:
    a = conllu.to_analysed(_doc("no_text_en.conllu", "en"))
    assert a.doc.text == "France hosted the summit.\nGermany attended it."
    assert [(e.label, e.ref) for s in a.sentences for e in s.entities] == [
        ("Country", "Q142"),
        ("Country", "Q183"),
    ]


def test_bad_line_names_file_and_line() -> None:
    with pytest.raises(
        InputError, match=r"bad_columns\.conllu:4: expected 10 tab-separated columns, found 8"
    ):
        conllu.to_analysed(_doc("bad_columns.conllu", "en"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "1\tA\ta\tX\t_\t_\t0\troot\t_\t_\n3\tB\tb\tX\t_\t_\t1\tdep\t_\t_\n",
            r"x\.conllu:2: word id 3 out of order",
        ),
        ("1\tA\ta\tX\t_\t_\t7\troot\t_\t_\n", r"x\.conllu:1: head 7 is not a word"),
        ("1\tA\ta\tX\t_\t_\tz\troot\t_\t_\n", r"x\.conllu:1: bad head 'z'"),
        ("1-x\tAB\t_\t_\t_\t_\t_\t_\t_\t_\n", r"x\.conllu:1: bad multi-word token id '1-x'"),
        (
            "1-3\tAB\t_\t_\t_\t_\t_\t_\t_\t_\n1\tA\ta\tX\t_\t_\t0\troot\t_\t_\n",
            r"x\.conllu:1: multi-word token 1-3",
        ),
        ("1.x\tA\t_\t_\t_\t_\t_\t_\t_\t_\n", r"x\.conllu:1: bad empty node id"),
    ],
)
def test_malformed(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        list(conllu.parse(text, "x.conllu"))


def test_text_line_that_does_not_hold_the_words_falls_back() -> None:
    text = "# text = something else entirely\n1\tFrance\tFrance\tPROPN\t_\t_\t2\tnsubj\t_\t_\n2\tvoted\tvote\tVERB\t_\t_\t0\troot\t_\t_\n"
    a = conllu.to_analysed(Document("x", text, "en", "x.conllu", "conllu"))
    assert a.doc.text == "France voted"


def test_bom_and_crlf() -> None:
    text = "\ufeff# text = A b\r\n1\tA\ta\tX\t_\t_\t0\troot\t_\t_\r\n2\tb\tb\tX\t_\t_\t1\tdep\t_\t_\r\n"
    a = conllu.to_analysed(Document("x", text, "en", "x.conllu", "conllu"))
    assert [t.form for t in a.sentences[0].tokens] == ["A", "b"]


def test_unknown_ner_labels_are_dropped_not_invented() -> None:
    text = "1\tMonday\tMonday\tPROPN\t_\t_\t0\troot\t_\tNER=B-DATE\n2\tX\tX\tPROPN\t_\t_\t1\tflat\t_\tNER=B-MISC\n"
    a = conllu.to_analysed(Document("x", text, "en", "x.conllu", "conllu"))
    assert a.sentences[0].entities == ()


def test_dumps_reads_back() -> None:
    a = conllu.to_analysed(_doc("features_ar.conllu"))
    b = conllu.to_analysed(Document("y", conllu.dumps(a), "ar", "y.conllu", "conllu"))
    assert [[t.form for t in s.tokens] for s in a.sentences] == [
        [t.form for t in s.tokens] for s in b.sentences
    ]
    assert [[(e.first, e.last, e.label) for e in s.entities] for s in a.sentences] == [
        [(e.first, e.last, e.label) for e in s.entities] for s in b.sentences
    ]


def test_reader_splits_documents(tmp_path: Path) -> None:
    body = "# newdoc id = d1\n# text = A\n1\tA\ta\tX\t_\t_\t0\troot\t_\t_\n\n# newdoc id = d1\n# text = B\n1\tB\tb\tX\t_\t_\t0\troot\t_\t_\n\n# newdoc id = d2\n# text = C\n1\tC\tc\tX\t_\t_\t0\troot\t_\t_\n"
    assert [n for n, _ in split_conllu(body)] == ["d1", "d2"]
    f = tmp_path / "two.conllu"
    f.write_text(body, encoding="utf-8")
    docs = list(read([f]))
    assert [d.id for d in docs] == ["two.conllu#d1", "two.conllu#d2"]  # type: ignore[union-attr]
    assert [len(conllu.to_analysed(d).sentences) for d in docs] == [2, 1]  # type: ignore[arg-type]
