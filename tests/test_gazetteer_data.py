"""The packaged gazetteer's data: size, QIDs, provenance, types; the spelling-variant rule."""

from __future__ import annotations

import csv
import importlib.util
import io
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kg.lexicon.gazetteer import _TYPE_TO_CLASS, load
from tests.conftest import ROOT

DATA = ROOT / "kg" / "data"


def script(name: str) -> ModuleType:
    """scripts/NAME.py loaded as module NAME (the gazetteer scripts import each other on use)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


def build_script() -> ModuleType:
    return script("build_gazetteer")


def rows(name: str) -> list[dict[str, str]]:
    text = (DATA / name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))


def test_at_least_5000_rows_with_verified_qids() -> None:
    with_qid = [r for r in rows("gazetteer.tsv") if r["qid"]]
    assert len(with_qid) >= 5000


def test_every_qid_row_has_a_source_an_arabic_label_and_a_valid_type() -> None:
    seen: set[str] = set()
    for r in rows("gazetteer.tsv"):
        assert r["type"] in _TYPE_TO_CLASS, r
        assert r["label_ar"].strip(), r
        if r["qid"]:
            assert r["qid"].startswith("Q") and r["qid"][1:].isdigit(), r
            assert r["source"].strip(), r
            assert r["qid"] not in seen, r["qid"]
            seen.add(r["qid"])


def test_provenance_covers_every_row_with_its_licence() -> None:
    gaz, prov = rows("gazetteer.tsv"), rows("gazetteer_provenance.tsv")
    assert [(r["qid"], r["type"]) for r in gaz] == [(p["qid"], p["type"]) for p in prov]
    for p in prov:
        if p["qid"]:
            assert p["qid_sources"] and p["label_ar_source"] and p["licence"], p
    assert (DATA / "GAZETTEER_SOURCES.md").exists()


def test_the_reader_loads_every_row() -> None:
    assert len(load().entries) == len(rows("gazetteer.tsv"))
    assert [e.qid for e in load().lookup("الموصل")] == ["Q83317"]


def test_new_rows_take_no_common_word_and_no_curated_name() -> None:
    from kg.text import normalize

    curated = {
        normalize(n)
        for r in rows("gazetteer.tsv")[:318]
        for n in [r["label_ar"], *r["aliases_ar"].split("|")]
        if n
    }
    names = {
        normalize(n): r["qid"]
        for r in rows("gazetteer.tsv")[318:]
        for n in [r["label_ar"], *r["aliases_ar"].split("|")]
        if n
    }
    for word in ("ذكر", "الاحد", "جنوب", "صباح", "شان", "نيش", "الامل", "صور", "فدان"):
        assert word not in names, (word, names.get(word))
    assert not curated & set(names)


@pytest.mark.parametrize(
    ("name", "variants"),
    [
        ("هامبورغ", ["هامبورج"]),
        ("بيتسبرغ", ["بيتسبرج"]),
        ("ڤيينا", ["فيينا"]),
        ("پاريس", ["باريس"]),
        ("گوتنبرغ", ["غوتنبرغ", "جوتنبرغ", "غوتنبرج"]),
        ("چيناي", ["تشيناي"]),
        ("بغداد", []),
        ("الموصل", []),
        ("سانت لويس", []),
        ("دبي", []),
    ],
)
def test_spelling_variants(name: str, variants: list[str]) -> None:
    assert build_script().spelling_variants(name) == variants


def test_place_name_comparison() -> None:
    same = build_script().same_place_name
    assert same("Al Fallūjah", "Fallujah")
    assert same("Banghazi", "Benghazi")
    assert not same("Ad Dīwānīyah", "Al Başrah al Qadīmah")
    assert not same("Mosul", "Kirkuk")


def test_the_build_reproduces_the_committed_files() -> None:
    mod = build_script()
    built, _ = mod.build()
    gaz, prov = mod.render(built)
    assert gaz == (DATA / "gazetteer.tsv").read_text(encoding="utf-8")
    assert prov == (DATA / "gazetteer_provenance.tsv").read_text(encoding="utf-8")
    cued = (DATA / "people_cued.tsv").read_text(encoding="utf-8")
    assert mod.render_cued(built) == cued
    assert "قيس سعيد\tQ16120878\tKais Saied\tpresident:Q948" in cued  # only given names
    people_script()  # gazetteer_holders reads the offices' kinds from it
    holders = (DATA / "people_holders.tsv").read_text(encoding="utf-8")
    assert script("gazetteer_holders").render_holders(mod.SOURCES, built) == holders
    assert "Q10296812\tMohammad Javad Zarif\tMHMD_JD_ZRF MHMD_JFD_ZRF\t" in holders


def people_script() -> ModuleType:
    build_script()  # gazetteer_people imports build_gazetteer's helpers on use
    return script("gazetteer_people")


def test_people_rows_are_wikidata_office_holders_with_safe_names() -> None:
    from kg.text import normalize

    gaz, prov = rows("gazetteer.tsv"), rows("gazetteer_provenance.tsv")
    people = [(r, p) for r, p in zip(gaz[318:], prov[318:], strict=True) if r["type"] == "Person"]
    assert len(people) >= 200
    owners: dict[str, set[str]] = {}
    for r in gaz:
        for n in [r["label_ar"], *r["aliases_ar"].split("|")]:
            if n:
                owners.setdefault(normalize(n), set()).add(r["qid"] or r["label_en"])
    for r, p in people:
        if r["source"] == "everypolitician-data":  # legislators: gazetteer_popolo.py
            assert "everypolitician-data@" in p["qid_sources"], p
            assert "CC0" in p["licence"] and p["note"].startswith("legislature: "), p
        else:
            assert "every-politician-scrapers/" in p["qid_sources"], p
            assert "CC0" in p["licence"] and p["note"].startswith("positions: "), p
        for n in [r["label_ar"], *r["aliases_ar"].split("|")]:
            if n:
                assert len(normalize(n).split()) >= 2, (r["qid"], n)  # never one word
                assert owners[normalize(n)] == {r["qid"]}, (r["qid"], n)  # nobody else's
    by_qid = {r["qid"]: r for r, _ in people}
    # spot checks of QIDs known independently of the source
    assert by_qid["Q7747"]["label_en"] == "Vladimir Putin"
    assert by_qid["Q39259"]["label_en"] == "Recep Tayyip Erdoğan"
    assert by_qid["Q44329"]["label_ar"] == "بشار الأسد"
    assert by_qid["Q5431067"]["label_ar"] == "فيصل المقداد"


def test_legislators_whose_arabic_label_spells_their_name() -> None:
    """The Popolo legislators (scripts/gazetteer_popolo.py): a label naming someone else,
    and an Arab name whose family name is a word or a clan's, make no row."""
    import doctest

    people_script()
    mod = script("gazetteer_popolo")
    result = doctest.testmod(mod)
    assert result.attempted >= 3 and result.failed == 0
    by_qid = {r["qid"]: r for r in rows("gazetteer.tsv")}
    assert by_qid["Q950958"]["label_ar"] == "شارل ميشيل"  # Charles Michel
    assert "Q2429767" not in by_qid  # Ali Ammar paired with «علي لابوانت»
    assert "Q558865" not in by_qid  # Naser Khader: «ناصر خضر» names many men
    assert "Q2943715" not in by_qid  # Hussein Moussawi: a clan's name


