"""The dialogue engine: plays a scenario turn by turn from scored replies.

The engine does not score; it is handed each reply with its score, moves the customer's mood,
records which steps are now covered and picks the next turn or ending by the first branch whose
condition holds. Deterministic: the same replies with the same scores always take the same path.
"""

from __future__ import annotations

from dataclasses import dataclass

from trainer.domain.mood import MoodChange, next_mood
from trainer.domain.scenario import Condition, Ending, Scenario, Turn
from trainer.domain.score import ReplyScore


class DialogueOver(Exception):
    """A reply was given after the conversation ended."""


@dataclass(frozen=True)
class Exchange:
    """One finished turn: the customer's line, the trainee's reply and what followed."""

    index: int
    turn_id: str
    customer: str
    reply: str
    score: ReplyScore
    mood: MoodChange
    new_steps: frozenset[str]
    goto: str


def condition_holds(cond: Condition, mood: int, covered: frozenset[str], score: ReplyScore) -> bool:
    if cond.mood_below is not None and not mood < cond.mood_below:
        return False
    if cond.mood_at_least is not None and not mood >= cond.mood_at_least:
        return False
    if not set(cond.steps_done) <= covered:
        return False
    if covered.intersection(cond.steps_missing):
        return False
    if not set(cond.reply_steps) <= score.steps_taken:
        return False
    if not set(cond.reply_met) <= score.met():
        return False
    if cond.min_scores is not None and any(
        getattr(score, dim) < bound for dim, bound in cond.min_scores.bounds().items()
    ):
        return False
    return cond.max_scores is None or all(
        getattr(score, dim) <= bound for dim, bound in cond.max_scores.bounds().items()
    )


def choose_branch(turn: Turn, mood: int, covered: frozenset[str], score: ReplyScore) -> str:
    """The target of the first branch whose condition holds (the last has none)."""
    for branch in turn.branches:
        if branch.when is None or condition_holds(branch.when, mood, covered, score):
            return branch.goto
    return turn.branches[-1].goto


class Dialogue:
    """One conversation with a scenario's customer.

    Attributes:
        mood: how upset the customer is now (0 calm, 100 furious).
        covered: ids of the scenario steps taken so far in this session.
        current: the turn waiting for a reply, or ``None`` once finished.
        ending: the ending reached, or ``None`` while playing.
        turn_limit_reached: the session ended because ``max_turns`` replies were used up.
    """

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.mood = scenario.persona.mood
        self.covered: frozenset[str] = frozenset()
        self.current: Turn | None = scenario.first_turn
        self.ending: Ending | None = None
        self.turn_limit_reached = False
        self.exchanges: list[Exchange] = []

    @property
    def finished(self) -> bool:
        return self.ending is not None

    def fork(self) -> Dialogue:
        """An independent copy at the same point, to try a different reply ("what if…")."""
        other = Dialogue.__new__(Dialogue)
        other.__dict__.update(self.__dict__)
        other.exchanges = list(self.exchanges)
        return other

    def reply(self, text: str, score: ReplyScore) -> Exchange:
        """Apply one scored reply and advance; raises :class:`DialogueOver` when finished."""
        turn = self.current
        if turn is None:
            raise DialogueOver("the conversation has already ended")
        new_steps = frozenset(score.steps_taken) - self.covered
        change = next_mood(self.mood, score, len(new_steps), self.scenario.difficulty)
        self.mood = change.after
        self.covered = self.covered | new_steps
        goto = choose_branch(turn, self.mood, self.covered, score)
        exchange = Exchange(
            index=len(self.exchanges), turn_id=turn.id, customer=turn.customer, reply=text,
            score=score, mood=change, new_steps=new_steps, goto=goto,
        )
        self.exchanges.append(exchange)
        self._advance(goto)
        return exchange

    def _advance(self, goto: str) -> None:
        ending = self.scenario.ending(goto)
        if ending is not None:
            self.ending, self.current = ending, None
        elif len(self.exchanges) >= self.scenario.max_turns:
            self.ending, self.current = self.scenario.limit_ending(), None
            self.turn_limit_reached = True
        else:
            self.current = self.scenario.turn(goto)
