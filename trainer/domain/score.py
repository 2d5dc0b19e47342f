"""What scoring a reply produces, and the port every scorer implements.

A score is the sum of visible rubric items; every item carries the words that earned it (or, when
missed, a model phrasing), so a trainee can always see why. Where a dimension's items are scaled
(scenario steps take a share of the solution score; items already done earlier in the session are
not demanded again), a :class:`Scaling` says so, and the points shown are the scaled ones: they
always add up to the score.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from trainer.domain.scenario import Dimension, Scenario


@dataclass(frozen=True)
class ItemResult:
    """One rubric item applied to one reply.

    ``points`` is what the item added (negative for an item that counts against). When ``met``,
    ``text``/``start``/``end`` are the span of the reply that earned it; when not, ``text`` is a
    model phrasing and ``start``/``end`` are ``None``. ``carried``: not met here, but already done
    earlier in the session, so not demanded again (no points either way).
    """

    dimension: Dimension
    item: str
    met: bool
    points: int
    text: str
    start: int | None
    end: int | None
    why: str
    carried: bool = False


@dataclass(frozen=True)
class CriticalFail:
    """A forbidden phrase or unsafe request, reported apart from the scores."""

    item: str
    text: str
    start: int
    end: int
    why: str


@dataclass(frozen=True)
class Scaling:
    """How a dimension's item points were scaled, and why (shown in one line to the trainee)."""

    dimension: Dimension
    factor: float
    steps_share: int = 0
    """Scenario steps take this many of the dimension's 100 points."""
    carried: tuple[str, ...] = ()
    """Items done earlier in the session, whose points the other items share."""


@dataclass(frozen=True)
class ReplyScore:
    empathy: int
    clarity: int
    solution: int
    language: str
    items: tuple[ItemResult, ...] = ()
    critical: tuple[CriticalFail, ...] = ()
    steps_taken: frozenset[str] = field(default_factory=frozenset)
    """Ids of the scenario's steps this reply takes (any wording)."""
    scaling: tuple[Scaling, ...] = ()
    scorer_version: str = ""
    """Which rubric and detectors scored it, so a later re-score can be compared like for like."""

    @property
    def overall(self) -> int:
        return round((self.empathy + self.clarity + self.solution) / 3)

    def penalties(self, dimension: Dimension | None = None) -> tuple[ItemResult, ...]:
        """Items that counted against the reply (blame, dismissal, ...)."""
        return tuple(
            i for i in self.items
            if i.met and i.points < 0 and (dimension is None or i.dimension == dimension)
        )

    def met(self) -> frozenset[str]:
        """Ids of the rubric items this reply met (earning or costing points)."""
        return frozenset(i.item for i in self.items if i.met)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape documented in docs/scoring.md."""
        return {
            "empathy": self.empathy,
            "clarity": self.clarity,
            "solution": self.solution,
            "overall": self.overall,
            "language": self.language,
            "items": [asdict(i) for i in self.items],
            "critical": [asdict(c) for c in self.critical],
            "steps_taken": sorted(self.steps_taken),
            "scaling": [asdict(s) for s in self.scaling],
            "scorer_version": self.scorer_version,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReplyScore:
        return cls(
            empathy=data["empathy"],
            clarity=data["clarity"],
            solution=data["solution"],
            language=data["language"],
            items=tuple(ItemResult(**i) for i in data.get("items", [])),
            critical=tuple(CriticalFail(**c) for c in data.get("critical", [])),
            steps_taken=frozenset(data.get("steps_taken", [])),
            scaling=tuple(Scaling(**{**s, "carried": tuple(s.get("carried", ()))})
                          for s in data.get("scaling", [])),
            scorer_version=data.get("scorer_version", ""),
        )


@dataclass(frozen=True)
class Context:
    """Where in a session a reply falls: what the scorer needs beyond the reply itself."""

    covered: frozenset[str] = frozenset()
    """Scenario steps already taken earlier in the session."""
    earlier: Sequence[ReplyScore] = ()
    """The session's earlier replies' scores, oldest first."""
    turn_id: str | None = None
    """The scenario turn being answered (its model answer is the first source of model phrasings)."""
    breaks: tuple[int, ...] = ()
    """Character offsets where a spoken reply paused: sentence boundaries the text does not show."""


class ReplyScorer(Protocol):
    """Scores one reply. Same input, same output, always."""

    def score(
        self,
        text: str,
        *,
        scenario: Scenario | None = None,
        language: str | None = None,
        context: Context | None = None,
    ) -> ReplyScore:
        """Score ``text`` as a reply in ``scenario``, at the point of the session ``context`` says."""
        ...
