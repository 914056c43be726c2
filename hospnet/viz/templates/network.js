(function () {
  "use strict";
  // The network page's own script: search, filters, the side panel and corrections. Every text from
  // a document is written with textContent; no markup is ever built from data.
  var data = JSON.parse(document.getElementById("hn-data").textContent);
  var config = data.config;
  var body = document.body;

  function say(key, values) {
    var text = config.ui[key] || key;
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(String(values[name]));
    });
    return text;
  }
  function fold(text) {
    return String(text).replace(/[đĐ]/g, "d").normalize("NFD").replace(/\p{M}/gu, "")
      .toLowerCase().replace(/[^\p{L}\p{N}_]+/gu, " ").trim();
  }
  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }
  function word(group, key) { return (config[group] || {})[key] || key; }

  // A touch screen has no hover: a tap opens the side panel, and a tooltip would only cover it.
  if (window.matchMedia && window.matchMedia("(hover: none)").matches) {
    data.nodes.forEach(function (n) { delete n.title; });
    data.edges.forEach(function (e) { delete e.title; });
  }
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);

  // Filters: what the checkboxes and lists ask for; a node found by the search stays shown.
  var state = { kinds: new Set(), levels: new Set(), types: new Set(), province: "", program: "", pinned: new Set() };
  var visible = new Set();
  function readBoxes(attribute, into) {
    into.clear();
    document.querySelectorAll("input[" + attribute + "]").forEach(function (box) {
      if (box.checked) { into.add(box.getAttribute(attribute)); }
    });
  }
  function nodeShown(n) {
    if (state.pinned.has(n.id)) { return true; }
    if (!state.kinds.has(n.hn.kind)) { return false; }
    if (n.hn.kind === "Hospital" && !state.levels.has(n.hn.level || "")) { return false; }
    if (state.province && n.hn.places.indexOf(state.province) < 0) { return false; }
    if (state.program && n.hn.programs.indexOf(state.program) < 0) { return false; }
    return true;
  }
  function edgeShown(e) {
    return state.types.has(e.hn.type) && visible.has(e.from) && visible.has(e.to);
  }
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return visible.has(n.id); } });
  var edgeView = new vis.DataView(edges, { filter: edgeShown });
  var shown = document.getElementById("shown");
  function refresh() {
    readBoxes("data-kind", state.kinds);
    readBoxes("data-level", state.levels);
    readBoxes("data-type", state.types);
    var province = document.getElementById("province-filter");
    var program = document.getElementById("program-filter");
    state.province = province ? province.value : "";
    state.program = program ? program.value : "";
    visible = new Set(nodes.getIds({ filter: nodeShown }));
    nodeView.refresh();
    edgeView.refresh();
    shown.textContent = say("shown", { nodes: nodeView.length, edges: edgeView.length });
    body.setAttribute("data-shown-nodes", String(nodeView.length));
    body.setAttribute("data-shown-edges", String(edgeView.length));
  }
  refresh();

  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);
  network.once("stabilizationIterationsDone", function () { network.setOptions({ physics: false }); });
  network.once("afterDrawing", function () { body.setAttribute("data-drawn", "true"); });
  if (nodeView.length === 0) { body.setAttribute("data-drawn", "true"); }
  window.hospnetNetwork = network;

  document.querySelectorAll("input[data-kind], input[data-level], input[data-type], #province-filter, #program-filter")
    .forEach(function (input) { input.addEventListener("change", refresh); });
  var showAll = document.getElementById("show-all");
  showAll.addEventListener("change", function () {
    document.querySelectorAll("input[data-kind]").forEach(function (box) {
      box.checked = showAll.checked || config.defaults.kinds.indexOf(box.getAttribute("data-kind")) >= 0;
    });
    document.querySelectorAll("input[data-type]").forEach(function (box) {
      box.checked = showAll.checked || config.defaults.types.indexOf(box.getAttribute("data-type")) >= 0;
    });
    refresh();
  });
  if (window.matchMedia && window.matchMedia("(max-width: 700px)").matches) {
    document.getElementById("filters").open = false;
  }

  // The side panel.
  var panel = document.getElementById("panel");
  var panelBody = document.getElementById("panel-body");
  document.getElementById("panel-close").addEventListener("click", function () {
    panel.hidden = true;
    body.removeAttribute("data-panel");
  });
  function documentItem(number) {
    var doc = config.documents[number];
    var id = doc.id;
    var item = el("li");
    if (config.documents_href && doc.page) {
      var link = el("a", doc.title || id, "doc-link");
      link.href = config.documents_href + doc.page + ".html" + config.documents_query;
      item.appendChild(link);
    } else {
      item.appendChild(el("span", doc.title || id));
    }
    if (doc.date) { item.appendChild(el("span", " · " + doc.date, "note")); }
    return item;
  }
  function documentList(ids, total) {
    var list = el("ul", null, "documents");
    ids.forEach(function (id) { list.appendChild(documentItem(id)); });
    if (total > ids.length) { list.appendChild(el("li", say("more", { n: total - ids.length }), "note")); }
    return list;
  }
  function noPageNote() {
    if (!config.documents_href && panelBody.querySelector("ul.documents")) {
      panelBody.appendChild(el("p", say("no_page"), "note"));
    }
  }
  function propertyList(props) {
    var list = el("dl");
    Object.keys(props).forEach(function (key) {
      var value = props[key];
      list.appendChild(el("dt", word("properties", key)));
      list.appendChild(el("dd", Array.isArray(value) ? value.join(", ") : String(value)));
    });
    return list;
  }
  function linkButton(text, action) {
    var button = el("button", text, "link");
    button.type = "button";
    button.addEventListener("click", action);
    return button;
  }
  function nodeName(id) {
    var n = nodes.get(id);
    return n ? n.label : id;
  }
  function openPanel(title, subtitle, kind, id) {
    panelBody.textContent = "";
    panelBody.appendChild(el("h2", title));
    if (subtitle) { panelBody.appendChild(el("p", subtitle, "note")); }
    panel.hidden = false;
    panel.scrollTop = 0;
    body.setAttribute("data-panel", kind + ":" + id);
  }
  function openNode(id) {
    var n = nodes.get(id);
    if (!n) { return; }
    var place = n.hn.props.province ? " · " + n.hn.props.province : "";
    openPanel(n.label, word("labels", n.hn.kind) + (n.hn.level ? " · " + n.hn.level : "") + place, "node", id);
    panelBody.appendChild(el("h3", say("properties")));
    panelBody.appendChild(propertyList(n.hn.props));
    if (n.hn.mentions.length) {
      panelBody.appendChild(el("h3", say("evidence")));
      n.hn.mentions.forEach(function (mention) {
        panelBody.appendChild(el("blockquote", mention.sentence, "evidence"));
        panelBody.appendChild(documentList([mention.doc], 1));
      });
      if (n.hn.mentions_total > n.hn.mentions.length) {
        panelBody.appendChild(el("p", say("more", { n: n.hn.mentions_total - n.hn.mentions.length }), "note"));
      }
    }
    var touching = edges.get({ filter: function (e) { return e.from === id || e.to === id; } });
    touching.sort(function (a, b) { return (b.hn.evidence ? 1 : 0) - (a.hn.evidence ? 1 : 0); });
    if (touching.length) {
      panelBody.appendChild(el("h3", say("relationships") + " (" + touching.length + ")"));
      var list = el("ul", null, "relationships");
      touching.slice(0, 30).forEach(function (e) {
        var item = el("li");
        var arrow = e.from === id ? " → " : " ← ";
        var technique = e.hn.props.technique ? " (" + e.hn.props.technique + ")" : "";
        item.appendChild(linkButton(word("types", e.hn.type) + technique + arrow + nodeName(e.from === id ? e.to : e.from), function () { openEdge(e.id); }));
        if (e.hn.evidence) { item.appendChild(el("blockquote", e.hn.evidence, "evidence")); }
        if (e.hn.sources.length) { item.appendChild(documentList(e.hn.sources.slice(0, 2), e.hn.sources_total)); }
        list.appendChild(item);
      });
      if (touching.length > 30) { list.appendChild(el("li", say("more", { n: touching.length - 30 }), "note")); }
      panelBody.appendChild(list);
    }
    noPageNote();
    corrections("node", n);
  }
  function openEdge(id) {
    var e = edges.get(id);
    if (!e) { return; }
    openPanel(word("types", e.hn.type), null, "edge", id);
    if (edgeView.get(id)) { network.selectEdges([id]); }
    var ends = el("dl");
    ends.appendChild(el("dt", say("from")));
    var from = el("dd"); from.appendChild(linkButton(nodeName(e.from), function () { choose(e.from); })); ends.appendChild(from);
    ends.appendChild(el("dt", say("to")));
    var to = el("dd"); to.appendChild(linkButton(nodeName(e.to), function () { choose(e.to); })); ends.appendChild(to);
    panelBody.appendChild(ends);
    if (Object.keys(e.hn.props).length) {
      panelBody.appendChild(el("h3", say("properties")));
      panelBody.appendChild(propertyList(e.hn.props));
    }
    if (e.hn.evidence) {
      panelBody.appendChild(el("h3", say("evidence")));
      panelBody.appendChild(el("blockquote", e.hn.evidence, "evidence"));
    }
    if (e.hn.sources.length) {
      panelBody.appendChild(el("h3", say("documents")));
      panelBody.appendChild(documentList(e.hn.sources, e.hn.sources_total));
    }
    noPageNote();
    corrections("edge", e);
  }
  network.on("click", function (params) {
    if (params.nodes.length) { openNode(params.nodes[0]); } else if (params.edges.length) { openEdge(params.edges[0]); }
  });

  // Corrections: only when the API serves the page (config.corrections), through POST /corrections.
  function remembered(name) { try { return window.sessionStorage.getItem(name) || ""; } catch (err) { return ""; } }
  function remember(name, value) { try { window.sessionStorage.setItem(name, value); } catch (err) { /* private mode */ } }
  function field(kind, label, storage) {
    var wrap = el("label", say(label));
    var input = document.createElement(kind === "textarea" ? "textarea" : "input");
    if (kind !== "textarea") { input.type = kind; }
    input.name = label;
    if (storage) { input.value = remembered(storage); }
    wrap.appendChild(input);
    return { wrap: wrap, input: input };
  }
  function relationshipKey(e) {
    return Object.assign({ type: e.hn.type, from: e.from, to: e.to }, e.hn.disc);
  }
  function corrections(kind, item) {
    if (!config.corrections) { return; }
    var box = el("section", null, "corrections");
    box.appendChild(el("h3", say("corrections")));
    panelBody.appendChild(box);
    if (!config.corrections.writes) { box.appendChild(el("p", say("writes_off"), "note writes-off")); return; }
    box.appendChild(el("p", say("corrections_note"), "note"));
    var key = field("password", "api_key", "hospnet-api-key");
    var who = field("text", "who", "hospnet-who");
    var why = field("textarea", "why");
    [key, who, why].forEach(function (f) { box.appendChild(f.wrap); });
    var status = el("p", null, "status");
    status.id = "correction-status";
    status.setAttribute("role", "status");
    function send(op, target, done) {
      if (!key.input.value || !who.input.value.trim() || !why.input.value.trim()) { status.textContent = say("need_key"); return; }
      remember("hospnet-api-key", key.input.value);
      remember("hospnet-who", who.input.value);
      fetch(config.corrections.url, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-API-Key": key.input.value },
        body: JSON.stringify({ op: op, target: target, who: who.input.value.trim(), why: why.input.value.trim() })
      }).then(function (response) {
        return response.json().then(function (answer) { return { ok: response.ok, status: response.status, answer: answer }; });
      }).then(function (result) {
        if (result.ok) {
          status.textContent = say("sent", { id: result.answer.correction.id, status: result.answer.status });
          done();
        } else {
          status.textContent = say("refused", { status: result.status, message: (result.answer.error || {}).message || "" });
        }
      }).catch(function (err) { status.textContent = say("offline", { message: String(err) }); });
    }
    function action(label, handler) {
      var button = el("button", say(label));
      button.type = "button";
      button.setAttribute("data-action", label);
      button.addEventListener("click", handler);
      box.appendChild(button);
    }
    if (kind === "edge") {
      action("reject_relationship", function () { send("reject", relationshipKey(item), function () { edges.remove(item.id); }); });
    } else {
      action("reject_node", function () {
        send("reject", { node: item.id }, function () {
          edges.remove(edges.getIds({ filter: function (e) { return e.from === item.id || e.to === item.id; } }));
          nodes.remove(item.id);
        });
      });
      var gone = field("text", "merge_gone");
      box.appendChild(gone.wrap);
      action("merge", function () {
        var wanted = gone.input.value.trim();
        var target = nodes.get(wanted) ? wanted : null;
        if (!target) {
          var found = matches(wanted).filter(function (m) { return m.id !== item.id && nodes.get(m.id).hn.kind === item.hn.kind; });
          target = found.length === 1 ? found[0].id : null;
        }
        if (!target) { status.textContent = say("merge_unknown"); return; }
        send("merge", { keep: item.id, gone: target }, function () { nodes.remove(target); });
      });
    }
    box.appendChild(status);
  }

  // Search: folded names, so "bach mai" finds "Bệnh viện Bạch Mai".
  var input = document.getElementById("search");
  var results = document.getElementById("search-results");
  var index = data.nodes.map(function (n) { return { id: n.id, key: n.hn.search || fold(n.label), name: n.label, kind: n.hn.kind }; });
  function rank(entry, wanted) {
    if (entry.key.indexOf(wanted) === 0 || entry.key.indexOf("|" + wanted) >= 0) { return 0; }
    return entry.key.indexOf(" " + wanted) >= 0 ? 1 : 2;
  }
  function matches(text) {
    var wanted = fold(text);
    if (!wanted) { return []; }
    var found = index.filter(function (entry) { return entry.key.indexOf(wanted) >= 0; });
    found.sort(function (a, b) { return rank(a, wanted) - rank(b, wanted) || a.name.length - b.name.length; });
    return found.slice(0, 8);
  }
  function choose(id) {
    if (!visible.has(id)) { state.pinned.add(id); refresh(); }
    results.textContent = "";
    network.selectNodes([id], false);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 300, easingFunction: "easeInOutQuad" } });
    body.setAttribute("data-selected", id);
    openNode(id);
  }
  input.addEventListener("input", function () {
    results.textContent = "";
    if (!fold(input.value)) { return; }
    var found = matches(input.value);
    if (!found.length) { results.appendChild(el("li", say("no_match"), "note")); return; }
    found.forEach(function (entry) {
      var item = el("li");
      item.appendChild(linkButton(entry.name + " · " + word("labels", entry.kind), function () { choose(entry.id); }));
      results.appendChild(item);
    });
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var found = matches(input.value);
      if (found.length) { event.preventDefault(); choose(found[0].id); }
    }
  });
  body.setAttribute("data-ready", "true");
})();
