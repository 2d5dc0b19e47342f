"""The practice played on HR's and trainers' own PCs reaches the central record exactly once, under
the branch of the account that practised; one whose team names no branch, or (on a trainer's PC)
outside the teams the trainer's login covers, waits and the round says so; the server's own rules
let an HR login add practice to any branch and a trainer's only to the teams it coaches."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from sync_helpers import Server, open_pc

from trainer.app.context import App

PIN = "417293"
REPLIES = ["I'm so sorry, that's really stressful. May I see your ID card, please?",
           "I'll open the ATM with my colleague and bring your card back in about ten minutes."]


def practise(app: App, name: str, password: str, sessions: int = 1) -> None:
    """``name`` signs in on ``app`` and practises ``sessions`` short sessions."""
    who = app.accounts.sign_in(name, password)
    assert who.trainee_id is not None
    for _ in range(sessions):
        app.practice.start(who.trainee_id, "atm_card_swallowed")
        for text in REPLIES:
            if app.practice.reply(text).summary is not None:
                break
        app.practice.stop()


def on_server(server: Server) -> list[tuple[str, str, str, int]]:
    """(trainee, branch, team, sessions) on the server, as its owner sees it."""
    with psycopg.connect(server.admin_dsn) as conn:
        return [tuple(r) for r in conn.execute(  # type: ignore[misc]
            "SELECT t.name, s.branch_id, t.team, count(*) FROM sessions s JOIN trainees t "
            "ON t.uuid = s.trainee_uuid GROUP BY 1, 2, 3 ORDER BY 1")]


def test_practice_on_hrs_and_a_trainers_pc_reaches_the_server_once_under_its_branch(
        tmp_path: Path, server: Server, hq: App) -> None:
    north_dsn = server.login(hq, "branch", "north")
    server.login(hq, "branch", "south")
    hr = open_pc(tmp_path / "hr")
    hr.accounts.create_first_admin("tina", "secret-admin")
    hr.sync.configure(server.login(hq, "hr", "tina"))
    hr.accounts.create_account("ann", PIN, "trainee", team="north · Team A")
    hr.accounts.create_account("zed", PIN, "trainee", team="Team Z")  # names no branch
    practise(hr, "ann", PIN, sessions=2)
    practise(hr, "zed", PIN)
    assert hr.sync.status()["waiting"] == {"sessions": 3}
    first = hr.sync.run_round()  # whoever is signed in: here zed, a trainee
    assert (first.pushed["sessions"], first.pushed["turns"]) == (2, 4)
    assert "Pushed 2 sessions (4 replies) practised on this PC." in first.lines()
    assert ("Practice not sent (the trainee's team names no branch; write it as 'north · Team A'): zed."
            in first.lines())
    assert first.waiting == {"sessions": 1} and "Waiting: 1 sessions." in first.lines()
    assert first.pulled["sessions"] == 2  # and back in HR's copy of the central record, for reports
    again = hr.sync.run_round()
    assert again.pushed["sessions"] == 0 and again.pulled["sessions"] == 0
    assert on_server(server) == [("ann", "north", "Team A", 2)]
    with psycopg.connect(north_dsn) as conn:  # the branch reads it as its own trainee's
        assert conn.execute("SELECT count(*) FROM sessions").fetchone() == (2,)

    # a trainer's PC: the trainer's own practice goes to their team's branch; a trainee of a team
    # the trainer's login does not cover waits
    coach = open_pc(tmp_path / "carl")
    coach.accounts.create_first_admin("admin_c", "coach-admin-1")
    coach.sync.configure(server.login(hq, "coach", "carl", teams=["north · Team B"]))
    coach.accounts.create_account("carl", "coach-carl-1", "trainer", team="north · Team B")
    coach.accounts.create_account("sue", PIN, "trainee", team="south · Team A")
    practise(coach, "carl", "coach-carl-1")
    practise(coach, "sue", PIN)
    report = coach.sync.run_round()
    assert report.pushed["sessions"] == 1 and report.waiting == {"sessions": 1}
    assert ("Practice not sent (not of a team this trainer's login covers on the central server): sue."
            in report.lines())
    assert coach.sync.run_round().pushed["sessions"] == 0
    assert on_server(server) == [("ann", "north", "Team A", 2), ("carl", "north", "Team B", 1)]


def test_the_servers_rules_let_a_trainer_add_practice_only_to_the_teams_they_coach(
        tmp_path: Path, server: Server, hq: App) -> None:
    server.login(hq, "branch", "north")
    server.login(hq, "branch", "south")
    coach_dsn = server.login(hq, "coach", "carl", teams=["north · Team A"])
    hr_dsn = server.login(hq, "hr", "tina")

    def trainee(uuid: str, branch: str, team: str) -> str:
        return (f"INSERT INTO trainees (uuid, branch_id, name, team, created_at) VALUES "
                f"('{uuid}', '{branch}', 'x', '{team}', 'now')")

    def session(uuid: str, trainee_uuid: str, branch: str) -> str:
        return (f"INSERT INTO sessions (uuid, branch_id, trainee_uuid, scenario_id, started_at, status) "
                f"VALUES ('{uuid}', '{branch}', '{trainee_uuid}', 'atm_card_swallowed', 'now', 'finished')")

    ann, sue = "00000000-0000-0000-0000-0000000000a1", "00000000-0000-0000-0000-0000000000b1"
    with psycopg.connect(coach_dsn) as conn:
        conn.execute(trainee(ann, "north", "Team A"))
        conn.execute(session("00000000-0000-0000-0000-0000000000a2", ann, "north"))
    refused = psycopg.errors.InsufficientPrivilege
    for statement in (trainee(sue, "south", "Team A"), trainee(sue, "north", "Team B"),
                      session("00000000-0000-0000-0000-0000000000a3", ann, "south"),  # not its branch
                      "UPDATE sessions SET avg_overall = 100", "DELETE FROM sessions",
                      "INSERT INTO audit_log (branch_id, seq, at, action) VALUES ('north', 1, 'now', 'x')"):
        with psycopg.connect(coach_dsn) as conn, pytest.raises(refused):
            conn.execute(statement)
    # HR adds practice to any branch, each session to its trainee's branch, and changes none
    with psycopg.connect(hr_dsn) as conn:
        conn.execute(trainee(sue, "south", "Team B"))
        conn.execute(session("00000000-0000-0000-0000-0000000000b2", sue, "south"))
    for statement in (session("00000000-0000-0000-0000-0000000000b3", sue, "north"),
                      "UPDATE sessions SET avg_overall = 100", "DELETE FROM trainees"):
        with psycopg.connect(hr_dsn) as conn, pytest.raises(refused):
            conn.execute(statement)
    with psycopg.connect(server.admin_dsn) as conn:
        assert conn.execute("SELECT branch_id, count(*) FROM sessions GROUP BY 1 ORDER BY 1").fetchall() == [
            ("north", 1), ("south", 1)]
