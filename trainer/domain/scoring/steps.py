"""Does a reply take one of the scenario's required steps, in any wording?

A step is taken by a sentence (or clause) that commits to, offers or asks for something (see
``rubric.ACTIONABLE_ITEMS``) and either shares enough meaningful words with one of the step's
example phrasings or its description, or is close to one of them in meaning. Words are stemmed
English and Chinese cut into words; meaning comes from the multilingual sentence encoder, so a
Chinese reply can take a step written in English.
"""

from __future__ import annotations

from dataclasses import dataclass

from trainer.domain.scenario import Step
from trainer.domain.scoring.meaning import MeaningMatcher
from trainer.domain.scoring.normalise import canonical
from trainer.domain.scoring.text import Sentence, content_words

MIN_SHARED_WORDS = 2
MIN_SHARE_OF_EXAMPLE = 0.5
MIN_SIMILARITY = 0.6


@dataclass(frozen=True)
class StepMatch:
    step_id: str
    unit: Sentence
    strength: float


class StepMatcher:
    def __init__(self, matcher: MeaningMatcher) -> None:
        self._matcher = matcher

    def match(self, step: Step, units: list[Sentence], actionable: list[bool]) -> StepMatch | None:
        """The unit that best takes ``step``, or ``None``; only actionable units count."""
        candidates = [u for u, ok in zip(units, actionable, strict=True) if ok]
        if not candidates:
            return None
        phrasings = [*step.examples, step.description]
        best: StepMatch | None = None
        for unit in candidates:
            strength = _word_overlap(unit.text, phrasings)
            if strength is not None and (best is None or strength > best.strength):
                best = StepMatch(step.id, unit, strength)
        if best is not None:
            return best
        # Meaning is compared as the detectors read a unit (canonical: the same typed or spoken),
        # so the unit's embedding is the one already made, not a second encoding of its text.
        nearest = self._matcher.nearest([canonical(u.text) or u.text for u in candidates],
                                        [canonical(p) or p for p in phrasings])
        i = max(range(len(nearest)), key=lambda k: nearest[k].similarity)
        if nearest[i].similarity >= MIN_SIMILARITY:
            return StepMatch(step.id, candidates[i], nearest[i].similarity)
        return None


def _word_overlap(text: str, phrasings: list[str]) -> float | None:
    words = content_words(text)
    best = None
    for phrasing in phrasings:
        wanted = content_words(phrasing)
        if not wanted or not words:
            continue
        shared = len(words & wanted)
        strength = shared / len(wanted)
        if shared >= min(MIN_SHARED_WORDS, len(wanted)) and strength >= MIN_SHARE_OF_EXAMPLE:
            best = max(best or 0.0, strength)
    return best
