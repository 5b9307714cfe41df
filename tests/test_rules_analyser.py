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
        ("يحيى حسن يلتقي الوزير.", "يحيى", "PROPN"),  # two first names in a row
        ("وقع الجانبان المصري والجنوب أفريقي على الاتفاق.", "أفريقي", "NOUN"),
        # closed classes: a preposition takes a demonstrative; question words; a lone و
        ("رحب الوزير بهذا القرار.", "هذا", "DET"),
        ("كيف سيرد الجيش على الهجوم؟", "كيف", "ADV"),
        ("هل يلتقي الرئيسان غدا؟", "هل", "PART"),
        ("ربما يتأجل الاجتماع.", "ربما", "ADV"),
        ('وصف الوزير الاتفاق بأنه "مهم" و"ضروري".', "و", "CCONJ"),
        # a word nothing knows with a common word's shape: feminine ending, tanween, or the
        # article right after a noun it describes; a name after a designator or preposition
        ("عثر العلماء على آثار الحضارة الإغريقية في الجزيرة.", "الإغريقية", "ADJ"),
        ("كانت النتائج صادمة للجميع.", "صادمة", "ADJ"),
        ("اعتبر القاضي ذلك تحايلاً على القانون.", "تحايلاً", "NOUN"),
        ("وقعت الاشتباكات في منطقة برقيطة.", "برقيطة", "PROPN"),
        ("وصل الوفد إلى الإغريقية أمس.", "الإغريقية", "PROPN"),
        # adverbs of manner and time in the accusative; after an indefinite accusative noun
        # the same word is its adjective
        ("رفض الوزير الاقتراح تماما.", "تماما", "ADV"),
        ("يزور الرئيس المنطقة أحيانا.", "أحيانا", "ADV"),
        ("وقع الطرفان اتفاقا مؤقتا لوقف القتال.", "مؤقتا", "ADJ"),
        ("وضعت الحكومة شرطا مسبقا للحوار.", "مسبقا", "ADJ"),
        ("كان الهجوم شديدا على المدينة.", "شديدا", "ADJ"),
        # prepositions of place and time that are nouns in form (ظروف): مثل, داخل, قبيل
        ("ترتفع الأسعار في دول مثل مصر والأردن.", "مثل", "ADP"),
        ("اجتمع الوزراء داخل القصر الرئاسي.", "داخل", "ADP"),
        ("وصل الوفد قبيل منتصف الليل.", "قبيل", "ADP"),
        # a verbal noun, not a verb: the genitive of a noun in construct, after a preposition
        ("وجهت النيابة إليه تهمة قتل شخصين.", "قتل", "NOUN"),
        ("استقال الوزير قبل تشكل الحكومة الجديدة.", "تشكل", "NOUN"),
        ("مصدر أمني قتل في الهجوم.", "قتل", "VERB"),
        # currencies and units are common nouns; على, the preposition, announces no name
        ("بلغت قيمة الصفقة ثلاثة مليارات دولار.", "دولار", "NOUN"),
        ("ارتفع سعر برميل النفط.", "برميل", "NOUN"),
        ("حصل الصحفي على القوائم النهائية.", "القوائم", "NOUN"),
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
    ("وصلت إحدى صديقات الأسرة.", "إحدى", "صديقات", "det"),
    ("تملك الدولة بقية الأراضي.", "بقية", "الأراضي", "det"),
    # a demonstrative after a preposition, read as a noun by the tagger, still determines
    ("التقى الوفد بهذه المنظمات.", "هذه", "المنظمات", "det"),
    ("التقى الوفد بهذه المنظمات.", "ب", "المنظمات", "case"),
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
    ('انتقد النائب مشروع "الإصلاح" الذي قدمته الحكومة.', "قدمت", "مشروع", "acl:relcl"),
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
    # هناك + an indefinite noun: هناك is the predicate, a verb after describes the noun
    ("واليوم، هناك مشاريع كثيرة تنتظر التمويل.", "هناك", "ROOT", "root"),
    ("واليوم، هناك مشاريع كثيرة تنتظر التمويل.", "تنتظر", "مشاريع", "acl:relcl"),
    # في after a plural of people: where they are; ب after a noun: the verb's
    ("زار الوزير اللاجئين في المخيم.", "المخيم", "اللاجئين", "nmod"),
    ("أشاد وزير الخارجية الفرنسي بدور مصر في المفاوضات.", "دور", "أشاد", "obl"),
    ("رحب الرئيس الفرنسي بالاتفاق.", "الاتفاق", "رحب", "obl"),
    # a person's name right after a definite noun for a person: what the person is
    ("قال المؤرخ أحمد حسن إن الوثيقة أصلية.", "أحمد", "المؤرخ", "appos"),
    ("التقى الرئيس شقيقه أحمد حسن.", "أحمد", "شقيق", "appos"),
    # a month's ordinal describes the month's name
    ("وصل الوفد في شهر تشرين الأول.", "الأول", "تشرين", "amod"),
    # the noun a number counts heads the phrase; a multiplier hangs on its number
    ("أعلن الجيش مقتل خمسين مسلحا.", "مسلحا", "مقتل", "nmod"),
    ("أعلن الجيش مقتل خمسين مسلحا.", "خمسين", "مسلحا", "nummod"),
    ("خصصت الحكومة 3 ملايين دولار للمشروع.", "ملايين", "3", "nummod"),
    ("خصصت الحكومة 3 ملايين دولار للمشروع.", "دولار", "خصصت", "obj"),
    # غير before an adjective, نحو before a number, جدا after an adjective modify that word
    ("انتقد الوزير التعاون غير الرسمي بين الجانبين.", "غير", "الرسمي", "advmod"),
    ("انتقد الوزير التعاون غير الرسمي بين الجانبين.", "الرسمي", "التعاون", "amod"),
    ("قتل نحو 20 شخصا.", "نحو", "شخصا", "advmod"),
    ("قتل نحو 20 شخصا.", "20", "شخصا", "nummod"),
    # a verb's prepositional complement (أسفر عن), past a partitive PP inside its subject
    ("أسفرت سلسلة من الانفجارات عن مقتل 20 شخصا.", "مقتل", "أسفرت", "obl"),
    # انشق takes no object: the counted noun after it is its subject
    ("انشق عشرون نائبا عن الحزب الحاكم.", "نائبا", "انشق", "nsubj"),
    ("اتخذت الحكومة خطوة مهمة جدا.", "جدا", "مهمة", "advmod"),
    ("وفي الوقت نفسه، رفضت الحكومة الاتفاق.", "نفس", "الوقت", "appos"),
    # و/ف + a pronoun after a clause opens a clause of its own, even after a verbless one
    ("وصل الوفد أمس، فهذا إنجاز كبير.", "إنجاز", "وصل", "conj"),
    ("وصل الوفد أمس، فهذا إنجاز كبير.", "هذا", "إنجاز", "nsubj"),
    ("قالت الوزارة إن الوضع صعب، وهو أمر متوقع.", "أمر", "صعب", "conj"),
    ("نقل الموقع عن أحمد حسن، وهو قيادي بالحزب، تأكيده الخبر.", "تأكيد", "نقل", "obj"),
    # لكن joins clauses; a conjunction goes to the predicate of the clause it opens
    ("رفضت الحكومة الاتفاق، لكن البرلمان أقره.", "أقر", "رفضت", "conj"),
    ("رفضت الحكومة الاتفاق، لكن البرلمان أقره.", "لكن", "أقر", "cc"),
    ("رفضت الحكومة الاتفاق، لكن البرلمان أقره.", "البرلمان", "أقر", "nsubj"),
    ("وفي عام 2020 أعلنت الحكومة الخطة.", "و", "أعلنت", "cc"),
    # ب after a title is the verb's (وعد بالإصلاح), except المتحدث باسم
    ("أعلنت الحكومة الخطة والمعارضة رفضتها.", "رفضت", "أعلنت", "conj"),
    ("أعلنت الحكومة الخطة والمعارضة رفضتها.", "المعارضة", "رفضت", "nsubj"),
    # a name in genitive names the noun before it, which the relative clause describes
    ("زار الوزير مقر الأمم المتحدة الذي يقع في نيويورك.", "يقع", "مقر", "acl:relcl"),
    # a preposition and أن before the predicate: a fronted adverbial clause
    ("بعد أن أقر البرلمان القانون، رفضه الرئيس.", "أقر", "رفض", "advcl"),
    ("بعد أن أقر البرلمان القانون، رفضه الرئيس.", "بعد", "أقر", "case"),
    ("وصل الوفد بعد أن انتهى الاجتماع.", "انتهى", "وصل", "advcl"),
    ("وعد الوزير بالإصلاح.", "الإصلاح", "وعد", "obl"),
    ("قال المتحدث باسم الوزارة إن الوضع مستقر.", "اسم", "المتحدث", "nmod"),
]


