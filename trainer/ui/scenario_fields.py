"""The scenario editor's form for the top-level fields (title, id, language, cause, difficulty),
showing what the YAML says: a value the YAML has wrong is shown as it is written, marked with
its problem, never replaced by a valid-looking one.

Signals:
    changed(str, object): a field the user edited, and its new value (for the YAML).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from trainer.domain.scenario import CATEGORIES
from trainer.library.draft import Draft
from trainer.ui import labels
from trainer.ui.widgets import Retranslating

KEYS = ("title", "id", "language", "category", "difficulty")
ERROR_RED = "#b00020"


class ScenarioFields(Retranslating, QWidget):
    changed = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title, self.id = QLineEdit(), QLineEdit()
        self.language, self.category, self.difficulty = QComboBox(), QComboBox(), QComboBox()
        for code in ("en", "zh-CN"):
            self.language.addItem(labels.language(code), code)
        self.title.editingFinished.connect(lambda: self.changed.emit("title", self.title.text()))
        self.id.editingFinished.connect(lambda: self.changed.emit("id", self.id.text()))
        for key, combo in (("language", self.language), ("category", self.category),
                           ("difficulty", self.difficulty)):
            combo.activated.connect(lambda _i, k=key, c=combo: self._chosen(k, c))
        self.labels = {key: QLabel() for key in KEYS}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for key in KEYS:
            self.labels[key].setBuddy(self.widget(key))
            form.addRow(self.labels[key], self.widget(key))
        self._values: dict[str, Any] = {}
        self._problems: dict[str, list[str]] = {}
        self.retranslate()

    def widget(self, key: str) -> QLineEdit | QComboBox:
        widgets: dict[str, QLineEdit | QComboBox] = {
            "title": self.title, "id": self.id, "language": self.language, "category": self.category,
            "difficulty": self.difficulty}
        return widgets[key]

    def _chosen(self, key: str, combo: QComboBox) -> None:
        if combo.currentData() is not None:
            self.changed.emit(key, combo.currentData())

    def retranslate(self) -> None:
        names = {"title": self.tr("Title"), "id": self.tr("Id"), "language": self.tr("Language"),
                 "category": self.tr("Cause"), "difficulty": self.tr("Difficulty")}
        for key in KEYS:
            self.widget(key).setAccessibleName(names[key])
        for key, text in (("title", self.tr("Title:")), ("id", self.tr("Id:")),
                          ("language", self.tr("Language:")), ("category", self.tr("Cause:")),
                          ("difficulty", self.tr("Difficulty:"))):
            self.labels[key].setText(text)
        for combo, options in (
            (self.category, [(c, labels.category(c)) for c in CATEGORIES]),
            (self.difficulty, [(d, f"{d} · {labels.difficulty(d)}") for d in (1, 2, 3)]),
        ):
            current = combo.currentIndex()
            combo.blockSignals(True)
            combo.clear()
            for value, text in options:
                combo.addItem(text, value)
            combo.setCurrentIndex(current)
            combo.blockSignals(False)
        self._mark()

    def show_draft(self, draft: Draft) -> None:
        """What the draft's YAML says, each field with its problems (if any)."""
        self.setEnabled(draft.data is not None)  # text that is not YAML: nothing to show
        if draft.data is None:
            return
        self._values = {key: draft.data.get(key) for key in KEYS}
        self._problems = {key: [r.message for r in draft.problems_of(key)] for key in KEYS}
        for key in ("title", "id"):
            line = self.widget(key)
            assert isinstance(line, QLineEdit)
            if not (line.hasFocus() and line.isModified()):  # never under the user's typing
                value = self._values[key]
                line.setText("" if value is None else str(value))
                line.setModified(False)
        for key in ("language", "category", "difficulty"):
            combo = self.widget(key)
            assert isinstance(combo, QComboBox)
            index = -1 if self._problems[key] else combo.findData(self._values[key])
            combo.setCurrentIndex(index)
        self._mark()

    def _mark(self) -> None:
        """Fields with problems: their label in red, the problems in their tooltip, and a choice
        list says what the YAML has instead of picking a value."""
        for key in KEYS:
            problems = self._problems.get(key, [])
            tip = "\n".join(problems)
            self.widget(key).setToolTip(tip)
            self.labels[key].setToolTip(tip)
            self.labels[key].setStyleSheet(f"color: {ERROR_RED}; font-weight: bold;" if problems else "")
            combo = self.widget(key)
            if isinstance(combo, QComboBox):
                value = self._values.get(key)
                combo.setPlaceholderText(
                    self.tr("(missing)") if value is None
                    else self.tr("{value} (not valid)").format(value=value) if problems else "")
