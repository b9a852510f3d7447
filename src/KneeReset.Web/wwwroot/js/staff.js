// Staff editor enhancement: drag and drop to reorder routine steps. The Move up / Move down
// buttons do the same without JavaScript; this only renumbers the fields after a drop.
(function () {
  "use strict";
  var list = document.querySelector("[data-step-list]");
  if (!list) { return; }
  var dragged = null;

  function renumber() {
    list.querySelectorAll("[data-step]").forEach(function (row, index) {
      row.querySelectorAll("[data-field]").forEach(function (input) {
        input.name = "Input.Steps[" + index + "]." + input.getAttribute("data-field");
      });
    });
  }

  list.addEventListener("dragstart", function (event) {
    dragged = event.target.closest("[data-step]");
    if (dragged) { dragged.classList.add("dragging"); event.dataTransfer.effectAllowed = "move"; }
  });
  list.addEventListener("dragover", function (event) {
    var over = event.target.closest("[data-step]");
    if (!dragged || !over || over === dragged) { return; }
    event.preventDefault();
    var after = event.clientY > over.getBoundingClientRect().top + over.offsetHeight / 2;
    list.insertBefore(dragged, after ? over.nextSibling : over);
  });
  list.addEventListener("dragend", function () {
    if (dragged) { dragged.classList.remove("dragging"); }
    dragged = null;
    renumber();
  });
})();