@pytest.mark.parametrize(("text", "dep", "head", "rel"), _ARCS)
def test_attachment(text: str, dep: str, head: str, rel: str) -> None:
    assert _arc(text, dep) == (head, rel)


def test_trees_of_the_attachment_sentences_are_well_formed() -> None:
    """Every rule that moves a word after the clause pass keeps one tree (no cycle)."""
    for text in sorted({t for t, *_ in _ARCS}):
        _well_formed(analyse(text))
    _well_formed(analyse("وبعد أن وصل الوفد إلى المطار، بدأت المحادثات وقبل أن تنتهي، غادر."))


def entity_spans(text: str) -> list[tuple[str, str]]:
    """(surface, class) of every entity span the analyser finds in ``text``."""
    a = analyse(text)
    out = []
    for s in a.sentences:
        for e in s.entities:
            first, last = s.tokens[e.first - 1], s.tokens[e.last - 1]
            out.append((text[first.start : last.end], e.label))
    return out


#: Sentences written for these tests: (text, spans that must be found, surfaces no span may
#: have). Each checks one general rule of how names are written.
NAME_CASES = [
    # a designator of a country's division or of a facility is part of the place's name
    (
        "قصفت الطائرات سجن بادوش في محافظة نينوى.",
        [("سجن بادوش", "Place"), ("محافظة نينوى", "Region")],
        ["بادوش", "نينوى"],
    ),
    ("ضرب زلزال قوي إقليم بلخ فجر اليوم.", [("إقليم بلخ", "Region")], ["لخ"]),
    ("وقعت الاشتباكات في ناحية بني سعد شرق المدينة.", [("ناحية بني سعد", "Region")], []),
    ("زار المحافظ محافظة الجيزة أمس.", [("محافظة الجيزة", "Region")], []),
    # a place may bear a person's name; a city's name may have a particle; a direction is
    # no family name
    (
        "هاجم مسلحون نقطة في محافظة صلاح الدين وقصفت الطائرات مدينة خان يونس جنوب القطاع.",
        [("محافظة صلاح الدين", "Region"), ("خان يونس", "City")],
        ["صلاح", "يونس جنوب"],
    ),
    # a city's name after the designator of a division names the division
    ("هطلت أمطار غزيرة على منطقة الرياض.", [("منطقة الرياض", "Region")], ["الرياض"]),
    # a direction and a name after a division's designator: one region
    (
        "وصلت القافلة إلى ولاية شمال دارفور.",
        [("ولاية شمال دارفور", "Region")],
        ["دارفور"],
    ),
    # a dual designator announces two coordinated names
    (
        "رفضت الحكومة الاعتراف بانفصال جمهوريتي أبخازيا وأوسيتيا.",
        [("أبخازيا", "Region"), ("أوسيتيا", "Region")],
        ["أبخازيا وأوسيتيا"],
    ),
    # an organisation's designator, its genitive and a relative adjective agreeing with the
    # designator: the adjective, not the country
    (
        "وقعت وزارة الزراعة المغربية مذكرة مع وزارة الدفاع الروسية.",
        [("وزارة الزراعة المغربية", "Organization"), ("وزارة الدفاع الروسية", "Organization")],
        ["المغربية"],
    ),
    (
        "قال المتحدث باسم رئاسة الجمهورية التونسية إن اللقاء مهم.",
        [("رئاسة الجمهورية التونسية", "Organization")],
        [],
    ),
    ("كلف الملك برئاسة الحكومة وزير المالية.", [], ["رئاسة الحكومة"]),
    # coordinated genitives, and a ل genitive, go on an organisation's name
    (
        "أعلنت وزارة الشباب والرياضة والثقافة افتتاح الملعب.",
        [("وزارة الشباب والرياضة والثقافة", "Organization")],
        [],
    ),
    (
        "فاز حزب الاتحاد الدستوري للتنمية بعشرة مقاعد.",
        [("حزب الاتحاد الدستوري للتنمية", "Organization")],
        [],
    ),
    (
        "قال المكتب الإعلامي للهيئة العامة للأرصاد الجوية إن العاصفة ستشتد.",
        [("المكتب الإعلامي للهيئة العامة للأرصاد الجوية", "Organization")],
        [],
    ),
    # the addressee after قال is not part of the speaker's name
    (
        "قالت وزارة الخارجية البريطانية للصحفيين إن الوفد وصل.",
        [("وزارة الخارجية البريطانية", "Organization")],
        ["وزارة الخارجية البريطانية للصحفيين"],
    ),
    (
        "قالت وزارة الخارجية الروسية للتلفزيون الرسمي إن الوفد وصل.",
        [("وزارة الخارجية الروسية", "Organization")],
        ["وزارة الخارجية الروسية للتلفزيون الرسمي"],
    ),
    # two bodies coordinated stay two
    (
        "أدانت وزارة الخارجية والجامعة العربية الهجوم.",
        [("وزارة الخارجية", "Organization")],
        ["وزارة الخارجية والجامعة العربية"],
    ),
    # an armed group named after a body or a place is a body of its own
    (
        "تبنت كتائب حزب الله وسرايا القدس الهجوم.",
        [("كتائب حزب الله", "Organization"), ("سرايا القدس", "Organization")],
        ["حزب الله", "القدس"],
    ),
    # a plural designator with a country's adjective is a national force, not with another
    (
        "انسحبت القوات التركية من المنطقة وتقدمت القوات المهاجمة.",
        [("القوات التركية", "Organization")],
        ["القوات المهاجمة"],
    ),
    # a paper named after its city
    (
        "نقلت صحيفة بوسطن غلوب عن مسؤولين أن الاتفاق قريب.",
        [("بوسطن غلوب", "Organization")],
        ["بوسطن"],
    ),
    # a definite designator after ل, its article written لل
    (
        "قدمت قطر دعما للحكومة اللبنانية.",
        [("لحكومة اللبنانية", "Organization")],
        [],
    ),
    # a name in quotes after its designator, whatever its words look like
    (
        'قالت وكالة "تاس" إن الطائرة سقطت، ونقلت قناة "سكاي نيوز عربية" الخبر.',
        [("تاس", "Organization"), ("سكاي نيوز عربية", "Organization")],
        [],
    ),
    ('شارك نواب حزب "الحرية والعدالة" في الجلسة.', [("الحرية والعدالة", "Organization")], []),
    ('قالت الوكالة "إن الوضع خطير" في بيانها.', [], ["إن الوضع خطير"]),
    # after the designator's adjectives too, and a ship is named like a body
    (
        'وأعلنت الشركة النفطية الكويتية "كوفبك" أنها وقعت العقد، واحتجزت البحرية الناقلة "ستينا إمبيرو".',
        [("كوفبك", "Organization"), ("ستينا إمبيرو", "Thing")],
        [],
    ),
    # people: an indefinite word after a first name is the family name (a name is definite,
    # so no indefinite attribute follows it), unless a genitive follows it (the object)
    ("قال المتحدث باسم الوزارة حسن جميل إن الوفد وصل.", [("حسن جميل", "Person")], []),
    ("أكد يوسف مراد ضرورة الحل.", [("يوسف مراد", "Person")], ["يوسف مراد ضرورة"]),
    # a first name after a first name is a name (علي), على never
    (
        "ووقع محمد علي الاتفاق، وكتب يوسف مراد على حسابه.",
        [("محمد علي", "Person"), ("يوسف مراد", "Person")],
        ["محمد علي الاتفاق", "يوسف مراد على", "يوسف مراد على حسابه"],
    ),
    # the name after a title and a comma is in apposition to it
    ("قال وزير الخارجية الأردني، ناصر جودة، إن الوفد وصل.", [("ناصر جودة", "Person")], []),
    # a hyphenated first name
    (
        "التقى الوزير نظيره الفرنسي جان-مارك أيرولت.",
        [("جان-مارك أيرولت", "Person")],
        ["مارك أيرولت"],
    ),
    # زاده ends a (Persian) name: not زاد + ه
    (
        "قال المسؤول الإيراني كريم ناصر زاده إن المحادثات مستمرة. وأضاف ناصر زاده أن الجولة انتهت.",
        [("كريم ناصر زاده", "Person"), ("ناصر زاده", "Person")],
        ["كريم ناصر"],
    ),
    # name particles: مولاي, عبد before a definite word (not the verb)
    ("استقبل الأمير مولاي رشيد رئيس الوزراء.", [("مولاي رشيد", "Person")], []),
    ("قال عبد الكريم منصور إن الاجتماع انتهى.", [("عبد الكريم منصور", "Person")], []),
    # a relative pronoun ends a name
    (
        "رحب الملك عبد الله الثاني الذي وصل أمس بالضيوف.",
        [("عبد الله الثاني", "Person")],
        ["عبد الله الثاني الذي"],
    ),
    # a compound relative adjective (الجنوب أفريقي) belongs to the title, not to the name
    (
        "التقى وزير الصحة الجنوب أفريقي جو فاهلا نظيره.",
        [("جو فاهلا", "Person")],
        ["أفريقي جو فاهلا"],
    ),
    # the father's name with the article continues a name (صباح الأحمد)
    (
        "اتصل الملك بالشيخ ناصر الأحمد الجابر، رئيس الوزراء.",
        [("ناصر الأحمد الجابر", "Person")],
        [],
    ),
    # coordinated genitives of a title before the name
    (
        "وقال وزير التجارة والصناعة والمنافسة الكيني صامويل كاريوكي إن الاتفاق مهم.",
        [("صامويل كاريوكي", "Person")],
        ["الكيني صامويل كاريوكي"],
    ),
    # a single name after a preposition or a noun that governs places is a place
    (
        "وصلت الأمطار إلى تكساس، وقال محافظ تشانكيري إن الطرق مغلقة.",
        [("تكساس", "Region"), ("تشانكيري", "Place")],  # Texas: a gazetteer region
        [],
    ),
    # a local body and the place it serves in
    (
        "قالت بعثة الاتحاد الأفريقي في الصومال إن الوضع مستقر.",
        [("بعثة الاتحاد الأفريقي في الصومال", "Organization")],
        [],
    ),
    (
        "وقال رئيس الإدارة المحلية في حلب إن المياه عادت.",
        [("الإدارة المحلية في حلب", "Organization")],
        [],
    ),
    # the seat of a body is a place named by the body
    (
        "تجمع المحتجون أمام مقر قيادة حزب العمال وأمام مقر سفارتها.",
        [("مقر قيادة حزب العمال", "Place"), ("مقر سفارتها", "Place")],
        ["حزب العمال"],
    ),
    # a quarter or facility named after a place is not the place; an airport stands for it
    (
        "عاد اللاجئون إلى مخيم حلب بعد أن وصل الوزير إلى مطار بيروت.",
        [("مخيم حلب", "Place"), ("بيروت", "City")],
        ["حلب", "مطار بيروت"],
    ),
    # a facility named by a country's relative adjective; not a field hospital
    (
        "قصفت الطائرات المستشفى الأردني ونقل الجرحى إلى المستشفى الميداني.",
        [("المستشفى الأردني", "Place")],
        ["المستشفى الميداني"],
    ),
    # not names: a noun in construct after إلى, a word with a pronoun suffix, a number
    # word, a definite word no lexicon knows, a word coordinated after a nationality
    ("نقلوا المصابين إلى ردهة الإنعاش.", [], ["ردهة الإنعاش", "ردهة"]),
    (
        "استقبل الملك محمد السادس، نصره الله، الوفد.",
        [("محمد السادس", "Person")],
        ["محمد السادس، نصر"],
    ),
    (
        "قضت المحكمة على أحمد بن سالم ثلاثة أشهر.",
        [("أحمد بن سالم", "Person")],
        ["أحمد بن سالم ثلاثة"],
    ),
    ("ناقش الطرفان الاستحواذ الصناعي.", [], ["الاستحواذ الصناعي"]),
    ("وقعت الحادثة في يوليو الماضي.", [], ["يوليو الماضي", "يوليو"]),
    ("وقال الوزير المصري والعاهل الأردني إن الاتفاق مهم.", [], ["والعاهل الأردني"]),
    # foreign words after في name a place; a dual designator announces places
    ("أقيم المهرجان في بورتو أليغري.", [("بورتو أليغري", "City")], []),  # a gazetteer city
    ("شهد إقليما هيران السفلى والعليا أمطارا غزيرة.", [("هيران السفلى", "Region")], []),
    (
        "احتشد المتظاهرون في ساحة تيانانمن.",
        [("ساحة تيانانمن", "Place")],
        [],
    ),
]


