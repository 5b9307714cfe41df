"""What is typed a person in Arabic news, and what is not: sentences of our own, through
the offline pipeline (rules analyser, extractor, gazetteer linker)."""

from __future__ import annotations

import pytest

from kg.model import Document
from kg.pipeline import Options, Stages, process


def names(text: str) -> list[tuple[str, str]]:
    stages = Stages.from_options(Options(analyser="rules", linker="gazetteer"))
    result = process(Document("t", text, "ar"), stages)
    return [(m.label, m.text) for m in result.extraction.mentions if m.kind == "name"]


@pytest.mark.parametrize(
    ("text", "not_a_person"),
    [
        # a verb the lexicon lacks, after a title and a nationality
        ("الرئيس اللبناني ينعي ضحايا الانفجار ويقدم التعازي لأسرهم.", "ينعي"),
        # a first name read as a common word before a verbal noun: a construct phrase
        ("قدم الوزير لأسر الضحايا خالص المواساة وحسن العزاء في رسالة.", "حسن العزاء"),
        # a brand after «العلامة التجارية»
        ("تبيع الشركة سياراتها تحت العلامة التجارية زي فو في آسيا.", "زي فو"),
    ],
)
def test_words_that_are_no_persons(text: str, not_a_person: str) -> None:
    assert ("Person", not_a_person) not in names(text)


def test_a_company_named_again_without_its_designator_stays_a_company() -> None:
    text = (
        "وقعت الوزارة عقدا مع شركة سيلفر هورايزونز الصينية لصناعة البطاريات. "
        "وتنتج سيلفر هورايزونز الصينية البطاريات في شنغهاي."
    )
    assert [n for n in names(text) if n[1] == "سيلفر هورايزونز"] == [
        ("Organization", "سيلفر هورايزونز")
    ] * 2


def test_a_person_named_like_a_company_earlier_stays_a_person() -> None:
    # a name with a first name in it is a person's, whatever body bears it
    text = "وقعت الوزارة عقدا مع مجموعة طلال أبو غزالة. وقال طلال أبو غزالة إن العقد مهم."
    assert ("Person", "طلال أبو غزالة") in names(text)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("اتصل الوزير بنظيره الفرنسي جان-نويل بارو أمس.", "جان-نويل بارو"),
        ("قال وزير الدفاع التركي يشار غولر إن القوات مستعدة.", "يشار غولر"),
        ("التقى الوزير نظيره الياباني يوشيماسا هاياشي.", "يوشيماسا هاياشي"),
    ],
)
def test_foreign_names_stay_whole(text: str, person: str) -> None:
    assert ("Person", person) in names(text)
