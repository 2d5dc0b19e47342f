"""The services the desktop app drives (no Qt): trainees, library with best scores, a whole
session, history and reopening, and the coaching focus."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.app.context import App
from trainer.app.practice import NoSession
from trainer.app.scoring import scorer_for
from trainer.app.settings import Settings
from trainer.domain.coaching import next_focus
from trainer.domain.errors import NotFound

from helpers import hr_tina_and_ann, make_score, open_app


def test_a_session_from_start_to_summary(db_path: Path) -> None:
    app = App(Settings(data_dir=db_path.parent, db_path=db_path))
    assert app.open() == []
    trainee = app.accounts.create_trainee("Lin", "Branch 3")
    assert [t["name"] for t in app.accounts.trainees()] == ["Lin"]
    entries = {e.scenario.id: e for e in app.practice.library(trainee)}
    assert len(entries) >= 12 and entries["atm_card_swallowed"].best is None

    scenario, session_id = app.practice.start(trainee, "atm_card_swallowed")
    assert scenario.id == "atm_card_swallowed"
    first = app.practice.reply("I'm so sorry. May I see your ID card, please?")
    assert first.summary is None and first.next_line and first.turn.model_answer
    assert first.mood == first.turn.mood_after
    last = app.practice.reply("Calm down. There's nothing I can do.")
    assert last.summary is not None and last.next_line is None
    summary = last.summary
    assert summary.session_id == session_id and summary.ending is not None
    assert summary.status == "finished" and summary.trainee_id == trainee
    # the summary of the session just finished is made of the turns just played
    assert summary.turns == [first.turn, last.turn]
    assert [t.reply for t in summary.turns] == ["I'm so sorry. May I see your ID card, please?",
                                               "Calm down. There's nothing I can do."]
    assert summary.focus is not None and summary.focus.dimension in ("empathy", "clarity", "solution")

    [session] = app.progress.history(trainee)
    assert session["turns"] == 2 and session["status"] == "finished"
    assert app.practice.summary(session_id) == summary  # reopening shows the same thing
    best = {e.scenario.id: e.best for e in app.practice.library(trainee)}["atm_card_swallowed"]
    assert best == summary.averages
    with pytest.raises(NoSession):
        app.practice.reply("too late")


def test_leaving_early_keeps_the_turns(db_path: Path) -> None:
    app = open_app(db_path)
    trainee = app.accounts.create_trainee("Ola", "")
    _, session_id = app.practice.start(trainee, "atm_card_swallowed")
    app.practice.reply("I'm sorry about that, I understand it's frustrating.")
    app.practice.stop()
    assert app.practice.current is None
    summary = app.practice.summary(session_id)
    assert summary.status == "stopped" and len(summary.turns) == 1 and summary.ending is None
    with pytest.raises(NotFound):
        app.practice.start(trainee, "no_such_scenario")
    with pytest.raises(NotFound):
        app.practice.summary(session_id + 100)


CARING = "I'm so sorry, I understand how upsetting this is."  # empathy only: no plan at all
DISMISSIVE = "Calm down. I'll refund the 15 pounds now and call you by 5 pm."  # a plan, no empathy
BLAMING = "Sorry, but you should have read the terms. I'll refund the fee now."


def test_focus_is_the_weakest_dimension_and_penalties_come_first() -> None:
    assert next_focus([]) is None
    assert next_focus([make_score(empathy=90, clarity=20, solution=80)]) is None  # no items: nothing to say
    scorer = scorer_for()
    caring = scorer.score(CARING)
    assert caring.solution < caring.clarity < caring.empathy and not caring.penalties()
    focus = next_focus([caring])
    # the weakest dimension, and in it a missed item with the rubric's model phrasing
    missed = {i.item: i.text for i in caring.items if i.dimension == "solution" and not i.met}
    assert focus is not None and focus.dimension == "solution" and focus.average == caring.solution
    assert focus.item in missed and focus.model == missed[focus.item]

    # a penalty in the weakest dimension comes before anything missed there
    dismissive = scorer.score(DISMISSIVE)
    assert dismissive.empathy < min(dismissive.clarity, dismissive.solution)
    assert [i.item for i in dismissive.penalties("empathy")] == ["dismissal"]
    assert any(i.dimension == "empathy" and not i.met and i.text for i in dismissive.items)
    focus = next_focus([dismissive])
    assert focus is not None and (focus.dimension, focus.item, focus.model) == ("empathy", "dismissal",
                                                                              "Calm down")
    # ... the one found most often, across the session's replies
    blaming = scorer.score(BLAMING)
    assert {i.item for i in blaming.penalties("empathy")} == {"blame", "cancelled_apology"}
    focus = next_focus([blaming, dismissive, dismissive])
    assert focus is not None and (focus.dimension, focus.item) == ("empathy", "dismissal")
    focus = next_focus([blaming, blaming, dismissive])
    assert focus is not None and focus.item in ("blame", "cancelled_apology")

    # a penalty elsewhere does not take the focus from the weakest dimension
    both = scorer.score(CARING + " Calm down.")
    assert both.penalties("empathy") and both.solution < min(both.empathy, both.clarity)
    focus = next_focus([both])
    assert focus is not None and focus.dimension == "solution" and focus.item != "dismissal"
    # the weakest on average over the replies, not in the last one
    focus = next_focus([dismissive, dismissive, caring])  # empathy 0, 0, 55; solution 60, 60, 0
    assert focus is not None and focus.dimension == "empathy"


def test_focus_ties_go_to_the_item_worth_most_points() -> None:
    """next_focus's docstring: "the weakest dimension's most-missed positive item (ties: the item
    worth most points)". One reply misses every solution item once: all tie."""
    scorer = scorer_for()
    caring = scorer.score(CARING)
    missed = [i.item for i in caring.items if i.dimension == "solution" and not i.met and i.text
              and not i.item.startswith("step:")]
    worth = {spec.id: spec.points for spec in scorer.rubric.items if spec.id in missed}
    focus = next_focus([caring], {spec.id: spec.points for spec in scorer.rubric.items})
    assert focus is not None and focus.dimension == "solution"
    assert worth[focus.item] == max(worth.values()), (focus.item, worth)
    assert len(set(worth.values())) > 1  # the tie is really broken by points, not by name


