/* The phone's dot votes: place and move dots until the vote closes.
 *
 * The server keys each ballot by the phone key it issued (realtime.js) and the
 * vote, so a phone has one ballot per vote and its ballots in two votes cannot
 * be joined. The dots wait in localStorage with a sequence number; every change
 * sends the whole ballot with the next number; until the server acknowledges
 * it after its commit, the ballot is sent again on reconnect, after a reload
 * and every few seconds. The server keeps only the newest ballot of each
 * phone, so a resend never counts twice. "Röstat ✓" shows only after the
 * acknowledgement. When a vote closes while the page is open, the phone says
 * whether its dots were counted (data-vote-closed).
 */
(function () {
  "use strict";
  var el = Realtime.el;
  var rt = window.facilitatorPage;
  var section = document.querySelector("[data-vote-section]");
  var list = section.querySelector("[data-votes]");
  var closed = section.querySelector("[data-vote-closed]");
  var msg = section.dataset;
  var storeKey = "facilitator.votes." + document.body.getAttribute("data-event");
  var state = Realtime.stored(storeKey, {});   // vote id -> {seq, dots, sent, error}
  var open = {};                               // vote id -> vote (from the server)
  Object.keys(state).forEach(function (id) { state[id].inFlight = false; });

  function save() { Realtime.store(storeKey, state); }
  function ballot(id) {
    state[id] = state[id] || { seq: 0, dots: {}, sent: true };
    return state[id];
  }
  function used(b) {
    return Object.keys(b.dots).reduce(function (sum, k) { return sum + b.dots[k]; }, 0);
  }

  function send(id) {
    var b = state[id];
    if (!b || b.sent || b.inFlight || !open[id] || !rt.socket.connected || !rt.phoneReady) { return; }
    var seq = b.seq;
    b.inFlight = true;
    rt.socket.timeout(8000).emit("vote_cast",
      { vote_id: Number(id), seq: seq, dots: b.dots }, function (err, res) {
        b.inFlight = false;
        if (err) { return; }                     // no answer: it stays unsent
        if (res.ok) { if (b.seq === seq) { b.sent = true; b.error = ""; } }
        else if (res.error === "rate_limited" || res.error === "server_error" ||
                 res.error === "no_phone_key") { return; }   // sent again by flush
        else { b.sent = true; b.error = res.error === "closed" ? msg.msgClosed : msg.msgRejected; }
        save();
        status(id);
        if (!b.sent) { send(id); }               // changed meanwhile: the newer one goes now
      });
  }

  function change(id, optionId, delta) {
    var vote = open[id];
    var b = ballot(id);
    var now = b.dots[optionId] || 0;
    if (delta > 0 && (used(b) >= vote.dots || (vote.max_per_option && now >= vote.max_per_option))) { return; }
    if (delta < 0 && now === 0) { return; }
    if (now + delta) { b.dots[optionId] = now + delta; } else { delete b.dots[optionId]; }
    b.seq += 1;
    b.sent = false;
    b.error = "";
    save();                                      // on the phone before anything is sent
    draw(vote);
    send(id);
  }

  function status(id) {
    var line = list.querySelector('[data-vote-status="' + id + '"]');
    var b = state[id];
    if (!line || !b) { return; }
    line.classList.toggle("error", !!b.error);
    line.textContent = b.error ? b.error : !b.sent ? (rt.socket.connected ? msg.msgSending : msg.msgOffline)
      : used(b) > 0 ? msg.msgVoted : "";
    line.setAttribute("data-state", b.error ? "error" : b.sent ? (used(b) ? "voted" : "") : "sending");
  }

  function optionRow(vote, b, o, left) {
    var n = b.dots[o.id] || 0;
    var row = el("li", { "class": "vote-option", "data-vote-option": o.id, "data-dots": n });
    row.appendChild(el("span", { "class": "vote-label" }, o.label));
    var dots = el("span", { "class": "vote-dots", "aria-hidden": "true" });
    dots.textContent = new Array(n + 1).join("●");
    row.appendChild(dots);
    var minus = el("button", { type: "button", "class": "button small", "data-action": "vote-remove",
                               "aria-label": msg.msgRemove.replace("{label}", o.label) }, "−");
    var plus = el("button", { type: "button", "class": "button small primary", "data-action": "vote-add",
                              "aria-label": msg.msgAdd.replace("{label}", o.label) }, "+");
    minus.disabled = n === 0;
    plus.disabled = left === 0 || (vote.max_per_option > 0 && n >= vote.max_per_option);
    minus.addEventListener("click", function () { change(String(vote.id), String(o.id), -1); });
    plus.addEventListener("click", function () { change(String(vote.id), String(o.id), 1); });
    row.appendChild(minus);
    row.appendChild(plus);
    return row;
  }

  function draw(vote) {
    var id = String(vote.id);
    var b = ballot(id);
    var known = {};
    vote.options.forEach(function (o) { known[o.id] = true; });
    Object.keys(b.dots).forEach(function (k) { if (!known[k]) { delete b.dots[k]; } });
    var left = vote.dots - used(b);
    var box = list.querySelector('[data-vote="' + id + '"]') || el("fieldset", { "class": "vote", "data-vote": id });
    box.textContent = "";
    box.appendChild(el("legend", {}, vote.title));
    box.appendChild(el("p", { "class": "vote-left", "data-vote-left": left },
      msg.msgLeft.replace("{n}", left).replace("{m}", vote.dots)));
    var ul = el("ul", { "class": "vote-options" });
    vote.options.forEach(function (o) { ul.appendChild(optionRow(vote, b, o, left)); });
    box.appendChild(ul);
    box.appendChild(el("p", { "class": "notice ok", role: "status", "aria-live": "polite", "data-vote-status": id }));
    if (!box.parentNode) { list.appendChild(box); }
    status(id);
  }

  function closedLine(vote) {
    // What this phone's dots came to when the vote closed while the page was open.
    var b = state[String(vote.id)];
    if (!b || used(b) === 0) { return; }
    var counted = b.sent && !b.error;
    var text = (counted ? msg.msgCounted : msg.msgMissed)
      .replace("{title}", vote.title).replace("{n}", used(b));
    closed.appendChild(el("li", { "class": "notice " + (counted ? "ok" : "error"),
                                  "data-vote-closed-id": vote.id,
                                  "data-state": counted ? "counted" : "missed" }, text));
  }

  function onVotes(data) {
    var before = open;
    open = {};
    data.votes.forEach(function (v) { open[v.id] = v; });
    if (Object.keys(open).some(function (id) { return !before[id]; })) {
      closed.textContent = "";                   // a new vote: the old news goes
    }
    Object.keys(before).forEach(function (id) {
      if (open[id]) { return; }
      var gone = list.querySelector('[data-vote="' + id + '"]');
      if (gone) { gone.remove(); }
      closedLine(before[id]);
    });
    data.votes.forEach(draw);
    section.hidden = data.votes.length === 0 && !closed.children.length;
    save();
    Object.keys(open).forEach(send);
  }
  rt.socket.on("votes", onVotes);
  function flush() { Object.keys(open).forEach(send); }
  document.addEventListener("phone:ready", flush);
  rt.socket.on("disconnect", function () { Object.keys(open).forEach(status); });
  setInterval(flush, 5000);
  window.addEventListener("online", flush);
})();
