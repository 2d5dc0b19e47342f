"""Signing in, the first run, HR's accounts and audit pages, and a trainer's review of a session."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import PINS, WAIT_MS, make_accounts, open_window, sign_in, sync_as_branch
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
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
        qtbot: QtBot, window: MainWindow, caplog: pytest.LogCaptureFixture,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
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


def test_a_new_account_is_a_trainee_unless_chosen_each_time(qtbot: QtBot, window: MainWindow) -> None:
    """Both trainees of the pilot were made trainers: the role list kept HR's last choice."""
    sign_in(qtbot, window, "hr")
    page = window.accounts_page
    assert page.role.currentData() == "trainee"
    page.name.setText("Wang Fang")
    page.password.setText("a-trainer-password")
    page.role.setCurrentIndex(page.role.findData("trainer"))
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(r["username"] == "Wang Fang" for r in page.rows), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.jobs.pending, timeout=WAIT_MS)
    assert next(r["role"] for r in page.rows if r["username"] == "Wang Fang") == "trainer"
    assert page.message.text() == "Account Wang Fang added."  # the list reloaded; the message stays
    assert page.role.currentData() == "trainee"  # the next account is a trainee unless HR says otherwise
    page.role.setCurrentIndex(page.role.findData("hr_admin"))
    qtbot.mouseClick(page.audit_button, Qt.MouseButton.LeftButton)  # away and back: the form starts afresh
    qtbot.waitUntil(lambda: window.current_page() is window.audit_page, timeout=WAIT_MS)
    qtbot.mouseClick(window.audit_page.back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_page() is page and not window.jobs.pending, timeout=WAIT_MS)
    assert page.role.currentData() == "trainee"


def test_a_role_change_is_confirmed_and_old_messages_go(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[str, str]] = []
    answer = [QMessageBox.StandardButton.No]

    def question(_parent: object, title: str, text: str, *_args: object, **_kwargs: object) -> object:
        asked.append((title, text))
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    sign_in(qtbot, window, "hr")
    page = window.accounts_page
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)  # an empty form: refused
    qtbot.waitUntil(lambda: page.message.text() != "", timeout=WAIT_MS)
    qtbot.keyClicks(page.name, "L")  # a new action begins: the old message goes
    assert page.message.text() == ""
    page.name.clear()
    row = next(i for i, r in enumerate(page.rows) if r["username"] == "bob")
    page.table.selectRow(row)
    assert page.change_role.currentData() == "trainee"  # the list shows bob's role to begin with
    page.change_role.setCurrentIndex(page.change_role.findData("trainer"))
    page.password.setText("a-trainer-password")
    qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    title, text = asked[0]
    assert "bob" in text and "Trainee" in text and "Trainer" in text and title
    qtbot.wait(200)
    assert not window.jobs.pending
    assert all(r["role"] == "trainee" for r in page.rows if r["username"] == "bob")
    answer[0] = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(r["username"] == "bob" and r["role"] == "trainer" for r in page.rows),
                    timeout=WAIT_MS)
    assert len(asked) == 2 and "bob" in page.message.text() and "Trainer" in page.message.text()
    page.table.selectRow(next(i for i, r in enumerate(page.rows) if r["username"] == "ann"))
    assert page.message.text() == ""  # choosing another account is a new action
    assert page.change_role.currentData() == "trainee"
    qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)  # the role ann has: nothing to ask
    assert len(asked) == 2 and page.message.text() == "ann already has the role Trainee."
    page.table.selectRow(next(i for i, r in enumerate(page.rows) if r["username"] == "bob"))
    assert page.change_role.currentData() == "trainer"


def test_the_sign_in_page_does_not_offer_the_last_name(qtbot: QtBot, window: MainWindow,
                                                       tmp_path: Path) -> None:
    """The pilot's sign-in page offered the administrator's name to whoever came next."""
    sign_in(qtbot, window, "hr")
    window.sign_out_action.trigger()
    page = window.sign_in_page
    qtbot.waitUntil(lambda: window.current_page() is page, timeout=WAIT_MS)
    assert page.name.text() == "" and page.password.text() == "" and page.name.hasFocus()
    window.settings.sync()
    stored = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert all(str(stored.value(key)) != "hr" for key in stored.allKeys())


