"""The scenario model: one upset customer, the script they follow and how it can end.

A scenario is plain data validated by pydantic. The YAML reading (with line numbers) lives in
``trainer.library``; the cross-field checks that need the whole scenario (branch targets,
reachability) live in :mod:`trainer.domain.scenario_checks`. ``docs/scenario-format.md`` documents
every field here, and a test keeps the two in step.
"""

from __future__ import annotations

from typing import Annotated, Literal, cast, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Language = Literal["en", "zh-CN"]
Category = Literal[
    "service_quality", "communication", "system_failure", "staff_attitude", "policy_market"
]
Outcome = Literal["resolved", "escalated", "walked_out"]
Dimension = Literal["empathy", "clarity", "solution"]

CATEGORIES: tuple[Category, ...] = (
    "service_quality", "communication", "system_failure", "staff_attitude", "policy_market",
)
OUTCOMES: tuple[Outcome, ...] = ("resolved", "escalated", "walked_out")
DIMENSIONS: tuple[Dimension, ...] = ("empathy", "clarity", "solution")

Ident = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
Mood = Annotated[int, Field(ge=0, le=100)]
ScoreValue = Annotated[int, Field(ge=0, le=100)]


class _Strict(BaseModel):
    """Frozen, and unknown keys are errors: a typo must never be silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Voice(_Strict):
    """Hints for the text-to-speech voice; engines apply what they can."""

    rate: Annotated[float, Field(ge=0.5, le=2.0)] = 1.0
    pitch: Annotated[int, Field(ge=0, le=100)] = 50


Gender = Literal["female", "male", "unspecified"]
AgeBand = Literal["young", "adult", "middle_aged", "senior"]
#: The oldest age of each band: 16-34 young, 35-49 adult, 50-64 middle-aged, 65 and over senior.
AGE_BANDS: tuple[tuple[int, AgeBand], ...] = ((34, "young"), (49, "adult"), (64, "middle_aged"),
                                              (110, "senior"))
#: The customers' faces (``assets/avatars/<name>.svg``, a test keeps the two in step): one for
#: every gender and age band, named ``<gender>_<band>``.
Avatar = Literal[
    "female_young", "female_adult", "female_middle_aged", "female_senior",
    "male_young", "male_adult", "male_middle_aged", "male_senior",
    "unspecified_young", "unspecified_adult", "unspecified_middle_aged", "unspecified_senior",
]
AVATARS: tuple[Avatar, ...] = get_args(Avatar)


def age_band(age: int) -> AgeBand:
    return next((band for oldest, band in AGE_BANDS if age <= oldest), "senior")


class Persona(_Strict):
    name: Text
    age: Annotated[int, Field(ge=16, le=110)]
    gender: Gender = "unspecified"
    voice: Voice = Voice()
    mood: Mood
    """How upset the customer is at the start: 0 calm, 100 furious."""
    avatar: Avatar | None = None
    """The face shown; by default the one for the customer's gender and age band."""

    @property
    def avatar_name(self) -> Avatar:
        """The face to show: the scenario's choice, else ``<gender>_<age band>``."""
        return self.avatar or cast(Avatar, f"{self.gender}_{age_band(self.age)}")


class Step(_Strict):
    """A solution step the scenario needs, e.g. "freeze the card"."""

    id: Ident
    description: Text
    examples: Annotated[list[Text], Field(min_length=1)]


class ScoreBounds(_Strict):
    """Bounds on the last reply's scores (each 0-100); absent means no bound."""

    empathy: ScoreValue | None = None
    clarity: ScoreValue | None = None
    solution: ScoreValue | None = None

    def bounds(self) -> dict[str, int]:
        return {k: v for k, v in self.model_dump().items() if v is not None}


class Condition(_Strict):
    """When a branch applies. Every key given must hold; omit a key to ignore it."""

    mood_below: Mood | None = None
    mood_at_least: Mood | None = None
    steps_done: list[Ident] = []
    steps_missing: list[Ident] = []
    reply_steps: list[Ident] = []
    """Steps the last reply itself took (first time or again): what it just did."""
    reply_met: list[Ident] = []
    """Rubric items the last reply met, e.g. ``time_frame`` (a promise with a time),
    ``clarify_details`` (a question asked), ``apology``, ``blame``."""
    min_scores: ScoreBounds | None = None
    max_scores: ScoreBounds | None = None

    def is_empty(self) -> bool:
        return (
            self.mood_below is None
            and self.mood_at_least is None
            and not self.steps_done
            and not self.steps_missing
            and not self.reply_steps
            and not self.reply_met
            and not (self.min_scores and self.min_scores.bounds())
            and not (self.max_scores and self.max_scores.bounds())
        )


class Branch(_Strict):
    when: Condition | None = None
    goto: Ident


class Turn(_Strict):
    id: Ident
    customer: Text
    """What the customer says at this turn (spoken and shown as a subtitle)."""
    model_answer: Text
    """A strong reply, shown to the trainee after the session."""
    branches: Annotated[list[Branch], Field(min_length=1)]


class Ending(_Strict):
    id: Ident
    outcome: Outcome
    customer: Text
    """The customer's last words."""
    debrief: Text | None = None
    """What happened and why, shown to the trainee at the end."""


class Scenario(_Strict):
    id: Ident
    situation: Ident | None = None
    """The situation this scenario plays; an English and a Chinese scenario of the same situation
    share it and count as one situation in two languages (default: the scenario's own id)."""
    title: Text
    language: Language
    category: Category
    difficulty: Literal[1, 2, 3]
    persona: Persona
    briefing: Text
    steps: Annotated[list[Step], Field(min_length=1)]
    forbidden: list[Text] = []
    turns: Annotated[list[Turn], Field(min_length=1)]
    endings: Annotated[list[Ending], Field(min_length=1)]
    max_turns: Annotated[int, Field(ge=1, le=50)] = 8
    turn_limit_ending: Ident | None = None

    @property
    def situation_id(self) -> str:
        return self.situation or self.id

    @property
    def first_turn(self) -> Turn:
        return self.turns[0]

    def turn(self, turn_id: str) -> Turn | None:
        return next((t for t in self.turns if t.id == turn_id), None)

    def ending(self, ending_id: str) -> Ending | None:
        return next((e for e in self.endings if e.id == ending_id), None)

    def step_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.steps)

    def limit_ending(self) -> Ending | None:
        """The ending reached when ``max_turns`` replies have not closed the session.

        The one named by ``turn_limit_ending``, else the first escalated ending, else the first
        walked-out one.
        """
        if self.turn_limit_ending is not None:
            return self.ending(self.turn_limit_ending)
        for outcome in ("escalated", "walked_out"):
            found = next((e for e in self.endings if e.outcome == outcome), None)
            if found:
                return found
        return None
