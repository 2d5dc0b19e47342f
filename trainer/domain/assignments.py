"""Assignments: a trainer tells a trainee (or a whole team) which situation to practise, by when,
and what overall score counts as passing. Pure rules; no storage.

A situation is played in either language (its English and Chinese scenarios share the situation
id), so a session of either counts. Status, judged on the sessions started since the assignment
was made:

- ``passed``: a finished session with an overall average at least the pass mark (on or before
  the due date, or after it: a late pass is still a pass, and ``late`` says so);
- ``overdue``: not passed, and the due date is over;
- ``in_progress``: not passed, but practised;
- ``not_started``: not practised yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

Status = Literal["not_started", "in_progress", "passed", "overdue"]
STATUSES: tuple[Status, ...] = ("not_started", "in_progress", "passed", "overdue")
DEFAULT_PASS_MARK = 70


@dataclass(frozen=True)
class Assignment:
    id: int
    uuid: str
    situation: str
    due: date
    pass_mark: int
    trainee_id: int | None
    """The one trainee, or ``None`` for everyone in ``team``."""
    team: str | None
    assigned_by: str
    created_at: str
    """ISO time (UTC) the trainer assigned it: sessions before it do not count."""


@dataclass(frozen=True)
class Attempt:
    """A session of the assigned situation, as the status needs it."""

    started_at: str
    finished: bool
    overall: float | None
    day: date
    """The local day it was played."""


@dataclass(frozen=True)
class Progress:
    status: Status
    best: float | None
    """The best overall average of a finished attempt since it was assigned."""
    attempts: int
    late: bool = False
    """Passed, but only after the due date."""


def progress_of(assignment: Assignment, attempts: list[Attempt], today: date) -> Progress:
    counted = [a for a in attempts if a.started_at >= assignment.created_at]
    finished = [a for a in counted if a.finished and a.overall is not None]
    best = max((a.overall for a in finished if a.overall is not None), default=None)
    passes = [a for a in finished if a.overall is not None and a.overall >= assignment.pass_mark]
    if passes:
        first = min(passes, key=lambda a: a.started_at)
        return Progress("passed", best, len(counted), late=first.day > assignment.due)
    if today > assignment.due:
        return Progress("overdue", best, len(counted))
    return Progress("in_progress" if counted else "not_started", best, len(counted))


def check_pass_mark(value: int) -> int:
    from trainer.domain.errors import InvalidInput

    if not 0 <= value <= 100:
        raise InvalidInput("the pass mark must be between 0 and 100 (got {value})", value=value)
    return value