def test_people_script_examples() -> None:
    import doctest

    result = doctest.testmod(people_script())
    assert result.attempted >= 3 and result.failed == 0


def test_people_link_by_full_name_never_by_a_first_name_alone() -> None:
    import kg

    text = (
        "استقبل الرئيس الروسي فلاديمير بوتين في موسكو وزير الخارجية السوري فيصل المقداد. "
        "وقال المقداد إن المحادثات كانت مثمرة. وتحدث فيصل عن الزيارة."
    )
    g = kg.build(texts=[text])
    qids = {e.label: e.qid for e in g.entities() if e.cls == "Person"}
    assert qids.get("فلاديمير بوتين") == "Q7747"
    assert qids.get("فيصل المقداد") == "Q5431067"
    assert "المقداد" not in qids  # the surname joined the full name's node
    assert all(not q for lab, q in qids.items() if " " not in lab)  # فيصل alone: no link


def test_people_wiki_script_examples() -> None:
    import doctest

    people_script()  # gazetteer_people_wiki sits beside it and imports build_gazetteer on use
    mod = script("gazetteer_people_wiki")
    result = doctest.testmod(mod)
    assert result.attempted >= 2 and result.failed == 0


def test_people_named_as_papers_write_them() -> None:
    """Names from English Wikipedia's infobox (السيسي), joined «عبدال…», a royal's name
    without his grandfather's or without the family, a king's regnal name without his
    father's (محمد السادس), a first name before a word that is also a common noun
    (المعلم): every one links to its office holder."""
    import kg

    text = (
        "وصل الملك حمد بن عيسى آل خليفة إلى القاهرة حيث كان في استقباله الرئيس "
        "عبدالفتاح السيسي. وشارك في المباحثات وزير الخارجية فيصل بن فرحان. "
        "وفي دمشق استقبل وليد المعلم رئيس مجلس النواب اللبناني نبيه بري. "
        "وبعث العاهل المغربي محمد السادس برقية تهنئة. وبحث الملك عبدالله الثاني مع رئيس "
        "الحكومة عزيز أخنوش ووزير الخارجية أيمن الصفدي التعاون بين البلدين."
    )
    g = kg.build(texts=[text])
    qids = {e.qid for e in g.entities() if e.cls == "Person"}
    # Hamad bin Isa, el-Sisi, Faisal bin Farhan, Walid Muallem, Nabih Berri, Mohammed VI
    assert {"Q57352", "Q307871", "Q72099398", "Q1334803", "Q704220", "Q57553"} <= qids
    # Abdullah II, Aziz Akhannouch, Ayman Safadi (names from English Wikipedia's first lines)
    assert {"Q57464", "Q1638114", "Q28336737"} <= qids


