"""The stanza analyser, run for real on tiny models trained here from the project's own
CoNLL-U (tests/stanza_models.py): Pipeline construction from disk, batching, MWT offsets,
NER -> mentions, facts, the auto choice, and the missing-model paths. No network."""

from __future__ import annotations

import doctest
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from stanza_models import tiny_model_dir

import kg.analyse.stanza as st
from kg.analyse import AutoAnalyser
from kg.cli import main
from kg.errors import ModelsMissingError
from kg.extract.ud import extract
from kg.model import AnalysedDoc, Document
from kg.pipeline import Options, Stages, build, run

AR_1 = "وقال تيلرسون إن التحالف سيهزم داعش. وقدمت الولايات المتحدة الدعم للعراق."
AR_2 = "وشاركت فرنسا وألمانيا في الاجتماع."
AR_3 = "استضاف وزير الخارجية الأميركي ريكس تيلرسون اجتماع التحالف الدولي في واشنطن."
EN_1 = "Rex Tillerson hosted the meeting of the coalition in Washington. France and Germany took part in the meeting."
EN_2 = "Tillerson said that the coalition would defeat ISIS."


@pytest.fixture(scope="session")
def models() -> Path:
    return tiny_model_dir()


@pytest.fixture(scope="session")
def analyser(models: Path) -> st.StanzaAnalyser:
    return st.StanzaAnalyser(model_dir=models, batch_size=2)


def _facts(a: AnalysedDoc) -> set[tuple[str, str, str]]:
    ex = extract(a)
    label = {e.key: e.label for e in ex.entities}
    return {(label[t.subject], t.relation, label[t.object]) for t in ex.triples}


def test_import_is_light() -> None:
    code = "import sys, kg, kg.analyse.stanza, kg.pipeline, kg.cli; print(sorted(m for m in ('torch', 'stanza') if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_doctests() -> None:
    assert doctest.testmod(st).failed == 0


def test_default_model_dir_is_stanzas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STANZA_RESOURCES_DIR", raising=False)
    from stanza.resources.common import DEFAULT_MODEL_DIR

    assert st.default_model_dir() == Path(DEFAULT_MODEL_DIR)


def test_models_available(models: Path, tmp_path: Path) -> None:
    assert st.models_available("ar", models) and st.models_available("en", models)
    assert not st.models_available("fr", models)
    assert not st.models_available("ar", tmp_path)
    ar, en = st.installed("ar", models), st.installed("en", models)
    assert "mwt" in ar.processors and "mwt" not in en.processors and "ner" in en.processors
    # a deleted dependency (the word vectors) makes the language unusable
    broken = tmp_path / "broken"
    import shutil

    shutil.copytree(models, broken)
    (broken / "ar" / "pretrain" / "tiny.pt").unlink()
    assert not st.models_available("ar", broken)
    assert "pos" in st.installed("ar", broken).missing


def test_missing_message_names_the_command(tmp_path: Path) -> None:
    msg = st.missing_message("ar", tmp_path)
    assert "kg models download ar" in msg and "--analyser rules" in msg and "\n" not in msg
    with pytest.raises(ModelsMissingError, match="kg models download ar"):
        st.StanzaAnalyser(model_dir=tmp_path).require("ar")


def test_pipeline_built_once_per_language(analyser: st.StanzaAnalyser) -> None:
    nlp = analyser.pipeline("ar")
    assert analyser.pipeline("ar") is nlp
    assert {"tokenize", "mwt", "pos", "lemma", "depparse", "ner"} <= set(nlp.processors)
    assert "mwt" not in analyser.pipeline("en").processors


def test_only_the_analysis_processors_are_loaded(models: Path, tmp_path: Path) -> None:
    # a real default package also lists sentiment, constituency ...: they are not loaded
    import json
    import shutil

    copy = tmp_path / "models"
    shutil.copytree(models, copy)
    res = json.loads((copy / "resources.json").read_text(encoding="utf-8"))
    res["en"]["packages"]["default"].update({"sentiment": "tiny", "constituency": "tiny"})
    (copy / "resources.json").write_text(json.dumps(res), encoding="utf-8")
    nlp = st.StanzaAnalyser(model_dir=copy).pipeline("en")
    assert set(nlp.processors) == {"tokenize", "pos", "lemma", "depparse", "ner"}
    nlp = st.StanzaAnalyser(
        model_dir=copy, processors=["tokenize", "pos", "lemma", "depparse"]
    ).pipeline("en")
    assert set(nlp.processors) == {"tokenize", "pos", "lemma", "depparse"}


