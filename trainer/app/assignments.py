"""Trainers' assignments: "practise this situation by Friday, and pass with 70".

A trainer (or HR) assigns a situation to one trainee or a whole team, with a due date and a pass
mark; a trainee sees what is assigned to them first in the library, with its status; trainers see
completion per team; ``trainer assign`` does the same from the command line. Rights are the
signed-in account's: assigning and reading others' completion needs the ``coach`` right; a trainee
reads only their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from trainer.domain.assignments import (
    DEFAULT_PASS_MARK,
    STATUSES,
    Assignment,
    Progress,
    Status,
    check_pass_mark,
    progress_of,
)
from trainer.domain.errors import InvalidInput, NotFound
from trainer.domain.scenario import Scenario
from trainer.storage.assignments import Assignments
from trainer.storage.repository import Repository

if TYPE_CHECKING:
    from trainer.app.context import App

#: The order a trainee sees their assignments in: what needs doing first.
_URGENCY: dict[Status, int] = {"overdue": 0, "in_progress": 1, "not_started": 2, "passed": 3}


@dataclass(frozen=True)
class AssignedItem:
    """One assignment as its trainee sees it."""

    assignment: Assignment
    progress: Progress
    scenarios: tuple[Scenario, ...]
    """The situation's scenarios (one per language)."""


@dataclass(frozen=True)
class Completion:
    """One assignment across the trainees it covers."""

    assignment: Assignment
    title: str
    trainees: tuple[tuple[str, Progress], ...]

    def count(self, status: Status) -> int:
        return sum(p.status == status for _, p in self.trainees)


class AssignmentsService:
    def __init__(self, app: App) -> None:
        self._app = app

    @property
    def _repo(self) -> Repository:
        """Where the trainees and their sessions are: HR's and trainers' PCs that sync read the
        central record (and keep the assignments they make with it, to push); others their own."""
        return self._app.record_repo

    @property
    def _store(self) -> Assignments:
        return Assignments(self._repo.db)

    def _today(self) -> date:
        return self._app.clock().astimezone().date()

    def situations(self) -> dict[str, tuple[Scenario, ...]]:
        """Every situation of the library, with its scenarios (English first)."""
        found: dict[str, list[Scenario]] = {}
        for s in self._app.catalog:
            found.setdefault(s.situation_id, []).append(s)
        return {k: tuple(sorted(v, key=lambda s: s.language != "en")) for k, v in sorted(found.items())}

    def _scenarios_of(self, situation: str) -> tuple[Scenario, ...]:
        return self.situations().get(situation, ())

    def assign(self, situation: str, due: date, pass_mark: int = DEFAULT_PASS_MARK, *,
               trainee: str | None = None, team: str | None = None, login: str = "") -> Assignment:
        """Assign ``situation`` to ``trainee`` or to everyone in ``team`` (exactly one of them)."""
        who = self._app.accounts.require_unless_alone("coach", "assign practice")
        if not self._scenarios_of(situation):
            raise NotFound("there is no situation called '{situation}' in the library", situation=situation)
        if (trainee is None) == (team is None):
            raise InvalidInput("assign to one trainee or to one team")
        if due < self._today():
            raise InvalidInput("the due date {due} is already past", due=due.isoformat())
        check_pass_mark(pass_mark)
        trainee_id = self._trainee_named(trainee) if trainee is not None else None
        if team is not None and team not in self._repo.teams():
            raise NotFound("there is no team called '{team}'", team=team)
        made = self._store.add(situation, due, pass_mark, trainee_id, team,
                               who.username if who else login, self._app.clock().isoformat())
        self._app.accounts.record("assigned", {"assignment": made.id, "situation": situation,
                                               "trainee": trainee, "team": team, "due": due.isoformat(),
                                               "pass_mark": pass_mark}, login)
        return made

    def _trainee_named(self, name: str) -> int:
        row = self._repo.trainee_by_name(name)
        if row is None:
            raise NotFound("there is no trainee called '{name}'", name=name)
        return int(row["id"])

    def teams_and_trainees(self) -> tuple[list[str], list[str]]:
        """Who can be assigned practice: the teams, and the trainees by name (a trainer's)."""
        self._app.accounts.require_unless_alone("coach", "assign practice")
        trainees = self._repo.trainees()
        return (sorted({str(t["team"]) for t in trainees if t["team"]}), [str(t["name"]) for t in trainees])

    def withdraw(self, assignment_id: int, login: str = "") -> None:
        self._app.accounts.require_unless_alone("coach", "assign practice")
        if not self._store.withdraw(assignment_id):
            raise NotFound("there is no assignment {id}", id=assignment_id)
        self._app.accounts.record("assignment_withdrawn", {"assignment": assignment_id}, login)

    def for_trainee(self, trainee_id: int) -> list[AssignedItem]:
        """What ``trainee_id`` is asked to practise, most urgent first: theirs, or a trainer's."""
        who = self._app.accounts.caller()
        if who is not None and who.trainee_id != trainee_id:
            who.require("coach", "see another trainee's progress")
        row = self._repo.trainee_row(trainee_id)
        if row is None:
            raise NotFound("there is no trainee {id}", id=trainee_id)
        items = [self._item(a, trainee_id) for a in self._store.of_trainee(trainee_id, row.get("team"))]
        return sorted(items, key=lambda i: (_URGENCY[i.progress.status], i.assignment.due))

    def _item(self, a: Assignment, trainee_id: int) -> AssignedItem:
        scenarios = self._scenarios_of(a.situation)
        attempts = self._store.attempts(trainee_id, [s.id for s in scenarios], a.created_at)
        return AssignedItem(a, progress_of(a, attempts, self._today()), scenarios)

    def completion(self, team: str | None = None) -> list[Completion]:
        """Every assignment in force (of one team), with each covered trainee's progress."""
        self._app.accounts.require_unless_alone("coach", "open the coaching view")
        out = []
        for a in self._store.listing(team):
            if a.trainee_id is not None:
                row = self._repo.trainee_row(a.trainee_id)
                covered = [row] if row else []
            else:
                covered = self._repo.trainees(a.team)
            scenarios = self._scenarios_of(a.situation)
            title = scenarios[0].title if scenarios else a.situation
            ids = [s.id for s in scenarios]
            progress = tuple(
                (str(t["name"]), progress_of(a, self._store.attempts(int(t["id"]), ids, a.created_at),
                                             self._today()))
                for t in covered)
            out.append(Completion(a, title, progress))
        return out

    def counts(self, team: str | None = None) -> dict[Status, int]:
        """How many (assignment, trainee) pairs are in each status: for reports."""
        totals = dict.fromkeys(STATUSES, 0)
        for c in self.completion(team):
            for status in STATUSES:
                totals[status] += c.count(status)
        return totals