def test_dashboard_leaderboard_and_coaching(db_path: Path) -> None:
    from datetime import date

    app = open_app(db_path)
    ann = app.accounts.create_trainee("Ann Lee", "Branch 1")
    bob = app.accounts.create_trainee("Bob Wu", "Branch 1")
    app.accounts.create_trainee("Cy Ho", "Branch 2")
    app.practice.start(ann, "atm_card_swallowed")
    app.practice.reply("I'm so sorry, that's really stressful. May I see your ID card, please? I'll open "
                       "the machine with my colleague and bring your card back within ten minutes.")
    app.practice.reply("Thank you. I can give you cash at the counter right away.")
    app.practice.start(bob, "atm_card_swallowed")
    app.practice.reply("Calm down. There's nothing I can do.")

    dash = app.progress.dashboard(ann)
    assert dash.progress.sessions == 1 and dash.progress.points > 0
    assert dash.recommended is not None and dash.recommended.category != "system_failure"  # unpractised first
    board = app.progress.leaderboard("Branch 1", "all")
    assert [r.name for r in board] == ["Ann Lee", "Bob Wu"] and board[0].points > board[1].points
    app.accounts.set_initials_only(ann, True)
    assert app.progress.leaderboard("Branch 1", "week", date.today())[0].name == "A.L."
    attention = {r.name: r.reasons for r in app.progress.coaching("Branch 1")}
    assert "critical_fails" not in attention.get("Ann Lee", ())
    assert "low_scores" in attention["Bob Wu"]
    assert app.progress.teams() == ["Branch 1", "Branch 2"]


