// Enhancements only: every page works without this file.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = script ? script.getAttribute("src").replace(/assets\/site\.js$/, "") : "";

  document.querySelectorAll("button.copy[data-copy]").forEach(function (button) {
    var target = document.getElementById(button.getAttribute("data-copy"));
    if (!target || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(target.textContent).then(function () {
        button.textContent = "Copied";
        setTimeout(function () { button.textContent = "Copy"; }, 1500);
      }, function () {
        button.textContent = "Copy failed";
      });
    });
  });

  document.querySelectorAll("input[data-filter]").forEach(function (input) {
    var table = document.getElementById(input.getAttribute("data-filter"));
    if (!table) return;
    var box = input.closest(".filter-box");
    if (box) box.hidden = false;
    var count = document.querySelector("[data-count='" + table.id + "']");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    function apply() {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.getAttribute("data-text") || row.textContent.toLowerCase();
        var match = words.every(function (w) { return text.indexOf(w) !== -1; });
        row.hidden = !match;
        if (match) shown++;
      });
      if (count) count.textContent = shown + " of " + rows.length;
    }
    input.addEventListener("input", apply);
    apply();
  });

  // Search as you type over the prebuilt index (api/search.json), on tools.html.
  var form = document.getElementById("search");
  if (!form) return;
  var CATS = ["Read", "Write", "Destructive"];
  var RISKS = ["Low", "Medium", "High", "Critical"];
  var PAGE = 100;
  var q = document.getElementById("q");
  var body = document.getElementById("tools-body");
  var status = document.getElementById("status");
  var pager = document.querySelector(".pager");
  var range = document.getElementById("range");
  var sel = {
    category: document.getElementById("f-category"), risk: document.getElementById("f-risk"), tag: document.getElementById("f-tag"),
    server: document.getElementById("f-server"), findings: document.getElementById("f-findings"), sort: document.getElementById("f-sort")
  };
  var index = null, tools = [], shown = 0, matches = [];
  var params = new URLSearchParams(location.search);
  q.value = params.get("q") || "";
  form.hidden = false;
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  status.textContent = "Loading the search index…";

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function link(href, text) { var a = el("a", "", text); a.href = href; return a; }
  function badge(kind, value) { return el("span", "badge " + kind + "-" + value.toLowerCase(), value); }

  function row(t) {
    var s = index.servers[t[0]];
    var tr = document.createElement("tr");
    var td = el("td");
    td.appendChild(link(root + "tools/" + s[0] + "/" + t[2] + ".html", t[1]));
    if (t[7]) td.appendChild(el("div", "desc", t[7]));
    tr.appendChild(td);
    td = el("td"); td.appendChild(link(root + "servers/" + s[0] + ".html", s[1])); tr.appendChild(td);
    td = el("td"); td.appendChild(t[3] >= 0 ? badge("cat", CATS[t[3]]) : document.createTextNode("—")); tr.appendChild(td);
    td = el("td"); td.appendChild(t[4] >= 0 ? badge("risk", RISKS[t[4]]) : document.createTextNode("—")); tr.appendChild(td);
    td = el("td");
    t[5].split(" ").filter(Boolean).forEach(function (tag, i) { if (i) td.appendChild(document.createTextNode(" ")); td.appendChild(el("span", "tag", tag)); });
    tr.appendChild(td);
    tr.appendChild(el("td", "num", String(t[6])));
    return tr;
  }

  function active() {
    return q.value.trim() !== "" || sel.category.value !== "" || sel.risk.value !== "" || sel.tag.value !== "" ||
      sel.server.value !== "" || sel.findings.value !== "" || sel.sort.value !== "server";
  }

  function score(t, words) {
    var name = t.name, s = 0;
    for (var i = 0; i < words.length; i++) {
      var w = words[i], at = t.hay.indexOf(w);
      if (at < 0) return -1;
      if (name === w) s += 100; else if (name.indexOf(w) === 0) s += 50; else if (name.indexOf(w) >= 0) s += 20; else if (t.server.indexOf(w) >= 0) s += 5; else s += 1;
    }
    return s;
  }

  function render(more) {
    if (!more) {
      body.textContent = "";
      shown = 0;
    }
    var old = document.getElementById("more");
    if (old) old.remove();
    var end = Math.min(matches.length, shown + PAGE);
    var frag = document.createDocumentFragment();
    for (var i = shown; i < end; i++) frag.appendChild(row(matches[i].t));
    body.appendChild(frag);
    shown = end;
    status.textContent = matches.length === 1 ? "1 tool matches." : matches.length + " tools match" + (matches.length > shown ? "; showing " + shown + "." : ".");
    if (shown < matches.length) {
      var button = el("button", "more", "Show " + Math.min(PAGE, matches.length - shown) + " more");
      button.type = "button";
      button.id = "more";
      button.addEventListener("click", function () { render(true); });
      body.closest(".scroll").after(button);
    }
  }

  function apply() {
    if (!index) return;
    var on = active();
    if (pager) pager.hidden = on;
    if (range) range.hidden = on;
    var words = q.value.toLowerCase().split(/\s+/).filter(Boolean);
    var cat = sel.category.value, risk = sel.risk.value, tag = sel.tag.value, server = sel.server.value, findings = sel.findings.value;
    matches = [];
    for (var i = 0; i < tools.length; i++) {
      var t = tools[i], r = t.t;
      if (cat !== "" && r[3] !== +cat) continue;
      if (risk !== "" && r[4] !== +risk) continue;
      if (tag !== "" && (" " + r[5] + " ").indexOf(" " + tag + " ") < 0) continue;
      if (server !== "" && r[0] !== +server) continue;
      if (findings === "1" && r[6] === 0) continue;
      if (findings === "0" && r[6] > 0) continue;
      var s = words.length ? score(t, words) : 0;
      if (s < 0) continue;
      matches.push({ t: r, s: s, i: i });
    }
    var sort = sel.sort.value;
    matches.sort(function (a, b) {
      if (words.length && b.s !== a.s) return b.s - a.s;
      if (sort === "name") { var x = a.t[1].toLowerCase(), y = b.t[1].toLowerCase(); if (x !== y) return x < y ? -1 : 1; }
      if (sort === "risk" && b.t[4] !== a.t[4]) return b.t[4] - a.t[4];
      if (sort === "findings" && b.t[6] !== a.t[6]) return b.t[6] - a.t[6];
      return a.i - b.i;
    });
    render(false);
  }

  var request = new XMLHttpRequest();
  request.open("GET", root + "api/search.json");
  request.responseType = "json";
  request.onload = function () {
    if (request.status !== 200 || !request.response) { status.textContent = "Search is unavailable here; use the lists below."; return; }
    index = request.response;
    tools = index.tools.map(function (r) {
      var s = index.servers[r[0]];
      return { t: r, name: r[1].toLowerCase(), server: (s[1] + " " + s[0]).toLowerCase(), hay: (r[1] + " " + s[1] + " " + s[0] + " " + r[5] + " " + r[7]).toLowerCase() };
    });
    var frag = document.createDocumentFragment();
    index.servers.forEach(function (s, i) { var o = el("option", "", s[1]); o.value = String(i); frag.appendChild(o); });
    sel.server.appendChild(frag);
    status.textContent = tools.length + " tools indexed. Type to search.";
    if (active()) apply();
  };
  request.onerror = function () { status.textContent = "Search is unavailable here; use the lists below."; };
  request.send();

  q.addEventListener("input", apply);
  Object.keys(sel).forEach(function (k) { sel[k].addEventListener("change", apply); });
})();
