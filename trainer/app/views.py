"""What the services return: plain, frozen data the UI and the command line show as they like."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from trainer.app.assignments import AssignedItem
from trainer.domain.coaching import Focus
from trainer.domain.debrief import Debrief
from trainer.domain.delivery import Delivery
from trainer.domain.incentives import Progress
from trainer.domain.scenario import Ending, Scenario
from trainer.domain.score import ReplyScore


@dataclass(frozen=True)
class LibraryEntry:
    scenario: Scenario
    best: dict[str, int] | None
    """The trainee's best session so far (averages per dimension), or None if never played."""
    assigned: AssignedItem | None = None
    """What a trainer assigned the trainee in this scenario's situation, if anything."""


@dataclass(frozen=True)
class TurnView:
    """One played turn, as shown in the transcript and the summary."""

    index: int
    turn_id: str
    customer: str
    reply: str
    score: ReplyScore
    mood_before: int
    mood_after: int
    model_answer: str | None
    input_mode: str = "typed"
    delivery: Delivery | None = None
    audio_path: str | None = None
    """The recording of a spoken reply, kept when the trainee consented."""


@dataclass(frozen=True)
class SessionSummary:
    session_id: int
    scenario_id: str
    scenario_title: str
    status: str
    ending: Ending | None
    turn_limit_reached: bool
    turns: list[TurnView]
    averages: dict[str, int]
    focus: Focus | None
    started_at: str = ""
    trainee_id: int = 0
    overrides: list[dict[str, Any]] = field(default_factory=list)
    """Trainers' score overrides: dimension, automatic, value, comment, by, at (oldest first)."""
    test_play: bool = False
    """A trainer's test-play of a draft: kept apart, never counted."""
    debrief: Debrief | None = None
    """What happened, from these turns and the scenario's steps (None: the scenario is gone)."""


@dataclass(frozen=True)
class ReplyOutcome:
    turn: TurnView
    mood: int
    next_line: str | None
    """The customer's next line, or None when the session ended."""
    summary: SessionSummary | None
    """Set when this reply ended the session."""


@dataclass(frozen=True)
class Dashboard:
    trainee: dict[str, Any]
    progress: Progress
    recommended: Scenario | None
    rules_source: str
    notes: list[dict[str, Any]] = field(default_factory=list)
    """The latest coaching notes trainers wrote for this trainee."""


@dataclass(frozen=True)
class HistoryPage:
    rows: list[dict[str, Any]]
    """Sessions, newest first, each with ``trainee`` (name) and ``turns``."""
    total: int
    """How many sessions the whole history has."""
    offset: int = 0


@dataclass(frozen=True)
class LeaderboardRow:
    rank: int
    trainee_id: int
    name: str
    team: str
    points: int
    sessions: int


@dataclass(frozen=True)
class AttentionRow:
    trainee_id: int
    name: str
    team: str
    reasons: tuple[str, ...]
    detail: dict[str, float]


def display_name(trainee: dict[str, Any]) -> str:
    """The name shown to others: initials only if the trainee chose that."""
    name = str(trainee["name"])
    if trainee.get("initials_only"):
        return "".join(part[0].upper() + "." for part in name.split() if part) or name[:1]
    return name
