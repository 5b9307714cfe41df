"""The explorer's JSON API and pages, served by a real ``kg serve`` over a small archive."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from explorer_data import CITY, HOSTILE, PERSON, serving, write_archive


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(write_archive(tmp_path_factory.mktemp("explorer"))) as base:
        yield base


def get(base: str, path: str, **params: Any) -> tuple[int, dict[str, str], bytes]:
    full = base + path + ("?" + urllib.parse.urlencode(params) if params else "")
    try:
        with urllib.request.urlopen(full, timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def api(base: str, what: str, **params: Any) -> Any:
    status, _, body = get(base, "api/" + what, **params)
    assert status == 200, body
    return json.loads(body)


@pytest.mark.parametrize(
    "typed", ["سمير الحداد", "سَمِير", "الحدّاد", "حداد", "samir AL-HADDAD", "Sámir"]
)
def test_search_folds_arabic_and_latin_spellings(url: str, typed: str) -> None:
    hits = api(url, "search", q=typed)["hits"]
    assert hits and hits[0]["iri"] == str(PERSON), (typed, hits)


def test_search_finds_a_city_without_its_article_and_by_alias(url: str) -> None:
    assert api(url, "search", q="موصل")["hits"][0]["iri"] == str(CITY)
    assert api(url, "search", q="مدينه الموصل")["hits"][0]["iri"] == str(CITY)
    assert api(url, "search", q="كلمة لا توجد")["hits"] == []


def test_entity_page(url: str) -> None:
    e = api(url, "entity", iri=str(PERSON))
    assert e["classes"] == ["Person"] and e["wikidata"] == ["Q4115189"]
    assert ("Samir al-Haddad", "en") in [tuple(x) for x in e["labels"]]
    by_rel = {g["relation"]: g["facts"] for g in e["relations"]}
    assert set(by_rel) == {"افتتح", "انتقد", "زار", "عضو في"}, set(by_rel)
    visit = by_rel["زار"][0]
    assert visit["modality"] == "planned"
    assert visit["sentence"]["evidence"] == "يزور سمير الحداد مدينة الموصل"
    assert (
        visit["sentence"]["before"] + visit["sentence"]["evidence"] + visit["sentence"]["after"]
        == "ومن المقرر أن يزور سمير الحداد مدينة الموصل الأسبوع المقبل."
    )
    assert visit["document"] == {
        "iri": "https://w3id.org/kg-builder/resource/doc/d2",
        "headline": "زيارة مرتقبة إلى الموصل",
        "outlet": "صحيفة النموذج",
        "date": "2024-06-20",
        "url": "https://news.example/d2",
    }
    # the timeline: his event first, dated by its document
    assert [(t["date"], t["otherClass"]) for t in e["timeline"]] == [("2024-03-05", "Event")]


def test_neighbourhood_one_and_two_hops(url: str) -> None:
    one = api(url, "graph", iri=str(PERSON), hops=1)
    two = api(url, "graph", iri=str(PERSON), hops=2)
    assert len(one["nodes"]) == 5 and {n["hop"] for n in one["nodes"]} == {0, 1}
    assert len(two["nodes"]) == 5 and len(two["edges"]) == len(one["edges"]) + 1
    capped = api(url, "graph", iri=str(PERSON), hops=2, limit=3)
    assert len(capped["nodes"]) == 3 and capped["capped"]


def test_document_page(url: str) -> None:
    d = api(url, "document", iri="https://w3id.org/kg-builder/resource/doc/d1")
    assert (d["headline"], d["outlet"], d["date"]) == (
        "الوزير يفتتح منتدى الاستثمار",
        "وكالة المثال",
        "2024-03-05",
    )
    assert [s["index"] for s in d["sentences"]] == [0, 1]
    assert [f["relationLabel"] for f in d["facts"]] == ["افتتح", "مكان الحدوث", "عضو في"]
    assert d["entities"][0]["iri"] == str(PERSON)


def test_bad_requests_get_one_line_errors(url: str) -> None:
    for path, params, status in [
        ("api/entity", {"iri": "http://x/a> } ?s ?p ?o {"}, 400),
        ("api/entity", {}, 400),
        ("api/graph", {"iri": str(PERSON), "hops": "two"}, 400),
        ("api/nothing", {}, 404),
        ("explore/assets/../../server.py", {}, 404),
    ]:
        code, headers, body = get(url, path, **params)
        assert code == status, (path, body)
        assert headers["Content-Type"].startswith("text/plain")
        assert body.decode().count("\n") == 1 and "Traceback" not in body.decode()
    code, _, body = get(url, "api/entity", iri="https://w3id.org/kg-builder/resource/none")
    assert code == 404 and json.loads(body)["found"] is False


def test_page_and_assets_are_served_with_a_strict_policy(url: str) -> None:
    status, headers, body = get(url, "")  # the front page
    assert status == 200
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self';" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    assert b"<script>" not in body and b"http" not in body.replace(b"http-equiv", b"")
    for name in ("explorer.js", "codemirror.js", "sparql.js", "vis-network.min.js"):
        status, headers, _ = get(url, "explore/assets/" + name)
        assert status == 200 and headers["Content-Type"].startswith("text/javascript")


def test_hostile_names_come_back_as_data(url: str) -> None:
    hits = api(url, "search", q="img src")["hits"]
    assert hits[0]["label"] == HOSTILE
    status, headers, _ = get(url, "api/search", q="img")
    assert headers["Content-Type"].startswith("application/json")


def test_stored_queries_are_listed(url: str) -> None:
    names = [q["name"] for q in api(url, "queries")]
    assert "hosted_events" in names


def test_vendored_editor_has_its_licence() -> None:
    folder = (
        Path(__file__).parents[1] / "kg" / "data" / "explorer" / "vendor" / "codemirror-5.65.21"
    )
    assert (
        "MIT" in (folder / "LICENSE").read_text()
        or "Permission is hereby granted" in (folder / "LICENSE").read_text()
    )
    assert "codemirror@5.65.21" in (folder / "SOURCE.md").read_text()
