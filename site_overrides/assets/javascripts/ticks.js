/* Tick boxes and self-assessment ratings that work on the web.

   Without this script the page shows Material's tick boxes, which cannot be used.
   With it:
   - every tick box can be ticked, and its item's words are its label (read once);
   - on a self-assessment page (data-guides-ratings on .guides-page) each statement
     gets one radio button per rating and a notes box;
   - what the reader ticks, chooses and writes is kept in this browser's
     localStorage, on this device only: nothing is sent anywhere. "Clear my answers"
     forgets it. Printing the page prints what is ticked. */
(function () {
  "use strict";
  var page = document.querySelector(".guides-page");
  if (!page) return;
  var items = page.querySelectorAll("li.task-list-item");
  // Tables whose last column is headed "Tick" (the printed sheet draws a box in each row).
  var tickTables = Array.prototype.filter.call(page.querySelectorAll("table"), function (table) {
    var heads = table.querySelectorAll("thead th");
    return heads.length > 1 && heads[heads.length - 1].textContent.trim().toLowerCase() === "tick";
  });
  if (!items.length && !tickTables.length) return;
  var KEY = "guides:answers:" + location.pathname.replace(/index\.html$/, "");  // one key per page, however it was opened
  var saved = {};
  var storage = null;
  try {
    storage = window.localStorage;
    saved = JSON.parse(storage.getItem(KEY) || "{}") || {};
  } catch (error) {
    storage = null;  // private mode or storage turned off: the controls still work
  }
  function save() {
    if (!storage) return;
    try { storage.setItem(KEY, JSON.stringify(saved)); } catch (error) { /* full: keep working */ }
  }
  var ratings = null;
  try { ratings = JSON.parse(page.getAttribute("data-guides-ratings") || "null"); } catch (error) { ratings = null; }

  // The item's own words (not a list nested in it): its key in storage and its label.
  function words(li) {
    var copy = li.cloneNode(true);
    copy.querySelectorAll("ul, ol, .task-list-control, .guides-term__explained").forEach(function (el) { el.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }
  var seen = {};
  function keyOf(li, n) {
    var key = words(li).slice(0, 120) || "item " + n;
    seen[key] = (seen[key] || 0) + 1;
    return seen[key] > 1 ? key + " #" + seen[key] : key;
  }

  // Move the words after `start` (up to a nested list or block) into `into`; links and
  // bold stay as they were.
  function moveWords(start, into) {
    var node = start.nextSibling;
    while (node) {
      var next = node.nextSibling;
      if (node.nodeType === 1 && /^(UL|OL|DIV|TABLE|P)$/.test(node.tagName)) break;
      into.appendChild(node);
      node = next;
    }
  }

  // The item's words become its <label>'s own text.
  function labelTick(control) {
    var text = document.createElement("span");
    text.className = "guides-tick-text";
    moveWords(control, text);
    control.appendChild(document.createTextNode(" "));
    control.appendChild(text);
  }

  var uid = 0;
  function ratingGroup(li, key) {
    uid += 1;
    var control = li.querySelector(".task-list-control");
    var statement = words(li);
    var group = document.createElement("fieldset");
    group.className = "guides-rating";
    var legend = document.createElement("legend");
    moveWords(control, legend);  // the statement's words become the group's name
    group.appendChild(legend);
    var choices = document.createElement("div");
    choices.className = "guides-rating__choices";
    var answer = saved[key] || {};
    ratings.forEach(function (label) {
      var wrap = document.createElement("label");
      var radio = document.createElement("input");
      radio.type = "radio";
      radio.name = "guides-rating-" + uid;
      radio.value = label;
      radio.checked = answer.rating === label;
      radio.addEventListener("change", function () {
        saved[key] = saved[key] || {};
        saved[key].rating = label;
        save();
      });
      wrap.appendChild(radio);
      wrap.appendChild(document.createTextNode(label));
      choices.appendChild(wrap);
    });
    group.appendChild(choices);
    var notes = document.createElement("div");
    notes.className = "guides-rating__notes";
    var notesLabel = document.createElement("label");
    notesLabel.htmlFor = "guides-notes-" + uid;
    notesLabel.textContent = "Notes";
    var area = document.createElement("textarea");
    area.id = "guides-notes-" + uid;
    area.rows = 2;
    area.setAttribute("aria-describedby", "guides-legend-" + uid);
    legend.id = "guides-legend-" + uid;
    area.value = answer.notes || "";
    area.addEventListener("input", function () {
      saved[key] = saved[key] || {};
      saved[key].notes = area.value;
      save();
    });
    notes.appendChild(notesLabel);
    notes.appendChild(area);
    group.appendChild(notes);
    control.remove();
    li.insertBefore(group, li.firstChild);
    li.classList.remove("task-list-item");
    li.classList.add("guides-rating-item");
    if (!statement) group.setAttribute("aria-label", "Statement");
  }

  Array.prototype.forEach.call(items, function (li, n) {
    var box = li.querySelector(":scope > .task-list-control > input[type=checkbox], :scope > p > .task-list-control > input[type=checkbox]");
    if (!box) return;
    var key = keyOf(li, n);
    if (ratings && ratings.length) { ratingGroup(li, key); return; }
    var control = box.parentNode;
    box.disabled = false;
    box.removeAttribute("aria-label");  // the label's own words name it now
    labelTick(control);
    var stored = saved[key];
    if (typeof stored === "boolean") box.checked = stored;
    box.addEventListener("change", function () {
      saved[key] = box.checked;
      save();
    });
  });

  tickTables.forEach(function (table, t) {
    table.querySelectorAll("tbody tr").forEach(function (row, r) {
      var cells = row.querySelectorAll("td, th");
      if (cells.length < 2) return;
      var first = cells[0];
      first.id = first.id || "guides-tick-" + t + "-" + r;
      var key = "table " + t + ": " + (first.textContent.replace(/\s+/g, " ").trim().slice(0, 120) || r);
      var box = document.createElement("input");
      box.type = "checkbox";
      box.className = "guides-tick-cell";
      box.setAttribute("aria-labelledby", first.id);
      box.checked = saved[key] === true;
      box.addEventListener("change", function () { saved[key] = box.checked; save(); });
      cells[cells.length - 1].appendChild(box);
    });
  });

  // The note before the boxes (partials/content.html): a way to forget the answers.
  var note = document.querySelector("[data-guides-ticks]");
  if (!note) return;
  var clear = note.querySelector("[data-guides-ticks-clear]");
  var done = note.querySelector("[data-guides-ticks-done]");
  if (!storage) {
    note.querySelector("[data-guides-ticks-text]").textContent = page.classList.contains("guides-page--easy")
      ? "Your ticks will be gone when you leave this page."
      : "This browser is not keeping what you tick: it will be gone when you leave the page.";
    clear.hidden = true;
    return;
  }
  clear.addEventListener("click", function () {
    saved = {};
    try { storage.removeItem(KEY); } catch (error) { /* nothing kept */ }
    page.querySelectorAll("input[type=checkbox], .guides-rating input[type=radio]").forEach(function (input) { input.checked = false; });
    page.querySelectorAll(".guides-rating textarea").forEach(function (area) { area.value = ""; });
    done.textContent = "Your answers on this page have been cleared.";
  });
})();
