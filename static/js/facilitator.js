/* The facilitator's control page: timer buttons and the live note wall. */
(function () {
  "use strict";
  var rt = new Realtime(Realtime.pageAuth());
  var status = document.querySelector("[data-control-status]");
  var list = document.querySelector("[data-note-list]");
  var empty = document.querySelector("[data-notes-empty]");

  var ACTIONS = {
    "timer-start": "start", "timer-pause": "pause", "timer-reset": "reset",
    "step-next": "next", "step-previous": "previous"
  };

  Object.keys(ACTIONS).forEach(function (name) {
    var button = document.querySelector('[data-action="' + name + '"]');
    if (!button) { return; }
    button.addEventListener("click", function () {
      rt.socket.timeout(5000).emit("timer_command", { action: ACTIONS[name] }, function (err, res) {
        if (err) { status.textContent = status.dataset.offline || "…"; return; }
        status.textContent = res.ok ? "" : res.message;
      });
    });
  });

  function updateButtons(state) {
    var running = state.status === "running";
    var start = document.querySelector('[data-action="timer-start"]');
    var pause = document.querySelector('[data-action="timer-pause"]');
    if (start) { start.disabled = running; }
    if (pause) { pause.disabled = !running; }
  }
  document.addEventListener("timer:state", function (e) { updateButtons(e.detail); });
  if (rt.timer) { updateButtons(rt.timer); }

  rt.socket.on("note_added", function (note) {
    if (list.querySelector('[data-note-id="' + note.id + '"]')) { return; }
    var item = document.createElement("li");
    item.className = "note note-new";
    item.setAttribute("data-note-id", note.id);
    var p = document.createElement("p");
    p.textContent = note.text;
    item.appendChild(p);
    list.insertBefore(item, list.firstChild);
    if (empty) { empty.hidden = true; }
  });
  rt.socket.on("notes_count", function (msg) { Realtime.showCount(msg.count); });
  window.facilitatorPage = rt;
})();
