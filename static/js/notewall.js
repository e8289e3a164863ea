/* The facilitator's note wall: live notes, filter by question, search,
   hide/restore and feature (star). Uses the socket facilitator.js opened. */
(function () {
  "use strict";
  var rt = window.facilitatorPage;
  var list = document.querySelector("[data-note-list]");
  var template = document.querySelector("[data-note-template]");
  var empty = document.querySelector("[data-notes-empty]");
  var filter = document.querySelector("[data-note-filter]");
  var search = document.querySelector("[data-note-search]");
  var showHidden = document.querySelector("[data-show-hidden]");
  var status = document.querySelector("[data-control-status]");
  var questions = JSON.parse(document.querySelector("[data-questions]").textContent);

  function apply(item, note) {
    item.setAttribute("data-note-id", note.id);
    item.setAttribute("data-question-id", note.question_id || "");
    item.setAttribute("data-hidden", String(!!note.hidden));
    item.setAttribute("data-starred", String(!!note.starred));
    item.setAttribute("data-prepared", String(!!note.prepared));
    item.setAttribute("data-scope", note.scope || "");
    var scope = item.querySelector("[data-note-scope]");
    scope.hidden = !note.scope;
    scope.textContent = note.scope ? scope.getAttribute("data-label-" + note.scope) : "";
    item.querySelector("[data-note-text]").textContent = note.text;
    item.querySelector("[data-note-question]").textContent = questions[note.question_id] || "";
    var prepared = item.querySelector("[data-note-prepared]");
    prepared.hidden = !note.prepared;
    var star = item.querySelector('[data-action="note-star"]');
    star.setAttribute("aria-pressed", String(!!note.starred));
    var hide = item.querySelector('[data-action="note-hide"]');
    hide.textContent = hide.getAttribute(note.hidden ? "data-label-restore" : "data-label-hide");
    show(item);
  }

  function show(item) {
    var choice = filter.value;
    var query = search.value.trim().toLowerCase();
    var visible = (item.getAttribute("data-hidden") !== "true" || showHidden.checked) &&
      (choice === "all" ||
       (choice === "starred" && item.getAttribute("data-starred") === "true") ||
       (choice === "prepared" && item.getAttribute("data-prepared") === "true") ||
       (choice === "scope-" + item.getAttribute("data-scope")) ||
       choice === "q" + item.getAttribute("data-question-id") ||
       (choice.charAt(0) === "t" && tableOf[item.getAttribute("data-note-id")] === choice)) &&
      (!query || item.querySelector("[data-note-text]").textContent.toLowerCase().indexOf(query) >= 0);
    item.hidden = !visible;
  }

  function refilter() { list.querySelectorAll("[data-note-id]").forEach(show); }
  [filter, search, showHidden].forEach(function (el) {
    el.addEventListener(el === search ? "input" : "change", refilter);
  });

  function itemFor(id) { return list.querySelector('[data-note-id="' + id + '"]'); }

  rt.socket.on("notes_added", function (msg) { msg.notes.forEach(addNote); stacksSoon(); });
  function addNote(note) {
    if (itemFor(note.id)) { return; }
    var item = template.content.firstElementChild.cloneNode(true);
    item.classList.add("note-new");
    apply(item, note);
    list.insertBefore(item, list.firstChild);
    if (empty) { empty.hidden = true; }
  }
  rt.socket.on("note_updated", function (note) {
    var item = itemFor(note.id);
    if (item) { apply(item, note); }
    stacksSoon();
  });

  // Copies of one note (the server's rule, domain/duplicates.py) show once, with "×6"
  // on the oldest; the others are folded away. Fetched again shortly after changes.
  var stacksPending = null;
  function stacksSoon() { if (!stacksPending) { stacksPending = setTimeout(loadStacks, 1000); } }
  function loadStacks() {
    stacksPending = null;
    fetch(list.getAttribute("data-stacks-url"), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) { showStacks(data.stacks); } })
      .catch(function () { /* the list stays unfolded until the network is back */ });
  }
  function showStacks(stacks) {
    list.querySelectorAll("[data-copy-of]").forEach(function (li) { li.removeAttribute("data-copy-of"); });
    list.querySelectorAll("[data-note-copies]").forEach(function (badge) { badge.remove(); });
    stacks.forEach(function (ids) {
      var head = itemFor(ids[0]);
      if (!head) { return; }
      ids.slice(1).forEach(function (id) {
        var copy = itemFor(id);
        if (copy) { copy.setAttribute("data-copy-of", ids[0]); }
      });
      var badge = document.createElement("span");
      badge.className = "note-copies";
      badge.setAttribute("data-note-copies", String(ids.length));
      badge.title = list.getAttribute("data-label-copies").replace("{n}", String(ids.length));
      badge.textContent = "×" + ids.length;
      head.querySelector(".note-meta").appendChild(badge);
    });
  }

  list.addEventListener("click", function (event) {
    var button = event.target.closest("[data-action]");
    var item = button && button.closest("[data-note-id]");
    if (!item) { return; }
    var change = { id: item.getAttribute("data-note-id") };
    if (button.getAttribute("data-action") === "note-star") {
      change.starred = item.getAttribute("data-starred") !== "true";
    } else if (button.getAttribute("data-action") === "note-hide") {
      change.hidden = item.getAttribute("data-hidden") !== "true";
    } else { return; }
    rt.socket.timeout(5000).emit("note_moderate", change, function (err, res) {
      if (err) { status.textContent = status.getAttribute("data-offline"); return; }
      if (res.ok) { apply(item, res.note); } else { status.textContent = res.message; }
    });
  });

  // Tables: the server sends only tables with at least three notes, so a small
  // table's notes can never be picked out here.
  var tableOf = {};
  var tableOptions = document.querySelector("[data-table-options]");
  rt.socket.on("tables", function (msg) {
    tableOf = {};
    var chosen = filter.value;
    tableOptions.textContent = "";
    msg.tables.forEach(function (group) {
      var option = document.createElement("option");
      option.value = "t" + group.table;
      option.textContent = tableOptions.getAttribute("data-label").replace("{n}", group.table) +
        " (" + group.note_ids.length + ")";
      tableOptions.appendChild(option);
      group.note_ids.forEach(function (id) { tableOf[id] = option.value; });
    });
    tableOptions.hidden = msg.tables.length === 0;
    filter.value = chosen;
    if (filter.value !== chosen) { filter.value = "all"; }
    tables.checked = msg.on;
    refilter();
  });
  var tables = document.querySelector('[data-action="table-numbers"]');
  tables.addEventListener("change", function () {
    rt.socket.timeout(5000).emit("table_numbers_set", { on: tables.checked }, function () {});
  });

  var askScope = document.querySelector('[data-action="ask-scope"]');
  askScope.addEventListener("change", function () {
    rt.socket.timeout(5000).emit("scope_set", { on: askScope.checked }, function () {});
  });
  rt.socket.on("box_state", function (msg) { askScope.checked = !!msg.ask_scope; });

  var box = document.querySelector('[data-action="box-open"]');
  box.addEventListener("change", function () {
    rt.socket.timeout(5000).emit("box_set", { open: box.checked }, function () {});
  });
  rt.socket.on("box_state", function (msg) { box.checked = msg.open; });

  document.querySelectorAll('[data-action="projector-view"]').forEach(function (radio) {
    radio.addEventListener("change", function () {
      rt.socket.timeout(5000).emit("projector_view_set", { view: radio.value }, function () {});
    });
  });
  rt.socket.on("projector_view", function (msg) {
    var radio = document.querySelector('[data-action="projector-view"][value="' + msg.view + '"]');
    if (radio) { radio.checked = true; }
  });
  refilter();
  loadStacks();
})();
