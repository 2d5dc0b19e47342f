"""The local side of what the centre owns: accounts HR's PC sends, accounts a branch takes in,
which published rules and packs a branch has taken, and the scenarios those packs brought (``meta``).

On HR's PC an account waits to be sent while ``synced_at`` is not its ``updated_at`` (a change
made while a round runs is sent at the next). On a branch PC an account pulled from the server is
``origin = 'central'``; it is written again only when the server has another ``updated_at``, and
its sign-in state (wrong attempts, a lock) stays this PC's own.
"""

from __future__ import annotations

import json
import uuid as uuid_module
from typing import TYPE_CHECKING, Any

from trainer.storage.transaction import transaction

if TYPE_CHECKING:
    from sqlite_utils import Database


def outgoing(db: Database) -> list[dict[str, Any]]:
    """HR's PC: this PC's own accounts not yet on the server as they are now, each with the team
    of its trainee profile (HR's administrators have none)."""
    cursor = db.execute(
        "SELECT a.uuid, a.username, a.role, COALESCE(t.team, '') AS team, t.uuid AS trainee_uuid, "
        "a.salt, a.password_hash, a.disabled, a.updated_at FROM accounts a "
        "LEFT JOIN trainees t ON t.id = a.trainee_id "
        "WHERE a.origin IS NULL AND a.synced_at IS NOT a.updated_at ORDER BY a.id")
    names = [c[0] for c in cursor.description]
    return [{**dict(zip(names, r, strict=True)), "disabled": bool(r[names.index("disabled")])}
            for r in cursor.fetchall()]


def confirm_sent(db: Database, rows: list[dict[str, Any]]) -> None:
    """Mark accounts as on the server as they were sent (a change made since stays waiting)."""
    with transaction(db):
        for r in rows:
            db.execute("UPDATE accounts SET synced_at = ? WHERE uuid = ? AND updated_at = ?",
                       [r["updated_at"], r["uuid"], r["updated_at"]])


def merge_central(db: Database, rows: list[dict[str, Any]], now: str) -> list[str]:
    """A branch PC: the server's accounts of this branch, each written when new or changed there
    (an account of the same name made here becomes the centre's); their trainee profiles made or
    moved to the account's team. Returns the names written."""
    written: list[str] = []
    with transaction(db):
        for r in rows:
            uuid = str(r["uuid"])
            local = db.execute("SELECT id, origin, updated_at, trainee_id FROM accounts WHERE uuid = ?",
                               [uuid]).fetchone() or db.execute(
                "SELECT id, origin, updated_at, trainee_id FROM accounts WHERE username = ?",
                [r["username"]]).fetchone()
            if local is not None and local[1] == "central" and local[2] == r["updated_at"]:
                continue
            trainee_id = local[3] if local is not None else None
            if r["role"] != "hr_admin":
                trainee_id = _trainee(db, r, trainee_id, now)
            values = {"uuid": uuid, "username": r["username"], "role": r["role"], "trainee_id": trainee_id,
                      "salt": r["salt"], "password_hash": r["password_hash"], "disabled": int(r["disabled"]),
                      "updated_at": r["updated_at"], "synced_at": r["updated_at"], "origin": "central"}
            if local is None:
                db.table("accounts").insert({**values, "failed_attempts": 0, "created_at": now})
            else:
                db.table("accounts").update(local[0], values)
            written.append(str(r["username"]))
    return written


def _trainee(db: Database, r: dict[str, Any], trainee_id: int | None, now: str) -> int:
    """The account's trainee profile, on the account's team: the one it has, else the profile of
    its name or UUID, else a new one (with the UUID HR's PC gave it)."""
    team = r["team"] or ""
    found = None
    if trainee_id is not None:
        found = db.execute("SELECT id FROM trainees WHERE id = ?", [trainee_id]).fetchone()
    if found is None and r.get("trainee_uuid"):
        found = db.execute("SELECT id FROM trainees WHERE uuid = ?", [str(r["trainee_uuid"])]).fetchone()
    if found is None:
        found = db.execute("SELECT id FROM trainees WHERE name = ?", [r["username"]]).fetchone()
    if found is not None:
        db.execute("UPDATE trainees SET team = ? WHERE id = ? AND team IS NOT ?", [team, found[0], team])
        return int(found[0])
    table = db.table("trainees")
    table.insert({"name": r["username"], "team": team, "created_at": now,
                  "uuid": str(r.get("trainee_uuid") or uuid_module.uuid4())})
    return int(table.last_pk)  # type: ignore[arg-type]


# -- which published rules and packs this PC has taken ------------------------------------------------

def taken(db: Database, kind: str) -> int:
    """The number of the newest published ``kind`` ("rules", "packs") this PC has taken (0: none)."""
    row = db.execute("SELECT value FROM meta WHERE key = ?", [f"central_{kind}"]).fetchone()
    return int(row[0]) if row else 0


def set_taken(db: Database, kind: str, number: int) -> None:
    with transaction(db):
        db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE "
                   "SET value = excluded.value", [f"central_{kind}", str(number)])


def central_scenarios(db: Database) -> set[str]:
    """The ids of the scenarios the centre's packs brought to this PC (its own to change, not the
    branch's)."""
    row = db.execute("SELECT value FROM meta WHERE key = 'central_scenarios'").fetchone()
    return set(json.loads(row[0])) if row else set()


def set_central_scenarios(db: Database, ids: set[str]) -> None:
    with transaction(db):
        db.execute("INSERT INTO meta (key, value) VALUES ('central_scenarios', ?) ON CONFLICT(key) DO UPDATE "
                   "SET value = excluded.value", [json.dumps(sorted(ids))])
