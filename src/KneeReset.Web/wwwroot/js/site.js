// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // "None of these" and the other boxes of the same question exclude each other.
  document.querySelectorAll("[data-none-group]").forEach(function (group) {
    var none = group.querySelector("input[data-none]");
    var others = Array.prototype.filter.call(group.querySelectorAll("input[type=checkbox]"), function (box) { return box !== none; });
    if (!none) { return; }
    none.addEventListener("change", function () {
      if (none.checked) { others.forEach(function (box) { box.checked = false; }); }
    });
    others.forEach(function (box) {
      box.addEventListener("change", function () { if (box.checked) { none.checked = false; } });
    });
  });

  // The knee picture mirrors the location checkboxes; the checkboxes stay the source of truth.
  document.querySelectorAll(".knee-svg").forEach(function (svg) {
    var regions = svg.querySelectorAll(".region");
    function boxFor(region) { return document.getElementById("location-" + region.getAttribute("data-value")); }
    function sync() {
      regions.forEach(function (region) {
        var box = boxFor(region);
        region.classList.toggle("chosen", !!(box && box.checked));
      });
    }
    regions.forEach(function (region) {
      var box = boxFor(region);
      if (!box) { return; }
      region.addEventListener("click", function () { box.checked = !box.checked; sync(); });
      box.addEventListener("change", sync);
    });
    sync();
  });

  // Distance fields name the unit as the runner picks it (the server names the saved one).
  document.querySelectorAll("input[name='unit']").forEach(function (radio) {
    radio.addEventListener("change", function () {
      if (!radio.checked) { return; }
      document.querySelectorAll("[data-distance]").forEach(function (label) { label.textContent = radio.value === "miles" ? "miles" : "km"; });
    });
  });

  // Focus the error summary so screen readers announce it.
  var summary = document.querySelector(".error-summary");
  if (summary) { summary.focus(); }
})();

// Copy and print buttons: hidden without JavaScript, where the link can be copied by hand.
(function () {
  "use strict";
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field || !navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(function () {
        button.textContent = "Copied";
        window.setTimeout(function () { button.textContent = "Copy link"; }, 2000);
      });
    });
  });
  // The wrapper holds the separator too, so a page without JS shows no stray " · ".
  document.querySelectorAll("[data-print]").forEach(function (wrapper) {
    wrapper.hidden = false;
    wrapper.querySelector("button").addEventListener("click", function () { window.print(); });
  });
})();
