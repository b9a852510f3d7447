// The routine player: turns the server-rendered list of steps into a coach on one screen: the
// exercise, a big countdown or rep counter, side and set, what comes next and progress; cues
// for screen readers and, if chosen, spoken or as a tone; the screen kept awake; the place
// saved on this device so a reload resumes it (player-device.js does the device's part).
// Without this file the page is a plain ordered list with a log form, and works the same.
(function () {
  "use strict";
  var page = document.querySelector("[data-player]");
  if (!page) { return; }

  var $ = function (id) { return document.getElementById(id); };
  var player = $("player");
  var startButton = $("player-start");
  var pauseButton = $("player-pause");
  var device = window.KneeResetDevice;
  var GET_READY = 5; // RoutineDosage.GetReadySeconds: the shown duration counts these seconds too
  var SAVED = "kneereset-player:" + window.location.pathname;
  var SAVED_FOR_MS = 6 * 60 * 60 * 1000;

  // Steps as data, read from the list the server rendered.
  var steps = Array.prototype.map.call(page.querySelectorAll(".play-step"), function (li) {
    var variations = {};
    li.querySelectorAll("[data-variation]").forEach(function (v) {
      variations[v.getAttribute("data-variation")] = {
        name: v.getAttribute("data-name"),
        instructions: Array.prototype.map.call(v.querySelectorAll(".instructions li"), function (x) { return x.textContent; })
      };
    });
    return {
      name: li.getAttribute("data-name"),
      sets: parseInt(li.getAttribute("data-sets"), 10) || 1,
      reps: parseInt(li.getAttribute("data-reps"), 10) || null,
      hold: parseInt(li.getAttribute("data-hold"), 10) || null,
      rest: parseInt(li.getAttribute("data-rest"), 10) || 0,
      perSide: li.getAttribute("data-per-side") === "true",
      tempo: li.getAttribute("data-tempo") || "",
      dosage: (li.querySelector(".dosage") || {}).textContent || "",
      // Pace of one rep, from the server (the same figure the routine's duration is worked out with).
      secondsPerRep: parseInt(li.getAttribute("data-seconds-per-rep"), 10) || 3,
      instructions: Array.prototype.map.call(li.querySelectorAll(":scope > .instructions li"), function (x) { return x.textContent; }),
      variations: variations,
      swapped: null
    };
  });
  if (steps.length === 0) { return; }

  // The session as a flat list of phases: get ready, work (each set, each leg), switch legs, rest.
  var phases = [];
  steps.forEach(function (step, index) {
    phases.push({ type: "ready", step: index, seconds: GET_READY });
    for (var set = 1; set <= step.sets; set++) {
      (step.perSide ? ["Left leg", "Right leg"] : [""]).forEach(function (side, sideIndex) {
        phases.push({ type: "work", step: index, set: set, side: side, seconds: step.hold, reps: step.reps });
        if (sideIndex === 0 && step.perSide) { phases.push({ type: "switch", step: index, set: set, seconds: GET_READY }); }
      });
      if (set < step.sets && step.rest > 0) { phases.push({ type: "rest", step: index, set: set, seconds: step.rest }); }
    }
  });
  phases.push({ type: "done" });
  var workTotal = phases.filter(function (p) { return p.type === "work"; }).length;
  var current = 0, remaining = 0, repsDone = 0, paused = false, timer = null;

  function exerciseOf(step) {
    var chosen = step.swapped ? step.variations[step.swapped] : null;
    return chosen || { name: step.name, instructions: step.instructions };
  }

  // Short words for one phase: the title on screen, the "Next:" line and the spoken cue share them.
  function label(phase) {
    if (!phase || phase.type === "done") { return "Log your session"; }
    var step = steps[phase.step];
    switch (phase.type) {
      case "ready": return "Get ready: " + exerciseOf(step).name;
      case "rest": return "Rest " + phase.seconds + " seconds";
      case "switch": return "Switch to your right leg";
      default: return (phase.side ? phase.side + ", set " : "Set ") + phase.set + " of " + step.sets;
    }
  }

  function spoken(phase) {
    if (phase.type === "done") { return "Routine complete. Well done."; }
    if (phase.type !== "work") { return label(phase) + "."; }
    var step = steps[phase.step];
    var last = step.sets > 1 && phase.set === step.sets && phase.side !== "Right leg" ? "Last set. " : "";
    return last + label(phase) + ". " + (phase.seconds ? "Hold for " + phase.seconds + " seconds." : phase.reps + " reps.");
  }

  function say(text, withTone) {
    $("player-announcer").textContent = "";
    window.setTimeout(function () { $("player-announcer").textContent = text; }, 50);
    device.cue(text, withTone);
  }

  function keepAwake() {
    if (!paused && !player.hidden) { device.keepAwake(); }
  }

  function save() {
    device.remember(SAVED, phases[current].type === "done" ? null : { phases: phases.length, current: current, remaining: remaining,
      repsDone: repsDone, swapped: steps.map(function (s) { return s.swapped; }), at: Date.now() });
  }

  function render() {
    var phase = phases[current];
    var workDone = phases.slice(0, current).filter(function (p) { return p.type === "work"; }).length;
    var done = phase.type === "done";
    $("player-progress").value = Math.round(100 * workDone / workTotal);
    $("player-position").textContent = (done ? "" : "Exercise " + (phase.step + 1) + " of " + steps.length + " · ") + workDone + " of " + workTotal + " sets done";
    var step = done ? null : steps[phase.step];
    var exercise = done ? null : exerciseOf(step);
    $("player-name").textContent = done ? "Well done: routine complete" : exercise.name;
    $("player-set").textContent = done ? "" : phase.type === "ready" ? "Get ready: " + step.dosage : label(phase);
    var counting = phase.type === "work" && !phase.seconds;
    $("player-big").textContent = done ? "" : counting ? repsDone + " / " + phase.reps : remaining + " s";
    $("player-big-unit").textContent = done ? "" : counting ? "reps" : phase.type === "work" ? "hold" : phase.type === "rest" ? "rest" : "get ready";
    $("player-reps").hidden = !counting;
    $("player-tempo").textContent = phase.type === "work" && step.tempo ? "Tempo: " + step.tempo : "";
    var next = phases[current + 1];
    $("player-next-up").textContent = done ? "" : "Next: " + (next && next.type === "ready" ? "new exercise, " + exerciseOf(steps[next.step]).name : label(next));
    // Finished: nothing left to pause or skip, and no exercise to explain.
    [pauseButton, $("player-next"), $("player-how")].forEach(function (el) { el.hidden = done; });
    pauseButton.textContent = paused ? "Resume" : "Pause";
    $("player-rep-undo").disabled = repsDone === 0;
    $("player-instructions").innerHTML = "";
    (done ? [] : exercise.instructions).forEach(function (line) {
      var li = document.createElement("li");
      li.textContent = line;
      $("player-instructions").appendChild(li);
    });
    $("player-swap").innerHTML = "";
    ["easier", "harder"].forEach(function (kind) {
      if (done || !step.variations[kind]) { return; }
      var button = document.createElement("button");
      var active = step.swapped === kind;
      button.type = "button";
      button.className = "button button-secondary";
      button.textContent = active ? "Back to " + step.name : "Swap for " + kind + ": " + step.variations[kind].name;
      button.addEventListener("click", function () {
        step.swapped = active ? null : kind;
        say("Now doing " + exerciseOf(step).name, false);
        render();
        save();
      });
      $("player-swap").appendChild(button);
    });
  }

  function go(index) {
    current = Math.max(0, Math.min(index, phases.length - 1));
    var phase = phases[current];
    remaining = phase.seconds || 0;
    repsDone = 0;
    render();
    save();
    say(spoken(phase), true);
    if (phase.type === "done") {
      window.clearInterval(timer);
      device.letSleep();
      var log = $("log");
      if (log) { log.scrollIntoView({ behavior: "smooth" }); }
    }
  }

  function tick() {
    var phase = phases[current];
    if (paused || phase.type === "done") { return; }
    if (phase.type === "work" && !phase.seconds) {
      // Reps are counted by the runner's taps, with a gentle pace if they don't tap.
      remaining += 1;
      if (remaining % steps[phase.step].secondsPerRep === 0 && repsDone < phase.reps) { repsDone += 1; render(); }
      if (repsDone >= phase.reps) { go(current + 1); } else { save(); }
      return;
    }
    remaining -= 1;
    if (remaining === 10 && phase.seconds > 20) { say("10 seconds left", false); }
    if (remaining <= 0) { go(current + 1); } else { render(); save(); }
  }

  // Opens the coach screen at the top of the viewport, with the clock running or paused.
  function open(startPaused) {
    player.hidden = false;
    startButton.hidden = true;
    paused = startPaused;
    window.clearInterval(timer);
    timer = window.setInterval(tick, 1000);
    player.scrollIntoView({ block: "start" });
    $("player-name").focus({ preventScroll: true });
    keepAwake();
  }

  function start() {
    if (!player.hidden) { return; } // already playing: never restart from zero
    open(false);
    go(0);
  }

  function togglePause() {
    if (phases[current].type === "done") { return; }
    paused = !paused;
    say(paused ? "Paused" : "Resumed", false);
    if (paused) { device.letSleep(); } else { keepAwake(); }
    render();
  }

  $("player-name").tabIndex = -1;
  device.setUp($("player-speech"), $("player-sound"));
  startButton.hidden = false;
  startButton.addEventListener("click", start);
  pauseButton.addEventListener("click", togglePause);
  $("player-next").addEventListener("click", function () { go(current + 1); });
  $("player-back").addEventListener("click", function () { go(current - 1); });
  $("player-restart").addEventListener("click", function () { paused = false; go(0); keepAwake(); });
  $("player-rep").addEventListener("click", function () {
    var phase = phases[current];
    repsDone += 1;
    remaining = 0;
    if (repsDone >= phase.reps) { go(current + 1); } else { render(); save(); say(repsDone + " of " + phase.reps, false); }
  });
  // A tap too many (or a rep the pace counted that wasn't done) is taken back.
  $("player-rep-undo").addEventListener("click", function () {
    if (repsDone === 0) { return; }
    repsDone -= 1; remaining = 0; render(); save(); say(repsDone + " of " + phases[current].reps, false);
  });
  document.addEventListener("keydown", function (event) {
    // Typing in the log form is left alone; on a button, space presses that button as usual.
    if (player.hidden || /INPUT|TEXTAREA|SELECT/.test(event.target.tagName)) { return; }
    if (event.key === " " && event.target.tagName !== "BUTTON" && event.target.tagName !== "SUMMARY") { event.preventDefault(); togglePause(); }
    if (event.key === "ArrowRight") { go(current + 1); }
    if (event.key === "ArrowLeft") { go(current - 1); }
  });
  // The wake lock is dropped when the phone locks or the tab hides: take it again on return.
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") { keepAwake(); }
  });

  // Back where the runner was after a reload (or the phone dropped the tab): paused, one tap resumes.
  var state = device.recall(SAVED);
  if (state && state.phases === phases.length && Date.now() - state.at < SAVED_FOR_MS) {
    steps.forEach(function (s, i) { s.swapped = state.swapped[i] || null; });
    current = Math.min(state.current, phases.length - 1);
    remaining = state.remaining;
    repsDone = state.repsDone;
    open(true);
    render();
    say("Welcome back. " + label(phases[current]) + ". Paused: press Resume to carry on.", false);
  }

  // Keep the routine working offline once opened (a track with no signal).
  device.keepOffline(page);
})();
