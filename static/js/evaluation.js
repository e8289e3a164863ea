/* The phone's evaluation questions: anonymous answers, changeable until the item closes.
 *
 * The server keys each answer by the phone key it issued (realtime.js) and the
 * item, so a changed answer replaces the old one, a phone counts once, and its
 * answers to different items cannot be joined together.
 * Like notes, an answer waits in localStorage until the server has it.
 */
(function () {
  "use strict";
  var el = Realtime.el;
  var rt = window.facilitatorPage;
  var section = document.querySelector("[data-eval-section]");
  var list = section.querySelector("[data-eval-items]");
  var msg = section.dataset;
  var key = "facilitator.eval." + document.body.getAttribute("data-event");

  function save() { Realtime.store(key, state); }
  var state = Realtime.stored(key, {});   // item id -> {value, comment, sent}

  function entry(id) {
    state[id] = state[id] || { value: null, comment: "", sent: true };
    return state[id];
  }

  function send(id) {
    var a = state[id];
    if (!a || a.sent || !rt.socket.connected || !rt.phoneReady) { return; }
    // One answer per phone and item: the server derives the row's key from the phone key.
    var payload = { item_id: Number(id), value: a.value, comment: a.comment };
    rt.socket.timeout(8000).emit("eval_answer", payload, function (err, res) {
      if (err) { return; }
      var status = list.querySelector('[data-eval-status="' + id + '"]');
      if (res.ok) { a.sent = true; save(); if (status) { status.textContent = msg.msgSaved; } }
      else if (status) { status.textContent = res.error === "closed" ? msg.msgClosed : res.message; }
    });
  }

  function answer(id, change) {
    var a = entry(id);
    Object.keys(change).forEach(function (k) { a[k] = change[k]; });
    a.sent = false;
    save();
    var status = list.querySelector('[data-eval-status="' + id + '"]');
    if (status) { status.textContent = msg.msgSending; }
    send(id);
  }

  function choices(item) {
    if (item.kind === "scale") {
      var values = [];
      for (var v = item.scale_min; v <= item.scale_max; v++) { values.push({ value: v, label: String(v) }); }
      return values;
    }
    return item.options.map(function (label, i) { return { value: i, label: label }; });
  }

  function render(item) {
    var a = state[item.id] || {};
    var box = el("fieldset", { "class": "eval-question", "data-eval-item": item.id });
    box.appendChild(el("legend", {}, item.prompt));
    if (item.kind !== "comment") {
      var row = el("div", { "class": "eval-choices" + (item.kind === "scale" ? " scale" : "") });
      choices(item).forEach(function (c) {
        var label = el("label", { "class": "eval-choice" });
        var input = el("input", { type: "radio", name: "eval-" + item.id, value: c.value });
        input.checked = a.value === c.value;
        input.addEventListener("change", function () { answer(item.id, { value: c.value }); });
        label.appendChild(input);
        label.appendChild(el("span", {}, c.label));
        row.appendChild(label);
      });
      box.appendChild(row);
      if (item.kind === "scale" && (item.low_label || item.high_label)) {
        box.appendChild(el("p", { "class": "eval-ends muted" },
          item.scale_min + " = " + item.low_label + " · " + item.scale_max + " = " + item.high_label));
      }
    }
    var textId = "eval-comment-" + item.id;
    box.appendChild(el("label", { "for": textId },
      item.kind === "comment" ? msg.msgYourComment : msg.msgComment));
    var text = el("textarea", { id: textId, rows: "3", maxlength: "2000" });
    text.value = a.comment || "";
    box.appendChild(text);
    var button = el("button", { type: "button", "class": "button", "data-action": "eval-send" }, msg.msgSend);
    button.addEventListener("click", function () { answer(item.id, { comment: text.value }); });
    box.appendChild(button);
    box.appendChild(el("p", { "class": "notice ok", role: "status", "aria-live": "polite",
                              "data-eval-status": item.id }, a.sent && a.value !== undefined && (a.value !== null || a.comment) ? msg.msgSaved : ""));
    return box;
  }

  var openIds = null;  // the items open when the page last heard; null before the first message
  rt.socket.on("eval_items", function (data) {
    list.textContent = "";
    data.items.forEach(function (item) { list.appendChild(render(item)); });
    section.hidden = data.items.length === 0;
    var ids = data.items.map(function (item) { return String(item.id); });
    var opened = openIds !== null && ids.some(function (id) { return openIds.indexOf(id) < 0; });
    openIds = ids;
    if (opened) { Realtime.announce(section); }
  });
  document.addEventListener("phone:ready", function () { Object.keys(state).forEach(send); });
  setInterval(function () { Object.keys(state).forEach(send); }, 5000);
})();
