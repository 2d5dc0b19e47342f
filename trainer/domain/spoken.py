"""Scoring a spoken reply fairly: recognition doubt is never charged to the trainee.

The recogniser returns its n-best guesses; each is scored and the most favourable one counts.
If the trainee corrected the transcript before sending, the corrected text is what they said and
is scored as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from trainer.domain.delivery import Delivery
from trainer.domain.errors import InvalidInput
from trainer.domain.scenario import Scenario
from trainer.domain.score import Context, ReplyScore, ReplyScorer


@dataclass(frozen=True)
class SpokenReply:
    alternatives: tuple[str, ...]
    """The recogniser's n-best, best first."""
    unsure_words: tuple[str, ...] = ()
    delivery: Delivery | None = None
    audio: bytes | None = field(default=None, repr=False)
    """The utterance as 16 kHz mono 16-bit PCM; kept only if the trainee consented."""
    pauses: tuple[int, ...] = ()
    """Indices of the words (of the best alternative) after which the speaker paused: sentence
    boundaries a recogniser's text does not show."""


def most_favourable(
    scorer: ReplyScorer,
    spoken: SpokenReply,
    *,
    scenario: Scenario | None,
    language: str | None,
    context: Context | None = None,
) -> tuple[str, ReplyScore]:
    """The alternative with the best overall score (earlier alternatives win ties)."""
    context = context or Context()
    best: tuple[str, ReplyScore] | None = None
    for text in spoken.alternatives:
        if not text.strip():
            continue
        breaks = pause_offsets(text, spoken.pauses)
        score = scorer.score(text, scenario=scenario, language=language,
                             context=replace(context, breaks=breaks))
        if best is None or score.overall > best[1].overall:
            best = (text, score)
    if best is None:
        raise InvalidInput("nothing was heard")
    return best


def pause_offsets(text: str, pauses: tuple[int, ...]) -> tuple[int, ...]:
    """Character offsets in ``text`` just after the words a pause followed (word i = i-th word)."""
    if not pauses:
        return ()
    ends = [m.end() for m in re.finditer(r"\S+", text)]
    return tuple(ends[i] for i in sorted(set(pauses)) if 0 <= i < len(ends) - 1)
