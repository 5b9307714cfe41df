"""Property tests over read -> analyse -> extract -> link -> graph: for any text, no
exception; every offset inside the text; every fact's evidence inside its sentence."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings, strategies as st

from kg.corpus import built
from kg.graph import build_graph
from kg.model import Document
from kg.pipeline import Options, Stages, process
from kg.read import decode, from_strings
from tests.conftest import SEEDS

_SEED_WORDS = sorted(
    set(re.findall(r"\S+", (SEEDS / "coalition_meeting_2017_ar.txt").read_text(encoding="utf-8")))
)
_ARABIC_WORDS = _SEED_WORDS + [
    "الرئيس",
    "إيمانويل",
    "ماكرون",
    "قال",
    "إن",
    "التقى",
    "بغداد",
    "واشنطن",
    "الذي",
    "التي",
    "لم",
    "يحضر",
]
_LATIN_WORDS = [
    "The",
    "minister",
    "met",
    "said",
    "Macron",
    "in",
    "Paris",
    "U.S.",
    "al-Qaeda",
    "didn't",
    "on",
    "Monday",
]
_MARKS = [
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    ".",
    "،",
    ",",
    "؟",
    "!",
    ":",
    "؛",
    "«",
    "»",
    '"',
    "“",
    "”",
    "(",
    ")",
    "-",
    "…",
    "\u202e",
    "\u202c",
    "\u2067",
    "\u2069",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u200f",
    "\ufeff",
    "\u0640",
    "\u064e",
    "\u0651",
    "\t",
    "٣",
    "12",
    "3.5",
    "%",
    "$",
    "#",
    "@",
    "ـ",
    "ﷲ",
    "ﻻ",
    "\u00ad",
]

words = st.one_of(
    st.sampled_from(_ARABIC_WORDS),
    st.sampled_from(_LATIN_WORDS),
    st.sampled_from(_MARKS),
    st.text(min_size=1, max_size=12),  # anything at all
    st.text(
        alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), min_size=1, max_size=20
    ),
)
separators = st.sampled_from([" ", " ", " ", " ", "", "\n", ". ", "، ", " و", ": «", "» "])
texts = st.lists(st.tuples(words, separators).map("".join), min_size=1, max_size=120).map("".join)

_STAGES: dict[str, Stages] = {}


def stages() -> Stages:
    if "rules" not in _STAGES:
        _STAGES["rules"] = Stages.from_options(Options(analyser="rules", linker="gazetteer"))
    return _STAGES["rules"]


def check(doc: Document) -> None:
    result = process(doc, stages())
    text = result.doc.text
    n = len(text)
    sentences = result.extraction.analysed.sentences
    for s in sentences:
        assert 0 <= s.start <= s.end <= n and text[s.start : s.end] == s.text
        for t in s.tokens:
            assert s.start <= t.start <= t.end <= s.end, (t, s.start, s.end)
            assert 1 <= t.id <= len(s.tokens) and 0 <= t.head <= len(s.tokens)
        for e in s.entities:
            assert 1 <= e.first <= e.last <= len(s.tokens)
    for m in result.extraction.mentions:
        assert 0 <= m.start <= m.end <= n and 0 <= m.sentence < len(sentences), m
    keys = {e.key for e in result.extraction.entities}
    for t in result.extraction.triples:
        s = sentences[t.sentence]
        assert s.start <= t.start <= t.end <= s.end, (t, s.start, s.end)
        assert 0.0 <= t.confidence <= 1.0 and t.subject in keys and t.object in keys
    for lk in result.links:
        assert lk.mention in {m.id for m in result.extraction.mentions}
    build_graph([result])  # the graph stage takes it
    built(result, base="http://x/", files=True, store=False)  # and so does a corpus build


def documents(text: str) -> list[Document]:
    return [d for d in from_strings([text]) if d.lang in ("ar", "en")]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
@example("التقى الرئيس الفرنسي إيمانويل\u202e ماكرون بالرئيس المصري في القاهرة.")
@example("قال الوزير: «" + "نعم، " * 200 + "»")
@example("ب" * 1000 + " قال")
@example("\u200b\u200b.\u202e.")
def test_any_text_goes_through_every_stage(text: str) -> None:
    for doc in documents(text):
        check(doc)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_are_refused(data: bytes) -> None:
    text, why = decode(data)
    assert (text is None) == bool(why and why not in ("windows-1256", "utf-16"))
    if text:
        for doc in documents(text):
            check(doc)


_VERBS = ["استضاف", "التقى", "زار", "استقبل", "أدان", "أعلن", "وقع", "هاجم", "دعا", "انتقد", "وصل"]
_AGENTS = [
    "الرئيس الفرنسي إيمانويل ماكرون",
    "وزير الخارجية الأميركي ريكس تيلرسون",
    "الجيش العراقي",
    "تنظيم داعش",
    "الأمم المتحدة",
    "ولي العهد السعودي",
]
_OBJECTS = [
    "قمة",
    "اجتماع التحالف الدولي",
    "بغداد",
    "وفدا مصريا",
    "الهجوم",
    "اتفاقية التعاون",
    "إلى الحوار",
]
_PLACES = [
    "في باريس",
    "في القاهرة",
    "في مدينة الموصل",
    "يوم الاثنين",
    "",
    "بحضور ممثلين عن 68 دولة",
]
_NOISE = [
    "",
    "",
    "",
    "\u202e",
    "\u200b",
    "\u200d",
    "\u0640",
    "\u064e",
    "«",
    "»",
    "،",
    "(",
    ")",
    "\n",
]


@st.composite
def clause(draw: st.DrawFn) -> str:
    """A news clause, with invisible characters, diacritics or quotes dropped into it."""
    parts = [draw(st.sampled_from(xs)) for xs in (_VERBS, _AGENTS, _OBJECTS, _PLACES)]
    if draw(st.booleans()):
        parts[0], parts[1] = parts[1], parts[0]  # subject first
    if draw(st.booleans()):
        parts = ["وقال", draw(st.sampled_from(_AGENTS)), "إن", *parts]
    text = " ".join(p for p in parts if p)
    for _ in range(draw(st.integers(0, 3))):
        i = draw(st.integers(0, len(text)))
        text = text[:i] + draw(st.sampled_from(_NOISE)) + text[i:]
    return text + draw(st.sampled_from([".", ".", "،", "", ". «", "!"]))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(clause(), min_size=1, max_size=12).map(" ".join))
@example("وقال الرئيس الفرنسي إيمانويل ماكرون إن الجيش العراقي هاجم تنظيم داعش في مدينة الموصل.")
def test_news_like_text_keeps_evidence_inside_sentences(text: str) -> None:
    for doc in documents(text):
        check(doc)
