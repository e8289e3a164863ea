/* The facilitator's rotation page: say when the list or the rounds changed elsewhere
 * (a phone checked in, another facilitator) instead of redrawing under the cursor. */
(function () {
  "use strict";
  var notice = document.querySelector("[data-rotation-stale]");
  if (!notice) { return; }
  var rt = new Realtime(Realtime.pageAuth());
  var shown = { people: notice.dataset.people, present: notice.dataset.present, round: notice.dataset.round };
  rt.socket.on("seating", function (msg) {
    var now = { people: String(msg.people), present: String(msg.present), round: String(msg.round) };
    notice.hidden = now.people === shown.people && now.present === shown.present && now.round === shown.round;
  });
})();
