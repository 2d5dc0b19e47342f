"""A long history comes a page at a time: the first page at once, *Show more* for older ones."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import WAIT_MS, make_accounts, open_window, sign_in
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from trainer.app.progress import HISTORY_PAGE
from trainer.ui import i18n
from trainer.ui.main_window import MainWindow
from trainer.ui.review_pages import HistoryPage

from helpers import bundled


def ann_opens_her_history(qtbot: QtBot, win: MainWindow) -> HistoryPage:
    sign_in(qtbot, win, "ann")
    qtbot.mouseClick(win.library_page.history_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.current_page() is win.history_page, timeout=WAIT_MS)
    return win.history_page


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
        page = ann_opens_her_history(qtbot, win)
        assert page.table.rowCount() == HISTORY_PAGE
        assert page.more_button.isVisibleTo(page) and str(extra) in page.more_button.text()
        qtbot.mouseClick(page.more_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.table.rowCount() == HISTORY_PAGE + extra, timeout=WAIT_MS)
        assert not page.more_button.isVisibleTo(page)
        ids = [s["id"] for s in page.sessions]
        assert ids == sorted(ids, reverse=True) and len(set(ids)) == len(ids)  # newest first, none twice
    finally:
        win.close()


def test_history_shows_the_three_scores_and_the_outcome(qtbot: QtBot, db_path: Path, tmp_path: Path) -> None:
    from helpers import PINS

    world = make_accounts(db_path, keep_open=True)
    repo = world.app.repo
    ann = world.ann.trainee_id or 0
    played = repo.start_session(ann, bundled("atm_card_swallowed"))
    repo.db.table("sessions").update(played, {"status": "finished", "outcome": "walked_out", "turn_count": 1,
                                              "avg_empathy": 12.4, "avg_clarity": 40.0, "avg_solution": 70.6})
    world.app.accounts.sign_in("tina", PINS["tina"])
    world.app.accounts.override_score(played, "clarity", 55, "clear enough")
    repo.finish_session(repo.start_session(ann, bundled("long_queue")), "stopped", None, 60, False)
    world.app.close()
    win = open_window(qtbot, db_path, tmp_path / "settings.ini", tmp_path / "models")
    try:
        page = ann_opens_her_history(qtbot, win)
        table = page.table
        headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        assert headers == ["Started", "Scenario", "Turns", "Empathy", "Clarity", "Solution", "Result"]
        rows = [[table.item(r, c).text() for c in range(table.columnCount())]
                for r in range(table.rowCount())]
        assert rows[0][2:] == ["0", "—", "—", "—", "Stopped early"]  # newest first
        assert rows[1][2:] == ["1", "12", "55", "71", "Walked out"]  # clarity as the trainer set it
        assert "40" in table.item(1, 4).toolTip() and table.item(1, 3).toolTip() == ""
        win.set_language("zh-CN")
        qtbot.waitUntil(lambda: table.horizontalHeaderItem(3).text() == "同理心", timeout=WAIT_MS)
        assert table.item(1, 6).text() == "客户离开" and "培训师" in table.item(1, 4).toolTip()
    finally:
        i18n.install("en")
        win.close()
