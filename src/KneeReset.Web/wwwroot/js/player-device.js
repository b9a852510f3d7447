// What the routine player asks of the device: spoken cues (Web Speech API) and a short tone,
// each off by default and the choice remembered; the screen kept awake while playing (Wake
// Lock API); the player's place kept, so a reload resumes it. Each is guarded: where the
// browser lacks it, the player works without it. player.js decides what to say and when.
(function () {
  "use strict";
  var KEY = "kneereset-player-cues";

  function load() {
    try { return JSON.parse(window.localStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
  }
  function save(choice) {
    try { window.localStorage.setItem(KEY, JSON.stringify(choice)); } catch (e) { /* private mode: not remembered */ }
  }

  var choice = load();
  var canSpeak = "speechSynthesis" in window && "SpeechSynthesisUtterance" in window;
  var audio = null;
  var wakeLock = null;

  function tone() {
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
    } catch (e) { /* no sound available: the screen and the announcements still work */ }
  }

  function speak(text) {
    if (!canSpeak) { return; }
    // A new cue replaces one still being read out: the runner needs the latest.
    window.speechSynthesis.cancel();
    var utterance = new window.SpeechSynthesisUtterance(text);
    utterance.lang = document.documentElement.lang || "en";
    window.speechSynthesis.speak(utterance);
  }

  // Binds a checkbox to a remembered choice; until the runner chooses, `fallback` (the run coach
  // speaks by default: its phone is in a pocket).
  function bind(box, name, fallback) {
    if (!box) { return; }
    if (typeof choice[name] !== "boolean") { choice[name] = fallback === true; }
    box.checked = choice[name];
    box.addEventListener("change", function () {
      choice[name] = box.checked;
      save(choice);
      if (name === "speech" && box.checked) { speak("Spoken cues on"); }
    });
  }

  window.KneeResetDevice = {
    // The player's place, kept in this browser only (null forgets it).
    remember: function (key, state) {
      try {
        if (state) { window.localStorage.setItem(key, JSON.stringify(state)); } else { window.localStorage.removeItem(key); }
      } catch (e) { /* storage full or blocked: the player works, it just won't resume */ }
    },
    recall: function (key) {
      try { return JSON.parse(window.localStorage.getItem(key)); } catch (e) { return null; }
    },
    keepAwake: function () {
      if (!("wakeLock" in navigator) || wakeLock) { return; }
      wakeLock = "asking";
      navigator.wakeLock.request("screen").then(function (lock) {
        wakeLock = lock;
        lock.addEventListener("release", function () { wakeLock = null; });
      }).catch(function () { wakeLock = null; /* not allowed here: the player still works */ });
    },
    letSleep: function () {
      if (wakeLock && wakeLock.release) { wakeLock.release(); }
      wakeLock = null;
    },
    setUp: function (speechBox, toneBox, onByDefault) {
      if (!canSpeak && speechBox) { speechBox.closest("label").hidden = true; }
      bind(speechBox, "speech", onByDefault);
      bind(toneBox, "tone", onByDefault);
    },
    // Keeps this page and its files working offline once opened (a track with no signal): the
    // worker keeps them now, not only from the next visit; `page` is marked data-offline-ready then.
    keepOffline: function (page) {
      if (!("serviceWorker" in navigator)) { return; }
      navigator.serviceWorker.addEventListener("message", function (event) {
        if (event.data && event.data.type === "kept") { page.setAttribute("data-offline-ready", ""); }
      });
      navigator.serviceWorker.register("/sw.js").then(function () { return navigator.serviceWorker.ready; }).then(function (registration) {
        var files = Array.prototype.map.call(document.querySelectorAll("link[rel=stylesheet][href], script[src], link[rel~=icon][href]"), function (e) { return e.href || e.src; });
        registration.active.postMessage({ type: "keep", urls: [window.location.href.split("#")[0]].concat(files) });
      }).catch(function () { /* offline support is a bonus */ });
    },
    // Called at each change of phase and for the few cues in between.
    cue: function (text, withTone) {
      if (withTone && choice.tone === true) { tone(); }
      if (choice.speech === true) { speak(text); }
    }
  };
})();
