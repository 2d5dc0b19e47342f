"""After a session: how it went per dimension, and the one thing to practise next."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from trainer.domain.scenario import DIMENSIONS, Dimension
from trainer.domain.score import ReplyScore


@dataclass(frozen=True)
class Focus:
    """The weakest dimension and, within it, the item missed most often, with a model phrasing."""

    dimension: Dimension
    item: str
    model: str
    average: int


def averages(scores: Sequence[ReplyScore]) -> dict[Dimension, int]:
    if not scores:
        return {d: 0 for d in DIMENSIONS}
    return {d: round(sum(getattr(s, d) for s in scores) / len(scores)) for d in DIMENSIONS}


def next_focus(scores: Sequence[ReplyScore], worth: Mapping[str, int] | None = None) -> Focus | None:
    """The weakest dimension's most-missed positive item (ties: the item worth most points, by
    ``worth``: the rubric's points per item id; then by id).

    Counts-against items found (blame, dismissal, ...) come first: stopping them matters more
    than adding anything.
    """
    if not scores:
        return None
    avg = averages(scores)
    weakest = min(DIMENSIONS, key=lambda d: (avg[d], DIMENSIONS.index(d)))
    penalties = Counter(i.item for s in scores for i in s.penalties(weakest))
    if penalties:
        item, _ = penalties.most_common(1)[0]
        text = next(i.text for s in scores for i in s.penalties(weakest) if i.item == item)
        return Focus(weakest, item, text, avg[weakest])
    missed: Counter[str] = Counter()
    model: dict[str, str] = {}
    for s in scores:
        for i in s.items:
            if i.dimension == weakest and not i.met and i.text and not i.item.startswith("step:"):
                missed[i.item] += 1
                model.setdefault(i.item, i.text)
    if not missed:
        return None
    points = worth or {}
    item = max(missed, key=lambda k: (missed[k], points.get(k, 0), k))
    return Focus(weakest, item, model[item], avg[weakest])
