"""Builders shared by tests."""

from __future__ import annotations

from pathlib import Path

from trainer.domain.scenario import Scenario
from trainer.domain.score import ItemResult, ReplyScore
from trainer.library.loader import load_scenario_file

ROOT = Path(__file__).resolve().parent.parent


def bundled(scenario_id: str) -> Scenario:
    return load_scenario_file(ROOT / "scenarios" / f"{scenario_id}.yaml").scenario


def make_score(
    empathy: int = 50, clarity: int = 50, solution: int = 50, steps: tuple[str, ...] = (),
    penalties: int = 0, critical: int = 0,
) -> ReplyScore:
    """A score as a scorer would return it, for testing what consumes scores."""
    from trainer.domain.score import CriticalFail

    items = tuple(
        ItemResult("empathy", "dismissal", True, -30, f"calm down {i}", 0, 9, "Dismisses.")
        for i in range(penalties)
    )
    crit = tuple(CriticalFail("forbidden_phrase", f"phrase {i}", 0, 8, "Forbidden.")
                 for i in range(critical))
    return ReplyScore(empathy, clarity, solution, "en", items, crit, frozenset(steps))
