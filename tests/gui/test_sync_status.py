"""The status bar's sync part: nothing with no server; offline said once, in the interface
language, while practice goes on."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import WAIT_MS, make_accounts, open_window, sign_in, sync_as_branch
from pytestqt.qtbot import QtBot

from trainer.ui import i18n
from trainer.ui.main_window import MainWindow


def test_with_no_server_nothing_is_shown_and_nothing_tried(window: MainWindow, qtbot: QtBot) -> None:
    sign_in(qtbot, window, "ann")
    qtbot.waitUntil(lambda: not window.sync._running, timeout=WAIT_MS)
    assert window.sync_status.isHidden()
    assert window.sync.last_report is None and window.sync.offline is None


def test_an_unreachable_server_is_said_once_and_practice_goes_on(
        qtbot: QtBot, db_path: Path, tmp_path: Path) -> None:
    make_accounts(db_path)
    sync_as_branch("x")
    win = open_window(qtbot, db_path, tmp_path / "settings.ini", tmp_path / "models")
    try:
        sign_in(qtbot, win, "ann")
        qtbot.waitUntil(lambda: win.sync.offline is not None and not win.sync._running, timeout=WAIT_MS)
        label = win.sync_status
        assert label.isVisible() and "Offline (practice goes on)" in label.text()
        assert "127.0.0.1:9 cannot be reached now" in label.text()
        # the library is there to practise from, and no dialog interrupted anyone
        assert win.current_page() is win.library_page
        i18n.install("zh_CN")
        qtbot.waitUntil(lambda: "离线" in label.text(), timeout=WAIT_MS)
        assert "127.0.0.1:9" in label.text() and "Offline" not in label.text()
    finally:
        i18n.install("en")
        win.close()
