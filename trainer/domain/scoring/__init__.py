"""Reply scoring: the rubric, its patterns and the scorer that applies them."""

from trainer.domain.scoring.scorer import EmptyReply, RubricScorer, shared_matcher

__all__ = ["EmptyReply", "RubricScorer", "shared_matcher"]
