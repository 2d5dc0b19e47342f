"""Reply scoring: the rubric (as data), the learned item detectors and the scorer that applies them.

The scorer and its dependencies load on first use (``from trainer.domain.scoring import
RubricScorer``), so importing the rubric's schema alone stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from trainer.domain.scoring.scorer import EmptyReply, RubricScorer

__all__ = ["EmptyReply", "RubricScorer"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from trainer.domain.scoring import scorer

        return getattr(scorer, name)
    raise AttributeError(name)
