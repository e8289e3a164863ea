/* The facilitator's votes page: the bars and phone counts follow vote_results live; the form
   shows the question for a vote on themes and the text box for typed options only. */
(function () {
  "use strict";
  var body = document.body;
  var form = document.querySelector("[data-vote-form]");
  function showSourceFields() {
    var chosen = form.querySelector('input[name="source"]:checked');
    form.querySelectorAll("[data-vote-for]").forEach(function (group) {
      group.hidden = !!chosen && group.getAttribute("data-vote-for") !== chosen.value;
    });
  }
  form.addEventListener("change", showSourceFields);
  showSourceFields();
  var socket = io({ auth: { event: body.getAttribute("data-event"), role: "facilitator",
                            token: body.getAttribute("data-token") } });
  socket.on("vote_results", function (data) {
    data.results.forEach(function (r) {
      var bars = document.querySelector('[data-vote-bars="' + r.id + '"]');
      if (!bars) { return; }
      var peak = Math.max.apply(null, r.options.map(function (o) { return o.votes; }).concat([1]));
      r.options.forEach(function (o) {
        var li = bars.querySelector('[data-vote-option="' + o.id + '"]');
        if (!li) { return; }
        var bar = li.querySelector("progress");
        bar.max = peak;
        bar.value = o.votes;
        li.querySelector(".bar-count").textContent = String(o.votes);
      });
      var phones = document.querySelector('[data-vote-phones="' + r.id + '"]');
      if (phones) { phones.textContent = phones.textContent.replace(/^\d+/, String(r.phones)); }
    });
  });
})();
