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

  // What the room sees: hidden notes are not counted here (the control page counts them all).
  rt.socket.on("notes_count", function (msg) {
    Realtime.showCount(msg.visible !== undefined ? msg.visible : msg.count);
  });

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
  var fullscreen = document.querySelector('[data-action="fullscreen"]');
  fullscreen.addEventListener("click", function () {
    if (document.fullscreenElement) { document.exitFullscreen(); }
    else { document.documentElement.requestFullscreen(); }
  });
  document.addEventListener("fullscreenchange", function () {
    fullscreen.setAttribute("aria-pressed", String(!!document.fullscreenElement));
  });

  // ---- the controls step aside: a few seconds without the mouse they fade out and the
  // cursor hides; a mouse move, a touch or a key brings them back. They stay in the tab
  // order while faded, and stay shown while the keyboard focus is on one of them. ----
  var controls = document.querySelector("[data-projector-controls]");
  var idleTimer = null;
  function idle(hidden) { document.body.setAttribute("data-idle", String(hidden)); }
  function wake() {
    idle(false);
    clearTimeout(idleTimer);
    // Read each time: a test (or a kiosk) may shorten it on the element.
    var ms = Number(controls.getAttribute("data-idle-ms")) || 4000;
    idleTimer = setTimeout(function () {
      if (!controls.contains(document.activeElement)) { idle(true); }
    }, ms);
  }
  ["mousemove", "mousedown", "touchstart", "keydown", "wheel"].forEach(function (name) {
    document.addEventListener(name, wake, { passive: true });
  });
  controls.addEventListener("focusin", wake);
  controls.addEventListener("focusout", wake);
  wake();
  // ---- the look: the settings page's light theme and logo, live ----
  var logoUrl = document.body.getAttribute("data-logo-url");
  rt.socket.on("projector_look", function (msg) {
    document.body.classList.toggle("theme-light", msg.theme === "light");
    document.body.setAttribute("data-theme", msg.theme);
    document.body.classList.toggle("has-logo", !!msg.logo);
    var logo = document.querySelector("[data-projector-logo]");
    if (!msg.logo) { if (logo) { logo.hidden = true; } return; }
    logo.src = logoUrl + "&v=" + Date.now();     // a new upload under the same address
    logo.hidden = false;
  });

  // ---- views: the facilitator chooses; wall.js, cloud.js and harvest.js draw theirs ----
  // The server sends a view's data only while it shows (the wall's notes, the results, the
  // table map): what another view left behind is cleared, not kept hidden in the page.
  var currentView = null;
  var wall = document.querySelector("[data-wall]");
  function setView(view) {
    if (view === currentView) { return; }     // a reconnect repeats the view: nothing to redo
    currentView = view;
    document.body.setAttribute("data-view", view);
    if (view !== "wall") { wall.textContent = ""; }
    if (view !== "results") { document.querySelector("[data-results]").textContent = ""; }
    document.querySelectorAll("[data-view-panel]").forEach(function (panel) {
      panel.hidden = panel.getAttribute("data-view-panel") !== view;
    });
    document.dispatchEvent(new CustomEvent("projector:view", { detail: { view: view } }));
  }
  rt.socket.on("projector_view", function (msg) { setView(msg.view); });
  document.addEventListener("DOMContentLoaded", function () {
    setView(document.body.getAttribute("data-view") || "timer");
  });

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
        " " + Realtime.decimal(r.mean) : "");
      if (r.low_label) { stats += " · " + r.labels[0] + " = " + r.low_label + ", " +
        r.labels[r.labels.length - 1] + " = " + r.high_label; }
      box.appendChild(node("p", "result-stats", stats));
      results.appendChild(box);
    });
  });
  window.facilitatorPage = rt;
})();