def test_a_fathers_name_inside_a_sons_is_no_mention_of_the_father() -> None:
    import kg

    g = kg.build(texts=["وصل ولي العهد الأمير الحسين بن عبدالله الثاني إلى الرياض أمس."])
    assert "Q57464" not in {e.qid for e in g.entities()}


def orgs_script() -> ModuleType:
    build_script()  # gazetteer_orgs imports build_gazetteer's helpers on use
    return script("gazetteer_orgs")


def test_party_rows_are_wikidata_groups_with_safe_names() -> None:
    from kg.text import normalize

    gaz, prov = rows("gazetteer.tsv"), rows("gazetteer_provenance.tsv")
    parties = [
        (r, p)
        for r, p in zip(gaz, prov, strict=True)
        if "everypolitician/everypolitician-data" in p["qid_sources"]
    ]
    assert len(parties) >= 15
    owners: dict[str, set[str]] = {}
    for r in gaz:
        for n in [r["label_ar"], *r["aliases_ar"].split("|")]:
            if n:
                owners.setdefault(normalize(n), set()).add(r["qid"] or r["label_en"])
    for r, p in parties:
        assert r["type"] == "Organization" and "CC0" in p["licence"], p
        for n in [r["label_ar"], *r["aliases_ar"].split("|")]:
            if n:
                k = normalize(n)
                assert len(k.split()) >= 2 or (len(k) >= 5 and not k.endswith("ي")), n
                assert owners[k] == {r["qid"]}, (r["qid"], n)
    by_qid = {r["qid"]: r for r, _ in parties}
    assert "الليكودي" not in by_qid["Q187009"]["aliases_ar"].split("|")  # an adjective
    assert by_qid["Q41053"]["label_ar"] == "حزب الله"  # the curated row got its QID
    assert gaz.index(by_qid["Q41053"]) < 318  # and kept its place
    # the name Turkey's AKP and Morocco's PJD share goes to neither; a generic one to none
    for gone in ("حزب العدالة والتنمية", "حزب العمال", "نداء تونس", "سياسي مستقل"):
        assert normalize(gone) not in owners, gone
    assert by_qid["Q19077"]["label_en"] == "Justice and Development Party (Turkey)"
    assert "Q327591" not in by_qid  # "independent politician" is no organisation


def test_orgs_script_examples_and_extract(tmp_path: Path) -> None:
    import doctest
    import json

    mod = orgs_script()
    result = doctest.testmod(mod)
    assert result.attempted >= 2 and result.failed == 0
    groups = {
        "movement_a": {
            "identifiers": [{"scheme": "wikidata", "identifier": "Q7"}],
            "other_names": [
                {"lang": "en", "name": "Movement A"},
                {"lang": "ar", "name": "حركة ألف"},
                {"lang": "ar", "name": "حركـــة ألف الكبرى"},
            ],
        },
        "no_qid": {"other_names": [{"lang": "ar", "name": "حزب باء"}]},
    }
    (tmp_path / "groups.json").write_text(json.dumps(groups), encoding="utf-8")
    (tmp_path / "ep_groups.tsv").write_text("# header\nqid\tx\n", encoding="utf-8")
    mod.extract_cli([f"XX={tmp_path / 'groups.json'}=repo@abc:path"], tmp_path)
    text = (tmp_path / "ep_groups.tsv").read_text(encoding="utf-8")
    assert text.splitlines() == [
        "# header",
        "qid\tlabel_en\tnames_ar\tcountry\tgroup\tsource",
        "Q7\tMovement A\tحركة ألف|حركة ألف الكبرى\tXX\tmovement_a\trepo@abc:path",
    ]