@pytest.mark.parametrize(("text", "found", "forbidden"), NAME_CASES)
def test_names_are_found_whole(
    text: str, found: list[tuple[str, str]], forbidden: list[str]
) -> None:
    spans = entity_spans(text)
    for want in found:
        assert want in spans, f"{want} not in {spans}"
    surfaces = {s for s, _ in spans}
    for bad in forbidden:
        assert bad not in surfaces, f"{bad!r} found in {spans}"


def test_two_word_titles_and_first_names_are_whole_words() -> None:
    forms = [
        t.form for t in analyse("استقبل ولي العهد الأمير مولاي الحسن الوفد.").sentences[0].tokens
    ]
    assert "ولي" in forms and "مولاي" in forms and "لي" not in forms


@pytest.mark.parametrize(
    ("text", "word", "upos"),
    [
        ("توفي شخصان فى المدينة.", "فى", "ADP"),  # a final ى for ي
        ("قال المسئول إن الوفد وصل.", "المسئول", "NOUN"),  # ئ for ؤ
        ("واعلن الوزير أن الوفد وصل.", "اعلن", "VERB"),  # a bare alif for أ
        ("خلال لقائه بالرئيس أكد الوزير دعمه.", "لقائ", "NOUN"),  # a name takes no suffix
    ],
)
def test_other_spellings_and_suffixes(text: str, word: str, upos: str) -> None:
    found = [t.upos for t in analyse(text).sentences[0].tokens if t.form == word]
    assert found == [upos]


def test_suffixes_after_ta_marbuta_and_dual_quantifiers() -> None:
    forms = [t.form for t in analyse("نشر بيانا على صفحته، وكلاهما وافق.").sentences[0].tokens]
    assert ["صفحت", "ه"] == forms[forms.index("صفحت") : forms.index("صفحت") + 2]
    assert ["كلا", "هما"] == forms[forms.index("كلا") : forms.index("كلا") + 2]


def test_a_full_stop_without_a_space_ends_a_sentence() -> None:
    a = analyse("قال الوزير ذلك.وأضاف أن وكالة أ.ف.ب نقلت الخبر.")
    assert [s.text for s in a.sentences] == ["قال الوزير ذلك.", "وأضاف أن وكالة أ.ف.ب نقلت الخبر."]
