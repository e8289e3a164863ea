/* The projector: timer and instruction come from realtime.js; here the note count. */
(function () {
  "use strict";
  var rt = new Realtime(Realtime.pageAuth());
  rt.socket.on("notes_count", function (msg) { Realtime.showCount(msg.count); });
  window.facilitatorPage = rt;
})();
