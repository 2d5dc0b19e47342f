"""Score charts: whole-number ticks for turns and sessions, 0 to 100 for scores, and a single
value shown as a point that can be seen (a one-turn session's chart was nearly empty)."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from pathlib import Path

from gui_helpers import WAIT_MS, sign_in
from PySide6.QtCharts import QChart, QLineSeries, QValueAxis
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from trainer.app.views import SessionSummary, TurnView
from trainer.storage.database import open_database
from trainer.ui.main_window import MainWindow
from trainer.ui.review_pages import SummaryPage
from trainer.ui.score_chart import count_axis

from helpers import make_score


def ticks(axis: QValueAxis) -> list[float]:
    """The values the axis labels, as Qt places them."""
    if axis.tickType() == QValueAxis.TickType.TicksDynamic:
        step, anchor = axis.tickInterval(), axis.tickAnchor()
        value = anchor + math.ceil((axis.min() - anchor) / step - 1e-9) * step
        out = []
        while value <= axis.max() + 1e-9:
            out.append(value)
            value += step
        return out
    n = axis.tickCount()
    return [axis.min() + i * (axis.max() - axis.min()) / (n - 1) for i in range(n)]


def axes(chart: QChart) -> tuple[QValueAxis, QValueAxis]:
    x = chart.axes(Qt.Orientation.Horizontal)[0]
    y = chart.axes(Qt.Orientation.Vertical)[0]
    assert isinstance(x, QValueAxis) and isinstance(y, QValueAxis)
    return x, y


def assert_readable(x: QValueAxis, y: QValueAxis, values: list[int]) -> None:
    labels = ticks(x)
    assert labels and all(v == int(v) for v in labels), f"ticks {labels} are not whole numbers"
    assert len({int(v) for v in labels}) == len(labels)  # never "1, 1, 2, 2, 3"
    assert len(labels) <= 12
    assert x.labelFormat() == "%d"
    assert x.min() < min(values) and max(values) < x.max()  # no point on the chart's edge
    assert (y.min(), y.max()) == (0, 100) and all(v == int(v) for v in ticks(y))


def summary(turns: int) -> SessionSummary:
    views = [TurnView(i, "opening", "Why?", "Sorry.", make_score(40 + i, 50, 60), 70, 60, "Sorry.")
             for i in range(turns)]
    return SessionSummary(1, "atm_card_swallowed", "The ATM", "stopped", None, False, views,
                          {"empathy": 40, "clarity": 50, "solution": 60}, None)


def test_a_one_turn_session_shows_its_point(qtbot: QtBot) -> None:
    page = SummaryPage()
    qtbot.addWidget(page)
    page.show_summary(summary(1), read_only=True)
    x, y = axes(page.chart)
    assert_readable(x, y, [1])
    for series in page.chart.series():
        assert isinstance(series, QLineSeries) and series.count() == 1
        assert series.pointsVisible() and series.markerSize() >= 8


def test_turn_numbers_are_whole(qtbot: QtBot) -> None:
    page = SummaryPage()
    qtbot.addWidget(page)
    page.show_summary(summary(3), read_only=True)
    x, y = axes(page.chart)
    assert_readable(x, y, [1, 2, 3])
    assert [int(v) for v in ticks(x)] == [1, 2, 3]


def test_many_sessions_get_few_whole_ticks() -> None:
    for count in (1, 2, 3, 7, 12, 45, 200, 1000):
        axis = count_axis(count, "Session")
        labels = ticks(axis)
        assert 1 <= len(labels) <= 11 and all(v == int(v) for v in labels), (count, labels)


def add_sessions(db_path: Path, trainee_id: int, scores: list[int]) -> None:
    db = open_database(db_path)
    now = datetime.now(UTC)
    for i, score in enumerate(scores):
        db.table("sessions").insert({
            "trainee_id": trainee_id, "scenario_id": "long_queue", "scenario_title": "The long queue",
            "language": "en", "category": "service_quality", "difficulty": 1,
            "started_at": (now - timedelta(days=len(scores) - i)).isoformat(), "status": "finished",
            "outcome": "resolved", "turn_count": 3, "avg_empathy": score, "avg_clarity": score,
            "avg_solution": score, "avg_overall": score, "critical_count": 0, "turn_limit_reached": 0})
    db.close()


def open_dashboard(qtbot: QtBot, window: MainWindow, name: str) -> None:
    sign_in(qtbot, window, name)
    qtbot.mouseClick(window.library_page.progress_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_page() is window.dashboard_page, timeout=WAIT_MS)


def test_the_progress_chart_numbers_sessions_in_whole_numbers(qtbot: QtBot, window: MainWindow,
                                                              db_path: Path) -> None:
    ids = {row["name"]: row["id"] for row in open_database(db_path).table("trainees").rows}
    add_sessions(db_path, ids["ann"], [40, 55, 70])
    add_sessions(db_path, ids["bob"], [65])
    open_dashboard(qtbot, window, "ann")
    x, y = axes(window.dashboard_page.chart)
    assert_readable(x, y, [1, 2, 3])
    assert [int(v) for v in ticks(x)] == [1, 2, 3]
    window.sign_out_action.trigger()
    open_dashboard(qtbot, window, "bob")  # one session: one point, and it shows
    x, y = axes(window.dashboard_page.chart)
    assert_readable(x, y, [1])
    for series in window.dashboard_page.chart.series():
        assert isinstance(series, QLineSeries) and series.count() == 1
        assert series.pointsVisible() and series.markerSize() >= 8
