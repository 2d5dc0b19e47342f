"""Signing in, the first run, HR's accounts and audit pages, and a trainer's review of a session."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import WAIT_MS, make_accounts, open_window, sign_in
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from trainer.ui.main_window import MainWindow


def test_first_run_creates_the_administrator(qtbot: QtBot, db_path: Path, tmp_path: Path) -> None:
    win = open_window(qtbot, db_path, tmp_path / "s.ini", tmp_path / "m")
    page = win.sign_in_page
    assert page.first_run and page.repeat.isVisible() and page.title.text() == "Set up the teller trainer"
    page.name.setText("boss")
    page.password.setText("long-enough")
    page.repeat.setText("different")
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "The two passwords differ."
    page.repeat.setText("long-enough")
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.current_page() is win.accounts_page, timeout=WAIT_MS)
    assert win.identity is not None and win.identity.role == "hr_admin"
    win.close()


def test_wrong_pin_says_so_and_sign_out_returns(qtbot: QtBot, window: MainWindow) -> None:
    page = window.sign_in_page
    page.name.setText("ann")
    page.password.setText("999999")
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.message.text() == "That name and password do not match.", timeout=WAIT_MS)
    assert window.current_page() is page and page.password.text() == ""
    sign_in(qtbot, window)
    assert not window.coaching_action.isEnabled() and not window.accounts_action.isEnabled()
    qtbot.mouseClick(window.library_page.trainee_button, Qt.MouseButton.LeftButton)  # Sign out
    qtbot.waitUntil(lambda: window.current_page() is page, timeout=WAIT_MS)
    assert window.identity is None


def test_hr_adds_an_account_changes_a_role_and_reads_the_audit_log(
        qtbot: QtBot, window: MainWindow, caplog: pytest.LogCaptureFixture) -> None:
    sign_in(qtbot, window, "hr")
    page = window.accounts_page
    assert {r["username"] for r in page.rows} == {"hr", "tina", "ann", "bob"}
    page.name.setText("Li Wei")
    page.password.setText("12")
    page.role.setCurrentIndex(page.role.findData("trainee"))
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "at least 6 characters" in page.message.text(), timeout=WAIT_MS)
    assert page.message.text() == "A trainee's PIN or password needs at least 6 characters."
    logged = [r for r in caplog.records if r.name == "trainer" and r.exc_info]
    assert logged and "at least 6 characters" in str(logged[-1].exc_info[1])  # type: ignore[index]
    page.password.setText("555555")
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "too easy to guess" in page.message.text(), timeout=WAIT_MS)
    page.password.setText("550913")
    page.team.setText("Branch 2")
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.rows) == 5, timeout=WAIT_MS)
    assert page.message.text() == "Account Li Wei added." and page.name.text() == ""
    row = next(i for i, r in enumerate(page.rows) if r["username"] == "Li Wei")
    page.table.selectRow(row)
    page.change_role.setCurrentIndex(page.change_role.findData("trainer"))
    qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)  # a trainer needs a longer password
    qtbot.waitUntil(lambda: "at least 10 characters" in page.message.text(), timeout=WAIT_MS)
    assert all(r["role"] == "trainee" for r in page.rows if r["username"] == "Li Wei")
    page.password.setText("a-trainer-password")
    qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(r["username"] == "Li Wei" and r["role"] == "trainer" for r in page.rows),
                    timeout=WAIT_MS)
    qtbot.mouseClick(page.audit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_page() is window.audit_page, timeout=WAIT_MS)
    actions = [window.audit_page.table.item(r, 2).text() for r in range(window.audit_page.table.rowCount())]
    assert actions[:3] == ["role_changed", "account_created", "signed_in"]
    qtbot.mouseClick(window.audit_page.back_button, Qt.MouseButton.LeftButton)  # back to the accounts
    qtbot.waitUntil(lambda: window.current_page() is page, timeout=WAIT_MS)


def test_a_trainer_overrides_a_score_and_leaves_a_note(qtbot: QtBot, window: MainWindow) -> None:
    # ann practises one session
    sign_in(qtbot, window)
    page = window.library_page
    page.list.setCurrentRow(page.visible_ids().index("atm_card_swallowed"))
    qtbot.mouseClick(page.practise_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_page() is window.practice_page, timeout=WAIT_MS)
    qtbot.keyClicks(window.practice_page.reply, "Calm down. There's nothing I can do.")
    with qtbot.waitSignal(window.reply_scored, timeout=WAIT_MS):
        qtbot.keyClick(window.practice_page.reply, Qt.Key.Key_Return)
    window.sign_out_action.trigger()
    # Tina reviews it from the coaching view
    sign_in(qtbot, window, "tina")
    window.coaching_action.trigger()
    qtbot.waitUntil(lambda: window.current_page() is window.coaching_page, timeout=WAIT_MS)
    names = [r.name for r in window.coaching_page.rows]
    window.coaching_page.table.selectRow(names.index("ann"))
    qtbot.mouseClick(window.coaching_page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_page() is window.history_page, timeout=WAIT_MS)
    qtbot.mouseClick(window.history_page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_page() is window.summary_page, timeout=WAIT_MS)
    summary = window.summary_page
    assert summary.review.isVisible()
    summary.dimension.setCurrentIndex(summary.dimension.findData("clarity"))
    summary.value.setValue(40)
    summary.comment.setText("The words were clear; the content was the problem.")
    qtbot.mouseClick(summary.override_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(summary.summary and summary.summary.overrides), timeout=WAIT_MS)
    [override] = summary.summary.overrides  # type: ignore[union-attr]
    assert override["value"] == 40 and override["by"] == "tina" and override["automatic"] >= 0
    assert "Trainer overrides" in summary.ending.text()
    summary.note_text.setText("Never tell a customer to calm down; acknowledge first.")
    qtbot.mouseClick(summary.note_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: summary.note_text.text() == "", timeout=WAIT_MS)
    # Back goes the way tina came: the trainee's history, the coaching view, her library
    for page in (window.history_page, window.coaching_page, window.library_page):
        qtbot.mouseClick(window.current_page().back_button, Qt.MouseButton.LeftButton)  # type: ignore[union-attr]
        qtbot.waitUntil(lambda p=page: window.current_page() is p, timeout=WAIT_MS)
    # ann sees the note on her progress page
    window.sign_out_action.trigger()
    sign_in(qtbot, window)
    qtbot.mouseClick(window.library_page.progress_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_page() is window.dashboard_page, timeout=WAIT_MS)
    assert window.dashboard_page.dashboard.notes[0]["note"].startswith("Never tell")  # type: ignore[union-attr]
    assert "Never tell a customer" in window.dashboard_page.notes.text()


def test_hr_sees_plainly_when_the_audit_log_was_tampered_with(qtbot: QtBot, db_path: Path,
                                                              tmp_path: Path) -> None:
    import sqlite3

    make_accounts(db_path)
    win = open_window(qtbot, db_path, tmp_path / "s.ini", tmp_path / "m")
    sign_in(qtbot, win, "hr")
    page = win.accounts_page
    qtbot.waitUntil(lambda: not win.jobs.pending, timeout=WAIT_MS)
    assert page.chain.isHidden()  # nothing to say while it holds together
    qtbot.mouseClick(page.audit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "holds together" in win.audit_page.chain.text(), timeout=WAIT_MS)
    win.sign_out_action.trigger()
    conn = sqlite3.connect(db_path)  # someone with the file rewrites who was made what
    with conn:
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("UPDATE audit_log SET detail = '{}' WHERE action = 'account_created'")
    conn.close()
    sign_in(qtbot, win, "hr")
    qtbot.waitUntil(lambda: page.chain.isVisible(), timeout=WAIT_MS)
    assert page.chain.text().startswith("The audit log has been tampered with: entry ")
    assert "was changed after it was written" in page.chain.text() and "b00020" in page.chain.styleSheet()
    win.close()
