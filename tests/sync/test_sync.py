"""Branches sync with a real central PostgreSQL server: every record arrives exactly once,
whatever happens mid-round, and the server's own rules keep each branch to its rows."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import psycopg
import pytest
from sync_helpers import ROOT, Server, open_pc, pg_control

from trainer.app.context import App
from trainer.app.sync import SyncError
from trainer.domain.accounts import AccessDenied
from trainer.storage.sync_config import SyncConfig, write_config

GOOD = [
    "I'm so sorry, that's really stressful. May I see your ID card, please?",
    "I'll open the ATM with my colleague and bring your card back in about ten minutes, and I can "
    "give you cash at the counter right now.",
    "Is there anything else I can help you with today?",
]


def branch_pc(folder: Path, server: Server, hq: App, branch: str) -> App:
    """A branch PC pointed at the server with its own branch login."""
    app = open_pc(folder)
    app.sync.configure(server.login(hq, "branch", branch), branch)
    return app


def practise(app: App, trainee: str, sessions: int, replies: list[str] = GOOD) -> None:
    trainee_id = app.repo.trainee(trainee, "Team A")
    for _ in range(sessions):
        app.practice.start(trainee_id, "atm_card_swallowed")
        for text in replies:
            if app.practice.reply(text).summary is not None:
                break
        app.practice.stop()


def server_counts(server: Server) -> dict[str, int]:
    with psycopg.connect(server.admin_dsn) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
                for t in ("sessions", "turns", "audit_log", "trainees")}


def local_counts(app: App) -> dict[str, int]:
    db = app.repo.db
    return {"sessions": db.execute("SELECT count(*) FROM sessions").fetchone()[0],
            "turns": db.execute("SELECT count(*) FROM turns").fetchone()[0]}


def test_a_round_pushes_everything_once_and_a_repeated_round_adds_nothing(
        tmp_path: Path, server: Server, hq: App) -> None:
    north = branch_pc(tmp_path / "north", server, hq, "north")
    practise(north, "ann", 3)
    first = north.sync.run_round()
    assert first.pushed["sessions"] == 3 and first.pushed["turns"] == local_counts(north)["turns"]
    assert first.waiting == {"sessions": 0, "overrides": 0, "notes": 0, "audit": 0}
    again = north.sync.run_round()
    assert again.pushed == dict.fromkeys(again.pushed, 0)
    # and a push of records the server already has (as after a crash before confirming) adds none
    north.repo.db.execute("UPDATE sessions SET synced_at = NULL")
    north.repo.db.execute("DELETE FROM meta WHERE key = 'sync_audit_seq'")
    north.repo.db.conn.commit()
    repeated = north.sync.run_round()
    assert repeated.pushed == dict.fromkeys(repeated.pushed, 0) and repeated.batches == 1
    assert server_counts(server)["sessions"] == 3
    assert server_counts(server)["turns"] == local_counts(north)["turns"]


def test_two_branches_syncing_at_once_each_arrive_whole(tmp_path: Path, server: Server, hq: App) -> None:
    north = branch_pc(tmp_path / "north", server, hq, "north")
    south = branch_pc(tmp_path / "south", server, hq, "south")
    practise(north, "ann", 4)
    practise(south, "bob", 5)
    north.close(), south.close()
    errors: list[BaseException] = []

    def sync(folder: Path) -> None:
        try:
            pc = open_pc(folder)  # SQLite connections stay on their thread
            for _ in range(3):
                pc.sync.run_round(batch_sessions=2)
            pc.close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=sync, args=(tmp_path / b,)) for b in ("north", "south")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    with psycopg.connect(server.admin_dsn) as conn:
        per_branch = dict(conn.execute("SELECT branch_id, count(*) FROM sessions GROUP BY 1").fetchall())
    assert per_branch == {"north": 4, "south": 5}


KILLED_SYNC = textwrap.dedent(f"""
    import sys, time
    sys.path[:0] = [{str(ROOT)!r}, {str(ROOT / "tests" / "sync")!r}]
    from pathlib import Path
    from trainer.storage.central import records
    from sync_helpers import open_pc

    real_push = records.push
    def slow_push(conn, branch, batch):
        result = real_push(conn, branch, batch)
        print("pushed", flush=True)
        time.sleep(0.5)   # killed here, between the server's commit and the local confirm
        return result
    records.push = slow_push
    open_pc(Path(sys.argv[1])).sync.run_round(batch_sessions=2)
