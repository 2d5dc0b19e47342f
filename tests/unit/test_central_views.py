"""Issue 16, item 4: on HR's and trainers' PCs the leaderboard, the coaching view and their
drill-down into a trainee's history and a session's review read the central record (the copy a
sync round pulls, filled here through its own storage functions), not this PC's database, and say
as of when; a trainer sees only the teams they coach; the copy's ids are its own (they overlap
this PC's: the same numbers name other trainees and sessions here). A branch PC and a PC without
sync, and a trainee anywhere, read their own database as before."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from trainer.app.views import Scope
from trainer.cli import main
from trainer.domain.accounts import AccessDenied
from trainer.domain.errors import InvalidInput
from trainer.domain.incentives import evaluate
from trainer.domain.teams import covered
from trainer.storage.sync_config import SyncConfig, write_config

from helpers import AS_OF, PINS, World, central_session, fill_central, hr_tina_and_ann

NOW = datetime.now(UTC)


def practise_here(world: World) -> None:
    """This PC's own practice: ann and bob (Branch 1), whose ids the copy's ids overlap."""
    db = world.app.repo.db
    for trainee_id, score in ((world.ann.trainee_id, 30), (world.bob.trainee_id, 90)):
        for i in range(3):
            db.table("sessions").insert({"trainee_id": trainee_id, **central_session(
                NOW - timedelta(days=1 + i), score, 2, f"Local {i}"), "points": None})


@pytest.fixture
def world(db_path: Path) -> World:
    world = hr_tina_and_ann(db_path, with_scorer=False)
    practise_here(world)
    return world


def _names(rows: list[Any]) -> set[str]:
    return {r.name for r in rows}


def _set_team(world: World, team: str) -> None:
    """The trainer tina's own team or branch (as HR's accounts page gives it) on this PC."""
    with world.app.repo.db.conn:
        world.app.repo.db.execute("UPDATE trainees SET team = ? WHERE id = ?", [team, world.tina.trainee_id])


def test_hrs_leaderboard_and_coaching_view_read_the_central_record_and_drill_into_it(world: World) -> None:
    app, progress = world.app, world.app.progress
    assert progress.record_as_of() is None  # not set up yet: this PC's own
    assert _names(progress.leaderboard(None, "all")) == {"ann", "bob"}
    fill_central(world)
    world.sign_in("hr")
    assert progress.record_as_of() == ""  # never brought up to date by a round
    app.central_mirror.set_as_of(AS_OF)
    assert progress.record_as_of() == AS_OF

    board = progress.leaderboard(None, "all")
    assert _names(board) == {"mei", "zoe", "li", "ann"} and all(r.central for r in board)
    assert board[0].name == "mei" and board[0].team == "north · Team A"
    mirror = app.central_repo
    for row in board:  # the copy's own points, from its sessions by this PC's rules (not the branch's 999)
        assert row.points == evaluate(mirror.session_facts(row.trainee_id), app.rules, date.today()).points
        assert 0 < row.points < 999 * 5 and row.sessions == 5
    assert progress.scopes() == [Scope("region", "east"), Scope("region", "west"), Scope("branch", "north"),
                                 Scope("branch", "south"), Scope("team", "north · Team A"),
                                 Scope("team", "north · Team B"), Scope("team", "south · Team B")]
    assert _names(progress.leaderboard(Scope("region", "east"), "all")) == {"mei", "zoe", "ann"}
    assert _names(progress.leaderboard(Scope("branch", "south"), "all")) == {"li"}
    assert _names(progress.leaderboard("north · Team A", "all")) == {"mei", "zoe"}
    week = {r.name: r for r in progress.leaderboard(None, "week")}
    assert week["ann"].points == week["ann"].sessions == 0  # ann: not this week (the newest 70 days ago)

    attention = {r.name: r for r in progress.coaching()}
    assert set(attention) == {"zoe", "li", "ann"} and all(r.central for r in attention.values())
    assert "inactive" in attention["ann"].reasons and "low_scores" in attention["li"].reasons
    assert _names(progress.coaching(Scope("branch", "south"))) == {"li"}

    # drill-down: the copy's ann, not this PC's (another trainee, whose id may be the same number)
    ann = attention["ann"]
    page = progress.history_page(ann.trainee_id, central=True)
    assert page.central_as_of == AS_OF and page.total == 5
    assert {s["scenario_title"] for s in page.rows} == {f"Central ann {i}" for i in range(5)}
    assert page.standing is not None and page.standing.team == "north · Team B"
    assert page.standing.progress.points == next(r.points for r in board if r.name == "ann")
    local = progress.history_page(world.ann.trainee_id)
    assert local.central_as_of is None and {s["scenario_title"] for s in local.rows} == {"Local 0", "Local 1",
                                                                                         "Local 2"}
    # a session's review: the copy's session of that id, with its replies and overrides, no recording
    li = progress.history_page(attention["li"].trainee_id, central=True).rows
    overridden = next(s for s in li if s["score_empathy"] != s["avg_empathy"])
    summary = app.practice.summary(overridden["id"], central=True)
    assert summary.scenario_title.startswith("Central li") and summary.central_as_of == AS_OF
    assert [t.reply for t in summary.turns] == ["li reply 0", "li reply 1"]
    assert all(t.audio_path is None for t in summary.turns)
    assert [(o["value"], o["by"]) for o in summary.overrides] == [(60, "central")]
    same_id_here = app.practice.summary(1)
    assert same_id_here.scenario_title.startswith("Local") and same_id_here.central_as_of is None
    assert app.repo.session(overridden["id"]) is None or not app.repo.session(overridden["id"])[
        "scenario_title"].startswith("Central")
    # the copy's points were computed there and nowhere else
    assert app.repo.db.execute("SELECT COUNT(*) FROM sessions WHERE scenario_title LIKE 'Central%'"
                               ).fetchone()[0] == 0


def test_a_trainer_sees_only_the_teams_they_coach(world: World) -> None:
    app, progress = world.app, world.app.progress
    fill_central(world)
    world.sign_in("hr")
    hr_ids = {r.name: r.trainee_id for r in progress.leaderboard(None, "all")}
    li_session = progress.history_page(hr_ids["li"], central=True).rows[0]["id"]
    world.sign_in("tina")
    assert progress.leaderboard(None, "all") == [] and progress.coaching() == []  # "Branch 1": no team here
    _set_team(world, "north · Team A")
    assert _names(progress.leaderboard(None, "all")) == {"mei", "zoe"}
    assert _names(progress.coaching()) == {"zoe"}
    assert progress.scopes() == [Scope("region", "east"), Scope("branch", "north"),
                                 Scope("team", "north · Team A")]
    assert _names(progress.leaderboard(Scope("branch", "south"), "all")) == set()  # not hers to see
    assert progress.history_page(hr_ids["mei"], central=True).total == 5
    for refused in (lambda: progress.history_page(hr_ids["li"], central=True),
                    lambda: app.practice.summary(li_session, central=True),
                    lambda: progress.history(hr_ids["ann"], central=True)):
        with pytest.raises(AccessDenied):
            refused()
    assert len(progress.history(None, central=True)) == 10  # everyone's she may see: mei's and zoe's
    _set_team(world, "north")  # a whole branch
    assert _names(progress.leaderboard(None, "all")) == {"mei", "zoe", "ann"}
    _set_team(world, "Team B")  # a bare team: that team in every branch, as the server reads it
    assert _names(progress.coaching()) == {"li", "ann"}
    _set_team(world, "")  # no team on HR's PC: nothing; on a trainer's PC, what its login may read
    assert progress.leaderboard(None, "all") == []
    write_config(app.settings.sync_config_path, SyncConfig("postgresql://x@127.0.0.1:9/trainer", "", "coach"))
    app.sync_changed()
    assert _names(progress.leaderboard(None, "all")) == {"mei", "zoe", "li", "ann"}


def test_a_trainee_a_branch_pc_and_a_pc_without_sync_read_their_own_database(world: World) -> None:
    app, progress = world.app, world.app.progress
    fill_central(world)
    world.sign_in("hr")
    mirror_id = next(r.trainee_id for r in progress.leaderboard(None, "all") if r.name == "li")
    world.sign_in("ann")  # a trainee on HR's PC: their own, as everywhere
    board = progress.leaderboard(None, "all")
    assert _names(board) == {"ann", "bob"} and not any(r.central for r in board)
    assert progress.record_as_of() is None and progress.scopes() == [Scope("team", "Branch 1")]
    with pytest.raises(AccessDenied):
        progress.history_page(mirror_id, central=True)
    with pytest.raises(AccessDenied):
        app.practice.summary(1, central=True)
    for config in (SyncConfig("postgresql://x@127.0.0.1:9/trainer", "north", "branch"), None):
        write_config(app.settings.sync_config_path, config)
        app.sync_changed()
        world.sign_in("tina")
        assert progress.record_as_of() is None
        assert _names(progress.leaderboard(None, "all")) == {"ann", "bob"}
        assert _names(progress.coaching()) <= {"ann", "bob"} and "ann" in _names(progress.coaching())
        with pytest.raises(InvalidInput, match="branches or regions"):
            progress.leaderboard(Scope("branch", "north"), "all")


def test_the_command_line_reads_what_the_app_reads(world: World, db_path: Path,
                                                   capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    fill_central(world)
    world.app.central_mirror.set_as_of(AS_OF)
    _set_team(world, "north · Team A")
    world.app.close()
    monkeypatch.setenv("TRAINER_DATA_DIR", str(db_path.parent))
    monkeypatch.setenv("TRAINER_PASSWORD", PINS["tina"])
    assert main(["--db", str(db_path), "--user", "tina", "leaderboard", "--period", "all", "--json"]) == 0
    out, err = capsys.readouterr()
    assert {json.loads(line)["trainee"] for line in out.splitlines()} == {"mei", "zoe"}
    when = datetime.fromisoformat(AS_OF).astimezone().strftime("%Y-%m-%d %H:%M")
    assert f"as of the last sync ({when})" in err
    assert main(["--db", str(db_path), "--user", "tina", "coaching"]) == 0
    out, _ = capsys.readouterr()
    assert out.startswith("zoe ") and "north · Team A" in out and "repeated critical fails" in out
    assert main(["--db", str(db_path), "--user", "tina", "history", "--trainee", "mei", "--json"]) == 0
    out, _ = capsys.readouterr()
    assert sorted(json.loads(line)["scenario_title"] for line in out.splitlines()) == [
        f"Central mei {i}" for i in range(5)]
    monkeypatch.setenv("TRAINER_PASSWORD", PINS["ann"])  # a trainee: their own, no as-of line
    assert main(["--db", str(db_path), "--user", "ann", "leaderboard", "--period", "all"]) == 0
    out, err = capsys.readouterr()
    assert "ann" in out and "mei" not in out and "as of" not in err


def test_which_teams_a_trainers_own_team_covers() -> None:
    teams = ["north", "north · Team A", "north · Team B", "south · Team A", "southwest · Team A"]
    assert covered("north · Team A", teams) == ["north · Team A"]
    assert covered("north", teams) == ["north", "north · Team A", "north · Team B"]
    assert covered("Team A", teams) == ["north · Team A", "south · Team A", "southwest · Team A"]
    assert covered("south", teams) == ["south · Team A"]  # the branch, not southwest
    assert covered("", teams) == [] and covered("east · Team A", teams) == []
