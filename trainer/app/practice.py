"""Practising: the library as a trainee sees it, a session from first line to ending, and a
stored session read back as its summary.

One session is played at a time. Every finished turn is committed before :meth:`reply` returns
(see ``storage.repository``); the summary at the end is built from the turns just played, not
read back and decoded again.
"""

from __future__ import annotations

import wave
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trainer.app.assignments import AssignedItem
from trainer.app.views import LibraryEntry, ReplyOutcome, SessionSummary, TurnView
from trainer.domain.coaching import averages, next_focus
from trainer.domain.debrief import Debrief, TurnFacts, debrief
from trainer.domain.delivery import Delivery
from trainer.domain.dialogue import Exchange
from trainer.domain.errors import NotFound
from trainer.domain.practice import InputMode, Practice
from trainer.domain.scenario import Scenario
from trainer.domain.score import ReplyScore
from trainer.domain.spoken import SpokenReply
from trainer.library.loader import load_scenario_text
from trainer.storage.private import private_file, private_folder
from trainer.storage.repository import Repository

if TYPE_CHECKING:
    from trainer.app.context import App


class NoSession(RuntimeError):
    """A reply arrived with no session being played (a programming error, not the user's)."""


class PracticeService:
    def __init__(self, app: App) -> None:
        self._app = app
        self._practice: Practice | None = None
        self._played: list[TurnView] = []
        self._test_play = False  # the session being played is a trainer's test-play of a draft

    # -- the library -------------------------------------------------------------------------------

    def library(self, trainee_id: int | None) -> list[LibraryEntry]:
        """Every scenario, with ``trainee_id``'s best score in each: only the trainee's own."""
        if trainee_id is not None:
            self._app.accounts.own_trainee(trainee_id, "see another trainee's progress")
        best = self._app.repo.best_scores(trainee_id) if trainee_id is not None else {}
        assigned: dict[str, AssignedItem] = {}
        for item in self._app.assignments.for_trainee(trainee_id) if trainee_id is not None else []:
            assigned.setdefault(item.assignment.situation, item)  # the most urgent of a situation
        rank = {situation: n for n, situation in enumerate(assigned)}
        entries = [LibraryEntry(s, best.get(s.id), assigned.get(s.situation_id)) for s in self._app.catalog]
        # "Assigned to you" first, most urgent first (passed ones after the open ones)
        return sorted(entries, key=lambda e: (e.assigned is None, rank.get(e.scenario.situation_id, 0)))

    def scenario(self, scenario_id: str) -> Scenario:
        scenario = self._app.catalog.get(scenario_id)
        if scenario is None:
            raise NotFound("there is no scenario with id '{id}'", id=scenario_id)
        return scenario

    def warm_up(self) -> None:
        """Load the sentence encoder now, so the first reply is scored quickly."""
        self._app.scorer.warm_up()

    # -- playing -----------------------------------------------------------------------------------

    def start(self, trainee_id: int, scenario_id: str) -> tuple[Scenario, int]:
        """Start a session of a library scenario; returns the scenario and its session id."""
        return self.start_scenario(trainee_id, self.scenario(scenario_id))

    def start_draft(self, trainee_id: int, text: str) -> tuple[Scenario, int]:
        """Test-play a scenario straight from the editor, before it is saved (a trainer's tool).
        It plays exactly as practice does, but is kept apart (``Settings.test_play_db_path``) and
        never counts: no points, leaderboard, coaching view, history, report or export."""
        self._app.accounts.require_unless_alone("edit_scenarios", "test-play a scenario")
        scenario = load_scenario_text(text, "scenario").scenario
        self._app.accounts.own_trainee(trainee_id, "practise as another trainee")
        trainee = self._app.repo.trainee_row(trainee_id)
        if trainee is None:
            raise NotFound("there is no trainee {id}", id=trainee_id)
        self._app.test_play_repo.mirror_trainee(trainee)
        return self._start(trainee_id, scenario, test_play=True)

    def start_scenario(self, trainee_id: int, scenario: Scenario) -> tuple[Scenario, int]:
        """Start a session of ``scenario``: as the signed-in trainee only (without an account,
        only on a database that has none)."""
        self._app.accounts.own_trainee(trainee_id, "practise as another trainee")
        return self._start(trainee_id, scenario, test_play=False)

    def _start(self, trainee_id: int, scenario: Scenario, *, test_play: bool) -> tuple[Scenario, int]:
        self.stop()
        scorer = self._app.scorer
        self._test_play = test_play
        self._practice = Practice(scenario, scorer, self._store, trainee_id)
        self._played = []
        scorer.prepare(scenario)  # its model answers read now, not on the first reply
        return scenario, self._practice.session_id

    @property
    def _store(self) -> Repository:
        """Where the session being played is stored: the record, or the test-play store."""
        return self._app.test_play_repo if self._test_play else self._app.repo

    @property
    def test_playing(self) -> bool:
        return self._practice is not None and self._test_play

    @property
    def current(self) -> Practice | None:
        """The session being played, if any (the command line prints from it)."""
        return self._practice

    def reply(self, text: str, input_mode: InputMode = "typed", spoken: SpokenReply | None = None
              ) -> ReplyOutcome:
        """Score and store one reply; raises ``EmptyReply`` (nothing stored) if it has no words."""
        practice = self._practice
        if practice is None or practice.finished:
            raise NoSession("no session is being played")
        exchange = practice.reply(text, input_mode, spoken)
        audio_path = self._keep_recording(practice.session_id, exchange.index, spoken)
        turn = replace(_turn_view(practice.scenario, exchange, input_mode,
                                  spoken.delivery if spoken else None), audio_path=audio_path)
        self._played.append(turn)
        dialogue = practice.dialogue
        summary = self._finished_summary(practice) if dialogue.finished else None
        return ReplyOutcome(turn, dialogue.mood, dialogue.current.customer if dialogue.current else None,
                            summary)

    def stop(self) -> None:
        """Leave the current session early; what was played stays stored."""
        if self._practice is not None and not self._practice.finished:
            self._practice.stop()
        self._practice = None

    def _finished_summary(self, practice: Practice) -> SessionSummary:
        session = self._store.session(practice.session_id) or {}
        scores = [t.score for t in self._played]
        return SessionSummary(
            session_id=practice.session_id, scenario_id=practice.scenario.id,
            scenario_title=practice.scenario.title, status=session.get("status", "finished"),
            ending=practice.dialogue.ending, turn_limit_reached=practice.dialogue.turn_limit_reached,
            turns=list(self._played), averages={str(k): v for k, v in averages(scores).items()},
            focus=next_focus(scores, self._worth()), started_at=session.get("started_at", ""),
            trainee_id=practice.trainee_id, test_play=self._test_play,
            debrief=_debrief(practice.scenario, self._played),
        )

    def _worth(self) -> dict[str, int]:
        """The rubric's points per item: the next thing to practise is the one worth most."""
        return {spec.id: spec.points for spec in self._app.scorer.rubric.items}

    # -- recordings --------------------------------------------------------------------------------

    def _keep_recording(self, session_id: int, index: int, spoken: SpokenReply | None) -> str | None:
        """Write the spoken reply as a WAV beside the database, only if the trainee consented."""
        if self._test_play or spoken is None or not spoken.audio:  # a test-play keeps no recordings
            return None
        if not self._app.repo.records_audio(session_id):
            return None
        folder = private_folder(self._app.settings.recordings_dir)
        target = folder / f"session-{session_id}-turn-{index + 1}.wav"
        tmp = target.with_name(f".{target.name}.part")
        with wave.open(str(tmp), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(16_000)
            w.writeframes(spoken.audio)
        private_file(tmp).replace(target)
        self._app.repo.set_turn_audio(session_id, index, str(target))
        return str(target)

    # -- stored sessions ---------------------------------------------------------------------------

    def summary(self, session_id: int, *, central: bool = False) -> SessionSummary:
        """A stored session, as the summary screen shows it (also for reopening read-only), if
        the signed-in account may see it. ``central``: a session of the central record (its id
        is the copy's), reviewed from HR's or a trainer's PC: read-only, no recordings (they stay
        at the branch)."""
        if central:
            session, repo = self._app.central_access.session(session_id), self._app.central_access.repo
        else:
            session, repo = self._app.accounts.check_session_access(session_id), self._app.repo
        scenario = self._app.catalog.get(session["scenario_id"])
        turns = [_stored_turn(row, scenario, recordings=not central) for row in repo.turns(session_id)]
        scores = [t.score for t in turns]
        ending = scenario.ending(session["ending_id"]) if scenario and session["ending_id"] else None
        return SessionSummary(
            session_id=session_id, scenario_id=session["scenario_id"],
            scenario_title=session["scenario_title"] or session["scenario_id"], status=session["status"],
            ending=ending, turn_limit_reached=bool(session["turn_limit_reached"]), turns=turns,
            averages={str(k): v for k, v in averages(scores).items()},
            focus=next_focus(scores, self._worth()),
            started_at=session["started_at"], trainee_id=session["trainee_id"],
            overrides=repo.overrides(session_id), debrief=_debrief(scenario, turns) if scenario else None,
            central_as_of=self._app.central_access.as_of() if central else None,
        )


def _debrief(scenario: Scenario, turns: list[TurnView]) -> Debrief | None:
    return debrief(scenario, [TurnFacts(t.score, t.mood_before, t.mood_after) for t in turns])


def _turn_view(scenario: Scenario, exchange: Exchange, input_mode: str = "typed",
               delivery: Delivery | None = None) -> TurnView:
    turn = scenario.turn(exchange.turn_id)
    return TurnView(exchange.index, exchange.turn_id, exchange.customer, exchange.reply, exchange.score,
                    exchange.mood.before, exchange.mood.after, turn.model_answer if turn else None,
                    input_mode, delivery)


def _stored_turn(row: dict[str, Any], scenario: Scenario | None, recordings: bool = True) -> TurnView:
    turn = scenario.turn(row["turn_id"]) if scenario else None
    audio = row.get("audio_path") if recordings else None  # a pulled path names a file at the branch
    return TurnView(
        index=row["idx"], turn_id=row["turn_id"], customer=row["customer_line"], reply=row["reply"],
        score=ReplyScore.from_dict(_json(row["score_json"])), mood_before=row["mood_before"],
        mood_after=row["mood_after"], model_answer=turn.model_answer if turn else None,
        input_mode=row["input_mode"] or "typed", delivery=_delivery(row.get("delivery_json")),
        audio_path=audio if audio and Path(audio).exists() else None,
    )


def _delivery(text: str | None) -> Delivery | None:
    return Delivery.from_dict(_json(text)) if text else None


def _json(text: str) -> dict[str, Any]:
    import json

    data = json.loads(text)
    return data if isinstance(data, dict) else {}
