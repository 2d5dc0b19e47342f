"""The scenario editor for trainers: the scenario as YAML with a form for its main fields (kept in
sync both ways), problems as you type (the same messages as ``trainer validate``, click one to go
to its line), a diagram of turns and endings, undo/redo, save, duplicate, test-play and packs.

Signals:
    save(str): save this YAML (the service validates and refuses bundled ids).
    test_play(str): play this YAML now, unsaved.
    import_pack(str), export_pack(str): a pack file path (export: the current scenario).
    open_scenario(str): load a scenario's YAML into the editor.
    back(): leave the editor.
"""

from __future__ import annotations

import json
import re
from collections import deque

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase, QPen, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from trainer.domain.scenario import CATEGORIES, Scenario
from trainer.library.loader import Report, ScenarioError, load_scenario_text
from trainer.library.yaml_source import YamlProblem, parse_yaml
from trainer.ui import labels
from trainer.ui.structure_form import StructureForm
from trainer.ui.widgets import Retranslating, heading

NEW_SCENARIO = """id: new_scenario
title: A new scenario
language: en
category: service_quality
difficulty: 1
persona:
  name: Customer
  age: 40
  mood: 70
briefing: What the trainee knows before starting.
steps:
  - id: first_step
    description: What the trainee must do
    examples:
      - "I'll do this for you now."
turns:
  - id: opening
    customer: Why is this taking so long?
    model_answer: I'm sorry for the wait. I'll do this for you now.
    branches:
      - when:
          steps_done: [first_step]
        goto: resolved
      - goto: walked_out
endings:
  - id: resolved
    outcome: resolved
    customer: Thank you.
  - id: walked_out
    outcome: walked_out
    customer: Forget it.
"""
OUTCOME_COLOURS = {"resolved": "#c8e6c9", "escalated": "#ffe0b2", "walked_out": "#ffcdd2"}
SOURCE = "scenario"


def set_top_level(text: str, key: str, value: str | int) -> str:
    """``text`` with the top-level ``key`` set to ``value`` (added at the top if missing); the rest
    of the document, comments included, is untouched."""
    rendered = str(value) if isinstance(value, int) else json.dumps(value, ensure_ascii=False)
    pattern = re.compile(rf"^{re.escape(key)}:[^\n]*$", re.MULTILINE)
    if pattern.search(text):
        return pattern.sub(lambda _m: f"{key}: {rendered}", text, count=1)
    return f"{key}: {rendered}\n{text}"


