/* The projector's vote view: a horizontal bar per option, live or once the vote closes.
   Open votes keep the options' order (bars do not jump while dots arrive); a closed
   vote shows the most dots first. The latest opened vote comes first. */
(function () {
  "use strict";
  var rt = window.facilitatorPage;
  var panel = document.querySelector("[data-view-panel='vote']");
  var box = panel.querySelector("[data-vote-results]");
  var empty = panel.querySelector("[data-vote-empty]");
  var label = function (name) { return panel.getAttribute(name); };

  function node(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) { n.className = cls; }
    if (text !== undefined) { n.textContent = text; }
    return n;
  }

  function phones(n) { return n === 1 ? label("data-label-one") : label("data-label-phones").replace("{n}", n); }

  function draw(r) {
    var article = node("article", "vote-result");
    article.setAttribute("data-vote-result", r.id);
    article.setAttribute("data-status", r.status);
    var head = node("h1", "projector-panel-title", r.title);
    article.appendChild(head);
    article.appendChild(node("p", "vote-phones", phones(r.phones) +
      (r.status === "closed" ? " · " + label("data-label-closed") : "")));
    if (r.dots === null) {
      article.appendChild(node("p", "vote-hidden", label("data-label-hidden")));
      return article;
    }
    var options = r.status === "closed" ? r.options.slice().sort(function (a, b) { return b.votes - a.votes; }) : r.options;
    var peak = Math.max.apply(null, options.map(function (o) { return o.votes; }).concat([1]));
    var list = node("ol", "vote-bars");
    options.forEach(function (o) {
      var li = node("li", "vote-bar");
      li.setAttribute("data-vote-option", o.id);
      li.setAttribute("data-votes", o.votes);
      li.appendChild(node("span", "vote-bar-label", o.label));
      var track = node("span", "vote-bar-track");
      var fill = node("span", "vote-bar-fill");
      fill.style.width = (100 * o.votes / peak).toFixed(1) + "%";
      track.appendChild(fill);
      li.appendChild(track);
      li.appendChild(node("span", "vote-bar-count", String(o.votes)));
      list.appendChild(li);
    });
    article.appendChild(list);
    return article;
  }

  function onResults(data) {
    box.textContent = "";
    var shown = data.results.slice().reverse();
    var current = shown.filter(function (r) { return r.status === "open"; });
    (current.length ? current : shown.slice(0, 1)).forEach(function (r) { box.appendChild(draw(r)); });
    empty.hidden = data.results.length > 0;
  }
  rt.socket.on("vote_results", onResults);
})();
