"""Trainers' assignments: the page's wiring to the assignments service on the engine thread."""

from __future__ import annotations

from datetime import date
from typing import Any

from trainer.app.assignments import Completion
from trainer.domain.scenario import Scenario
from trainer.ui.assignment_pages import AssignmentsPage
from trainer.ui.controller import Controller, Shell
from trainer.ui.jobs import call

Choices = tuple[dict[str, tuple[Scenario, ...]], list[str], list[str], list[Completion]]


class AssignmentsController(Controller):
    def __init__(self, shell: Shell, page: AssignmentsPage) -> None:
        super().__init__(shell)
        self.page = page
        page.assign.connect(self._assign)
        page.withdraw.connect(self._withdraw)
        page.back.connect(self.nav.back)

    def show(self) -> None:
        def loaded(choices: Choices) -> None:
            situations, teams, trainees, rows = choices
            self.page.set_choices(situations, teams, trainees)
            self.page.set_rows(rows)
            self.nav.push(self.page, self.show)

        self.jobs.submit(self._choices, on_done=loaded)

    def _choices(self) -> Choices:  # on the engine thread
        service = self.app.assignments
        teams, trainees = service.teams_and_trainees()
        return service.situations(), teams, trainees, service.completion()

    def _refresh(self, *_: Any) -> None:
        self.jobs.submit(self.app.assignments.completion, on_done=self.page.set_rows,
                         on_error=self.tell(self.page.message.setText))

    def _assign(self, situation: str, whom: str, due: date, pass_mark: int) -> None:
        kind, _, name = whom.partition(":")
        work = call(self.app.assignments.assign, situation, due, pass_mark,
                    trainee=name if kind == "trainee" else None, team=name if kind == "team" else None)
        self.jobs.submit(work, on_done=self._refresh, on_error=self.tell(self.page.message.setText))

    def _withdraw(self, assignment_id: int) -> None:
        self.jobs.submit(call(self.app.assignments.withdraw, assignment_id), on_done=self._refresh,
                         on_error=self.tell(self.page.message.setText))
