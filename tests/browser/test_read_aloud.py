"""The read-aloud controls on easy-read pages, with a stand-in for the browser's speech.

The stand-in replaces `window.speechSynthesis` before the page's scripts run and
records what the page asks of it, so the test hears nothing and needs no voices.
Each utterance "starts" at once (onstart); a test ends it (onend) or fails it
(onerror) to move the reading on, as a real engine would.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from browser_support import FOCUS_JS, settle

pytestmark = pytest.mark.browser

FAKE_SPEECH = r"""
(() => {
  const calls = [];
  const synth = {
    speaking: false, paused: false, pending: false, current: null,
    speak(u) { calls.push(["speak", u.text]); this.current = u; this.speaking = true; this.paused = false; if (u.onstart) u.onstart({}); },
    pause() { calls.push(["pause"]); this.paused = true; },
    resume() { calls.push(["resume"]); this.paused = false; },
    cancel() { calls.push(["cancel"]); this.speaking = false; this.paused = false; },
    getVoices() { return []; },
    addEventListener() {}, removeEventListener() {},
  };
  class Utterance { constructor(text) { this.text = text; this.lang = ""; this.rate = 1; this.onstart = null; this.onend = null; this.onerror = null; } }
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  Object.defineProperty(window, "SpeechSynthesisUtterance", { value: Utterance, configurable: true });
  window.__speech = { calls, synth };
})();
"""

NO_SPEECH = r"""
(() => {
  delete window.speechSynthesis; delete Window.prototype.speechSynthesis;
  delete window.SpeechSynthesisUtterance;
})();
"""

STATE_JS = r"""
() => {
  const box = document.querySelector(".guides-read-aloud");
  const b = (name) => box.querySelector(`[data-read-aloud="${name}"]`);
  return {
    hidden: box.hidden || getComputedStyle(box).display === "none",
    play: { text: b("play").textContent.trim(), disabled: b("play").disabled },
    pause: { disabled: b("pause").disabled },
    stop: { disabled: b("stop").disabled },
    status: b("status").textContent,
    progress: b("progress").textContent,
    message: b("message").hidden ? "" : b("message").textContent,
    marked: [...document.querySelectorAll(".guides-reading")].map(e => e.textContent.trim().slice(0, 60)),
    live: b("status").getAttribute("aria-live"),
    focused: document.activeElement.getAttribute("data-read-aloud"),
    calls: (window.__speech || { calls: [] }).calls.map(c => c[0]),
  };
}
"""


@pytest.fixture(scope="module")
def easy_page(sweep: dict) -> str:
    found = next((r.path for r in sweep.values() if r.easy and r.has_read_aloud), None)
    assert found, "the built site has no easy-read page with read-aloud controls"
    return found


def test_only_easy_read_pages_have_read_aloud(sweep: dict) -> None:
    for record in sweep.values():
        assert record.has_read_aloud == record.easy, record.path


def test_controls_stay_hidden_without_speech(open_page: Callable[..., Any], easy_page: str) -> None:
    page = open_page(easy_page, init_script=NO_SPEECH)
    assert page.evaluate("() => !('speechSynthesis' in window)")
    assert page.evaluate(STATE_JS)["hidden"]
    assert not page.locator(".guides-read-aloud button").first.is_visible()


def test_play_pause_stop_by_keyboard(open_page: Callable[..., Any], easy_page: str) -> None:
    page = open_page(easy_page, init_script=FAKE_SPEECH)
    state = page.evaluate(STATE_JS)
    assert not state["hidden"], "the read-aloud controls did not appear"
    assert state["live"] == "polite"
    assert (state["play"], state["pause"], state["stop"]) == ({"text": "Read aloud", "disabled": False}, {"disabled": True}, {"disabled": True})

    # Reached with Tab (disabled buttons are skipped), shown with a visible focus ring.
    for _ in range(80):
        page.keyboard.press("Tab")
        settle(page)
        if page.evaluate("() => document.activeElement.dataset.readAloud") == "play":
            break
    else:
        pytest.fail("Tab never reached the Read aloud button")
    assert page.evaluate(FOCUS_JS)["ringContrast"] >= 3

    page.keyboard.press("Enter")
    settle(page)
    state = page.evaluate(STATE_JS)
    assert state["calls"][-1] == "speak" and state["status"] == "Reading aloud"
    assert (state["play"]["disabled"], state["pause"]["disabled"], state["stop"]["disabled"]) == (True, False, False)
    assert state["focused"] == "pause", "focus was lost when Read aloud was disabled"
    spoken = page.evaluate("() => window.__speech.calls.find(c => c[0] === 'speak')[1]")
    title = page.locator(".guides-page h1").first.inner_text().strip()
    assert spoken == title, "reading should start with the page title, as a part of its own"
    assert state["progress"].startswith("Part 1 of ") and state["marked"] == [title[:60]]

    page.keyboard.press(" ")  # Space on Pause
    settle(page)
    state = page.evaluate(STATE_JS)
    assert state["calls"][-1] == "pause" and state["status"] == "Paused"
    assert state["play"] == {"text": "Carry on reading", "disabled": False}
    assert state["focused"] == "play"

    page.keyboard.press("Enter")  # Carry on reading
    settle(page)
    state = page.evaluate(STATE_JS)
    assert state["calls"][-1] == "resume" and state["status"] == "Reading aloud" and state["focused"] == "pause"

    page.keyboard.press("Tab")  # to Stop
    assert page.evaluate("() => document.activeElement.dataset.readAloud") == "stop"
    page.keyboard.press("Enter")
    settle(page)
    state = page.evaluate(STATE_JS)
    assert state["calls"][-1] == "cancel" and state["status"] == "Stopped"
    assert (state["play"], state["pause"], state["stop"]) == ({"text": "Read aloud", "disabled": False}, {"disabled": True}, {"disabled": True})
    assert state["focused"] == "play"


def test_end_of_speech_returns_to_the_start(open_page: Callable[..., Any], easy_page: str) -> None:
    page = open_page(easy_page, init_script=FAKE_SPEECH)
    page.locator('[data-read-aloud="play"]').click()
    _speak_all(page)
    state = page.evaluate(STATE_JS)
    assert state["status"] == "Stopped" and not state["play"]["disabled"] and state["pause"]["disabled"]


def _speak_all(page: Any, limit: int = 400) -> list[str]:
    """End each utterance as the engine would, until the page stops asking for more."""
    for _ in range(limit):
        if page.evaluate(STATE_JS)["status"] != "Reading aloud":
            break
        page.evaluate("() => window.__speech.synth.current.onend({})")
    return page.evaluate("() => window.__speech.calls.filter(c => c[0] === 'speak').map(c => c[1])")


def test_the_page_is_read_in_sentence_sized_parts_in_order(open_page: Callable[..., Any], sweep: dict) -> None:
    """Issue 12: one utterance per sentence-sized part (long utterances are cut off by
    some engines), in reading order, covering the whole page; the part being read is marked."""
    for path in [r.path for r in sweep.values() if r.easy and r.has_read_aloud]:
        page = open_page(path, init_script=FAKE_SPEECH)
        page.locator('[data-read-aloud="play"]').click()
        second = None
        if page.evaluate(STATE_JS)["status"] == "Reading aloud":
            page.evaluate("() => window.__speech.synth.current.onend({})")
            second = page.evaluate(STATE_JS)
        spoken = _speak_all(page)
        assert len(spoken) > 5, f"{path}: {len(spoken)} parts"
        assert max(map(len, spoken)) <= 240, f"{path}: a part of {max(map(len, spoken))} characters"
        assert second and second["progress"] == f"Part 2 of {len(spoken)}" and len(second["marked"]) == 1, (path, second)
        # Every word of the page (but not the controls) is read, in the order it is shown.
        text = page.evaluate("""() => { const p = document.querySelector('.guides-page').cloneNode(true);
            p.querySelectorAll('.guides-tools, .guides-page-facts, .guides-ticks-note, .guides-visually-hidden').forEach(e => e.remove());
            return p.textContent.replace(/\\s+/g, ' ').trim(); }""")
        joined = " ".join(spoken)
        assert "Read aloud" not in joined and "Print this sheet" not in joined, path
        position = 0
        for part in spoken:
            found = text.find(part[:40], position)
            assert found >= 0, f"{path}: {part!r} not found after position {position} in the page's text"
            position = found
        state = page.evaluate(STATE_JS)
        assert state["status"] == "Stopped" and state["marked"] == [] and state["progress"] == "", (path, state)


def test_pause_then_stop_part_way(open_page: Callable[..., Any], easy_page: str) -> None:
    page = open_page(easy_page, init_script=FAKE_SPEECH)
    page.locator('[data-read-aloud="play"]').click()
    for _ in range(3):
        page.evaluate("() => window.__speech.synth.current.onend({})")
    page.locator('[data-read-aloud="pause"]').click()
    state = page.evaluate(STATE_JS)
    assert state["status"] == "Paused" and state["progress"].startswith("Part 4 of ") and state["marked"]
    page.locator('[data-read-aloud="play"]').click()  # Carry on reading: resumes the same part
    assert page.evaluate(STATE_JS)["calls"][-1] == "resume"
    page.locator('[data-read-aloud="stop"]').click()
    spoken_before = page.evaluate("() => window.__speech.calls.filter(c => c[0] === 'speak').length")
    # The engine reports the cut-off utterance as ended or interrupted: reading must not go on.
    page.evaluate("() => { const u = window.__speech.synth.current; u.onerror({ error: 'interrupted' }); u.onend({}); }")
    state = page.evaluate(STATE_JS)
    assert state["status"] == "Stopped" and state["message"] == "" and state["marked"] == []
    assert page.evaluate("() => window.__speech.calls.filter(c => c[0] === 'speak').length") == spoken_before
    page.locator('[data-read-aloud="play"]').click()  # starts again from the top
    title = page.locator(".guides-page h1").first.inner_text().strip()
    assert page.evaluate("() => window.__speech.calls.filter(c => c[0] === 'speak').pop()[1]") == title


def test_a_failing_engine_shows_a_message(open_page: Callable[..., Any], easy_page: str) -> None:
    page = open_page(easy_page, init_script=FAKE_SPEECH)
    page.locator('[data-read-aloud="play"]').click()
    page.evaluate("() => window.__speech.synth.current.onerror({ error: 'synthesis-failed' })")
    state = page.evaluate(STATE_JS)
    assert state["status"] == "Stopped" and "could not read the page aloud" in state["message"]
    message = page.locator('[data-read-aloud="message"]')
    assert message.is_visible() and message.get_attribute("role") == "alert"
    page.locator('[data-read-aloud="play"]').click()  # trying again clears the message
    assert page.evaluate(STATE_JS)["message"] == ""


SILENT_SPEECH = FAKE_SPEECH.replace("if (u.onstart) u.onstart({});", "this.speaking = false;")


def test_an_engine_that_never_starts_shows_a_message(open_page: Callable[..., Any], easy_page: str) -> None:
    """No voices: Chrome accepts the utterance and says nothing, with no error."""
    page = open_page(easy_page, init_script=SILENT_SPEECH)
    page.locator('[data-read-aloud="play"]').click()
    page.wait_for_function("() => !document.querySelector('[data-read-aloud=\"message\"]').hidden", timeout=8000)
    state = page.evaluate(STATE_JS)
    assert "no voices" in state["message"] and state["status"] == "Stopped"
