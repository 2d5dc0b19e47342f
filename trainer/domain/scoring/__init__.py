"""Reply scoring: the rubric (as data), the learned item detectors and the scorer that applies them."""

from trainer.domain.scoring.scorer import EmptyReply, RubricScorer

__all__ = ["EmptyReply", "RubricScorer"]
