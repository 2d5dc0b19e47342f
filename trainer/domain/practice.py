"""A practice session: scores each reply, plays it into the dialogue and stores the turn at once.

This is where the pieces meet, still free of Qt and SQLite: the scorer and the store come in
through the :class:`~trainer.domain.score.ReplyScorer` and :class:`SessionStore` ports. Each turn
is handed to the store as soon as it is played, so a crash never loses a finished turn.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, Protocol

from trainer.domain.dialogue import Dialogue, Exchange
from trainer.domain.scenario import Ending, Scenario
from trainer.domain.score import Context, ReplyScorer
from trainer.domain.spoken import SpokenReply, most_favourable

InputMode = Literal["typed", "spoken"]
SessionStatus = Literal["in_progress", "finished", "stopped", "unfinished"]
"""``stopped``: the trainee left before an ending; ``unfinished``: the program died mid-session."""


@dataclass(frozen=True)
class TurnTimings:
    """Milliseconds: from the customer's line being shown to the reply, and spent scoring."""

    response_ms: int
    scoring_ms: int


class SessionStore(Protocol):
    """Where sessions and their turns are kept (``trainer.storage`` implements it)."""

    def start_session(self, trainee_id: int, scenario: Scenario) -> int: ...

    def record_turn(
        self,
        session_id: int,
        exchange: Exchange,
        input_mode: InputMode,
        timings: TurnTimings,
        spoken: SpokenReply | None = None,
    ) -> None: ...

    def finish_session(
        self,
        session_id: int,
        status: SessionStatus,
        ending: Ending | None,
        final_mood: int,
        turn_limit_reached: bool,
    ) -> None: ...


class Practice:
    """One trainee playing one scenario, stored turn by turn."""

    def __init__(
        self,
        scenario: Scenario,
        scorer: ReplyScorer,
        store: SessionStore,
        trainee_id: int,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.scenario = scenario
        self.trainee_id = trainee_id
        self.dialogue = Dialogue(scenario)
        self._scorer = scorer
        self._store = store
        self._clock = clock
        self.session_id = store.start_session(trainee_id, scenario)
        self._line_shown_at = clock()

    @property
    def finished(self) -> bool:
        return self.dialogue.finished

    def reply(self, text: str, input_mode: InputMode = "typed",
              spoken: SpokenReply | None = None) -> Exchange:
        """Score and play one reply; the turn is stored before this returns.

        With ``spoken`` (and ``text`` still the recogniser's best guess) every alternative the
        recogniser heard is scored and the most favourable counts; a corrected text is scored as is.
        """
        submitted = self._clock()
        context = Context(
            covered=self.dialogue.covered,
            earlier=tuple(e.score for e in self.dialogue.exchanges),
            turn_id=self.dialogue.current.id if self.dialogue.current else None,
        )
        if spoken is not None and spoken.alternatives and text == spoken.alternatives[0]:
            text, score = most_favourable(
                self._scorer, spoken, scenario=self.scenario, language=self.scenario.language,
                context=context,
            )
        else:
            score = self._scorer.score(
                text, scenario=self.scenario, language=self.scenario.language, context=context,
            )
        scored = self._clock()
        # Play the reply on a copy and keep it only once the turn is stored: if storing fails,
        # the conversation has not moved and the same reply can be sent again.
        dialogue = self.dialogue.fork()
        exchange = dialogue.reply(text, score)
        timings = TurnTimings(
            response_ms=round((submitted - self._line_shown_at) * 1000),
            scoring_ms=round((scored - submitted) * 1000),
        )
        self._store.record_turn(self.session_id, exchange, input_mode, timings, spoken)
        self.dialogue = dialogue
        if self.dialogue.finished:
            self._store.finish_session(
                self.session_id, "finished", self.dialogue.ending, self.dialogue.mood,
                self.dialogue.turn_limit_reached,
            )
        self._line_shown_at = self._clock()
        return exchange

    def stop(self) -> None:
        """The trainee leaves before an ending; what was played stays stored."""
        if not self.dialogue.finished:
            self._store.finish_session(self.session_id, "stopped", None, self.dialogue.mood, False)
