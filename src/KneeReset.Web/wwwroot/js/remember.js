// "Remember on this device" (issue 25): the runner's private page, kept in this browser's
// localStorage only, never in a cookie and never sent to the server by this file. Opt-in on the
// private page, with "forget"; the home page then offers "Continue where you left off", and the
// public player logs to the remembered private page. Without JavaScript nothing here shows, and
// the public player's notice says the session joins no history.
(function () {
  "use strict";
  var KEY = "kneereset.private";
  var TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

  function read() {
    try {
      var token = window.localStorage.getItem(KEY);
      return token && TOKEN.test(token) ? token : null;
    } catch (e) {
      return null; // storage switched off: behave as if nothing is remembered
    }
  }
  function write(token) {
    try {
      if (token) { window.localStorage.setItem(KEY, token); } else { window.localStorage.removeItem(KEY); }
      return true;
    } catch (e) {
      return false;
    }
  }
  function show(element, visible) { if (element) { element.hidden = !visible; } }

  // The private page: the opt-in and the forget control.
  document.querySelectorAll("[data-remember]").forEach(function (section) {
    var token = section.getAttribute("data-remember");
    var status = section.querySelector("[data-remember-status]");
    function render() {
      var here = read() === token;
      show(section.querySelector("[data-remember-off]"), !here);
      show(section.querySelector("[data-remember-on]"), here);
    }
    section.querySelector("[data-remember-save]").addEventListener("click", function () {
      status.textContent = write(token) ? "Remembered on this device." : "This browser doesn't allow storing it.";
      render();
    });
    section.querySelector("[data-remember-forget]").addEventListener("click", function () {
      write(null);
      status.textContent = "Forgotten on this device.";
      render();
    });
    render();
    section.hidden = false;
  });

  // A re-taken result: a device that remembered it follows the runner to the newer one.
  document.querySelectorAll("[data-remember-moved-from]").forEach(function (banner) {
    var to = banner.getAttribute("data-remember-moved-to");
    if (read() === banner.getAttribute("data-remember-moved-from") && TOKEN.test(to)) { write(to); }
  });

  // Deleting the remembered result forgets it too, so "Continue" never leads to a missing page.
  document.querySelectorAll("form[data-remember-forget-on-delete]").forEach(function (form) {
    form.addEventListener("submit", function () {
      var confirm = form.querySelector("input[name=confirm]");
      if ((!confirm || confirm.checked) && read() === form.getAttribute("data-remember-forget-on-delete")) { write(null); }
    });
  });

  // The home page: continue where you left off.
  document.querySelectorAll("[data-remember-continue]").forEach(function (section) {
    var token = read();
    if (!token) { return; }
    section.querySelector("[data-remember-link]").setAttribute("href", "/m/" + token);
    section.querySelector("[data-remember-forget]").addEventListener("click", function () {
      write(null);
      section.hidden = true;
    });
    section.hidden = false;
  });

  // The public player: log into the remembered private page instead of nowhere.
  document.querySelectorAll("[data-public-log]").forEach(function (notice) {
    var token = read();
    var form = document.querySelector("#log form");
    if (!token || !form) { return; }
    var slug = notice.getAttribute("data-public-log");
    form.setAttribute("action", "/m/" + token + "/play/" + encodeURIComponent(slug) + "#log");
    show(notice.querySelector("[data-log-nowhere]"), false);
    var there = notice.querySelector("[data-log-private]");
    there.querySelector("a").setAttribute("href", "/m/" + token);
    show(there, true);
  });
}());
