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


def plot_scores(chart: QChart, x_axis: QAbstractAxis, points: dict[str, Iterable[tuple[float, float]]],
                points_visible: bool = True) -> None:
    """Replace what ``chart`` shows: a 0–100 axis and a line per dimension in its colour."""
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
    y_axis = QValueAxis()
    y_axis.setRange(0, 100)
    y_axis.setLabelFormat("%d")
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    for d in DIMENSIONS:
        series = QLineSeries()
        series.setName(labels.dimension(d))
        series.setPen(QPen(QColor(COLOURS[d]), 2))
        series.setPointsVisible(points_visible)
        for x, y in points.get(d, ()):
            series.append(x, y)
        chart.addSeries(series)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
