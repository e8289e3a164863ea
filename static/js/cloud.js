/* The projector's word cloud: a real cloud layout (wordcloud2.js, vendored)
   that always fits its box. Size follows how many notes say a word or phrase;
   no word is drawn smaller than the smallest readable size: a word that finds
   no room at that size is left out rather than squeezed or cut. */
(function () {
  "use strict";
  var cloud = document.querySelector("[data-cloud]");
  var panel = cloud.closest("[data-view-panel]");
  var POLL_MS = 5000;
  var COLOURS = ["#f4f6fb", "#9fd3ff", "#ffd166", "#b8f2c9", "#ffb4a8"];
  // Named fonts only: a canvas (where wordcloud2 measures) does not resolve system-ui
  // as the page does, and a word measured narrower than it is drawn would stick out.
  var FONT = '"Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif';
  var poll = null;
  var lastKey = "";

  /* The readable range for this box: at least 24 px, ~28 px on a 1080p screen. */
  function sizes(box, words) {
    var smallest = Math.max(24, box.height / 38);
    var top = words.length ? words[0].word.length : 1;
    var largest = Math.max(smallest, Math.min(box.height / 6.5, box.width / (0.62 * top)));
    return { min: smallest, max: largest };
  }

  function sizer(range, high, low, scale) {
    return function (count) {
      if (count < low) { return range.min * count / low; }   // shrunk by wordcloud2: dropped
      var t = high > low ? (count - low) / (high - low) : 1;
      return range.min + (range.max - range.min) * scale * Math.pow(t, 0.9);
    };
  }

  function area(word, px) { return word.length * 0.56 * px * px * 1.1; }

  /* The biggest words that together take at most about 3/4 of the box; with fewer than
     MIN_WORDS the big end shrinks instead. Returns {words, weightFactor}. */
  var MIN_WORDS = 12;
  function plan(box, words, range) {
    var budget = 0.72 * box.width * box.height;
    var high = words.length ? words[0].count : 1;
    var low = words.length ? words[words.length - 1].count : 1;
    var size = sizer(range, high, low, 1);
    var used = 0, n = 0;
    while (n < words.length && used + area(words[n].word, size(words[n].count)) <= budget) {
      used += area(words[n].word, size(words[n].count));
      n += 1;
    }
    var chosen = words.slice(0, Math.max(n, Math.min(MIN_WORDS, words.length)));
    var scale = 1;
    for (var tries = 0; tries < 10 && total(chosen, sizer(range, high, low, scale)) > budget; tries += 1) {
      scale *= 0.8;
    }
    return { words: chosen, weightFactor: sizer(range, high, low, scale) };
  }
  function total(words, size) {
    return words.reduce(function (sum, w) { return sum + area(w.word, size(w.count)); }, 0);
  }

  /* The grid may reach a little past the box: a word that does not fit wholly goes. */
  function dropOverflow() {
    var box = cloud.getBoundingClientRect();
    cloud.querySelectorAll("span").forEach(function (span) {
      var r = span.getBoundingClientRect();
      if (r.left < box.left || r.top < box.top || r.right > box.right || r.bottom > box.bottom) {
        span.remove();
      }
    });
  }

  function colour(word) {
    var h = 0;
    for (var i = 0; i < word.length; i += 1) { h = (h * 31 + word.charCodeAt(i)) % 9973; }
    return COLOURS[h % COLOURS.length];
  }

  function draw(words) {
    panel.querySelector("[data-cloud-empty]").hidden = words.length > 0;
    var box = cloud.getBoundingClientRect();
    var key = JSON.stringify(words) + box.width + "x" + box.height;
    if (key === lastKey || !box.width || !box.height) { return; }   // nothing new to lay out
    lastKey = key;
    cloud.removeAttribute("data-cloud-ready");
    if (!words.length || !window.WordCloud || !WordCloud.isSupported) {
      cloud.textContent = "";
      cloud.setAttribute("data-cloud-ready", "");
      return;
    }
    var range = sizes(box, words);
    var layout = plan(box, words, range);
    WordCloud(cloud, {
      list: layout.words.map(function (w) {
        return { word: w.word, weight: w.count, attributes: { "data-count": String(w.count) } };
      }),
      fontFamily: FONT, fontWeight: "700", color: colour,
      weightFactor: layout.weightFactor, minSize: range.min - 0.5,
      gridSize: Math.max(6, Math.round(range.min / 3)), rotateRatio: 0, shuffle: false,
      drawOutOfBound: false, shrinkToFit: true, backgroundColor: "rgba(0,0,0,0)",
      shape: "square", ellipticity: 0.6
    });
  }
  cloud.addEventListener("wordcloudstop", function () {
    dropOverflow();
    cloud.setAttribute("data-cloud-ready", "");
  });

  function load() {
    fetch(cloud.getAttribute("data-url"), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) { draw(data.words); } })
      .catch(function () { /* keep the last cloud until the network is back */ });
  }

  document.addEventListener("projector:view", function (e) {
    clearInterval(poll);
    if (e.detail.view === "cloud") { lastKey = ""; load(); poll = setInterval(load, POLL_MS); }
  });
  window.addEventListener("resize", function () { if (!panel.hidden) { lastKey = ""; load(); } });
})();
