"""The network page in real headless Chromium, opened from disk with the network blocked.

Skipped when chromium/chromedriver are missing, unless KG_REQUIRE_BROWSER is set, in
which case their absence fails the run (CI sets it so the tests cannot silently vanish).
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph

from kg.analytics import to_networkx
from kg.text import normalize
from kg.view import render_html
from tests.conftest import require_browser

pytestmark = pytest.mark.browser

DATA = Path(__file__).parent / "data"
BIDI = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
HOSTILE = [
    '<img src=x onerror="window.__pwned=1">',
    "</script><script>window.__pwned=1</script>",
    "javascript:window.__pwned=1",
    '<b onmouseover="window.__pwned=1">rel</b>',
    '<iframe src="javascript:window.__pwned=1"></iframe>',
]


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    from kg.headless import chromium

    require_browser()
    with chromium() as d:
        yield d


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("pages")
    small = Graph().parse(DATA / "coalition_small.ttl", format="turtle")
    hostile = Graph().parse(DATA / "hostile.ttl", format="turtle")
    return {
        "ar": render_html(small, out / "ar.html"),
        "en": render_html(small, out / "en.html", lang="en", max_nodes=5),
        "hostile": render_html(
            hostile, out / "hostile.html", title="</title><script>window.__pwned=1</script>"
        ),
    }


def open_page(driver: Any, path: Path) -> float:
    from kg.headless import console_errors, wait_until_ready

    console_errors(driver)  # drop what earlier pages logged
    driver.get(path.as_uri())
    return wait_until_ready(driver, timeout=20)


def js(driver: Any, script: str, *args: Any) -> Any:
    return driver.execute_script(script, *args)


def canvas_labels(driver: Any, dataset: str = "nodes") -> list[str]:
    """The labels vis-network draws, each wrapped in FSI..PDI by the page, unwrapped."""
    labels = js(driver, f"return kgView.{dataset}.get().map(x => x.label)")
    assert all(lab[0] == "\u2068" and lab[-1] == "\u2069" for lab in labels)
    return [lab[1:-1] for lab in labels]


def test_page_opens_offline_without_errors(driver: Any, pages: dict[str, Path]) -> None:
    from kg.headless import console_errors, requested_urls

    open_page(driver, pages["ar"])
    assert console_errors(driver) == []
    urls = requested_urls(driver)
    assert urls and all(u.startswith("file://") for u in urls), urls
    assert js(driver, "return document.documentElement.dir") == "rtl"
    assert js(driver, "return kgView.network.physics.physicsEnabled") is False


def test_dataset_holds_the_projection(driver: Any, pages: dict[str, Path]) -> None:
    G = to_networkx(Graph().parse(DATA / "coalition_small.ttl", format="turtle"))
    open_page(driver, pages["ar"])
    assert js(driver, "return [kgView.nodes.length, kgView.edges.length]") == [
        G.number_of_nodes(),
        G.number_of_edges(),
    ]
    # Edge labels are the relation labels; node labels the Arabic names.
    labels = canvas_labels(driver)
    assert "دونالد ترامب" in labels
    assert "استضاف" in canvas_labels(driver, "edges")  # kg:hosted's Arabic label


def test_search_finds_trump_by_his_alias(driver: Any, pages: dict[str, Path]) -> None:
    from selenium.webdriver.common.by import By

    open_page(driver, pages["ar"])
    box = driver.find_element(By.ID, "kg-search")
    box.send_keys("ترمب")
    results = driver.find_elements(By.CSS_SELECTOR, "#kg-results button")
    assert results and "دونالد ترامب" in results[0].text
    results[0].click()
    panel = driver.find_element(By.ID, "kg-panel")
    assert panel.find_element(By.TAG_NAME, "h2").text == "دونالد ترامب"
    link = panel.find_element(By.TAG_NAME, "a")
    assert link.get_attribute("href") == "https://www.wikidata.org/wiki/Q22686"
    assert js(driver, "return kgView.network.getSelectedNodes()") == [
        int(results[0].get_attribute("data-id"))
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("تَرَمْب", "دونالد ترامب"),  # diacritics
        ("اميركا", "الولايات المتحدة"),  # alias أميركا without hamza
        ("ابو بكر", "أبو بكر البغدادي"),  # prefix, hamza
        ("DONALD", "دونالد ترامب"),  # English label, case
        ("q22686", "دونالد ترامب"),  # the QID
    ],
)
def test_search_normalises_like_python(
    driver: Any, pages: dict[str, Path], query: str, expected: str
) -> None:
    if js(driver, "return window.kgView === undefined || !location.href.endsWith('ar.html')"):
        open_page(driver, pages["ar"])
    ids = js(driver, "return kgView.search(arguments[0])", query)
    labels = [js(driver, "return kgView.nodes.get(arguments[0]).label", i)[1:-1] for i in ids]
    assert labels and labels[0] == expected


def test_js_normalize_equals_kg_text_normalize(driver: Any, pages: dict[str, Path]) -> None:
    samples = [
        "إِيلافُ",
        "الرئيـــس  الأميركيّ",
        "Rex  TILLERSON",
        "مؤتمر ٢٠١٧ في ۱۹ آذار",
        "ﻻ ﷲ",  # presentation forms, folded by NFKC
        "\u202eتر\u200bمب\u2069",
        " \t\u00a0مدرسة\u1680على  \x1c",
        "Straße ΣΊΣΥΦΟΣ",
        "ٱلْقُرْآن",
        "",
    ]
    open_page(driver, pages["ar"])
    assert js(driver, "return arguments[0].map(kgView.normalize)", samples) == [
        normalize(s) for s in samples
    ]


def test_panel_shows_every_evidence_sentence(driver: Any, pages: dict[str, Path]) -> None:
    from selenium.webdriver.common.by import By

    G = to_networkx(Graph().parse(DATA / "coalition_small.ttl", format="turtle"))
    tillerson = next(u for u, d in G.nodes(data=True) if d["label"] == "ريكس تيلرسون")
    expected = {s for _, _, d in G.edges(tillerson, data=True) for s in d["sentences"]} | {
        s for _, _, d in G.in_edges(tillerson, data=True) for s in d["sentences"]
    }
    open_page(driver, pages["ar"])
    js(driver, "kgView.select(kgView.search(arguments[0])[0])", "ريكس تيلرسون")
    quotes = driver.find_elements(By.CSS_SELECTOR, "#kg-panel .kg-facts blockquote")
    assert expected and expected <= {q.text for q in quotes}
    facts = driver.find_elements(By.CSS_SELECTOR, "#kg-panel .kg-facts > li")
    assert len(facts) == G.degree(tillerson)


def test_filters_hide_classes_and_relations(driver: Any, pages: dict[str, Path]) -> None:
    from selenium.webdriver.common.by import By

    open_page(driver, pages["ar"])
    hidden = "return kgView.nodes.get({filter: n => n.hidden}).length"
    driver.find_elements(By.CSS_SELECTOR, "#kg-legend input")[0].click()  # Person, the first class
    assert js(driver, hidden) == 4
    driver.find_element(By.ID, "kg-rel-none").click()
    assert js(driver, "return kgView.edges.get({filter: e => !e.hidden}).length") == 0
    driver.find_element(By.ID, "kg-rel-all").click()
    driver.find_elements(By.CSS_SELECTOR, "#kg-legend input")[0].click()
    assert js(driver, hidden) == 0
    assert js(driver, "return kgView.edges.get({filter: e => !e.hidden}).length") == 11


def test_max_nodes_is_said_on_the_page(driver: Any, pages: dict[str, Path]) -> None:
    from selenium.webdriver.common.by import By

    open_page(driver, pages["en"])
    assert js(driver, "return kgView.nodes.length") == 5
    count = driver.find_element(By.ID, "kg-count").text
    assert count.startswith("showing 5 of 11 entities")
    assert js(driver, "return document.documentElement.dir") == "ltr"
    assert "Rex Tillerson" in canvas_labels(driver)


def test_hostile_names_execute_nothing_and_show_literally(
    driver: Any, pages: dict[str, Path]
) -> None:
    from selenium.webdriver.common.by import By

    from kg.headless import console_errors

    open_page(driver, pages["hostile"])
    n_nodes, n_edges = js(driver, "return [kgView.nodes.length, kgView.edges.length]")
    assert (n_nodes, n_edges) == (4, 3)
    shown = []
    for i in range(n_nodes):  # render every panel, then every edge, then search results
        js(driver, "kgView.select(arguments[0])", i)
        shown.append(driver.find_element(By.ID, "kg-panel").get_attribute("textContent"))
    for i in range(n_edges):
        js(driver, "kgView.showEdge(arguments[0])", i)
        shown.append(driver.find_element(By.ID, "kg-panel").get_attribute("textContent"))
    box = driver.find_element(By.ID, "kg-search")
    box.send_keys("img")
    shown.append(driver.find_element(By.ID, "kg-results").get_attribute("textContent"))
    driver.find_element(By.CSS_SELECTOR, "#kg-results button").click()
    text = "\n".join(shown)

    assert js(driver, "return typeof window.__pwned") == "undefined"
    for payload in HOSTILE:
        assert payload in text, payload
    assert js(driver, "return document.title") == "</title><script>window.__pwned=1</script>"
    markup = "return document.querySelectorAll('img, iframe, svg, object, embed, b').length"
    assert js(driver, markup) == 0
    assert js(driver, "return document.scripts.length") == 3
    hrefs = js(driver, "return [...document.querySelectorAll('a')].map(a => a.href)")
    assert hrefs and all(re.fullmatch(r"https://www\.wikidata\.org/wiki/Q[0-9]+", h) for h in hrefs)
    assert not BIDI.search(text)
    assert not BIDI.search("".join(canvas_labels(driver) + canvas_labels(driver, "edges")))
    assert "gnp.exe دونالد" in text
    assert console_errors(driver) == []


def test_screenshot_is_written_and_not_blank(
    driver: Any, pages: dict[str, Path], tmp_path: Path
) -> None:
    open_page(driver, pages["ar"])
    js(driver, "kgView.select(kgView.search('ترمب')[0])")
    shot = tmp_path / "view.png"
    assert driver.save_screenshot(str(shot))
    width, height, pixels = read_png(shot.read_bytes())
    assert (width, height) == tuple(
        js(driver, "return [innerWidth * devicePixelRatio, innerHeight * devicePixelRatio]")
    )
    colours = set(pixels)
    non_white = sum(1 for p in pixels if p[:3] != (255, 255, 255))
    assert len(colours) > 50 and non_white > 0.01 * len(pixels)


def read_png(data: bytes) -> tuple[int, int, list[tuple[int, ...]]]:
    """Decode an 8-bit RGB(A) PNG, as Chromium writes screenshots (no Pillow needed)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    assert header is not None
    width, height, depth, colour_type, *_ = header
    assert depth == 8 and colour_type in (2, 6)
    bpp = 4 if colour_type == 6 else 3
    raw, stride = zlib.decompress(idat), width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        kind, line = (
            raw[y * (stride + 1)],
            bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)]),
        )
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    pixels = [tuple(r[i : i + bpp]) for r in rows for i in range(0, stride, bpp)]
    return width, height, pixels


