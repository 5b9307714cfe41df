"""The offline rules analyser: offsets, clitics, readings in context, well-formed trees."""

from __future__ import annotations

import pytest

from kg.analyse.rules import RulesAnalyser
from kg.model import AnalysedDoc, Document
from kg.read import from_strings


def analyse(text: str) -> AnalysedDoc:
    return RulesAnalyser().analyse(next(from_strings([text])))


def words(a: AnalysedDoc, k: int = 0) -> list[tuple[str, str, str]]:
    s = a.sentences[k]
    return [(t.form, t.upos, t.deprel) for t in s.tokens]


def test_offsets_cover_the_text_exactly() -> None:
    text = "وقال تيلرسون لواشنطن: «سنعمل مع شركائنا»، وأكد أن الولايات المتحدة ستزيد ضغوطها بنسبة 25 %."
    a = analyse(text)
    for s in a.sentences:
        assert text[s.start : s.end] == s.text
        for t in s.tokens:
            assert text[t.start : t.end] == t.form
            assert s.start <= t.start < t.end <= s.end


def test_clitics_are_split_like_padt() -> None:
    forms = [t.form for t in analyse("وبالعراق والسعودية لأميركا عليه وأضافوا").sentences[0].tokens]
    assert forms[:4] == ["و", "ب", "العراق", "و"]
    assert "السعودية" in forms and "ل" in forms and "أميركا" in forms
    assert ["علي", "ه"] == forms[forms.index("علي") : forms.index("علي") + 2]


@pytest.mark.parametrize(
    ("text", "word", "upos"),
    [
        ("أصدر الاجتماع بيانا.", "أصدر", "VERB"),
        ("وكان الوزير افتتح المعرض.", "كان", "AUX"),
        ("قتل الجنود في الهجوم.", "قتل", "VERB"),
        ("أدان القتل في المدينة.", "القتل", "NOUN"),
        ("زار الوزير مصر.", "الوزير", "NOUN"),
        ("وصل إلى بغداد.", "إلى", "ADP"),
        ("التقى سيرغي لافروف نظيره.", "سيرغي", "PROPN"),
    ],
)
def test_parts_of_speech_in_context(text: str, word: str, upos: str) -> None:
    found = [t.upos for t in analyse(text).sentences[0].tokens if t.form == word]
    assert found == [upos]


def test_sentences_split_on_arabic_punctuation_and_lines() -> None:
    a = analyse("عنوان بلا نقطة\nقال الوزير: «نحن هنا. وسنبقى». ثم غادر؟ وعاد بعد 3.5 ساعات.")
    assert [s.text for s in a.sentences] == [
        "عنوان بلا نقطة",
        "قال الوزير: «نحن هنا. وسنبقى».",
        "ثم غادر؟",
        "وعاد بعد 3.5 ساعات.",
    ]


def _well_formed(a: AnalysedDoc) -> None:
    for s in a.sentences:
        ids = {t.id for t in s.tokens}
        roots = [t for t in s.tokens if t.head == 0]
        assert len(roots) == 1 and roots[0].deprel == "root"
        for t in s.tokens:
            assert t.head == 0 or t.head in ids
            seen, h = set(), t.id
            while h:
                assert h not in seen, f"cycle through {h} in {s.text}"
                seen.add(h)
                h = s.tokens[h - 1].head


def test_trees_are_well_formed_on_the_seed() -> None:
    from tests.conftest import SEEDS

    text = (SEEDS / "coalition_meeting_2017_ar.txt").read_text(encoding="utf-8")
    a = RulesAnalyser().analyse(Document("seed", text, "ar"))
    assert len(a.sentences) == 28
    _well_formed(a)


def test_vso_relative_clause_and_complement() -> None:
    a = analyse("الاجتماع الذي استضافه الوزير في واشنطن أكد أن التحالف سيواصل عمله.")
    toks = {t.form: t for t in a.sentences[0].tokens}
    resumptive = a.sentences[0].tokens[toks["استضاف"].id]  # the ه right after the verb
    assert (
        toks["استضاف"].deprel == "acl:relcl"
        and resumptive.form == "ه"
        and resumptive.deprel == "obj"
    )
    assert (
        toks["الوزير"].deprel == "nsubj"
        and a.sentences[0].token(toks["الوزير"].head).form == "استضاف"
    )
    assert (
        toks["أكد"].deprel == "root"
        and toks["يواصل"].deprel == "ccomp"
        and toks["أن"].deprel == "mark"
    )


