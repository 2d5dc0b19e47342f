"""What happened in a session, from its own turns and its scenario's own steps: the debrief the
summary shows (so it never describes a conversation the trainee did not have)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from trainer.domain.scenario import Scenario
from trainer.domain.score import ReplyScore


@dataclass(frozen=True)
class TurnFacts:
    score: ReplyScore
    mood_before: int
    mood_after: int


@dataclass(frozen=True)
class Debrief:
    replies: int
    mood_from: int
    mood_to: int
    steps_taken: tuple[str, ...]
    """The scenario's steps (their descriptions) some reply took, in the scenario's order."""
    steps_missing: tuple[str, ...]
    calmest: tuple[int, int] | None
    """(reply number, how far the mood fell) of the reply that calmed the customer most."""
    hardest: tuple[int, int] | None
    """(reply number, how far the mood rose) of the reply that angered the customer most."""
    critical_fails: int


def debrief(scenario: Scenario, turns: Sequence[TurnFacts]) -> Debrief | None:
    if not turns:
        return None
    taken = set().union(*(t.score.steps_taken for t in turns))
    changes = [(i + 1, t.mood_after - t.mood_before) for i, t in enumerate(turns)]
    fall = min(changes, key=lambda c: (c[1], c[0]))
    rise = max(changes, key=lambda c: (c[1], -c[0]))
    return Debrief(
        replies=len(turns), mood_from=turns[0].mood_before, mood_to=turns[-1].mood_after,
        steps_taken=tuple(s.description for s in scenario.steps if s.id in taken),
        steps_missing=tuple(s.description for s in scenario.steps if s.id not in taken),
        calmest=(fall[0], -fall[1]) if fall[1] < 0 else None,
        hardest=rise if rise[1] > 0 else None,
        critical_fails=sum(len(t.score.critical) for t in turns),
    )
