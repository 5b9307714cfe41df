"""kg.view without a browser: the page is self-contained, safe, deterministic, atomic."""

from __future__ import annotations

import doctest
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

import kg.headless
import kg.view
from kg.errors import UnknownNameError
from kg.view import payload, render_html, script_json

DATA = Path(__file__).parent / "data"
BIDI = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def load(name: str) -> Graph:
    return Graph().parse(DATA / name, format="turtle")


def count_script_tags(page: str) -> int:
    """Script elements; the inlined vis-network has the text "<script>" in a string."""
    opening = len(re.findall(r"<script(?: [^>]*)?>(?!\"\+)", page))
    assert opening == page.count("</script>")
    return opening


def embedded_data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert m, "no data element"
    return json.loads(m.group(1))


@pytest.fixture(scope="module")
def small() -> Graph:
    return load("coalition_small.ttl")


@pytest.fixture(scope="module")
def page(small: Graph, tmp_path_factory: pytest.TempPathFactory) -> str:
    out = render_html(small, tmp_path_factory.mktemp("view") / "g.html")
    return out.read_text(encoding="utf-8")


@pytest.mark.parametrize("module", [kg.view, kg.headless])
def test_doctests(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_page_is_self_contained(page: str) -> None:
    assert not re.search(r"<script[^>]+src=", page, re.I)
    assert not re.search(r'<link[^>]+href="(?!data:)', page, re.I)
    styles = "".join(re.findall(r"<style>(.*?)</style>", page, re.S))
    assert styles and not re.search(r"@import|@font-face|url\((?![\"']?data:)", styles, re.I)
    assert "sourceMappingURL" not in page
    for host in ("cdnjs", "jsdelivr", "unpkg", "bootstrapcdn", "googleapis"):  # pyvis's template
        assert host not in page
    assert "vis.Network" in page and "vis-network" in page  # the library is inlined
    assert count_script_tags(page) == 3


def test_page_has_a_strict_content_security_policy(page: str) -> None:
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert len(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", csp)) == 2


def test_page_is_right_to_left_for_arabic(page: str, small: Graph, tmp_path: Path) -> None:
    assert '<html lang="ar" dir="rtl">' in page
    english = render_html(small, tmp_path / "en.html", lang="en").read_text(encoding="utf-8")
    assert '<html lang="en" dir="ltr">' in english
    data = embedded_data(english)
    assert "Donald Trump" in [n["label"] for n in data["nodes"]]
    assert data["ui"]["count_some"].startswith("showing {shown} of {total} entities")


def test_embedded_data_matches_the_projection(page: str, small: Graph) -> None:
    from kg.analytics import to_networkx

    G = to_networkx(small)
    data = embedded_data(page)
    assert len(data["nodes"]) == G.number_of_nodes() == data["meta"]["total"]
    assert len(data["edges"]) == G.number_of_edges()
    trump = next(n for n in data["nodes"] if n.get("qid") == "Q22686")
    assert "ترمب" in trump["names"] and "ترمب" in trump["keys"]
    hosted = [e for e in data["edges"] if data["relations"][e["rel"]]["name"] == "hosted"]
    assert len(hosted[0]["sents"]) == 2 and hosted[0]["conf"] == 0.9


def test_output_is_deterministic(small: Graph, tmp_path: Path) -> None:
    a = render_html(small, tmp_path / "a.html").read_bytes()
    b = render_html(load("coalition_small.ttl"), tmp_path / "b.html").read_bytes()
    assert a == b


def test_output_does_not_depend_on_hash_seed(tmp_path: Path) -> None:
    code = (
        "import sys; from rdflib import Graph; from kg.view import render_html; "
        "render_html(Graph().parse(sys.argv[1]), sys.argv[2])"
    )
    for seed in ("1", "2"):
        subprocess.run(
            [sys.executable, "-c", code, str(DATA / "coalition_small.ttl"), str(tmp_path / seed)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        )
    assert (tmp_path / "1").read_bytes() == (tmp_path / "2").read_bytes()


def test_max_nodes_keeps_the_most_central(small: Graph) -> None:
    from kg.analytics import to_networkx

    G = to_networkx(small)
    data = payload(G, max_nodes=3)
    assert (data["meta"]["shown"], data["meta"]["total"]) == (3, 11)
    # Degree 4, then three with degree 3 of which the first two by IRI.
    assert {n["label"] for n in data["nodes"]} == {
        "اجتماع التحالف الدولي",
        "ريكس تيلرسون",
        "تنظيم الدولة الإسلامية",
    }
    assert all(e["from"] < 3 and e["to"] < 3 for e in data["edges"])
    assert len(payload(G, max_nodes=3, size_by="pagerank")["nodes"]) == 3


def test_unknown_size_measure_lists_the_known_ones(small: Graph, tmp_path: Path) -> None:
    with pytest.raises(UnknownNameError, match="degree, pagerank"):
        render_html(small, tmp_path / "x.html", size_by="betweenness")


def test_hostile_names_cannot_leave_the_data_element(tmp_path: Path) -> None:
    page = render_html(
        load("hostile.ttl"), tmp_path / "h.html", title="</title><script>window.__pwned=1</script>"
    ).read_text(encoding="utf-8")
    assert count_script_tags(page) == 3
    assert (
        "<img" not in page and "<svg" not in page and "<iframe" not in page and "<!--" not in page
    )
    assert "\u2028" not in page and "\u2029" not in page
    assert "<title>&lt;/title&gt;&lt;script&gt;" in page
    data = embedded_data(page)
    labels = [n["label"] for n in data["nodes"]]
    assert '<img src=x onerror="window.__pwned=1">' in labels
    # No link can come from a sameAs that is not a Wikidata item.
    assert [n.get("qid") for n in data["nodes"] if n.get("qid")] == ["Q1"]


def test_bidi_and_zero_width_characters_are_removed(tmp_path: Path) -> None:
    data = embedded_data(
        render_html(load("hostile.ttl"), tmp_path / "h.html").read_text(encoding="utf-8")
    )
    shown = [n["label"] for n in data["nodes"]] + [n for x in data["nodes"] for n in x["names"]]
    shown += data["texts"] + [r["label"] for r in data["relations"]]
    assert "gnp.exe دونالد" in shown and "ترامبx" in shown
    assert not [s for s in shown if BIDI.search(s)]


def test_script_json_round_trips_every_character() -> None:
    value = {"s": "</script><!--<script>&\u2028\u2029'\"\\ ترمب"}
    text = script_json(value)
    assert not re.search("[<>&\u2028\u2029]", text)
    assert json.loads(text) == value


def test_write_is_atomic(small: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "g.html"
    out.write_text("previous", encoding="utf-8")

    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr(kg.view, "page_html", broken)
    with pytest.raises(RuntimeError):
        render_html(small, out)
    assert out.read_text(encoding="utf-8") == "previous"
    monkeypatch.undo()
    render_html(small, out)
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["g.html"]  # no temporary file left


def test_empty_graph_renders(tmp_path: Path) -> None:
    data = embedded_data(render_html(Graph(), tmp_path / "e.html").read_text(encoding="utf-8"))
    assert data["nodes"] == [] and data["meta"]["total"] == 0


def test_import_is_light() -> None:
    code = (
        "import sys, kg.view; "
        "print(sorted(m for m in ('networkx', 'pyvis', 'selenium') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


MODAL_TTL = """
@prefix kg: <https://w3id.org/kg-builder/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix r: <http://x/> .
r:a a kg:Person ; rdfs:label "سامح شكري"@ar .
r:b a kg:Person ; rdfs:label "أيمن الصفدي"@ar .
r:c a kg:City ; rdfs:label "عمان"@ar .
r:a kg:visited r:c .
r:f1 a kg:Fact ; rdf:subject r:a ; rdf:predicate kg:visited ; rdf:object r:c ;
    kg:modality kg:Asserted .
r:f2 a kg:Fact ; rdf:subject r:a ; rdf:predicate kg:met ; rdf:object r:b ;
    kg:modality kg:Planned .
r:f3 a kg:Fact ; rdf:subject r:b ; rdf:predicate kg:attended ; rdf:object r:c ;
    kg:modality kg:Negated .
"""


def test_planned_and_denied_facts_are_edges_the_page_draws_apart(tmp_path: Path) -> None:
    g = Graph().parse(data=MODAL_TTL, format="turtle")
    data = embedded_data(render_html(g, tmp_path / "m.html").read_text(encoding="utf-8"))
    mods = {data["relations"][e["rel"]]["name"]: e.get("mod") for e in data["edges"]}
    assert mods == {"visited": None, "met": "planned", "attended": "negated"}
    # the analytics projection (stats, paths) keeps to what happened
    from kg.analytics import to_networkx

    assert [d["relation"] for _, _, d in to_networkx(g).edges(data=True)] == ["visited"]


def test_communities_are_those_of_the_drawn_nodes(small: Graph) -> None:
    from kg.analytics import communities, to_networkx
    from kg.salience import choose

    G = to_networkx(small)
    for cap in (None, 3, 6):
        data = payload(G, max_nodes=cap)
        drawn = sorted(choose(G, cap))
        expected = communities(G.subgraph(drawn))
        got: dict[int, list[str]] = {}
        for u, node in zip(drawn, data["nodes"], strict=True):
            got.setdefault(node["com"], []).append(u)
        assert [got[k] for k in sorted(got)] == expected, cap
        assert data["meta"]["communities"] == sum(len(c) > 1 for c in expected)
