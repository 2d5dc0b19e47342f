"""Everything the desktop app asks of the program, as plain method calls (no Qt).

The UI runs these on its one background thread (``ui.jobs``), so the SQLite connection, the
sentence encoder and the current practice session all live on that thread; the UI thread only
ever receives the plain data these methods return.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trainer.domain.coaching import Focus, averages, next_focus
from trainer.domain.delivery import Delivery
from trainer.domain.dialogue import Exchange
from trainer.domain.practice import InputMode, Practice
from trainer.domain.scenario import Ending, Scenario
from trainer.domain.score import ReplyScore
from trainer.domain.scoring import RubricScorer
from trainer.domain.spoken import SpokenReply
from trainer.library.catalog import Catalog, load_catalog
from trainer.storage.database import open_database
from trainer.storage.repository import Repository


@dataclass(frozen=True)
class LibraryEntry:
    scenario: Scenario
    best: dict[str, int] | None
    """The trainee's best session so far (averages per dimension), or None if never played."""


@dataclass(frozen=True)
class TurnView:
    """One played turn, as shown in the transcript and the summary."""

    index: int
    turn_id: str
    customer: str
    reply: str
    score: ReplyScore
    mood_before: int
    mood_after: int
    model_answer: str | None
    input_mode: str = "typed"
    delivery: Delivery | None = None


@dataclass(frozen=True)
class SessionSummary:
    session_id: int
    scenario_id: str
    scenario_title: str
    status: str
    ending: Ending | None
    turn_limit_reached: bool
    turns: list[TurnView]
    averages: dict[str, int]
    focus: Focus | None
    started_at: str = ""


@dataclass(frozen=True)
class ReplyOutcome:
    turn: TurnView
    mood: int
    next_line: str | None
    """The customer's next line, or None when the session ended."""
    summary: SessionSummary | None
    """Set when this reply ended the session."""


@dataclass
class PracticeService:
    db_path: Path | None = None
    scenario_folders: list[Path] | None = None
    _repo: Repository | None = None
    _catalog: Catalog = field(default_factory=Catalog)
    _scorer: RubricScorer | None = None
    _practice: Practice | None = None

    # -- start-up -----------------------------------------------------------------------------------

    def open(self) -> list[str]:
        """Open the database (marking interrupted sessions) and load the library.

        Returns the problems found in scenario files, one sentence each.
        """
        self._repo = Repository(open_database(self.db_path))
        self._repo.mark_interrupted_sessions()
        self._catalog = load_catalog(self.scenario_folders)
        return [str(r) for r in self._catalog.reports if r.is_error]

    def warm_up(self) -> None:
        """Load the sentence encoder now, so the first reply is scored quickly."""
        self.scorer.warm_up()

    @property
    def scorer(self) -> RubricScorer:
        if self._scorer is None:
            self._scorer = RubricScorer()
        return self._scorer

    @property
    def repo(self) -> Repository:
        if self._repo is None:
            raise RuntimeError("PracticeService.open() was not called")
        return self._repo

    # -- trainees and library ---------------------------------------------------------------------

    def trainees(self) -> list[dict[str, Any]]:
        return self.repo.trainees()

    def create_trainee(self, name: str, team: str) -> int:
        return self.repo.trainee(name, team)

    def library(self, trainee_id: int | None) -> list[LibraryEntry]:
        best = self.repo.best_scores(trainee_id) if trainee_id is not None else {}
        return [LibraryEntry(s, best.get(s.id)) for s in self._catalog]

    # -- practising ---------------------------------------------------------------------------------

    def start(self, trainee_id: int, scenario_id: str) -> tuple[Scenario, int]:
        """Start a session; returns the scenario and its session id."""
        scenario = self._catalog.get(scenario_id)
        if scenario is None:
            raise LookupError(f"there is no scenario with id '{scenario_id}'")
        if self._practice is not None and not self._practice.finished:
            self._practice.stop()
        self._practice = Practice(scenario, self.scorer, self.repo, trainee_id)
        return scenario, self._practice.session_id

    def reply(self, text: str, input_mode: InputMode = "typed",
              spoken: SpokenReply | None = None) -> ReplyOutcome:
        practice = self._practice
        if practice is None or practice.finished:
            raise RuntimeError("no session is being played")
        exchange = practice.reply(text, input_mode, spoken)
        turn = self._turn_view(practice.scenario, exchange, input_mode,
                               spoken.delivery if spoken else None)
        dialogue = practice.dialogue
        summary = self.summary(practice.session_id) if dialogue.finished else None
        return ReplyOutcome(turn, dialogue.mood,
                            dialogue.current.customer if dialogue.current else None, summary)

    def stop(self) -> None:
        """Leave the current session early; what was played stays stored."""
        if self._practice is not None:
            self._practice.stop()
            self._practice = None

    # -- history ------------------------------------------------------------------------------------

    def history(self, trainee_id: int | None) -> list[dict[str, Any]]:
        """Past sessions, newest first, each with its number of turns."""
        counts = self.repo.turn_counts()
        return [{**s, "turns": counts.get(s["id"], 0)} for s in self.repo.sessions(trainee_id)]

    def summary(self, session_id: int) -> SessionSummary:
        """A stored session, as the summary screen shows it (also for reopening read-only)."""
        session = self.repo.session(session_id)
        if session is None:
            raise LookupError(f"there is no session {session_id}")
        scenario = self._catalog.get(session["scenario_id"])
        turns = []
        for row in self.repo.turns(session_id):
            turn = scenario.turn(row["turn_id"]) if scenario else None
            turns.append(TurnView(
                index=row["idx"], turn_id=row["turn_id"], customer=row["customer_line"],
                reply=row["reply"], score=ReplyScore.from_dict(_json(row["score_json"])),
                mood_before=row["mood_before"], mood_after=row["mood_after"],
                model_answer=turn.model_answer if turn else None,
                input_mode=row["input_mode"] or "typed",
                delivery=_delivery(row.get("delivery_json")),
            ))
        scores = [t.score for t in turns]
        ending = scenario.ending(session["ending_id"]) if scenario and session["ending_id"] else None
        return SessionSummary(
            session_id=session_id, scenario_id=session["scenario_id"],
            scenario_title=session["scenario_title"] or session["scenario_id"],
            status=session["status"], ending=ending,
            turn_limit_reached=bool(session["turn_limit_reached"]), turns=turns,
            averages={str(k): v for k, v in averages(scores).items()}, focus=next_focus(scores),
            started_at=session["started_at"],
        )

    @staticmethod
    def _turn_view(scenario: Scenario, exchange: Exchange, input_mode: str = "typed",
                   delivery: Delivery | None = None) -> TurnView:
        turn = scenario.turn(exchange.turn_id)
        return TurnView(exchange.index, exchange.turn_id, exchange.customer, exchange.reply,
                        exchange.score, exchange.mood.before, exchange.mood.after,
                        turn.model_answer if turn else None, input_mode, delivery)


def _delivery(text: str | None) -> Delivery | None:
    return Delivery.from_dict(_json(text)) if text else None


def _json(text: str) -> dict[str, Any]:
    import json

    data = json.loads(text)
    return data if isinstance(data, dict) else {}
