"""What the centre owns on the server: the accounts of every branch, the incentive rules and the
scenario packs. HR's PC writes them (``trainer_hr``); a branch reads its own accounts and every
published rules and pack (``schema``: row-level security decides, whoever connects).

Rules and packs are numbered by the server. A publish takes an advisory lock for the length of its
transaction, so the numbers commit in the order they were given: a branch that remembers the
highest number it took never misses one that committed late.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from trainer.storage.central.records import query_rows

if TYPE_CHECKING:
    import psycopg

PUBLISH_LOCK = 7381002
ACCOUNT_COLUMNS = ("uuid", "branch_id", "username", "role", "team", "trainee_uuid", "salt",
                   "password_hash", "disabled", "updated_at", "updated_by")


@dataclass(frozen=True)
class AccountsSent:
    sent: int
    """New or changed on the server."""
    refused: list[dict[str, Any]]
    """Accounts the server has under the same name in that branch, made elsewhere (another UUID)."""


def push_accounts(conn: psycopg.Connection, rows: list[dict[str, Any]]) -> AccountsSent:
    """Accounts added once each, or changed when the one sent is newer (``updated_at``) than the
    one on the server; in one transaction."""
    if not rows:
        return AccountsSent(0, [])
    cols = ", ".join(ACCOUNT_COLUMNS)
    marks = ", ".join(f"%({c})s" for c in ACCOUNT_COLUMNS)
    changed = ", ".join(f"{c} = excluded.{c}" for c in ACCOUNT_COLUMNS if c not in ("uuid", "branch_id"))
    sent, refused = 0, []
    with conn.transaction():
        taken = {(r["branch_id"], r["username"]): str(r["uuid"]) for r in query_rows(
            conn, "SELECT uuid, branch_id, username FROM accounts WHERE username = ANY(%s)",
            [[r["username"] for r in rows]])}
        for row in rows:
            if taken.get((row["branch_id"], row["username"]), row["uuid"]) != row["uuid"]:
                refused.append(row)
                continue
            cursor = conn.execute(
                f"INSERT INTO accounts ({cols}) VALUES ({marks}) ON CONFLICT (uuid) DO UPDATE SET {changed}, "
                "received_at = now() WHERE accounts.updated_at < excluded.updated_at RETURNING 1", row)
            sent += len(cursor.fetchall())
    return AccountsSent(sent, refused)


def accounts_of(conn: psycopg.Connection, branch_id: str) -> list[dict[str, Any]]:
    """The accounts of one branch, as this login may read them."""
    return query_rows(conn, f"SELECT {', '.join(ACCOUNT_COLUMNS)} FROM accounts WHERE branch_id = %s "
                       "ORDER BY username", [branch_id])


def publish_rules(conn: psycopg.Connection, yaml: str, sha256: str, by: str) -> int:
    """The incentive rules as the newest version; returns its number."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", [PUBLISH_LOCK])
        row = conn.execute("INSERT INTO incentive_rules (yaml, sha256, published_by) VALUES (%s, %s, %s) "
                           "RETURNING version", [yaml, sha256, by]).fetchone()
    assert row is not None
    return int(row[0])


def newest_rules(conn: psycopg.Connection) -> dict[str, Any] | None:
    found = query_rows(conn, "SELECT version, yaml, sha256, published_by, published_at FROM incentive_rules "
                        "ORDER BY version DESC LIMIT 1", [])
    return found[0] if found else None


def publish_pack(conn: psycopg.Connection, name: str, archive: bytes, sha256: str, scenarios: list[str],
                 by: str) -> tuple[int, int]:
    """A scenario pack as the next version of ``name``; returns (its number, its version)."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", [PUBLISH_LOCK])
        row = conn.execute(
            "INSERT INTO scenario_packs (name, version, archive, sha256, scenarios, published_by) "
            "SELECT %s, COALESCE(max(version), 0) + 1, %s, %s, %s, %s FROM scenario_packs WHERE name = %s "
            "RETURNING id, version", [name, archive, sha256, json.dumps(scenarios), by, name]).fetchone()
    assert row is not None
    return int(row[0]), int(row[1])


def packs_after(conn: psycopg.Connection, after: int) -> list[dict[str, Any]]:
    """The packs published after number ``after``, in order, each with its archive."""
    rows = query_rows(conn, "SELECT id, name, version, archive, sha256, scenarios, published_by "
                            "FROM scenario_packs WHERE id > %s ORDER BY id", [after])
    for r in rows:
        r["archive"] = bytes(r["archive"])
        r["scenarios"] = json.loads(r["scenarios"])
    return rows


def pack_scenarios(conn: psycopg.Connection, upto: int) -> set[str]:
    """The ids of the scenarios in the packs published up to number ``upto`` (no archives read)."""
    rows = query_rows(conn, "SELECT scenarios FROM scenario_packs WHERE id <= %s", [upto])
    return {str(sid) for r in rows for sid in json.loads(r["scenarios"])}
