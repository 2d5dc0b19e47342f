"""Issue 14, item 12: the audit log is numbered densely and chained by hash, checked on start and
by ``trainer audit verify``; rewriting, removing or slipping in an entry (after dropping the
append-only triggers, as anyone who can write the file can) is evident. Also: a new database
opened by several processes at once is migrated once."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest

from trainer.cli import main
from trainer.domain.audit import GENESIS, check_chain, entry_hash
from trainer.storage.database import open_database
from trainer.storage.migrations import migrations

from helpers import PINS, ROOT, hr_tina_and_ann


@pytest.fixture
def logged(db_path: Path) -> Path:
    """The usual accounts (their creation and sign-ins are audited), then closed."""
    world = hr_tina_and_ann(db_path, with_scorer=False)
    world.sign_in("hr")
    world.app.accounts.set_role("bob", "trainer", "bobs-trainer-password")
    world.app.close()
    return db_path


def verify(capsys: pytest.CaptureFixture[str], db_path: Path) -> tuple[int, str]:
    code = main(["--db", str(db_path), "audit", "verify"])
    out, err = capsys.readouterr()
    return code, out + err


def tamper(db_path: Path, *statements: str) -> None:
    """What anyone who can write the file can do: drop the triggers, then change the log."""
    conn = sqlite3.connect(db_path)
    with conn:
        for name in ("audit_log_no_update", "audit_log_no_delete", "audit_log_chained"):
            conn.execute(f"DROP TRIGGER IF EXISTS {name}")
        for statement in statements:
            conn.execute(statement)
    conn.close()


def test_entries_are_numbered_densely_and_chained(logged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = sqlite3.connect(logged).execute(
        "SELECT seq, at, account_id, username, action, detail, prev_hash, hash FROM audit_log ORDER BY seq")
    entries = [dict(zip(("seq", "at", "account_id", "username", "action", "detail", "prev_hash", "hash"),
                        r, strict=True)) for r in rows]
    assert [e["seq"] for e in entries] == list(range(1, len(entries) + 1)) and len(entries) >= 6
    assert entries[0]["prev_hash"] == GENESIS
    for before, entry in pairwise(entries):
        assert entry["prev_hash"] == before["hash"] == entry_hash(before["prev_hash"], before)
    code, out = verify(capsys, logged)
    assert code == 0
    assert out == (f"The audit log holds together: {len(entries)} entries, chain head "
                   f"#{len(entries)} {entries[-1]['hash'][:16]}.\n")


@pytest.mark.parametrize(("statements", "problem"), [
    # rewrite what a role change says (an attacker hiding that they promoted themselves)
    (["UPDATE audit_log SET detail = replace(detail, 'trainer', 'trainee') WHERE action = 'role_changed'"],
     "was changed after it was written"),
    # remove an entry from the middle: the numbers show the gap
    (["DELETE FROM audit_log WHERE seq = 3"], "entry 3 is missing"),
    # remove it and put another in its place, re-using its id (SQLite re-uses the largest rowid)
    (["DELETE FROM audit_log WHERE seq = 3",
      "INSERT INTO audit_log (id, at, action, detail) VALUES (3, '2026-01-01', 'signed_in', '{}')"],
     "is out of place"),
    # an entry whose link to the one before was made up
    (["UPDATE audit_log SET prev_hash = 'x' || substr(prev_hash, 2) WHERE seq = 3"],
     "entry 3 does not follow the entry before it"),
    # only take the protection away
    ([], "the database's protection against changing the log was removed"),
])
def test_tampering_is_evident(logged: Path, capsys: pytest.CaptureFixture[str], statements: list[str],
                              problem: str) -> None:
    tamper(logged, *statements)
    code, out = verify(capsys, logged)
    assert code == 1 and out.startswith("The audit log has been tampered with: ") and problem in out
    assert out.count("\n") == 1
    # every other command warns, too
    assert main(["--db", str(logged), "--user", "hr", "history"]) in (0, 2)
    assert "warning: The audit log has been tampered with" in capsys.readouterr().err


def test_the_database_refuses_an_entry_that_does_not_continue_the_chain(logged: Path) -> None:
    conn = sqlite3.connect(logged)
    with pytest.raises(sqlite3.IntegrityError, match="must continue the chain"):
        conn.execute("INSERT INTO audit_log (at, action, detail, seq, prev_hash, hash) "
                     "VALUES ('2026-01-01', 'x', '{}', 1000, 'a', 'b')")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE audit_log SET action = 'nothing' WHERE seq = 1")


def test_hr_sees_a_broken_chain_plainly(logged: Path) -> None:
    from helpers import open_app

    tamper(logged, "DELETE FROM audit_log WHERE seq = 2")
    app = open_app(logged, with_scorer=False)
    assert app.audit_on_open is not None and not app.audit_on_open.intact  # checked on start
    app.accounts.sign_in("hr", PINS["hr"])  # signing in appends after the break
    check = app.accounts.audit_check()
    assert (check.broken_at, check.problem, check.entries) == (2, "missing", 1)
    app.accounts.sign_in("ann", PINS["ann"])
    with pytest.raises(PermissionError):
        app.accounts.audit_check()


def test_entries_from_before_the_chain_are_chained_when_the_database_is_upgraded(db_path: Path) -> None:
    from sqlite_utils import Database

    db = Database(sqlite3.connect(db_path, isolation_level=None))
    migrations.apply(db, stop_before="m0008_audit_chain")
    db.execute("PRAGMA user_version = 7")
    for n in range(3):
        db.table("audit_log").insert({"at": f"2026-11-0{n + 1}", "action": "signed_in", "username": "hr",
                                      "detail": json.dumps({"n": n})})
    db.close()
    upgraded = open_database(db_path)
    rows = [dict(r) for r in upgraded.table("audit_log").rows_where(order_by="seq")]
    assert [r["seq"] for r in rows] == [1, 2, 3]
    assert check_chain(rows).intact and rows[0]["prev_hash"] == GENESIS


def test_a_new_database_opened_by_several_processes_at_once_is_migrated_once(tmp_path: Path) -> None:
    target = tmp_path / "fresh.db"
    code = ("import sys; sys.path.insert(0, sys.argv[2]); "
            "from trainer.storage.database import open_database; db = open_database(sys.argv[1]); "
            "print(db.execute('PRAGMA user_version').fetchone()[0])")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(target), str(ROOT)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(4)]
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, [err[-400:] for _, err in results]
    versions = {out.strip() for out, _ in results}
    applied = sqlite3.connect(target).execute("SELECT name FROM _sqlite_migrations").fetchall()
    assert len(versions) == 1 and len(applied) == len(set(applied)) == int(versions.pop())
