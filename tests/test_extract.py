"""The UD extractor on fixed, hand-written CoNLL-U parses (not only on the rules analyser)."""

from __future__ import annotations

from kg.analyse.conllu import ConlluAnalyser
from kg.analyse.rules import RulesAnalyser
from kg.extract.ud import extract
from kg.model import Document, Extraction
from kg.read import from_strings
from tests.conftest import DATA


def facts(x: Extraction) -> set[tuple[str, str, str]]:
    ents = {e.key: e for e in x.entities}
    return {
        (ents[t.subject].label, t.relation, ents[t.object].label)
        for t in x.triples
        if not t.negated
    }


def fixture() -> Extraction:
    text = (DATA / "extract_ar.conllu").read_text(encoding="utf-8")
    return extract(ConlluAnalyser().analyse(Document("fixture", text, "ar", format="conllu")))


def test_facts_from_fixed_trees() -> None:
    got = facts(fixture())
    assert ("إيمانويل ماكرون", "hosted", "قمة") in got
    assert ("إيمانويل ماكرون", "holdsPosition", "الرئيس الفرنسي") in got
    assert ("قمة", "location", "باريس") in got
    assert ("الوزير", "opened", "المؤتمر") in got  # relative clause with a resumptive pronoun
    assert ("العراق", "participatedIn", "الاجتماع") in got and (
        "الأردن",
        "participatedIn",
        "الاجتماع",
    ) in got
    assert ("حسن نصر الله", "leaderOf", "حزب الله") in got


def test_dropped_subject_is_the_last_speaker_and_speech_has_its_text() -> None:
    x = fixture()
    ents = {e.key: e for e in x.entities}
    said = [t for t in x.triples if t.relation == "said"]
    assert {ents[t.subject].label for t in said} == {"إيمانويل ماكرون", "حسن نصر الله"}
    statements = {ents[t.object].value for t in said}
    assert "فرنسا تدعم الحوار" in statements and "المقاومة مستمرة" in statements


def test_every_fact_keeps_its_evidence_inside_its_sentence() -> None:
    x = fixture()
    text = x.analysed.doc.text
    sentences = {s.index: s for s in x.analysed.sentences}
    assert x.triples
    for t in x.triples:
        s = sentences[t.sentence]
        assert s.start <= t.start < t.end <= s.end
        assert text[t.start : t.end].strip()
        assert 0 < t.confidence <= 1 and t.extractor.startswith("ud-extractor")
    for m in x.mentions:
        assert text[m.start : m.end] == m.text


def test_open_relation_for_a_verb_outside_the_lexicon() -> None:
    x = extract(
        RulesAnalyser().analyse(next(from_strings(["ناقش البرلمان الكويتي الميزانية الجديدة."])))
    )
    opens = [t for t in x.triples if t.relation == "open"]
    assert len(opens) == 1 and opens[0].lemma.startswith("ناقش")


def test_negated_clause_gives_no_positive_fact() -> None:
    x = extract(RulesAnalyser().analyse(next(from_strings(["لم يزر الرئيس الموريتاني باريس."]))))
    assert all(t.negated for t in x.triples if t.relation == "visited")


def test_relation_lexicon_size_and_glosses() -> None:
    from kg.lexicon.relations import load

    lex = load("ar")
    lemmas = {e.lemma for e in (*lex.verbs.values(), *lex.nouns.values())}
    assert len(lemmas) >= 300
    assert all(e.gloss for e in (*lex.verbs.values(), *lex.nouns.values(), *lex.preps.values()))