def test_another_trainees_progress_needs_the_coach_right(db_path: Path) -> None:
    from trainer.domain.accounts import AccessDenied

    world = hr_tina_and_ann(db_path, with_scorer=False)
    progress, ann, bob = world.app.progress, world.ann, world.bob
    assert ann.trainee_id is not None and bob.trainee_id is not None
    world.sign_in("ann")
    assert progress.dashboard(ann.trainee_id).progress.sessions == 0  # one's own
    with pytest.raises(AccessDenied):
        progress.dashboard(bob.trainee_id)
    with pytest.raises(AccessDenied):
        progress.coaching()
    world.sign_in("tina")
    assert progress.dashboard(ann.trainee_id).trainee["name"] == "ann"
    assert {r.name for r in progress.coaching("Branch 1")} <= {"ann", "bob", "tina"}


def test_a_broken_branch_rules_file_is_reported_and_the_default_used(db_path: Path) -> None:
    (db_path.parent / "incentives.yaml").write_text("levels: nope\n", encoding="utf-8")
    app = App(Settings(data_dir=db_path.parent, db_path=db_path))
    problems = app.open(with_scorer=False)
    assert any("incentives.yaml:1: levels must be a list" in p for p in problems)
    assert app.rules.levels[0].name == "Trainee"


def test_period_leaderboard_reads_only_recent_history_but_scores_the_same(db_path: Path) -> None:
    """The leaderboard for a period fetches the period plus a few earlier sessions per trainee;
    points must equal those computed from the full history."""
    import random
    from datetime import UTC, date, datetime, timedelta

    from trainer.domain.incentives import leaderboard as compute
    from trainer.domain.incentives import period_start

    app = open_app(db_path, with_scorer=False)
    db = app.repo.db
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
        expected = compute(app.repo.facts_by_trainee("B"), app.rules.points,
                           period_start(period, date.today()))
        got = [(r.trainee_id, r.points, r.sessions) for r in app.progress.leaderboard("B", period)]
        assert got == expected, period


