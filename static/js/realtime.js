/* Shared by every page: the Socket.IO connection, clock sync and the timer.
 *
 * The server never ticks. It sends timer_state on connect and on change with
 * ends_at in server epoch ms; we estimate our clock offset from a few
 * time_sync round trips (keeping the sample with the lowest round-trip time)
 * and count down locally, ten times a second.
 */
(function () {
  "use strict";

  var SYNC_SAMPLES = 5;
  var LAST_MINUTE_MS = 60 * 1000;

  function Realtime(auth) {
    this.offsetMs = 0;        // server clock minus ours
    this.bestRtt = Infinity;
    this.timer = null;        // last timer_state payload
    // Connect once the page's scripts have all run: a view's script that is still loading on a
    // slow network would otherwise miss the welcome (the projector's view, the table map).
    this.socket = io({ auth: freshAuth(auth), reconnectionDelayMax: 5000, autoConnect: false });
    var socket = this.socket;
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { socket.connect(); });
    } else { socket.connect(); }
    this.socket.on("connect", this.syncClock.bind(this));
    this.phoneReady = false;
    if (auth.role === "participant") {
      this.socket.on("connect", this.claimPhone.bind(this, auth.event));
      this.socket.on("disconnect", function () { this.phoneReady = false; }.bind(this));
    }
    this.socket.on("timer_state", this.setTimer.bind(this));
    var box = document.querySelector("[data-timer-state]");
    if (box) { this.setTimer(JSON.parse(box.getAttribute("data-timer-state"))); }
    this.tick();
  }

  /* Render now, then again just after the displayed second changes, so the
     digits flip at the same moment on every screen (at least every 250 ms). */
  Realtime.prototype.tick = function () {
    this.render();
    var ms = this.remainingMs();
    var delay = 250;
    if (this.timer && this.timer.status === "running") {
      var untilFlip = ms >= 0 ? ms - (Math.ceil(ms / 1000) - 1) * 1000 : 1000 - (-ms % 1000);
      delay = Math.min(250, Math.max(1, untilFlip + 2));
    }
    setTimeout(this.tick.bind(this), delay);
  };

  /* A phone shows the key the server gave it (kept in localStorage) or asks for one;
     the server answers with the key to keep. Then "phone:ready" fires: notes and
     answers go out after it, counted once per phone (see facilitator/phones.py). */
  Realtime.prototype.claimPhone = function (eventId) {
    var self = this;
    self.socket.timeout(5000).emit("phone_key", { key: phoneKey(eventId) }, function (err, res) {
      if (!err && res && res.ok) {
        store("facilitator.phone." + eventId, res.key);
        self.phoneReady = true;
        document.dispatchEvent(new CustomEvent("phone:ready"));
      } else if (self.socket.connected) {
        setTimeout(function () { if (self.socket.connected) { self.claimPhone(eventId); } }, 3000);
      }
    });
  };
  function phoneKey(eventId) { return stored("facilitator.phone." + eventId, null); }

  Realtime.prototype.serverNow = function () {
    return Date.now() + this.offsetMs;
  };

  Realtime.prototype.syncClock = function () {
    var self = this;
    self.bestRtt = Infinity;
    var left = SYNC_SAMPLES;
    (function ping() {
      var sent = Date.now();
      self.socket.timeout(5000).emit("time_sync", {}, function (err, res) {
        if (!err && res && res.ok) {
          var received = Date.now();
          var rtt = received - sent;
          if (rtt < self.bestRtt) {
            self.bestRtt = rtt;
            self.offsetMs = res.server_now - (sent + received) / 2;
          }
        }
        left -= 1;
        if (left > 0 && self.socket.connected) { ping(); }
      });
    })();
  };

  /* Draw the eye to a part of a phone's page that just changed (a new step, a new table,
     a newly opened question): a highlight for a few seconds and a short vibration where
     the phone allows it. Not on the first state a page gets, only on changes after it. */
  Realtime.announce = function (element) {
    if (!element) { return; }
    element.classList.remove("changed");
    void element.offsetWidth;  // restart the animation
    element.classList.add("changed");
    element.setAttribute("data-changed", String(Date.now()));
    if (navigator.vibrate) { try { navigator.vibrate(180); } catch (e) { /* not allowed */ } }
    setTimeout(function () { element.classList.remove("changed"); }, 4000);
  };

  Realtime.prototype.setTimer = function (state) {
    var before = this.timer && this.timer.step ? this.timer.step.id : undefined;
    if (this.bestRtt === Infinity && state.server_now) {
      // Until a round trip is measured, assume the message arrived instantly.
      this.offsetMs = state.server_now - Date.now();
    }
    this.timer = state;
    var step = state.step || {};
    setText("[data-step-title]", step.title);
    setText("[data-step-instruction]", step.instruction);
    setText("[data-step-question]", state.question);
    document.querySelectorAll("[data-step-id]").forEach(function (el) {
      if (String(step.id) === el.getAttribute("data-step-id")) { el.setAttribute("aria-current", "step"); }
      else { el.removeAttribute("aria-current"); }
    });
    this.render();
    if (this.seenTimer && before !== (state.step ? state.step.id : undefined)) {
      Realtime.announce(document.querySelector("[data-announce-step]"));
    }
    this.seenTimer = true;
    document.dispatchEvent(new CustomEvent("timer:state", { detail: state }));
  };

  Realtime.prototype.remainingMs = function () {
    var t = this.timer;
    if (!t) { return 0; }
    if (t.status === "running" && t.ends_at != null) { return t.ends_at - this.serverNow(); }
    return t.remaining_ms;
  };

  Realtime.prototype.render = function () {
    if (!this.timer) { return; }
    var ms = this.remainingMs();
    var status = this.timer.status;
    var phase = status;
    if (status === "running" && ms <= 0) { phase = "overtime"; }
    else if (status === "running" && ms <= LAST_MINUTE_MS) { phase = "lastminute"; }
    document.querySelectorAll("[data-timer], [data-timer-mini]").forEach(function (el) {
      var text = formatClock(ms);
      if (el.textContent !== text) { el.textContent = text; }
    });
    document.querySelectorAll("[data-timer-box], [data-timer-box-mini]").forEach(function (box) {
      if (box.getAttribute("data-status") === phase) { return; }
      box.setAttribute("data-status", phase);
      var label = box.querySelector("[data-timer-label]");
      if (label) { label.textContent = label.getAttribute("data-label-" + phase) || ""; }
    });
  };

  /* MM:SS; rounds up while counting down so 00:00 appears exactly at zero,
     and counts up with a minus sign in overtime. Mirrors domain/timer.py. */
  function formatClock(ms) {
    var seconds, sign = "";
    if (ms >= 0) { seconds = Math.ceil(ms / 1000); }
    else { seconds = Math.floor(-ms / 1000); sign = seconds ? "-" : ""; }
    var m = Math.floor(seconds / 60), s = seconds % 60;
    return sign + (m < 10 ? "0" : "") + m + ":" + (s < 10 ? "0" : "") + s;
  }

  function setText(selector, text) {
    document.querySelectorAll(selector).forEach(function (el) { el.textContent = text || ""; });
  }

  function uuid4() {
    // crypto.randomUUID needs a secure context; venue Wi-Fi is often plain http.
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  /* A control page's token lives minutes (it names the log-in, which a log-out ends): the
     first connect uses the page's, every reconnect fetches a fresh one. */
  function freshAuth(auth) {
    if (auth.role !== "facilitator") { return auth; }
    var first = true;
    return function (cb) {
      if (first) { first = false; cb(auth); return; }
      fetch("/f/events/" + encodeURIComponent(auth.event) + "/socket-token",
            { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : {}; })
        .then(function (body) { if (body.token) { auth.token = body.token; } cb(auth); },
              function () { cb(auth); });
    };
  }

  function pageAuth() {
    var body = document.body;
    return { event: body.getAttribute("data-event"), role: body.getAttribute("data-role"),
             token: body.getAttribute("data-token") || undefined };
  }

  function showCount(count) { setText("[data-notes-count]", String(count)); }

  // Numbers in the page's language: 3,2 in Swedish, 3.2 in English (the server's
  // domain/numbers.py does the same for what it renders). At most two decimals.
  var numberFormat = null;
  function decimal(value) {
    numberFormat = numberFormat || new Intl.NumberFormat(document.documentElement.lang || "sv",
                                                         { maximumFractionDigits: 2 });
    return numberFormat.format(value);
  }

  /* The phone's own memory (outbox, answers, table number); private browsing may refuse it,
     and then the page simply keeps things in memory. */
  function stored(key, fallback) {
    try { var value = JSON.parse(localStorage.getItem(key)); return value === null ? fallback : value; }
    catch (e) { return fallback; }
  }
  function store(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* memory only */ }
  }

  window.Realtime = Realtime;
  window.Realtime.formatClock = formatClock;
  window.Realtime.uuid4 = uuid4;
  window.Realtime.pageAuth = pageAuth;
  window.Realtime.showCount = showCount;
  window.Realtime.decimal = decimal;
  window.Realtime.stored = stored;
  window.Realtime.store = store;
  window.Realtime.phoneKey = phoneKey;
  /* An element with attributes and text: the pages that draw from socket payloads use it. */
  window.Realtime.el = function (tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  };
})();
