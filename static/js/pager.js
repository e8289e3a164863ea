/* Pages of cards on the projector: as many as fit the box without scrolling,
   then the next ones, in turn. Shared by the note wall and the harvest.

   A card is never cut: after each card is added the box is measured, and the
   card that made it overflow goes to the next page. The page label says
   "1–12 av 148" from a template with {from}, {to} and {n}; with the option
   `counted` (item -> bool) it counts only those items ("Teman 1–6 av 19": the
   Övrigt card is shown but is no theme), and a page of none of them has no label. */
(function () {
  "use strict";

  function Pager(list, options) {
    this.list = list;
    this.render = options.render;           // item -> element
    this.label = options.label || null;     // element for "1–12 av 148"
    this.interval = options.interval || 12000;
    this.counted = options.counted || function () { return true; };
    this.items = [];
    this.start = 0;
    this.end = 0;
    this.timer = null;
  }

  /* Does the box need scrolling (down, or sideways for CSS columns)? */
  Pager.overflows = function (box) {
    return box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1;
  };

  /* Fill the box from item `start`; the index after the last card that fits. */
  Pager.prototype.fill = function (start) {
    var list = this.list;
    list.textContent = "";
    var i = start;
    for (; i < this.items.length; i += 1) {
      var card = this.render(this.items[i]);
      list.appendChild(card);
      if (Pager.overflows(list) && list.children.length > 1) { list.removeChild(card); break; }
    }
    this.start = start;
    this.end = Math.max(i, Math.min(start + 1, this.items.length));
    this.showLabel();
    return this.end;
  };

  Pager.prototype.showLabel = function () {
    if (!this.label) { return; }
    var before = 0, upTo = 0, total = 0;
    for (var i = 0; i < this.items.length; i += 1) {
      if (!this.counted(this.items[i])) { continue; }
      total += 1;
      if (i < this.start) { before += 1; }
      if (i < this.end) { upTo += 1; }
    }
    var paged = this.start > 0 || this.end < this.items.length;
    this.label.hidden = !paged || upTo === before;
    this.label.textContent = this.label.getAttribute("data-template")
      .replace("{from}", String(before + 1)).replace("{to}", String(upTo))
      .replace("{n}", String(total));
  };

  /* New items: keep the page (from its first card) unless told to go back to the start. */
  Pager.prototype.show = function (items, fromStart) {
    this.items = items;
    var start = fromStart || this.start >= items.length ? 0 : this.start;
    if (this.list.offsetParent === null) { this.start = start; return; }  // hidden: fill when shown
    this.fill(start);
    if (fromStart) { this.rotate(); }
  };

  Pager.prototype.next = function () {
    this.fill(this.end >= this.items.length ? 0 : this.end);
  };

  /* Turn the page every `interval` ms while there is more than one page. */
  Pager.prototype.rotate = function () {
    var self = this;
    clearInterval(this.timer);
    this.timer = setInterval(function () {
      if (self.list.offsetParent === null) { return; }
      if (self.start > 0 || self.end < self.items.length) { self.next(); }
    }, this.interval);
  };

  /* The box was just shown (or resized): lay the current page out again. */
  Pager.prototype.refresh = function () {
    if (this.list.offsetParent === null) { return; }
    this.fill(this.start < this.items.length ? this.start : 0);
    this.rotate();
  };

  window.Pager = Pager;
})();
