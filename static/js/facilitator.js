/* The facilitator's control page: timer buttons, keyboard shortcuts and the
   programme with "go to" and planned vs used time. The note wall is notewall.js. */
(function () {
  "use strict";
  var rt = new Realtime(Realtime.pageAuth());
  var status = document.querySelector("[data-control-status]");
  var programme = document.querySelector("[data-programme]");

  var ACTIONS = {
    "timer-start": "start", "timer-pause": "pause", "timer-reset": "reset",
    "timer-extend": "extend", "timer-shorten": "shorten",
    "step-next": "next", "step-previous": "previous"
  };

  function command(action, extra) {
    var payload = Object.assign({ action: action }, extra || {});
    rt.socket.timeout(5000).emit("timer_command", payload, function (err, res) {
      if (err) { status.textContent = status.getAttribute("data-offline"); return; }
      status.textContent = res.ok ? "" : res.message;
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-action]");
    if (!button) { return; }
    var name = button.getAttribute("data-action");
    if (ACTIONS[name]) { command(ACTIONS[name]); }
    if (name === "step-goto") {
      command("goto", { step_id: parseInt(button.getAttribute("data-step-id"), 10) });
    }
  });

  // Space starts or pauses, + and - add or remove a minute; not while typing.
  document.addEventListener("keydown", function (event) {
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select" || tag === "button" ||
        event.ctrlKey || event.metaKey || event.altKey) { return; }
    var running = rt.timer && rt.timer.status === "running";
    var action = { " ": running ? "pause" : "start", "+": "extend", "-": "shorten" }[event.key];
    if (!action) { return; }
    event.preventDefault();
    command(action);
  });

  function updateButtons(state) {
    var running = state.status === "running";
    var start = document.querySelector('[data-action="timer-start"]');
    var pause = document.querySelector('[data-action="timer-pause"]');
    if (start) { start.disabled = running; start.classList.toggle("primary", !running); }
    if (pause) { pause.disabled = !running; pause.classList.toggle("primary", running); }
    var next = document.querySelector("[data-next-step]");
    if (next) {
      next.textContent = state.next ? next.getAttribute("data-label") + " " + state.next.title : "";
    }
  }
  document.addEventListener("timer:state", function (e) {
    updateButtons(e.detail);
    if (programme) { markCurrent(); }
    var auto = document.querySelector('[data-action="auto-advance"]');
    if (auto) { auto.checked = !!e.detail.auto_advance; }
  });

  var autoBox = document.querySelector('[data-action="auto-advance"]');
  if (autoBox) {
    autoBox.addEventListener("change", function () { command("auto_advance", { on: autoBox.checked }); });
  }
  if (rt.timer) { updateButtons(rt.timer); }

  var lastProgramme = null;

  function renderProgramme(msg) {
    if (!programme) { return; }
    lastProgramme = msg;
    programme.textContent = "";
    msg.steps.forEach(function (step, index) {
      var li = document.createElement("li");
      li.setAttribute("data-step-id", step.id);
      var name = document.createElement("span");
      name.className = "step-name";
      if (msg.schedule && msg.schedule.starts_ms[index] !== undefined) {
        var clock = muted(clockOf(msg.schedule.starts_ms[index]) + " ");
        clock.setAttribute("data-step-clock", "");
        name.appendChild(clock);
      }
      var title = document.createElement("strong");
      title.textContent = step.title;
      name.appendChild(title);
      name.appendChild(muted(" " + Math.round(step.duration_s / 6) / 10 + " min "));
      var used = muted("");
      used.setAttribute("data-step-used", "");
      name.appendChild(used);
      var go = document.createElement("button");
      go.type = "button";
      go.className = "button small";
      go.setAttribute("data-action", "step-goto");
      go.setAttribute("data-step-id", step.id);
      go.textContent = programme.getAttribute("data-goto-label");
      li.appendChild(name);
      li.appendChild(go);
      programme.appendChild(li);
    });
    markCurrent();
    showUsedTime();
    showSchedule(msg.schedule);
  }

  var lang = document.documentElement.lang || "sv";
  function clockOf(ms) {
    return new Date(ms).toLocaleTimeString(lang, { hour: "2-digit", minute: "2-digit" });
  }

  /* Planned end, projected end and how far behind or ahead, e.g. "12 min efter planen". */
  function showSchedule(plan) {
    var el = document.querySelector("[data-schedule]");
    if (!el || !plan) { return; }
    var minutes = Math.round(plan.behind_ms / 60000);
    var key = !plan.started ? "data-if-now" : minutes > 0 ? "data-behind" : minutes < 0 ? "data-ahead" : "data-on-time";
    el.textContent = el.getAttribute(key)
      .replace("{planned}", clockOf(plan.planned_end_ms))
      .replace("{projected}", clockOf(plan.projected_end_ms))
      .replace("{n}", String(Math.abs(minutes)));
    el.setAttribute("data-state", key.slice(5));
  }

  function muted(text) {
    var span = document.createElement("span");
    span.className = "muted";
    span.textContent = text;
    return span;
  }

  function markCurrent() {
    var current = rt.timer && rt.timer.step ? String(rt.timer.step.id) : null;
    programme.querySelectorAll("[data-step-id]").forEach(function (li) {
      if (li.getAttribute("data-step-id") === current) { li.setAttribute("aria-current", "step"); }
      else { li.removeAttribute("aria-current"); }
    });
  }

  /* Planned vs used: the running step's use grows locally from the server's figure. */
  function showUsedTime() {
    if (!lastProgramme) { return; }
    var running = rt.timer && rt.timer.status === "running" && rt.timer.step ? rt.timer.step.id : null;
    var grow = Math.max(0, rt.serverNow() - lastProgramme.server_now);
    var planned = 0, usedTotal = 0;
    lastProgramme.steps.forEach(function (step) {
      var used = step.elapsed_ms + (step.id === running ? grow : 0);
      planned += step.duration_s;
      usedTotal += used;
      var el = programme.querySelector('[data-step-id="' + step.id + '"] [data-step-used]');
      if (el) {
        el.textContent = used > 0 ? "· " + programme.getAttribute("data-used-label") + " " +
          elapsedClock(used) : "";
      }
    });
    var total = document.querySelector("[data-programme-total]");
    if (total) {
      total.textContent = total.getAttribute("data-label")
        .replace("{planned}", String(Math.round(planned / 60)))
        .replace("{used}", elapsedClock(usedTotal));
    }
  }
  // Time used counts whole seconds up (the countdown rounds up), so 19:58 left is 00:02 used.
  function elapsedClock(ms) { return Realtime.formatClock(Math.floor(ms / 1000) * 1000); }
  setInterval(showUsedTime, 250);

  rt.socket.on("programme", renderProgramme);

  rt.socket.on("notes_count", function (msg) { Realtime.showCount(msg.count); });

  // Phones connected now: each server process sends its own count; add up the fresh ones.
  var phonesEl = document.querySelector("[data-phones]");
  var phonesBy = {};
  var PHONES_FRESH_MS = 75000;
  function showPhones() {
    if (!phonesEl) { return; }                 // a page without the count (the remote)
    var now = Date.now(), total = 0;
    Object.keys(phonesBy).forEach(function (p) {
      if (now - phonesBy[p].seen > PHONES_FRESH_MS) { delete phonesBy[p]; }
      else { total += phonesBy[p].connected; }
    });
    phonesEl.textContent = total === 1 ? phonesEl.getAttribute("data-label-one")
      : phonesEl.getAttribute("data-label").replace("{n}", String(total));
    phonesEl.setAttribute("data-connected", String(total));
  }
  rt.socket.on("phones", function (msg) {
    phonesBy[msg.process] = { connected: msg.connected, seen: Date.now() };
    showPhones();
  });
  setInterval(showPhones, 15000);
  window.facilitatorPage = rt;
})();
