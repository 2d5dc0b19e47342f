"""The database: migrations, WAL, version guard, turns stored one by one, clear failures."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from trainer.app.scoring import scorer_for
from trainer.domain.practice import Practice
from trainer.storage.database import StorageError, open_database
from trainer.storage.migrations import SCHEMA_VERSION
from trainer.storage.repository import Repository

from helpers import bundled


def stored(repo: Repository, session_id: int) -> dict[str, Any]:
    session = repo.session(session_id)
    assert session is not None, f"no session {session_id}"
    return session


def test_new_database_is_migrated_and_in_wal_mode(db_path: Path) -> None:
    db = open_database(db_path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert {"trainees", "sessions", "turns"} <= set(db.table_names())
    db.close()
    again = open_database(db_path)  # idempotent: nothing re-applied
    applied = [m["name"] for m in again["_sqlite_migrations"].rows]
    assert applied == ["m0001_initial", "m0002_spoken_turns", "m0003_session_totals", "m0004_team_index",
                       "m0005_accounts_audit_reviews", "m0006_recordings", "m0007_points_and_history",
                       "m0008_audit_chain", "m0009_ranked_trainees", "m0010_trainee_uuids", "m0011_sync",
                       "m0012_assignments", "m0013_central_accounts", "m0014_report_months"]


def test_newer_database_is_refused(db_path: Path) -> None:
    open_database(db_path).execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StorageError, match="newer version of this program"):
        open_database(db_path)


def test_corrupt_file_is_one_clear_sentence(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is certainly not sqlite" * 200)
    with pytest.raises(StorageError) as info:
        open_database(bad)
    assert str(info.value) == (f"The database file {bad} is damaged or is not a database; restore it from "
                               "a backup.")


def test_every_turn_is_stored_when_played(db_path: Path) -> None:
    repo = Repository(open_database(db_path))
    trainee = repo.trainee("Ann Lee", "Branch 12")
    assert repo.trainee("Ann Lee") == trainee
    practice = Practice(bundled("atm_card_swallowed"), scorer_for(), repo, trainee)
    practice.reply("I'm so sorry. May I see your ID card, please?")
    # a second connection sees the committed turn straight away
    other = sqlite3.connect(db_path)
    row = other.execute("SELECT reply, input_mode, empathy, mood_before, mood_after, score_json "
                        "FROM turns").fetchone()
    assert row[0].startswith("I'm so sorry") and row[1] == "typed"
    assert row[2] > 0 and row[3] == 70 and row[4] < 70
    assert '"apology"' in row[5]
    status = other.execute("SELECT status FROM sessions").fetchone()[0]
    assert status == "in_progress"
    practice.stop()
    assert stored(repo, practice.session_id)["status"] == "stopped"


def test_finished_session_records_the_ending(db_path: Path) -> None:
    repo = Repository(open_database(db_path))
    practice = Practice(bundled("atm_card_swallowed"), scorer_for(), repo, repo.trainee("B"))
    practice.reply("Calm down. There's nothing I can do.")
    session = stored(repo, practice.session_id)
    assert session["status"] == "finished" and session["outcome"] == "walked_out"
    assert session["final_mood"] >= 90
    [turn] = repo.turns(practice.session_id)
    assert turn["goto"] == "walked_out"


def test_sessions_of_dead_processes_become_unfinished(db_path: Path) -> None:
    repo = Repository(open_database(db_path))
    practice = Practice(bundled("atm_card_swallowed"), scorer_for(), repo, repo.trainee("C"))
    assert repo.mark_interrupted_sessions() == 0  # this process is alive
    repo.db.table("sessions").update(practice.session_id, {"pid": 2**22 + 12345})  # no such process
    assert repo.mark_interrupted_sessions() == 1
    assert stored(repo, practice.session_id)["status"] == "unfinished"


def test_locked_database_gives_a_clear_error(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("trainer.storage.database.BUSY_TIMEOUT_S", 0.2)
    repo = Repository(open_database(db_path))
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageError, match="locked by another program"):
            Repository(open_database(db_path)).trainee("Dee")
    finally:
        holder.execute("ROLLBACK")
    assert repo.trainee("Dee") > 0


def test_memory_database_for_tests() -> None:
    repo = Repository(open_database(memory=True))
    assert repo.trainees() == []


def test_migration_3_backfills_session_totals(db_path: Path) -> None:
    from sqlite_utils import Database

    from trainer.storage.migrations import migrations

    old = Database(db_path)
    migrations.apply(old, stop_before="m0003_session_totals")
    old.execute("PRAGMA user_version = 2")
    old.table("trainees").insert({"id": 1, "name": "Old", "team": "", "created_at": "2026-01-01"})
    old.table("sessions").insert({"id": 1, "trainee_id": 1, "scenario_id": "x",
                                  "started_at": "2026-01-01T10:00", "status": "finished"})
    for idx, (e, crit) in enumerate(((40, 1), (80, 0))):
        old.table("turns").insert({"session_id": 1, "idx": idx, "reply": "r", "created_at": "2026-01-01",
                                   "empathy": e, "clarity": 50, "solution": 60, "overall": 50,
                                   "score_json": '{"critical": [%s]}' % ("{}" if crit else "")})
    old.close()
    repo = Repository(open_database(db_path))
    session = stored(repo, 1)
    assert session["turn_count"] == 2 and session["avg_empathy"] == 60 and session["critical_count"] == 1
    assert repo.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_the_history_gives_each_sessions_scores_with_trainers_overrides(db_path: Path) -> None:
    from helpers import PINS, hr_tina_and_ann

    world = hr_tina_and_ann(db_path, with_scorer=False)
    repo = world.app.repo
    ann = world.ann.trainee_id or 0
    stopped = repo.start_session(ann, bundled("long_queue"))  # stopped before any reply
    repo.finish_session(stopped, "stopped", None, 60, False)
    played = repo.start_session(ann, bundled("atm_card_swallowed"))
    repo.db.table("sessions").update(played, {"status": "finished", "outcome": "resolved", "turn_count": 2,
                                              "avg_empathy": 62.5, "avg_clarity": 40.0, "avg_solution": 71.0})
    world.app.accounts.sign_in("tina", PINS["tina"])
    world.app.accounts.override_score(played, "clarity", 55, "clear enough")
    world.app.accounts.override_score(played, "clarity", 58, "on second thought")  # the latest counts
    rows = {r["id"]: r for r in repo.history(ann)}
    assert [rows[played][f"score_{d}"] for d in ("empathy", "clarity", "solution")] == [62.5, 58, 71.0]
    assert rows[played]["avg_clarity"] == 40.0 and rows[played]["outcome"] == "resolved"
    assert [rows[stopped][f"score_{d}"] for d in ("empathy", "clarity", "solution")] == [None] * 3
    assert rows[stopped]["status"] == "stopped" and rows[stopped]["outcome"] is None
    world.app.close()
