"""Points that add up: each dimension's earned items scaled so that what is still expected of this
reply is worth 100.

Two things are no longer expected in full. Scenario steps still to take earn a share of the
solution score (``scenario_steps_share``), and the generic solution items the rest. Items marked
``carries_over`` that an earlier reply of the session met are not demanded again; their points are
shared by the dimension's other items (at most ``max_carried_share`` of a dimension is set aside).
The points shown are the scaled ones, and a :class:`~trainer.domain.score.Scaling` says why.
"""

from __future__ import annotations

from trainer.domain.score import ItemResult, Scaling
from trainer.domain.scoring.rubric import Rubric


def scaled(rubric: Rubric, results: list[ItemResult], steps: list[ItemResult]
           ) -> tuple[list[ItemResult], list[Scaling]]:
    """``results`` (and the scenario ``steps`` still to take, earned at 1 point) with their points
    scaled, and one :class:`Scaling` per dimension whose points changed."""
    share = rubric.scenario_steps_share if steps else 0
    scaling: list[Scaling] = []
    out: list[ItemResult] = []
    for d in ("empathy", "clarity", "solution"):
        mine = [r for r in results if r.dimension == d]
        carried = tuple(r.item for r in mine if r.carried)
        carried_points = min(rubric.max_carried_share, sum(
            spec.points for spec in (rubric.item(i) for i in carried) if spec is not None))
        steps_share = share if d == "solution" else 0
        factor = (100 - steps_share) / (100 - carried_points)
        if factor != 1:
            scaling.append(Scaling(d, round(factor, 3), steps_share, carried))
        for r in mine:
            points = round(r.points * factor) if r.points > 0 else r.points
            out.append(r if points == r.points else with_points(r, points))
        if d == "solution" and steps:
            each = share / len(steps)
            out += [with_points(s, round(each)) if s.met else s for s in steps]
    return out, scaling


def with_points(r: ItemResult, points: int) -> ItemResult:
    return ItemResult(r.dimension, r.item, r.met, points, r.text, r.start, r.end, r.why, r.carried)
