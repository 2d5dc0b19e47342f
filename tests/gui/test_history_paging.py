"""A long history comes a page at a time: the first page at once, *Show more* for older ones."""

from __future__ import annotations

from pathlib import Path

from conftest import WAIT_MS, make_accounts, open_window, sign_in
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from trainer.app.progress import HISTORY_PAGE

from helpers import bundled


def test_history_shows_a_page_then_more(qtbot: QtBot, db_path: Path, tmp_path: Path) -> None:
    world = make_accounts(db_path, keep_open=True)
    scenario = bundled("atm_card_swallowed")
    extra = 5
    for _ in range(HISTORY_PAGE + extra):  # stopped sessions: cheap to make, still in the history
        world.app.repo.finish_session(world.app.repo.start_session(world.ann.trainee_id or 0, scenario),
                                      "stopped", None, 50, False)
    world.app.close()
    win = open_window(qtbot, db_path, tmp_path / "settings.ini", tmp_path / "models")
    try:
        sign_in(qtbot, win, "ann")
        qtbot.mouseClick(win.library_page.history_button, Qt.MouseButton.LeftButton)
        page = win.history_page
        qtbot.waitUntil(lambda: win.current_page() is page, timeout=WAIT_MS)
        assert page.table.rowCount() == HISTORY_PAGE
        assert page.more_button.isVisibleTo(page) and str(extra) in page.more_button.text()
        qtbot.mouseClick(page.more_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.table.rowCount() == HISTORY_PAGE + extra, timeout=WAIT_MS)
        assert not page.more_button.isVisibleTo(page)
        ids = [s["id"] for s in page.sessions]
        assert ids == sorted(ids, reverse=True) and len(set(ids)) == len(ids)  # newest first, none twice
    finally:
        win.close()
