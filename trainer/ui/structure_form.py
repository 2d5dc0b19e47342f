"""Form editing of a scenario's steps, turns (with their branches) and endings.

Works on the parsed scenario data: pick a part, edit its fields, Apply. The YAML view is then
rewritten from the data (one undo step in the editor); comments in the YAML are not kept by a
form edit, which the panel says.

Signals:
    applied(str): the new YAML text.
"""

from __future__ import annotations

from typing import Any

import yaml
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.domain.scenario import AVATARS, OUTCOMES
from trainer.resources import bundled_path
from trainer.ui.widgets import Retranslating

KINDS = ("steps", "turns", "endings")
CUSTOMER = "customer"  # the persona, the briefing and the forbidden phrases


def dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


class StructureForm(Retranslating, QWidget):
    applied = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: dict[str, Any] = {}
        self.parts = QListWidget()
        self.parts.currentRowChanged.connect(self._show_part)
        self.add_step, self.add_turn, self.add_ending = QPushButton(), QPushButton(), QPushButton()
        self.remove_button, self.apply_button = QPushButton(), QPushButton()
        self.add_step.clicked.connect(lambda: self._add("steps"))
        self.add_turn.clicked.connect(lambda: self._add("turns"))
        self.add_ending.clicked.connect(lambda: self._add("endings"))
        self.remove_button.clicked.connect(self._remove)
        self.apply_button.clicked.connect(self.apply)
        self.f_id = QLineEdit()
        self.f_text = QPlainTextEdit()  # description / customer line
        self.f_more = QPlainTextEdit()  # examples (one a line) / model answer / debrief
        self.f_outcome = QComboBox()
        for outcome in OUTCOMES:
            self.f_outcome.addItem(outcome, outcome)
        self.branches = QTableWidget(0, 2)
        self.branches.horizontalHeader().setStretchLastSection(True)
        self.add_branch = QPushButton()
        self.add_branch.clicked.connect(lambda: self.branches.insertRow(self.branches.rowCount()))
        # the customer part
        self.p_name, self.p_gender, self.p_avatar = QLineEdit(), QComboBox(), QComboBox()
        for gender in ("female", "male", "unspecified"):
            self.p_gender.addItem(gender, gender)
        self.p_avatar.addItem("", None)  # the face of the gender and age (named in retranslate)
        for name in AVATARS:
            self.p_avatar.addItem(QIcon(str(bundled_path("assets") / "avatars" / f"{name}.svg")), name, name)
        self.p_age, self.p_mood, self.p_pitch = QSpinBox(), QSpinBox(), QSpinBox()
        self.p_age.setRange(16, 110)
        self.p_mood.setRange(0, 100)
        self.p_pitch.setRange(0, 100)
        self.p_rate = QDoubleSpinBox()
        self.p_rate.setRange(0.5, 2.0)
        self.p_rate.setSingleStep(0.05)
        self.briefing, self.forbidden = QPlainTextEdit(), QPlainTextEdit()
        self.customer_labels = [QLabel() for _ in range(9)]
        self.customer_box = QWidget()
        customer_form = QFormLayout(self.customer_box)
        fields = (
            self.p_name,
            self.p_age,
            self.p_gender,
            self.p_avatar,
            self.p_mood,
            self.p_rate,
            self.p_pitch,
            self.briefing,
            self.forbidden,
        )
        for label, field in zip(self.customer_labels, fields, strict=True):
            label.setBuddy(field)
            customer_form.addRow(label, field)
        self.part_box = QWidget()
        self.labels = [QLabel() for _ in range(5)]
        self.form = QFormLayout(self.part_box)
        for label, field in zip(
            self.labels, (self.f_id, self.f_text, self.f_more, self.f_outcome, self.branches), strict=True
        ):
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.form.addRow(QLabel(), self.add_branch)
        self.note = QLabel()
        self.note.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.add_step, self.add_turn, self.add_ending, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        top = QHBoxLayout()
        top.addWidget(self.parts, 1)
        right = QVBoxLayout()
        right.addWidget(self.customer_box)
        right.addWidget(self.part_box)
        top.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        self.retranslate()

    def retranslate(self) -> None:
        for i, text in enumerate((self.tr("female"), self.tr("male"), self.tr("unspecified"))):
            self.p_gender.setItemText(i, text)  # the stored value stays the item's data
        self.add_step.setText(self.tr("Add step"))
        self.add_turn.setText(self.tr("Add turn"))
        self.add_ending.setText(self.tr("Add ending"))
        self.remove_button.setText(self.tr("Remove"))
        self.apply_button.setText(self.tr("&Apply to the YAML"))
        self.add_branch.setText(self.tr("Add branch"))
        self.branches.setHorizontalHeaderLabels([self.tr("When (empty: otherwise)"), self.tr("Go to")])
        self.parts.setAccessibleName(self.tr("Steps, turns and endings"))
        for label, text in zip(
            self.customer_labels,
            (
                self.tr("Name:"),
                self.tr("Age:"),
                self.tr("Gender (voice):"),
                self.tr("Face:"),
                self.tr("Starting mood (100 = furious):"),
                self.tr("Speaking rate:"),
                self.tr("Pitch:"),
                self.tr("Briefing for the trainee:"),
                self.tr("Forbidden phrases (one a line):"),
            ),
            strict=True,
        ):
            label.setText(text)
        for field, name in (
            (self.p_name, self.tr("Customer's name")),
            (self.p_age, self.tr("Customer's age")),
            (self.p_gender, self.tr("Customer's gender")),
            (self.p_avatar, self.tr("Customer's face")),
            (self.p_mood, self.tr("Starting mood")),
            (self.p_rate, self.tr("Speaking rate")),
            (self.p_pitch, self.tr("Pitch")),
            (self.briefing, self.tr("Briefing")),
            (self.forbidden, self.tr("Forbidden phrases")),
        ):
            field.setAccessibleName(name)
        self.p_avatar.setItemText(0, self.tr("The one for their gender and age"))
        self.f_id.setAccessibleName(self.tr("Id"))
        self.f_text.setAccessibleName(self.tr("Description or what the customer says"))
        self.f_more.setAccessibleName(self.tr("Examples, model answer or debrief"))
        self.f_outcome.setAccessibleName(self.tr("Outcome"))
        self.branches.setAccessibleName(self.tr("Branches of the turn"))
        self._standard_note()
        if self.data:  # the list of parts names them ("Step: …") in this language
            self.set_data(self.data)
        else:
            self._show_part(self.parts.currentRow())

    def _standard_note(self) -> None:
        self.note.setText(self.tr("Applying rewrites the YAML from the form; comments in it are not kept."))

    # -- data in and out -------------------------------------------------------------------------------

    def set_data(self, data: dict[str, Any]) -> None:
        """The scenario as plain data (from the YAML view), when it parses."""
        self.data = data
        self._standard_note()  # a condition the last Apply refused is not in this data
        current = self.parts.currentRow()
        self.parts.blockSignals(True)
        self.parts.clear()
        first = QListWidgetItem(self.tr("Customer, briefing and forbidden phrases"))
        first.setData(Qt.ItemDataRole.UserRole, CUSTOMER)
        self.parts.addItem(first)
        for kind in KINDS:
            for entry in data.get(kind) or []:
                if isinstance(entry, dict):
                    item = QListWidgetItem(f"{self._kind_name(kind)}: {entry.get('id', '?')}")
                    item.setData(Qt.ItemDataRole.UserRole, kind)
                    self.parts.addItem(item)
        self.parts.blockSignals(False)
        self.parts.setCurrentRow(min(max(current, 0), self.parts.count() - 1))
        self._show_part(self.parts.currentRow())

    def _kind_name(self, kind: str) -> str:
        return {"steps": self.tr("Step"), "turns": self.tr("Turn"), "endings": self.tr("Ending")}[kind]

    def _selected(self) -> tuple[str, int] | None:
        row = self.parts.currentRow()
        if row < 0:
            return None
        if self.parts.item(row).data(Qt.ItemDataRole.UserRole) == CUSTOMER:
            return CUSTOMER, 0
        kind = self.parts.item(row).data(Qt.ItemDataRole.UserRole)
        before = sum(1 for r in range(row) if self.parts.item(r).data(Qt.ItemDataRole.UserRole) == kind)
        return kind, before

    def _show_part(self, _row: int) -> None:
        selected = self._selected()
        kind = selected[0] if selected else None
        self.customer_box.setVisible(kind == CUSTOMER)
        self.part_box.setVisible(kind != CUSTOMER)
        if kind == CUSTOMER:
            raw_persona = self.data.get("persona")
            persona: dict[str, Any] = raw_persona if isinstance(raw_persona, dict) else {}
            raw_voice = persona.get("voice")
            voice: dict[str, Any] = raw_voice if isinstance(raw_voice, dict) else {}
            self.p_name.setText(str(persona.get("name", "")))
            self.p_age.setValue(int(persona.get("age", 40)) if str(persona.get("age", "")).isdigit() else 40)
            self.p_gender.setCurrentIndex(
                max(0, self.p_gender.findData(persona.get("gender", "unspecified")))
            )
            self.p_avatar.setCurrentIndex(max(0, self.p_avatar.findData(persona.get("avatar"))))
            self.p_mood.setValue(
                int(persona.get("mood", 70)) if str(persona.get("mood", "")).isdigit() else 70
            )
            rate, pitch = voice.get("rate", 1.0), voice.get("pitch", 50)
            self.p_rate.setValue(float(rate) if isinstance(rate, int | float) else 1.0)
            self.p_pitch.setValue(int(pitch) if isinstance(pitch, int) else 50)
            self.briefing.setPlainText(str(self.data.get("briefing", "") or ""))
            self.forbidden.setPlainText("\n".join(str(f) for f in self.data.get("forbidden") or []))
            return
        if kind is None:
            return
        entry = self.data[kind][selected[1]] if selected and kind else {}
        names = {
            "steps": (self.tr("Description:"), self.tr("Examples (one a line):")),
            "turns": (self.tr("Customer says:"), self.tr("Model answer:")),
            "endings": (self.tr("Customer's last words:"), self.tr("Debrief:")),
        }
        text_name, more_name = names.get(kind or "", ("", ""))
        for label, text in zip(
            self.labels,
            (self.tr("Id:"), text_name, more_name, self.tr("Outcome:"), self.tr("Branches:")),
            strict=True,
        ):
            label.setText(text)
        self.f_id.setText(str(entry.get("id", "")))
        self.f_text.setPlainText(str(entry.get("description" if kind == "steps" else "customer", "") or ""))
        if kind == "steps":
            self.f_more.setPlainText("\n".join(str(e) for e in entry.get("examples") or []))
        else:
            self.f_more.setPlainText(
                str(entry.get("model_answer" if kind == "turns" else "debrief", "") or "")
            )
        self.f_outcome.setCurrentIndex(max(0, self.f_outcome.findData(entry.get("outcome"))))
        for widget, visible in (
            (self.f_outcome, kind == "endings"),
            (self.labels[3], kind == "endings"),
            (self.branches, kind == "turns"),
            (self.labels[4], kind == "turns"),
            (self.add_branch, kind == "turns"),
        ):
            widget.setVisible(visible)
        self.branches.setRowCount(0)
        for branch in entry.get("branches") or [] if kind == "turns" else []:
            row = self.branches.rowCount()
            self.branches.insertRow(row)
            when = branch.get("when")
            when_text = (
                yaml.safe_dump(when, default_flow_style=True, allow_unicode=True).strip() if when else ""
            )
            self.branches.setItem(row, 0, QTableWidgetItem(when_text.strip("{}")))
            self.branches.setItem(row, 1, QTableWidgetItem(str(branch.get("goto", ""))))

    def apply(self) -> None:
        """Write the form into the data and the data into the YAML view."""
        selected = self._selected()
        if selected is None:
            return
        kind, index = selected
        if kind == CUSTOMER:
            persona = dict(self.data.get("persona") or {})
            persona.update(
                {
                    "name": self.p_name.text().strip(),
                    "age": self.p_age.value(),
                    "gender": self.p_gender.currentData(),
                    "mood": self.p_mood.value(),
                    "voice": {"rate": round(self.p_rate.value(), 2), "pitch": self.p_pitch.value()},
                }
            )
            if self.p_avatar.currentData():
                persona["avatar"] = self.p_avatar.currentData()
            else:
                persona.pop("avatar", None)
            self.data["persona"] = persona
            self.data["briefing"] = self.briefing.toPlainText().strip()
            forbidden = [line.strip() for line in self.forbidden.toPlainText().splitlines() if line.strip()]
            if forbidden:
                self.data["forbidden"] = forbidden
            else:
                self.data.pop("forbidden", None)
            self.applied.emit(dump(self.data))
            return
        entry = dict(self.data[kind][index])
        entry["id"] = self.f_id.text().strip()
        if kind == "steps":
            entry["description"] = self.f_text.toPlainText().strip()
            entry["examples"] = [
                line.strip() for line in self.f_more.toPlainText().splitlines() if line.strip()
            ]
        elif kind == "turns":
            entry["customer"] = self.f_text.toPlainText().strip()
            entry["model_answer"] = self.f_more.toPlainText().strip()
            branches = []
            for row in range(self.branches.rowCount()):
                when_item, goto_item = self.branches.item(row, 0), self.branches.item(row, 1)
                goto = goto_item.text().strip() if goto_item else ""
                when_text = when_item.text().strip() if when_item else ""
                if not goto and not when_text:
                    continue
                branch: dict[str, Any] = {}
                if when_text:
                    try:
                        branch["when"] = yaml.safe_load("{" + when_text + "}")
                    except yaml.YAMLError:
                        self.note.setText(
                            self.tr("Branch {n}: the condition is not valid YAML.").format(n=row + 1)
                        )
                        return
                branch["goto"] = goto
                branches.append(branch)
            entry["branches"] = branches
        else:
            entry["outcome"] = self.f_outcome.currentData()
            entry["customer"] = self.f_text.toPlainText().strip()
            debrief = self.f_more.toPlainText().strip()
            if debrief:
                entry["debrief"] = debrief
            else:
                entry.pop("debrief", None)
        self.data[kind][index] = entry
        self.applied.emit(dump(self.data))

    def _add(self, kind: str) -> None:
        templates: dict[str, dict[str, Any]] = {
            "steps": {
                "id": "new_step",
                "description": "What the trainee must do",
                "examples": ["An example."],
            },
            "turns": {
                "id": "new_turn",
                "customer": "What the customer says.",
                "model_answer": "A strong reply.",
                "branches": [{"goto": "resolved"}],
            },
            "endings": {"id": "new_ending", "outcome": "escalated", "customer": "Their last words."},
        }
        self.data.setdefault(kind, []).append(dict(templates[kind]))
        self.applied.emit(dump(self.data))

    def _remove(self) -> None:
        selected = self._selected()
        if selected is not None:
            del self.data[selected[0]][selected[1]]
            self.applied.emit(dump(self.data))
