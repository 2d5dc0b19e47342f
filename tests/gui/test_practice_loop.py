"""A new teller's whole loop on the real window: create a trainee, pick a scenario, reply through
the reply box until an ending, read the feedback and summary, reopen it from the history."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from gui_helpers import sign_in
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from trainer.ui.main_window import MainWindow

from helpers import ROOT

WAIT_MS = 30_000
REPLIES = ROOT / "tests" / "data" / "replies"


def start(qtbot: QtBot, win: MainWindow, scenario_id: str) -> None:
    page = win.library_page
    page.list.setCurrentRow(page.visible_ids().index(scenario_id))
    qtbot.mouseClick(page.practise_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.current_page() is win.practice_page, timeout=WAIT_MS)


def type_reply(qtbot: QtBot, win: MainWindow, text: str) -> None:
    box = win.practice_page.reply
    box.setFocus()
    qtbot.keyClicks(box, text)
    with qtbot.waitSignal(win.reply_scored, timeout=WAIT_MS):
        qtbot.keyClick(box, Qt.Key.Key_Return)


@pytest.mark.parametrize(("replies", "outcome"), [
    ("atm_resolved.txt", "resolved"),
    ("atm_escalated.txt", "escalated"),
    ("atm_walked_out.txt", "walked_out"),
])
def test_play_to_each_ending_through_the_reply_box(
    qtbot: QtBot, window: MainWindow, db_path: Path, replies: str, outcome: str
) -> None:
    sign_in(qtbot, window)
    start(qtbot, window, "atm_card_swallowed")
    page = window.practice_page
    assert page.feedback.title.text() == "How replies are scored"  # the rubric, before any reply
    assert "Empathy" in page.feedback.body.toPlainText()
    lines = [ln for ln in (REPLIES / replies).read_text(encoding="utf-8").splitlines() if ln.strip()]
    for line in lines:
        assert page.stop_button.isEnabled()  # while the customer is still there
        type_reply(qtbot, window, line)
        assert page.reply.toPlainText() == ""
        if page.ending_line is not None:
            break
    assert page.summary_button.isVisible()
    assert not page.stop_button.isEnabled()  # the session has ended: nothing left to end
    qtbot.mouseClick(page.summary_button, Qt.MouseButton.LeftButton)
    assert window.current_page() is window.summary_page
    summary = window.summary_page.summary
    assert summary is not None and summary.ending is not None and summary.ending.outcome == outcome
    d = summary.debrief
    assert d is not None and d.replies == len(page.turns)  # what happened in this session
    replied = "You replied once;" if d.replies == 1 else f"You replied {d.replies} times;"
    assert replied in window.summary_page.ending.text()
    assert window.summary_page.turns.toPlainText().count("Model answer") == len(summary.turns)

    db = sqlite3.connect(db_path)
    stored = [r[0] for r in db.execute("SELECT reply FROM turns ORDER BY idx")]
    assert stored == lines[: len(stored)] and len(stored) == len(summary.turns)
    assert db.execute("SELECT status, outcome FROM sessions").fetchone() == ("finished", outcome)


def test_feedback_shows_evidence_and_mood_moves(qtbot: QtBot, window: MainWindow) -> None:
    sign_in(qtbot, window)
    start(qtbot, window, "atm_card_swallowed")
    page = window.practice_page
    assert page.mood.value() == 70
    type_reply(qtbot, window, "I'm so sorry, that's really stressful. May I see your ID card, please?")
    html = page.feedback.body.toHtml()
    assert "so sorry" in page.feedback.body.toPlainText()
    assert "#1b7f5c" in html  # empathy evidence highlighted in its colour
    assert "Missed" in page.feedback.body.toPlainText()
    assert page.feedback.bars["empathy"].value() > 0
    qtbot.waitUntil(lambda: page.mood.value() < 70, timeout=5000)  # the meter glides down
    type_reply(qtbot, window, "Calm down.")
    assert "Critical fails" in page.feedback.body.toPlainText()
    assert "#c62828" in page.feedback.body.toHtml()


def test_shift_enter_is_a_new_line_and_empty_replies_are_not_sent(qtbot: QtBot, window: MainWindow) -> None:
    sign_in(qtbot, window)
    start(qtbot, window, "atm_card_swallowed")
    box = window.practice_page.reply
    with qtbot.assertNotEmitted(window.practice_page.send):
        qtbot.keyClick(box, Qt.Key.Key_Return)
        qtbot.keyClicks(box, "first line")
        qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert box.toPlainText() == "first line\n"


def test_history_reopens_a_session_read_only(qtbot: QtBot, window: MainWindow) -> None:
    sign_in(qtbot, window)
    start(qtbot, window, "atm_card_swallowed")
    type_reply(qtbot, window, "Calm down. There's nothing I can do about the machine.")
    qtbot.mouseClick(window.practice_page.summary_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.summary_page.back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_page() is window.library_page, timeout=WAIT_MS)
    row = window.library_page.visible_ids().index("atm_card_swallowed")
    card_text = window.library_page.list.itemWidget(window.library_page.list.item(row)).best.text()
    assert card_text.startswith("Your best: empathy 0")
    assert window.library_page.trainee_button.text() == "Sign &out"
    qtbot.mouseClick(window.library_page.history_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_page() is window.history_page, timeout=WAIT_MS)
    assert window.history_page.table.rowCount() == 1
    assert window.history_page.table.item(0, 6).text() == "Walked out"
    qtbot.mouseClick(window.history_page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_page() is window.summary_page, timeout=WAIT_MS)
    assert window.summary_page.read_only and not window.summary_page.again_button.isVisible()


def test_library_filters(qtbot: QtBot, window: MainWindow) -> None:
    sign_in(qtbot, window)
    page = window.library_page
    everything = page.visible_ids()
    assert len(everything) >= 12
    page.language.setCurrentIndex(page.language.findData("zh-CN"))
    assert page.visible_ids() and all(i.startswith("zh_") for i in page.visible_ids())
    # filters add up: Chinese, level 3, one cause
    page.difficulty.setCurrentIndex(page.difficulty.findData(3))
    page.category.setCurrentIndex(page.category.findData("service_quality"))
    wanted = [e.scenario.id for e in page.entries if e.scenario.language == "zh-CN"
              and e.scenario.difficulty == 3 and e.scenario.category == "service_quality"]
    assert page.visible_ids() == wanted and wanted
    # (every cause and level is there in both languages: with the library cut to one scenario, a
    # filter it does not match lists nothing, and the page says so)
    entries = page.entries
    page.set_entries([e for e in entries if e.scenario.id == wanted[0]])
    page.difficulty.setCurrentIndex(page.difficulty.findData(1))
    assert page.visible_ids() == [] and page.empty.isVisible()
    page.set_entries(entries)
    for combo in (page.category, page.difficulty, page.language):
        combo.setCurrentIndex(0)
    assert page.visible_ids() == everything
