/* The projector: timer and instruction come from realtime.js; here the note
   count, what comes next, full screen, and an optional chime at zero. */
(function () {
  "use strict";
  var rt = new Realtime(Realtime.pageAuth());
  var soundOn = false;
  var lastPhase = null;
  var audio = null;

  rt.socket.on("notes_count", function (msg) { Realtime.showCount(msg.count); });

  document.addEventListener("timer:state", function (e) {
    var next = document.querySelector("[data-next-step]");
    next.textContent = e.detail.next ? next.getAttribute("data-label") + " " + e.detail.next.title : "";
  });

  // A short two-tone chime when the timer reaches zero, only if switched on here.
  function chime() {
    audio = audio || new (window.AudioContext || window.webkitAudioContext)();
    [0, 0.35].forEach(function (offset, i) {
      var osc = audio.createOscillator();
      var gain = audio.createGain();
      osc.frequency.value = i ? 660 : 880;
      gain.gain.setValueAtTime(0.25, audio.currentTime + offset);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + offset + 0.6);
      osc.connect(gain).connect(audio.destination);
      osc.start(audio.currentTime + offset);
      osc.stop(audio.currentTime + offset + 0.6);
    });
  }

  var box = document.querySelector("[data-timer-box]");
  new MutationObserver(function () {
    var phase = box.getAttribute("data-status");
    if (soundOn && phase === "overtime" && lastPhase === "lastminute") { chime(); }
    lastPhase = phase;
  }).observe(box, { attributes: true, attributeFilter: ["data-status"] });

  document.querySelector('[data-action="sound"]').addEventListener("click", function () {
    soundOn = !soundOn;
    this.setAttribute("aria-pressed", String(soundOn));
    if (soundOn) { chime(); }   // also unlocks audio, which browsers allow only after a click
  });
  document.querySelector('[data-action="fullscreen"]').addEventListener("click", function () {
    if (document.fullscreenElement) { document.exitFullscreen(); }
    else { document.documentElement.requestFullscreen(); }
  });
  window.facilitatorPage = rt;
})();
