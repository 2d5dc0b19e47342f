"""The local side of a sync: what this PC has not yet pushed, marking what the server confirmed,
and writing what it pulled down (central overrides).

A push is confirmed only after the server committed it; a crash between the two leaves the rows
unmarked, so the next round pushes them again and the server, keyed by UUID, keeps one copy.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from trainer.storage.transaction import transaction

if TYPE_CHECKING:
    from sqlite_utils import Database

SESSION_COLUMNS = (
    "uuid", "scenario_id", "scenario_title", "language", "category", "difficulty", "started_at",
    "ended_at", "status", "outcome", "ending_id", "final_mood", "turn_limit_reached", "turn_count",
    "avg_empathy", "avg_clarity", "avg_solution", "avg_overall", "critical_count", "points",
)
TURN_COLUMNS = (
    "idx", "turn_id", "customer_line", "reply", "input_mode", "empathy", "clarity", "solution",
    "overall", "score_json", "steps_taken", "mood_before", "mood_after", "goto", "critical_count",
    "audio_path", "created_at", "speech_json",
)
AUDIT_COLUMNS = ("seq", "at", "account_id", "username", "action", "detail", "prev_hash", "hash")


@dataclass
class Batch:
    """One push: finished sessions with their turns and trainees, overrides, notes, audit rows."""

    trainees: list[dict[str, Any]] = field(default_factory=list)
    sessions: list[dict[str, Any]] = field(default_factory=list)
    turns: list[dict[str, Any]] = field(default_factory=list)
    overrides: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)
    audit: list[dict[str, Any]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.sessions) + len(self.overrides) + len(self.notes) + len(self.audit)


def _dicts(db: Database, sql: str, args: list[Any]) -> list[dict[str, Any]]:
    cursor = db.execute(sql, args)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


class Outbox:
    def __init__(self, db: Database) -> None:
        self.db = db

    def waiting(self, practice_only: bool = False) -> dict[str, int]:
        """How many records wait to be pushed, by kind (``practice_only``: the sessions, all that
        HR's and trainers' PCs push of their own)."""
        one = lambda sql: int(self.db.execute(sql).fetchone()[0])  # noqa: E731
        sessions = one("SELECT count(*) FROM sessions WHERE synced_at IS NULL AND origin IS NULL "
                       "AND status != 'in_progress'")
        if practice_only:
            return {"sessions": sessions}
        return {
            "sessions": sessions,
            "overrides": one("SELECT count(*) FROM score_overrides "
                             "WHERE synced_at IS NULL AND origin IS NULL"),
            "notes": one("SELECT count(*) FROM coaching_notes WHERE synced_at IS NULL"),
            "audit": one("SELECT count(*) FROM audit_log") - self.audit_watermark(),
        }

    def audit_watermark(self) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'sync_audit_seq'").fetchone()
        return int(row[0]) if row else 0

    def practising(self) -> list[dict[str, Any]]:
        """The trainees with finished sessions waiting to be pushed: uuid, name and team."""
        return _dicts(self.db, (
            "SELECT t.uuid, t.name, COALESCE(t.team, '') AS team FROM trainees t WHERE EXISTS ("
            "SELECT 1 FROM sessions s WHERE s.trainee_id = t.id AND s.synced_at IS NULL "
            "AND s.origin IS NULL AND s.status != 'in_progress') ORDER BY t.id"), [])

    def _sessions(self, b: Batch, limit: int, trainee_uuid: str | None) -> list[int]:
        """Up to ``limit`` waiting sessions (oldest first; of one trainee, if given) with their turns."""
        cols = ", ".join(f"s.{c}" for c in SESSION_COLUMNS)
        b.sessions = _dicts(self.db, (
            f"SELECT {cols}, s.id AS local_id, t.uuid AS trainee_uuid FROM sessions s "
            "JOIN trainees t ON t.id = s.trainee_id WHERE s.synced_at IS NULL AND s.origin IS NULL "
            "AND s.status != 'in_progress' AND (? IS NULL OR t.uuid = ?) ORDER BY s.id LIMIT ?"),
            [trainee_uuid, trainee_uuid, limit])
        ids = [s["local_id"] for s in b.sessions]
        if ids:
            marks = ",".join("?" * len(ids))
            tcols = ", ".join(f"t.{c}" for c in TURN_COLUMNS)
            b.turns = _dicts(self.db, (
                f"SELECT {tcols}, s.uuid AS session_uuid FROM turns t JOIN sessions s ON s.id = t.session_id "
                f"WHERE t.session_id IN ({marks}) ORDER BY t.session_id, t.idx"), ids)
        return ids

    def _trainees(self, b: Batch, uuids: list[str]) -> None:
        if uuids:
            b.trainees = _dicts(self.db, (
                "SELECT uuid, name, team, created_at FROM trainees WHERE uuid IN "
                f"({','.join('?' * len(uuids))})"), uuids)

    def practice_of(self, trainee_uuid: str, limit: int = 200) -> Batch:
        """Up to ``limit`` waiting sessions of one trainee with their turns and the trainee: what
        HR's and trainers' PCs push (their own overrides, notes and audit log stay theirs)."""
        b = Batch()
        if self._sessions(b, limit, trainee_uuid):
            self._trainees(b, [trainee_uuid])
        return b

    def next_batch(self, limit: int = 200) -> Batch:
        """Up to ``limit`` sessions (oldest first) with all they need, and the other records
        waiting, whose sessions and trainees are already on the server or in this batch."""
        b = Batch()
        ids = self._sessions(b, limit, None)
        b.overrides = _dicts(self.db, (
            "SELECT o.uuid, o.id AS local_id, s.uuid AS session_uuid, o.dimension, o.automatic, o.value, "
            "o.comment, a.username AS by_username, o.at FROM score_overrides o "
            "JOIN sessions s ON s.id = o.session_id LEFT JOIN accounts a ON a.id = o.account_id "
            "WHERE o.synced_at IS NULL AND o.origin IS NULL AND s.origin IS NULL "
            "AND (s.synced_at IS NOT NULL OR s.id IN (SELECT value FROM json_each(?))) "
            "ORDER BY o.id LIMIT ?"), [json.dumps(ids), limit])
        b.notes = _dicts(self.db, (
            "SELECT n.uuid, n.id AS local_id, t.uuid AS trainee_uuid, s.uuid AS session_uuid, n.note, "
            "a.username AS by_username, n.at FROM coaching_notes n JOIN trainees t ON t.id = n.trainee_id "
            "LEFT JOIN sessions s ON s.id = n.session_id LEFT JOIN accounts a ON a.id = n.account_id "
            "WHERE n.synced_at IS NULL AND t.origin IS NULL AND (n.session_id IS NULL "
            "OR s.synced_at IS NOT NULL OR s.id IN (SELECT value FROM json_each(?))) "
            "ORDER BY n.id LIMIT ?"), [json.dumps(ids), limit])
        b.audit = _dicts(self.db, (
            f"SELECT {', '.join(AUDIT_COLUMNS)} FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?"),
            [self.audit_watermark(), limit * 5])
        self._trainees(b, sorted({s["trainee_uuid"] for s in b.sessions}
                                 | {n["trainee_uuid"] for n in b.notes}))
        return b

    def confirm(self, batch: Batch, at: str) -> None:
        """Mark ``batch`` as on the server (after the server committed it)."""
        with transaction(self.db):
            for table, rows in (("sessions", batch.sessions), ("score_overrides", batch.overrides),
                                ("coaching_notes", batch.notes)):
                ids = [r["local_id"] for r in rows]
                if ids:
                    marks = ",".join("?" * len(ids))
                    self.db.execute(f"UPDATE {table} SET synced_at = ? WHERE id IN ({marks})", [at, *ids])
            if batch.audit:
                self.db.execute("INSERT INTO meta (key, value) VALUES ('sync_audit_seq', ?) "
                                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                                [str(batch.audit[-1]["seq"])])

    def unconfirm_all(self) -> None:
        """Everything of this PC's as not yet sent (after the server was restored from a backup:
        the next round sends it all again, and the server keeps what it already has)."""
        with transaction(self.db):
            for table in ("sessions", "score_overrides"):
                self.db.execute(f"UPDATE {table} SET synced_at = NULL WHERE origin IS NULL")
            self.db.execute("UPDATE coaching_notes SET synced_at = NULL")
            self.db.execute("DELETE FROM meta WHERE key = 'sync_audit_seq'")

    # -- what comes back down -------------------------------------------------------------------

    def known_override_uuids(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT uuid FROM score_overrides")}

    def add_central_overrides(self, rows: list[dict[str, Any]], at: str) -> int:
        """Central overrides (HR's) of this PC's sessions, stored once each; returns how many were new."""
        known = self.known_override_uuids()
        new = [r for r in rows if str(r["uuid"]) not in known]
        if not new:
            return 0
        with transaction(self.db):
            for r in new:
                session = self.db.execute("SELECT id FROM sessions WHERE uuid = ?",
                                          [str(r["session_uuid"])]).fetchone()
                if session is None:
                    continue
                self.db.table("score_overrides").insert({
                    "uuid": str(r["uuid"]), "session_id": session[0], "dimension": r["dimension"],
                    "automatic": r["automatic"], "value": r["value"], "comment": r["comment"],
                    "account_id": 0, "at": r["at"], "origin": "central", "synced_at": at,
                })
        return len(new)

    # -- when it last worked ------------------------------------------------------------------------

    def last_sync(self) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'sync_last_ok'").fetchone()
        return str(row[0]) if row else None

    def set_last_sync(self, at: str) -> None:
        with transaction(self.db):
            self.db.execute("INSERT INTO meta (key, value) VALUES ('sync_last_ok', ?) "
                            "ON CONFLICT(key) DO UPDATE SET value = excluded.value", [at])