def test_a_turn_that_cannot_be_stored_does_not_move_the_conversation(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from trainer.storage.database import StorageError

    app = open_app(db_path)
    app.practice.start(app.accounts.create_trainee("Di", ""), "atm_card_swallowed")
    practice = app.practice.current
    assert practice is not None

    def locked(*args: object, **kwargs: object) -> None:
        raise StorageError("Cannot write to the database: it is locked by another program.")

    with monkeypatch.context() as patch:
        patch.setattr(app.repo, "record_turn", locked)
        with pytest.raises(StorageError):
            app.practice.reply("I'm so sorry. May I see your ID card, please?")
    assert practice.dialogue.exchanges == []
    assert practice.dialogue.current is not None and practice.dialogue.current.id == "opening"
    outcome = app.practice.reply("I'm so sorry. May I see your ID card, please?")  # the retry
    assert outcome.turn.turn_id == "opening" and outcome.turn.index == 0
    assert app.practice.summary(practice.session_id).turns == [outcome.turn]  # stored once


def test_scenario_editing_and_packs_through_the_service(db_path: Path, tmp_path: Path) -> None:
    import zipfile

    from trainer.domain.accounts import AccessDenied
    from trainer.library.packs import PackError

    world = hr_tina_and_ann(db_path, with_scorer=False)
    app = world.app
    authoring = app.authoring
    text, bundled = authoring.scenario_source("long_queue")
    assert bundled
    world.sign_in("ann")
    with pytest.raises(AccessDenied):
        authoring.save_scenario(text)
    world.sign_in("tina")
    with pytest.raises(ValueError, match="bundled scenario"):
        authoring.save_scenario(text)
    copy = text.replace("id: long_queue", f"id: {authoring.new_id('long_queue')}")
    saved = authoring.save_scenario(copy)
    assert saved.id == "long_queue_copy" and authoring.scenario_source(saved.id) == (copy, False)
    assert (app.settings.user_scenarios_dir / "long_queue_copy.yaml").read_text(encoding="utf-8") == copy
    assert app.practice.scenario("long_queue_copy") == saved  # in the library the trainees see
    assert authoring.new_id("long_queue") == "long_queue_copy2"
    assert "long_queue" in authoring.bundled_ids() and "long_queue_copy" not in authoring.bundled_ids()
    before = sorted(app.catalog.scenarios)
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(broken, "w") as z:
        bad = copy.replace("long_queue_copy", "x").replace("difficulty: 1", "difficulty: 7")
        z.writestr("scenarios/x.yaml", bad)
    with pytest.raises(PackError):
        authoring.preview_pack(broken)
    assert sorted(app.catalog.scenarios) == before  # nothing changed
    pack = authoring.export_pack(["long_queue", "long_queue_copy"], tmp_path / "out.zip")
    with pytest.raises(ValueError, match="would replace bundled scenarios"):
        authoring.preview_pack(pack)
    world.sign_in("hr")
    actions = [e["action"] for e in app.accounts.audit_log()]
    assert "scenario_published" in actions and "scenario_pack_exported" in actions


def test_a_scenario_the_centre_published_is_read_only_on_a_branch_pc(db_path: Path, tmp_path: Path) -> None:
    """The service refuses it (the command line and the app alike); a copy under a new id saves, a
    pack may not replace it, and once the PC stops syncing it is the branch's again."""
    from trainer.domain.accounts import AccessDenied
    from trainer.storage.central_accounts import set_central_scenarios
    from trainer.storage.sync_config import SyncConfig, write_config

    world = hr_tina_and_ann(db_path, with_scorer=False)  # tina, a trainer, signed in
    app, authoring = world.app, world.app.authoring
    text = authoring.scenario_source("long_queue")[0].replace("id: long_queue\n", "id: drill\n")
    authoring.save_scenario(text)  # as a central pack installs it
    set_central_scenarios(app.repo.db, {"drill"})
    assert not authoring.published_by_centre("drill")  # a PC that does not sync: its own
    write_config(app.settings.sync_config_path, SyncConfig("postgresql://b:pw@127.0.0.1:9/t", "north"))
    assert authoring.published_by_centre("drill") and not authoring.published_by_centre("long_queue")
    with pytest.raises(AccessDenied) as refused:
        authoring.save_scenario(text.replace("title:", "title: Changed", 1))
    assert refused.value.sentence == ("'drill' was published by the centre and cannot be changed on this PC; "
                                      "duplicate it and save it under a new id.")
    assert authoring.save_scenario(text.replace("id: drill\n", "id: drill_copy\n")).id == "drill_copy"
    pack = authoring.export_pack(["drill", "drill_copy"], tmp_path / "ours.zip")
    with pytest.raises(AccessDenied, match=r"would replace scenarios the centre published \(drill\)"):
        authoring.preview_pack(pack)
    # an HR login's PC takes no packs: nothing there is the centre's to own
    write_config(app.settings.sync_config_path, SyncConfig("postgresql://h:pw@127.0.0.1:9/t", "", "hr"))
    assert not authoring.published_by_centre("drill")


def test_recordings_are_kept_only_with_consent(db_path: Path) -> None:
    import wave

    from trainer.domain.spoken import SpokenReply

    app = open_app(db_path)
    trainee = app.accounts.create_trainee("Rec", "")
    pcm = b"\x01\x00" * 16000  # one second
    heard = SpokenReply(("I'm so sorry, may I see your ID card please",), (), None, pcm)
    _, session_id = app.practice.start(trainee, "atm_card_swallowed")
    first = app.practice.reply(heard.alternatives[0], "spoken", heard)
    assert first.turn.audio_path is None and not app.settings.recordings_dir.exists()  # off by default
    app.accounts.set_record_audio(trainee, True)
    second = app.practice.reply(heard.alternatives[0], "spoken", heard)
    assert second.turn.audio_path is not None
    assert Path(second.turn.audio_path).parent == app.settings.recordings_dir == db_path.parent / "recordings"
    with wave.open(second.turn.audio_path, "rb") as w:
        assert (w.getframerate(), w.getnchannels(), w.getnframes()) == (16000, 1, 16000)
    turns = app.practice.summary(session_id).turns
    assert [t.audio_path is not None for t in turns] == [False, True]
