"""The scenario editor: problems as you type, form and YAML in sync, save, duplicate, test-play."""

from __future__ import annotations

from pathlib import Path

from conftest import WAIT_MS, sign_in
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from trainer.library.loader import load_scenario_text
from trainer.ui.editor_page import set_top_level
from trainer.ui.main_window import MainWindow


def open_editor(qtbot: QtBot, window: MainWindow) -> None:
    sign_in(qtbot, window, "tina")
    assert window.editor_action.isEnabled()
    window.editor_action.trigger()
    qtbot.waitUntil(lambda: window.current_page() is window.editor_page
                    and window.editor_page.scenario is not None, timeout=WAIT_MS)


def test_trainees_cannot_open_the_editor(qtbot: QtBot, window: MainWindow) -> None:
    sign_in(qtbot, window)
    assert not window.editor_action.isEnabled()


def test_problems_appear_as_you_type_with_their_line(qtbot: QtBot, window: MainWindow) -> None:
    open_editor(qtbot, window)
    page = window.editor_page
    assert page.read_only and not page.save_button.isEnabled()  # bundled: duplicate to edit
    text = page.yaml.toPlainText()
    cursor = page.yaml.textCursor()  # an edit as typing makes it: undoable
    cursor.setPosition(text.index("difficulty: 1") + len("difficulty: "))
    cursor.beginEditBlock()
    cursor.deleteChar()
    cursor.insertText("5")
    cursor.endEditBlock()
    qtbot.waitUntil(lambda: "difficulty must be 1, 2 or 3 (got 5)" in page.problems.item(0).text(),
                    timeout=5000)
    line = text.splitlines().index("difficulty: 1") + 1
    assert page.problems.item(0).text().startswith(f"{line}: ")
    assert not page.play_button.isEnabled()
    page._go_to_problem(page.problems.item(0))
    assert page.yaml.textCursor().blockNumber() == line - 1
    page.yaml.undo()
    page.validate()
    assert page.problems.item(0).text() == "No problems."


def test_form_and_yaml_stay_in_sync_and_a_duplicate_saves(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    open_editor(qtbot, window)
    page = window.editor_page
    qtbot.mouseClick(page.duplicate_button, Qt.MouseButton.LeftButton)
    assert not page.read_only and page.f_id.text().endswith("_copy")
    page.f_title.setText("Our branch's ATM")
    page.f_title.editingFinished.emit()
    page.f_difficulty.setValue(2)
    page.validate()
    scenario = load_scenario_text(page.yaml.toPlainText(), "x").scenario  # form -> YAML -> load
    assert scenario.title == "Our branch's ATM" and scenario.difficulty == 2
    assert "# The ATM kept" in page.yaml.toPlainText()  # comments survive form edits
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.note.text().startswith("Saved"), timeout=WAIT_MS)
    saved = db_path.parent / "scenarios" / f"{scenario.id}.yaml"
    assert load_scenario_text(saved.read_text(encoding="utf-8"), str(saved)).scenario == scenario
    # the library is listed again on the engine thread after the save: wait for it
    qtbot.waitUntil(lambda: any(page.picker.itemData(i) == scenario.id for i in range(page.picker.count())),
                    timeout=WAIT_MS)


def test_saving_a_bundled_id_is_refused_and_test_play_starts_a_session(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_editor(qtbot, window)
    page = window.editor_page
    page.read_only = False
    page.save.emit(page.yaml.toPlainText())
    qtbot.waitUntil(lambda: "bundled scenario and cannot be changed" in page.note.text(), timeout=WAIT_MS)
    page.yaml.setPlainText(set_top_level(page.yaml.toPlainText(), "title", "Draft"))
    page.validate()
    qtbot.mouseClick(page.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_page() is window.practice_page, timeout=WAIT_MS)
    assert window.practice_page.scenario.title == "Draft"  # type: ignore[union-attr]


def test_set_top_level_keeps_the_rest() -> None:
    text = "# note\nid: a\ntitle: Old\nsteps: []\n"
    assert set_top_level(text, "title", 'New "one"') == '# note\nid: a\ntitle: "New \\"one\\""\nsteps: []\n'
    assert set_top_level(text, "difficulty", 2) == "difficulty: 2\n" + text


def test_steps_turns_and_endings_are_edited_through_forms(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QTableWidgetItem

    open_editor(qtbot, window)
    page = window.editor_page
    qtbot.mouseClick(page.duplicate_button, Qt.MouseButton.LeftButton)
    form = page.structure
    page.tabs.setCurrentIndex(1)
    parts = [form.parts.item(i).text() for i in range(form.parts.count())]
    assert "Turn: opening" in parts and "Step: verify_identity" in parts and "Ending: resolved" in parts
    form.parts.setCurrentRow(parts.index("Turn: opening"))
    assert form.branches.isVisible() and form.branches.rowCount() == 3
    new_line = "My card! The machine took my card!"
    form.f_text.setPlainText(new_line)
    qtbot.mouseClick(form.apply_button, Qt.MouseButton.LeftButton)
    assert page.scenario is not None and page.scenario.first_turn.customer == new_line
    page.yaml.undo()  # a form edit is one undo step
    page.validate()
    assert page.scenario.first_turn.customer.startswith("Your machine just ate my card")
    # a step added in the form, and a branch sent nowhere, are checked like any edit
    qtbot.mouseClick(form.add_step, Qt.MouseButton.LeftButton)
    assert any(s.id == "new_step" for s in page.scenario.steps)
    parts = [form.parts.item(i).text() for i in range(form.parts.count())]
    form.parts.setCurrentRow(parts.index("Turn: opening"))
    form.branches.setItem(2, 1, QTableWidgetItem("nowhere"))
    qtbot.mouseClick(form.apply_button, Qt.MouseButton.LeftButton)
    problems = [page.problems.item(i).text() for i in range(page.problems.count())]
    assert any("turns[0].branches[2].goto must name a turn or an ending" in p for p in problems)
    form.parts.setCurrentRow(parts.index("Ending: resolved"))
    assert form.f_outcome.isVisible() and form.f_outcome.currentData() == "resolved"


def test_the_customer_briefing_and_forbidden_phrases_have_a_form(qtbot: QtBot, window: MainWindow) -> None:
    open_editor(qtbot, window)
    page = window.editor_page
    qtbot.mouseClick(page.duplicate_button, Qt.MouseButton.LeftButton)
    form = page.structure
    page.tabs.setCurrentIndex(1)
    form.parts.setCurrentRow(0)
    assert form.customer_box.isVisible() and not form.part_box.isVisible()
    assert form.p_name.text() == "Linda Park" and form.p_mood.value() == 70
    form.p_name.setText("Mrs Chen")
    form.p_mood.setValue(85)
    form.p_rate.setValue(1.3)
    form.briefing.setPlainText("Mrs Chen's card was kept by the ATM.")
    form.forbidden.setPlainText("read the screen\nthat's the machine's fault")
    assert form.p_avatar.currentData() is None  # by age and gender, unless chosen
    form.p_avatar.setCurrentIndex(form.p_avatar.findData("female_senior"))
    qtbot.mouseClick(form.apply_button, Qt.MouseButton.LeftButton)
    s = page.scenario
    assert s is not None and s.persona.name == "Mrs Chen" and s.persona.mood == 85
    assert s.persona.avatar_name == "female_senior"
    assert s.persona.voice.rate == 1.3 and s.briefing.startswith("Mrs Chen's card")
    assert s.forbidden == ["read the screen", "that's the machine's fault"]
