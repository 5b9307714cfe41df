"""The explorer of ``kg serve`` in real headless Chromium: search, an entity page with a
fact's evidence highlighted in its sentence, the network expanded by a click, filters by
relation and date, a stored query run in the editor. The browser reaches the test's
server on 127.0.0.1 and nothing else.

Skipped when chromium/chromedriver are missing, unless KG_REQUIRE_BROWSER is set.
"""

from __future__ import annotations

import time
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from explorer_data import HOSTILE, PERSON, serving, write_archive

from tests.conftest import require_browser

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(write_archive(tmp_path_factory.mktemp("explorer"))) as url:
        yield url


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    from kg.headless import chromium

    require_browser()
    with chromium(1400, 900, loopback=True) as d:
        yield d


def js(driver: Any, script: str, *args: Any) -> Any:
    return driver.execute_script(script, *args)


def wait(what: Callable[[], Any], timeout: float = 20.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        got = what()
        if got:
            return got
        time.sleep(0.05)
    raise TimeoutError("the page did not get there in time")


def entity_url(base: str, iri: str) -> str:
    return base + "#/entity?iri=" + urllib.parse.quote(iri, safe="")


def clean(driver: Any, base: str) -> None:
    """No console error, no request anywhere but this server, no script run from the data."""
    from kg.headless import console_errors, requested_urls

    assert console_errors(driver) == []
    assert all(u.startswith(base) for u in requested_urls(driver)), requested_urls(driver)
    assert js(driver, "return window.__pwned") is None


def test_search_then_evidence_in_its_sentence(driver: Any, base: str) -> None:
    from selenium.webdriver.common.by import By

    driver.get(base)  # the front page
    box = wait(lambda: driver.find_element(By.ID, "q"))
    box.send_keys("حدّاد")  # a shadda and no article: still found
    hits = wait(lambda: driver.find_elements(By.CSS_SELECTOR, "#hits li[data-iri]"))
    assert hits[0].get_attribute("data-iri") == str(PERSON)
    hits[0].click()
    wait(lambda: js(driver, "return kgExplorer.ready"))
    assert driver.find_element(By.ID, "entity-label").text == "سمير الحداد"
    marks = driver.find_elements(By.CSS_SELECTOR, "#facts mark.evidence")
    visit = next(m for m in marks if m.text == "يزور سمير الحداد مدينة الموصل")
    sentence = visit.find_element(By.XPATH, "..")
    assert sentence.text == "ومن المقرر أن يزور سمير الحداد مدينة الموصل الأسبوع المقبل."
    fact = sentence.find_element(By.XPATH, "..")
    assert "planned" in fact.text and "صحيفة النموذج" in fact.text and "2024-06-20" in fact.text
    wikidata = driver.find_element(By.CSS_SELECTOR, "a.wikidata")
    assert wikidata.get_attribute("href") == "https://www.wikidata.org/wiki/Q4115189"
    # the hostile name is text in the facts and a canvas label in the network
    assert HOSTILE in driver.find_element(By.ID, "facts").text
    assert driver.find_elements(By.CSS_SELECTOR, "#view img") == []
    clean(driver, base)


def test_expand_the_network_and_filter(driver: Any, base: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    driver.get("about:blank")
    driver.get(entity_url(base, str(PERSON)))
    wait(lambda: js(driver, "return kgExplorer.ready"))
    assert js(driver, "return [kgExplorer.nodes.length, kgExplorer.edges.length]") == [5, 4]
    # a real click on the event's node: its edge to the city comes in
    event = "https://w3id.org/kg-builder/resource/doc/d1/event/forum"
    x, y = js(
        driver,
        "const p = kgExplorer.network.canvasToDOM(kgExplorer.network.getPositions([arguments[0]])[arguments[0]]);"
        "return [p.x, p.y];",
        event,
    )
    net = driver.find_element(By.ID, "net")
    w, h = net.size["width"], net.size["height"]
    ActionChains(driver).move_to_element_with_offset(net, x - w / 2, y - h / 2).click().perform()
    wait(lambda: js(driver, "return kgExplorer.expanded === 1"))
    assert js(driver, "return kgExplorer.edges.length") == 5
    count = driver.find_element(By.ID, "fact-count")
    assert count.text.startswith("4 of 4")
    Select(driver.find_element(By.ID, "relation-filter")).select_by_value("زار")
    assert count.text.startswith("1 of 4")
    hidden = js(
        driver, "return kgExplorer.edges.get().filter(e => !e.hidden).map(e => e.relationLabel)"
    )
    assert hidden == ["زار"]
    Select(driver.find_element(By.ID, "relation-filter")).select_by_value("")
    driver.find_element(By.ID, "date-from").send_keys("2024-06")
    assert count.text.startswith("2 of 4")  # the June document's two facts
    assert len(driver.find_elements(By.CSS_SELECTOR, "#timeline li")) == 0  # the forum was in March
    clean(driver, base)


def test_a_stored_query_runs_in_the_editor(driver: Any, base: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    driver.get(base + "#/sparql")
    pick = wait(lambda: driver.find_elements(By.CSS_SELECTOR, "#stored option[value=documents]"))
    Select(driver.find_element(By.ID, "stored")).select_by_value(pick[0].get_attribute("value"))
    assert js(driver, "return kgExplorer.editor.getValue()").startswith("# Documents by date")
    assert driver.find_elements(By.CSS_SELECTOR, ".CodeMirror .cm-keyword")  # highlighted
    driver.find_element(By.ID, "sparql-run").click()
    table = wait(lambda: driver.find_elements(By.ID, "sparql-table"))
    rows = table[0].find_elements(By.TAG_NAME, "tr")
    assert len(rows) == 3  # the header and the two documents
    assert "الوزير يفتتح منتدى الاستثمار" in table[0].text
    clean(driver, base)


def test_document_page(driver: Any, base: str) -> None:
    from selenium.webdriver.common.by import By

    driver.get(
        base
        + "explore#/doc?iri="  # an older link, to /explore
        + urllib.parse.quote("https://w3id.org/kg-builder/resource/doc/d2", safe="")
    )
    title = wait(lambda: driver.find_elements(By.ID, "doc-title"))
    assert title[0].text == "زيارة مرتقبة إلى الموصل"
    marks = [m.text for m in driver.find_elements(By.CSS_SELECTOR, "mark.evidence")]
    assert marks == ["يزور سمير الحداد مدينة الموصل", "وانتقد الحداد"]
    clean(driver, base)


def shoot(driver: Any, folder: Path, name: str) -> Path:
    path = folder / name
    driver.save_screenshot(str(path))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return path
