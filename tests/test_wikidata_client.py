"""The Wikidata client against a local server in Wikidata's shapes (never the internet)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.link.wdclient import (
    Cache,
    WikidataClient,
    WikidataError,
    WikidataUnavailable,
    class_closure,
    classes_of,
    parse_entity,
    parse_retry_after,
    parse_search,
    user_agent,
)
from tests.wikidata_stub import DATA, StubWikidata, closed_port, serve


@pytest.fixture()
def stub() -> Iterator[StubWikidata]:
    with serve() as s:
        yield s


def client(stub: StubWikidata, tmp_path: Path, **kw: object) -> WikidataClient:
    kw.setdefault("backoff", 0.05)
    return WikidataClient(api=stub.api, sparql=stub.sparql, cache_path=tmp_path / "wd.sqlite", **kw)  # type: ignore[arg-type]


def test_recorded_answers_parse() -> None:
    real = json.loads((DATA / "wbsearchentities_real_en.json").read_text(encoding="utf-8"))
    assert [h.id for h in parse_search(real)] == ["Q313055"]
    stub_ar = json.loads((DATA / "wbsearchentities_stub_ar.json").read_text(encoding="utf-8"))
    (hit,) = parse_search(stub_ar)
    assert hit.label == "البنك الدولي" and hit.match_type == "label" and hit.match_language == "ar"
    entity = json.loads((DATA / "entity_real_Q7164_trimmed.json").read_text(encoding="utf-8"))[
        "entities"
    ]["Q7164"]
    item = parse_entity("Q7164", entity)
    assert item.labels == {"en": "World Bank", "ar": "البنك الدولي"}
    assert "البنك العالمي" in item.aliases["ar"] and item.instance_of == ("Q1345691",)
    wrapped = json.loads((DATA / "wbgetentities_stub_Q7164.json").read_text(encoding="utf-8"))
    assert wrapped["success"] == 1 and parse_entity("Q7164", wrapped["entities"]["Q7164"]) == item


def test_unusual_snaks_and_missing_items() -> None:
    data = {
        "id": "Q1",
        "claims": {
            "P31": [
                {"mainsnak": {"snaktype": "somevalue", "property": "P31"}, "rank": "normal"},
                {
                    "mainsnak": {
                        "snaktype": "value",
                        "property": "P31",
                        "datavalue": {"value": {"id": "Q5"}},
                    },
                    "rank": "deprecated",
                },
                {
                    "mainsnak": {
                        "snaktype": "value",
                        "property": "P31",
                        "datavalue": {"value": {"id": "Q515"}},
                    },
                    "rank": "preferred",
                },
            ]
        },
    }
    assert parse_entity("Q1", data).instance_of == ("Q515",)
    assert parse_entity("Q404", {"id": "Q404", "missing": ""}).missing
    with pytest.raises(WikidataError, match="badvalue"):
        parse_search({"error": {"code": "badvalue", "info": "x"}})


def test_search_and_entities_in_both_languages(stub: StubWikidata, tmp_path: Path) -> None:
    c = client(stub, tmp_path)
    hits = c.search("البنك الدولي", "ar")
    assert hits[0].id == "Q7164" and hits[0].match_type == "label"
    assert [h.id for h in c.search("Amman", "en")] == ["Q3805"]
    alias = c.search("البنك العالمي", "ar")
    assert alias[0].id == "Q7164" and alias[0].match_type == "alias"
    items = c.entities(["Q7164", "Q3805", "Q404"])
    assert items["Q3805"].labels["ar"] == "عمان" and items["Q3805"].country == ("Q810",)
    assert items["Q404"].missing
    assert c.search("لا شيء هنا", "ar") == []  # no candidates


def test_etiquette_headers_and_parameters(stub: StubWikidata, tmp_path: Path) -> None:
    client(stub, tmp_path).search("بغداد", "ar")
    seen = stub.requests("wbsearchentities")[0]
    assert (
        seen.headers["user-agent"] == user_agent() and "kg-builder/" in seen.headers["user-agent"]
    )
    assert "(" in seen.headers["user-agent"]  # contact information
    assert "gzip" in seen.headers["accept-encoding"]
    assert seen.params["maxlag"] == "5" and seen.params["format"] == "json"


def test_contact_and_user_agent_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_WIKIDATA_CONTACT", "news-lab@example.org")
    assert "(news-lab@example.org)" in user_agent()
    monkeypatch.setenv("KG_USER_AGENT", "MyBot/1.0 (me@example.org)")
    assert user_agent() == "MyBot/1.0 (me@example.org)"


def test_cache_hits_make_no_request_and_persist(stub: StubWikidata, tmp_path: Path) -> None:
    c = client(stub, tmp_path)
    c.search("بغداد", "ar")
    c.entities(["Q1530"])
    n = len(stub.seen)
    c.search("بِغداد", "ar")  # same normalised text
    c.entities(["Q1530"])
    assert len(stub.seen) == n
    again = client(stub, tmp_path)  # a new process would open the same file
    assert again.search("بغداد", "ar")[0].id == "Q1530" and again.requests == 0
    assert again.cache.count("search") == 1 and again.cache.count("entity") == 1


def test_stale_entries_are_fetched_again(stub: StubWikidata, tmp_path: Path) -> None:
    c = WikidataClient(
        api=stub.api, sparql=stub.sparql, cache=Cache(tmp_path / "c.sqlite", max_age_days=1e-9)
    )
    c.search("بغداد", "ar")
    c.search("بغداد", "ar")
    assert c.requests == 2


def test_429_and_503_wait_what_retry_after_says(stub: StubWikidata, tmp_path: Path) -> None:
    c = client(stub, tmp_path)
    stub.fail("api", "429", "503")
    t = time.perf_counter()
    assert c.search("بغداد", "ar")[0].id == "Q1530"
    assert time.perf_counter() - t >= 2.0  # Retry-After: 1, twice
    assert len(stub.seen) == 3


def test_a_retry_after_beyond_the_limit_gives_up_at_once(
    stub: StubWikidata, tmp_path: Path
) -> None:
    c = client(stub, tmp_path, max_wait=60)
    stub.fail("api", "retry-after-long")
    with pytest.raises(WikidataError, match="3600 s"):
        c.search("بغداد", "ar")
    assert len(stub.seen) == 1


def test_server_errors_are_retried_then_reported(stub: StubWikidata, tmp_path: Path) -> None:
    c = client(stub, tmp_path, retries=2)
    stub.fail("api", "500")
    assert c.search("بغداد", "ar")[0].id == "Q1530"
    stub.fail("api", "500", "502", "500")
    with pytest.raises(WikidataError, match="HTTP 500 .after 3 tries"):
        c.search("دمشق", "ar")
    assert c.cache.get("search", "ar\t7\tدمشق") is None  # failures are not cached


def test_malformed_json_is_retried_then_reported(stub: StubWikidata, tmp_path: Path) -> None:
    c = client(stub, tmp_path, retries=1)
    stub.fail("api", "malformed")
    assert c.search("بغداد", "ar")[0].id == "Q1530"
    stub.fail("api", "malformed", "malformed")
    with pytest.raises(WikidataError, match="malformed JSON"):
        c.search("عمان", "ar")


def test_maxlag_waits_and_retries(stub: StubWikidata, tmp_path: Path) -> None:
    c = client(stub, tmp_path)
    stub.fail("api", "maxlag")
    t = time.perf_counter()
    assert c.entities(["Q1530"])["Q1530"].labels["en"] == "Baghdad"
    assert time.perf_counter() - t >= 1.0


def test_timeouts_are_retried_then_reported_as_unavailable(
    stub: StubWikidata, tmp_path: Path
) -> None:
    stub.delay = 1.5
    c = client(stub, tmp_path, timeout=0.3, retries=1)
    stub.fail("api", "timeout")
    assert c.search("بغداد", "ar")[0].id == "Q1530"  # the retry answers
    stub.fail("api", "timeout", "timeout")
    with pytest.raises(WikidataUnavailable, match="timed out"):
        c.search("عمان", "ar")


def test_other_client_errors_are_not_retried(stub: StubWikidata, tmp_path: Path) -> None:
    c = client(stub, tmp_path)
    stub.fail("api", "403")
    with pytest.raises(WikidataError, match="HTTP 403"):
        c.search("بغداد", "ar")
    assert len(stub.seen) == 1


def test_offline_fails_fast(tmp_path: Path) -> None:
    c = WikidataClient(
        api=f"http://127.0.0.1:{closed_port()}/w/api.php", cache_path=tmp_path / "c.sqlite"
    )
    t = time.perf_counter()
    with pytest.raises(WikidataUnavailable, match="cannot reach"):
        c.probe()
    with pytest.raises(WikidataUnavailable):
        c.search("بغداد", "ar")
    assert time.perf_counter() - t < 5


def test_one_request_at_a_time(stub: StubWikidata, tmp_path: Path) -> None:
    c = client(stub, tmp_path)
    names = ["بغداد", "دمشق", "عمان", "طرابلس", "الحرة", "واشنطن", "فرنسا", "Amman"]
    threads = [
        threading.Thread(target=c.search, args=(n, "en" if n.isascii() else "ar")) for n in names
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(stub.seen) == len(names) and stub.max_active == 1


def test_gzip_answers(stub: StubWikidata, tmp_path: Path) -> None:
    items = client(stub, tmp_path).entities(["Q7164", "Q3805", "Q842", "Q1530"])
    assert items["Q7164"].labels["ar"] == "البنك الدولي"  # the answer was long enough to be gzipped


def test_sparql_and_class_closure(stub: StubWikidata, tmp_path: Path) -> None:
    c = client(stub, tmp_path)
    rows = c.sparql(
        "SELECT ?l WHERE { <http://www.wikidata.org/entity/Q796> <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
    )
    assert {r["l"]["value"] for r in rows} == {"Iraq", "العراق"}
    closure = class_closure(c, ["Q5119", "Q11424", "Q900000010"])
    assert set(closure["Q5119"]) == {"Q515", "Q486972"} and closure["Q11424"] == ()
    assert closure["Q900000010"] == ("Q43229",)
    n = len(stub.seen)
    assert (
        class_closure(c, ["Q5119"]) == {"Q5119": closure["Q5119"]} and len(stub.seen) == n
    )  # cached
    items = c.entities(["Q1530", "Q900000004", "Q900000005", "Q7164"])
    assert classes_of(c, items["Q1530"]) == {"City"}
    assert classes_of(c, items["Q900000004"]) == set()  # a film: no class of ours
    assert classes_of(c, items["Q900000005"]) == set()  # a disambiguation page
    assert classes_of(c, items["Q7164"]) == {"Organization"}


def test_a_root_class_with_an_unexpected_label_is_not_used(
    stub: StubWikidata, tmp_path: Path
) -> None:
    stub.items["Q515"]["labels"]["en"]["value"] = "town hall"  # as if the QID were mistyped
    c = client(stub, tmp_path)
    items = c.entities(["Q1530"])
    assert classes_of(c, items["Q1530"]) == {"City"}  # still a human settlement (Q486972)
    stub.items["Q486972"]["labels"]["en"]["value"] = "nothing"
    c2 = client(stub, tmp_path / "other")
    assert classes_of(c2, c2.entities(["Q1530"])["Q1530"]) == set()


def test_retry_after_as_a_date() -> None:
    from email.utils import formatdate

    assert 8 <= parse_retry_after(formatdate(time.time() + 10, usegmt=True)) <= 10  # type: ignore[operator]
    assert parse_retry_after(formatdate(time.time() - 10, usegmt=True)) == 0.0
