"""On HR's PC (a server set up with an HR login) the real window's leaderboard and coaching view
show the central record, say as of when, and drill into its trainee's sessions."""

from __future__ import annotations

from datetime import datetime
from html import escape
from pathlib import Path

import pytest
from gui_helpers import WAIT_MS, make_accounts, open_window, sign_in
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from trainer.ui import i18n

from helpers import AS_OF, fill_central


def test_hrs_leaderboard_and_coaching_view_show_the_central_record_as_of_the_last_sync(
        qtbot: QtBot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRAINER_DATA_DIR", str(db_path.parent))  # where the window finds sync.json
    world = make_accounts(db_path, keep_open=True)
    fill_central(world)
    world.app.central_mirror.set_as_of(AS_OF)
    world.app.close()
    window = open_window(qtbot, db_path, tmp_path / "settings.ini", tmp_path / "models")
    try:
        sign_in(qtbot, window, "hr")
        when = datetime.fromisoformat(AS_OF).astimezone().strftime("%Y-%m-%d %H:%M")
        as_of = f"From the central server's record, as of the last sync ({when})."
        window.leaderboard_action.trigger()  # HR has no library: the menu
        page = window.leaderboard_page
        qtbot.waitUntil(lambda: window.current_page() is page, timeout=WAIT_MS)
        page.period.setCurrentIndex(page.period.findData("all"))
        qtbot.waitUntil(lambda: page.table.rowCount() == 4, timeout=WAIT_MS)
        assert page.as_of.isVisible() and page.as_of.text() == as_of
        names = [page.table.item(r, 1).text() for r in range(4)]
        assert set(names) == {"mei", "zoe", "li", "ann"} and page.table.item(0, 2).text() == "north · Team A"
        page.team.setCurrentIndex(page.team.findText("Region: west"))
        qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=WAIT_MS)
        assert page.table.item(0, 1).text() == "li"
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)  # drill down: the copy's li
        history = window.history_page
        qtbot.waitUntil(lambda: window.current_page() is history, timeout=WAIT_MS)
        assert history.table.rowCount() == 5 and history.as_of.text() == as_of
        assert history.table.item(0, 1).text().startswith("Central li")
        assert history.standing.text().startswith("li (south · Team B): level ")
        qtbot.mouseClick(history.open_button, Qt.MouseButton.LeftButton)
        summary = window.summary_page
        qtbot.waitUntil(lambda: window.current_page() is summary, timeout=WAIT_MS)
        assert summary.title.text().startswith("Central li") and escape(as_of) in summary.ending.text()
        assert not summary.review.isVisible()  # reviewed where it was made, at its branch
        window.coaching_action.trigger()
        coaching = window.coaching_page
        qtbot.waitUntil(lambda: window.current_page() is coaching and bool(coaching.rows), timeout=WAIT_MS)
        assert {r.name for r in coaching.rows} == {"zoe", "li", "ann"} and coaching.as_of.text() == as_of
        window.set_language("zh-CN")
        qtbot.waitUntil(lambda: coaching.as_of.text() == f"中央服务器上的记录，截至上次同步（{when}）。",
                        timeout=WAIT_MS)
    finally:
        i18n.install("en")
        window.close()
