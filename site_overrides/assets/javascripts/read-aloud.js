/* Read an easy-read page aloud with the browser's own speech synthesis.
   Nothing leaves the device: no network, no outside service.

   The page is spoken in sentence-sized parts, one utterance each: one long
   utterance is cut off by some engines (Android stops at 4,000 characters, some
   Chrome voices after about 15 seconds) and cannot show where it is. The part
   being read is marked on the page; Pause, Carry on reading and Stop work at any
   point; when the browser cannot speak, a message on the page says so. The
   controls are hidden where the browser has no speech synthesis at all. */
(function () {
  "use strict";
  var box = document.querySelector(".guides-read-aloud");
  if (!box) return;
  if (!("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") {
    box.hidden = true;  // shown by default so nothing moves where speech exists (nearly everywhere)
    return;
  }
  var synth = window.speechSynthesis;
  var play = box.querySelector('[data-read-aloud="play"]');
  var pause = box.querySelector('[data-read-aloud="pause"]');
  var stop = box.querySelector('[data-read-aloud="stop"]');
  var status = box.querySelector('[data-read-aloud="status"]');
  var progress = box.querySelector('[data-read-aloud="progress"]');
  var message = box.querySelector('[data-read-aloud="message"]');

  var MAX_PART = 220;  // characters: a long sentence is split at a comma or a space
  var START_WAIT = 4000;  // ms for the engine to start speaking before we say it cannot
  var BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, dt, dd, th, td, figcaption, ul, ol, dl, table";
  var SKIP = ".guides-visually-hidden, script, style, svg, .guides-tools";
  var parts = [];
  var index = 0;
  var run = 0;  // which reading the engine's events belong to: Stop starts a new one
  var state = "idle";
  var startTimer = null;

  // A block's own text in reading order, without the blocks inside it (they are read
  // as parts of their own). A hard word's explanation is a part of its own, read
  // where it is shown: right after the sentence that uses the word.
  function ownParts(block, add) {
    var text = "";
    function flush() {
      var clean = text.replace(/\s+/g, " ").trim();
      if (clean) sentences(clean).forEach(function (s) { add(s, block); });
      text = "";
    }
    (function walk(node) {
      node.childNodes.forEach(function (child) {
        if (child.nodeType === 3) { text += child.data; return; }
        if (child.nodeType !== 1 || child.matches(SKIP)) return;
        if (child.matches(BLOCKS)) return;
        if (child.matches(".guides-term__explained")) {
          flush();
          var note = child.textContent.replace(/\s+/g, " ").trim();
          if (note) sentences(note).forEach(function (s) { add(s, child); });
          return;
        }
        walk(child);
      });
    })(block);
    flush();
  }

  function sentences(text) {
    var found = text.match(/[^.!?]+(?:[.!?]+["'\u2019\u201d)]*|$)\s*/g) || [text];
    var out = [];
    found.forEach(function (piece) {
      piece = piece.trim();
      while (piece.length > MAX_PART) {
        var cut = piece.lastIndexOf(", ", MAX_PART);
        if (cut < MAX_PART / 3) cut = piece.lastIndexOf(" ", MAX_PART);
        if (cut < 1) cut = MAX_PART;
        out.push(piece.slice(0, cut + 1).trim());
        piece = piece.slice(cut + 1).trim();
      }
      if (piece) out.push(piece);
    });
    return out;
  }

  function collect() {
    var page = document.querySelector(".guides-page");
    var list = [];
    page.querySelectorAll(BLOCKS).forEach(function (el) {
      if (el.closest(".guides-tools, .guides-page-facts, .guides-ticks-note, .guides-visually-hidden")) return;
      ownParts(el, function (text, where) { list.push({ text: text, el: where }); });
    });
    return list;
  }

  function mark(el) {
    document.querySelectorAll(".guides-reading").forEach(function (old) { old.classList.remove("guides-reading"); });
    if (!el) return;
    el.classList.add("guides-reading");
    if (el.scrollIntoView) el.scrollIntoView({ block: "nearest" });
  }

  function tell(text) {
    message.textContent = text || "";
    message.hidden = !text;
  }

  function set(next) {
    state = next;
    play.textContent = next === "paused" ? "Carry on reading" : "Read aloud";
    play.disabled = next === "speaking";
    pause.disabled = next !== "speaking";
    stop.disabled = next === "idle";
    status.textContent = { speaking: "Reading aloud", paused: "Paused", idle: "Stopped" }[next];
    progress.textContent = next === "idle" ? "" : "Part " + (index + 1) + " of " + parts.length;
    if (next === "idle") mark(null);
    // A button that has just been disabled loses keyboard focus to the page: move
    // it to the button that can be used next (Pause while reading, else Read aloud).
    var focused = document.activeElement;
    if (focused && focused.disabled && box.contains(focused)) {
      (next === "speaking" ? pause : play).focus();
    }
  }

  function fail(text) {
    clearTimeout(startTimer);
    run += 1;
    synth.cancel();
    set("idle");
    tell(text);
  }

  function speakPart() {
    var mine = run;
    var part = parts[index];
    var utterance = new SpeechSynthesisUtterance(part.text);
    utterance.lang = document.documentElement.lang || "en-GB";
    utterance.rate = 0.9;
    utterance.onstart = function () { if (mine === run) clearTimeout(startTimer); };
    utterance.onend = function () {
      if (mine !== run) return;
      clearTimeout(startTimer);
      if (index + 1 < parts.length) {
        index += 1;
        speakPart();
      } else {
        index = 0;
        set("idle");
      }
    };
    utterance.onerror = function (event) {
      if (mine !== run) return;
      var why = event && event.error;
      if (why === "interrupted" || why === "canceled") return;
      fail("Sorry, this browser could not read the page aloud" + (why ? " (" + why + ")" : "") + ". You can use your own screen reader or read the page yourself.");
    };
    mark(part.el);
    progress.textContent = "Part " + (index + 1) + " of " + parts.length;
    clearTimeout(startTimer);
    startTimer = setTimeout(function () {
      if (mine === run && state === "speaking" && !synth.speaking) {
        fail("This browser did not start reading. It may have no voices installed. You can use your own screen reader or read the page yourself.");
      }
    }, START_WAIT);
    synth.speak(utterance);
  }

  play.addEventListener("click", function () {
    tell("");
    if (state === "paused") { synth.resume(); set("speaking"); return; }
    run += 1;
    synth.cancel();
    parts = collect();
    index = 0;
    if (!parts.length) return;
    set("speaking");
    speakPart();
  });
  pause.addEventListener("click", function () { synth.pause(); set("paused"); });
  stop.addEventListener("click", function () {
    clearTimeout(startTimer);
    run += 1;
    synth.cancel();
    index = 0;
    set("idle");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && state !== "idle") { stop.click(); play.focus(); }
  });
  window.addEventListener("pagehide", function () { run += 1; synth.cancel(); });
  set("idle");
})();