def test_international_bodies_from_supraverden() -> None:
    gaz, prov = rows("gazetteer.tsv"), rows("gazetteer_provenance.tsv")
    bodies = {
        r["qid"]: (r, p)
        for r, p in zip(gaz[318:], prov[318:], strict=True)
        if "confirmordeny/supraverden" in p["qid_sources"]
    }
    assert len(bodies) >= 20
    for r, p in bodies.values():
        assert r["type"] == "Organization" and "CC BY-SA 4.0" in p["licence"], p
    assert bodies["Q8901"][0]["label_ar"] == "البنك المركزي الأوروبي"
    assert "Q41984" not in bodies  # the IAEA stays the curated row it was


def test_government_agencies_from_wikidata_entity_records() -> None:
    from kg.text import normalize

    gaz, prov = rows("gazetteer.tsv"), rows("gazetteer_provenance.tsv")
    agencies = {
        r["qid"]: (r, p)
        for r, p in zip(gaz[318:], prov[318:], strict=True)
        if r["source"].startswith("integrateddatasvc/agency-registry@")
    }
    assert len(agencies) >= 30
    for r, p in agencies.values():
        assert r["type"] == "Organization" and "CC0" in p["licence"], p
    usgs = agencies["Q193755"][0]
    names = {normalize(n) for n in [usgs["label_ar"], *usgs["aliases_ar"].split("|")]}
    # Wikidata's «… بالولايات المتحدة» gives the adjective forms papers print
    assert normalize("هيئة المسح الجيولوجي الأمريكي") in names
    assert normalize("هيئة المسح الجيولوجي الأميركية") in names
    everyone = {
        normalize(n) for r in gaz for n in [r["label_ar"], *r["aliases_ar"].split("|")] if n
    }
    # a statistics office that names no country is every country's: never a name
    for generic in ("الجهاز المركزي للإحصاء", "المعهد الوطني للإحصاء", "مكتب الإحصاء المركزي"):
        assert normalize(generic) not in everyone, generic


