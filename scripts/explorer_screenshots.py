#!/usr/bin/env python3
"""Screenshots of the explorer for the README, at 1400x900, in headless Chromium.

Serves GRAPH (a store folder or a graph file) with ``kg serve``'s Endpoint on a free
loopback port, opens the first entity that NAME finds (its page, then with two hops),
the document of its first fact, and the SPARQL editor with a stored query run.

    kg build seeds/ --store /tmp/seed-store
    python scripts/explorer_screenshots.py /tmp/seed-store "تيلرسون" docs/
"""

from __future__ import annotations

import argparse
import json
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any


def _wait(driver: Any, script: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not driver.execute_script(script):
        if time.monotonic() > deadline:
            raise TimeoutError(script)
        time.sleep(0.05)
    time.sleep(0.4)  # fonts and the last frame


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("graph", type=Path)
    ap.add_argument("name")
    ap.add_argument("out", type=Path)
    ap.add_argument("--query", default="hosted_events")
    args = ap.parse_args(argv)
    from kg.headless import chromium
    from kg.server import Endpoint, free_port

    args.out.mkdir(parents=True, exist_ok=True)
    with Endpoint(args.graph, port=free_port()) as endpoint:
        threading.Thread(target=endpoint.serve_forever, daemon=True).start()
        base = endpoint.url
        q = urllib.parse.quote(args.name)
        with urllib.request.urlopen(f"{base}api/search?q={q}") as r:
            iri = json.loads(r.read())["hits"][0]["iri"]
        enc = urllib.parse.quote(iri, safe="")
        with urllib.request.urlopen(f"{base}api/entity?iri={enc}") as r:
            entity = json.loads(r.read())
        doc = entity["relations"][0]["facts"][0]["document"]["iri"]
        with chromium(1400, 900, loopback=True) as d:
            d.execute_cdp_cmd(
                "Emulation.setDeviceMetricsOverride",
                {"width": 1400, "height": 900, "deviceScaleFactor": 1, "mobile": False},
            )
            d.get(base)
            d.find_element("id", "q").send_keys(args.name)
            _wait(d, "return document.querySelectorAll('#hits li[data-iri]').length > 0")
            d.save_screenshot(str(args.out / "explorer-search.png"))
            d.get(f"{base}#/entity?iri={enc}")
            _wait(d, "return window.kgExplorer && kgExplorer.ready")
            d.save_screenshot(str(args.out / "explorer-entity.png"))
            d.get("about:blank")
            d.get(f"{base}#/entity?hops=2&iri={enc}")
            _wait(d, "return window.kgExplorer && kgExplorer.ready")
            d.execute_script("document.getElementById('net').scrollIntoView()")
            d.save_screenshot(str(args.out / "explorer-network.png"))
            d.get(f"{base}#/doc?iri=" + urllib.parse.quote(doc, safe=""))
            _wait(d, "return kgExplorer.page === '/doc'")
            d.save_screenshot(str(args.out / "explorer-document.png"))
            d.get(f"{base}#/sparql")
            _wait(d, "return document.querySelectorAll('#stored option').length > 1")
            d.execute_script(
                "const s = document.getElementById('stored'); s.value = arguments[0];"
                "s.dispatchEvent(new Event('change')); document.getElementById('sparql-run').click();",
                args.query,
            )
            _wait(d, "return !!document.getElementById('sparql-table')")
            d.save_screenshot(str(args.out / "explorer-sparql.png"))
    for name in ("search", "entity", "network", "document", "sparql"):
        print(args.out / f"explorer-{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
