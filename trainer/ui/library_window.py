"""The main window: the scenario library as a sortable table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.library.catalog import Catalog

COLUMNS = ("Title", "Language", "Category", "Difficulty", "Briefing")
CATEGORY_NAMES = {
    "service_quality": "Service quality",
    "communication": "Communication",
    "system_failure": "System failure",
    "staff_attitude": "Staff attitude",
    "policy_market": "Policy and market",
}
LANGUAGE_NAMES = {"en": "English", "zh-CN": "简体中文"}


class LibraryWindow(QMainWindow):
    """Lists every scenario of ``catalog``; problems in scenario files are shown above it."""

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.setWindowTitle("Teller trainer — scenario library")
        self.table = QTableWidget(len(catalog), len(COLUMNS))
        self.table.setAccessibleName("Scenario library")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        for row, s in enumerate(catalog):
            values = (s.title, LANGUAGE_NAMES[s.language], CATEGORY_NAMES[s.category],
                      "★" * s.difficulty, s.briefing)
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, s.id)
                item.setToolTip(s.briefing)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSortingEnabled(True)

        self.problems = QLabel("\n".join(str(r) for r in catalog.reports if r.is_error))
        self.problems.setVisible(bool(self.problems.text()))
        self.problems.setStyleSheet("color: #b00020;")
        self.problems.setWordWrap(True)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(QLabel(f"{len(catalog)} scenarios. Practise one in a terminal with "
                                "`trainer play <id>`; practice in this window is coming next."))
        layout.addWidget(self.problems)
        layout.addWidget(self.table)
        self.setCentralWidget(body)
        self.resize(1000, 560)

    def scenario_ids(self) -> list[str]:
        items = (self.table.item(r, 0) for r in range(self.table.rowCount()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item is not None]