def test_agencies_extract_reads_entity_records(tmp_path: Path) -> None:
    import json
    import subprocess

    mod = orgs_script()
    repo = tmp_path / "repo"
    folder = repo / "_data" / "us" / "us-gov-x" / "external"
    folder.mkdir(parents=True)
    record = {
        "entities": {
            "Q5": {
                "id": "Q5",
                "labels": {
                    "en": {"language": "en", "value": "Example Survey"},
                    "ar": {"language": "ar", "value": "هيئة المثال بالولايات المتحدة"},
                },
                "aliases": {},
            },
            "Q6": {"id": "Q6", "labels": {"en": {"language": "en", "value": "No Arabic"}}},
        }
    }
    (folder / "wikidata.json").write_text(json.dumps(record), encoding="utf-8")
    for cmd in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "x"]):
        subprocess.run(
            ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t", *cmd],
            check=True,
        )
    (tmp_path / "wd_agencies.tsv").write_text("# header\nqid\tx\n", encoding="utf-8")
    mod.extract_cli([], tmp_path, agencies=f"{repo / '.git'}=owner/registry")
    lines = (tmp_path / "wd_agencies.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["# header", "qid\tlabel_en\tnames_ar\tcountry\tgroup\tsource"]
    assert len(lines) == 3 and lines[2].startswith(
        "Q5\tExample Survey\tهيئة المثال بالولايات المتحدة\tUS\tus-gov-x\towner/registry@"
    )
    assert lines[2].endswith(":_data/us/us-gov-x/external/wikidata.json")


def test_ministries_named_by_rule_from_wikidata_labels() -> None:
    from kg.text import normalize

    gaz, prov = rows("gazetteer.tsv"), rows("gazetteer_provenance.tsv")
    ministries = {
        r["qid"]: (r, p)
        for r, p in zip(gaz[318:], prov[318:], strict=True)
        if "wikidata/results/ministries.csv" in p["qid_sources"]
    }
    assert len(ministries) >= 40
    for r, p in ministries.values():
        assert r["type"] == "Organization" and "CC0" in p["licence"], p
        assert r["label_ar"].startswith("وزارة ") and not r["aliases_ar"], r
    assert ministries["Q15253459"][0]["label_ar"] == "وزارة الخارجية البحرينية"
    assert ministries["Q1829504"][0]["label_ar"] == "وزارة الخارجية السورية"
    assert (
        ministries["Q1829504"][0]["label_en"]
        == "Ministry of Foreign Affairs and Expatriates (Syria)"
    )
    names = {normalize(r["label_ar"]) for r, _ in ministries.values()}
    # Lebanon has two foreign-affairs items and Bahrain two health items: no name for either
    assert normalize("وزارة الخارجية اللبنانية") not in names
    assert normalize("وزارة الصحة البحرينية") not in names


def test_ministries_extract_reads_ministries_csv(tmp_path: Path) -> None:
    import subprocess

    mod = orgs_script()
    repo = tmp_path / "kuwait-ministers"
    (repo / "wikidata" / "results").mkdir(parents=True)
    (repo / "wikidata" / "results" / "ministries.csv").write_text(
        "item,itemLabel,minister,ministerLabel\n"
        "Q11,Ministry of Finance,Q12,Minister of Finance\n"
        "Q13,Q13,,\n",
        encoding="utf-8",
    )
    for cmd in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "x"]):
        subprocess.run(
            ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t", *cmd],
            check=True,
        )
    (tmp_path / "ep_ministries.tsv").write_text("# header\nqid\tx\n", encoding="utf-8")
    mod.extract_cli([], tmp_path, ministries=[f"kuwait-ministers={repo / '.git'}"])
    lines = (tmp_path / "ep_ministries.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[1] == "qid\tlabel_en\tcountry\trepo\tsource"
    assert len(lines) == 3 and lines[2].startswith(
        "Q11\tMinistry of Finance\tKuwait\tkuwait-ministers\t"
        "every-politician-scrapers/kuwait-ministers@"
    )


def test_party_facts_rows_are_named_parties_of_the_region(tmp_path: Path) -> None:
    """Party Facts' parties with an Arabic native name (scripts/gazetteer_parties.py):
    a name of generic words only is kept when it names its country; rows a person read
    as wrong are left out, and so are other countries' parties and names outside Arabic
    letters."""
    import doctest

    from kg.text import normalize

    build_script()
    mod = script("gazetteer_parties")
    assert doctest.testmod(mod).failed == 0
    gaz, prov = rows("gazetteer.tsv"), rows("gazetteer_provenance.tsv")
    parties = {r["qid"]: r for r, p in zip(gaz, prov, strict=True) if "Party Facts" in p["note"]}
    assert len(parties) >= 40
    assert parties["Q133207"]["label_ar"] == "جماعة الإخوان المسلمين"
    assert parties["Q1672366"]["label_ar"] == "الحزب الشيوعي العراقي"  # generic, with its country
    names = {normalize(n) for r in gaz for n in [r["label_ar"], *r["aliases_ar"].split("|")] if n}
    for gone in ("الحزب الوطني الديمقراطي", "الجبهة الشعبية المتحدة", "حزب الوفد", "تيار الكرامة"):
        assert normalize(gone) not in names, gone
    for p in prov:
        if "Party Facts" in p["note"]:
            assert "MIT" in p["licence"] and "CC BY-SA" in p["licence"], p
    # the extract: Arabic-letter names of Arab League parties with a QID, sorted
    src = tmp_path / "wikidata.csv"
    src.write_text(
        "country,partyfacts_id,wikidata_id,name,name_short,name_native\n"
        "LBN,1,Q11,Party One,,حزب الأرز الجديد\n"
        "IRN,2,Q12,Party Two,,حزب ایران\n"
        "IRQ,3,,Party Three,,حزب بلا رقم\n"
        "IRQ,4,Q14,Party Four,,حزب کوردی\n"
        "EGY,5,Q748617,Wafd,,حزب الوفد\n",
        encoding="utf-8",
    )
    mod.extract(src, "repo@abc:path", tmp_path)
    text = (tmp_path / "partyfacts_parties.tsv").read_text(encoding="utf-8")
    assert [ln for ln in text.splitlines() if not ln.startswith("#")] == [
        "qid\tlabel_en\tnames_ar\tcountry\tgroup\tsource",
        "Q11\tParty One\tحزب الأرز الجديد\tLB\t1\trepo@abc:path",
        "Q14\tParty Four\t\tIQ\t4\trepo@abc:path",  # no Arabic name: gives its QID only
    ]
    # a party without an Arabic name gives its QID to the curated row of its English label
    hamas = next(r for r in gaz if r["label_en"] == "Hamas")
    assert hamas["qid"] and hamas["label_ar"] == "حماس"
