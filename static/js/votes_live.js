/* The control page's open votes: live bars while the room places its dots.
   Drawn from vote_results (every tally, to facilitators only); closing and
   changing a vote stay on the votes page. */
(function () {
  "use strict";
  var el = Realtime.el;
  var rt = window.facilitatorPage;
  var box = document.querySelector("[data-vote-live]");
  if (!rt || !box) { return; }
  var list = box.querySelector("[data-vote-live-list]");

  function phones(n) {
    return n === 1 ? box.getAttribute("data-label-one")
      : box.getAttribute("data-label-phones").replace("{n}", String(n));
  }

  function draw(r) {
    var item = el("div", { "class": "vote-live-item", "data-vote-live-item": r.id });
    item.appendChild(el("p", { "class": "vote-live-title" }, r.title));
    item.appendChild(el("p", { "class": "muted small", "data-vote-live-phones": r.phones }, phones(r.phones)));
    var peak = Math.max.apply(null, r.options.map(function (o) { return o.votes; }).concat([1]));
    var bars = el("ul", { "class": "bars" });
    r.options.forEach(function (o) {
      var li = el("li", { "data-vote-option": o.id });
      li.appendChild(el("span", { "class": "bar-label" }, o.label));
      li.appendChild(el("progress", { max: peak, value: o.votes }, String(o.votes)));
      li.appendChild(el("span", { "class": "bar-count" }, String(o.votes)));
      bars.appendChild(li);
    });
    item.appendChild(bars);
    return item;
  }

  function onResults(data) {
    var open = data.results.filter(function (r) { return r.status === "open"; });
    list.textContent = "";
    open.forEach(function (r) { list.appendChild(draw(r)); });
    box.hidden = open.length === 0;
  }
  rt.socket.on("vote_results", onResults);
})();
