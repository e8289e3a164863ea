/* The projector's note wall: copies stacked ("×6"), featured cards first, then
   the newest; as many cards as fit, paged through the rest. The cards come
   from wall.json, fetched again shortly after notes arrive or change. */
(function () {
  "use strict";
  var rt = window.facilitatorPage;
  var wall = document.querySelector("[data-wall]");
  var panel = wall.closest("[data-view-panel]");
  var FETCH_AFTER_MS = 800;      // a burst of notes costs one fetch
  var seen = null;               // card id -> count, once the first fetch is drawn
  var pending = null;

  var pager = new Pager(wall, {
    render: card, interval: 12000, label: panel.querySelector("[data-wall-page]")
  });

  function card(c) {
    var li = document.createElement("li");
    li.setAttribute("data-note-id", c.id);
    var text = document.createElement("p");
    text.className = "wall-text";
    text.textContent = c.text;
    li.appendChild(text);
    if (c.count > 1) {
      var count = document.createElement("span");
      count.className = "wall-count";
      count.setAttribute("data-count", String(c.count));
      count.textContent = "×" + c.count;
      li.appendChild(count);
    }
    if (c.starred) { li.classList.add("starred"); }
    if (c.fresh) { li.classList.add("wall-new"); }
    return li;
  }

  function draw(data) {
    var before = seen;
    var fresh = false;
    seen = {};
    data.cards.forEach(function (c) {
      c.fresh = before !== null && before[c.id] !== c.count;
      fresh = fresh || c.fresh;
      seen[c.id] = c.count;
    });
    pager.show(data.cards, fresh);
    panel.querySelector("[data-wall-empty]").hidden = data.cards.length > 0;
  }

  function load() {
    pending = null;
    fetch(wall.getAttribute("data-url"), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) { draw(data); } })
      .catch(function () { /* keep the wall until the network is back */ });
  }
  function soon() { if (!pending) { pending = setTimeout(load, FETCH_AFTER_MS); } }

  rt.socket.on("wall", soon);             // on (re)connect
  load();
  rt.socket.on("notes_added", soon);
  rt.socket.on("note_updated", soon);
  document.addEventListener("projector:view", function (e) {
    if (e.detail.view === "wall") { pager.refresh(); soon(); }  // fresh: hidden notes stay out
  });
  window.addEventListener("resize", function () { pager.refresh(); });
})();
