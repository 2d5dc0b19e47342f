"""Assignments in the app: a trainer assigns from the Assignments page and sees completion; the
trainee sees it first in the library, with its status."""

from __future__ import annotations

from gui_helpers import WAIT_MS, sign_in
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from trainer.ui.main_window import MainWindow


def test_a_trainer_assigns_and_the_trainee_sees_it_first(qtbot: QtBot, window: MainWindow) -> None:
    sign_in(qtbot, window, "ann")
    assert not window.assignments_action.isEnabled()  # a trainee's menu has no Assignments
    window.sign_out_action.trigger()
    sign_in(qtbot, window, "tina")
    assert window.assignments_action.isEnabled()
    window.assignments_action.trigger()
    page = window.assignments_page
    qtbot.waitUntil(lambda: window.current_page() is page, timeout=WAIT_MS)
    assert page.empty.isVisible()
    page.situation.setCurrentIndex(page.situation.findData("long_queue"))
    page.whom.setCurrentIndex(page.whom.findData("trainee:ann"))
    page.due.setDate(QDate.currentDate().addDays(3))
    page.pass_mark.setValue(65)
    # a date in the past is refused in one sentence on the page, and nothing is assigned
    page.due.setMinimumDate(QDate.currentDate().addDays(-30))
    page.due.setDate(QDate.currentDate().addDays(-2))
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "already past" in page.message.text(), timeout=WAIT_MS)
    assert page.rows == []
    page.due.setDate(QDate.currentDate().addDays(3))
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.rows) == 1, timeout=WAIT_MS)
    assert page.table.item(0, 1).text() == "ann" and page.table.item(0, 3).text() == "65"
    assert page.table.item(0, 4).text() == "1"  # not started: 1
    window.sign_out_action.trigger()
    sign_in(qtbot, window, "ann")
    library = window.library_page
    qtbot.waitUntil(lambda: bool(library.entries), timeout=WAIT_MS)
    first = library.list.itemWidget(library.list.item(0))
    assert first.entry.scenario.situation_id == "long_queue"  # type: ignore[attr-defined]
    assert "Assigned to you" in first.assigned.text() and "not started" in first.assigned.text()  # type: ignore[attr-defined]
    assert first.assigned.isVisible()  # type: ignore[attr-defined]
    later = library.list.itemWidget(library.list.item(library.list.count() - 1))
    assert not later.assigned.isVisible()  # type: ignore[attr-defined]


def test_hrs_reports_view_counts_the_assignments(qtbot: QtBot, window: MainWindow) -> None:
    sign_in(qtbot, window, "tina")
    window.assignments_action.trigger()
    page = window.assignments_page
    qtbot.waitUntil(lambda: window.current_page() is page, timeout=WAIT_MS)
    page.situation.setCurrentIndex(page.situation.findData("long_queue"))
    page.whom.setCurrentIndex(page.whom.findData("team:Branch 1"))
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.rows) == 1, timeout=WAIT_MS)
    window.sign_out_action.trigger()
    sign_in(qtbot, window, "hr")
    window.reports_action.trigger()
    reports = window.reports_page
    qtbot.waitUntil(lambda: reports.report is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Assignments: 0 passed, 0 in progress, 2 not started, 0 overdue."
                    in reports.summary.text(), timeout=WAIT_MS)
