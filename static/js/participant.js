/* The phone: timer from realtime.js, and the loss-proof note box.
 *
 * A note gets its id (UUID) here and goes into an outbox in localStorage
 * before anything is sent. It stays there, shown as "sending…", until the
 * server acknowledges it after its commit; it is resent on every reconnect
 * and after a reload. The server ignores a second copy of the same id.
 */
(function () {
  "use strict";
  var auth = Realtime.pageAuth();
  var rt = new Realtime(auth);
  var form = document.querySelector("[data-note-form]");
  var textarea = form.querySelector("[data-note-text]");
  var question = form.querySelector("[data-note-question]");
  var statusEl = form.querySelector("[data-note-status]");
  var countEl = form.querySelector("[data-note-count]");
  var mineSection = document.querySelector("[data-my-notes-section]");
  var mineList = document.querySelector("[data-my-notes]");
  var msg = form.dataset;
  var key = "facilitator.notes." + auth.event;
  var maxChars = parseInt(textarea.getAttribute("maxlength"), 10);

  function load() {
    var stored = Realtime.stored(key, []);
    stored.forEach(function (n) { n.inFlight = false; });
    return stored;
  }
  function save(notes) { Realtime.store(key, notes); }
  var notes = load();

  function render() {
    mineList.textContent = "";
    notes.slice().reverse().forEach(function (n) {
      var li = document.createElement("li");
      li.setAttribute("data-my-note", n.id);
      li.setAttribute("data-state", n.state);
      var text = document.createElement("p");
      text.textContent = n.text;
      var state = document.createElement("span");
      state.className = "note-state";
      state.textContent = n.state === "received" ? msg.msgReceived :
        n.state === "waiting" ? msg.msgWaiting : msg.msgSending;
      li.appendChild(text);
      li.appendChild(state);
      mineList.appendChild(li);
    });
    mineSection.hidden = notes.length === 0;
  }

  function send(note) {
    if (!rt.socket.connected || !rt.phoneReady || note.inFlight) { return; }
    note.inFlight = true;
    var payload = { id: note.id, text: note.text, question_id: note.question_id, table: note.table,
                    question_picked: !!note.question_picked, step_id: note.step_id || null,
                    scope: note.scope || null };
    rt.socket.timeout(8000).emit("note_submit", payload, function (err, res) {
      note.inFlight = false;
      if (err) { return; }                      // no answer: it stays in the outbox
      if (res.ok) { note.state = "received"; }
      else if (res.error === "box_closed") { note.state = "waiting"; showBox(false); }
      else if (res.error === "rate_limited" || res.error === "server_error" ||
               res.error === "no_phone_key" || res.error === "unavailable") { /* retried by flush */ }
      else { reject(note, res); }
      save(notes);
      render();
      if (res.ok) { announce(msg.msgReceived); }
    });
  }

  function reject(note, res) {
    // The server will never take this one: give the text back to edit.
    notes = notes.filter(function (n) { return n.id !== note.id; });
    if (!textarea.value) { textarea.value = note.text; updateCount(); }
    announce(res.error === "too_long" ? msg.msgTooLong :
             res.error === "bad_table" ? msg.msgBadTable :
             res.error === "empty" ? msg.msgEmpty :
             res.error === "unstorable" ? msg.msgUnstorable :
             res.error === "bad_text" ? msg.msgBadText : msg.msgRejected, true);
  }

  function flush() {
    if (!boxOpen) { return; }
    notes.forEach(function (n) { if (n.state !== "received") { send(n); } });
  }

  // A closed box: the form says so and keeps what is typed; waiting notes go when it opens.
  var closedNotice = document.querySelector("[data-box-closed]");
  var boxOpen = closedNotice.hidden;
  var sendButton = form.querySelector('[data-action="note-send"]');
  function showBox(open) {
    boxOpen = open;
    closedNotice.hidden = open;
    sendButton.disabled = !open;
    if (open) { flush(); } else { announce("", false); }
  }
  // The optional table number: shown when the facilitator asks for it, remembered on the phone.
  var tableField = document.querySelector("[data-table-field]");
  var tableInput = document.querySelector("[data-note-table]");
  var tableKey = "facilitator.table." + auth.event;
  tableInput.value = Realtime.stored(tableKey, "");
  tableInput.addEventListener("change", function () { Realtime.store(tableKey, tableInput.value); });

  // Shared or own work (seed 003's last step): asked when the facilitator switches it on.
  var scopeField = document.querySelector("[data-scope-field]");
  function chosenScope() {
    var checked = scopeField.querySelector("[data-note-scope]:checked");
    return scopeField.hidden || !checked ? null : checked.value;
  }
  rt.socket.on("box_state", function (state) {
    tableField.hidden = !state.table_numbers;
    scopeField.hidden = !state.ask_scope;
    showBox(state.open);
  });

  function announce(text, isError) {
    statusEl.textContent = text;
    statusEl.classList.toggle("error", !!isError);
    statusEl.classList.toggle("ok", !isError);
  }

  function updateCount() { countEl.textContent = String(textarea.value.length); }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = textarea.value;
    if (!text.trim()) { announce(msg.msgEmpty, true); textarea.focus(); return; }
    if (text.length > maxChars) { announce(msg.msgTooLong, true); return; }
    if (!boxOpen) { announce(msg.msgClosed, true); return; }
    var note = { id: Realtime.uuid4(), text: text, state: "sending",
                 question_id: question && question.value ? parseInt(question.value, 10) : null,
                 question_picked: questionFollow.picked(), step_id: questionFollow.stepId(),
                 table: tableField.hidden || !tableInput.value ? null : tableInput.value,
                 scope: chosenScope() };
    notes.push(note);
    save(notes);                               // on the phone before anything is sent
    textarea.value = "";
    scopeField.querySelectorAll("[data-note-scope]").forEach(function (r) { r.checked = false; });
    updateCount();
    render();
    announce(rt.socket.connected ? msg.msgSending : msg.msgOffline);
    send(note);
  });

  var questionFollow = followRoomQuestion(question, auth.event);
  textarea.addEventListener("input", updateCount);
  document.addEventListener("phone:ready", flush);   // after the phone showed its key
  // Leaving the page says goodbye at once, so the control page's "anslutna" drops now and not
  // only when the server's ping times out; back from the browser's cache, connect again.
  window.addEventListener("pagehide", function () { rt.socket.disconnect(); });
  window.addEventListener("pageshow", function (e) { if (e.persisted) { rt.socket.connect(); } });
  setInterval(flush, 5000);
  window.addEventListener("online", flush);
  render();
  window.facilitatorPage = rt;

  /* The question choice follows the room: on every step change it shows the
     step's question (or "no particular question"). A question picked by hand
     is kept, also over a reload, until the step changes. The server applies
     the same rule (notes.py), so a page that missed a change cannot misfile. */
  function followRoomQuestion(select, eventId) {
    var pickKey = "facilitator.question." + eventId;
    var stepField = document.querySelector("[data-note-step]");
    var hint = document.querySelector("[data-question-picked-hint]");
    var state = { step: stepField.value || null, room: roomDefault(), picked: false };
    var saved = Realtime.stored(pickKey, null);
    if (saved && select && String(saved.step) === String(state.step) && hasOption(saved.question)) {
      select.value = saved.question;
      state.picked = saved.question !== state.room;
    }
    if (select && select.tagName === "SELECT") { select.addEventListener("change", onPick); }
    document.addEventListener("timer:state", function (e) { onRoom(e.detail); });
    showHint();

    function roomDefault() {
      var field = document.querySelector("[data-question-default]");
      return field ? field.value : "";
    }
    function hasOption(value) {
      return !!select && Array.prototype.some.call(select.options || [], function (o) {
        return o.value === String(value);
      });
    }
    function roomQuestion(timerState) {
      var step = timerState.step;
      var qid = step && step.question_id != null ? String(step.question_id) : "";
      return hasOption(qid) ? qid : "";
    }
    function onRoom(timerState) {
      var step = timerState.step ? String(timerState.step.id) : null;
      if (step !== state.step) { state.picked = false; Realtime.store(pickKey, null); }
      state.step = step;
      state.room = roomQuestion(timerState);
      stepField.value = step || "";
      if (!state.picked && select && select.tagName === "SELECT") { select.value = state.room; }
      showHint();
    }
    function onPick() {
      state.picked = select.value !== state.room;
      Realtime.store(pickKey, state.picked ? { step: state.step, question: select.value } : null);
      showHint();
    }
    function showHint() { if (hint) { hint.hidden = !state.picked; } }
    return {
      picked: function () { return state.picked; },
      stepId: function () { return state.step ? parseInt(state.step, 10) : null; }
    };
  }
})();
