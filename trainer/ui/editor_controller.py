"""Trainers' scenario work: the editor (open, save, test-play) and scenario packs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from trainer.app.views import LibraryEntry
from trainer.domain.scenario import Scenario
from trainer.library.draft import check_draft
from trainer.library.loader import ScenarioError
from trainer.library.packs import PackError, PackPreview
from trainer.ui.controller import Controller, Shell
from trainer.ui.editor_page import SOURCE, EditorPage
from trainer.ui.errors import log_error, plain_message
from trainer.ui.jobs import call
from trainer.ui.practice_controller import PracticeController


class EditorController(Controller):
    def __init__(self, shell: Shell, page: EditorPage, practice: PracticeController) -> None:
        super().__init__(shell)
        self.page = page
        self.practice = practice
        page.open_scenario.connect(self.edit)
        page.save.connect(self.save)
        page.test_play.connect(self.test_play)
        page.check.connect(self.check)
        page.import_pack.connect(self.import_pack)
        page.export_pack.connect(self.export_pack)
        page.back.connect(self.nav.back)

    def show_editor(self) -> None:
        def listed(entries: list[LibraryEntry]) -> None:
            self.page.set_scenarios([(e.scenario.id, e.scenario.title) for e in entries])
            self.nav.push(self.page, self.show_editor)
            if not self.page.yaml.toPlainText() and entries:
                self.edit(entries[0].scenario.id)

        self.jobs.submit(call(self.app.practice.library, self.trainee_id), on_done=listed)

    def edit(self, scenario_id: str) -> None:
        def source() -> tuple[str, bool, bool]:
            text, bundled = self.app.authoring.scenario_source(scenario_id)
            return text, bundled, self.app.authoring.published_by_centre(scenario_id)

        def loaded(found: tuple[str, bool, bool]) -> None:
            text, bundled, central = found
            self.page.load_text(text, bundled or central, central=central)

        self.jobs.submit(source, on_done=loaded, on_error=self._problem)

    def _problem(self, exc: BaseException) -> None:
        log_error(exc)
        if isinstance(exc, ScenarioError | PackError):
            self.page.show_message("\n".join(str(r) for r in exc.reports[:5]))
        else:
            self.page.show_message(plain_message(exc))

    def save(self, text: str) -> None:
        def saved(scenario: Scenario) -> None:
            self.page.show_message(self.tr("Saved “{title}”; it is in the library now.").format(
                title=scenario.title))
            self.show_editor()

        self.jobs.submit(call(self.app.authoring.save_scenario, text), on_done=saved,
                         on_error=self._problem)

    def check(self, text: str) -> None:
        """The YAML checked on the engine thread (a long scenario takes a while), the answer to the
        page (which drops it if the text has changed since)."""
        self.jobs.submit(call(check_draft, text, SOURCE), on_done=self.page.show_draft)

    def test_play(self, text: str) -> None:
        self.practice.start_draft(text, on_error=self._problem)

    def import_pack(self, path: str) -> None:
        self.jobs.submit(call(self.app.authoring.preview_pack, Path(path)),
                         on_done=self._confirm_pack, on_error=self._problem)

    def _confirm_pack(self, preview: PackPreview) -> None:
        text = self.tr("Add: {added}\nReplace: {replaced}").format(
            added=", ".join(preview.added) or "—", replaced=", ".join(preview.replaced) or "—")
        answer = QMessageBox.question(self.shell.window, self.tr("Import this pack?"), text)
        if answer == QMessageBox.StandardButton.Yes:
            self.jobs.submit(call(self.app.authoring.import_pack, preview),
                             on_done=lambda _: self.show_editor(), on_error=self._problem)

    def export_pack(self, path: str) -> None:
        scenario = self.page.scenario
        if scenario is None:
            return

        def exported(target: Path) -> None:
            self.page.show_message(self.tr("Exported to {path}.").format(path=target))

        self.jobs.submit(call(self.app.authoring.export_pack, [scenario.id], Path(path)),
                         on_done=exported, on_error=self._problem)
