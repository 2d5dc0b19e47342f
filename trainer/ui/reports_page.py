"""HR's Reports view: filters, a sortable table of trainees, the team's trend, and exports.

The page only shows what it is given and says what the user asked for: ``refresh`` with the
filters whenever one changes (after a short pause, so typing a date does not query on every key),
and ``export_requested`` once the user has picked a format and a file. The main window does the
work on the engine thread and shows its progress.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache, partial
from pathlib import Path

from PySide6.QtCharts import QDateTimeAxis, QLineSeries
from PySide6.QtCore import (
    QCollator,
    QDate,
    QDateTime,
    QLocale,
    QSettings,
    QStandardPaths,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.app.reports import Report, ReportChoices
from trainer.domain.scenario import CATEGORIES, DIMENSIONS
from trainer.domain.xapi import XapiSettings
from trainer.export.run import SUFFIXES
from trainer.export.selection import ExportFilter
from trainer.ui import i18n, labels
from trainer.ui.score_chart import plot_scores, score_chart
from trainer.ui.widgets import Retranslating, heading, read_only_table
from trainer.ui.xapi_dialog import XapiSettingsDialog

REFRESH_DELAY_MS = 250
COLUMNS = 9  # name, team, sessions, three dimensions, critical fails, level, certified


class _SortableItem(QTableWidgetItem):
    """A cell shown as text and sorted by the number behind it."""

    def __init__(self, text: str, key: float | str) -> None:
        super().__init__(text)
        self.setData(Qt.ItemDataRole.UserRole, key)
        if isinstance(key, int | float):
            self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(Qt.ItemDataRole.UserRole), other.data(Qt.ItemDataRole.UserRole)
        if isinstance(mine, int | float) and isinstance(theirs, int | float):
            return mine < theirs
        return _collator(i18n.current_language()).compare(str(mine), str(theirs)) < 0


@cache
def _collator(language: str) -> QCollator:
    """Names in the order people expect: Chinese by pinyin, accents beside their letter."""
    collator = QCollator(QLocale("zh_CN" if language == "zh-CN" else "en_US"))
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return collator


class ReportsPage(Retranslating, QWidget):
    """Signals: refresh(object) an ``ExportFilter``; export_requested(str, str, object) format,
    file path and the ``ExportFilter`` to export (for xAPI, with the settings in ``xapi``); back()."""

    refresh = Signal(object)
    export_requested = Signal(str, str, object)
    back = Signal()

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.report: Report | None = None
        self._current = False
        """Whether the table shows what the filters say (so an export covers what is shown)."""
        self._choices = ReportChoices([], [])
        self.xapi = XapiSettings()
        self._xapi_confirmed = False
        """The xAPI home page and platform the next xAPI export names (the branch's, until the
        user changes them in the dialog)."""
        self.title = heading()
        self.team, self.trainee, self.category = QComboBox(), QComboBox(), QComboBox()
        today = QDate.currentDate()
        self.date_from, self.date_to = QDateEdit(today.addDays(-29)), QDateEdit(today)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._changed)
        for combo in (self.team, self.trainee, self.category):
            combo.currentIndexChanged.connect(self._changed)
        self.team.currentIndexChanged.connect(self._fill_trainees)
        self.filter_labels = [QLabel() for _ in range(5)]
        filters = QGridLayout()
        for i, (label, field) in enumerate(zip(self.filter_labels, (
                self.team, self.trainee, self.category, self.date_from, self.date_to), strict=True)):
            label.setBuddy(field)
            filters.addWidget(label, i // 3, 2 * (i % 3))
            filters.addWidget(field, i // 3, 2 * (i % 3) + 1)
        filters.setColumnStretch(6, 1)  # the fields keep their natural width; spare room goes right
        self.table = read_only_table(COLUMNS, stretch=0)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)  # by name, A to Z
        self.table.setSortingEnabled(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.chart, self.chart_view = score_chart(220)
        self.export_button = QPushButton()
        self.export_menu = QMenu(self)
        self.export_actions = {
            kind: self.export_menu.addAction("", partial(self._ask_export, kind))
            for kind in ("csv", "xlsx", "pdf", "xapi")
        }
        self.export_menu.addSeparator()
        self.trainee_pdf_action = self.export_menu.addAction("", self._ask_trainee_pdf)
        self.export_button.setMenu(self.export_menu)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.chart_view, 2)
        layout.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self._emit_refresh)
        self.retranslate()

    # -- filters ------------------------------------------------------------------------------------------

    def selection(self) -> ExportFilter:
        return ExportFilter(self.date_from.date().toPython(), self.date_to.date().toPython(),  # type: ignore[arg-type]
                            self.team.currentData(), self.trainee.currentData(), self.category.currentData())

    def set_choices(self, choices: ReportChoices) -> None:
        """Teams and trainees to filter by; what was chosen stays chosen if it is still there."""
        self._choices = choices
        team = self.team.currentData()
        self.team.blockSignals(True)
        self.team.clear()
        self.team.addItem(self.tr("Every team"), None)
        for t in choices.teams:
            self.team.addItem(t, t)
        self.team.setCurrentIndex(max(0, self.team.findData(team)) if team else 0)
        self.team.blockSignals(False)
        self._fill_trainees()

    def _fill_trainees(self) -> None:
        team, chosen = self.team.currentData(), self.trainee.currentData()
        self.trainee.blockSignals(True)
        self.trainee.clear()
        self.trainee.addItem(self.tr("Everyone"), None)
        for name, their_team in self._choices.trainees:
            if team is None or their_team == team:
                self.trainee.addItem(f"{name} ({their_team})" if their_team else name, name)
        self.trainee.setCurrentIndex(max(0, self.trainee.findData(chosen)) if chosen else 0)
        self.trainee.blockSignals(False)

    def _changed(self, *_: object) -> None:
        """Exports wait until the table shows what the filters say."""
        self._current = False
        self._selection_changed()
        if self.date_to.date() < self.date_from.date():
            self._timer.stop()
            self.message.setText(self.tr("The last day is before the first day."))
            return
        self._timer.start()

    @property
    def refresh_scheduled(self) -> bool:
        """A refresh will be asked for shortly (the filters changed a moment ago)."""
        return self._timer.isActive()

    def _emit_refresh(self) -> None:
        self.refresh.emit(self.selection())

    # -- showing ------------------------------------------------------------------------------------------

    def show_report(self, report: Report) -> None:
        if report.selection != self.selection() or self._timer.isActive():
            return  # the filters changed while it was being read; the newer one is on its way
        self.report = report
        self._current = True
        self.message.clear()
        self._fill_table()
        self._render_chart()
        self._selection_changed()

    def _fill_table(self) -> None:
        assert self.report is not None
        lines = self.report.lines
        sessions = sum(line.sessions for line in lines)
        self.summary.setText(
            self.tr("{trainees} trainees, {sessions} sessions from {start} to {end}.").format(
                trainees=len(lines), sessions=sessions, start=self.report.selection.date_from.isoformat(),
                end=self.report.selection.date_to.isoformat())
            if lines else self.tr("Nobody practised with these filters in this period."))
        counts = self.report.assignments or {}
        if sum(counts.values()):
            self.summary.setText(self.summary.text() + " " + self.tr(
                "Assignments: {passed} passed, {in_progress} in progress, {not_started} not started, "
                "{overdue} overdue.").format(**{k: counts.get(k, 0) for k in
                                                ("passed", "in_progress", "not_started", "overdue")}))
        as_of = self.report.central_as_of
        if as_of is not None:  # the central record, pulled by this PC's sync: say how fresh it is
            when = (datetime.fromisoformat(as_of).astimezone().strftime("%Y-%m-%d %H:%M") if as_of
                    else self.tr("never synced yet"))
            self.summary.setText(self.summary.text() + " " + self.tr(
                "Every branch's record from the central server, as of the last sync ({when}).").format(
                    when=when))
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(lines))
        for r, line in enumerate(lines):
            cells = [_SortableItem(line.name, line.name), _SortableItem(line.team, line.team),
                     _SortableItem(str(line.sessions), line.sessions)]
            for d in DIMENSIONS:
                automatic, overridden = line.automatic[d], line.with_overrides[d]
                text = f"{overridden:.0f}"
                item = _SortableItem(text, overridden)
                if round(automatic) != round(overridden):
                    item.setText(self.tr("{score} (automatic {automatic})").format(
                        score=text, automatic=f"{automatic:.0f}"))
                    item.setToolTip(self.tr("Trainers' overrides changed this average; the scorer "
                                            "gave {automatic}.").format(automatic=f"{automatic:.1f}"))
                cells.append(item)
            level = (line.level_zh or line.level) if i18n.current_language() == "zh-CN" else line.level
            cells += [_SortableItem(str(line.critical_fails), line.critical_fails),
                      _SortableItem(level, line.points),
                      _SortableItem(self.tr("Yes") if line.certified else self.tr("No"), int(line.certified))]
            cells[-2].setToolTip(self.tr("{points} points").format(points=line.points))
            for c, item in enumerate(cells):
                self.table.setItem(r, c, item)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()

    def _render_chart(self) -> None:
        assert self.report is not None
        report = self.report
        sizes = {"day": self.tr("day"), "week": self.tr("week"), "month": self.tr("month")}
        team = report.selection.team or self.tr("every team")
        title = self.tr("Trend of {team}: average per {size} (trainers' overrides applied)")
        self.chart.setTitle(title.format(team=team, size=sizes[report.trend_size]))
        # Time on the x axis, so a week without practice is a gap of a week, not a missing point.
        x_axis = QDateTimeAxis()
        x_axis.setFormat("yyyy-MM" if report.trend_size == "month" else "MM-dd")
        starts = [_msecs(p.start) for p in report.trend] or [_msecs(report.selection.date_from)]
        half_day = 43_200_000
        x_axis.setRange(QDateTime.fromMSecsSinceEpoch(int(starts[0]) - half_day),
                        QDateTime.fromMSecsSinceEpoch(int(starts[-1]) + half_day))
        x_axis.setTickCount(max(2, min(len(starts), 8)))
        practised = [p for p in report.trend if p.averages]
        plot_scores(self.chart, x_axis, {d: [(_msecs(p.start), p.averages[d]) for p in practised]
                                         for d in DIMENSIONS})

    def series_values(self) -> dict[str, list[tuple[date, float]]]:
        """The chart's points per dimension, as drawn: (day, score)."""
        values: dict[str, list[tuple[date, float]]] = {}
        for series in self.chart.series():
            assert isinstance(series, QLineSeries)
            values[series.name()] = [(_day(point.x()), point.y()) for point in series.points()]
        return values

    def selected_trainee(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def _selection_changed(self) -> None:
        name = self.selected_trainee()
        self.trainee_pdf_action.setText(
            self.tr("PDF scorecard of {name}…").format(name=name) if name
            else self.tr("PDF scorecard of the selected trainee…"))
        exportable = bool(self._current and self.report and self.report.lines)
        self.trainee_pdf_action.setEnabled(exportable and name is not None)
        for action in self.export_actions.values():
            action.setEnabled(exportable)

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    # -- exporting ----------------------------------------------------------------------------------------

    def set_xapi_settings(self, settings: XapiSettings) -> None:
        """The branch's xAPI home page and platform, offered when xAPI statements are exported
        (read as the page opens: an answer that arrives after the user already confirmed settings
        in the dialog is older than theirs, and is dropped)."""
        if not self._xapi_confirmed:
            self.xapi = settings

    def _ask_export(self, kind: str) -> None:
        if not self._current or self.report is None:
            return
        if kind == "xapi":  # where the statements say they come from, first
            chosen = XapiSettingsDialog.ask(self, self.xapi)
            if chosen is None:
                return
            self.xapi, self._xapi_confirmed = chosen, True
        selection = self.report.selection  # what the table shows
        self._ask(kind, selection, f"scorecards-{selection.team or 'all'}")

    def _ask_trainee_pdf(self) -> None:
        name = self.selected_trainee()
        if name is None or not self._current or self.report is None:
            return
        base = self.report.selection
        selection = ExportFilter(base.date_from, base.date_to, None, name, base.category)
        self._ask("pdf", selection, f"scorecard-{name}")

    def _ask(self, kind: str, selection: ExportFilter, stem: str) -> None:
        suffix = SUFFIXES[kind]  # type: ignore[index]
        name = _file_name(f"{stem}-{selection.date_from}-{selection.date_to}") + suffix
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export"), str(self._folder() / name), self._filters()[kind])
        if not path:
            return
        if not path.lower().endswith(suffix):
            path += suffix
        if self.settings is not None:
            self.settings.setValue("export_folder", str(Path(path).parent))
        self.export_requested.emit(kind, path, selection)

    def _folder(self) -> Path:
        saved = self.settings.value("export_folder") if self.settings is not None else None
        if saved and Path(str(saved)).is_dir():
            return Path(str(saved))
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    def _filters(self) -> dict[str, str]:
        return {"csv": self.tr("CSV files (*.csv)"), "xlsx": self.tr("Excel workbooks (*.xlsx)"),
                "pdf": self.tr("PDF files (*.pdf)"), "xapi": self.tr("xAPI statements (*.json)")}

    def retranslate(self) -> None:
        self.title.setText(self.tr("Reports"))
        for label, text in zip(self.filter_labels, (
                self.tr("&Team or branch:"), self.tr("T&rainee:"), self.tr("&Cause:"),
                self.tr("&From:"), self.tr("T&o:")), strict=True):
            label.setText(text)
        self.team.setAccessibleName(self.tr("Team or branch"))
        self.trainee.setAccessibleName(self.tr("Trainee"))
        self.category.setAccessibleName(self.tr("Cause of upset"))
        self.date_from.setAccessibleName(self.tr("First day"))
        self.date_to.setAccessibleName(self.tr("Last day"))
        self.table.setAccessibleName(self.tr("Trainees"))
        self.chart_view.setAccessibleName(self.tr("Trend chart"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Team"), self.tr("Sessions"), *[labels.dimension(d) for d in DIMENSIONS],
            self.tr("Critical fails"), self.tr("Level"), self.tr("Certified")])
        self.export_button.setText(self.tr("&Export"))
        self.export_actions["csv"].setText(self.tr("Replies as CSV…"))
        self.export_actions["xlsx"].setText(self.tr("Workbook (XLSX): summary, sessions, replies…"))
        self.export_actions["pdf"].setText(self.tr("PDF scorecards of everyone shown…"))
        self.export_actions["xapi"].setText(self.tr("xAPI statements for an LMS…"))
        self.back_button.setText(self.tr("&Back"))
        self.category.blockSignals(True)
        chosen = self.category.currentData()
        self.category.clear()
        self.category.addItem(self.tr("Every cause"), None)
        for c in CATEGORIES:
            self.category.addItem(labels.category(c), c)
        self.category.setCurrentIndex(max(0, self.category.findData(chosen)) if chosen else 0)
        self.category.blockSignals(False)
        self.set_choices(self._choices)
        self._selection_changed()
        if self.report is not None:
            self._fill_table()
            self._render_chart()


def _day(msecs: float) -> date:
    qdate = QDateTime.fromMSecsSinceEpoch(int(msecs)).date()
    return date(qdate.year(), qdate.month(), qdate.day())


def _msecs(day: date) -> float:
    return float(QDateTime(QDate(day.year, day.month, day.day), QTime(0, 0)).toMSecsSinceEpoch())


def _file_name(text: str) -> str:
    """A file name any system accepts: path separators and reserved characters become '-'."""
    return re.sub(r'[\\/:*?"<>|\s]+', "-", text).strip("-.") or "export"
