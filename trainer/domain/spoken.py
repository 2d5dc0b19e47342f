"""Scoring a spoken reply fairly: recognition doubt is never charged to the trainee.

The recogniser returns its n-best guesses; each is scored and the most favourable one counts.
If the trainee corrected the transcript before sending, the corrected text is what they said and
is scored as typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from trainer.domain.delivery import Delivery
from trainer.domain.scenario import Scenario
from trainer.domain.score import ReplyScore, ReplyScorer


@dataclass(frozen=True)
class SpokenReply:
    alternatives: tuple[str, ...]
    """The recogniser's n-best, best first."""
    unsure_words: tuple[str, ...] = ()
    delivery: Delivery | None = None
    audio: bytes | None = field(default=None, repr=False)
    """The utterance as 16 kHz mono 16-bit PCM; kept only if the trainee consented."""


def most_favourable(
    scorer: ReplyScorer,
    spoken: SpokenReply,
    *,
    scenario: Scenario | None,
    language: str | None,
    covered: frozenset[str],
) -> tuple[str, ReplyScore]:
    """The alternative with the best overall score (earlier alternatives win ties)."""
    best: tuple[str, ReplyScore] | None = None
    for text in spoken.alternatives:
        if not text.strip():
            continue
        score = scorer.score(text, scenario=scenario, language=language, covered=covered)
        if best is None or score.overall > best[1].overall:
            best = (text, score)
    if best is None:
        raise ValueError("nothing was heard")
    return best
