"""The endpoint's HTML page at ``/query``: a text area, a format choice and the stored example
queries (read-only; its own Content-Security-Policy comes with the reply).

>>> page = query_page([("q", "A question", "ASK {}")])
>>> "<textarea" in page and "A question" in page
True
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence


def query_page(examples: Sequence[tuple[str, str, str]] | None = None) -> str:
    """The HTML page at ``/query``: a text area, a format choice and the stored example queries.

    >>> "<textarea" in query_page([("q", "A question", "ASK {}")])
    True
    """
    if examples is None:
        from .query import read_query, stored_queries

        examples = [(name, title, read_query(name)) for name, title in stored_queries().items()]
    # JSON inside <script>: "</" would end the script element.
    data = json.dumps(
        [{"name": n, "title": t, "query": q} for n, t, q in examples], ensure_ascii=False
    )
    return _PAGE.replace("__EXAMPLES__", data.replace("</", "<\\/")).replace(
        "__TITLE__", html.escape("kg-builder SPARQL")
    )


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>__TITLE__</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { font: 15px/1.4 system-ui, sans-serif; margin: 1.5em auto; max-width: 70em; padding: 0 1em; }
textarea { width: 100%; height: 16em; font: 13px/1.4 ui-monospace, monospace; box-sizing: border-box; }
table { border-collapse: collapse; margin-top: 1em; }
th, td { border: 1px solid #ccc; padding: .25em .5em; text-align: start; vertical-align: top; unicode-bidi: plaintext; }
th { background: #f4f4f4; }
#status { color: #555; margin-left: 1em; }
pre { white-space: pre-wrap; unicode-bidi: plaintext; }
</style></head>
<body>
<h1>__TITLE__</h1>
<p><a href="/">Explorer</a>: search entities, their facts, neighbourhoods and documents.</p>
<p>Read-only SPARQL 1.1 endpoint at <code>/sparql</code>. Prefixes <code>kg: kgrel: wd: wdt: rdfs: rdf: owl: xsd: prov: schema: dcterms:</code> are predeclared; the default graph is the union of all documents.</p>
<p><label>Example: <select id="examples"><option value="">…</option></select></label></p>
<textarea id="query" spellcheck="false">SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 20</textarea>
<p><button id="run">Run</button>
<label>Answer as <select id="format">
<option value="application/sparql-results+json">table</option>
<option value="text/csv">CSV</option><option value="text/tab-separated-values">TSV</option>
<option value="application/sparql-results+xml">XML</option><option value="text/turtle">Turtle (CONSTRUCT)</option>
</select></label><span id="status"></span></p>
<div id="out"></div>
<script>
"use strict";
const examples = __EXAMPLES__;
const pick = document.getElementById("examples"), q = document.getElementById("query");
for (const e of examples) { const o = document.createElement("option"); o.value = e.name; o.textContent = e.title + " (" + e.name + ")"; pick.append(o); }
pick.onchange = () => { const e = examples.find(x => x.name === pick.value); if (e) q.value = e.query; };
function cell(t) { if (!t) return ""; return t.type === "literal" && t["xml:lang"] ? t.value + " @" + t["xml:lang"] : t.value; }
async function run() {
  const status = document.getElementById("status"), out = document.getElementById("out");
  const accept = document.getElementById("format").value;
  status.textContent = "running…"; out.replaceChildren();
  const t0 = performance.now();
  let r;
  try {
    r = await fetch("sparql", { method: "POST", headers: { "Content-Type": "application/sparql-query", "Accept": accept }, body: q.value });
  } catch (e) { status.textContent = String(e); return; }
  const text = await r.text(), ms = Math.round(performance.now() - t0);
  if (!r.ok) { status.textContent = r.status + " " + r.statusText + " (" + ms + " ms)"; const p = document.createElement("pre"); p.textContent = text; out.append(p); return; }
  if ((r.headers.get("Content-Type") || "").startsWith("application/sparql-results+json")) {
    const data = JSON.parse(text);
    if ("boolean" in data) { status.textContent = ms + " ms"; const p = document.createElement("pre"); p.textContent = String(data.boolean); out.append(p); return; }
    const vars = data.head.vars, rows = data.results.bindings, table = document.createElement("table");
    const head = table.insertRow(); for (const v of vars) { const th = document.createElement("th"); th.textContent = v; head.append(th); }
    for (const b of rows) { const tr = table.insertRow(); for (const v of vars) tr.insertCell().textContent = cell(b[v]); }
    status.textContent = rows.length + " rows, " + ms + " ms"; out.append(table);
  } else { status.textContent = ms + " ms"; const p = document.createElement("pre"); p.textContent = text; out.append(p); }
}
document.getElementById("run").onclick = run;
q.addEventListener("keydown", e => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run(); });
</script>
</body></html>
"""
