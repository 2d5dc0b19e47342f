"""The trainers' assignments page: assign a situation to a trainee or a team, with a due date and
a pass mark, and see each assignment's completion."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QWidget,
)

from trainer.app.assignments import Completion
from trainer.domain.assignments import DEFAULT_PASS_MARK, STATUSES
from trainer.domain.scenario import Scenario
from trainer.ui import labels
from trainer.ui.widgets import TablePage


class AssignmentsPage(TablePage):
    """Signals: assign(str situation, str whom, object due, int pass mark), where ``whom`` is
    ``trainee:NAME`` or ``team:TEAM``; withdraw(int assignment id); back()."""

    assign = Signal(str, str, object, int)
    withdraw = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(4 + len(STATUSES), stretch=0, parent=parent)
        self.rows: list[Completion] = []
        self.situation = QComboBox()
        self.whom = QComboBox()
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.pass_mark = QSpinBox()
        self.pass_mark.setRange(0, 100)
        self.pass_mark.setValue(DEFAULT_PASS_MARK)
        self.assign_button = QPushButton()
        self.assign_button.clicked.connect(self._assign)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.form_labels = [QLabel() for _ in range(4)]
        form = QHBoxLayout()
        for label, field in zip(self.form_labels, (self.situation, self.whom, self.due, self.pass_mark),
                                strict=True):
            label.setBuddy(field)
            form.addWidget(label)
            form.addWidget(field, 2 if field in (self.situation, self.whom) else 0)
        form.addWidget(self.assign_button)
        self.column.insertLayout(1, form)
        self.column.insertWidget(2, self.message)
        self.reset_due()
        self.retranslate()

    def reset_due(self, today: date | None = None) -> None:
        day = (today or date.today()) + timedelta(days=7)
        self.due.setDate(QDate(day.year, day.month, day.day))
        self.due.setMinimumDate(QDate(day.year, day.month, day.day).addDays(-7))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Assignments"))
        for label, text in zip(self.form_labels, (self.tr("&Situation:"), self.tr("&For:"), self.tr("D&ue:"),
                                                  self.tr("Pass &mark:")), strict=True):
            label.setText(text)
        self.assign_button.setText(self.tr("&Assign"))
        self.situation.setAccessibleName(self.tr("Situation"))
        self.whom.setAccessibleName(self.tr("For"))
        self.due.setAccessibleName(self.tr("Due"))
        self.pass_mark.setAccessibleName(self.tr("Pass mark"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Situation"), self.tr("For"), self.tr("Due"), self.tr("Pass mark")]
            + [labels.assignment_status(s).capitalize() for s in STATUSES])
        self.table.setAccessibleName(self.tr("Assignments and their completion"))
        self.empty.setText(self.tr("Nothing is assigned yet."))
        self.open_button.setText(self.tr("&Withdraw the selected one"))
        self.back_button.setText(self.tr("&Back"))
        self.set_rows(self.rows)

    def set_choices(self, situations: dict[str, tuple[Scenario, ...]], teams: list[str],
                    trainees: list[str]) -> None:
        current = (self.situation.currentData(), self.whom.currentData())
        self.situation.clear()
        for situation, scenarios in situations.items():
            self.situation.addItem(" / ".join(dict.fromkeys(s.title for s in scenarios)), situation)
        self.whom.clear()
        for team in teams:
            self.whom.addItem(self.tr("Team: {team}").format(team=team), f"team:{team}")
        for name in trainees:
            self.whom.addItem(name, f"trainee:{name}")
        for combo, value in zip((self.situation, self.whom), current, strict=True):
            index = combo.findData(value)
            if index >= 0:
                combo.setCurrentIndex(index)
        self.assign_button.setEnabled(self.situation.count() > 0 and self.whom.count() > 0)

    def set_rows(self, rows: list[Completion]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, c in enumerate(rows):
            a = c.assignment
            whom = (self.tr("Team: {team}").format(team=a.team) if a.trainee_id is None
                    else c.trainees[0][0] if c.trainees else "?")
            cells = [c.title, whom, a.due.isoformat(), str(a.pass_mark)] + [str(c.count(s)) for s in STATUSES]
            for col, value in enumerate(cells):
                self.table.setItem(r, col, QTableWidgetItem(value))
        self.show_rows(len(rows))

    def _assign(self) -> None:
        qdate = self.due.date()
        self.message.clear()
        self.assign.emit(self.situation.currentData(), self.whom.currentData(),
                         date(qdate.year(), qdate.month(), qdate.day()), self.pass_mark.value())

    def open_row(self, row: int) -> None:
        if row < len(self.rows):
            self.withdraw.emit(self.rows[row].assignment.id)
