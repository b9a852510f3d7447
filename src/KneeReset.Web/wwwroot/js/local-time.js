// Times in the viewer's own zone. The server can't know it (pages are cached and shared), so it
// writes UTC and says so; without this file that text stays. See LocalTimeTagHelper.
(function () {
  "use strict";
  if (!window.Intl || !Intl.DateTimeFormat) { return; }
  // The page's language, in the browser's own regional form of it (en-GB, en-NZ, en-US).
  var lang = document.documentElement.lang || "en";
  var locale = (navigator.languages || [navigator.language]).filter(function (l) { return l && l.split("-")[0] === lang; })[0] || lang;

  // <time> elements, the history chart's SVG date labels, which carry the same attributes, and
  // options (which can hold no <time>): data-datetime, and data-local-before for the words before the date.
  document.querySelectorAll("[data-local][datetime], option[data-local][data-datetime]").forEach(function (time) {
    var show = time.getAttribute("data-local");
    var value = time.getAttribute("datetime") || time.getAttribute("data-datetime");
    var options = { day: "numeric", month: time.getAttribute("data-month") === "short" ? "short" : "long", year: "numeric" };
    if (show === "calendar") {
      // A calendar date has no zone: read and write it in UTC so it never moves across midnight.
      options.timeZone = "UTC";
      value += "T00:00:00Z";
    } else if (show === "minutes" || show === "seconds") {
      options.hour = "2-digit";
      options.minute = "2-digit";
      if (show === "seconds") { options.second = "2-digit"; }
      options.hourCycle = "h23";
      options.timeZoneName = "short";
    }
    var moment = new Date(value);
    if (isNaN(moment.getTime())) { return; }
    try {
      var local = new Intl.DateTimeFormat(locale, options).format(moment);
      if (show !== "calendar") { time.title = time.textContent; }
      time.textContent = (time.getAttribute("data-local-before") || "") + local;
    } catch (e) {
      // An engine without these options keeps the UTC text, which is still right.
    }
  });
})();
