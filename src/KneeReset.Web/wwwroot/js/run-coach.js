// The interval coach for a return-to-running stage: turns the server-rendered table of run and
// walk intervals into a countdown on one screen: what to do now, for how long, what comes next
// and interval i of n; a spoken cue and a tone at each change (player-device.js); the screen kept
// awake; the start time kept on this device, so a reload carries on the same interval.
// Without this file the page is a plain table with a "Log this run" link, and works the same.
(function () {
  "use strict";
  var page = document.querySelector("[data-run-coach]");
  if (!page) { return; }

  var $ = function (id) { return document.getElementById(id); };
  var coach = $("coach");
  var startButton = $("coach-start");
  var pauseButton = $("coach-pause");
  var device = window.KneeResetDevice;
  // Keyed by the address, which holds the private token and the stage.
  var SAVED = "kneereset-run:" + window.location.pathname;
  var SAVED_FOR_MS = 6 * 60 * 60 * 1000;
  // A test replaces the clock (window.__coachClock.now()) to run a half-hour stage in seconds.
  var clock = window.__coachClock || { now: function () { return Date.now(); } };

  var intervals = Array.prototype.map.call(page.querySelectorAll(".run-interval"), function (row) {
    return { kind: row.getAttribute("data-kind"), seconds: parseInt(row.getAttribute("data-seconds"), 10) || 0 };
  });
  if (intervals.length === 0) { return; }
  var total = intervals.reduce(function (sum, x) { return sum + x.seconds; }, 0);

  // The run is a start time and the time spent paused: where it is now follows from the clock alone.
  var run = null; // { startedAt, pausedMs, pausedAt }
  var shown = -1, timer = null;

  var WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];

  function duration(seconds) {
    var minutes = seconds / 60;
    if (seconds % 60 !== 0) { return seconds + " seconds"; }
    return (WORDS[minutes] || String(minutes)) + (minutes === 1 ? " minute" : " minutes");
  }
  function label(interval) {
    return (interval.kind === "run" ? "Run" : "Walk") + " for " + duration(interval.seconds);
  }
  function clockText(seconds) {
    var s = Math.max(0, Math.ceil(seconds));
    return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }

  function elapsed() {
    var now = run.pausedAt !== null ? run.pausedAt : clock.now();
    return Math.max(0, (now - run.startedAt - run.pausedMs) / 1000);
  }

  // The interval at this many seconds in, and the seconds left of it; intervals.length when done.
  function position(seconds) {
    var end = 0;
    for (var i = 0; i < intervals.length; i++) {
      end += intervals[i].seconds;
      if (seconds < end) { return { index: i, left: end - seconds }; }
    }
    return { index: intervals.length, left: 0 };
  }

  function say(text, withTone) {
    $("coach-announcer").textContent = "";
    window.setTimeout(function () { $("coach-announcer").textContent = text; }, 50);
    if (withTone !== null) { device.cue(text, withTone); }
  }

  function save() {
    device.remember(SAVED, run);
  }

  function render() {
    var seconds = elapsed();
    var at = position(seconds);
    var done = at.index >= intervals.length;
    var interval = intervals[at.index];
    var next = intervals[at.index + 1];
    $("coach-progress").value = Math.round(100 * Math.min(seconds, total) / total);
    $("coach-position").textContent = done ? "All " + intervals.length + " intervals done" : "Interval " + (at.index + 1) + " of " + intervals.length;
    $("coach-kind").textContent = done ? "Done: well done" : interval.kind === "run" ? "Run" : "Walk";
    $("coach-big").textContent = done ? "" : clockText(at.left);
    $("coach-big-unit").textContent = done ? "" : interval.kind === "run" ? "running" : "walking";
    $("coach-next").textContent = done ? "" : "Next: " + (next ? label(next) : "finish");
    $("coach-done").hidden = !done;
    pauseButton.disabled = done;
    $("coach-skip").disabled = done;
    pauseButton.textContent = run.pausedAt !== null ? "Resume" : "Pause";
    return at.index;
  }

  // Renders the moment; at a change of interval, cues it (null: on screen and for screen readers only).
  function update(withCue) {
    var index = render();
    if (index === shown) { return; }
    shown = index;
    var done = index >= intervals.length;
    say(done ? "Done: well done" : label(intervals[index]), withCue);
    if (done) {
      window.clearInterval(timer);
      device.letSleep();
      device.remember(SAVED, null);
    }
  }

  function open() {
    coach.hidden = false;
    startButton.hidden = true;
    window.clearInterval(timer);
    timer = window.setInterval(function () { update(true); }, 250);
    coach.scrollIntoView({ block: "start" });
    $("coach-kind").focus({ preventScroll: true });
    if (run.pausedAt === null) { device.keepAwake(); }
  }

  function start() {
    run = { startedAt: clock.now(), pausedMs: 0, pausedAt: null };
    shown = -1;
    save();
    open();
    update(true);
  }

  function togglePause() {
    if (!run || position(elapsed()).index >= intervals.length) { return; }
    if (run.pausedAt === null) {
      run.pausedAt = clock.now();
      device.letSleep();
    } else {
      run.pausedMs += clock.now() - run.pausedAt;
      run.pausedAt = null;
      device.keepAwake();
    }
    save();
    say(run.pausedAt !== null ? "Paused" : "Resumed", false);
    render();
  }

  // Skip: on to the start of the next interval, by moving the start time back.
  function skip() {
    var at = position(elapsed());
    if (at.index >= intervals.length) { return; }
    run.startedAt -= at.left * 1000;
    save();
    update(true);
  }

  device.setUp($("coach-speech"), $("coach-sound"), true);
  startButton.hidden = false;
  startButton.addEventListener("click", function () { if (coach.hidden) { start(); } });
  pauseButton.addEventListener("click", togglePause);
  $("coach-skip").addEventListener("click", skip);
  $("coach-restart").addEventListener("click", start);
  document.addEventListener("keydown", function (event) {
    if (coach.hidden || event.key !== " " || /INPUT|TEXTAREA|SELECT|BUTTON|SUMMARY|A/.test(event.target.tagName)) { return; }
    event.preventDefault();
    togglePause();
  });
  // The wake lock is dropped when the phone locks or the tab hides: take it again on return.
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible" && run && run.pausedAt === null && !coach.hidden) { device.keepAwake(); }
  });

  // After a reload the run carries on from its start time: the same interval, the same seconds left.
  var state = device.recall(SAVED);
  if (state && typeof state.startedAt === "number" && clock.now() - state.startedAt < SAVED_FOR_MS) {
    run = { startedAt: state.startedAt, pausedMs: state.pausedMs || 0, pausedAt: typeof state.pausedAt === "number" ? state.pausedAt : null };
    open();
    // The interval is already under way: shown and announced, not cued again.
    update(null);
  }

  device.keepOffline(page);
})();
