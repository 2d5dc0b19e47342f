"""The scenario library: which customer to practise with."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trainer.app.views import LibraryEntry
from trainer.domain.scenario import CATEGORIES
from trainer.ui import labels
from trainer.ui.widgets import Retranslating, heading


class ScenarioCard(QFrame):
    """A scenario in the library: title, facts, briefing and the trainee's best scores."""

    def __init__(self, entry: LibraryEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        s = entry.scenario
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = heading(s.title, 1.1)
        self.facts = QLabel()
        self.briefing = QLabel(s.briefing)
        self.briefing.setWordWrap(True)
        self.best = QLabel()
        self.assigned = QLabel()
        self.assigned.setObjectName("assigned")
        self.assigned.setStyleSheet("font-weight: bold;")
        self.assigned.setVisible(entry.assigned is not None)
        layout = QVBoxLayout(self)
        layout.addWidget(self.assigned)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.briefing)
        layout.addWidget(self.best)
        self.retranslate()

    def retranslate(self) -> None:
        s = self.entry.scenario
        self.facts.setText(f"{labels.category(s.category)} · {labels.difficulty(s.difficulty)} · "
                           f"{labels.language(s.language)}")
        best = self.entry.best
        if best:
            self.best.setText(self.tr("Your best: empathy {e}, clarity {c}, solution {s}").format(
                e=best["empathy"], c=best["clarity"], s=best["solution"]))
        else:
            self.best.setText(self.tr("Not practised yet"))
        item = self.entry.assigned
        if item is not None:
            a, p = item.assignment, item.progress
            text = self.tr("Assigned to you · due {due} · pass mark {mark} · {status}").format(
                due=a.due.isoformat(), mark=a.pass_mark, status=labels.assignment_status(p.status))
            if p.late:
                text += " " + self.tr("(late)")
            self.assigned.setText(text)


class LibraryPage(Retranslating, QWidget):
    """The scenario library with filters.

    Signals:
        practise(str): start the scenario with this id.
        history_requested(): show past sessions.
        change_trainee(): go back to the trainee list.
    """

    practise = Signal(str)
    history_requested = Signal()
    change_trainee = Signal()
    progress_requested = Signal()
    leaderboard_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[LibraryEntry] = []
        self.title = heading()
        self.category = QComboBox()
        self.difficulty = QComboBox()
        self.language = QComboBox()
        for combo in (self.category, self.difficulty, self.language):
            combo.currentIndexChanged.connect(self._refill)
        self.list = QListWidget()
        self.list.setSpacing(4)
        self.list.itemActivated.connect(lambda item: self.practise.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.empty = QLabel()
        self.practise_button = QPushButton()
        self.practise_button.clicked.connect(self._practise_selected)
        self.history_button = QPushButton()
        self.history_button.clicked.connect(self.history_requested)
        self.trainee_button = QPushButton()
        self.trainee_button.clicked.connect(self.change_trainee)
        self.progress_button = QPushButton()
        self.progress_button.clicked.connect(self.progress_requested)
        self.leaderboard_button = QPushButton()
        self.leaderboard_button.clicked.connect(self.leaderboard_requested)

        filters = QHBoxLayout()
        self.filter_labels = [QLabel(), QLabel(), QLabel()]
        combos = (self.category, self.difficulty, self.language)
        for label, combo in zip(self.filter_labels, combos, strict=True):
            label.setBuddy(combo)
            filters.addWidget(label)
            filters.addWidget(combo)
        filters.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.practise_button)
        buttons.addStretch(1)
        buttons.addWidget(self.progress_button)
        buttons.addWidget(self.leaderboard_button)
        buttons.addWidget(self.history_button)
        buttons.addWidget(self.trainee_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(filters)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Choose a customer to calm"))
        for label, text in zip(self.filter_labels, (self.tr("&Cause:"), self.tr("&Difficulty:"),
                                                    self.tr("&Language:")), strict=True):
            label.setText(text)
        self._fill_combo(self.category, [(None, self.tr("All causes"))] +
                         [(c, labels.category(c)) for c in CATEGORIES])
        self._fill_combo(self.difficulty, [(None, self.tr("All levels"))] +
                         [(d, labels.difficulty(d)) for d in (1, 2, 3)])
        self._fill_combo(self.language, [(None, self.tr("All languages"))] +
                         [(code, labels.language(code)) for code in ("en", "zh-CN")])
        self.category.setAccessibleName(self.tr("Filter by cause"))
        self.difficulty.setAccessibleName(self.tr("Filter by difficulty"))
        self.language.setAccessibleName(self.tr("Filter by language"))
        self.list.setAccessibleName(self.tr("Scenarios"))
        self.empty.setText(self.tr("No scenario matches these filters."))
        self.practise_button.setText(self.tr("&Practise this scenario"))
        self.history_button.setText(self.tr("Past &sessions"))
        self.trainee_button.setText(self.tr("Sign &out"))
        self.progress_button.setText(self.tr("My p&rogress"))
        self.leaderboard_button.setText(self.tr("Leader&board"))
        self._refill()

    @staticmethod
    def _fill_combo(combo: QComboBox, options: list[tuple[object, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for value, text in options:
            combo.addItem(text, value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    def clear_filters(self) -> None:
        """Every cause, level and language: as the library starts for each person who signs in."""
        for combo in (self.category, self.difficulty, self.language):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._refill()

    def set_entries(self, entries: list[LibraryEntry]) -> None:
        self.entries = entries
        self._refill()
        self.list.setFocus()

    def visible_ids(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def _refill(self) -> None:
        wanted = {"category": self.category.currentData(), "difficulty": self.difficulty.currentData(),
                  "language": self.language.currentData()}
        self.list.clear()
        for entry in self.entries:
            s = entry.scenario
            if any(value and getattr(s, key) != value for key, value in wanted.items()):
                continue
            card = ScenarioCard(entry)
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{s.title}. {s.briefing}")
            item.setSizeHint(card.sizeHint())
            self.list.addItem(item)
            self.list.setItemWidget(item, card)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.empty.setVisible(self.list.count() == 0 and bool(self.entries))
        self.practise_button.setEnabled(self.list.count() > 0)

    def _practise_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.practise.emit(item.data(Qt.ItemDataRole.UserRole))
