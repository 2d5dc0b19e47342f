"""The line chart of empathy, clarity and solution (0 to 100) that the summary, the dashboard and
the Reports view share; each page chooses its x axis and its points."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCharts import QAbstractAxis, QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from trainer.domain.scenario import DIMENSIONS
from trainer.ui import labels
from trainer.ui.highlight import COLOURS


def score_chart(min_height: int) -> tuple[QChart, QChartView]:
    chart = QChart()
    chart.setMargins(QMargins(4, 4, 4, 4))
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(min_height)
    return chart, view


#: At most this many labelled ticks on an axis of numbered things.
MAX_TICKS = 10
#: The marker of a value on its own (a line of one point draws nothing).
LONE_MARKER = 11.0


def whole_step(count: int, max_ticks: int = MAX_TICKS) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50, … that labels ``count`` numbered things in at most
    ``max_ticks`` ticks."""
    step = 1
    while count / step > max_ticks:
        step = step * 5 // 2 if str(step)[0] == "2" else step * 2
    return step


def count_axis(count: int, title: str) -> QValueAxis:
    """An axis for things numbered 1 to ``count`` (turns, sessions): ticks on whole numbers only
    (a few, however many there are), half a step of room at each end so no point sits on the
    chart's edge; one thing is shown in the middle."""
    axis = QValueAxis()
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(whole_step(count))
    axis.setMinorTickCount(0)
    axis.setRange(0.5, max(1, count) + 0.5)
    axis.setLabelFormat("%d")
    axis.setTitleText(title)
    return axis


def plot_scores(chart: QChart, x_axis: QAbstractAxis, points: dict[str, Iterable[tuple[float, float]]],
                points_visible: bool = True) -> None:
    """Replace what ``chart`` shows: a 0–100 axis and a line per dimension in its colour; a
    dimension with a single value shows it as a point that can be seen."""
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
    y_axis = QValueAxis()
    y_axis.setRange(0, 100)
    y_axis.setTickType(QValueAxis.TickType.TicksDynamic)
    y_axis.setTickAnchor(0)
    y_axis.setTickInterval(25)
    y_axis.setLabelFormat("%d")
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    for d in DIMENSIONS:
        series = QLineSeries()
        series.setName(labels.dimension(d))
        series.setPen(QPen(QColor(COLOURS[d]), 2))
        for x, y in points.get(d, ()):
            series.append(x, y)
        alone = series.count() == 1
        series.setPointsVisible(points_visible or alone)
        if alone:
            series.setMarkerSize(LONE_MARKER)
        chart.addSeries(series)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