def test_batches_in_order(analyser: st.StanzaAnalyser) -> None:
    docs = [
        Document("a1", AR_1, "ar"),
        Document("a2", AR_2, "ar"),
        Document("a3", AR_3, "ar"),
        Document("e1", EN_1, "en"),
        Document("a4", AR_2, "ar"),
    ]
    out = list(analyser.analyse_many(docs))
    assert [a.doc.id for a in out] == ["a1", "a2", "a3", "e1", "a4"]
    assert [a.analyser for a in out] == ["stanza:ar"] * 3 + ["stanza:en", "stanza:ar"]
    assert len(out[0].sentences) == 2
    assert [t.form for t in out[1].sentences[0].tokens] == [
        t.form for t in out[4].sentences[0].tokens
    ]


def test_mwt_offsets(analyser: st.StanzaAnalyser) -> None:
    a = analyser.analyse(Document("a1", AR_1, "ar"))
    s0, s1 = a.sentences
    forms = [(t.form, AR_1[t.start : t.end]) for t in s0.tokens]
    assert forms[:2] == [("و", "و"), ("قال", "قال")]  # وقال = و + قال
    assert ("س", "س") in forms and ("يهزم", "يهزم") in forms  # سيهزم = س + يهزم
    # للعراق = ل + العراق: the words do not spell the token; each keeps its own characters
    lil = [t for t in s1.tokens if t.form in ("ل", "العراق")]
    assert [(t.form, AR_1[t.start : t.end]) for t in lil] == [("ل", "ل"), ("العراق", "لعراق")]
    assert lil[0].end == lil[1].start and AR_1[lil[0].start : lil[1].end] == "للعراق"
    for s in a.sentences:
        assert s.text == AR_1[s.start : s.end]
        spans = [(t.start, t.end) for t in s.tokens]
        assert spans == sorted(spans) and all(a_ < b for a_, b in spans)
        assert all(0 <= t.head <= len(s.tokens) for t in s.tokens)
        assert sum(t.head == 0 for t in s.tokens) == 1


def test_ner_spans_become_typed_mentions(analyser: st.StanzaAnalyser) -> None:
    a = analyser.analyse(Document("a1", AR_1, "ar"))
    s1 = a.sentences[1]
    ents = {
        AR_1[s1.token(e.first).start : s1.token(e.last).end]: (e.label, e.ref, e.source)
        for e in s1.entities
    }
    assert ents["الولايات المتحدة"] == (
        "Country",
        "Q30",
        "ner",
    )  # GPE/LOC sharpened by the gazetteer
    assert ents["لعراق"][:2] == ("Country", "Q796")  # the clitic ل is left out of the name
    ex = extract(a)
    names = {m.text: m.label for m in ex.mentions if m.kind == "name"}
    assert names["تيلرسون"] == "Person" and names["الولايات المتحدة"] == "Country"
    en = analyser.analyse(Document("e1", EN_1, "en"))
    assert {(e.label, e.ref) for e in en.sentences[0].entities} >= {
        ("Person", "local:Rex Tillerson"),
        ("City", "Q61"),
    }


def test_facts_from_stanza_parses(analyser: st.StanzaAnalyser) -> None:
    ar = _facts(analyser.analyse(Document("a", AR_3 + " " + AR_2, "ar")))
    assert ("ريكس تيلرسون", "hosted", "اجتماع التحالف الدولي") in ar
    # الاجتماع of the second sentence is the meeting of the first (one event per document)
    assert {
        ("فرنسا", "participatedIn", "اجتماع التحالف الدولي"),
        ("ألمانيا", "participatedIn", "اجتماع التحالف الدولي"),
    } <= ar
    said = _facts(analyser.analyse(Document("b", AR_1, "ar")))
    assert any(s == "تيلرسون" and r == "said" for s, r, _ in said)
    assert ("الولايات المتحدة", "provides", "الدعم للعراق") in said
    en = _facts(analyser.analyse(Document("e", EN_1 + " " + EN_2, "en")))
    assert ("Rex Tillerson", "hosted", "the meeting") in en
    assert ("France", "participatedIn", "the meeting") in en and (
        "Germany",
        "participatedIn",
        "the meeting",
    ) in en
    assert ("the meeting", "location", "Washington") in en
    assert any(s == "Rex Tillerson" and r == "said" for s, r, _ in en)


