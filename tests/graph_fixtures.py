"""Hand-built DocResults for the graph, store, query and evaluation tests.

Offsets are found in the text by search, so the fixtures stay right when a sentence is
edited. Tokens are left out: the graph stage never reads them.
"""

from __future__ import annotations

from kg.model import (
    AnalysedDoc,
    DocResult,
    Document,
    Entity,
    Extraction,
    Link,
    Mention,
    Sentence,
    Triple,
)

BASE = "https://w3id.org/kg-builder/resource/"

AR_SENTENCES = (
    "تزامن الهجوم الإرهابي على البرلمان البريطاني اليوم الأربعاء مع اجتماع لوزراء خارجية "
    "التحالف الدولي الذي استضافه وزير الخارجية الأميركي ريكس تيلرسون في واشنطن.",
    'وقال تيلرسون إن "هزيمة داعش هي الهدف الأول للولايات المتحدة في المنطقة".',
    "شارك في الاجتماع حلفاء الولايات المتحدة الأوروبيون، كالمملكة المتحدة وفرنسا.",
)
EN_SENTENCES = ("Rex Tillerson hosted the coalition meeting in Washington.",)


class _Doc:
    """Collects sentences, mentions, entities and triples of one document."""

    def __init__(self, doc_id: str, sentences: tuple[str, ...], lang: str) -> None:
        self.text = "\n\n".join(sentences)
        self.doc = Document(doc_id, self.text, lang, source=f"seeds/{doc_id}.txt")
        self.sentences = []
        pos = 0
        for i, s in enumerate(sentences):
            start = self.text.index(s, pos)
            self.sentences.append(Sentence(i, start, start + len(s), s, ()))
            pos = start + len(s)
        self.mentions: list[Mention] = []
        self.entities: list[Entity] = []
        self.triples: list[Triple] = []
        self.links: list[Link] = []

    def span(self, sentence: int, words: str) -> tuple[int, int]:
        s = self.sentences[sentence]
        start = self.text.index(words, s.start)
        return start, start + len(words)

    def entity(
        self, key: str, cls: str, label: str, *spots: tuple[int, str], value: str = ""
    ) -> str:
        ids = []
        for sentence, words in spots:
            start, end = self.span(sentence, words)
            mid = f"m{len(self.mentions) + 1}"
            self.mentions.append(Mention(mid, sentence, start, end, words, cls, key))
            ids.append(mid)
        names = tuple(dict.fromkeys(w for _, w in spots))
        self.entities.append(Entity(key, label, cls, tuple(ids), names, value))
        return key

    def link(self, key: str, qid: str, score: float, en: str = "", ar: str = "") -> None:
        mention = next(m for m in self.mentions if m.entity == key)
        self.links.append(Link(mention.id, qid, score, "gazetteer", en, ar))

    def fact(
        self, s: str, rel: str, o: str, sentence: int, evidence: str, conf: float = 0.8, **kw
    ) -> None:
        start, end = self.span(sentence, evidence)
        self.triples.append(Triple(s, rel, o, sentence, start, end, conf, "ud-extractor/1", **kw))

    def result(self, analyser: str = "rules") -> DocResult:
        analysed = AnalysedDoc(self.doc, tuple(self.sentences), analyser)
        ex = Extraction(analysed, tuple(self.mentions), tuple(self.entities), tuple(self.triples))
        return DocResult(ex, tuple(self.links))