def test_title_and_name_in_apposition() -> None:
    a = analyse("استقبل الرئيس المصري عبد الفتاح السيسي وزير الخارجية الروسي سيرغي لافروف.")
    s = a.sentences[0]
    people = [(s.tokens[e.first - 1].form, e.label) for e in s.entities if e.label == "Person"]
    assert people == [("عبد", "Person"), ("سيرغي", "Person")]
    sisi = next(t for t in s.tokens if t.form == "عبد")
    assert sisi.deprel == "appos" and s.token(sisi.head).form == "الرئيس"


def test_hostile_long_input_stays_bounded() -> None:
    text = "قال " + "الوزير " * 3000 + "."
    a = analyse(text)
    assert all(len(s.tokens) <= 400 for s in a.sentences)
    _well_formed(a)


def _arc(text: str, dep: str) -> tuple[str, str]:
    """The head's form and the relation of the word ``dep`` (``form#2``: its second
    occurrence) in the one sentence of ``text``."""
    form, _, nth = dep.partition("#")
    s = analyse(text).sentences[0]
    found = [t for t in s.tokens if t.form == form]
    t = found[int(nth or 1) - 1]
    return (s.token(t.head).form if t.head else "ROOT", t.deprel)


#: (sentence, dependent, its head, its relation): attachments the parser's rules of Arabic
#: syntax decide, each in a sentence written for the test.
_ARCS = [
    # و/ف or a preposition written on a function word belongs to the clause or phrase it opens
    ("وقد أعلنت الحكومة خطة جديدة.", "و", "أعلنت", "cc"),
    ("ولم يحضر الوزير الاجتماع.", "و", "يحضر", "cc"),
    ("وهو أول لقاء بين الجانبين.", "و", "أول", "cc"),
    ("طالب المتظاهرون بأن تستقيل الحكومة.", "ب", "تستقيل", "case"),
    ("أشار الوزير إلى أن المفاوضات ستستأنف قريبا.", "إلى", "تستأنف", "case"),
    # an ordinal is definite by its article; an elative keeps one form for every gender
    ("عقد المجلس جلسته الأولى في القاهرة.", "الأولى", "جلست", "amod"),
    ("ناقش البرلمان القانون الأخير.", "الأخير", "القانون", "amod"),
    ("واجهت الحكومة أزمة أكبر من المتوقع.", "أكبر", "أزمة", "amod"),
    ("حضر الملك فيصل الثاني الحفل.", "الثاني", "فيصل", "amod"),
    # a feminine adjective after a plural of things read as a singular (السن, الأسلحة)
    ("رفعت الحكومة السن القانونية للتقاعد.", "القانونية", "السن", "amod"),
    # من after a noun gives its whole or its source; من أجل, من جديد belong to the clause
    ("نشرت الصحيفة نسخة من التقرير.", "التقرير", "نسخة", "nmod"),
    ("عاد القتال من جديد.", "جديد", "عاد", "obl"),
    # a demonstrative before an indefinite noun is a subject; أحد picks from the plural
    ("هذا إنجاز كبير للبلاد.", "هذا", "إنجاز", "nsubj"),
    ("قال أحد المسؤولين إن الاتفاق قريب.", "أحد", "المسؤولين", "det"),
    # a preposition of several words: the first is the case, the others fixed
    ("رفض الحزب الاتفاق على الرغم من الضغوط.", "على", "الضغوط", "case"),
    ("رفض الحزب الاتفاق على الرغم من الضغوط.", "الرغم", "على", "fixed"),
    ("رفض الحزب الاتفاق على الرغم من الضغوط.", "الضغوط", "رفض", "obl"),
    ("اعتقل الرجل من قبل الشرطة.", "الشرطة", "اعتقل", "obl"),
    # an adverbial clause put first: the verb after its comma is the main predicate
    ("إذا فشلت المفاوضات، ستندلع الحرب.", "تندلع", "ROOT", "root"),
    ("إذا فشلت المفاوضات، ستندلع الحرب.", "فشلت", "تندلع", "advcl"),
    # stacked titles of one named person after a verb of saying; after استقبل, two people
    (
        "قال نائب رئيس الوزراء وزير الخارجية الأردني أيمن الصفدي إن الوضع خطير.",
        "وزير",
        "نائب",
        "appos",
    ),
    ("استقبل رئيس الوزراء وزير الخارجية الأردني أيمن الصفدي.", "وزير", "استقبل", "obj"),
    # a role set off by commas after a name, even one the title lexicon lacks
    ("كتب أحمد حسن، مؤسس موقع الأخبار المحلية، مقالا جديدا.", "مؤسس", "أحمد", "appos"),
    ("كتب أحمد حسن، مؤسس موقع الأخبار المحلية، مقالا جديدا.", "مقالا", "كتب", "obj"),
    # a relative clause that can take no more objects ends before the main clause's object
    ("أعلن رئيس الحكومة التي تشكلت أمس استقالته.", "استقالت", "أعلن", "obj"),
    ("أعلن رئيس الحكومة التي تضم الأحزاب استقالته.", "استقالت", "أعلن", "obj"),
    ("أعلن رئيس الحكومة التي تضم الأحزاب استقالته.", "الأحزاب", "تضم", "obj"),
    # the antecedent agrees with the relative pronoun and is definite
    (
        "يشارك الوزير في المؤتمر الاقتصادي لدول المنطقة الذي تنظمه الجامعة.",
        "تنظم",
        "المؤتمر",
        "acl:relcl",
    ),
    ("التقى الوزير رئيس الوزراء الذي وصل أمس.", "وصل", "رئيس", "acl:relcl"),
    ("انتقد الرئيس أولئك الذين رفضوا الاتفاق.", "رفضوا", "أولئك", "acl:relcl"),
    ('زار الوفد مخيم "الأمل" الذي يضم آلاف اللاجئين.', "يضم", "مخيم", "acl:relcl"),
    # a definite participle takes the PP after it as its complement; a plain adjective not
    ("زار الوفد المقر الخاص بالشركة.", "الشركة", "الخاص", "obl"),
    ("نقلت القوات الأسرى إلى السجن الموجود تحت المحكمة.", "المحكمة", "الموجود", "obl"),
    ("نظمت النقابات مظاهرات حاشدة في المدن.", "المدن", "مظاهرات", "nmod"),
    # مثل and أثناء before a noun phrase are prepositions
    ("زار الوفد دولا مثل مصر والأردن.", "مثل", "مصر", "case"),
    ("زار الوفد دولا مثل مصر والأردن.", "مصر", "دولا", "nmod"),
    ("التقى الوزير السفير أثناء الزيارة.", "الزيارة", "التقى", "obl"),
    # a separating pronoun links a verbless clause's subject and predicate
    ("الهدف الرئيسي هو حماية المدنيين.", "حماية", "ROOT", "root"),
    ("الهدف الرئيسي هو حماية المدنيين.", "هو", "حماية", "cop"),
    ("الهدف الرئيسي هو حماية المدنيين.", "الهدف", "حماية", "nsubj"),
    # فإن after a fronted clause or phrase opens the main clause
    ("إذا فشلت المفاوضات، فإن الحرب ستندلع.", "تندلع", "ROOT", "root"),
    ("إذا فشلت المفاوضات، فإن الحرب ستندلع.", "فشلت", "تندلع", "advcl"),
    ("في الوقت الحالي، فإن الأسعار مرتفعة.", "الأسعار", "مرتفعة", "nsubj"),
    # a verb after a verbless clause's indefinite predicate describes that predicate
    ("الحديد عنصر أساسي يحتاجه الجسم.", "عنصر", "ROOT", "root"),
    ("الحديد عنصر أساسي يحتاجه الجسم.", "يحتاج", "عنصر", "acl:relcl"),
    ("أكد الوزير أن الاتفاق خطوة مهمة تعزز التعاون.", "تعزز", "خطوة", "acl:relcl"),
    # في after a plural of people: where they are; ب after a noun: the verb's
    ("زار الوزير اللاجئين في المخيم.", "المخيم", "اللاجئين", "nmod"),
    ("أشاد وزير الخارجية الفرنسي بدور مصر في المفاوضات.", "دور", "أشاد", "obl"),
    ("رحب الرئيس الفرنسي بالاتفاق.", "الاتفاق", "رحب", "obl"),
]


@pytest.mark.parametrize(("text", "dep", "head", "rel"), _ARCS)
def test_attachment(text: str, dep: str, head: str, rel: str) -> None:
    assert _arc(text, dep) == (head, rel)
