/* The programme editor: drag-and-drop reordering (SortableJS) saved without a reload,
   and a confirmation before a step is deleted (the page then offers "Ångra"). The
   arrow buttons and plain forms keep working without JavaScript and from the keyboard. */
(function () {
  "use strict";
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
    });
  });

  var list = document.querySelector("[data-programme-editor]");
  if (!list || typeof Sortable === "undefined") { return; }

  function order() {
    return Array.prototype.map.call(list.querySelectorAll(":scope > li[data-step-id]"),
      function (li) { return parseInt(li.getAttribute("data-step-id"), 10); });
  }
  function refreshArrows() {
    var items = list.querySelectorAll(":scope > li");
    items.forEach(function (li, i) {
      var up = li.querySelector('button[value="up"]');
      var down = li.querySelector('button[value="down"]');
      if (up) { up.disabled = i === 0; }
      if (down) { down.disabled = i === items.length - 1; }
    });
  }
  function failed() {
    window.alert(list.getAttribute("data-failed"));
    window.location.reload();
  }

  Sortable.create(list, {
    handle: ".drag-handle", animation: 150,
    onEnd: function (evt) {
      if (evt.oldIndex === evt.newIndex) { return; }
      list.setAttribute("aria-busy", "true");
      fetch(list.getAttribute("data-order-url"), {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "application/json",
                   "X-CSRFToken": list.getAttribute("data-csrf") },
        body: JSON.stringify({ ids: order() })
      }).then(function (r) {
        list.setAttribute("aria-busy", "false");
        if (!r.ok) { failed(); return; }
        refreshArrows();
        list.setAttribute("data-saved-order", order().join(","));
      }).catch(failed);
    }
  });
})();