def coalition_ar() -> DocResult:
    """Two sentences of the seed article with most kinds of node and fact."""
    d = _Doc("coalition_ar", AR_SENTENCES, "ar")
    d.entity("tillerson", "Person", "ريكس تيلرسون", (0, "ريكس تيلرسون"), (1, "تيلرسون"))
    d.entity("minister", "Position", "وزير الخارجية الأميركي", (0, "وزير الخارجية الأميركي"))
    d.entity(
        "meeting",
        "Event",
        "اجتماع لوزراء خارجية التحالف الدولي",
        (0, "اجتماع لوزراء خارجية التحالف الدولي"),
        (2, "الاجتماع"),
    )
    d.entity("attack", "Event", "الهجوم الإرهابي", (0, "الهجوم الإرهابي"))
    d.entity("parliament", "Organization", "البرلمان البريطاني", (0, "البرلمان البريطاني"))
    d.entity(
        "wednesday", "TimeExpression", "اليوم الأربعاء", (0, "اليوم الأربعاء"), value="2017-03-22"
    )
    d.entity("washington", "City", "واشنطن", (0, "واشنطن"))
    d.entity("isis", "Organization", "داعش", (1, "داعش"))
    d.entity("uk", "Country", "المملكة المتحدة", (2, "المملكة المتحدة"))
    d.entity("france", "Country", "فرنسا", (2, "فرنسا"))
    quote = "هزيمة داعش هي الهدف الأول للولايات المتحدة في المنطقة"
    d.entity("quote", "Statement", quote, (1, quote), value=quote)
    d.link("washington", "Q61", 0.95, "Washington, D.C.", "واشنطن")
    d.link("parliament", "Q11010", 0.9, "Parliament of the United Kingdom", "البرلمان البريطاني")
    d.link("isis", "Q2429253", 0.9, "Islamic State", "الدولة الإسلامية")
    d.link("isis", "Q1", 0.2)  # a weaker candidate that must lose
    d.link("uk", "Q145", 0.9, "United Kingdom", "المملكة المتحدة")
    d.link("france", "Q142", 0.9, "France", "فرنسا")
    hosted = "الذي استضافه وزير الخارجية الأميركي ريكس تيلرسون"
    d.fact("tillerson", "hosted", "meeting", 0, hosted, 0.85)
    d.fact(
        "meeting",
        "location",
        "washington",
        0,
        "استضافه وزير الخارجية الأميركي ريكس تيلرسون في واشنطن",
    )
    d.fact("tillerson", "holdsPosition", "minister", 0, "وزير الخارجية الأميركي ريكس تيلرسون", 0.9)
    d.fact("attack", "targeted", "parliament", 0, "الهجوم الإرهابي على البرلمان البريطاني", 0.7)
    d.fact("attack", "coincidedWith", "meeting", 0, "تزامن الهجوم الإرهابي", 0.6)
    d.fact(
        "attack",
        "pointInTime",
        "wednesday",
        0,
        "الهجوم الإرهابي على البرلمان البريطاني اليوم الأربعاء",
        0.5,
    )
    d.fact("tillerson", "said", "quote", 1, "وقال تيلرسون إن", 0.9)
    d.fact("tillerson", "open", "isis", 1, "هزيمة داعش", 0.4, lemma="هزيمة")
    d.fact("isis", "attended", "meeting", 1, "داعش", 0.3, modality="negated")
    d.fact(
        "uk",
        "participatedIn",
        "meeting",
        2,
        "شارك في الاجتماع حلفاء الولايات المتحدة الأوروبيون، كالمملكة المتحدة",
        0.7,
    )
    d.fact(
        "france",
        "participatedIn",
        "meeting",
        2,
        "شارك في الاجتماع حلفاء الولايات المتحدة الأوروبيون، كالمملكة المتحدة وفرنسا",
        0.6,
    )
    return d.result()


def coalition_en() -> DocResult:
    """An English document sharing Washington (Q61) with the Arabic one."""
    d = _Doc("coalition_en", EN_SENTENCES, "en")
    d.entity("tillerson", "Person", "Rex Tillerson", (0, "Rex Tillerson"))
    d.entity("meeting", "Event", "coalition meeting", (0, "coalition meeting"))
    d.entity("washington", "City", "Washington", (0, "Washington"))
    d.link("washington", "Q61", 0.8, "Washington, D.C.", "واشنطن")
    d.fact("tillerson", "hosted", "meeting", 0, "Rex Tillerson hosted the coalition meeting", 0.8)
    d.fact("meeting", "location", "washington", 0, "meeting in Washington", 0.75)
    return d.result(analyser="stanza-en")


def results() -> list[DocResult]:
    return [coalition_ar(), coalition_en()]
