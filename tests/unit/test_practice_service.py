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


def test_dashboard_leaderboard_and_coaching(db_path: Path) -> None:
    from datetime import date

    service = PracticeService(db_path=db_path, rules_dir=db_path.parent)
    service.open()
    ann = service.create_trainee("Ann Lee", "Branch 1")
    bob = service.create_trainee("Bob Wu", "Branch 1")
    service.create_trainee("Cy Ho", "Branch 2")
    service.start(ann, "atm_card_swallowed")
    service.reply("I'm so sorry, that's really stressful. May I see your ID card, please? I'll open the "
                  "machine with my colleague and bring your card back within ten minutes.")
    service.reply("Thank you. I can give you cash at the counter right away.")
    service.start(bob, "atm_card_swallowed")
    service.reply("Calm down. There's nothing I can do.")

    dash = service.dashboard(ann)
    assert dash.progress.sessions == 1 and dash.progress.points > 0
    assert dash.recommended is not None and dash.recommended.category != "system_failure"  # unpractised first
    board = service.leaderboard("Branch 1", "all")
    assert [r.name for r in board] == ["Ann Lee", "Bob Wu"] and board[0].points > board[1].points
    service.set_initials_only(ann, True)
    assert service.leaderboard("Branch 1", "week", date.today())[0].name == "A.L."
    attention = {r.name: r.reasons for r in service.coaching("Branch 1")}
    assert "critical_fails" not in attention.get("Ann Lee", ())
    assert "low_scores" in attention["Bob Wu"]
    assert service.teams() == ["Branch 1", "Branch 2"]


def test_a_broken_branch_rules_file_is_reported_and_the_default_used(db_path: Path) -> None:
    (db_path.parent / "incentives.yaml").write_text("levels: nope\n", encoding="utf-8")
    service = PracticeService(db_path=db_path, rules_dir=db_path.parent)
    problems = service.open()
    assert any("incentives.yaml:1: levels must be a list" in p for p in problems)
    assert service.rules.levels[0].name == "Trainee"


def test_period_leaderboard_reads_only_recent_history_but_scores_the_same(db_path: Path) -> None:
    """The leaderboard for a period fetches the period plus a few earlier sessions per trainee;
    points must equal those computed from the full history."""
    import random
    from datetime import UTC, date, datetime, timedelta

    from trainer.domain.incentives import leaderboard as compute
    from trainer.domain.incentives import period_start

    service = PracticeService(db_path=db_path, rules_dir=db_path.parent)
    service.open()
    db = service.repo.db
    rng = random.Random(3)
    now = datetime.now(UTC)
    for t in range(1, 6):
        db.table("trainees").insert({"id": t, "name": f"T{t}", "team": "B", "created_at": now.isoformat()})
        for n in range(40):
            overall = rng.uniform(20, 95)
            db.table("sessions").insert({
                "trainee_id": t, "scenario_id": "x", "category": "communication", "difficulty": 1 + n % 3,
                "started_at": (now - timedelta(days=80 - 2 * n)).isoformat(), "status": "finished",
                "outcome": rng.choice(["resolved", "escalated", "walked_out"]), "turn_count": 2,
                "avg_overall": overall, "avg_empathy": overall, "avg_clarity": overall,
                "avg_solution": overall, "critical_count": 0, "turn_limit_reached": 0,
            })
    for period in ("week", "month", "all"):
        expected = compute(service.repo.facts_by_trainee("B"), service.rules.points,
                           period_start(period, date.today()))  # type: ignore[arg-type]
        got = [(r.trainee_id, r.points, r.sessions) for r in service.leaderboard("B", period)]
        assert got == expected, period


def test_a_turn_that_cannot_be_stored_does_not_move_the_conversation(db_path: Path) -> None:
    from trainer.storage.database import StorageError

    service = PracticeService(db_path=db_path, rules_dir=db_path.parent)
    service.open()
    service.start(service.create_trainee("Di", ""), "atm_card_swallowed")
    practice = service._practice
    assert practice is not None
    real = service.repo.record_turn

    def locked(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise StorageError("Cannot write to the database: it is locked by another program.")

    service.repo.record_turn = locked  # type: ignore[method-assign]
    with pytest.raises(StorageError):
        service.reply("I'm so sorry. May I see your ID card, please?")
    assert practice.dialogue.exchanges == [] and practice.dialogue.current.id == "opening"  # type: ignore[union-attr]
    service.repo.record_turn = real  # type: ignore[method-assign]
    outcome = service.reply("I'm so sorry. May I see your ID card, please?")  # the retry
    assert outcome.turn.turn_id == "opening" and outcome.turn.index == 0


def test_scenario_editing_and_packs_through_the_service(db_path: Path, tmp_path: Path) -> None:
    import zipfile

    from trainer.domain.accounts import AccessDenied
    from trainer.library.packs import PackError


    service = PracticeService(db_path=db_path, rules_dir=db_path.parent)
    service.open()
    admin = service.access.create_first_admin("hr", "admin-pass")
    tina = service.access.create_account(admin, "tina", "2468", "trainer")
    mei = service.access.create_account(admin, "mei", "1234", "trainee")
    text, bundled = service.scenario_source("long_queue")
    assert bundled
    with pytest.raises(AccessDenied):
        service.save_scenario(mei, text)
    with pytest.raises(ValueError, match="bundled scenario"):
        service.save_scenario(tina, text)
    copy = text.replace("id: long_queue", f"id: {service.new_id('long_queue')}")
    saved = service.save_scenario(tina, copy)
    assert saved.id == "long_queue_copy" and service.scenario_source(saved.id) == (copy, False)
    before = sorted(service._catalog.scenarios)
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(broken, "w") as z:
        bad = copy.replace("long_queue_copy", "x").replace("difficulty: 1", "difficulty: 7")
        z.writestr("scenarios/x.yaml", bad)
    with pytest.raises(PackError):
        service.preview_pack(tina, broken)
    assert sorted(service._catalog.scenarios) == before  # nothing changed
    pack = service.export_pack(tina, ["long_queue", "long_queue_copy"], tmp_path / "out.zip")
    with pytest.raises(ValueError, match="would replace bundled scenarios"):
        service.preview_pack(tina, pack)
    actions = [e["action"] for e in service.access.audit_log(admin)]
    assert "scenario_published" in actions and "scenario_pack_exported" in actions


def test_recordings_are_kept_only_with_consent(db_path: Path) -> None:
    import wave

    from trainer.domain.spoken import SpokenReply

    service = PracticeService(db_path=db_path, rules_dir=db_path.parent)
    service.open()
    trainee = service.create_trainee("Rec", "")
    pcm = b"\x01\x00" * 16000  # one second
    heard = SpokenReply(("I'm so sorry, may I see your ID card please",), (), None, pcm)
    _, session_id = service.start(trainee, "atm_card_swallowed")
    first = service.reply(heard.alternatives[0], "spoken", heard)
    assert first.turn.audio_path is None and not service.recordings_dir().exists()  # off by default
    service.set_record_audio(trainee, True)
    second = service.reply(heard.alternatives[0], "spoken", heard)
    assert second.turn.audio_path is not None
    with wave.open(second.turn.audio_path, "rb") as w:
        assert (w.getframerate(), w.getnchannels(), w.getnframes()) == (16000, 1, 16000)
    turns = service.summary(session_id).turns
    assert [t.audio_path is not None for t in turns] == [False, True]
