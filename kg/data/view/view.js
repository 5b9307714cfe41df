/* kg-builder network page (kg/view.py builds the page around this script).
 *
 * Everything shown comes from news text, so it is treated as hostile: it arrives as JSON
 * in #kg-data and reaches the DOM only through textContent, or as vis-network labels,
 * which are drawn as plain text on a canvas. No innerHTML, no HTML tooltips, and the only
 * link is built from a Q-id that matches ^Q[0-9]+$.
 */
(function () {
  "use strict";

  // ---------------------------------------------------------------- normalisation
  // Must stay equal to kg.text.normalize (tests compare the two on the same strings).
  const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad]/g;
  const DIACRITICS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]/g;
  const TATWEEL = /\u0640/g;
  const FOLD = { "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي" };
  const DIGITS = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹";
  const SPACES = /[\s\x1c-\x1f\x85]+/g; // Python's str.isspace() also counts \x1c-\x1f, \x85
  // Where Python's str.casefold() differs from toLowerCase() for text that survives NFKC.
  const CASEFOLD = { "ß": "ss", "ς": "σ", "ẞ": "ss" };

  function normalize(text) {
    const s = String(text).normalize("NFKC").replace(INVISIBLE, "").replace(DIACRITICS, "").replace(TATWEEL, "");
    let out = "";
    for (const ch of s) {
      const digit = DIGITS.indexOf(ch);
      out += FOLD[ch] || (digit >= 0 ? String(digit % 10) : ch);
    }
    out = out.replace(SPACES, " ");
    if (out.startsWith(" ")) out = out.slice(1);
    if (out.endsWith(" ")) out = out.slice(0, -1);
    let folded = "";
    for (const ch of out.toLowerCase()) folded += CASEFOLD[ch] || ch;
    return folded;
  }

  // ---------------------------------------------------------------- data
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const ui = data.ui;
  const meta = data.meta;
  const rtl = meta.dir === "rtl";
  const QID = /^Q[0-9]+$/;
  const FONT = getComputedStyle(document.documentElement).getPropertyValue("--kg-font").trim() || "sans-serif";
  const classByName = new Map(data.classes.map((c) => [c.name, c]));
  const byId = data.nodes; // node ids are their positions
  const incident = data.nodes.map(() => []);
  for (const e of data.edges) {
    incident[e.from].push(e);
    if (e.to !== e.from) incident[e.to].push(e);
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
  }

  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  }

  function isolated(text) {
    // <bdi> keeps a name's own direction from reordering the words around it.
    return el("bdi", text);
  }

  function wikidataLink(qid) {
    if (typeof qid !== "string" || !QID.test(qid)) return null;
    const a = el("a", qid, { rel: "noopener noreferrer", target: "_blank" });
    a.href = "https://www.wikidata.org/wiki/" + qid;
    return a;
  }

  // ---------------------------------------------------------------- network
  function canvasText(text) {
    // The canvas has one direction for all labels; first-strong isolation (FSI..PDI) gives
    // each label its own, so "Washington, D.C." keeps its full stop on the right in an
    // Arabic page and a cut Arabic name its ellipsis on the left in an English one. The
    // data itself had every bidi control removed in kg/view.py: these are the only ones.
    return "\u2068" + text + "\u2069";
  }

  function colourOf(cls) {
    return (classByName.get(cls) || { colour: "#a0a0a0" }).colour;
  }

  function nodeColour(fill) {
    return { background: fill, border: "#33404d", highlight: { background: fill, border: "#000" } };
  }

  // Communities (kg.analytics.communities: numbered largest first, the same in every run)
  // take ten colours in turn; a node alone in its community stays grey.
  const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#499894"];
  const communitySize = new Map();
  for (const n of data.nodes) if (n.com !== undefined) communitySize.set(n.com, (communitySize.get(n.com) || 0) + 1);

  function communityColour(n) {
    return n.com !== undefined && communitySize.get(n.com) > 1 ? PALETTE[n.com % PALETTE.length] : "#c8c8c8";
  }

  const nodes = new vis.DataSet(
    data.nodes.map((n) => ({ id: n.id, label: canvasText(n.short), value: n.value, color: nodeColour(colourOf(n.cls)) }))
  );
  const edges = new vis.DataSet(
    data.edges.map((e) => ({
      id: e.id,
      from: e.from,
      to: e.to,
      label: canvasText(data.relations[e.rel].label),
      // planned or conditional: dashed; denied: hidden until asked for (applyFilters)
      dashes: e.mod === "planned" || e.mod === "conditional",
      hidden: e.mod === "negated",
      smooth: e.curve ? { enabled: true, type: e.curve > 0 ? "curvedCW" : "curvedCCW", roundness: Math.abs(e.curve) } : false,
    }))
  );

  const physics = meta.physics;
  const options = {
    autoResize: true,
    layout: { randomSeed: 7, improvedLayout: physics.improved_layout },
    // Solver, accuracy and iteration budget are chosen by size in kg/view.py (_physics).
    physics: Object.assign({ enabled: true }, physics.vis),
    interaction: { hover: true, tooltipDelay: 300, hideEdgesOnDrag: physics.big, hideEdgesOnZoom: physics.big, keyboard: false },
    nodes: {
      shape: "dot",
      scaling: { min: 8, max: 36, label: { enabled: false } },
      font: { face: FONT, size: 14, color: "#1d2733", strokeWidth: 3, strokeColor: "#ffffff" },
      borderWidth: 1,
    },
    edges: {
      arrows: { to: { enabled: true, scaleFactor: 0.5 } },
      color: { color: "#9aa5b1", highlight: "#1d2733", hover: "#5f6b7a" },
      font: { face: FONT, size: 10, color: "#3b4754", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
      width: 1,
      selectionWidth: 2,
    },
  };

  const container = document.getElementById("kg-network");
  const network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  const state = { ready: false, stabilizedAt: null, network: network, nodes: nodes, edges: edges, normalize: normalize };

  // What the header counts: the entities and facts drawn now (filters included), out of
  // the graph's (kg.analytics.Counts: the numbers kg build and kg stats print).
  const visible = { nodes: meta.shown, edges: meta.edges };

  function setCount() {
    const values = { shown: visible.nodes, total: meta.total, edges: visible.edges, total_edges: meta.total_edges };
    const all = visible.nodes === meta.total && visible.edges === meta.total_edges;
    const filtered = visible.nodes < meta.shown || visible.edges < meta.edges;
    const template = filtered ? ui.count_filtered : all ? ui.count_all : ui.count_some;
    document.getElementById("kg-count").textContent = format(template, values);
  }

  // Labels keep one size on screen (meta.font.px) whatever the zoom; only the most
  // central nodes are labelled at the fitted zoom (meta.font.labels), more as one zooms
  // in, so labels stay legible and do not pile up.
  const byValue = data.nodes.map((n) => n.id).sort((a, b) => byId[b].value - byId[a].value || a - b);
  let fittedScale = null;
  let labelled = null;

  function fitLabels() {
    const scale = network.getScale();
    if (!fittedScale) fittedScale = scale;
    const zoom = Math.max(scale / fittedScale, 1);
    const count = Math.min(byValue.length, Math.round(meta.font.labels * zoom * zoom));
    const size = Math.round((10 * meta.font.px) / scale) / 10;
    if (labelled && labelled.count === count && labelled.size === size) return;
    labelled = { count: count, size: size };
    nodes.update(
      byValue.map((id, rank) => ({ id: id, label: rank < count ? canvasText(byId[id].short) : "", font: { size: size } }))
    );
    const edgeSize = scale >= 0.6 ? Math.round((10 * (meta.font.px - 2)) / scale) / 10 : 0;
    network.setOptions({ edges: { font: { size: edgeSize } } });
  }

  function settle() {
    if (state.ready) return;
    // Stop the simulation once laid out: nodes stay where they are and the page stays idle.
    network.setOptions({ physics: false });
    // fit() frames the nodes' centres; step back a little so labels at the rim show too.
    network.fit({ animation: false });
    network.moveTo({ scale: network.getScale() * 0.9, animation: false });
    fitLabels();
    network.on("zoom", fitLabels);
    state.ready = true;
    state.stabilizedAt = performance.now();
    setCount();
    document.body.setAttribute("data-ready", "true");
  }

  network.on("stabilizationProgress", (p) => {
    document.getElementById("kg-count").textContent = format(ui.layout, { pct: Math.round((100 * p.iterations) / p.total) });
  });
  network.once("stabilizationIterationsDone", settle);
  if (data.nodes.length === 0) settle();

  // ---------------------------------------------------------------- side panel
  const panel = document.getElementById("kg-panel");

  function clearPanel() {
    panel.replaceChildren(el("p", ui.help, { class: "kg-help" }));
  }

  function sentencesList(indices) {
    const list = el("div");
    for (const i of indices) list.append(el("blockquote", data.texts[i], { dir: "auto" }));
    return list;
  }

  function factLine(e) {
    // The line takes the page's direction whatever the names: the arrow then points from
    // the subject to the object (→ left to right, ← right to left).
    const line = el("div", null, { class: "kg-fact", dir: meta.dir });
    line.append(isolated(byId[e.from].label), " — ", isolated(data.relations[e.rel].label), rtl ? " ← " : " → ", isolated(byId[e.to].label));
    if (e.mod) line.append(el("span", " [" + (ui[e.mod] || e.mod) + "]", { class: "kg-meta kg-modality" }));
    if (e.conf !== undefined) line.append(el("span", " (" + ui.confidence + " " + e.conf + ")", { class: "kg-meta" }));
    return line;
  }

  function quote(text, span) {
    const q = el("blockquote", null, { dir: "auto" });
    const at = span ? text.indexOf(span) : -1;
    if (at < 0) q.textContent = text;
    else q.append(text.slice(0, at), el("mark", span), text.slice(at + span.length));
    return q;
  }

  function factItem(e) {
    // Every sentence behind the fact, its evidence span marked inside; a span that is in
    // none of the sentences is quoted on its own.
    const item = el("li");
    item.append(factLine(e));
    const spans = e.ev.map((i) => data.texts[i]);
    const placed = new Set();
    for (const i of e.sents) {
      const text = data.texts[i];
      const span = spans.find((s) => s && text.includes(s));
      if (span) placed.add(span);
      item.append(quote(text, span));
    }
    for (const span of spans) {
      if (!placed.has(span)) item.append(el("blockquote", span, { dir: "auto", class: "kg-evidence" }));
    }
    for (const i of e.src || []) {
      item.append(el("p", ui.source + ": " + data.texts[i], { dir: "auto", class: "kg-meta kg-source" }));
    }
    return item;
  }

  function showNode(id) {
    const n = byId[id];
    if (!n) return;
    const cls = classByName.get(n.cls);
    const parts = [el("h2", n.label, { dir: "auto" })];
    const clsLine = el("p", null, { class: "kg-meta" });
    const swatch = el("span", null, { class: "kg-swatch" });
    swatch.style.backgroundColor = colourOf(n.cls);
    clsLine.append(swatch, " ", ui.class + ": ", isolated(cls ? cls.label : n.cls));
    parts.push(clsLine);
    if (n.com !== undefined) parts.push(el("p", ui.community + " " + (n.com + 1), { class: "kg-meta kg-community" }));
    const link = wikidataLink(n.qid);
    if (link) {
      const p = el("p", ui.wikidata + ": ", { class: "kg-meta" });
      p.append(link);
      parts.push(p);
    }
    if (n.names.length) {
      parts.push(el("h3", ui.aliases));
      const ul = el("ul");
      for (const name of n.names) {
        const li = el("li");
        li.append(isolated(name));
        ul.append(li);
      }
      parts.push(ul);
    }
    if (n.text !== undefined) {
      parts.push(el("h3", ui.text), el("blockquote", data.texts[n.text], { dir: "auto" }));
    }
    const facts = incident[id].slice().sort((a, b) => a.rel - b.rel || a.id - b.id);
    parts.push(el("h3", ui.facts + " (" + facts.length + ")"));
    const ul = el("ul", null, { class: "kg-facts" });
    for (const e of facts) ul.append(factItem(e));
    parts.push(ul);
    if (n.mentions.length) {
      const details = el("details");
      details.append(el("summary", ui.mentions + " (" + n.mentions.length + ")"), sentencesList(n.mentions));
      parts.push(details);
    }
    panel.replaceChildren(...parts);
  }

  function showEdge(id) {
    const e = data.edges[id];
    if (!e) return;
    const ul = el("ul", null, { class: "kg-facts" });
    ul.append(factItem(e));
    panel.replaceChildren(el("h2", data.relations[e.rel].label, { dir: "auto" }), ul);
  }

  network.on("click", (params) => {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
    else clearPanel();
  });

  function select(id) {
    if (!byId[id]) return;
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1), animation: false });
    showNode(id);
  }

  // ---------------------------------------------------------------- search
  const searchBox = document.getElementById("kg-search");
  const results = document.getElementById("kg-results");

  function search(query, limit) {
    const q = normalize(query);
    if (!q) return [];
    const found = [];
    for (const n of data.nodes) {
      let rank = 3;
      for (const k of n.keys) {
        if (k === q) rank = Math.min(rank, 0);
        else if (k.startsWith(q)) rank = Math.min(rank, 1);
        else if (k.includes(q)) rank = Math.min(rank, 2);
      }
      if (rank < 3) found.push([rank, -n.value, n.label, n.id]);
    }
    found.sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
    return found.slice(0, limit || 20).map((f) => f[3]);
  }

  function showResults() {
    const ids = search(searchBox.value);
    const items = ids.map((id) => {
      const n = byId[id];
      const cls = classByName.get(n.cls);
      const button = el("button", null, { type: "button", "data-id": String(id) });
      button.append(isolated(n.label), " · ", isolated(cls ? cls.label : n.cls));
      button.addEventListener("click", () => select(id));
      const li = el("li");
      li.append(button);
      return li;
    });
    if (!ids.length && searchBox.value.trim()) items.push(el("li", ui.no_results, { class: "kg-empty" }));
    results.replaceChildren(...items);
  }

  searchBox.addEventListener("input", showResults);
  searchBox.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") {
      const first = search(searchBox.value, 1)[0];
      if (first !== undefined) select(first);
    } else if (ev.key === "Escape") {
      searchBox.value = "";
      results.replaceChildren();
    }
  });

  // ---------------------------------------------------------------- filters
  const hiddenClasses = new Set();
  const hiddenRelations = new Set();
  const shown = { negated: false };

  function applyFilters() {
    const nodeHidden = data.nodes.map((n) => hiddenClasses.has(n.cls));
    nodes.update(data.nodes.map((n) => ({ id: n.id, hidden: nodeHidden[n.id] })));
    const edgeHidden = data.edges.map(
      (e) => hiddenRelations.has(e.rel) || nodeHidden[e.from] || nodeHidden[e.to] || (e.mod === "negated" && !shown.negated)
    );
    edges.update(data.edges.map((e) => ({ id: e.id, hidden: edgeHidden[e.id] })));
    visible.nodes = nodeHidden.filter((h) => !h).length;
    visible.edges = edgeHidden.filter((h) => !h).length;
    if (state.ready) setCount();
  }

  function checkbox(text, count, colour, onChange) {
    const input = el("input", null, { type: "checkbox" });
    input.checked = true;
    input.addEventListener("change", () => onChange(input.checked));
    const label = el("label");
    label.append(input);
    if (colour) {
      const swatch = el("span", null, { class: "kg-swatch" });
      swatch.style.backgroundColor = colour;
      label.append(swatch);
    }
    label.append(isolated(text), el("span", String(count), { class: "kg-n" }));
    const li = el("li");
    li.append(label);
    return li;
  }

  function buildFilters() {
    const legend = document.getElementById("kg-legend");
    for (const c of data.classes) {
      legend.append(
        checkbox(c.label, c.count, c.colour, (on) => {
          if (on) hiddenClasses.delete(c.name);
          else hiddenClasses.add(c.name);
          applyFilters();
        })
      );
    }
    const rels = document.getElementById("kg-relations");
    const relationBoxes = [];
    const order = data.relations.slice().sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : 1));
    for (const r of order) {
      const li = checkbox(r.label, r.count, null, (on) => {
        if (on) hiddenRelations.delete(r.id);
        else hiddenRelations.add(r.id);
        applyFilters();
      });
      relationBoxes.push([r.id, li.querySelector("input")]);
      rels.append(li);
    }
    function setAll(on) {
      hiddenRelations.clear();
      for (const [id, input] of relationBoxes) {
        input.checked = on;
        if (!on) hiddenRelations.add(id);
      }
      applyFilters();
    }
    document.getElementById("kg-rel-all").addEventListener("click", () => setAll(true));
    document.getElementById("kg-rel-none").addEventListener("click", () => setAll(false));
    const denied = data.edges.filter((e) => e.mod === "negated").length;
    if (denied) {
      const li = checkbox(ui.show_negated, denied, null, (on) => {
        shown.negated = on;
        applyFilters();
      });
      li.querySelector("input").checked = false;
      li.querySelector("input").id = "kg-show-negated";
      const list = el("ul", null, { id: "kg-modalities" });
      list.append(li);
      rels.after(list);
    }
  }

  // ---------------------------------------------------------------- page text
  document.title = meta.title;
  document.getElementById("kg-title").textContent = meta.title;
  document.getElementById("kg-classes-title").textContent = ui.classes;
  document.getElementById("kg-relations-title").textContent = ui.relations;
  document.getElementById("kg-rel-all").textContent = ui.all;
  document.getElementById("kg-rel-none").textContent = ui.none;
  document.getElementById("kg-count").title = ui.count_help;
  document.getElementById("kg-by-community-label").textContent = format(ui.by_community, { n: meta.communities });
  document.getElementById("kg-by-community").addEventListener("change", (ev) => {
    const on = ev.target.checked;
    nodes.update(data.nodes.map((n) => ({ id: n.id, color: nodeColour(on ? communityColour(n) : colourOf(n.cls)) })));
  });
  searchBox.placeholder = ui.search;
  searchBox.setAttribute("aria-label", ui.search);
  if (!state.ready) setCount();
  buildFilters();
  clearPanel();

  // For tests, benchmarks and the console: the data sets, the normaliser, search, select.
  state.search = search;
  state.select = select;
  state.showEdge = showEdge;
  state.shown = shown;
  state.applyFilters = applyFilters;
  window.kgView = state;
})();
