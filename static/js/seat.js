/* The phone's table for the current round ("Round 2 of 3: go to table 7"; a World Café
 * host, listed in the payload's "hosts", reads "You are the host: stay at table 7").
 *
 * After check-in the server redirects here with ?me=<person id>; the id is kept
 * in localStorage and the address cleaned. The server sends every screen the
 * same "seating" map of person id -> table (no names); the phone looks up its
 * own id. The id never travels with a note.
 */
(function () {
  "use strict";
  var section = document.querySelector("[data-seat-section]");
  if (!section) { return; }
  var rt = window.facilitatorPage;
  var auth = Realtime.pageAuth();
  var key = "facilitator.seat." + auth.event;
  var msg = section.dataset;
  var colourNames = JSON.parse(msg.colourNames || "{}");
  var form = section.querySelector("[data-checkin-form]");
  var me = Realtime.stored(key, null);
  var last = null;

  var url = new URL(window.location.href);
  if (url.searchParams.get("me")) {
    me = { id: url.searchParams.get("me"), name: Realtime.stored(key + ".name", "") };
    Realtime.store(key, me);
    url.searchParams.delete("me");
    window.history.replaceState(null, "", url.pathname + url.search);
  }
  // A table card's QR code carries ?t=7: the phone asks before it uses it (a table number
  // is the participant's choice, and a link passed on must not set it silently).
  var table = url.searchParams.get("t");
  var tableInput = document.querySelector("[data-note-table]");
  var ask = document.querySelector("[data-table-suggest]");
  if (table && tableInput && ask && /^\d{1,3}$/.test(table) && !tableInput.value) {
    ask.textContent = ask.getAttribute("data-label").replace("{n}", table);
    ask.hidden = false;
    ask.addEventListener("click", function () {
      tableInput.value = table;
      tableInput.dispatchEvent(new Event("change"));
      ask.hidden = true;
    });
  }

  // The form is there only while the facilitator has check-in open. It carries the
  // phone's server-issued key, so the server can limit check-ins per phone.
  if (form) {
    form.addEventListener("submit", function () {
      Realtime.store(key + ".name", form.querySelector("[data-checkin-name]").value.trim());
      form.querySelector("[data-phone-key]").value = Realtime.phoneKey(auth.event) || "";
    });
  }
  section.querySelector('[data-action="checkin-forget"]').addEventListener("click", function () {
    me = null;
    Realtime.store(key, null);
    render();
  });

  function text(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, k) { return values[k]; });
  }

  function render() {
    var where = section.querySelector("[data-seat-where]");
    var wait = section.querySelector("[data-seat-wait]");
    var round = section.querySelector("[data-seat-round]");
    if (form) { form.hidden = !!me; }
    section.querySelector("[data-seat-me]").hidden = !me;
    section.querySelector("[data-seat-name]").textContent = me ? me.name || "✓" : "";
    where.hidden = true;
    round.textContent = "";
    wait.textContent = "";
    // Not checked in, and check-in closed: nothing here for this phone (it was an empty card
    // above the note box); the projector's table map says where to sit.
    section.hidden = !me && !form;
    if (!me || !last) { return; }
    if (!last.round) { wait.textContent = msg.msgWait; return; }
    round.textContent = text(msg.msgRound, { n: last.round, m: last.rounds });
    var number = last.seats[String(me.id)];
    if (!number) { wait.textContent = msg.msgUnseated; return; }
    var info = (last.tables || [])[number - 1] || { colour: 1, colour_name: "" };
    var host = (last.hosts || []).indexOf(String(me.id)) >= 0;
    section.querySelector("[data-seat-table]").textContent =
      text(host ? msg.msgHost : msg.msgTable, { n: number });
    where.setAttribute("data-seat-host", host ? "true" : "false");
    section.querySelector("[data-seat-colour]").textContent = colourNames[info.colour_name] || "";
    section.querySelector("[data-seat-swatch]").className = "swatch big tc-" + info.colour;
    var previous = where.getAttribute("data-table");
    where.setAttribute("data-table", String(number));
    where.hidden = false;
    if (previous && previous !== String(number)) { Realtime.announce(section); }
  }

  rt.socket.on("seating", function (payload) {
    last = payload;
    section.hidden = !payload.active;
    render();
  });
  render();
})();
