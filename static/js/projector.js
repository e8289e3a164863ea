/* The projector: timer and instruction come from realtime.js; here the note
   count, what comes next, the note wall, the word cloud, full screen, and an
   optional chime at zero. The facilitator chooses which view is shown. */
(function () {
  "use strict";
  // pageAuth() carries the projector key from the link the control page gave us.
  var rt = new Realtime(Realtime.pageAuth());
  var soundOn = false;
  var lastPhase = null;
  var audio = null;

  rt.socket.on("notes_count", function (msg) { Realtime.showCount(msg.count); });

  document.addEventListener("timer:state", function (e) {
    var next = document.querySelector("[data-next-step]");
    next.textContent = e.detail.next ? next.getAttribute("data-label") + " " + e.detail.next.title : "";
  });

  // A short two-tone chime when the timer reaches zero, only if switched on here.
  function chime() {
    audio = audio || new (window.AudioContext || window.webkitAudioContext)();
    [0, 0.35].forEach(function (offset, i) {
      var osc = audio.createOscillator();
      var gain = audio.createGain();
      osc.frequency.value = i ? 660 : 880;
      gain.gain.setValueAtTime(0.25, audio.currentTime + offset);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + offset + 0.6);
      osc.connect(gain).connect(audio.destination);
      osc.start(audio.currentTime + offset);
      osc.stop(audio.currentTime + offset + 0.6);
    });
  }

  var box = document.querySelector("[data-timer-box]");
  new MutationObserver(function () {
    var phase = box.getAttribute("data-status");
    if (soundOn && phase === "overtime" && lastPhase === "lastminute") { chime(); }
    lastPhase = phase;
  }).observe(box, { attributes: true, attributeFilter: ["data-status"] });

  document.querySelector('[data-action="sound"]').addEventListener("click", function () {
    soundOn = !soundOn;
    this.setAttribute("aria-pressed", String(soundOn));
    if (soundOn) { chime(); }   // also unlocks audio, which browsers allow only after a click
  });
  document.querySelector('[data-action="fullscreen"]').addEventListener("click", function () {
    if (document.fullscreenElement) { document.exitFullscreen(); }
    else { document.documentElement.requestFullscreen(); }
  });
  // ---- views: timer, note wall, word cloud ----
  var wall = document.querySelector("[data-wall]");
  var cloud = document.querySelector("[data-cloud]");
  var cloudTimer = null;
  var WALL_MAX = 60;

  // The server sends a view's data only while it shows (the wall's notes, the results, the
  // table map): what another view left behind is cleared, not kept hidden in the page.
  function setView(view) {
    document.body.setAttribute("data-view", view);
    if (view !== "wall") { wall.textContent = ""; }
    if (view !== "results") { document.querySelector("[data-results]").textContent = ""; }
    document.querySelectorAll("[data-view-panel]").forEach(function (panel) {
      panel.hidden = panel.getAttribute("data-view-panel") !== view;
    });
    clearInterval(cloudTimer);
    if (view === "cloud") { loadCloud(); cloudTimer = setInterval(loadCloud, 5000); }
    if (view === "themes") { loadHarvest(); cloudTimer = setInterval(loadHarvest, 5000); }
  }
  rt.socket.on("projector_view", function (msg) { setView(msg.view); });
  setView(document.body.getAttribute("data-view") || "timer");

  function wallItem(note) {
    var li = document.createElement("li");
    li.setAttribute("data-note-id", note.id);
    li.textContent = note.text;
    if (note.starred) { li.className = "starred"; }
    return li;
  }
  function putOnWall(note) {
    var old = wall.querySelector('[data-note-id="' + note.id + '"]');
    if (note.hidden) { if (old) { old.remove(); } return; }
    if (old) { wall.replaceChild(wallItem(note), old); return; }
    wall.insertBefore(wallItem(note), wall.firstChild);
    while (wall.children.length > WALL_MAX) { wall.removeChild(wall.lastChild); }
  }
  rt.socket.on("wall", function (msg) {
    wall.textContent = "";
    msg.notes.slice().reverse().forEach(putOnWall);
  });
  rt.socket.on("notes_added", function (msg) { msg.notes.forEach(putOnWall); });
  rt.socket.on("note_updated", putOnWall);

  function loadCloud() {
    fetch(cloud.getAttribute("data-url"), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) { drawCloud(data.words); } })
      .catch(function () { /* keep the last cloud until the network is back */ });
  }
  function drawCloud(words) {
    cloud.textContent = "";
    var max = words.length ? words[0].count : 1;
    words.slice().sort(function (a, b) { return a.word.localeCompare(b.word, "sv"); })
      .forEach(function (w) {
        var span = document.createElement("span");
        span.textContent = w.word;
        span.style.fontSize = (1 + 3 * w.count / max).toFixed(2) + "em";
        span.setAttribute("data-count", w.count);
        cloud.appendChild(span);
        cloud.appendChild(document.createTextNode(" "));
      });
  }
  // ---- the harvest: themes with their counts, as many as fit without scrolling ----
  // (setView may call loadHarvest before this part of the script has run: no vars here)
  function loadHarvest() {
    var harvestPanel = document.querySelector("[data-view-panel='themes']");
    fetch(harvestPanel.getAttribute("data-url"), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) { drawHarvest(data); } })
      .catch(function () { /* keep the last themes until the network is back */ });
  }
  function drawHarvest(data) {
    var HARVEST_MAX = 9;
    var harvestPanel = document.querySelector("[data-view-panel='themes']");
    var list = harvestPanel.querySelector("[data-harvest]");
    var label = function (name, n) { return harvestPanel.getAttribute(name).replace("{n}", n); };
    var shown = data.themes.slice(0, HARVEST_MAX);
    harvestPanel.querySelector("[data-harvest-question]").textContent = data.question || "";
    list.textContent = "";
    if (shown.length > 6) { list.setAttribute("data-many", ""); } else { list.removeAttribute("data-many"); }
    shown.forEach(function (t) {
      var li = node("li", t.other ? "other" : "");
      li.appendChild(node("h2", "harvest-label", t.label));
      li.appendChild(node("p", "harvest-count", t.count === 1 ? harvestPanel.getAttribute("data-label-one")
        : label("data-label-notes", t.count)));
      if (t.quote) { li.appendChild(node("p", "harvest-quote", "”" + t.quote + "”")); }
      list.appendChild(li);
    });
    var more = harvestPanel.querySelector("[data-harvest-more]");
    more.hidden = data.themes.length <= HARVEST_MAX;
    more.textContent = label("data-label-more", data.themes.length - HARVEST_MAX);
    harvestPanel.querySelector("[data-harvest-empty]").hidden = data.themes.length > 0;
  }
  // ---- evaluation results: bars per value, n and mean ----
  var resultsPanel = document.querySelector("[data-view-panel='results']");
  var results = document.querySelector("[data-results]");
  function node(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) { n.className = cls; }
    if (text !== undefined) { n.textContent = text; }
    return n;
  }
  rt.socket.on("eval_results", function (data) {
    results.textContent = "";
    data.results.forEach(function (r) {
      var box = node("article", "result");
      box.appendChild(node("h2", "", r.prompt));
      var bars = node("div", "result-bars");
      var peak = Math.max.apply(null, r.counts.concat([1]));
      r.counts.forEach(function (count, i) {
        var bar = node("div", "result-bar");
        bar.appendChild(node("span", "count", String(count)));
        var fill = node("div", "fill");
        fill.style.height = (80 * count / peak) + "%";
        bar.appendChild(fill);
        bar.appendChild(node("span", "label", r.labels[i]));
        bars.appendChild(bar);
      });
      box.appendChild(bars);
      var stats = "n = " + r.n + (r.mean !== null ? " · " + resultsPanel.getAttribute("data-label-mean") +
        " " + String(r.mean).replace(".", ",") : "");
      if (r.low_label) { stats += " · " + r.labels[0] + " = " + r.low_label + ", " +
        r.labels[r.labels.length - 1] + " = " + r.high_label; }
      box.appendChild(node("p", "result-stats", stats));
      results.appendChild(box);
    });
  });
  window.facilitatorPage = rt;
})();
