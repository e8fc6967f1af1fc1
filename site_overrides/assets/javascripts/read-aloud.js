/* Read an easy-read page aloud with the browser's own speech synthesis.
   Nothing leaves the device: no network, no outside service. The controls stay
   hidden where the browser has no speech synthesis. */
(function () {
  "use strict";
  var box = document.querySelector(".guides-read-aloud");
  if (!box || !("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") return;
  var synth = window.speechSynthesis;
  var play = box.querySelector('[data-read-aloud="play"]');
  var pause = box.querySelector('[data-read-aloud="pause"]');
  var stop = box.querySelector('[data-read-aloud="stop"]');
  var status = box.querySelector('[data-read-aloud="status"]');
  box.hidden = false;

  function pageText() {
    var page = document.querySelector(".guides-page").cloneNode(true);
    page.querySelectorAll(".guides-tools, .guides-visually-hidden, .guides-page-facts, script, style").forEach(function (el) { el.remove(); });
    return page.innerText.replace(/\s+\n/g, "\n").trim();
  }

  function set(state) {
    play.textContent = state === "paused" ? "Carry on reading" : "Read aloud";
    play.disabled = state === "speaking";
    pause.disabled = state !== "speaking";
    stop.disabled = state === "idle";
    status.textContent = { speaking: "Reading aloud", paused: "Paused", idle: "Stopped" }[state];
    // A button that has just been disabled loses keyboard focus to the page: move
    // it to the button that can be used next (Pause while reading, else Read aloud).
    var focused = document.activeElement;
    if (focused && focused.disabled && box.contains(focused)) {
      (state === "speaking" ? pause : play).focus();
    }
  }

  play.addEventListener("click", function () {
    if (synth.paused) { synth.resume(); set("speaking"); return; }
    synth.cancel();
    var utterance = new SpeechSynthesisUtterance(pageText());
    utterance.lang = document.documentElement.lang || "en-GB";
    utterance.rate = 0.9;
    utterance.onend = function () { set("idle"); };
    utterance.onerror = function () { set("idle"); };
    synth.speak(utterance);
    set("speaking");
  });
  pause.addEventListener("click", function () { synth.pause(); set("paused"); });
  stop.addEventListener("click", function () { synth.cancel(); set("idle"); });
  window.addEventListener("pagehide", function () { synth.cancel(); });
  set("idle");
})();