def test_auto_uses_stanza_when_models_are_on_disk(models: Path, tmp_path: Path) -> None:
    auto = AutoAnalyser(model_dir=models)
    assert auto.choose(Document("a", AR_2, "ar")).name == "stanza"
    assert auto.choose(Document("f", "Bonjour", "fr")).name == "rules"
    assert AutoAnalyser(model_dir=tmp_path).choose(Document("a", AR_2, "ar")).name == "rules"


def test_provenance_records_the_analyser(models: Path) -> None:
    opts = Options(
        analyser="auto", linker="none", html=False, analyser_options={"model_dir": models}
    )
    summary, ds = build([], None, opts, texts=[AR_3, EN_1])
    assert summary.facts > 0 and not summary.problems
    used = {str(o) for o in ds.objects() if str(o).startswith("stanza:")}
    assert used == {"stanza:ar", "stanza:en"}


def test_python_api_with_a_model_dir(models: Path) -> None:
    import kg

    g = kg.build(texts=[AR_3], analyser="stanza", model_dir=models, linker="none")
    assert ("ريكس تيلرسون", "hosted") in {(f.subject, f.relation) for f in g.facts()}


def test_pipeline_batches_and_reports_per_document(models: Path) -> None:
    opts = Options(
        analyser="stanza", linker="none", analyser_options={"model_dir": models, "batch_size": 2}
    )
    docs = [
        Document("a", AR_2, "ar"),
        Document("f", "Un texte.", "fr", source="f.txt"),
        Document("e", EN_1, "en"),
    ]
    out = list(run(docs, opts, stages=Stages.from_options(opts)))
    assert [type(x).__name__ for x in out] == ["DocResult", "Problem", "DocResult"]
    assert "kg models download fr" in out[1].reason and out[1].source == "f.txt"


def test_cli_stanza_without_models_fails_before_reading(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text(AR_2, encoding="utf-8")
    r = CliRunner().invoke(
        main,
        [
            "build",
            str(text),
            "--analyser",
            "stanza",
            "--model-dir",
            str(tmp_path / "none"),
            "--out",
            str(tmp_path / "o"),
        ],
    )
    assert r.exit_code == 1
    assert "kg models download" in r.output and "--analyser rules" in r.output
    assert "Traceback" not in r.output and r.output.count("\n") == 1
    assert not (tmp_path / "o").exists()


def test_cli_build_with_tiny_models(models: Path, tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text(AR_3 + "\n\n" + AR_2, encoding="utf-8")
    r = CliRunner().invoke(
        main,
        [
            "build",
            str(text),
            "--analyser",
            "stanza",
            "--model-dir",
            str(models),
            "--out",
            str(tmp_path / "o"),
            "--no-html",
        ],
    )
    assert r.exit_code == 0, r.output
    assert "facts" in r.output and (tmp_path / "o" / "graph.ttl").is_file()


def test_cli_models_list(models: Path, tmp_path: Path) -> None:
    r = CliRunner().invoke(main, ["models", "list", "--model-dir", str(models)])
    assert r.exit_code == 0 and "ar\t" in r.output and "ready" in r.output
    r = CliRunner().invoke(main, ["models", "list", "--model-dir", str(tmp_path)])
    assert "no stanza models" in r.output


def test_cli_models_download_fails_fast_without_network(tmp_path: Path) -> None:
    # stanza's resources URL pointed at a closed local port: unreachable here and anywhere
    env = {**os.environ, "STANZA_RESOURCES_URL": "http://127.0.0.1:9/stanza-resources"}
    r = subprocess.run(
        [sys.executable, "-m", "kg.cli", "models", "download", "ar", "--model-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert r.returncode == 1
    assert (
        "127.0.0.1" in r.stderr and "--analyser rules" in r.stderr and "Traceback" not in r.stderr
    )
    assert not (tmp_path / "resources.json").exists()
