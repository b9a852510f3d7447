// "Save session" without a signal: the log form's own fields (its antiforgery token included)
// are kept on this device and sent when the browser is back online, and the runner is told so on
// the page. Nothing is dropped: a session that cannot be sent stays kept, and the page says why.
// Without JavaScript the form posts as usual. The outbox lives in localStorage (this browser
// only); each entry carries the address it posts to, so any private player can send it.
// Each form carries a client key (Input.ClientKey): a queued session keeps its key, so sending it
// again after a reply that never came back finds the session already stored (FollowUp/SessionLog)
// instead of storing it twice. A fresh key is set when the page opens (it may come from the
// worker's copy) and after each session kept here, so two different sessions never share one.
(function () {
  "use strict";
  var form = document.querySelector("#log form[method=post]");
  var notice = document.getElementById("log-outbox");
  if (!form || !notice || !window.fetch || !window.localStorage || !window.DOMParser) { return; }

  var KEY = "kneereset-outbox";
  var REQUIRED = [
    ["Input.PainUsual", "Choose how much the knee usually hurts on an ordinary day, 0 to 10."],
    ["Input.PainDuring", "Choose how much it hurt during the session, 0 to 10."],
    ["Input.Feeling", "Choose how the session felt."]
  ];
  var sending = false;

  function freshKey() {
    var field = form.querySelector("[data-client-key]");
    if (!field || !window.crypto || !window.crypto.getRandomValues) { return; }
    var bytes = window.crypto.getRandomValues(new Uint8Array(18));
    field.value = btoa(String.fromCharCode.apply(null, bytes)).replace(/\+/g, "-").replace(/\//g, "_");
  }

  // The day the session was done, as the runner's own clock says: the server only knows UTC, and a
  // session kept offline must keep its day, not take the day it is finally sent.
  function today() {
    var field = form.elements["Input.On"];
    if (!field || field.value) { return; }
    var now = new Date();
    field.value = now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" + String(now.getDate()).padStart(2, "0");
  }

  function read() {
    try { return JSON.parse(window.localStorage.getItem(KEY) || "[]"); } catch (e) { return []; }
  }
  function write(entries) {
    window.localStorage.setItem(KEY, JSON.stringify(entries));
  }

  function tell(text, link) {
    notice.tabIndex = -1;
    notice.textContent = text;
    if (link) {
      var a = document.createElement("a");
      a.href = link.href;
      a.textContent = link.text;
      notice.appendChild(document.createTextNode(" "));
      notice.appendChild(a);
    }
    notice.hidden = false;
  }

  function when(entry) {
    return new Date(entry.savedAt).toLocaleString(undefined, { weekday: "short", hour: "2-digit", minute: "2-digit" });
  }

  function post(entry) {
    return window.fetch(entry.url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(entry.fields).toString()
    });
  }

  // An antiforgery token no longer accepted (the browser was closed, its cookie gone): take a fresh one from the page.
  function withFreshToken(entry) {
    return window.fetch(entry.url, { credentials: "same-origin" }).then(function (r) { return r.ok ? r.text() : ""; }).then(function (html) {
      var input = new DOMParser().parseFromString(html, "text/html").querySelector("#log input[name=__RequestVerificationToken]");
      if (!input) { return null; }
      return { url: entry.url, savedAt: entry.savedAt, fields: entry.fields.map(function (f) { return f[0] === "__RequestVerificationToken" ? [f[0], input.value] : f; }) };
    });
  }

  // Sends one entry: "sent" (with where the session is), "kept" (try again later) or "refused" (kept, and the runner is told).
  function send(entry) {
    return post(entry).then(function (response) {
      if (response.redirected && /\/sessions\//.test(new URL(response.url).pathname)) { return { state: "sent", at: response.url }; }
      if (response.status === 400) {
        return withFreshToken(entry).then(function (fresh) {
          return fresh ? post(fresh).then(function (again) {
            return again.redirected ? { state: "sent", at: again.url } : { state: "refused" };
          }) : { state: "refused" };
        });
      }
      return { state: response.status >= 500 || response.status === 429 ? "kept" : "refused" };
    }, function () { return { state: "kept" }; });
  }

  function flush() {
    var entries = read();
    if (sending || entries.length === 0 || navigator.onLine === false) { return; }
    sending = true;
    var left = [], sent = [], refused = 0;
    entries.reduce(function (chain, entry) {
      return chain.then(function () {
        return send(entry).then(function (outcome) {
          if (outcome.state === "sent") { sent.push({ entry: entry, at: outcome.at }); return; }
          if (outcome.state === "refused") { entry.refused = true; refused += 1; }
          left.push(entry);
        });
      });
    }, Promise.resolve()).then(function () {
      // Entries saved while sending are kept as well.
      var added = read().filter(function (e) { return !entries.some(function (x) { return x.savedAt === e.savedAt && x.url === e.url; }); });
      write(left.concat(added));
      sending = false;
      if (refused > 0) {
        fill(left.filter(function (e) { return e.refused; })[0]);
        tell("A session kept on this device could not be sent as it was. It stays saved here and is filled in below: check it and press Save session.");
      } else if (left.length > 0) {
        tell("Your session is saved on this device and will be sent when you are back online.");
      } else if (sent.length > 0) {
        var last = sent[sent.length - 1];
        tell((sent.length === 1 ? "Your session from " + when(last.entry) + " was sent" : sent.length + " sessions kept on this device were sent") + ".",
          { href: new URL(last.at).pathname, text: "See the session" });
      }
    });
  }

  // A refused entry back in the form, so one press of "Save session" sends it; it is removed once saved.
  var prefilled = null;
  function fill(entry) {
    if (!entry) { return; }
    prefilled = entry;
    entry.fields.forEach(function (f) {
      if (f[0] === "__RequestVerificationToken") { return; }
      var field = form.elements[f[0]];
      if (field && "value" in field) { field.value = f[1]; }
    });
  }
  function forget(entry) {
    write(read().filter(function (e) { return !(e.savedAt === entry.savedAt && e.url === entry.url); }));
  }

  function missing() {
    for (var i = 0; i < REQUIRED.length; i++) {
      var field = form.elements[REQUIRED[i][0]];
      if (!field || !field.value) { return REQUIRED[i]; }
    }
    return null;
  }

  function keep() {
    var problem = missing();
    if (problem) {
      tell("You are offline. " + problem[1]);
      var first = form.elements[problem[0]];
      if (first && first[0]) { first[0].focus(); }
      return;
    }
    var fields = [];
    new FormData(form).forEach(function (value, name) { fields.push([name, String(value)]); });
    var entries = read();
    entries.push({ url: form.action.split("#")[0], savedAt: Date.now(), fields: fields });
    write(entries);
    form.reset();
    freshKey();
    today();
    tell("You are offline: your session is saved on this device and will be sent when you are back online.");
    notice.focus();
  }

  // Online as far as the browser knows: the post goes as usual, and is kept if the network then fails.
  function sendNow() {
    var entry = { url: form.action.split("#")[0], fields: [] };
    new FormData(form).forEach(function (value, name) { entry.fields.push([name, String(value)]); });
    post(entry).then(function (response) {
      if (response.redirected) {
        if (prefilled) { forget(prefilled); }
        window.location.assign(response.url);
      } else if (response.status === 200) {
        // Refused by validation: the server's log section, with its error summary, replaces this one.
        return response.text().then(function (html) {
          var log = new DOMParser().parseFromString(html, "text/html").getElementById("log");
          if (!log) { form.submit(); return; }
          document.getElementById("log").innerHTML = log.innerHTML;
          form = document.querySelector("#log form[method=post]");
          notice = document.getElementById("log-outbox");
          var summary = document.querySelector("#log .error-summary");
          if (summary) { summary.tabIndex = -1; summary.focus(); }
        });
      } else {
        form.submit(); // the server's own page for anything else
      }
    }, keep);
  }

  // On the section, not the form: a refused post's form replaces the first one.
  document.getElementById("log").addEventListener("submit", function (event) {
    if (event.target !== form) { return; }
    event.preventDefault();
    if (navigator.onLine === false) { keep(); } else { sendNow(); }
  });

  freshKey();
  today();
  window.addEventListener("online", flush);
  flush();
  if (read().length > 0 && navigator.onLine === false) {
    tell("A session is saved on this device and will be sent when you are back online.");
  }
})();
