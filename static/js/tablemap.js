/* The projector's table map: "name -> table" for the current round, sorted by
 * name, in columns. When the room is larger than one screen, pages turn every
 * ten seconds, each page titled with its first and last name. */
(function () {
  "use strict";
  var panel = document.querySelector('[data-view-panel="tables"]');
  if (!panel) { return; }
  var rt = window.facilitatorPage;
  var msg = panel.dataset;
  var list = panel.querySelector("[data-map]");
  var title = panel.querySelector("[data-map-title]");
  var pageLine = panel.querySelector("[data-map-page]");
  var PAGE_MS = 10000;
  var people = [];
  var page = 0;
  var map = null;

  function text(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, k) { return values[k]; });
  }
  function perPage() {
    // Rows of about 4.4 % of the screen height, three columns (see .map-names).
    var rows = Math.max(4, Math.floor((window.innerHeight * 0.74) / (window.innerHeight * 0.044)));
    return rows * 3;
  }
  function render() {
    list.textContent = "";
    pageLine.textContent = "";
    if (!map || !map.round) { title.textContent = msg.msgNone; return; }
    title.textContent = text(msg.msgRound, { n: map.round, m: map.rounds });
    // A small room gets bigger rows in two columns (10 rows of 7 % each hold 20 names).
    list.classList.toggle("few", people.length <= 20);
    var size = people.length <= 20 ? 20 : perPage();
    var pages = Math.max(1, Math.ceil(people.length / size));
    page = page % pages;
    people.slice(page * size, (page + 1) * size).forEach(function (p) {
      var li = document.createElement("li");
      li.setAttribute("data-map-table", String(p.table));
      var name = document.createElement("span");
      name.className = "map-name";
      name.textContent = p.name;
      var where = document.createElement("span");
      where.className = "map-table";
      var swatch = document.createElement("span");
      swatch.className = "swatch tc-" + p.colour;
      swatch.setAttribute("aria-hidden", "true");
      where.appendChild(swatch);
      where.appendChild(document.createTextNode(String(p.table)));
      where.setAttribute("title", text(msg.msgTable, { n: p.table }));
      li.appendChild(name);
      li.appendChild(where);
      list.appendChild(li);
    });
    if (pages > 1) { pageLine.textContent = text(msg.msgPage, { n: page + 1, m: pages }); }
  }
  rt.socket.on("table_map", function (payload) {
    map = payload;
    people = payload.people || [];
    page = 0;
    render();
  });
  // The server sends names only while the map shows; leaving it forgets them here too.
  rt.socket.on("projector_view", function (v) {
    if (v.view !== "tables") { map = null; people = []; render(); }
  });
  setInterval(function () {
    if (!panel.hidden && people.length > perPage()) { page += 1; render(); }
  }, PAGE_MS);
  window.addEventListener("resize", render);
})();
