// kg-builder explorer: one page, routed by the URL's fragment (#/entity?iri=..., #/doc?iri=...,
// #/sparql). Every text from the graph reaches the DOM through textContent or vis-network's
// canvas labels, never as HTML; links are built only from http(s) IRIs and Wikidata ids.
"use strict";

const COLOURS = {
  Person: "#4e79a7", Organization: "#f28e2b", Group: "#d4a017", Country: "#59a14f",
  City: "#76b7b2", Region: "#8cd17d", Place: "#499894", Event: "#e15759",
  Statement: "#b07aa1", Position: "#ff9da7", TimeExpression: "#9c755f",
  Quantity: "#bab0ac", Thing: "#79706e",
};
const FSI = "\u2068", PDI = "\u2069";
const state = { lang: "ar", entity: null, relation: "", from: "", to: "" };
const kgExplorer = (window.kgExplorer = { ready: false, renderMs: null, network: null });

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}
function safeUrl(u) { return /^https?:\/\/[^\s<>"]+$/.test(u || "") ? u : ""; }
function entityHref(iri) { return "#/entity?iri=" + encodeURIComponent(iri); }
function docHref(iri) { return "#/doc?iri=" + encodeURIComponent(iri); }
function clsBadge(cls) {
  const b = el("span", { class: "cls", text: cls || "?" });
  b.style.background = COLOURS[cls] || "#a0a0a0";
  return b;
}
async function api(what, params) {
  const qs = new URLSearchParams({ ...params, lang: state.lang });
  const r = await fetch("/api/" + what + "?" + qs.toString(), { headers: { Accept: "application/json" } });
  const type = r.headers.get("Content-Type") || "";
  if (type.startsWith("application/json")) return { status: r.status, data: await r.json() };
  throw new Error(r.status + ": " + (await r.text()));
}
function view() { return document.getElementById("view"); }
function show(...nodes) { view().replaceChildren(...nodes); }
function fail(e) { show(el("p", { class: "error", text: String(e.message || e) })); }

// --- search -------------------------------------------------------------------------------
let searchTimer = null, searchSeq = 0;
function hitItem(h) {
  const li = el("li", { role: "option", "data-iri": h.iri },
    el("span", { class: "bidi", dir: "auto", text: h.label }),
    el("span", {}, clsBadge(h.class), el("span", { class: "muted", text: h.mentions + "×" })));
  li.addEventListener("mousedown", (ev) => { ev.preventDefault(); go(entityHref(h.iri)); });
  return li;
}
async function runSearch(text) {
  const seq = ++searchSeq, list = document.getElementById("hits");
  if (!text.trim()) { list.hidden = true; return []; }
  const { data } = await api("search", { q: text, limit: 12 });
  if (seq !== searchSeq) return [];
  list.replaceChildren(...data.hits.map(hitItem));
  if (!data.hits.length) list.append(el("li", { class: "muted", text: "no entity has this name" }));
  list.hidden = false;
  return data.hits;
}
function setupSearch() {
  const q = document.getElementById("q"), list = document.getElementById("hits");
  q.addEventListener("input", () => { clearTimeout(searchTimer); searchTimer = setTimeout(() => runSearch(q.value).catch(fail), 120); });
  q.addEventListener("blur", () => setTimeout(() => { list.hidden = true; }, 150));
  document.getElementById("search-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const hits = await runSearch(q.value).catch(fail);
    if (hits && hits.length) go(entityHref(hits[0].iri));
  });
}

// --- facts, sentences, documents ------------------------------------------------------------
function sentenceNode(s) {
  return el("p", { class: "sentence", dir: "auto" }, s.before,
    s.evidence ? el("mark", { class: "evidence", text: s.evidence }) : null, s.after);
}
function sourceNode(doc, date) {
  const parts = [el("a", { href: docHref(doc.iri), class: "bidi", dir: "auto", text: doc.headline || decodeURIComponent(doc.iri.split("/doc/").pop() || doc.iri) })];
  if (doc.outlet) parts.push(" · ", el("span", { class: "bidi", dir: "auto", text: doc.outlet }));
  if (doc.date) parts.push(" · ", doc.date);
  const url = safeUrl(doc.url);
  if (url) parts.push(" · ", el("a", { href: url, rel: "noopener noreferrer", target: "_blank", text: "original" }));
  return el("div", { class: "source" }, "Source: ", ...parts);
}
function factNode(f) {
  const arrow = f.direction === "in" ? "← " : "→ ";
  const head = el("div", { class: "head" }, arrow,
    el("a", { href: entityHref(f.other), class: "bidi", dir: "auto", text: f.otherLabel }), " ", clsBadge(f.otherClass));
  if (f.modality) head.append(el("span", { class: "badge modality", text: f.modality }));
  if (f.negated) head.append(el("span", { class: "badge negated", text: "denied" }));
  if (f.date) head.append(el("span", { class: "badge date", text: f.date }));
  return el("div", { class: "fact", "data-relation": f.relationLabel }, head, sentenceNode(f.sentence), sourceNode(f.document));
}
function factDate(f) { return f.date || (f.document && f.document.date) || ""; }
function keep(f) {
  if (state.relation && f.relationLabel !== state.relation) return false;
  const d = factDate(f);
  if ((state.from || state.to) && !d) return false;
  if (state.from && d < state.from) return false;
  if (state.to && d.slice(0, state.to.length) > state.to) return false;
  return true;
}

// --- the entity page --------------------------------------------------------------------------
function filtersNode(e) {
  const rel = el("select", { id: "relation-filter" }, el("option", { value: "", text: "all relations" }));
  for (const g of e.relations) rel.append(el("option", { value: g.relation, text: g.relation + " (" + g.facts.length + ")" }));
  rel.value = state.relation;
  const from = el("input", { id: "date-from", placeholder: "from YYYY-MM-DD", value: state.from });
  const to = el("input", { id: "date-to", placeholder: "to YYYY-MM-DD", value: state.to });
  const apply = () => { state.relation = rel.value; state.from = from.value.trim(); state.to = to.value.trim(); renderFacts(e); };
  rel.addEventListener("change", apply); from.addEventListener("input", apply); to.addEventListener("input", apply);
  return el("div", { class: "filters" }, el("label", {}, "Relation ", rel), el("label", {}, "Date ", from), to,
    el("span", { id: "fact-count", class: "muted" }));
}
function renderFacts(e) {
  const box = document.getElementById("facts"), tl = document.getElementById("timeline");
  let shown = 0;
  box.replaceChildren();
  for (const g of e.relations) {
    const facts = g.facts.filter(keep);
    if (!facts.length) continue;
    shown += facts.length;
    box.append(el("section", { class: "relation" }, el("h3", { class: "bidi", dir: "auto", text: g.relation + " (" + facts.length + ")" }), ...facts.map(factNode)));
  }
  document.getElementById("fact-count").textContent = shown + " of " + e.facts + " facts" + (e.truncated ? " (first " + e.facts + " only)" : "");
  tl.replaceChildren(...e.timeline.filter(keep).map((f) => el("li", {},
    el("span", { class: "date", text: f.dated ? f.date : "undated" }),
    el("span", { class: "bidi", dir: "auto", text: f.relationLabel }), " ",
    el("a", { href: entityHref(f.other), class: "bidi", dir: "auto", text: f.otherLabel }), " ",
    el("a", { href: docHref(f.document.iri), class: "muted", text: "(document)" }))));
  filterEdges();
}
function aboutNode(e) {
  const labels = e.labels.map(([t, tag]) => el("li", {}, el("span", { class: "bidi", dir: "auto", text: t }), el("span", { class: "muted", text: " @" + (tag || "–") })));
  const aliases = e.aliases.map(([t, tag]) => el("li", {}, el("span", { class: "bidi", dir: "auto", text: t }), el("span", { class: "muted", text: " @" + (tag || "–") })));
  const wd = e.wikidata.filter((q) => /^Q[1-9][0-9]*$/.test(q)).map((q) => el("a", { href: "https://www.wikidata.org/wiki/" + q, rel: "noopener noreferrer", target: "_blank", class: "wikidata", text: q }));
  const box = el("div", { class: "about" }, el("div", {}, ...e.classes.map(clsBadge)));
  if (wd.length) box.append(el("p", {}, "Wikidata: ", ...wd));
  if (e.value) box.append(el("p", { class: "bidi", dir: "auto", text: e.value }));
  box.append(el("h2", { text: "Labels" }), el("ul", { class: "plain" }, ...labels));
  if (aliases.length) box.append(el("details", {}, el("summary", { text: "Other names (" + aliases.length + ")" }), el("ul", { class: "plain" }, ...aliases)));
  return box;
}
async function showEntity(iri, hopCount) {
  show(el("p", { class: "status", text: "Loading…" }));
  const { status, data: e } = await api("entity", { iri });
  if (status !== 200) { show(el("p", { class: "error", text: "No entity " + iri })); return; }
  state.entity = e;
  const left = el("div", { class: "panel" }, el("h1", { class: "bidi", dir: "auto", id: "entity-label", text: e.label }), aboutNode(e),
    el("h2", { text: "Facts by relation" }), filtersNode(e), el("div", { id: "facts" }));
  const hops = el("select", { id: "hops" }, el("option", { value: "1", text: "1 hop" }), el("option", { value: "2", text: "2 hops" }));
  hops.addEventListener("change", () => drawNetwork(iri, Number(hops.value)));
  const right = el("div", { class: "panel" }, el("h2", { text: "Neighbourhood" }),
    el("div", { class: "netbar" }, hops, el("span", { id: "net-count", class: "muted" }), el("span", { class: "muted", text: "click a node to expand it, double-click to open it" })),
    el("div", { id: "net" }), el("h2", { text: "Timeline" }), el("ol", { id: "timeline", class: "timeline" }));
  hops.value = String(hopCount);
  show(el("div", { class: "entity" }, left, right));
  renderFacts(e);
  await drawNetwork(iri, hopCount);
}

// --- the network ----------------------------------------------------------------------------------
function visNode(n) {
  return { id: n.id, label: FSI + (n.label.length > 40 ? n.label.slice(0, 39) + "…" : n.label) + PDI, title: undefined,
    color: COLOURS[n.class] || "#a0a0a0", shape: "dot", size: n.hop === 0 ? 22 : 12, cls: n.class };
}
function visEdge(e) {
  return { id: e.from + "|" + e.relation + "|" + e.to, from: e.from, to: e.to, label: FSI + e.label + PDI, relationLabel: e.label, arrows: "to" };
}
function filterEdges() {
  if (!kgExplorer.edges) return;
  kgExplorer.edges.update(kgExplorer.edges.get().map((x) => ({ id: x.id, hidden: !!state.relation && x.relationLabel !== state.relation })));
}
function countNet() {
  const c = document.getElementById("net-count");
  if (c) c.textContent = kgExplorer.nodes.length + " nodes, " + kgExplorer.edges.length + " edges";
}
async function drawNetwork(iri, hops) {
  const t0 = performance.now();
  kgExplorer.ready = false;
  const { data } = await api("graph", { iri, hops, limit: 200 });
  kgExplorer.fetchMs = performance.now() - t0;
  // Start from rings by distance (the centre, then each hop further out): the layout then
  // only has to settle, which takes vis-network a fraction of laying out from nothing.
  const rings = {};
  for (const n of data.nodes) (rings[n.hop] = rings[n.hop] || []).push(n);
  const placed = data.nodes.map((n) => {
    const ring = rings[n.hop], i = ring.indexOf(n), a = (2 * Math.PI * i) / ring.length;
    return { ...visNode(n), x: n.hop * 260 * Math.cos(a), y: n.hop * 260 * Math.sin(a) };
  });
  const nodes = new vis.DataSet(placed), edges = new vis.DataSet(data.edges.map(visEdge));
  if (kgExplorer.network) kgExplorer.network.destroy();
  const options = {
    nodes: { font: { size: 14, face: "system-ui, sans-serif" } },
    edges: { font: { size: 11, align: "middle" }, smooth: false, color: { color: "#8899aa" } },
    layout: { improvedLayout: false },
    physics: { solver: "barnesHut", barnesHut: { gravitationalConstant: -6000, springLength: 140 }, stabilization: { iterations: data.nodes.length > 100 ? 50 : 80, updateInterval: 50 } },
    interaction: { hover: true },
  };
  const network = new vis.Network(document.getElementById("net"), { nodes, edges }, options);
  Object.assign(kgExplorer, { network, nodes, edges, center: iri });
  network.once("stabilizationIterationsDone", () => {
    network.setOptions({ physics: false });
    network.fit();
    kgExplorer.renderMs = performance.now() - t0;
    kgExplorer.ready = true;
  });
  network.on("click", (p) => { if (p.nodes.length) expand(p.nodes[0]); });
  network.on("doubleClick", (p) => { if (p.nodes.length) go(entityHref(p.nodes[0])); });
  countNet();
  filterEdges();
}
async function expand(iri) {
  const { data } = await api("graph", { iri, hops: 1, limit: 60 });
  const near = kgExplorer.network.getPositions([iri])[iri] || { x: 0, y: 0 };
  const fresh = data.nodes.filter((n) => !kgExplorer.nodes.get(n.id)).map((n, i) => ({ ...visNode({ ...n, hop: 1 }), x: near.x + 120 * Math.cos(i), y: near.y + 120 * Math.sin(i) }));
  kgExplorer.nodes.add(fresh);
  kgExplorer.edges.update(data.edges.map(visEdge));
  kgExplorer.expanded = (kgExplorer.expanded || 0) + 1;
  countNet();
  filterEdges();
}

// --- the document page ------------------------------------------------------------------------------
async function showDocument(iri) {
  show(el("p", { class: "status", text: "Loading…" }));
  const { status, data: d } = await api("document", { iri });
  if (status !== 200) { show(el("p", { class: "error", text: "No document " + iri })); return; }
  const meta = [d.outlet, d.date, d.language].filter(Boolean).join(" · ");
  const url = safeUrl(d.url);
  const head = el("div", { class: "panel" }, el("h1", { class: "bidi", dir: "auto", id: "doc-title", text: d.headline || d.identifier }),
    el("p", { class: "muted bidi", dir: "auto", text: meta }),
    url ? el("p", {}, el("a", { href: url, rel: "noopener noreferrer", target: "_blank", text: url })) : null,
    el("p", { class: "muted", text: "Source: " + d.source }));
  const sentences = el("div", { class: "doc-sentences" }, ...d.sentences.map((s) => el("p", { class: "bidi", dir: "auto" }, el("span", { class: "idx", text: String(s.index) }), s.text)));
  const facts = d.facts.map((f) => el("div", { class: "fact" },
    el("div", { class: "head" }, el("a", { href: entityHref(f.subject), class: "bidi", dir: "auto", text: f.subjectLabel }),
      " — ", el("span", { class: "bidi", dir: "auto", text: f.relationLabel }), " → ",
      el("a", { href: entityHref(f.object), class: "bidi", dir: "auto", text: f.objectLabel }),
      f.modality ? el("span", { class: "badge", text: f.modality }) : null,
      f.negated ? el("span", { class: "badge negated", text: "denied" }) : null),
    sentenceNode(f.sentence)));
  const ents = d.entities.map((e) => el("li", {}, clsBadge(e.class), el("a", { href: entityHref(e.iri), class: "bidi", dir: "auto", text: e.label }), el("span", { class: "muted", text: " " + e.mentions + "×" })));
  show(el("div", { class: "entity" },
    el("div", {}, head, el("div", { class: "panel" }, el("h2", { text: "Text" }), sentences)),
    el("div", {}, el("div", { class: "panel" }, el("h2", { text: "Facts (" + d.facts.length + ")" }), ...facts),
      el("div", { class: "panel" }, el("h2", { text: "Entities (" + d.entities.length + ")" }), el("ul", { class: "plain" }, ...ents)))));
}

// --- the SPARQL editor ----------------------------------------------------------------------------
function cell(t) { if (!t) return ""; return t.type === "literal" && t["xml:lang"] ? t.value + " @" + t["xml:lang"] : t.value; }
async function runQuery(editor) {
  const status = document.getElementById("sparql-status"), out = document.getElementById("sparql-out");
  status.textContent = "running…"; out.replaceChildren();
  const t0 = performance.now();
  const r = await fetch("/sparql", { method: "POST", headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json, text/turtle;q=0.9" }, body: editor.getValue() });
  const text = await r.text(), ms = Math.round(performance.now() - t0);
  if (!r.ok) { status.textContent = r.status + " (" + ms + " ms)"; out.append(el("pre", { class: "error", text })); return; }
  if (!(r.headers.get("Content-Type") || "").startsWith("application/sparql-results+json")) { status.textContent = ms + " ms"; out.append(el("pre", { text })); return; }
  const data = JSON.parse(text);
  if ("boolean" in data) { status.textContent = ms + " ms"; out.append(el("pre", { text: String(data.boolean) })); return; }
  const vars = data.head.vars, rows = data.results.bindings, table = el("table", { id: "sparql-table" });
  table.append(el("tr", {}, ...vars.map((v) => el("th", { text: v }))));
  for (const b of rows) {
    table.append(el("tr", {}, ...vars.map((v) => {
      const t = b[v], td = el("td", { dir: "auto" });
      if (t && t.type === "uri" && /^https?:/.test(t.value) && !t.value.startsWith("http://www.wikidata.org/")) td.append(el("a", { href: entityHref(t.value), text: t.value }));
      else td.textContent = cell(t);
      return td;
    })));
  }
  status.textContent = rows.length + " rows, " + ms + " ms";
  out.append(table);
}
async function showSparql() {
  const pick = el("select", { id: "stored" }, el("option", { value: "", text: "Stored queries…" }));
  const area = el("textarea", { id: "sparql-text" });
  area.value = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 20";
  const run = el("button", { id: "sparql-run", type: "button", text: "Run (Ctrl-Enter)" });
  show(el("div", { class: "panel" }, el("h1", { text: "SPARQL" }),
    el("p", { class: "muted", text: "Read-only. Prefixes kg: kgrel: wd: wdt: rdfs: rdf: owl: xsd: prov: schema: dcterms: are predeclared; the default graph is the union of all documents." }),
    el("div", { class: "sparql-bar" }, pick, run, el("span", { id: "sparql-status", class: "muted" })), area,
    el("div", { id: "sparql-out", class: "results" })));
  const editor = CodeMirror.fromTextArea(area, { mode: "application/sparql-query", lineNumbers: true, extraKeys: { "Ctrl-Enter": () => runQuery(editor), "Cmd-Enter": () => runQuery(editor) } });
  kgExplorer.editor = editor;
  run.addEventListener("click", () => runQuery(editor).catch(fail));
  const { data } = await api("queries", {});
  for (const q of data) pick.append(el("option", { value: q.name, text: q.title + " (" + q.name + ")" }));
  pick.addEventListener("change", () => { const q = data.find((x) => x.name === pick.value); if (q) editor.setValue(q.query); });
}

// --- home and routing --------------------------------------------------------------------------------
function showHome() {
  const counts = el("p", { id: "counts", class: "status" });
  show(el("div", { class: "panel" }, el("h1", { text: "Explore the graph" }), counts,
    el("p", { text: "Type a name in the search box: Arabic or Latin, with or without diacritics, hamza or the article (الموصل, موصل, Mosul)." }),
    el("p", {}, "Or ask the graph a question in ", el("a", { href: "#/sparql", text: "SPARQL" }), ".")));
  // the same counts as kg build, kg stats and the network page, and what they count
  api("counts", {}).then((r) => {
    if (r.status !== 200) return;
    counts.textContent = r.data.entities + " entities, " + r.data.facts + " facts " + r.data.note;
  }).catch(() => {});
}
function go(hash) { if (location.hash === hash) route(); else location.hash = hash; }
async function route() {
  const hash = location.hash.slice(1) || "/";
  const [path, query] = hash.split("?");
  const params = new URLSearchParams(query || "");
  kgExplorer.ready = false;
  kgExplorer.page = null;
  document.getElementById("hits").hidden = true;
  try {
    if (path === "/entity" && params.get("iri")) {
      if (!state.entity || state.entity.iri !== params.get("iri")) Object.assign(state, { relation: "", from: "", to: "" });
      await showEntity(params.get("iri"), params.get("hops") === "2" ? 2 : 1);
    } else if (path === "/doc" && params.get("iri")) await showDocument(params.get("iri"));
    else if (path === "/sparql") await showSparql();
    else showHome();
  } catch (e) { fail(e); }
  kgExplorer.page = path;
}
document.getElementById("lang").addEventListener("change", (ev) => { state.lang = ev.target.value; route(); });
window.addEventListener("hashchange", route);
setupSearch();
route();
