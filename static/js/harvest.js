/* The harvest on the projector: the themes with their counts and a quote each,
   whole names and readable quotes, as many as fit, paged through the rest. */
(function () {
  "use strict";
  var panel = document.querySelector("[data-view-panel='themes']");
  var list = panel.querySelector("[data-harvest]");
  var POLL_MS = 5000;
  var QUOTE_MAX = 180;     // characters, cut at a word
  var poll = null;
  var lastKey = "";

  var pager = new Pager(list, { render: theme, interval: 15000,
                                label: panel.querySelector("[data-harvest-page]"),
                                counted: function (t) { return !t.other; } });

  function node(tag, cls, text) {
    var n = document.createElement(tag);
    n.className = cls;
    n.textContent = text;
    return n;
  }
  function label(name, n) { return panel.getAttribute(name).replace("{n}", n); }

  /* At most `limit` characters, ending on a whole word. */
  function shorten(text, limit) {
    text = text.trim();
    if (text.length <= limit) { return text; }
    var cut = text.slice(0, limit + 1).replace(/\s+\S*$/, "") || text.slice(0, limit);
    return cut.replace(/[\s,.;:–-]+$/, "") + " …";
  }

  function theme(t) {
    var li = document.createElement("li");
    if (t.other) { li.className = "other"; }
    li.appendChild(node("h2", "harvest-label", t.label));
    li.appendChild(node("p", "harvest-count", t.count === 1 ? panel.getAttribute("data-label-one")
      : label("data-label-notes", t.count)));
    if (t.quote) { li.appendChild(node("p", "harvest-quote", "”" + shorten(t.quote, QUOTE_MAX) + "”")); }
    return li;
  }

  function draw(data) {
    panel.querySelector("[data-harvest-question]").textContent = data.question || "";
    panel.querySelector("[data-harvest-empty]").hidden = data.themes.length > 0;
    var key = JSON.stringify(data);
    if (key === lastKey) { return; }
    lastKey = key;
    pager.show(data.themes, false);
    pager.refresh();
  }

  function load() {
    fetch(panel.getAttribute("data-url"), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) { draw(data); } })
      .catch(function () { /* keep the last themes until the network is back */ });
  }

  document.addEventListener("projector:view", function (e) {
    clearInterval(poll);
    if (e.detail.view === "themes") { lastKey = ""; load(); poll = setInterval(load, POLL_MS); }
  });
  window.addEventListener("resize", function () { pager.refresh(); });
})();
