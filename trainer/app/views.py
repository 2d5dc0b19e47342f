"""What the services return: plain, frozen data the UI and the command line show as they like."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

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
    central_as_of: str | None = None
    """Set when the session is the central record's (its id is the copy's): as of when ("": the
    copy was never brought up to date); ``None``: this PC's own."""


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
class Standing:
    """A trainee's level, points and certification, from the record their history is read from."""

    name: str
    team: str
    progress: Progress


@dataclass(frozen=True)
class HistoryPage:
    rows: list[dict[str, Any]]
    """Sessions, newest first, each with ``trainee`` (name) and ``turns``."""
    total: int
    """How many sessions the whole history has."""
    offset: int = 0
    central_as_of: str | None = None
    """As in :class:`SessionSummary`: set when the sessions (and their ids) are the central record's."""
    standing: Standing | None = None
    """The trainee's, on the first page of one trainee's history."""


@dataclass(frozen=True)
class LeaderboardRow:
    rank: int
    trainee_id: int
    name: str
    team: str
    points: int
    sessions: int
    central: bool = False
    """The trainee id is the central record's (see ``app.central_access``), not this PC's."""


@dataclass(frozen=True)
class AttentionRow:
    trainee_id: int
    name: str
    team: str
    reasons: tuple[str, ...]
    detail: dict[str, float]
    central: bool = False
    """As in :class:`LeaderboardRow`."""


@dataclass(frozen=True)
class Scope:
    """What a leaderboard or the coaching view covers: a team, or in the central record a branch
    or a region (``None`` in their place: everyone the account may see)."""

    kind: Literal["team", "branch", "region"]
    name: str


def display_name(trainee: dict[str, Any]) -> str:
    """The name shown to others: initials only if the trainee chose that."""
    name = str(trainee["name"])
    if trainee.get("initials_only"):
        return "".join(part[0].upper() + "." for part in name.split() if part) or name[:1]
    return name
