"""Reply scoring: the rubric, its patterns and the scorer that applies them."""

from trainer.domain.scoring.scorer import EmptyReply, RubricScorer

__all__ = ["EmptyReply", "RubricScorer"]
