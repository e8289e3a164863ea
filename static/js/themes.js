/* The themes page: find themes, rename, merge, split, delete, move notes (drag and drop, or
   choose notes and a theme and press Move), pin quotes, undo; a new theme of chosen notes and
   "Sort the rest" (the facilitator's themes take the other notes; unsure ones say "check"). Every change is one fetch to a
   JSON endpoint that answers the new board, which is then drawn again. */
(function () {
  "use strict";
  var root = document.querySelector("[data-themes]");
  var T = JSON.parse(document.querySelector("[data-theme-texts]").textContent);
  var list = root.querySelector("[data-theme-list]");
  var status = root.querySelector("[data-themes-status]");
  var moveTarget = root.querySelector("[data-move-target]");
  var warning = root.querySelector("[data-rerun-warning]");
  var scope = "all";
  var board = null;
  var busy = false;
  var newNotes = 0;

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (_m, key) { return values[key]; });
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function say(text, kind) {
    status.textContent = text || "";
    status.className = "notice" + (kind ? " " + kind : "");
  }

  // ---- talking to the server ----
  function load() {
    var url = root.getAttribute("data-board-url") + "?q=" + encodeURIComponent(scope);
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(draw)
      .catch(function () { say(T.offline, "error"); });
  }
  function post(action, payload, done, after) {
    if (busy) { return; }
    busy = true;
    list.setAttribute("aria-busy", "true");
    var url = root.getAttribute("data-action-url").replace("ACTION", action);
    fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json",
                 "X-CSRFToken": root.getAttribute("data-csrf") },
      body: JSON.stringify(Object.assign({ q: scope }, payload))
    }).then(function (r) {
      return r.json().then(function (body) { return { ok: r.ok, body: body }; });
    }).then(function (res) {
      busy = false;
      list.setAttribute("aria-busy", "false");
      if (!res.ok) { say(res.body.message || T.offline, "error"); return; }
      if (res.body.themes) { draw(res.body); }
      say(done || T.saved, "ok");
      if (after) { after(res.body); }
    }).catch(function () {
      busy = false;
      list.setAttribute("aria-busy", "false");
      say(T.offline, "error");
    });
  }

  // ---- drawing ----
  function count(n) { return n === 1 ? T.note_one : fill(T.notes, { n: n }); }

  function noteItem(note) {
    var li = el("li", { "class": "theme-note" + (note.review ? " review" : ""),
                        "data-note-id": note.id, draggable: "true",
                        "data-pinned": String(note.pinned), "data-starred": String(note.starred),
                        "data-by-hand": String(!!note.by_hand), "data-review": String(!!note.review),
                        "data-note-scope": note.scope || "" });
    // Copies of one note (the same text from several phones) are one entry with "×6", as on
    // the wall; choosing, moving or dragging it takes every copy along.
    var copies = note.copies || [];
    var box = el("input", { type: "checkbox", "data-note-select": "", "aria-label": T.choose_note });
    box.value = [note.id].concat(copies).join(" ");
    var pin = el("button", { type: "button", "class": "pin", "data-action": "note-pin",
                             "data-note-id": note.id, "aria-pressed": String(note.pinned),
                             "aria-label": T.pin, title: T.pin }, note.pinned ? "★" : "☆");
    var text = el("span", { "class": "theme-note-text" }, note.text);
    li.appendChild(box);
    li.appendChild(pin);
    li.appendChild(text);
    if (copies.length) {
      var n = copies.length + 1;
      li.appendChild(el("span", { "class": "note-copies", "data-note-copies": String(n), "aria-hidden": "true",
                                  title: fill(T.copies, { n: n }) }, "×" + n));
      li.appendChild(el("span", { "class": "visually-hidden" }, fill(T.copies, { n: n })));
    }
    if (note.review) {
      li.appendChild(el("span", { "class": "tag warn", title: T.check_title }, T.check));
      // Checked and right: it stays, now as placed by hand, and teaches the next sorting.
      li.appendChild(el("button", { type: "button", "class": "button small confirm",
                                    "data-action": "note-confirm", "data-note-ids": box.value,
                                    title: T.confirm_title }, T.confirm));
    }
    if (note.by_hand) { li.appendChild(el("span", { "class": "tag", title: T.by_hand_title }, T.by_hand)); }
    return li;
  }

  function card(theme) {
    var art = el("article", { "class": "theme-card" + (theme.other ? " other" : ""),
                              "data-theme-id": theme.id, "aria-label": theme.label });
    var head = el("header", { "class": "theme-head" });
    var pick = el("input", { type: "checkbox", "data-theme-select": "",
                             "aria-label": fill(T.choose_theme, { label: theme.label }) });
    pick.value = theme.id;
    var name = el("input", { type: "text", "class": "theme-label", "data-action": "theme-rename",
                             "data-theme-id": theme.id, "aria-label": T.name, maxlength: "200" });
    name.value = theme.label;
    name.setAttribute("data-saved", theme.label);
    var size = el("span", { "class": "theme-size", "data-theme-size": "" }, count(theme.size));
    head.appendChild(pick);
    head.appendChild(name);
    head.appendChild(size);
    if (theme.manual) { head.appendChild(el("span", { "class": "tag" }, T.edited)); }
    var tools = el("div", { "class": "theme-tools" });
    tools.appendChild(el("button", { type: "button", "class": "button small", "data-action": "theme-split",
                                     "data-theme-id": theme.id }, T.split));
    if (!theme.other) {   // Övrigt is where a deleted theme's notes go: it is not deleted itself
      tools.appendChild(el("button", { type: "button", "class": "button small danger-outline",
                                       "data-action": "theme-delete", "data-theme-id": theme.id }, T.delete));
    }
    head.appendChild(tools);
    art.appendChild(head);
    var ul = el("ul", { "class": "theme-notes" });
    theme.notes.forEach(function (n) { ul.appendChild(noteItem(n)); });
    art.appendChild(ul);
    return art;
  }

  function draw(data) {
    board = data;
    newNotes = 0;
    root.querySelector("[data-new-notes]").hidden = true;
    list.textContent = "";
    data.themes.forEach(function (t) { list.appendChild(card(t)); });
    if (data.unsorted.length) {
      var loose = card({ id: "", label: T.unsorted, other: false, manual: false,
                         size: data.unsorted.length, notes: data.unsorted });
      loose.classList.add("unsorted");
      loose.removeAttribute("data-theme-id");
      loose.querySelector(".theme-head").textContent = "";
      loose.querySelector(".theme-head").appendChild(el("h2", {}, T.unsorted + " (" + data.unsorted.length + ")"));
      list.appendChild(loose);
    }
    root.querySelector("[data-themes-empty]").hidden = data.themes.length > 0;
    root.querySelector('[data-action="themes-undo"]').disabled = !data.can_undo;
    root.querySelector('[data-action="themes-sort"]').disabled = !data.can_sort;
    var checks = list.querySelectorAll('[data-action="note-confirm"]').length;
    var next = root.querySelector('[data-action="review-next"]');
    next.hidden = !checks;
    next.textContent = fill(T.review_next, { n: checks });
    root.querySelector("[data-themes-summary]").textContent = data.themes.length ?
      // Övrigt is no theme: the count says what the summary (.docx) says
      fill(T.summary, { notes: data.notes_total,
                        themes: data.themes.filter(function (t) { return !t.other; }).length }) : "";
    moveTarget.textContent = "";
    moveTarget.appendChild(el("option", { value: "" }, T.choose_target));
    data.themes.forEach(function (t) {
      moveTarget.appendChild(el("option", { value: String(t.id) }, t.label + " (" + t.size + ")"));
    });
    list.setAttribute("aria-busy", "false");
    selectionChanged();
  }

  function chosen(selector, within) {
    var values = [];   // a stack's box holds every copy's id, space-separated
    Array.prototype.forEach.call((within || list).querySelectorAll(selector + ":checked"),
                                 function (box) { values = values.concat(box.value.split(" ")); });
    return values;
  }
  function selectionChanged() {
    var notes = chosen("[data-note-select]");
    root.querySelector('[data-action="theme-merge"]').disabled = chosen("[data-theme-select]").length < 2;
    root.querySelector('[data-action="note-move"]').disabled = !notes.length || !moveTarget.value;
    root.querySelector('[data-action="theme-create"]').disabled = !notes.length;
    root.querySelector("[data-selected-count]").textContent = notes.length ?
      fill(T.selected, { n: notes.length }) : "";
    list.querySelectorAll(".theme-note").forEach(function (li) {
      li.classList.toggle("chosen", li.querySelector("[data-note-select]").checked);
    });
  }

  // ---- actions ----
  function findThemes() {
    warning.hidden = true;
    say(T.working);
    post("find", {}, "");
  }
  function askBeforeFinding() {
    var manual = board ? board.manual_count : 0;
    var themes = board ? board.themes.length : 0;
    if (!themes) { findThemes(); return; }
    root.querySelector("[data-rerun-text]").textContent =
      fill(manual ? T.rerun : T.rerun_plain, { manual: manual, other: themes - manual });
    warning.hidden = false;
    warning.querySelector('[data-action="themes-find-confirm"]').focus();
  }
  function sortRest() {
    say(T.sorting);
    post("sort", {}, "", function (data) {
      say(data.review_count ? fill(T.sorted, { n: data.review_count }) : T.sorted_plain, "ok");
    });
  }
  function createTheme() {
    var input = root.querySelector("[data-new-theme-label]");
    post("create", { note_ids: chosen("[data-note-select]"), label: input.value }, T.created,
         function () { input.value = ""; });
  }
  function rename(input) {
    var label = input.value;
    if (label === input.getAttribute("data-saved")) { return; }
    input.setAttribute("data-saved", label);
    post("rename", { theme_id: parseInt(input.getAttribute("data-theme-id"), 10), label: label });
  }
  function nextToCheck(after) {
    // The next note marked "check" after ``after`` (or the first): in view, its button focused.
    var all = Array.prototype.slice.call(list.querySelectorAll('[data-action="note-confirm"]'));
    if (!all.length) { return; }
    var at = after ? all.findIndex(function (b) {
      return after.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING;
    }) : 0;
    showCheck(all[at < 0 ? 0 : at]);
  }
  function showCheck(button) {
    var note = button.closest(".theme-note");
    list.querySelectorAll(".theme-note.current").forEach(function (li) { li.classList.remove("current"); });
    note.classList.add("current");
    note.scrollIntoView({ block: "center" });
    button.focus();
  }
  function confirmNote(button) {
    var ids = button.getAttribute("data-note-ids").split(" ");
    var where = Array.prototype.indexOf.call(
      list.querySelectorAll('[data-action="note-confirm"]'), button);
    post("confirm", { note_ids: ids }, T.confirmed, function () {
      var rest = list.querySelectorAll('[data-action="note-confirm"]');
      if (rest.length) { showCheck(rest[Math.min(where, rest.length - 1)]); }
    });
  }
  function move(noteIds, themeId) {
    if (!noteIds.length || !themeId) { return; }
    post("move", { note_ids: noteIds, theme_id: parseInt(themeId, 10) }, T.moved);
  }

  root.addEventListener("click", function (event) {
    var button = event.target.closest("[data-action], [data-scope]");
    if (!button || button.tagName === "INPUT") { return; }
    if (button.hasAttribute("data-scope")) {
      scope = button.getAttribute("data-scope");
      root.querySelectorAll("[data-scope]").forEach(function (b) {
        b.setAttribute("aria-pressed", String(b === button));
      });
      warning.hidden = true;
      say("");
      load();
      return;
    }
    var action = button.getAttribute("data-action");
    var themeId = parseInt(button.getAttribute("data-theme-id"), 10);
    if (action === "themes-find") { askBeforeFinding(); }
    if (action === "themes-find-confirm") { findThemes(); }
    if (action === "themes-find-cancel") { warning.hidden = true; }
    if (action === "themes-refresh") { load(); }
    if (action === "themes-undo") { post("undo", {}, T.undone); }
    if (action === "themes-sort") { sortRest(); }
    if (action === "theme-create") { createTheme(); }
    if (action === "themes-projector") { post("projector", {}, T.shown); }
    if (action === "theme-merge") {
      post("merge", { theme_ids: chosen("[data-theme-select]").map(Number) });
    }
    if (action === "theme-delete") { post("delete", { theme_id: themeId }); }
    if (action === "theme-split") {
      var art = button.closest("[data-theme-id]");
      post("split", { theme_id: themeId, note_ids: chosen("[data-note-select]", art) });
    }
    if (action === "note-pin") {
      post("pin", { note_id: button.getAttribute("data-note-id"),
                    pinned: button.getAttribute("aria-pressed") !== "true" });
    }
    if (action === "note-move") { move(chosen("[data-note-select]"), moveTarget.value); }
    if (action === "note-confirm") { confirmNote(button); }
    if (action === "review-next") {
      nextToCheck(document.activeElement && list.contains(document.activeElement) ?
                  document.activeElement : null);
    }
  });

  root.addEventListener("change", function (event) {
    if (event.target.matches('[data-action="theme-rename"]')) { rename(event.target); }
    if (event.target.matches("[data-note-select], [data-theme-select], [data-move-target]")) {
      selectionChanged();
    }
  });
  root.addEventListener("keydown", function (event) {
    var input = event.target;
    if (!input.matches('[data-action="theme-rename"]')) { return; }
    if (event.key === "Enter") { event.preventDefault(); rename(input); }
    if (event.key === "Escape") { input.value = input.getAttribute("data-saved"); input.blur(); }
  });

  // Drag and drop: a note (with the other chosen notes, when it is one of them) onto a theme.
  list.addEventListener("dragstart", function (event) {
    var li = event.target.closest("[data-note-id]");
    if (!li) { return; }
    var own = li.querySelector("[data-note-select]");
    var ids = own.checked ? chosen("[data-note-select]") : own.value.split(" ");
    event.dataTransfer.setData("text/plain", JSON.stringify(ids));
    event.dataTransfer.effectAllowed = "move";
  });
  list.addEventListener("dragover", function (event) {
    var target = event.target.closest(".theme-card[data-theme-id]");
    if (!target) { return; }
    event.preventDefault();
    list.querySelectorAll(".drop-target").forEach(function (c) { c.classList.remove("drop-target"); });
    target.classList.add("drop-target");
  });
  list.addEventListener("dragleave", function (event) {
    var target = event.target.closest(".theme-card");
    if (target && !target.contains(event.relatedTarget)) { target.classList.remove("drop-target"); }
  });
  list.addEventListener("drop", function (event) {
    var target = event.target.closest(".theme-card[data-theme-id]");
    if (!target) { return; }
    event.preventDefault();
    target.classList.remove("drop-target");
    var ids = [];
    try { ids = JSON.parse(event.dataTransfer.getData("text/plain")); } catch (e) { return; }
    move(ids, target.getAttribute("data-theme-id"));
  });

  // Notes still arriving: say how many are not in a theme yet, without redrawing under the
  // facilitator's hands; "Show them" draws the board again.
  if (window.Realtime && window.io) {
    var rt = new Realtime(Realtime.pageAuth());
    rt.socket.on("notes_added", function (msg) {
      var mine = msg.notes.filter(function (note) {
        return scope === "all" || String(note.question_id) === scope;
      });
      if (!mine.length) { return; }
      newNotes += mine.length;
      root.querySelector("[data-new-notes-text]").textContent = fill(T.new_notes, { n: newNotes });
      root.querySelector("[data-new-notes]").hidden = false;
    });
  }

  // Shared or own work: a filter of what the cards show (the themes stay as they are).
  var scopeFilter = document.querySelector("[data-scope-filter]");
  scopeFilter.addEventListener("change", function () {
    root.setAttribute("data-scope-filter", scopeFilter.value);
  });

  load();
})();
