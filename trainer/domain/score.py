"""What scoring a reply produces, and the port every scorer implements.

A score is the sum of visible rubric items; every item carries the words that earned it (or, when
missed, a model phrasing), so a trainee can always see why.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from trainer.domain.scenario import Dimension, Scenario


@dataclass(frozen=True)
class ItemResult:
    """One rubric item applied to one reply.

    ``points`` is what the item added (negative for an item that counts against). When ``met``,
    ``text``/``start``/``end`` are the span of the reply that earned it; when not, ``text`` is a
    model phrasing and ``start``/``end`` are ``None``.
    """

    dimension: Dimension
    item: str
    met: bool
    points: int
    text: str
    start: int | None
    end: int | None
    why: str


@dataclass(frozen=True)
class CriticalFail:
    """A forbidden phrase or unsafe request, reported apart from the scores."""

    item: str
    text: str
    start: int
    end: int
    why: str


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

    @property
    def overall(self) -> int:
        return round((self.empathy + self.clarity + self.solution) / 3)

    def penalties(self, dimension: Dimension | None = None) -> tuple[ItemResult, ...]:
        """Items that counted against the reply (blame, dismissal, ...)."""
        return tuple(
            i for i in self.items
            if i.met and i.points < 0 and (dimension is None or i.dimension == dimension)
        )

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
        )


class ReplyScorer(Protocol):
    """Scores one reply. Same input, same output, always."""

    def score(
        self,
        text: str,
        *,
        scenario: Scenario | None = None,
        language: str | None = None,
        covered: frozenset[str] = frozenset(),
    ) -> ReplyScore:
        """Score ``text``; ``covered`` are scenario steps already taken earlier in the session."""
        ...
