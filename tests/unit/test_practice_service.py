"""The service the desktop app drives (no Qt): trainees, library with best scores, a whole
session, history and reopening, and the coaching focus."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.domain.coaching import next_focus
from trainer.practice_service import PracticeService

from helpers import make_score


def test_a_session_from_start_to_summary(db_path: Path) -> None:
    service = PracticeService(db_path=db_path)
    assert service.open() == []
    trainee = service.create_trainee("Lin", "Branch 3")
    assert [t["name"] for t in service.trainees()] == ["Lin"]
    entries = {e.scenario.id: e for e in service.library(trainee)}
    assert len(entries) >= 12 and entries["atm_card_swallowed"].best is None

    scenario, session_id = service.start(trainee, "atm_card_swallowed")
    assert scenario.id == "atm_card_swallowed"
    first = service.reply("I'm so sorry. May I see your ID card, please?")
    assert first.summary is None and first.next_line and first.turn.model_answer
    assert first.mood == first.turn.mood_after
    last = service.reply("Calm down. There's nothing I can do.")
    assert last.summary is not None and last.next_line is None
    summary = last.summary
    assert summary.session_id == session_id and summary.ending is not None
    assert [t.reply for t in summary.turns] == ["I'm so sorry. May I see your ID card, please?",
                                               "Calm down. There's nothing I can do."]
    assert summary.focus is not None and summary.focus.dimension in ("empathy", "clarity", "solution")

    [session] = service.history(trainee)
    assert session["turns"] == 2 and session["status"] == "finished"
    assert service.summary(session_id) == summary  # reopening shows the same thing
    best = {e.scenario.id: e.best for e in service.library(trainee)}["atm_card_swallowed"]
    assert best == summary.averages
    with pytest.raises(RuntimeError):
        service.reply("too late")


def test_leaving_early_keeps_the_turns(db_path: Path) -> None:
    service = PracticeService(db_path=db_path)
    service.open()
    trainee = service.create_trainee("Ola", "")
    _, session_id = service.start(trainee, "atm_card_swallowed")
    service.reply("I'm sorry about that, I understand it's frustrating.")
    service.stop()
    summary = service.summary(session_id)
    assert summary.status == "stopped" and len(summary.turns) == 1 and summary.ending is None
    with pytest.raises(LookupError):
        service.start(trainee, "no_such_scenario")


def test_focus_is_the_weakest_dimension_and_penalties_come_first() -> None:
    assert next_focus([]) is None
    calm = make_score(empathy=90, clarity=20, solution=80)
    missed = [i for i in calm.items]
    assert missed == []  # a bare score has no items, so there is nothing specific to suggest
    assert next_focus([calm]) is None
    rude = make_score(empathy=10, clarity=60, solution=60, penalties=1)
    focus = next_focus([rude, rude])
    assert focus is not None and focus.dimension == "empathy" and focus.item == "dismissal"
