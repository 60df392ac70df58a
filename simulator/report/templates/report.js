/* salesim report: filters, lazy transcripts, compare view and reviewer annotations.
 * Transcript text is hostile input: it only ever reaches the page through textContent and
 * createTextNode, never innerHTML, and always through bidiSafe(), which writes bidi controls out. */
(function () {
  "use strict";
  var byId = function (id) { return document.getElementById(id); };
  var META = JSON.parse(byId("salesim-meta").textContent);
  var INDEX = JSON.parse(byId("salesim-index").textContent);
  var T = META.strings;
  var PAGE = 200;
  var GAP_SHOWN_S = 300; // quieter pauses are the customer typing, not waiting
  var RUN_IDS = { a: META.run_id, b: META.compare_run_id };
  var lines = null;
  var parsed = new Map();
  var haystacks = null;

  // A right-to-left override in an id or a message displays the text after it reversed
  // ("invoice-\u202efdp.exe" reads as "invoice-exe.pdf"): every direction control is shown as
  // its escape instead, so what the reader sees is what the data holds.
  var BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
  function bidiSafe(value) {
    return String(value).replace(BIDI, function (c) {
      return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4);
    });
  }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = bidiSafe(text);
    return node;
  }
  function textNode(value) { return document.createTextNode(bidiSafe(value)); }
  function fmt(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return String(values[key]); });
  }
  // a counted phrase: its singular form (key_one) when count is 1, as in the Python side
  function plural(key, count, values) {
    var template = count === 1 && T[key + "_one"] !== undefined ? T[key + "_one"] : T[key];
    return fmt(template, Object.assign({ n: count }, values || {}));
  }
  // a recorded code (outcome_, drop_, sev_, act_ ...) in the UI language, else as recorded
  function labelOf(prefix, key) { return T[prefix + key] || key; }

  // --- transcripts: one JSON text per line, parsed only when needed -------------------------
  function transcript(entry) {
    if (!entry || entry.t < 0) return null;
    if (parsed.has(entry.t)) return parsed.get(entry.t);
    if (lines === null) lines = byId("salesim-transcripts").textContent.split("\n");
    var line = lines[entry.t + 1] || "";
    if (line.charAt(line.length - 1) === ",") line = line.slice(0, -1);
    var value = line ? JSON.parse(line) : null;
    parsed.set(entry.t, value);
    return value;
  }
  function haystack(i) {
    if (haystacks === null) haystacks = new Map();
    if (haystacks.has(i)) return haystacks.get(i);
    var entry = INDEX[i];
    var parts = [entry.id, entry.a, entry.p, entry.l, entry.o].concat(entry.r);
    var tr = transcript(entry);
    if (tr) tr.m.forEach(function (m) { parts.push(m[1]); if (m[4] && m[4].why) parts.push(m[4].why); });
    var text = parts.join("\n").toLowerCase();
    haystacks.set(i, text);
    return text;
  }

  // --- tabs ------------------------------------------------------------------------------------
  var tabs = Array.prototype.slice.call(document.querySelectorAll(".tabs button"));
  function show(view) {
    tabs.forEach(function (b) { b.classList.toggle("active", b.dataset.view === view); });
    document.querySelectorAll(".view").forEach(function (s) { s.hidden = s.id !== "view-" + view; });
    if (view === "conversations") renderList();
    if (view === "compare") renderPairs();
    if (view === "review") renderReview();
  }
  tabs.forEach(function (b) { b.addEventListener("click", function () { show(b.dataset.view); }); });

  // --- annotations -------------------------------------------------------------------------
  // Keyed by the runs' fingerprints, not their ids: CI reuses an id (--run-id candidate) for
  // every pull request, and one pull request's annotations must not show in the next one's.
  var storeKey = "salesim-annotations:" + META.run_fingerprint + ":" + (META.compare_run_fingerprint || "");
  var state = { reviewer: "", reviewed: [], annotations: [] };
  try {
    var saved = window.localStorage.getItem(storeKey);
    if (saved) state = Object.assign(state, JSON.parse(saved));
  } catch (e) { /* no storage for local files in this browser: annotations live for the session */ }
  function save() {
    try { window.localStorage.setItem(storeKey, JSON.stringify(state)); } catch (e) { /* ignore */ }
    byId("review-count").textContent = String(state.annotations.length);
  }
  function sameTarget(a, b) {
    return a.run_id === b.run_id && a.conversation_id === b.conversation_id && a.type === b.type &&
      (a.rule || null) === (b.rule || null) && (a.turn === undefined ? null : a.turn) === (b.turn === undefined ? null : b.turn) &&
      (a.outcome || null) === (b.outcome || null);
  }
  function findAnnotation(target) {
    for (var i = 0; i < state.annotations.length; i++) if (sameTarget(state.annotations[i], target)) return i;
    return -1;
  }
  function markReviewed(runId, cid) {
    var has = state.reviewed.some(function (r) { return r.run_id === runId && r.conversation_id === cid; });
    if (!has) state.reviewed.push({ run_id: runId, conversation_id: cid });
  }
  function toggle(target) {
    var at = findAnnotation(target);
    if (at >= 0) state.annotations.splice(at, 1); else state.annotations.push(target);
    markReviewed(target.run_id, target.conversation_id);
    save();
    return at < 0;
  }
  function isReviewed(runId, cid) {
    return state.reviewed.some(function (r) { return r.run_id === runId && r.conversation_id === cid; });
  }
  function annotationDocument() {
    return {
      format: META.annotations_format,
      version: META.annotations_version,
      run_id: META.run_id,
      compare_run_id: META.compare_run_id,
      run_fingerprint: META.run_fingerprint,
      compare_run_fingerprint: META.compare_run_fingerprint,
      redacted: META.redacted,  // ids may be aliases (redacted-N): calibrate resolves them
      reviewer: state.reviewer || null,
      created_at: new Date().toISOString(),
      reviewed: state.reviewed,
      annotations: state.annotations
    };
  }
  function download() {
    var blob = new Blob([JSON.stringify(annotationDocument(), null, 2)], { type: "application/json" });
    var url = URL.createObjectURL(blob);
    var link = el("a");
    link.href = url;
    link.download = "annotations-" + META.run_id + ".json";
    link.id = "annotations-link";
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(url); link.remove(); }, 1000);
  }
  byId("download-annotations").addEventListener("click", download);
  byId("clear-annotations").addEventListener("click", function () {
    state.annotations = []; state.reviewed = []; save(); renderReview();
  });
  var reviewerInput = byId("reviewer");
  reviewerInput.value = state.reviewer || "";
  reviewerInput.addEventListener("input", function () { state.reviewer = reviewerInput.value; save(); });

  function renderReview() {
    byId("review-summary").textContent = plural("annotations_count", state.annotations.length, { c: state.reviewed.length });
    var body = byId("annotation-table").querySelector("tbody");
    body.textContent = "";
    state.annotations.forEach(function (a, i) {
      var row = el("tr");
      row.appendChild(el("td", null, a.run_id));
      row.appendChild(el("td", "cid", a.conversation_id));
      row.appendChild(el("td", null, labelOf("type_", a.type)));
      row.appendChild(el("td", null, a.rule || a.outcome || ""));
      row.appendChild(el("td", null, a.turn === undefined || a.turn === null ? "" : "#" + a.turn));
      row.appendChild(el("td", null, a.note || ""));
      var cell = el("td");
      var undo = el("button", "mini", T.undo);
      undo.type = "button";
      undo.addEventListener("click", function () { state.annotations.splice(i, 1); save(); renderReview(); });
      cell.appendChild(undo);
      row.appendChild(cell);
      body.appendChild(row);
    });
  }

  // --- filters and the conversation list -------------------------------------------------
  var filterIds = ["f-agent", "f-persona", "f-locale", "f-outcome", "f-rule", "f-lead"];
  var mine = [];
  INDEX.forEach(function (e, i) { if (e.run === "a") mine.push(i); });
  function fill(id, values, labels) {
    var select = byId(id);
    var all = el("option", null, T.all);
    all.value = "";
    select.appendChild(all);
    values.forEach(function (v) {
      var option = el("option", null, labels ? labels(v) : v);
      option.value = v;
      select.appendChild(option);
    });
  }
  function distinct(key) {
    var seen = new Set();
    mine.forEach(function (i) {
      var v = INDEX[i][key];
      if (Array.isArray(v)) v.forEach(function (x) { seen.add(x); }); else if (v !== null && v !== "") seen.add(v);
    });
    return Array.from(seen).sort();
  }
  fill("f-agent", META.agents.filter(function (a) { return distinct("a").indexOf(a) >= 0; }));
  fill("f-persona", distinct("p"));
  fill("f-locale", distinct("l"));
  fill("f-outcome", distinct("o"), function (o) { return labelOf("outcome_", o); });
  fill("f-rule", distinct("r"));
  fill("f-lead", ["yes", "no"], function (v) { return T[v]; });
  var shown = PAGE;

  function matches(i, query) {
    var e = INDEX[i];
    var f = {};
    filterIds.forEach(function (id) { f[id] = byId(id).value; });
    if (f["f-agent"] && e.a !== f["f-agent"]) return false;
    if (f["f-persona"] && e.p !== f["f-persona"]) return false;
    if (f["f-locale"] && e.l !== f["f-locale"]) return false;
    if (f["f-outcome"] && e.o !== f["f-outcome"]) return false;
    if (f["f-rule"] && e.r.indexOf(f["f-rule"]) < 0) return false;
    if (f["f-lead"] === "yes" && !e.ld) return false;
    if (f["f-lead"] === "no" && e.ld) return false;
    if (query && haystack(i).indexOf(query) < 0) return false;
    return true;
  }
  function chipsFor(e, box) {
    var agent = el("span", "chip agent", e.a);
    agent.style.background = META.colors[e.a] || "#6b7280";
    box.appendChild(agent);
    box.appendChild(el("span", "chip", e.p + (e.l ? " · " + e.l : "")));
    var outcome = el("span", "chip outcome-chip", labelOf("outcome_", e.o));
    outcome.title = bidiSafe(e.o);
    box.appendChild(outcome);
    box.appendChild(el("span", e.ld ? "chip lead" : "chip nolead", e.ld ? "☎ " + T.lead : "– " + T.lead));
    if (e.e) box.appendChild(el("span", "chip error", "⚠ " + T.agent_error_chip));
    e.r.forEach(function (r) {
      var info = META.rules[r] || ["major", ""];
      box.appendChild(el("span", "chip " + info[0], "⚑ " + r));
    });
  }
  function listItem(i, onOpen, extra) {
    var e = INDEX[i];
    var li = el("li");
    var button = el("button", "item");
    button.type = "button";
    button.dataset.index = String(i);
    button.dataset.id = e.id;
    if (e.e) button.classList.add("errored");
    if (extra) extra(button);
    var chips = el("span", "chips");
    chipsFor(e, chips);
    button.appendChild(chips);
    button.appendChild(el("span", "pv", e.pv));
    button.appendChild(el("span", "cid", e.id));
    button.addEventListener("click", function () {
      document.querySelectorAll(".conv-list button.selected").forEach(function (b) { b.classList.remove("selected"); });
      button.classList.add("selected");
      onOpen(i);
    });
    li.appendChild(button);
    return li;
  }
  function renderList() {
    var query = byId("f-search").value.trim().toLowerCase();
    var hits = mine.filter(function (i) { return matches(i, query); });
    var list = byId("conv-list");
    list.textContent = "";
    hits.slice(0, shown).forEach(function (i) { list.appendChild(listItem(i, openConversation)); });
    byId("conv-count").textContent = plural("shown", hits.length, { shown: Math.min(shown, hits.length), total: hits.length });
    byId("conv-more").hidden = hits.length <= shown;
  }
  filterIds.forEach(function (id) { byId(id).addEventListener("change", function () { shown = PAGE; renderList(); }); });
  var searchTimer = null;
  byId("f-search").addEventListener("input", function () {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(function () { shown = PAGE; renderList(); }, 150);
  });
  byId("conv-more").addEventListener("click", function () { shown += PAGE; renderList(); });
  document.querySelectorAll(".rule-link").forEach(function (node) {
    var go = function () {
      filterIds.forEach(function (id) { byId(id).value = ""; });
      byId("f-rule").value = node.dataset.rule;
      shown = PAGE;
      show("conversations");
    };
    node.addEventListener("click", go);
    node.addEventListener("keydown", function (ev) { if (ev.key === "Enter") go(); });
  });
  // --- narrow screens: the opened conversation replaces the list, a back control returns -------
  var NARROW = window.matchMedia ? window.matchMedia("(max-width: 900px)") : { matches: false };
  function reading(explorerId, box) {
    var explorer = byId(explorerId);
    var back = el("button", "back", T.back);
    back.type = "button";
    back.addEventListener("click", function () {
      explorer.classList.remove("reading");
      var selected = explorer.querySelector(".conv-list button.selected");
      if (selected) selected.scrollIntoView({ block: "center" });
    });
    box.insertBefore(back, box.firstChild);
    explorer.classList.add("reading");
    if (NARROW.matches) box.scrollIntoView({ block: "start" });
  }
  function openConversation(i) {
    var box = byId("conv-detail");
    box.textContent = "";
    box.appendChild(panel(INDEX[i]));
    reading("conv-explorer", box);
  }

  // --- one conversation --------------------------------------------------------------------
  function duration(seconds) {
    var s = Math.round(seconds);
    var d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60);
    var parts = [];
    if (d) parts.push(d + " " + T.d);
    if (h) parts.push(h + " " + T.h);
    if (m && !d) parts.push(m + " " + T.min);
    if (!parts.length) parts.push(s + " " + T.s);
    return parts.join(" ");
  }
  function highlight(text, needles) {
    // needles: [{text, cls, title}] -> a fragment of text nodes and <mark>s; returns the
    // needles it could not place (highlighted as the whole message instead).
    var spans = [];
    var missing = [];
    needles.forEach(function (n) {
      var at = n.text ? text.indexOf(n.text) : -1;
      if (at < 0) { missing.push(n); return; }
      var clash = spans.filter(function (s) { return at < s.end && at + n.text.length > s.start; })[0];
      if (!clash) { spans.push({ start: at, end: at + n.text.length, n: n }); return; }
      // two rules on one sentence: one mark carrying both
      clash.n = Object.assign({}, clash.n, {
        title: clash.n.title + "; " + n.title,
        rules: (clash.n.rules || []).concat(n.rules || [])
      });
    });
    spans.sort(function (x, y) { return x.start - y.start; });
    var frag = document.createDocumentFragment();
    var cursor = 0;
    spans.forEach(function (s) {
      frag.appendChild(textNode(text.slice(cursor, s.start)));
      var mark = el("mark", s.n.cls, text.slice(s.start, s.end));
      mark.title = bidiSafe(s.n.title);
      if (s.n.rules) mark.dataset.rules = s.n.rules.join(" ");
      frag.appendChild(mark);
      cursor = s.end;
    });
    frag.appendChild(textNode(text.slice(cursor)));
    return { frag: frag, missing: missing };
  }
  // --- what a simulated customer understood of the reply before it, and why it acted --------
  // Only simulated customers write these notes (m[4]); imported chats and older runs have none.
  function noteLine(n, turn, tr) {
    var line = el("div", "why");
    line.dataset.turn = String(turn);
    var parts = [];
    var head = [];
    if (n.act) head.push(labelOf("act_", n.act) + (n.need ? ": " + n.need : ""));
    else if (n.need) head.push(n.need);
    if (typeof n.tr === "number") head.push(T.trust + " " + n.tr.toFixed(2));
    if (head.length) parts.push(el("span", "act", head.join(" · ")));
    if (n.u) {
      var heard = [];
      var answers = n.u.ans || [];
      if (answers.length) heard.push(T.answered + " " + answers.join(", "));
      (n.u.acts || []).forEach(function (a) { heard.push(labelOf("heard_", a)); });
      parts.push(el("span", "heard", T.understood + ": " + (heard.length ? heard.join(" · ") : T.understood_nothing)));
      var flags = (n.u.flags || []).map(function (f) { return labelOf("flag_", f); });
      if (flags.length) parts.push(el("span", "flag", T.flags + ": " + flags.join(", ")));
    }
    if (n.open && n.open.length) parts.push(el("span", "open", T.still_open + ": " + n.open.join(", ")));
    parts.forEach(function (part, k) {
      if (k) line.appendChild(textNode(" · "));
      line.appendChild(part);
    });
    if (n.why) {
      if (parts.length) line.appendChild(textNode(" — "));
      line.appendChild(el("span", "reason", T.why + ": " + n.why));
    }
    var quotes = Object.keys(n.ev || {}).map(function (k) {
      var at = n.ev[k], reply = tr.m[at[0]];  // [message index, start, end] in the reply
      return reply ? labelOf("heard_", k) + ": “" + reply[1].slice(at[1], at[2]) + "”" : null;
    }).filter(Boolean);
    if (quotes.length) line.title = bidiSafe(T.evidence + ":\n" + quotes.join("\n"));
    return line;
  }
  function chat(tr, runId) {
    var box = el("div", "chat");
    var lastDay = null;
    var roleName = { c: T.customer, a: T.agent_role, s: T.system };
    tr.m.forEach(function (m, i) {
      var day = (m[2] || "").slice(0, 10);
      if (day && day !== lastDay) { box.appendChild(el("div", "day", day + (tr.tz ? " (UTC" + tr.tz + ")" : ""))); lastDay = day; }
      if (i > 0 && m[3] !== null && tr.m[i - 1][3] !== null) {
        var gap = m[3] - tr.m[i - 1][3];
        var late = m[0] === "a" && tr.m[i - 1][0] === "c" && gap > META.sla_s;
        if (gap >= GAP_SHOWN_S || late) {
          var label = "⏱ " + duration(gap) + " " + T.later + (late ? " · " + T.waited : "");
          box.appendChild(el("div", late ? "gap late" : "gap", label));
        }
      }
      var needles = [];
      tr.v.forEach(function (v) {
        if (v.turn === i) needles.push({ text: v.evidence, cls: "violation " + (v.severity || ""), title: v.rule + " (" + labelOf("sev_", v.severity) + ")", rules: [v.rule] });
      });
      if (tr.c && tr.c.turn === i) needles.push({ text: tr.c.text, cls: "contact", title: T.contact_marked });
      var bubble = el("div", "msg " + m[0]);
      bubble.dataset.turn = String(i);
      bubble.appendChild(el("span", "meta", (roleName[m[0]] || m[0]) + " · " + (m[2] || "").slice(11, 16) + " · #" + i));
      var body = el("span", "text");
      var result = highlight(m[1], needles);
      body.appendChild(result.frag);
      bubble.appendChild(body);
      if (result.missing.length) bubble.classList.add("flagged");
      var tags = el("span", "tags");
      if (needles.length) bubble.appendChild(tags);
      needles.forEach(function (n) {
        if (n.cls === "contact") {
          bubble.classList.add("has-contact");
          tags.appendChild(el("span", "tag contact-tag", "☎ " + T.contact_marked + (tr.c.kind ? " (" + tr.c.kind + ")" : "")));
        } else {
          tags.appendChild(el("span", "tag rule-tag " + n.cls.replace("violation ", ""), "⚑ " + n.title));
        }
      });
      box.appendChild(bubble);
      if (m[0] === "c" && m[4]) box.appendChild(noteLine(m[4], i, tr));
    });
    return box;
  }
  function verdicts(tr, runId, container) {
    var box = el("div", "verdicts");
    ["lead_captured", "lead_valid", "compliant"].forEach(function (name) {
      var value = tr.f ? tr.f[name] : null;
      if (value === null || value === undefined) return;
      var item = el("span", "verdict-box");
      item.dataset.outcome = name;
      item.appendChild(el("span", null, T[name] + ":"));
      // an errored conversation said nothing: "compliant: yes" would read as a result
      var errored = tr.outcome === "agent_error" && name === "compliant";
      item.appendChild(el("span", "value " + (errored ? "errored" : value ? "yes" : "no"), errored ? T.errored : value ? T.yes : T.no));
      var target = { run_id: runId, conversation_id: tr.id, type: "outcome_wrong", outcome: name, scorer: value, reviewer: !value };
      var button = el("button", "mini mark-wrong", T.mark_wrong);
      button.type = "button";
      var sync = function () {
        var on = findAnnotation(target) >= 0;
        item.classList.toggle("wrong", on);
        button.textContent = on ? T.undo : T.mark_wrong;
      };
      button.addEventListener("click", function () { toggle(target); sync(); refreshReviewed(container, tr, runId); });
      sync();
      item.appendChild(button);
      box.appendChild(item);
    });
    return box;
  }
  function findingsList(tr, runId, container) {
    var list = el("ul", "findings");
    if (!tr.v.length) list.appendChild(el("li", "caption", T.no_findings));
    tr.v.forEach(function (v) {
      var item = el("li", "finding");
      item.dataset.rule = v.rule;
      item.dataset.turn = String(v.turn);
      item.appendChild(el("span", "chip " + v.severity, "⚑ " + v.rule));
      item.appendChild(el("span", "caption", T.message_no + " #" + v.turn));
      item.appendChild(el("span", "evidence", "“" + v.evidence + "”"));
      if (v.kind === "learned") item.appendChild(el("span", "caption learned", T.learned_finding));
      var target = { run_id: runId, conversation_id: tr.id, type: "finding_wrong", rule: v.rule, turn: v.turn, severity: v.severity };
      var button = el("button", "mini mark-wrong", T.mark_wrong);
      button.type = "button";
      var sync = function () {
        var on = findAnnotation(target) >= 0;
        item.classList.toggle("wrong", on);
        button.textContent = on ? T.undo : T.mark_wrong;
      };
      button.addEventListener("click", function () { toggle(target); sync(); refreshReviewed(container, tr, runId); });
      sync();
      item.appendChild(button);
      list.appendChild(item);
    });
    state.annotations.forEach(function (a) {
      if (a.type !== "finding_missed" || a.run_id !== runId || a.conversation_id !== tr.id) return;
      var item = el("li", "finding missed");
      item.appendChild(el("span", "chip " + (a.severity || ""), "+ " + a.rule));
      item.appendChild(el("span", "caption", T.missed + " · " + T.message_no + " #" + a.turn));
      if (a.note) item.appendChild(el("span", "evidence", a.note));
      var undo = el("button", "mini", T.undo);
      undo.type = "button";
      undo.addEventListener("click", function () { toggle(a); rerender(container, tr, runId); });
      item.appendChild(undo);
      list.appendChild(item);
    });
    return list;
  }
  function missedForm(tr, runId, container) {
    var details = el("details", "missed-box");
    details.appendChild(el("summary", null, T.add_missed));
    var form = el("div", "missed");
    details.appendChild(form);
    var rule = el("select", "missed-rule");
    Object.keys(META.rules).forEach(function (id) {
      var option = el("option", null, id + " (" + labelOf("sev_", META.rules[id][0]) + ")");
      option.value = id;
      option.title = bidiSafe(META.rules[id][1] || "");
      rule.appendChild(option);
    });
    var turn = el("select", "missed-turn");
    tr.m.forEach(function (m, i) {
      if (m[0] !== "a") return;
      var option = el("option", null, T.message_no + " #" + i);
      option.value = String(i);
      turn.appendChild(option);
    });
    var note = el("input", "missed-note");
    note.placeholder = T.note;
    var add = el("button", "mini add-missed", T.add);
    add.type = "button";
    add.addEventListener("click", function () {
      if (!rule.value) return;
      var target = { run_id: runId, conversation_id: tr.id, type: "finding_missed", rule: rule.value, turn: turn.value === "" ? null : Number(turn.value), severity: (META.rules[rule.value] || [null])[0], note: note.value || "" };
      if (findAnnotation(target) < 0) toggle(target);
      rerender(container, tr, runId);
    });
    [rule, turn, note, add].forEach(function (n) { form.appendChild(n); });
    return details;
  }
  function refreshReviewed(container, tr, runId) {
    var done = container.querySelector(".review-bar .done");
    if (done) done.textContent = isReviewed(runId, tr.id) ? "✓ " + T.reviewed : "";
  }
  function rerender(container, tr, runId) {
    var fresh = panelFor(tr, runId);
    container.replaceWith(fresh);
  }
  function panelFor(tr, runId) {
    var box = el("div", "panel");
    box.dataset.id = tr.id;
    box.dataset.run = runId;
    if (META.compare_run_id) {
      var side = el("span", "chip side", (runId === META.run_id ? "A" : "B") + " · " + runId);
      box.appendChild(side);
    }
    box.appendChild(el("h3", null, tr.id));
    var facts = [tr.agent, (tr.persona || "") + (tr.locale ? " · " + tr.locale : ""), T.outcome + ": " + (tr.outcome ? labelOf("outcome_", tr.outcome) : "–")];
    if (tr["do"]) facts.push(T.drop_off + ": " + labelOf("drop_", tr["do"]));
    if (tr.fr !== null && tr.fr !== undefined) facts.push(T.first_reply + ": " + duration(tr.fr));
    facts.push(T.run + ": " + runId);
    box.appendChild(el("p", "facts", facts.join(" · ")));
    if (tr.outcome === "agent_error") {
      var failure = el("p", "error-line");
      failure.appendChild(textNode("⚠ " + T.agent_error_chip + ": "));
      failure.appendChild(el("code", null, tr.err || "–"));
      box.appendChild(failure);
    }
    var bar = el("div", "review-bar");
    var ok = el("button", "mini reviewed-ok", T.reviewed_ok);
    ok.type = "button";
    ok.addEventListener("click", function () { markReviewed(runId, tr.id); save(); refreshReviewed(box, tr, runId); });
    bar.appendChild(ok);
    bar.appendChild(el("span", "done"));
    box.appendChild(bar);
    box.appendChild(verdicts(tr, runId, box));
    box.appendChild(el("h4", null, T.findings));
    box.appendChild(findingsList(tr, runId, box));
    box.appendChild(missedForm(tr, runId, box));
    box.appendChild(chat(tr, runId));
    refreshReviewed(box, tr, runId);
    return box;
  }
  function panel(entry) {
    var tr = transcript(entry);
    if (!tr) {
      var missing = el("div", "panel");
      missing.appendChild(el("h3", null, entry.id));
      missing.appendChild(el("p", "placeholder", T.no_transcript));
      return missing;
    }
    return panelFor(tr, RUN_IDS[entry.run]);
  }

  // --- compare view ------------------------------------------------------------------------
  var pairShown = PAGE;
  function renderPairs() {
    var list = byId("pair-list");
    if (!list) return;
    var query = byId("p-search").value.trim().toLowerCase();
    var pairs = META.pairs.filter(function (p) {
      return !query || haystack(p.a).indexOf(query) >= 0 || haystack(p.b).indexOf(query) >= 0;
    });
    byId("pairs-count").textContent = META.pairs.length
      ? plural("pairs", META.pairs.length) + " · " + T.flipped_first
      : T.not_paired;
    list.textContent = "";
    pairs.slice(0, pairShown).forEach(function (p) {
      list.appendChild(listItem(p.b, function () { openPair(p); }, function (button) {
        button.dataset.pair = p.k;
        var chips = el("span", "chips");
        var flip = el("span", p.f ? "chip flip " + (p.f.indexOf("gained") >= 0 ? "gained" : "lost") : "chip", p.f ? T[p.f] : T.same);
        chips.appendChild(flip);
        chips.appendChild(el("span", "chip", "A: " + labelOf("outcome_", INDEX[p.a].o) + " → B: " + labelOf("outcome_", INDEX[p.b].o)));
        button.appendChild(chips);
      }));
    });
    byId("pair-more").hidden = pairs.length <= pairShown;
  }
  function openPair(p) {
    var box = byId("pair-detail");
    box.textContent = "";
    box.appendChild(panel(INDEX[p.a]));
    box.appendChild(panel(INDEX[p.b]));
    reading("pair-explorer", box);
  }
  if (byId("pair-list")) {
    byId("p-search").addEventListener("input", function () { pairShown = PAGE; renderPairs(); });
    byId("pair-more").addEventListener("click", function () { pairShown += PAGE; renderPairs(); });
  }

  save();
  if (window.performance && performance.mark) performance.mark("salesim:ready");
  window.salesimReport = { ready: true, transcript: transcript, index: INDEX, annotations: annotationDocument };
  var initial = (window.location.hash || "").slice(1);
  if (initial && byId("view-" + initial)) show(initial);
})();
