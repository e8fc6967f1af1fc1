"""The read-aloud controls on easy-read pages, with a stand-in for the browser's speech.

The stand-in replaces `window.speechSynthesis` before the page's scripts run and
records what the page asks of it, so the test hears nothing and needs no voices.
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
    speak(u) { calls.push(["speak", u.text]); this.current = u; this.speaking = true; this.paused = false; },
    pause() { calls.push(["pause"]); this.paused = true; },
    resume() { calls.push(["resume"]); this.paused = false; },
    cancel() { calls.push(["cancel"]); this.speaking = false; this.paused = false; },
    getVoices() { return []; },
    addEventListener() {}, removeEventListener() {},
  };
  class Utterance { constructor(text) { this.text = text; this.lang = ""; this.rate = 1; this.onend = null; this.onerror = null; } }
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
    assert spoken.startswith(title), "reading should start at the page title"
    assert "Read aloud" not in spoken and "Print this sheet" not in spoken

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
    page.evaluate("() => window.__speech.synth.current.onend()")
    state = page.evaluate(STATE_JS)
    assert state["status"] == "Stopped" and not state["play"]["disabled"] and state["pause"]["disabled"]
