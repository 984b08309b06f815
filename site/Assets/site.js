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

  // Search as you type on tools.html, over the sharded index under api/search/ (written by site/Search/SearchIndex.cs):
  // meta.json first; then a query loads the term shards of its words, a filter its facet list, and the rows shown
  // their doc chunks, each file once.
  var form = document.getElementById("search");
  if (!form) return;
  var CATS = ["Read", "Write", "Destructive"];
  var RISKS = ["Low", "Medium", "High", "Critical"];
  // Per field of a term: whole name (100 when the word is the whole name), word of the name, server, tag or description.
  var FIELD_SCORE = [50, 20, 5, 1];
  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var PAGE = 100, MAX_TERM = 32, NAME_SORT_CHUNKS = 100;
  var q = document.getElementById("q");
  var body = document.getElementById("tools-body");
  var status = document.getElementById("status");
  var pager = document.querySelector(".pager");
  var range = document.getElementById("range");
  var sel = {
    category: document.getElementById("f-category"), risk: document.getElementById("f-risk"), tag: document.getElementById("f-tag"),
    server: document.getElementById("f-server"), findings: document.getElementById("f-findings"), sort: document.getElementById("f-sort")
  };
  var meta = null, starts = [], files = {}, flags = {}, shown = 0, matches = [], generation = 0;
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
  function unavailable() { status.textContent = "Search is unavailable here; use the lists below."; }

  // One file of the index, fetched once.
  function load(path) {
    if (!files[path]) {
      files[path] = fetch(root + "api/search/" + path).then(function (r) {
        if (!r.ok) throw new Error(path + ": " + r.status);
        return r.json();
      });
    }
    return files[path];
  }

  // Posting lists (site/Search/Postings.cs): base-32 digits, least significant first, 32 added while more follow;
  // with `gaps` each value is the gap to the previous id minus one.
  function decode(text, gaps) {
    var out = [], last = -1, value = 0, shift = 0;
    for (var i = 0; i < text.length; i++) {
      var d = DIGITS.indexOf(text.charAt(i));
      value += (d & 31) << shift;
      if (d & 32) { shift += 5; continue; }
      if (gaps) { last += value + 1; out.push(last); } else out.push(value);
      value = 0; shift = 0;
    }
    return out;
  }
  // A facet list as one flag per tool.
  function facet(name) {
    if (!flags[name]) {
      flags[name] = load("facets/" + name + ".json").then(function (text) {
        var on = new Uint8Array(meta.tools);
        decode(text, true).forEach(function (id) { on[id] = 1; });
        return on;
      });
    }
    return flags[name];
  }
  function doc(id) {
    return load("docs/" + Math.floor(id / meta.chunk) + ".json").then(function (rows) { return rows[id % meta.chunk]; });
  }

  // Terms are lowercase ASCII letters and digits; other characters separate words, and a word needs two characters.
  function words() {
    var seen = {};
    return q.value.toLowerCase().split(/[^a-z0-9]+/).map(function (w) { return w.slice(0, MAX_TERM); })
      .filter(function (w) { return w.length >= 2 && !seen[w] && (seen[w] = true); });
  }

  // The shards that can hold terms starting with `w`: the longest key that is a prefix of it, and every key that extends it.
  function shardsFor(w) {
    var keys = [], prefix = "";
    meta.shards.forEach(function (k) {
      if (w.indexOf(k) === 0) { if (k.length > prefix.length) prefix = k; }
      else if (k.indexOf(w) === 0) keys.push(k);
    });
    if (prefix) keys.push(prefix);
    return keys;
  }

  // Every tool with a term starting with `w`, and the best score of its matching terms.
  function matchWord(w) {
    return Promise.all(shardsFor(w).map(function (k) { return load("terms/" + k + ".json"); })).then(function (shards) {
      var scores = new Map();
      shards.forEach(function (shard) {
        Object.keys(shard).forEach(function (term) {
          if (term.indexOf(w) !== 0) return;
          shard[term].forEach(function (ids, field) {
            var s = field === 0 && term === w ? 100 : FIELD_SCORE[field];
            decode(ids, true).forEach(function (id) { if (!(scores.get(id) >= s)) scores.set(id, s); });
          });
        });
      });
      return scores;
    });
  }

  function row(t) {
    var s = meta.servers[t[0]];
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

  // Shows the next page of `matches` (or the first, replacing the rows), once its doc chunks are in.
  function render(more, note) {
    var gen = generation, from = more ? shown : 0, end = Math.min(matches.length, from + PAGE);
    return Promise.all(matches.slice(from, end).map(function (m) { return doc(m.id); })).then(function (rows) {
      if (gen !== generation) return;
      if (!more) body.textContent = "";
      var old = document.getElementById("more");
      if (old) old.remove();
      var frag = document.createDocumentFragment();
      rows.forEach(function (t) { frag.appendChild(row(t)); });
      body.appendChild(frag);
      shown = end;
      status.textContent = (matches.length === 1 ? "1 tool matches." : matches.length + " tools match" + (matches.length > shown ? "; showing " + shown + "." : ".")) + (note || "");
      if (shown < matches.length) {
        var button = el("button", "more", "Show " + Math.min(PAGE, matches.length - shown) + " more");
        button.type = "button";
        button.id = "more";
        button.addEventListener("click", function () { render(true, note).catch(unavailable); });
        body.closest(".scroll").after(button);
      }
    });
  }

  // The order of the sort control: by score first when there is a query, then the sort key, then catalog order.
  function order(sort, scored) {
    function by(key, note) {
      matches.sort(function (a, b) { return (scored ? b.s - a.s : 0) || key(a, b) || a.id - b.id; });
      return note || "";
    }
    if (sort === "risk") {
      return Promise.all(RISKS.map(function (r) { return facet("risk-" + r.toLowerCase()); })).then(function (lists) {
        function risk(m) { for (var r = lists.length - 1; r >= 0; r--) if (lists[r][m.id]) return r; return -1; }
        return by(function (a, b) { return risk(b) - risk(a); });
      });
    }
    if (sort === "findings") {
      return Promise.all([load("facets/findings.json"), load("facets/findings-counts.json")]).then(function (f) {
        var count = new Map(), ids = decode(f[0], true), counts = decode(f[1], false);
        ids.forEach(function (id, i) { count.set(id, counts[i]); });
        return by(function (a, b) { return (count.get(b.id) || 0) - (count.get(a.id) || 0); });
      });
    }
    if (sort === "name") {
      var chunks = {};
      matches.forEach(function (m) { chunks[Math.floor(m.id / meta.chunk)] = true; });
      if (Object.keys(chunks).length > NAME_SORT_CHUNKS) return Promise.resolve(by(function () { return 0; }, " Too many to sort by name; narrow the search."));
      return Promise.all(matches.map(function (m) { return doc(m.id).then(function (t) { m.name = t[1].toLowerCase(); }); })).then(function () {
        return by(function (a, b) { return a.name < b.name ? -1 : a.name > b.name ? 1 : 0; });
      });
    }
    return Promise.resolve(by(function () { return 0; }));
  }

  function apply() {
    if (!meta) return;
    var gen = ++generation, on = active(), ws = words();
    if (q.value.trim() !== "" && !ws.length) { status.textContent = "Type at least two letters or digits to search."; return; }
    var server = sel.server.value, findings = sel.findings.value, lists = [];
    if (sel.category.value !== "") lists.push(facet("category-" + CATS[+sel.category.value].toLowerCase()));
    if (sel.risk.value !== "") lists.push(facet("risk-" + RISKS[+sel.risk.value].toLowerCase()));
    if (sel.tag.value !== "") lists.push(facet("tag-" + sel.tag.value));
    var has = findings !== "" ? facet("findings") : Promise.resolve(null);
    var from = server !== "" ? starts[+server] : 0, to = server !== "" ? from + meta.servers[+server][2] : meta.tools;
    Promise.all([Promise.all(ws.map(matchWord)), Promise.all(lists), has]).then(function (got) {
      if (gen !== generation) return;
      var scores = got[0], filters = got[1], flagged = got[2];
      function keep(id) {
        if (id < from || id >= to) return false;
        for (var i = 0; i < filters.length; i++) if (!filters[i][id]) return false;
        return !flagged || (findings === "1") === (flagged[id] === 1);
      }
      matches = [];
      if (scores.length) {
        scores.sort(function (a, b) { return a.size - b.size; });
        scores[0].forEach(function (s, id) {
          for (var i = 1; i < scores.length; i++) { var t = scores[i].get(id); if (t === undefined) return; s += t; }
          if (keep(id)) matches.push({ id: id, s: s });
        });
      } else {
        for (var id = from; id < to; id++) if (keep(id)) matches.push({ id: id, s: 0 });
      }
      return order(sel.sort.value, scores.length > 0).then(function (note) {
        if (gen !== generation) return;
        if (pager) pager.hidden = on;
        if (range) range.hidden = on;
        return render(false, note);
      });
    }).catch(unavailable);
  }

  load("meta.json").then(function (m) {
    meta = m;
    var frag = document.createDocumentFragment(), start = 0;
    meta.servers.forEach(function (s, i) {
      starts.push(start);
      start += s[2];
      var o = el("option", "", s[1]);
      o.value = String(i);
      frag.appendChild(o);
    });
    sel.server.appendChild(frag);
    status.textContent = meta.tools + " tools indexed. Type to search.";
    if (active()) apply();
  }).catch(unavailable);

  q.addEventListener("input", apply);
  Object.keys(sel).forEach(function (k) { sel[k].addEventListener("change", apply); });
})();
