"""Assignments as stored: who must practise which situation by when, and the sessions that count."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from trainer.domain.assignments import Assignment, Attempt
from trainer.storage.repository import local_time
from trainer.storage.transaction import transaction

if TYPE_CHECKING:
    from sqlite_utils import Database

_COLUMNS = "id, uuid, situation, due, pass_mark, trainee_id, team, assigned_by, created_at"


def _assignment(row: tuple[Any, ...]) -> Assignment:
    return Assignment(int(row[0]), str(row[1]), str(row[2]), date.fromisoformat(row[3]), int(row[4]),
                      int(row[5]) if row[5] is not None else None, row[6], row[7] or "", str(row[8]))


class Assignments:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, situation: str, due: date, pass_mark: int, trainee_id: int | None, team: str | None,
            assigned_by: str, created_at: str) -> Assignment:
        with transaction(self.db):
            table = self.db.table("assignments")
            table.insert({"situation": situation, "due": due.isoformat(), "pass_mark": pass_mark,
                          "trainee_id": trainee_id, "team": team, "assigned_by": assigned_by,
                          "created_at": created_at})
            row = self.db.execute(f"SELECT {_COLUMNS} FROM assignments WHERE id = ?",
                                  [table.last_pk]).fetchone()
        return _assignment(row)

    def withdraw(self, assignment_id: int) -> bool:
        with transaction(self.db):
            cursor = self.db.execute("UPDATE assignments SET withdrawn_at = datetime('now') "
                                     "WHERE id = ? AND withdrawn_at IS NULL", [assignment_id])
        return cursor.rowcount > 0

    def get(self, assignment_id: int) -> Assignment | None:
        row = self.db.execute(f"SELECT {_COLUMNS} FROM assignments WHERE id = ? AND withdrawn_at IS NULL",
                              [assignment_id]).fetchone()
        return _assignment(row) if row else None

    def of_trainee(self, trainee_id: int, team: str | None) -> list[Assignment]:
        """What ``trainee_id`` must practise: assigned to them, or to their team."""
        rows = self.db.execute(
            f"SELECT {_COLUMNS} FROM assignments WHERE withdrawn_at IS NULL AND "
            "(trainee_id = ? OR (trainee_id IS NULL AND team = ?)) ORDER BY due, id",
            [trainee_id, team or ""]).fetchall()
        return [_assignment(r) for r in rows]

    def listing(self, team: str | None = None) -> list[Assignment]:
        """Every assignment in force (of one team's trainees, or the team itself), soonest due first."""
        where, args = "", []
        if team is not None:
            where = ("AND (team = ? OR trainee_id IN (SELECT id FROM trainees WHERE team = ?))")
            args = [team, team]
        rows = self.db.execute(f"SELECT {_COLUMNS} FROM assignments WHERE withdrawn_at IS NULL {where} "
                               "ORDER BY due, id", args).fetchall()
        return [_assignment(r) for r in rows]

    def attempts(self, trainee_id: int, scenario_ids: list[str], since: str) -> list[Attempt]:
        if not scenario_ids:
            return []
        marks = ",".join("?" * len(scenario_ids))
        rows = self.db.execute(
            f"SELECT started_at, status, avg_overall FROM sessions WHERE trainee_id = ? AND "
            f"scenario_id IN ({marks}) AND started_at >= ? ORDER BY started_at",
            [trainee_id, *scenario_ids, since]).fetchall()
        return [Attempt(r[0], r[1] == "finished", r[2], local_time(r[0]).date()) for r in rows]
