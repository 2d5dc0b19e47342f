"""The scenario editor for trainers: the scenario as YAML with a form for its main fields (kept in
sync both ways; the form shows what the YAML says, wrong values too), problems as you type (the
same messages as ``trainer validate``, checked on the engine thread once typing pauses, click one
to go to its line), a diagram of turns and endings, undo/redo, save, duplicate, test-play and packs.

Signals:
    save(str): save this YAML (the service validates and refuses bundled ids, and on a branch's PC
        the ids of the scenarios the centre published).
    test_play(str): play this YAML now, unsaved.
    check(str): check this YAML (typing paused); the answer comes to :meth:`EditorPage.show_draft`.
    import_pack(str), export_pack(str): a pack file path (export: the current scenario).
    open_scenario(str): load a scenario's YAML into the editor.
    back(): leave the editor.
"""

from __future__ import annotations

import json
import re

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontDatabase, QShowEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from trainer.domain.scenario import Scenario
from trainer.library.draft import Draft, check_draft
from trainer.library.loader import Report
from trainer.ui.scenario_fields import ScenarioFields
from trainer.ui.structure_form import StructureForm
from trainer.ui.turn_diagram import TurnDiagram
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
SOURCE = "scenario"
#: Typing pauses this long before the YAML is checked again.
CHECK_DELAY_MS = 300


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
    check = Signal(str)
    import_pack = Signal(str)
    export_pack = Signal(str)
    open_scenario = Signal(str)
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.read_only = False
        self.central = False
        """The scenario open came from a pack the centre published (read-only on a branch's PC)."""
        self.scenario: Scenario | None = None
        self.draft: Draft | None = None
        self.reports: list[Report] = []
        self.yaml = QPlainTextEdit()
        self.title = heading()
        self.picker = QComboBox()
        self.picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.picker.setMinimumContentsLength(24)
        self.picker.activated.connect(lambda _i: self._pick())
        self.new_button, self.duplicate_button = QPushButton(), QPushButton()
        self.other_language_button = QPushButton()
        self.other_language_button.clicked.connect(self._other_language)
        self.original = QPlainTextEdit()  # the first language, beside its counterpart being written
        self.original.setReadOnly(True)
        self.original.hide()
        self.save_button, self.play_button = QPushButton(), QPushButton()
        self.import_button, self.export_button = QPushButton(), QPushButton()
        self.undo_button, self.redo_button, self.back_button = QPushButton(), QPushButton(), QPushButton()
        self.new_button.clicked.connect(lambda: self.load_text(NEW_SCENARIO, read_only=False))
        self.duplicate_button.clicked.connect(self._duplicate)
        self.save_button.clicked.connect(self._save)
        self.play_button.clicked.connect(lambda: self.test_play.emit(self.yaml.toPlainText()))
        self.import_button.clicked.connect(self._import)
        self.export_button.clicked.connect(self._export)
        self.back_button.clicked.connect(self.back)

        self.fields = ScenarioFields()
        self.fields.changed.connect(self._form_changed)
        self.f_title, self.f_id = self.fields.title, self.fields.id
        self.f_language, self.f_category = self.fields.language, self.fields.category
        self.f_difficulty = self.fields.difficulty

        self.yaml.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.yaml.setUndoRedoEnabled(True)
        self.undo_button.clicked.connect(self.yaml.undo)
        self.redo_button.clicked.connect(self.yaml.redo)
        self._timer = QTimer(self)  # every edit, checked once typing pauses
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(lambda: self.check.emit(self.yaml.toPlainText()))
        self.yaml.textChanged.connect(self._timer.start)
        self.problems = QListWidget()  # each problem wrapped to the pane's width, never clipped
        self.problems.setWordWrap(True)
        self.problems.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.problems.setResizeMode(QListView.ResizeMode.Adjust)
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.problems.setSpacing(2)
        self.problems.itemActivated.connect(self._go_to_problem)
        self.problems.itemClicked.connect(self._go_to_problem)
        self.diagram = TurnDiagram()
        self.note = QLabel()
        self.note.setWordWrap(True)

        # two rows, so the editor never makes the whole window wider than a small screen
        tools, actions = QHBoxLayout(), QHBoxLayout()
        for w in (self.picker, self.new_button, self.duplicate_button, self.other_language_button):
            tools.addWidget(w)
        tools.addStretch(1)
        tools.addWidget(self.back_button)
        for w in (self.undo_button, self.redo_button, self.save_button, self.play_button, self.import_button,
                  self.export_button):
            actions.addWidget(w)
        actions.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.fields)
        self.structure = StructureForm()
        self.structure.applied.connect(self._structure_applied)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.yaml, "")
        scroll = QScrollArea()  # the form is tall; it scrolls rather than making the window taller
        scroll.setWidget(self.structure)
        scroll.setWidgetResizable(True)
        self.tabs.addTab(scroll, "")
        left_layout.addWidget(self.tabs, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.problems)
        right.addWidget(self.diagram)
        right.setStretchFactor(0, 1)  # the diagram gets two thirds of the height
        right.setStretchFactor(1, 2)
        right.setChildrenCollapsible(False)
        self.side = right
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.original)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self._sized = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(tools)
        layout.addLayout(actions)
        layout.addWidget(self.note)
        layout.addWidget(self.splitter, 1)
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:
        """The first time: the YAML three fifths of the width, the diagram two thirds of the side
        (the panes' own size hints would leave the diagram a sliver)."""
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            width, height = self.splitter.width(), self.side.height()
            self.splitter.setSizes([width * 3 // 5, 0, width - width * 3 // 5])  # 0: the first language
            self.side.setSizes([height // 3, height - height // 3])

    def retranslate(self) -> None:
        self.title.setText(self.tr("Scenario editor"))
        self.original.setAccessibleName(self.tr("The scenario in its first language (read-only)"))
        self.tabs.setTabText(0, self.tr("&YAML"))
        self.tabs.setTabText(1, self.tr("Steps, t&urns and endings"))
        for button, text in (
            (self.new_button, self.tr("&New")),
            (self.duplicate_button, self.tr("&Duplicate")),
            (self.other_language_button, self.tr("Write the other lan&guage")),
            (self.save_button, self.tr("&Save")),
            (self.play_button, self.tr("&Test-play")),
            (self.import_button, self.tr("&Import pack…")),
            (self.export_button, self.tr("E&xport pack…")),
            (self.undo_button, self.tr("&Undo")),
            (self.redo_button, self.tr("Re&do")),
            (self.back_button, self.tr("&Back")),
        ):
            button.setText(text)
        self.picker.setAccessibleName(self.tr("Scenario to edit"))
        self.yaml.setAccessibleName(self.tr("Scenario as YAML"))
        self.problems.setAccessibleName(self.tr("Problems in the scenario"))
        self.diagram.setAccessibleName(self.tr("Turns and endings"))
        if self.draft is not None:
            self._list_problems(self.draft)
        self._show_note()

    # -- loading and saving ----------------------------------------------------------------------------

    def set_scenarios(self, choices: list[tuple[str, str]]) -> None:
        """(id, title) of every scenario, for the picker."""
        current = self.picker.currentData()
        self.picker.clear()
        for sid, title in choices:
            self.picker.addItem(f"{title} ({sid})", sid)
        self.picker.setCurrentIndex(max(0, self.picker.findData(current)))

    def load_text(self, text: str, read_only: bool, *, central: bool = False) -> None:
        """``read_only``: bundled, or (``central``) published by the centre to this branch."""
        self.read_only, self.central = read_only or central, central
        self.original.hide()  # another scenario: no first language beside it
        self.yaml.setPlainText(text)
        self.yaml.document().clearUndoRedoStacks()
        self.validate()
        self._show_note()
        self.yaml.setFocus()

    def show_message(self, text: str) -> None:
        self.note.setText(text)

    def _show_note(self) -> None:
        if self.read_only and self.central:
            note = self.tr("Published by the centre: this scenario cannot be changed on this PC. Duplicate "
                           "it to make your own copy under a new id.")
        elif self.read_only:
            note = self.tr("This is a bundled scenario: it cannot be changed. Duplicate it to make your own "
                           "version.")
        elif not self.original.isHidden():  # writing the other language beside the first
            note = self.tr("Rewrite every text for its readers (not word for word); keep the step ids, so "
                           "the two count as one situation. The first language is beside it.")
        else:
            note = ""
        self.note.setText(note)
        self.save_button.setEnabled(not self.read_only)
        self.save_button.setToolTip(self.tr("Published by the centre: duplicate it to save your own copy")
                                    if self.read_only and self.central else "")

    def _pick(self) -> None:
        sid = self.picker.currentData()
        if sid:
            self.open_scenario.emit(str(sid))

    def _duplicate(self) -> None:
        """An editable copy: the id and the title say it is one."""
        text = self.yaml.toPlainText()
        data = self.draft.data if self.draft is not None and self.draft.data else {}
        sid = str(data.get("id") or (self.scenario.id if self.scenario else "scenario"))
        title = str(data.get("title") or (self.scenario.title if self.scenario else ""))
        text = set_top_level(text, "id", f"{sid}_copy")
        text = set_top_level(text, "title", self.tr("{title} (copy)").format(title=title))
        self.read_only = self.central = False
        self.yaml.setPlainText(text)
        self.validate()
        self._show_note()

    def _save(self) -> None:
        self.validate()  # checked as it stands now, so a check still pending cannot overwrite "Saved"
        self.save.emit(self.yaml.toPlainText())

    def _other_language(self) -> None:
        """The same situation in the other language, started from this one: same situation id,
        steps and structure, every text still to be rewritten for its readers; this one stays
        beside it, read-only, while the trainer writes."""
        text = self.yaml.toPlainText()
        data = self.draft.data if self.draft is not None and self.draft.data else {}
        sid = str(data.get("id") or (self.scenario.id if self.scenario else "scenario"))
        to_chinese = str(data.get("language") or "en") != "zh-CN"
        situation = str(data.get("situation") or sid)
        if to_chinese:
            new_id = f"zh_{sid}"
        else:
            new_id = sid.removeprefix("zh_") if sid.startswith("zh_") else f"{sid}_en"
        self.original.setPlainText(text)
        self.original.show()
        width = self.splitter.width()
        self.splitter.setSizes([width * 2 // 5, width * 2 // 5, width - width * 4 // 5])
        text = set_top_level(text, "situation", situation)
        text = set_top_level(text, "id", new_id)
        text = set_top_level(text, "language", "zh-CN" if to_chinese else "en")
        self.read_only = self.central = False
        self.yaml.setPlainText(text)
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

    # -- checking --------------------------------------------------------------------------------------

    def validate(self) -> None:
        """Check the YAML as it stands, now (the debounced checks run on the engine thread)."""
        self._timer.stop()
        self.show_draft(check_draft(self.yaml.toPlainText(), SOURCE))

    def show_draft(self, draft: Draft) -> None:
        """A check's answer: the problems listed (replacing the last list), the form and the
        diagram following the YAML. An answer for text that has changed since is dropped."""
        if draft.text != self.yaml.toPlainText():
            return
        if self.draft is not None and draft.text != self.draft.text:
            self._show_note()  # what a failed save said is about text that is gone
        self.draft, self.reports = draft, draft.reports
        if draft.scenario is not None:
            self.scenario = draft.scenario
            self.diagram.draw(draft.scenario)
        self.fields.show_draft(draft)
        if draft.data is not None:  # the form works on whatever parses, even with problems left to fix
            self.structure.set_data(draft.data)
        self._list_problems(draft)
        self.play_button.setEnabled(not draft.has_errors)

    def _list_problems(self, draft: Draft) -> None:
        self.problems.clear()
        for report in draft.reports:
            text = str(report).removeprefix(f"{SOURCE}:")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, report.line)
            item.setToolTip(text)
            if report.is_error:
                item.setForeground(QColor("#b00020"))
            self.problems.addItem(item)
        if not draft.reports:
            self.problems.addItem(self.tr("No problems."))

    def _go_to_problem(self, item: QListWidgetItem) -> None:
        line = item.data(Qt.ItemDataRole.UserRole)
        if line:
            self.tabs.setCurrentWidget(self.yaml)
            block = self.yaml.document().findBlockByLineNumber(int(line) - 1)
            cursor = QTextCursor(block)
            self.yaml.setTextCursor(cursor)
            self.yaml.setFocus()
