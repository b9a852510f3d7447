// The routine player: turns the server-rendered list of steps into one exercise at a time,
// with countdowns for holds and rests, set, side and rep counters, announcements for screen
// readers, an optional sound, the screen kept awake and variation swaps. Without this file
// the page is a plain ordered list with a log form, and works the same.
(function () {
  "use strict";
  var page = document.querySelector("[data-player]");
  if (!page) { return; }

  var $ = function (id) { return document.getElementById(id); };
  var player = $("player");
  var startButton = $("player-start");
  var pauseButton = $("player-pause");
  var announcer = $("player-announcer");
  var GET_READY = 5;

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
      // Pace of one rep, from the server (the same figure the routine's duration is worked out with).
      secondsPerRep: parseInt(li.getAttribute("data-seconds-per-rep"), 10),
      instructions: Array.prototype.map.call(li.querySelectorAll(":scope > .instructions li"), function (x) { return x.textContent; }),
      variations: variations,
      swapped: null
    };
  });
  if (steps.length === 0) { return; }

  // The session as a flat list of phases: get ready, work (each set, each side), rest.
  function buildPhases() {
    var list = [];
    steps.forEach(function (step, index) {
      list.push({ type: "ready", step: index, seconds: GET_READY });
      for (var set = 1; set <= step.sets; set++) {
        var sides = step.perSide ? ["Left side", "Right side"] : [""];
        sides.forEach(function (side, sideIndex) {
          list.push({ type: "work", step: index, set: set, side: side, seconds: step.hold, reps: step.reps });
          if (step.perSide && sideIndex === 0) {
            list.push({ type: "switch", step: index, set: set, seconds: GET_READY });
          }
        });
        if (set < step.sets && step.rest > 0) {
          list.push({ type: "rest", step: index, set: set, seconds: step.rest });
        }
      }
    });
    list.push({ type: "done" });
    return list;
  }

  var phases = buildPhases();
  var current = 0;
  var remaining = 0;
  var repsDone = 0;
  var paused = false;
  var timer = null;
  var wakeLock = null;
  var audio = null;

  function announce(text) {
    announcer.textContent = "";
    window.setTimeout(function () { announcer.textContent = text; }, 50);
  }

  function beep() {
    if (!$("player-sound").checked) { return; }
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      var osc = audio.createOscillator();
      var gain = audio.createGain();
      osc.frequency.value = 880;
      gain.gain.value = 0.15;
      osc.connect(gain);
      gain.connect(audio.destination);
      osc.start();
      osc.stop(audio.currentTime + 0.15);
    } catch (e) { /* no sound available: announcements still work */ }
  }

  function keepAwake() {
    if (!("wakeLock" in navigator) || wakeLock) { return; }
    navigator.wakeLock.request("screen").then(function (lock) {
      wakeLock = lock;
      lock.addEventListener("release", function () { wakeLock = null; });
    }).catch(function () { /* not allowed here: the player still works */ });
  }

  function letSleep() {
    if (wakeLock) { wakeLock.release(); wakeLock = null; }
  }

  function exerciseOf(step) {
    var chosen = step.swapped ? step.variations[step.swapped] : null;
    return chosen ? { name: chosen.name, instructions: chosen.instructions } : { name: step.name, instructions: step.instructions };
  }

  function render() {
    var phase = phases[current];
    var workPhases = phases.filter(function (p) { return p.type === "work"; }).length;
    var workDone = phases.slice(0, current).filter(function (p) { return p.type === "work"; }).length;
    $("player-progress").value = Math.round(100 * workDone / workPhases);
    $("player-position").textContent = workDone + " of " + workPhases + " sets done";
    if (phase.type === "done") {
      $("player-exercise-count").textContent = "";
      $("player-name").textContent = "Well done: routine complete";
      ["player-set", "player-side", "player-big", "player-tempo"].forEach(function (id) { $(id).textContent = ""; });
      $("player-reps").hidden = true;
      $("player-instructions").innerHTML = "";
      $("player-swap").innerHTML = "";
      pauseButton.disabled = true;
      return;
    }
    var step = steps[phase.step];
    var exercise = exerciseOf(step);
    pauseButton.disabled = false;
    $("player-exercise-count").textContent = "Exercise " + (phase.step + 1) + " of " + steps.length;
    $("player-name").textContent = phase.type === "ready" ? "Get ready: " + exercise.name
      : phase.type === "rest" ? "Rest" : phase.type === "switch" ? "Switch sides" : exercise.name;
    $("player-set").textContent = phase.set ? "Set " + phase.set + " of " + step.sets : step.sets + (step.sets === 1 ? " set" : " sets");
    $("player-side").textContent = phase.side || "";
    $("player-tempo").textContent = phase.type === "work" && step.tempo ? "Tempo: " + step.tempo : "";
    var counting = phase.type === "work" && !phase.seconds;
    $("player-reps").hidden = !counting;
    $("player-big").textContent = counting ? repsDone + " / " + phase.reps + " reps" : remaining + " s";
    $("player-instructions").innerHTML = "";
    exercise.instructions.forEach(function (line) {
      var li = document.createElement("li");
      li.textContent = line;
      $("player-instructions").appendChild(li);
    });
    $("player-swap").innerHTML = "";
    ["easier", "harder"].forEach(function (kind) {
      if (!step.variations[kind]) { return; }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button button-secondary";
      var active = step.swapped === kind;
      button.textContent = active ? "Back to " + step.name : "Swap for " + kind + ": " + step.variations[kind].name;
      button.addEventListener("click", function () {
        step.swapped = active ? null : kind;
        announce("Now doing " + exerciseOf(step).name);
        render();
      });
      $("player-swap").appendChild(button);
    });
    pauseButton.textContent = paused ? "Resume" : "Pause";
  }

  function describe(phase) {
    if (phase.type === "done") { return "Routine complete. Well done."; }
    var step = steps[phase.step];
    var name = exerciseOf(step).name;
    switch (phase.type) {
      case "ready": return "Next exercise: " + name + ". Starting in " + phase.seconds + " seconds.";
      case "rest": return "Rest for " + phase.seconds + " seconds.";
      case "switch": return "Switch sides.";
      default:
        return name + ", set " + phase.set + " of " + step.sets + (phase.side ? ", " + phase.side : "") +
          (phase.seconds ? ", hold for " + phase.seconds + " seconds." : ", " + phase.reps + " reps.");
    }
  }

  function go(index) {
    current = Math.max(0, Math.min(index, phases.length - 1));
    var phase = phases[current];
    remaining = phase.seconds || 0;
    repsDone = 0;
    render();
    announce(describe(phase));
    beep();
    if (phase.type === "done") {
      window.clearInterval(timer);
      letSleep();
      var log = $("log");
      if (log) { log.scrollIntoView({ behavior: "smooth" }); }
    }
  }

  function tick() {
    if (paused) { return; }
    var phase = phases[current];
    if (phase.type === "done") { return; }
    if (phase.type === "work" && !phase.seconds) {
      // Reps are counted by the runner's taps, with a gentle pace if they don't tap.
      remaining += 1;
      var pace = steps[phase.step].secondsPerRep;
      if (remaining % pace === 0 && repsDone < phase.reps) { repsDone += 1; render(); }
      if (repsDone >= phase.reps) { go(current + 1); }
      return;
    }
    remaining -= 1;
    if (remaining === 10 && phase.seconds > 20) { announce("10 seconds left"); }
    if (remaining <= 0) { go(current + 1); } else { render(); }
  }

  function start() {
    player.hidden = false;
    startButton.hidden = true;
    keepAwake();
    go(0);
    window.clearInterval(timer);
    timer = window.setInterval(tick, 1000);
    $("player-name").focus();
  }

  function togglePause() {
    paused = !paused;
    announce(paused ? "Paused" : "Resumed");
    if (paused) { letSleep(); } else { keepAwake(); }
    render();
  }

  $("player-name").tabIndex = -1;
  startButton.hidden = false;
  startButton.addEventListener("click", start);
  pauseButton.addEventListener("click", togglePause);
  $("player-next").addEventListener("click", function () { go(current + 1); });
  $("player-back").addEventListener("click", function () { go(current - 1); });
  $("player-rep").addEventListener("click", function () {
    var phase = phases[current];
    repsDone += 1;
    remaining = 0;
    if (repsDone >= phase.reps) { go(current + 1); } else { render(); announce(repsDone + " of " + phase.reps); }
  });
  document.addEventListener("keydown", function (event) {
    // Typing in the log form is left alone; on a button, space presses that button as usual.
    if (player.hidden || /INPUT|TEXTAREA|SELECT/.test(event.target.tagName)) { return; }
    if (event.key === " " && event.target.tagName !== "BUTTON") { event.preventDefault(); togglePause(); }
    if (event.key === "ArrowRight") { go(current + 1); }
    if (event.key === "ArrowLeft") { go(current - 1); }
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible" && !paused && !player.hidden) { keepAwake(); }
  });

  // Keep the routine working offline once opened (a track with no signal).
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js").catch(function () { /* offline support is a bonus */ });
  }
})();
