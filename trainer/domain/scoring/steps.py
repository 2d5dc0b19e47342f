"""Does a reply take one of the scenario's required steps, in any wording?

A step is taken when one sentence of the reply shares enough meaningful words with one of the
step's example phrasings (or its description). The words are stemmed English and jieba-segmented
Chinese, so "I'll refund the fee" matches "refund the duplicated fee".
"""

from __future__ import annotations

from dataclasses import dataclass

from trainer.domain.scenario import Step
from trainer.domain.scoring.text import Sentence, content_words

MIN_SHARED_WORDS = 2
MIN_SHARE_OF_EXAMPLE = 0.5


@dataclass(frozen=True)
class StepMatch:
    step_id: str
    sentence: Sentence
    strength: float


def match_step(step: Step, sentences: list[Sentence]) -> StepMatch | None:
    """The sentence that best takes ``step``, or ``None``."""
    best: StepMatch | None = None
    phrasings = [*step.examples, step.description]
    for sentence in sentences:
        words = content_words(sentence.text)
        if not words:
            continue
        for phrasing in phrasings:
            wanted = content_words(phrasing)
            if not wanted:
                continue
            shared = len(words & wanted)
            strength = shared / len(wanted)
            enough = shared >= min(MIN_SHARED_WORDS, len(wanted)) and strength >= MIN_SHARE_OF_EXAMPLE
            if enough and (best is None or strength > best.strength):
                best = StepMatch(step.id, sentence, strength)
    return best
