"""English through the rules analyser: names from the gazetteer's English labels, a
heuristic UD parse, and facts end to end, offline (tests/data/english_article.txt)."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

import kg.analyse.names_en as names_en
import kg.analyse.rules.english as english
from kg.analyse import AutoAnalyser, get_analyser
from kg.extract.ud import extract
from kg.lexicon.relations import load
from kg.model import Document
from kg.pipeline import Options, build
from kg.vocab import CORE_RELATIONS

ARTICLE = Path(__file__).parent / "data" / "english_article.txt"


def facts(text: str) -> set[tuple[str, str, str]]:
    ex = extract(get_analyser("rules").analyse(Document("en", text, "en")))
    label = {e.key: e.label for e in ex.entities}
    return {(label[t.subject], t.relation, label[t.object]) for t in ex.triples}


def test_doctests() -> None:
    for module in (english, names_en):
        assert doctest.testmod(module).failed == 0


def test_lexicon_covers_the_core_verbs() -> None:
    lex = load("en")
    assert len(lex.verbs) >= 80
    assert {e.relation for e in lex.verbs.values()} <= set(CORE_RELATIONS)
    for lemma, rel in [
        ("host", "hosted"),
        ("take part", "participatedIn"),
        ("say", "said"),
        ("meet", "met"),
        ("call", "calledFor"),
    ]:
        assert lex.verb(lemma).relation == rel  # type: ignore[union-attr]
    assert lex.event_type("summit") == "summit"


def test_inflections_are_known() -> None:
    forms = english.verb_forms()
    assert forms["hosted"] == "host" and forms["met"] == "meet" and forms["took"] == "take"
    assert forms["criticized"] == "criticize" and forms["participated"] == "participate"


def test_article_end_to_end() -> None:
    got = facts(ARTICLE.read_text(encoding="utf-8"))
    assert ("Rex Tillerson", "hosted", "the meeting") in got
    assert ("the meeting", "location", "Washington") in got
    assert ("the meeting", "pointInTime", "Wednesday") in got
    assert ("France", "participatedIn", "the talks") in got and (
        "Germany",
        "participatedIn",
        "the talks",
    ) in got
    assert ("Foreign ministers", "participatedIn", "the meeting") in got  # took part in
    said = {(s, o) for s, r, o in got if r == "said"}
    assert (
        "Rex Tillerson",
        "the coalition would defeat ISIS in Iraq and Syria",
    ) in said  # said that ...
    assert ("Jens Stoltenberg", "We will not allow ISIS to return") in said  # "...," X said
    assert ("Jens Stoltenberg", "leaderOf", "NATO") in got  # X, the Secretary-General of NATO
    assert ("Britain", "condemned", "the attack") in got
    assert ("United States", "supports", "Iraq") in got


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "The summit was hosted by Saudi Arabia in Riyadh.",
            ("Saudi Arabia", "hosted", "The summit"),
        ),
        ("The summit was hosted by Saudi Arabia in Riyadh.", ("The summit", "location", "Riyadh")),
        (
            "Tillerson met Foreign Minister Sergei Lavrov in Moscow.",
            ("Tillerson", "met", "Sergei Lavrov"),
        ),
        (
            "Tillerson met Foreign Minister Sergei Lavrov in Moscow.",
            ("Sergei Lavrov", "holdsPosition", "Foreign Minister"),
        ),
        (
            "President Donald Trump, who visited Iraq last year, condemned the attack.",
            ("Donald Trump", "visited", "Iraq"),
        ),
        (
            "President Donald Trump, who visited Iraq last year, condemned the attack.",
            ("Donald Trump", "condemned", "the attack"),
        ),
        ("Iraqi forces recaptured Mosul from ISIS.", ("Iraqi forces", "recaptured", "Mosul")),
        ("Egypt and Jordan signed an agreement in Cairo.", ("Jordan", "signed", "an agreement")),
        (
            "The United Nations called for a ceasefire.",
            ("United Nations", "calledFor", "a ceasefire"),
        ),
        ("Britain criticized Russia.", ("Britain", "criticized", "Russia")),
        # an Arabic name with its article, after a dateline and a nationality
        (
            "CAIRO (Reuters) - Egyptian President Abdel Fattah al-Sisi met the emir.",
            ("Abdel Fattah al-Sisi", "holdsPosition", "Egyptian President"),
        ),
        (
            "CAIRO (Reuters) - Egyptian President Abdel Fattah al-Sisi met the emir.",
            ("Abdel Fattah al-Sisi", "met", "the emir"),
        ),
        # "the two leaders": the two who just met
        (
            "President Abdel Fattah al-Sisi met Qatar's Emir Sheikh Tamim bin Hamad Al Thani in Cairo. The two leaders called for a ceasefire.",
            ("Sheikh Tamim bin Hamad Al Thani", "calledFor", "a ceasefire"),
        ),
    ],
)
def test_constructions(text: str, fact: tuple[str, str, str]) -> None:
    assert fact in facts(text)


@pytest.mark.parametrize(
    ("text", "fact", "not_fact"),
    [
        (
            "The Kenyan president dismissed the finance minister.",
            ("The Kenyan president", "dismissed", "the finance minister"),
            None,
        ),
        (
            "The British health minister resigned from the government.",
            ("The British health minister", "resigned", "the government"),
            None,
        ),
        (
            "A court sentenced the journalist to five years in prison.",
            ("A court", "sentenced", "the journalist"),
            None,
        ),
        # claim with an attack for object: claimed responsibility; adopt stays adopted
        (
            "The group claimed the attack on the church.",
            ("The group", "claimedResponsibility", "the attack"),
            ("The group", "adopted", "the attack"),
        ),
        ("The ruling party won the election.", ("The ruling party", "won", "the election"), None),
        (
            "The opposition lost the parliamentary elections.",
            ("The opposition", "lost", "the parliamentary elections"),
            None,
        ),
        ("The explosion injured ten people.", ("The explosion", "injured", "ten people"), None),
        (
            "The central bank raised interest rates.",
            ("The central bank", "raised", "interest rates"),
            None,
        ),
        # raising a siege is no raise: an open relation
        ("The army raised the siege.", ("The army", "open", "the siege"), None),
    ],
)
def test_news_relations(
    text: str, fact: tuple[str, str, str], not_fact: tuple[str, str, str] | None
) -> None:
    got = facts(text)
    assert fact in got
    assert not_fact not in got


def test_according_to_is_no_object_and_the_meeting_is_named_in_english() -> None:
    text = (
        "President Abdel Fattah al-Sisi met Qatar's Emir Sheikh Tamim bin Hamad Al Thani in Cairo on Tuesday. "
        "The two leaders called for a ceasefire, according to a statement."
    )
    got = facts(text)
    assert not [f for f in got if f[2] == "according"]
    meeting = "meeting of Abdel Fattah al-Sisi and Sheikh Tamim bin Hamad Al Thani"
    assert ("Abdel Fattah al-Sisi", "participatedIn", meeting) in got


def test_offsets_and_tree_are_well_formed() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    a = get_analyser("rules").analyse(Document("en", text, "en"))
    assert len(a.sentences) == 9
    for s in a.sentences:
        assert s.text == text[s.start : s.end]
        assert all(t.form == text[t.start : t.end] for t in s.tokens)
        assert sum(t.head == 0 for t in s.tokens) == 1
        assert all(0 <= t.head <= len(s.tokens) and t.head != t.id for t in s.tokens)
        for t in s.tokens:  # no cycles
            seen, h = set(), t.head
            while h:
                assert h not in seen
                seen.add(h)
                h = s.token(h).head


@pytest.mark.parametrize(
    "text",
    [
        "For those who follow social media transitions on Capitol Hill, this will be a little different.",
        "When Millican died, we assumed that was the last we’d see of glitchy, twitchy Odi too.",
        "For anyone who wants to see the capital in all its glory, November's a great time to go.",
        "",
        "...",
        "Trump",
        "said said said",
    ],
)
def test_hard_sentences_give_trees(text: str) -> None:
    """Sentences that once gave cycles, and degenerate input: a tree or nothing, no error."""
    a = get_analyser("rules").analyse(Document("x", text, "en"))
    for s in a.sentences:
        assert sum(t.head == 0 for t in s.tokens) == 1
        for t in s.tokens:
            seen, h = set(), t.head
            while h:
                assert h not in seen
                seen.add(h)
                h = s.token(h).head
    extract(a)


def test_english_never_gives_an_empty_graph_offline(tmp_path: Path) -> None:
    # auto with no stanza models on disk chooses rules for English too
    assert AutoAnalyser(model_dir=tmp_path).choose(Document("e", "x", "en")).name == "rules"
    opts = Options(analyser="auto", html=False, analyser_options={"model_dir": tmp_path})
    summary, ds = build([ARTICLE], None, opts)
    assert summary.documents == 1 and summary.facts >= 10 and not summary.problems
    predicates = {str(q[1]).rsplit("/", 1)[-1].rsplit("#", 1)[-1] for q in ds.quads()}
    assert {"hosted", "participatedIn", "said"} <= predicates
    assert {str(o) for o in ds.objects() if str(o) == "rules"} == {
        "rules"
    }  # the analyser in provenance


def test_the_python_api_names_english_only_entities_by_their_english_label() -> None:
    import kg

    g = kg.build(
        texts=["Israeli Prime Minister Benjamin Netanyahu rejected the proposal on Wednesday."]
    )
    got = {(f.subject, f.relation, f.object) for f in g.facts()}
    assert ("Benjamin Netanyahu", "rejected", "the proposal") in got


@pytest.mark.parametrize(
    "text",
    [
        "Foreign Minister Layla Haddad said the visit was useful.",
        "The Prime Minister arrived in Rabat on Sunday.",
    ],
)
def test_the_first_word_of_a_two_word_title_is_nobody(text: str) -> None:
    """Foreign Minister: the title's head word names the person; Foreign is no Person."""
    import kg

    people = {e.label for e in kg.build(texts=[text]).entities("Person")}
    assert not people & {"Foreign", "Prime"}, people


def test_latin_office_words_in_arabic_text_are_nobody() -> None:
    """Latin words of an office's name inside Arabic news (مكتب Foreign Affairs) are no
    person's name."""
    import kg

    g = kg.build(texts=["قال مدير مكتب Foreign Affairs إن الاجتماع انتهى."])
    assert not any("Affairs" in e.label for e in g.entities("Person"))