class EditorPage(Retranslating, QWidget):
    save = Signal(str)
    test_play = Signal(str)
    import_pack = Signal(str)
    export_pack = Signal(str)
    open_scenario = Signal(str)
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.read_only = False
        self.scenario: Scenario | None = None
        self.reports: list[Report] = []
        self.yaml = QPlainTextEdit()
        self.title = heading()
        self.picker = QComboBox()
        self.picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.picker.setMinimumContentsLength(24)
        self.picker.activated.connect(lambda _i: self._pick())
        self.new_button, self.duplicate_button = QPushButton(), QPushButton()
        self.save_button, self.play_button = QPushButton(), QPushButton()
        self.import_button, self.export_button = QPushButton(), QPushButton()
        self.undo_button, self.redo_button, self.back_button = QPushButton(), QPushButton(), QPushButton()
        self.new_button.clicked.connect(lambda: self.load_text(NEW_SCENARIO, read_only=False))
        self.duplicate_button.clicked.connect(self._duplicate)
        self.save_button.clicked.connect(lambda: self.save.emit(self.yaml.toPlainText()))
        self.play_button.clicked.connect(lambda: self.test_play.emit(self.yaml.toPlainText()))
        self.import_button.clicked.connect(self._import)
        self.export_button.clicked.connect(self._export)
        self.back_button.clicked.connect(self.back)

        self.f_title, self.f_id = QLineEdit(), QLineEdit()
        self.f_language, self.f_category = QComboBox(), QComboBox()
        for code in ("en", "zh-CN"):
            self.f_language.addItem(labels.language(code), code)
        self.f_difficulty = QSpinBox()
        self.f_difficulty.setRange(1, 3)
        self.f_title.editingFinished.connect(lambda: self._form_changed("title", self.f_title.text()))
        self.f_id.editingFinished.connect(lambda: self._form_changed("id", self.f_id.text()))
        self.f_language.activated.connect(
            lambda _i: self._form_changed("language", self.f_language.currentData())
        )
        self.f_category.activated.connect(
            lambda _i: self._form_changed("category", self.f_category.currentData())
        )
        self.f_difficulty.valueChanged.connect(lambda v: self._form_changed("difficulty", v))
        self.form_labels = [QLabel() for _ in range(5)]
        form = QFormLayout()
        fields = (self.f_title, self.f_id, self.f_language, self.f_category, self.f_difficulty)
        for label, field in zip(self.form_labels, fields, strict=True):
            label.setBuddy(field)
            form.addRow(label, field)

        self.yaml.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.yaml.setUndoRedoEnabled(True)
        self.undo_button.clicked.connect(self.yaml.undo)
        self.redo_button.clicked.connect(self.yaml.redo)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.validate)
        self.yaml.textChanged.connect(self._timer.start)
        self.problems = QListWidget()
        self.problems.itemActivated.connect(self._go_to_problem)
        self.problems.itemClicked.connect(self._go_to_problem)
        self.scene = QGraphicsScene(self)
        self.diagram = QGraphicsView(self.scene)
        self.note = QLabel()
        self.note.setWordWrap(True)

        # two rows, so the editor never makes the whole window wider than a small screen
        tools, actions = QHBoxLayout(), QHBoxLayout()
        for w in (self.picker, self.new_button, self.duplicate_button):
            tools.addWidget(w)
        tools.addStretch(1)
        tools.addWidget(self.back_button)
        for w in (self.undo_button, self.redo_button, self.save_button, self.play_button, self.import_button,
                  self.export_button):
            actions.addWidget(w)
        actions.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(form)
        self.structure = StructureForm()
        self.structure.applied.connect(self._structure_applied)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.yaml, "")
        scroll = QScrollArea()  # the form is tall; it scrolls rather than making the window taller
        scroll.setWidget(self.structure)
        scroll.setWidgetResizable(True)
        self.tabs.addTab(scroll, "")
        left_layout.addWidget(self.tabs, 1)
        right = QSplitter()
        right.setOrientation(right.orientation().Vertical)
        right.addWidget(self.problems)
        right.addWidget(self.diagram)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(tools)
        layout.addLayout(actions)
        layout.addWidget(self.note)
        layout.addWidget(splitter, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Scenario editor"))
        self.tabs.setTabText(0, self.tr("&YAML"))
        self.tabs.setTabText(1, self.tr("Steps, t&urns and endings"))
        for button, text in (
            (self.new_button, self.tr("&New")),
            (self.duplicate_button, self.tr("&Duplicate")),
            (self.save_button, self.tr("&Save")),
            (self.play_button, self.tr("&Test-play")),
            (self.import_button, self.tr("&Import pack…")),
            (self.export_button, self.tr("E&xport pack…")),
            (self.undo_button, self.tr("&Undo")),
            (self.redo_button, self.tr("Re&do")),
            (self.back_button, self.tr("&Back")),
        ):
            button.setText(text)
        for label, text in zip(
            self.form_labels,
            (
                self.tr("Title:"),
                self.tr("Id:"),
                self.tr("Language:"),
                self.tr("Cause:"),
                self.tr("Difficulty:"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.picker.setAccessibleName(self.tr("Scenario to edit"))
        self.yaml.setAccessibleName(self.tr("Scenario as YAML"))
        self.problems.setAccessibleName(self.tr("Problems in the scenario"))
        self.diagram.setAccessibleName(self.tr("Turns and endings"))
        self.f_title.setAccessibleName(self.tr("Title"))
        self.f_id.setAccessibleName(self.tr("Id"))
        self.f_language.setAccessibleName(self.tr("Language"))
        self.f_category.setAccessibleName(self.tr("Cause"))
        self.f_difficulty.setAccessibleName(self.tr("Difficulty"))
        current = self.f_category.currentData()
        self.f_category.clear()
        for c in CATEGORIES:
            self.f_category.addItem(labels.category(c), c)
        self.f_category.setCurrentIndex(max(0, self.f_category.findData(current)))
        self._show_note()

    # -- loading and saving ----------------------------------------------------------------------------

    def set_scenarios(self, choices: list[tuple[str, str]]) -> None:
        """(id, title) of every scenario, for the picker."""
        current = self.picker.currentData()
        self.picker.clear()
        for sid, title in choices:
            self.picker.addItem(f"{title} ({sid})", sid)
        self.picker.setCurrentIndex(max(0, self.picker.findData(current)))

    def load_text(self, text: str, read_only: bool) -> None:
        self.read_only = read_only
        self.yaml.setPlainText(text)
        self.yaml.document().clearUndoRedoStacks()
        self.validate()
        self._show_note()
        self.yaml.setFocus()

    def show_message(self, text: str) -> None:
        self.note.setText(text)

    def _show_note(self) -> None:
        self.note.setText(
            self.tr(
                "This is a bundled scenario: it cannot be changed. Duplicate it to make your own version."
            )
            if self.read_only
            else ""
        )
        self.save_button.setEnabled(not self.read_only)

    def _pick(self) -> None:
        sid = self.picker.currentData()
        if sid:
            self.open_scenario.emit(str(sid))

    def _duplicate(self) -> None:
        text = self.yaml.toPlainText()
        sid = self.scenario.id if self.scenario else "scenario"
        self.read_only = False
        self.yaml.setPlainText(set_top_level(text, "id", f"{sid}_copy"))
        self.validate()
        self._show_note()

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a scenario pack"), "", self.tr("Scenario packs (*.zip)")
        )
        if path:
            self.import_pack.emit(path)

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export as a scenario pack"), "", self.tr("Scenario packs (*.zip)")
        )
        if path:
            self.export_pack.emit(path)

    # -- form <-> YAML --------------------------------------------------------------------------------

    def _form_changed(self, key: str, value: object) -> None:
        if value is None:
            return
        text = self.yaml.toPlainText()
        updated = set_top_level(text, key, value if isinstance(value, int) else str(value))
        if updated != text:
            cursor = self.yaml.textCursor()
            cursor.beginEditBlock()  # one undo step
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(updated)
            cursor.endEditBlock()

    def _structure_applied(self, text: str) -> None:
        cursor = self.yaml.textCursor()
        cursor.beginEditBlock()  # one undo step
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        cursor.endEditBlock()
        self.validate()

    def _fill_form(self, s: Scenario) -> None:
        widgets = (self.f_title, self.f_id, self.f_language, self.f_category, self.f_difficulty)
        for w in widgets:
            w.blockSignals(True)
        self.f_title.setText(s.title)
        self.f_id.setText(s.id)
        self.f_language.setCurrentIndex(self.f_language.findData(s.language))
        self.f_category.setCurrentIndex(self.f_category.findData(s.category))
        self.f_difficulty.setValue(s.difficulty)
        for w in widgets:
            w.blockSignals(False)

    # -- checking --------------------------------------------------------------------------------------

    def validate(self) -> None:
        """Check the YAML as it stands; problems are listed with their line, the diagram follows."""
        self._timer.stop()
        self.problems.clear()
        try:
            loaded = load_scenario_text(self.yaml.toPlainText(), SOURCE)
        except ScenarioError as exc:
            self.reports = exc.reports
        else:
            self.scenario = loaded.scenario
            self.reports = loaded.warnings
            self._fill_form(loaded.scenario)
            self._draw(loaded.scenario)
        try:  # the form works on whatever parses, even with problems left to fix
            data = parse_yaml(self.yaml.toPlainText()).data
        except YamlProblem:
            data = None
        if isinstance(data, dict):
            self.structure.set_data(data)
        for report in self.reports:
            item = QListWidgetItem(str(report).removeprefix(f"{SOURCE}:"))
            item.setData(256, report.line)
            if report.is_error:
                item.setForeground(QColor("#b00020"))
            self.problems.addItem(item)
        if not self.reports:
            self.problems.addItem(self.tr("No problems."))
        self.play_button.setEnabled(not any(r.is_error for r in self.reports))

    def _go_to_problem(self, item: QListWidgetItem) -> None:
        line = item.data(256)
        if line:
            self.tabs.setCurrentWidget(self.yaml)
            block = self.yaml.document().findBlockByLineNumber(int(line) - 1)
            cursor = QTextCursor(block)
            self.yaml.setTextCursor(cursor)
            self.yaml.setFocus()

    def _draw(self, s: Scenario) -> None:
        """Turns in columns by distance from the opening, endings in the last column; arrows are
        the branches."""
        self.scene.clear()
        depth = {s.first_turn.id: 0}
        queue = deque([s.first_turn])
        while queue:
            turn = queue.popleft()
            for branch in turn.branches:
                if branch.goto not in depth and s.turn(branch.goto) is not None:
                    depth[branch.goto] = depth[turn.id] + 1
                    queue.append(s.turn(branch.goto))  # type: ignore[arg-type]
        last = max(depth.values(), default=0) + 1
        columns: dict[int, list[str]] = {}
        for node_id in [t.id for t in s.turns] + [e.id for e in s.endings]:
            column = depth.get(node_id, last if s.ending(node_id) else last - 1)
            columns.setdefault(column, []).append(node_id)
        boxes = {}
        font = QFont(self.font())
        for column, ids in columns.items():
            for row, node_id in enumerate(ids):
                ending = s.ending(node_id)
                colour = OUTCOME_COLOURS.get(ending.outcome, "#eeeeee") if ending else "#e3f2fd"
                rect = self.scene.addRect(
                    column * 170, row * 60, 140, 36, QPen(QColor("#607d8b")), QBrush(QColor(colour))
                )
                text = self.scene.addText(node_id, font)
                text.setPos(column * 170 + 4, row * 60 + 6)
                boxes[node_id] = rect.rect()
        for turn in s.turns:
            for branch in turn.branches:
                if turn.id in boxes and branch.goto in boxes:
                    a, b = boxes[turn.id], boxes[branch.goto]
                    self.scene.addLine(
                        a.right(), a.center().y(), b.left(), b.center().y(), QPen(QColor("#90a4ae"))
                    )