def test_library_filters_start_clear_for_the_next_person(qtbot: QtBot, window: MainWindow) -> None:
    sign_in(qtbot, window, "ann")
    page = window.library_page
    everything = page.visible_ids()
    page.category.setCurrentIndex(page.category.findData("system_failure"))
    page.difficulty.setCurrentIndex(page.difficulty.findData(1))
    page.language.setCurrentIndex(page.language.findData("en"))
    assert len(page.visible_ids()) < len(everything)
    window.sign_out_action.trigger()
    sign_in(qtbot, window, "bob")
    assert (page.category.currentData(), page.difficulty.currentData(), page.language.currentData()) == (
        None, None, None)
    assert page.visible_ids() == everything


def test_hr_disables_and_enables_an_account_from_the_accounts_page(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object, **_kwargs: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    sign_in(qtbot, window, "hr")
    page = window.accounts_page
    assert not page.disable_button.isEnabled()  # no account chosen yet
    page.table.selectRow(next(i for i, r in enumerate(page.rows) if r["username"] == "bob"))
    assert page.disable_button.isEnabled() and page.disable_button.text() == "&Disable account"
    qtbot.mouseClick(page.disable_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(r["username"] == "bob" and r["disabled"] for r in page.rows), timeout=WAIT_MS)
    assert "Disable the account bob?" in asked[0]
    assert page.message.text() == "bob is disabled: they can no longer sign in."
    row = next(i for i, r in enumerate(page.rows) if r["username"] == "bob")
    assert page.table.item(row, 1).text() == "Trainee (disabled)"
    page.table.selectRow(row)
    assert page.disable_button.text() == "&Enable account"
    # bob cannot sign in now
    window.sign_out_action.trigger()
    sign_page = window.sign_in_page
    qtbot.waitUntil(lambda: window.current_page() is sign_page, timeout=WAIT_MS)
    sign_page.name.setText("bob")
    sign_page.password.setText(PINS["bob"])
    qtbot.mouseClick(sign_page.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "disabled" in sign_page.message.text(), timeout=WAIT_MS)
    assert sign_page.message.text() == "The account bob is disabled; ask your HR administrator."
    # a trainee's session cannot use it: the service checks the right against who is signed in
    sign_in(qtbot, window, "ann")
    page.show_message("")
    window.accounts.set_disabled("bob", False)
    qtbot.waitUntil(lambda: page.message.text() != "", timeout=WAIT_MS)
    assert page.message.text() == "ann (trainee) may not disable accounts."
    window.sign_out_action.trigger()
    sign_in(qtbot, window, "hr")
    page.table.selectRow(next(i for i, r in enumerate(page.rows) if r["username"] == "bob"))
    qtbot.mouseClick(page.disable_button, Qt.MouseButton.LeftButton)  # and enabled again
    qtbot.waitUntil(lambda: any(r["username"] == "bob" and not r["disabled"] for r in page.rows),
                    timeout=WAIT_MS)
    assert "Enable the account bob again?" in asked[-1]
    assert page.message.text() == "bob is enabled again: they can sign in."


def test_an_account_of_the_central_server_offers_no_disable_on_a_branch_pc(
        qtbot: QtBot, db_path: Path, tmp_path: Path) -> None:
    import sqlite3

    make_accounts(db_path)
    with sqlite3.connect(db_path) as conn:  # as a sync round takes an account from the centre
        conn.execute("UPDATE accounts SET origin = 'central' WHERE username = 'bob'")
    sync_as_branch("north")
    win = open_window(qtbot, db_path, tmp_path / "settings.ini", tmp_path / "models")
    try:
        sign_in(qtbot, win, "hr")
        page = win.accounts_page
        page.table.selectRow(next(i for i, r in enumerate(page.rows) if r["username"] == "bob"))
        assert not page.disable_button.isEnabled() and not page.change_button.isEnabled()
        assert "central server" in page.disable_button.toolTip()
        page.table.selectRow(next(i for i, r in enumerate(page.rows) if r["username"] == "ann"))
        assert page.disable_button.isEnabled()  # the branch's own account: its to change
    finally:
        win.close()