def test_planned_facts_are_dashed_and_denied_ones_hidden_until_asked(
    driver: Any, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from test_view import MODAL_TTL

    page = render_html(Graph().parse(data=MODAL_TTL, format="turtle"), tmp_path / "m.html")
    open_page(driver, page)
    shown = "return kgView.edges.get({filter: e => !e.hidden}).map(e => [e.label, !!e.dashes])"
    assert sorted(js(driver, shown)) == [["\u2068التقى\u2069", True], ["\u2068زار\u2069", False]]
    driver.find_element(By.ID, "kg-show-negated").click()
    assert len(js(driver, shown)) == 3


# ---------------------------------------------------------------- issue 18: corpus views


def corpus_graph(n: int = 240) -> Graph:
    """A corpus-sized network: people met across documents, each with its numbers."""
    lines = [
        "@prefix kg: <https://w3id.org/kg-builder/ontology#> .",
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
    ]
    for i in range(n):
        lines.append(f'<http://x/p{i}> a kg:Person ; rdfs:label "Person number {i}"@en .')
        lines.append(
            f"<http://x/p{i}> kg:met <http://x/p{(i * 7 + 3) % n}>, <http://x/p{(i + 1) % n}> ."
        )
        lines.append(f'<http://x/q{i}> a kg:Quantity ; rdfs:label "{i}"@en .')
        lines.append(f"<http://x/p{i}> kg:provides <http://x/q{i}> .")
    return Graph().parse(data="\n".join(lines), format="turtle")


def test_labels_are_legible_at_the_fitted_zoom(driver: Any, tmp_path: Path) -> None:
    page = render_html(corpus_graph(), tmp_path / "big.html", lang="en", max_nodes=300)
    open_page(driver, page)
    sizes = js(
        driver,
        "const s = kgView.network.getScale();"
        "return kgView.nodes.get({filter: n => n.label}).map(n => n.font.size * s)",
    )
    assert js(driver, "return kgView.network.getScale()") < 0.5  # a zoomed-out hairball
    assert 20 <= len(sizes) <= 60 and min(sizes) >= 12.5, sizes[:5]
    # the 300 are the 240 people first, then quantities to fill the cap
    assert js(driver, "return kgView.nodes.length") == 300


def test_header_counts_follow_the_filters(driver: Any, pages: dict[str, Path]) -> None:
    from selenium.webdriver.common.by import By

    open_page(driver, pages["en"])
    before = driver.find_element(By.ID, "kg-count").text
    driver.find_elements(By.CSS_SELECTOR, "#kg-legend input")[0].click()
    after = driver.find_element(By.ID, "kg-count").text
    shown = js(driver, "return kgView.nodes.get({filter: n => !n.hidden}).length")
    facts = js(driver, "return kgView.edges.get({filter: e => !e.hidden}).length")
    assert before != after and after.startswith(f"showing {shown} of 11 entities")
    assert f"{facts} of 11 facts" in after
    driver.find_elements(By.CSS_SELECTOR, "#kg-legend input")[0].click()


@pytest.mark.parametrize(("page", "query"), [("ar", "Rex"), ("en", "تيلرسون")])
def test_search_list_stays_on_screen(
    driver: Any, pages: dict[str, Path], page: str, query: str
) -> None:
    from selenium.webdriver.common.by import By

    open_page(driver, pages[page])
    driver.find_element(By.ID, "kg-search").send_keys(query)
    left, right, width = js(
        driver,
        "const r = document.getElementById('kg-results').getBoundingClientRect();"
        "return [r.left, r.right, document.documentElement.clientWidth]",
    )
    assert driver.find_elements(By.CSS_SELECTOR, "#kg-results button")
    assert 0 <= left < right <= width


def test_fact_arrow_points_from_subject_to_object_in_english(
    driver: Any, pages: dict[str, Path]
) -> None:
    open_page(driver, pages["en"])
    js(driver, "kgView.select(kgView.search('Rex Tillerson')[0])")
    line = js(
        driver,
        "const f = document.querySelector('#kg-panel .kg-fact');"
        "const b = f.querySelectorAll('bdi');"
        "const s = b[0].getClientRects()[0], o = b[2].getClientRects()[0];"
        "return [f.textContent, getComputedStyle(f).direction,"
        " o.top >= s.bottom - 1 || (Math.abs(o.top - s.top) < 2 && o.left >= s.right)]",
    )
    text, direction, object_after_subject = line
    # the object comes after the subject in left-to-right reading: to its right, or below
    assert "→" in text and direction == "ltr" and object_after_subject


def test_pyvis_network_draws_offline(driver: Any, tmp_path: Path) -> None:
    from kg.view import to_pyvis

    hostile = Graph().parse(DATA / "hostile.ttl", format="turtle")
    net = to_pyvis(hostile)
    html = net.generate_html()
    assert "vis-network.min.js" not in re.sub(r"<script>.*?</script>", "", html, flags=re.S)
    assert "popup.innerHTML" not in html  # vis-network's text tooltips, not pyvis' HTML ones
    out = tmp_path / "pyvis.html"
    out.write_text(html, encoding="utf-8")
    driver.get(out.as_uri())
    drawn = js(driver, "return typeof network === 'object' ? network.body.data.nodes.length : -1")
    assert drawn == len(net.nodes) == 4
    titles = js(driver, "return network.body.data.edges.get().map(e => e.title).join('\\n')")
    assert any(p in titles for p in HOSTILE)  # shown as text
    assert js(driver, "return typeof window.__pwned") == "undefined"


def test_colour_by_community(driver: Any, pages: dict[str, Path]) -> None:
    from selenium.webdriver.common.by import By

    open_page(driver, pages["ar"])
    colours = "return kgView.nodes.get().map(n => n.color.background)"
    by_class = js(driver, colours)
    driver.find_element(By.ID, "kg-by-community").click()
    by_community = js(driver, colours)
    assert by_community != by_class and len(set(by_community)) >= 2
    driver.find_element(By.ID, "kg-by-community").click()
    assert js(driver, colours) == by_class


def test_a_corpus_build_page_says_how_many_entities_it_draws(driver: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    from kg.pipeline import Options, build_corpus
    from tests.conftest import SEEDS

    summary = build_corpus([SEEDS], tmp_path, Options(html_max_nodes=12))
    open_page(driver, tmp_path / "graph.html")
    assert js(driver, "return kgView.nodes.length") == 12
    count = driver.find_element(By.ID, "kg-count").text
    assert count.startswith(f"الكيانات المعروضة: 12 من {summary.entities}"), count
