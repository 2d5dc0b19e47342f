"""What a scenario itself says: its model answers and step examples, read once per scenario.

A missed item shows a model phrasing. Where the scenario's own words show the item (the model
answer of the turn being played first, then the other turns' answers, then the step examples),
those words are shown, so a trainee in a yuan-based address-change scenario is never told about
someone else's card. Otherwise the rubric's generic phrasing, which names no facts, is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from trainer.domain.scenario import Scenario, Step
from trainer.domain.scoring.rubric import ItemSpec

if TYPE_CHECKING:
    from trainer.domain.scoring.reading import Reading
    from trainer.domain.scoring.scorer import RubricScorer

#: Items whose model phrasing is advice about the whole reply, not a phrase to borrow.
WHOLE_REPLY = frozenset({"plain_and_short", "acknowledge_first"})


class ScenarioPhrasings:
    def __init__(self, scorer: RubricScorer) -> None:
        self._scorer = scorer
        self._readings: dict[str, Reading] = {}
        self._found: dict[tuple[str, str], str | None] = {}
        self._action_steps: dict[tuple[str, ...], bool] = {}

    def phrasing(self, spec: ItemSpec, scenario: Scenario | None, turn_id: str | None, lang: str) -> str:
        """A model phrasing for a missed item: the scenario's own words if they show it."""
        if scenario is not None and spec.id not in WHOLE_REPLY:
            for text in self._sources(scenario, turn_id):
                key = (text, spec.id)
                if key not in self._found:
                    self._found[key] = self._shown_in(spec, text)
                if self._found[key]:
                    return self._found[key] or ""
            lang = scenario.language
        return spec.model.get(lang)

    def prepare(self, scenario: Scenario) -> None:
        for text in self._sources(scenario, None):
            self._reading(text)
        for step in scenario.steps:
            self.is_action_step(step)

    def is_action_step(self, step: Step) -> bool:
        """An action step ("refund the fee") is taken only by a clause that commits to something;
        an explaining one ("explain why the rate rose") by any clause."""
        key = (step.id, step.description, *step.examples)
        if key not in self._action_steps:
            votes = [self._actionable(e) for e in step.examples]
            self._action_steps[key] = sum(votes) * 2 >= len(votes)
        return self._action_steps[key]

    def _actionable(self, text: str) -> bool:
        from trainer.domain.scoring.scorer import ACTIONABLE

        reading = self._reading(text)
        return any(self._scorer.detected(label, reading) for label in ACTIONABLE)

    def _sources(self, scenario: Scenario, turn_id: str | None) -> list[str]:
        turns = sorted(scenario.turns, key=lambda t: t.id != turn_id)
        return [t.model_answer for t in turns] + [e for s in scenario.steps for e in s.examples]

    def _reading(self, text: str) -> Reading:
        if text not in self._readings:
            self._readings[text] = self._scorer.read(text)
        return self._readings[text]

    def _shown_in(self, spec: ItemSpec, text: str) -> str | None:
        reading = self._reading(text)
        results = self._scorer.find(spec, reading)
        if not results:
            return None
        hit = results[0]
        if hit.start is None:
            return None
        unit = reading.unit_of(next(i for i, s in enumerate(reading.norm.starts) if s >= hit.start))
        if unit is None:
            return hit.text
        sentence = reading.sentence_of(reading.units[unit])
        start, end, _ = reading.evidence(sentence.start, sentence.end)
        return reading.original[start:end].strip() or hit.text
