"""The scenario editor: problems as you type, form and YAML in sync, save, duplicate, test-play."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from gui_helpers import WAIT_MS, sign_in
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from trainer.library.loader import load_scenario_text
from trainer.ui import i18n
from trainer.ui.editor_page import set_top_level
from trainer.ui.main_window import MainWindow


def open_editor(qtbot: QtBot, window: MainWindow) -> None:
    sign_in(qtbot, window, "tina")
    assert window.editor_action.isEnabled()
    window.editor_action.trigger()
    qtbot.waitUntil(lambda: window.current_page() is window.editor_page
                    and window.editor_page.scenario is not None, timeout=WAIT_MS)
    window.editor.edit("atm_card_swallowed")  # the scenario these tests know
    qtbot.waitUntil(lambda: window.editor_page.scenario is not None
                    and window.editor_page.scenario.id == "atm_card_swallowed", timeout=WAIT_MS)


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
    page.f_difficulty.setCurrentIndex(page.f_difficulty.findData(2))
    page.f_difficulty.activated.emit(page.f_difficulty.currentIndex())
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
    form.parts.setCurrentRow(parts.index("Turn: opening"))
    form.branches.setItem(0, 0, QTableWidgetItem("mood_at_least: [90"))
    qtbot.mouseClick(form.apply_button, Qt.MouseButton.LeftButton)
    assert "Branch 1: the condition is not valid YAML." in form.note.text()
    form.branches.setItem(0, 0, QTableWidgetItem("mood_at_least: 90"))
    form.branches.setItem(2, 1, QTableWidgetItem("still_angry"))
    qtbot.mouseClick(form.apply_button, Qt.MouseButton.LeftButton)
    assert "not valid YAML" not in form.note.text()  # fixed: no longer said
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


def test_test_play_plays_as_practice_does_and_never_counts(qtbot: QtBot, window: MainWindow,
                                                            db_path: Path) -> None:
    """Issue 15, item 1: the customer speaks, the session ends as ``trainer play`` ends it, and
    the session is kept apart from the record: no points, leaderboard, coaching, history or
    reports."""
    import sqlite3
    from datetime import date

    from trainer.export.selection import ExportFilter

    from helpers import PINS, open_app

    open_editor(qtbot, window)
    page = window.editor_page
    page.picker.setCurrentIndex(page.picker.findData("atm_card_swallowed"))
    qtbot.waitUntil(lambda: page.scenario is not None and page.scenario.id == "atm_card_swallowed",
                    timeout=WAIT_MS)
    qtbot.mouseClick(page.play_button, Qt.MouseButton.LeftButton)
    practice = window.practice_page
    qtbot.waitUntil(lambda: window.current_page() is practice, timeout=WAIT_MS)
    assert practice.next_line and "ate my card" in practice.next_line
    assert "Test-play" in practice.status.text()  # said plainly: this one does not count
    qtbot.keyClicks(practice.reply, "Calm down. There's nothing I can do about the machine.")
    with qtbot.waitSignal(window.reply_scored, timeout=WAIT_MS):
        qtbot.keyClick(practice.reply, Qt.Key.Key_Return)
    assert "Walked out" in practice.status.text() and "another bank" in (practice.ending_line or "")
    qtbot.waitUntil(lambda: not window.jobs.pending, timeout=WAIT_MS)
    assert sqlite3.connect(db_path).execute("SELECT COUNT(*) FROM sessions").fetchone() == (0,)
    kept = db_path.with_name(f"{db_path.stem}-test-play.db")  # kept apart: nothing is lost
    test_plays = sqlite3.connect(kept).execute("SELECT scenario_id, status, turn_count FROM sessions")
    assert test_plays.fetchall() == [("atm_card_swallowed", "finished", 1)]
    app = open_app(db_path, with_scorer=False)
    try:
        app.accounts.sign_in("tina", PINS["tina"])
        assert all(r.points == 0 for r in app.progress.leaderboard(None, "all"))
        assert app.progress.history(None) == []
        assert app.progress.dashboard(window.identity.trainee_id or 0).progress.sessions == 0  # type: ignore[union-attr]
        assert all(r.reasons == ("inactive",) for r in app.progress.coaching(None))  # nobody practised
        app.accounts.sign_in("hr", PINS["hr"])
        report = app.reports.report(ExportFilter(date(2000, 1, 1), date.today()))
        assert report.lines == []
    finally:
        app.close()


def test_a_duplicate_is_titled_as_a_copy(qtbot: QtBot, window: MainWindow) -> None:
    open_editor(qtbot, window)
    page = window.editor_page
    qtbot.mouseClick(page.duplicate_button, Qt.MouseButton.LeftButton)
    copy = load_scenario_text(page.yaml.toPlainText(), "x").scenario
    assert copy.title == "The ATM swallowed my card (copy)" == page.f_title.text()
    assert copy.id == "atm_card_swallowed_copy"
    i18n.install("zh-CN")
    qtbot.mouseClick(page.duplicate_button, Qt.MouseButton.LeftButton)  # a copy of the copy, in Chinese
    again = load_scenario_text(page.yaml.toPlainText(), "x").scenario
    assert again.title == "The ATM swallowed my card (copy)（副本）"
    assert again.id == "atm_card_swallowed_copy_copy"


def test_problems_wrap_are_checked_off_the_ui_thread_and_fixed_ones_go(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from trainer.ui import editor_controller

    open_editor(qtbot, window)
    page = window.editor_page
    qtbot.mouseClick(page.duplicate_button, Qt.MouseButton.LeftButton)
    threads: list[str] = []
    real = editor_controller.check_draft

    def spy(text: str, source: str) -> object:
        threads.append(threading.current_thread().name)
        return real(text, source)

    monkeypatch.setattr(editor_controller, "check_draft", spy)
    page.splitter.setSizes([900, 240])  # a narrow pane for the problems
    text = page.yaml.toPlainText()
    broken = text.replace("goto: waiting\n", "goto: waiting_for_the_colleague_with_the_keys\n", 1)
    page.yaml.setPlainText(broken)
    qtbot.keyClicks(page.yaml, "# typed quickly")  # several edits, one check once typing pauses
    qtbot.waitUntil(lambda: "must name a turn or an ending" in page.problems.item(0).text(), timeout=WAIT_MS)
    assert len(threads) == 1 and threads[0] != threading.main_thread().name
    item = page.problems.item(0)
    viewport = page.problems.viewport().width()
    line = page.problems.fontMetrics().lineSpacing()
    assert page.problems.fontMetrics().horizontalAdvance(item.text()) > viewport  # too long for one line
    rect = page.problems.visualItemRect(item)
    assert rect.right() <= viewport and rect.height() >= 2 * line  # so it wraps, never clipped
    assert item.toolTip() == item.text()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)  # refused, saying why
    qtbot.waitUntil(lambda: "must name a turn or an ending" in page.note.text(), timeout=WAIT_MS)
    page.yaml.setPlainText(text)  # fixed
    qtbot.waitUntil(lambda: page.problems.item(0).text() == "No problems.", timeout=WAIT_MS)
    assert page.problems.count() == 1 and page.note.text() == ""  # nothing fixed is still listed


def test_the_form_shows_what_the_yaml_says_even_when_it_is_wrong(qtbot: QtBot, window: MainWindow) -> None:
    open_editor(qtbot, window)
    page = window.editor_page
    qtbot.mouseClick(page.duplicate_button, Qt.MouseButton.LeftButton)
    text = set_top_level(page.yaml.toPlainText(), "title", "Changed in the YAML")
    page.yaml.setPlainText(text.replace("difficulty: 1", "difficulty: 7")
                           .replace("language: en", "language: fr"))
    page.validate()
    problems = [page.problems.item(i).text() for i in range(page.problems.count())]
    assert any("difficulty must be 1, 2 or 3 (got 7)" in p for p in problems)
    assert page.f_title.text() == "Changed in the YAML"  # the form follows the YAML, problems or not
    assert page.f_difficulty.currentIndex() == -1 and "7" in page.f_difficulty.placeholderText()
    assert page.f_language.currentIndex() == -1 and "fr" in page.f_language.placeholderText()
    assert page.f_category.currentData() == "system_failure"  # what is right is shown as it is
    assert "difficulty must be" in page.f_difficulty.toolTip()
    page.yaml.setPlainText(page.yaml.toPlainText().replace("difficulty: 7", "difficulty: 2")
                           .replace("language: fr", "language: en"))
    page.validate()
    assert page.f_difficulty.currentData() == 2 and page.f_language.currentData() == "en"
    assert page.f_difficulty.toolTip() == "" and page.problems.item(0).text() == "No problems."
    page.f_difficulty.setCurrentIndex(page.f_difficulty.findData(3))  # and the form still edits the YAML
    page.f_difficulty.activated.emit(page.f_difficulty.currentIndex())
    assert "difficulty: 3" in page.yaml.toPlainText()


def test_the_turn_diagram_has_room(qtbot: QtBot, window: MainWindow) -> None:
    open_editor(qtbot, window)
    page = window.editor_page
    qtbot.waitUntil(lambda: page.diagram.height() > 0, timeout=WAIT_MS)
    assert page.diagram.minimumHeight() >= 220 and page.diagram.minimumWidth() >= 300
    assert page.diagram.height() >= 1.5 * page.problems.height()  # the diagram gets the larger share
    assert page.diagram.width() >= 0.35 * page.splitter.width()
    boxes = [i for i in page.diagram.items() if i.type() == 3]  # QGraphicsRectItem
    assert boxes and page.diagram.transform().m11() >= 0.5  # readable, scrolled rather than shrunk away


def test_the_other_language_starts_from_the_first_side_by_side(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    open_editor(qtbot, window)
    page = window.editor_page
    first = load_scenario_text(page.yaml.toPlainText(), "x").scenario
    assert first.language == "en" and not page.original.isVisible()
    qtbot.mouseClick(page.other_language_button, Qt.MouseButton.LeftButton)
    assert page.original.isVisible() and page.original.isReadOnly()
    assert load_scenario_text(page.original.toPlainText(), "x").scenario == first  # beside it, as it was
    page.f_title.setText("我们网点的版本")
    page.f_title.editingFinished.emit()
    page.validate()
    draft = load_scenario_text(page.yaml.toPlainText(), "x").scenario
    assert draft.language == "zh-CN" and draft.id == f"zh_{first.id}"
    assert draft.situation_id == first.situation_id and draft.step_ids() == first.step_ids()
    assert not page.read_only and "not word for word" in page.note.text()
    draft_id = "zh_" + first.id + "_ours"
    page.f_id.setText(draft_id)
    page.f_id.editingFinished.emit()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.note.text().startswith("Saved"), timeout=WAIT_MS)
    path = db_path.parent / "scenarios" / f"{draft_id}.yaml"
    saved = load_scenario_text(path.read_text(encoding="utf-8"), "x").scenario
    assert saved.situation_id == first.situation_id and saved.language == "zh-CN"
    # opening another scenario puts the first-language pane away
    page.load_text(page.original.toPlainText(), read_only=True)
    assert not page.original.isVisible()


def test_a_scenario_the_centre_published_is_read_only_on_a_branch_pc_but_a_copy_saves(
        qtbot: QtBot, db_path: Path, tmp_path: Path) -> None:
    import sqlite3

    from gui_helpers import make_accounts, open_window, sync_as_branch

    make_accounts(db_path)
    folder = db_path.parent / "scenarios"  # as a central pack installs it
    folder.mkdir()
    source = (Path(__file__).resolve().parents[2] / "scenarios" / "atm_card_swallowed.yaml").read_text(
        encoding="utf-8")
    source = source.replace("id: atm_card_swallowed", "id: central_drill", 1).replace(
        "situation: atm_card_swallowed", "situation: central_drill", 1)
    (folder / "central_drill.yaml").write_text(source, encoding="utf-8")
    with sqlite3.connect(db_path) as conn:
        conn.execute("INSERT INTO meta (key, value) VALUES ('central_scenarios', '[\"central_drill\"]')")
    sync_as_branch("north")
    window = open_window(qtbot, db_path, tmp_path / "settings.ini", tmp_path / "models")
    try:
        sign_in(qtbot, window, "tina")
        window.editor_action.trigger()
        page = window.editor_page
        qtbot.waitUntil(lambda: window.current_page() is page and page.scenario is not None, timeout=WAIT_MS)
        window.editor.edit("central_drill")
        qtbot.waitUntil(lambda: page.scenario is not None and page.scenario.id == "central_drill",
                        timeout=WAIT_MS)
        assert page.read_only and page.central and not page.save_button.isEnabled()
        assert "Published by the centre" in page.save_button.toolTip()
        assert page.note.text().startswith("Published by the centre: this scenario cannot be changed")
        page.read_only = False  # past the page: the service refuses it all the same
        page.save.emit(page.yaml.toPlainText())
        qtbot.waitUntil(lambda: "published by the centre" in page.note.text(), timeout=WAIT_MS)
        assert page.note.text() == ("'central_drill' was published by the centre and cannot be changed on "
                                    "this PC; duplicate it and save it under a new id.")
        qtbot.mouseClick(page.duplicate_button, Qt.MouseButton.LeftButton)  # the way out: a copy
        assert page.save_button.isEnabled() and page.f_id.text() == "central_drill_copy"
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.note.text().startswith("Saved"), timeout=WAIT_MS)
        assert (folder / "central_drill_copy.yaml").exists()
        assert (folder / "central_drill.yaml").read_text(encoding="utf-8") == source
    finally:
        i18n.install("en")
        window.close()