""")


def test_a_sync_killed_mid_batch_leaves_every_record_there_exactly_once(
        tmp_path: Path, server: Server, hq: App) -> None:
    north = branch_pc(tmp_path / "north", server, hq, "north")
    practise(north, "ann", 5)
    turns = local_counts(north)["turns"]
    north.close()
    script = tmp_path / "killed_sync.py"
    script.write_text(KILLED_SYNC, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script), str(tmp_path / "north")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=ROOT / "tests" / "sync")
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "pushed", proc.stderr.read() if proc.stderr else ""
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    assert 0 < server_counts(server)["sessions"] < 5  # the first batch is on the server, unconfirmed
    north = open_pc(tmp_path / "north")
    report = north.sync.run_round()
    assert report.waiting["sessions"] == 0
    assert server_counts(server)["sessions"] == 5 and server_counts(server)["turns"] == turns


def test_the_server_stopped_mid_transaction_loses_nothing_and_the_next_round_catches_up(
        tmp_path: Path, server: Server, hq: App) -> None:
    north = branch_pc(tmp_path / "north", server, hq, "north")
    practise(north, "ann", 4)
    from trainer.storage.central import records

    real_insert, calls = records._insert, []

    def insert_then_stop(conn: psycopg.Connection, table: str, *args: object) -> int:
        if table == "turns":
            calls.append(1)
            if len(calls) == 2:  # the second batch's sessions are written, its turns not yet
                pg_control("halt")
        return real_insert(conn, table, *args)  # type: ignore[arg-type]

    records._insert = insert_then_stop  # type: ignore[assignment]
    try:
        with pytest.raises(SyncError, match="cannot be reached now"):
            north.sync.run_round(batch_sessions=2)
    finally:
        records._insert = real_insert  # type: ignore[assignment]
        pg_control("resume")
    assert server_counts(server)["sessions"] == 2  # the cut transaction left nothing behind
    # practice went on meanwhile, and one round later everything is there once
    practise(north, "ann", 1)
    assert north.sync.status()["waiting"]["sessions"] == 3
    north.sync.run_round()
    assert server_counts(server)["sessions"] == 5
    assert server_counts(server)["turns"] == local_counts(north)["turns"]


def test_offline_practice_goes_on_and_says_so_in_one_sentence(tmp_path: Path) -> None:
    pc = open_pc(tmp_path / "pc")
    write_config(pc.settings.sync_config_path,
                 SyncConfig("postgresql://branch_x:pw@127.0.0.1:9/trainer", "x"))
    practise(pc, "ann", 1)
    with pytest.raises(SyncError) as caught:
        pc.sync.run_round()
    assert "127.0.0.1:9 cannot be reached now" in caught.value.sentence
    assert "\n" not in caught.value.sentence
    assert pc.sync.status()["waiting"]["sessions"] == 1


def test_wrong_password_wrong_branch_and_old_schema_each_refused_with_nothing_written(
        tmp_path: Path, server: Server, hq: App) -> None:
    dsn = server.login(hq, "branch", "north")
    pc = open_pc(tmp_path / "pc")
    with pytest.raises(SyncError, match="refused the login and password"):
        pc.sync.configure(dsn.replace("password=", "password=x"), "north")
    with pytest.raises(SyncError, match=r"does not know this login as branch south \(it is branch north"):
        pc.sync.configure(dsn, "south")
    assert pc.sync.config() is None
    with psycopg.connect(server.admin_dsn) as conn:
        conn.execute("UPDATE schema_version SET version = 0")
    with pytest.raises(SyncError, match="older schema"):
        pc.sync.configure(dsn, "north")
    with psycopg.connect(server.admin_dsn) as conn:
        conn.execute("UPDATE schema_version SET version = 99")
    with pytest.raises(SyncError, match=r"newer version of this program \(schema 99"):
        pc.sync.configure(dsn, "north")
    assert pc.sync.config() is None and not pc.settings.sync_config_path.exists()


def test_the_credential_is_stored_owner_only_and_never_in_the_database(
        tmp_path: Path, server: Server, hq: App) -> None:
    north = branch_pc(tmp_path / "north", server, hq, "north")
    path = north.settings.sync_config_path
    assert path.stat().st_mode & 0o777 == 0o600
    password = json.loads(path.read_text())["dsn"].split("password=")[1].split()[0]
    assert password.encode() not in (tmp_path / "north" / "trainer.db").read_bytes()


def test_row_level_security_keeps_a_branch_to_its_own_rows(
        tmp_path: Path, server: Server, hq: App) -> None:
    north = branch_pc(tmp_path / "north", server, hq, "north")
    south = branch_pc(tmp_path / "south", server, hq, "south")
    practise(north, "ann", 2)
    practise(south, "bob", 1)
    north.sync.run_round(), south.sync.run_round()
    north_dsn = north.sync.config().dsn  # type: ignore[union-attr]
    with psycopg.connect(north_dsn) as conn:  # the branch role's own connection, not the app
        branches = {r[0] for r in conn.execute("SELECT DISTINCT branch_id FROM sessions")}
        assert branches == {"north"}
        assert conn.execute("SELECT count(*) FROM turns WHERE branch_id = 'south'").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM audit_log WHERE branch_id = 'south'").fetchone() == (0,)
    with psycopg.connect(server.admin_dsn) as conn:
        south_session = conn.execute("SELECT uuid, trainee_uuid FROM sessions WHERE branch_id = 'south'"
                                     ).fetchone()
    assert south_session is not None
    refused = psycopg.errors.InsufficientPrivilege
    # writing as another branch, changing a stored score, deleting, switching the policies off
    for statement in (
        "INSERT INTO trainees (uuid, branch_id, name, created_at) "
        "VALUES (gen_random_uuid(), 'south', 'mallory', 'now')",
        "UPDATE turns SET empathy = 100",
        "DELETE FROM sessions",
        "ALTER TABLE sessions DISABLE ROW LEVEL SECURITY",
    ):
        with psycopg.connect(north_dsn) as conn, pytest.raises(refused):
            conn.execute(statement)
    with psycopg.connect(north_dsn) as conn:  # nor read the other branch's trainees
        assert conn.execute("SELECT count(*) FROM trainees WHERE branch_id = 'south'").fetchone() == (0,)
    # HR reads everything; a trainer only the teams they coach
    hr_dsn = server.login(hq, "hr", "tina")
    with psycopg.connect(hr_dsn) as conn:
        assert conn.execute("SELECT count(*) FROM sessions").fetchone() == (3,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO sessions (uuid, branch_id, trainee_uuid, scenario_id, started_at, "
                         "status) VALUES (gen_random_uuid(), 'north', %s, 'x', 'now', 'finished')",
                         [south_session[1]])
    with psycopg.connect(server.admin_dsn) as conn:
        conn.execute("UPDATE trainees SET team = 'Team B' WHERE name = 'bob'")
    coach_dsn = server.login(hq, "coach", "carl", teams=["Team B"])
    with psycopg.connect(coach_dsn) as conn:
        assert conn.execute("SELECT count(*), min(branch_id) FROM sessions").fetchone() == (1, "south")
        assert conn.execute("SELECT count(*) FROM audit_log").fetchone() == (0,)


def test_the_centre_re_scores_every_reply_and_flags_an_edited_score(
        tmp_path: Path, server: Server, hq: App) -> None:
    north = branch_pc(tmp_path / "north", server, hq, "north")
    practise(north, "ann", 2)
    # someone with the file raises one stored score before it is synced
    north.repo.db.execute("UPDATE turns SET empathy = 100, score_json = json_set(score_json, "
                          "'$.empathy', 100) WHERE id = (SELECT max(id) FROM turns)")
    north.repo.db.conn.commit()
    north.sync.run_round()
    report = hq.server.rescore(server.admin_dsn)
    assert report.replies == local_counts(north)["turns"] and report.skipped == 0
    assert report.differing == 1
    flagged = hq.server.flagged(server.admin_dsn)
    assert len(flagged) == 1 and json.loads(flagged[0]["stored"])["empathy"] == 100
    assert json.loads(flagged[0]["rescored"])["empathy"] < 100
    # checked once: a second run has nothing new to re-score
    assert hq.server.rescore(server.admin_dsn).replies == 0


def test_a_branch_whose_audit_log_was_cut_is_shown_broken(tmp_path: Path, server: Server, hq: App) -> None:
    north = branch_pc(tmp_path / "north", server, hq, "north")
    practise(north, "ann", 1)
    north.sync.run_round()
    with psycopg.connect(server.admin_dsn) as conn:  # entry 1 rewritten on the way
        conn.execute("UPDATE audit_log SET detail = '{}' WHERE branch_id = 'north' AND seq = 1")
    report = hq.server.rescore(server.admin_dsn)
    assert set(report.broken_chains) == {"north"} and report.broken_chains["north"].broken_at == 1


def test_reports_across_branches_equal_the_sum_of_the_branches(
        tmp_path: Path, server: Server, hq: App) -> None:
    pcs = {b: branch_pc(tmp_path / b, server, hq, b) for b in ("north", "south", "east")}
    for n, (branch, pc) in enumerate(pcs.items()):
        practise(pc, f"trainee {branch}", n + 1)
        practise(pc, f"other {branch}", 1, GOOD[:1])
        pc.sync.run_round()
    hr = hq.server.report(server.login(hq, "hr", "tina"))
    own = {b: hq.server.report(pc.sync.config().dsn).branches for b, pc in pcs.items()}  # type: ignore[union-attr]
    assert [t.branch_id for t in hr.branches] == ["east", "north", "south"]
    for t in hr.branches:
        assert own[t.branch_id] == [t]  # a branch's own login sees exactly its own line
        local = pcs[t.branch_id].repo.db.execute(
            "SELECT count(*), sum(turn_count) FROM sessions WHERE status = 'finished'").fetchone()
        assert (t.sessions, t.turns) == tuple(local)
    assert hr.bank.sessions == sum(t.sessions for t in hr.branches) == 6  # stopped ones are not counted
    assert hr.bank.turns == sum(t.turns for t in hr.branches)
    assert hr.bank.trainees == sum(t.trainees for t in hr.branches) == 3
    assert hr.bank.resolved == sum(t.resolved for t in hr.branches)
    with psycopg.connect(server.admin_dsn) as conn:  # and the server, asked directly, agrees
        direct = conn.execute("SELECT count(*), sum(turn_count), count(DISTINCT trainee_uuid) FROM sessions "
                              "WHERE status = 'finished'").fetchone()
    assert direct == (hr.bank.sessions, hr.bank.turns, hr.bank.trainees)


def test_an_override_made_centrally_flows_back_down(tmp_path: Path, server: Server, hq: App) -> None:
    north = branch_pc(tmp_path / "north", server, hq, "north")
    practise(north, "ann", 1)
    north.sync.run_round()
    session_uuid = north.repo.db.execute("SELECT uuid FROM sessions").fetchone()[0]
    hr_dsn = server.login(hq, "hr", "tina")
    from trainer.storage.central.records import add_central_override

    with psycopg.connect(hr_dsn) as conn:
        add_central_override(conn, session_uuid, "empathy", 90, "Warm throughout", "tina",
                             "2026-12-01T10:00:00+00:00")
    report = north.sync.run_round()
    assert report.pulled["overrides"] == 1
    assert north.sync.run_round().pulled["overrides"] == 0
    rows = north.repo.db.execute("SELECT value, comment, origin FROM score_overrides").fetchall()
    assert [tuple(r) for r in rows] == [(90, "Warm throughout", "central")]
    # and it is not pushed back up as the branch's own
    with psycopg.connect(server.admin_dsn) as conn:
        assert conn.execute("SELECT count(*) FROM score_overrides").fetchone() == (1,)


def test_hrs_pc_pulls_the_central_record_and_its_reports_and_exports_read_it(
        tmp_path: Path, server: Server, hq: App) -> None:
    from datetime import date

    from trainer.export.run import ExportRequest
    from trainer.export.selection import ExportFilter

    north = branch_pc(tmp_path / "north", server, hq, "north")
    south = branch_pc(tmp_path / "south", server, hq, "south")
    practise(north, "ann", 2)
    practise(south, "ann", 1)  # another Ann, in another branch
    north.sync.run_round(), south.sync.run_round()
    hr_pc = open_pc(tmp_path / "hr")
    hr_pc.accounts.create_first_admin("tina", "secret-admin")  # signed in as HR on her own PC
    hr_pc.sync.configure(server.login(hq, "hr", "tina"))
    assert hr_pc.reads_central_record and hr_pc.reports.central_as_of() == ""
    pulled = hr_pc.sync.run_round(batch_sessions=2)
    assert pulled.kind == "hr" and pulled.pulled["sessions"] == 3
    assert pulled.pulled["turns"] == local_counts(north)["turns"] + local_counts(south)["turns"]
    assert hr_pc.sync.run_round().pulled["sessions"] == 0  # pulled once
    today = date.today()
    selection = ExportFilter(date_from=today, date_to=today)
    report = hr_pc.reports.report(selection)
    assert report.central_as_of  # and says when it is as of
    by_name = {line.name: line for line in report.lines}
    assert set(by_name) == {"ann", "ann (south)"}
    assert by_name["ann"].team == "north · Team A" and by_name["ann"].sessions == 2
    assert by_name["ann (south)"].sessions == 1 and by_name["ann (south)"].points > 0
    out = tmp_path / "bank.csv"
    result = hr_pc.reports.export(ExportRequest(kind="csv", selection=selection, out=out, machine=True))
    assert result.rows == pulled.pulled["turns"]
    # HR's own database holds none of it: the central record is kept apart
    assert local_counts(hr_pc) == {"sessions": 0, "turns": 0}
    # and a trainee on that PC may not read it: rights are the signed-in account's
    hr_pc.accounts.sign_out()
    with pytest.raises(AccessDenied):
        hr_pc.reports.report(selection)


def test_hrs_and_a_trainers_leaderboard_and_coaching_view_read_the_pulled_record_per_region(
        tmp_path: Path, server: Server, hq: App) -> None:
    """Issue 16: what a round pulls (with each branch's region) is what HR's and a trainer's
    leaderboard, coaching view and drill-down show, with points computed on their PC."""
    from trainer.app.views import Scope

    branches = {}
    for branch, region in (("north", "east"), ("south", "west")):
        branches[branch] = open_pc(tmp_path / branch)
        branches[branch].sync.configure(server.login(hq, "branch", branch, region=region), branch)
    practise(branches["north"], "ann", 2)
    practise(branches["south"], "bob", 1)
    for pc in branches.values():
        pc.sync.run_round()
    hr_pc = open_pc(tmp_path / "hr")
    hr_pc.sync.configure(server.login(hq, "hr", "tina"))
    assert hr_pc.progress.record_as_of() == ""
    hr_pc.sync.run_round()
    assert hr_pc.progress.record_as_of()
    board = {r.name: r for r in hr_pc.progress.leaderboard(None, "all")}
    assert set(board) == {"ann", "bob"} and all(r.central for r in board.values())
    points_at_north = branches["north"].progress.leaderboard(None, "all")[0].points
    assert board["ann"].points == points_at_north > 0  # the same rules, computed from the same sessions
    assert Scope("region", "west") in hr_pc.progress.scopes()
    assert [r.name for r in hr_pc.progress.leaderboard(Scope("region", "west"), "all")] == ["bob"]
    (session,) = hr_pc.progress.history(board["bob"].trainee_id, central=True)
    assert len(hr_pc.practice.summary(session["id"], central=True).turns) == session["turns"] > 0
    coach = open_pc(tmp_path / "carl")  # a trainer's PC: its login covers north's Team A only
    coach.sync.configure(server.login(hq, "coach", "carl", teams=["north · Team A"]))
    coach.sync.run_round()
    assert [r.name for r in coach.progress.leaderboard(None, "all")] == ["ann"]
    assert {r.name for r in coach.progress.coaching()} <= {"ann"}
    assert coach.progress.scopes() == [Scope("region", "east"), Scope("branch", "north"),
                                       Scope("team", "north · Team A")]


def test_after_the_server_lost_records_a_resend_restores_them_once(
        tmp_path: Path, server: Server, hq: App) -> None:
    north = branch_pc(tmp_path / "north", server, hq, "north")
    practise(north, "ann", 2)
    north.sync.run_round()
    with psycopg.connect(server.admin_dsn) as conn:  # restored from a backup older than the round
        for table in ("turns", "audit_log", "sessions", "trainees"):
            conn.execute(f"DELETE FROM {table}")
    assert north.sync.run_round().pushed["sessions"] == 0  # confirmed, so not sent again by itself
    report = north.sync.resend_all()
    assert report.pushed["sessions"] == 2 and report.pushed["turns"] == local_counts(north)["turns"]
    again = north.sync.resend_all().pushed  # only its own audit entry is new
    assert again == {**dict.fromkeys(report.pushed, 0), "audit": 1}
    assert server_counts(server)["sessions"] == 2


def test_an_assignment_made_on_a_trainers_pc_reaches_the_branch_and_its_completion_comes_back(
        tmp_path: Path, server: Server, hq: App) -> None:
    from datetime import date, timedelta

    north = branch_pc(tmp_path / "north", server, hq, "north")
    south = branch_pc(tmp_path / "south", server, hq, "south")
    practise(north, "ann", 1)
    practise(south, "bob", 1)
    north.sync.run_round(), south.sync.run_round()
    coach = open_pc(tmp_path / "carl")
    coach.sync.configure(server.login(hq, "coach", "carl", teams=["Team A"]))
    coach.sync.run_round()
    due = date.today() + timedelta(days=7)
    coach.assignments.assign("atm_card_swallowed", due, 0, trainee="ann")  # any finished session passes
    coach.assignments.assign("long_queue", due, team="south · Team A")
    assert coach.sync.run_round().pushed["assignments"] == 2
    assert coach.sync.run_round().pushed["assignments"] == 0  # once
    # each branch gets its own, and only its own
    assert north.sync.run_round().pulled["assignments"] == 1
    assert south.sync.run_round().pulled["assignments"] == 1
    ann_id = north.accounts.trainee_named("ann")
    (mine,) = north.assignments.for_trainee(ann_id)
    assert mine.assignment.situation == "atm_card_swallowed" and mine.progress.status == "not_started"
    (bobs,) = south.assignments.for_trainee(south.accounts.trainee_named("bob"))
    assert bobs.assignment.situation == "long_queue" and bobs.assignment.team == "Team A"
    # ann passes it at her branch; the trainer sees it after both sync
    practise(north, "ann", 1)
    north.sync.run_round(), coach.sync.run_round()
    statuses = {c.assignment.situation: [p.status for _, p in c.trainees]
                for c in coach.assignments.completion()}
    assert north.assignments.for_trainee(ann_id)[0].progress.status == "passed"
    assert statuses["atm_card_swallowed"] == ["passed"]
    # a withdrawal travels too
    atm = next(c.assignment for c in coach.assignments.completion()
               if c.assignment.situation == "atm_card_swallowed")
    coach.assignments.withdraw(atm.id)
    coach.sync.run_round(), north.sync.run_round()
    assert north.assignments.for_trainee(ann_id) == []
