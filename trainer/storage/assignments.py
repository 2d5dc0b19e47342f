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
            cursor = self.db.execute(
                "UPDATE assignments SET withdrawn_at = strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now') "
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

    # -- across branches (the central server) ------------------------------------------------------

    def outgoing(self) -> list[dict[str, Any]]:
        """On HR's or a trainer's PC (its copy of the central record): every assignment made here,
        as the server keeps it: the trainee by UUID, a team within its branch."""
        rows = self.db.execute(
            "SELECT a.uuid, a.situation, a.due, a.pass_mark, t.uuid, t.origin, a.team, a.assigned_by, "
            "a.created_at, a.withdrawn_at FROM assignments a LEFT JOIN trainees t ON t.id = a.trainee_id "
            "WHERE a.origin IS NULL ORDER BY a.id").fetchall()
        out = []
        for r in rows:
            team, branch = r[6], r[5]
            if team is not None:  # "north · Team A" in the copy: branch north, team "Team A"
                row = self.db.execute("SELECT origin FROM trainees WHERE team = ? AND origin IS NOT NULL "
                                      "LIMIT 1", [team]).fetchone()
                branch = row[0] if row else None
                prefix = f"{branch} · " if branch else ""
                team = team[len(prefix):] if prefix and team.startswith(prefix) else team
            if branch is None:
                continue  # nobody of that team in the central record yet: sent once someone is
            out.append({"uuid": r[0], "branch_id": branch, "situation": r[1], "due": r[2], "pass_mark": r[3],
                        "trainee_uuid": r[4] if r[6] is None else None, "team": team,
                        "assigned_by": r[7], "created_at": r[8], "withdrawn_at": r[9]})
        return out

    def merge_central(self, rows: list[dict[str, Any]]) -> int:
        """On a branch PC: the centre's assignments for this branch, each once (a withdrawal
        applied); returns how many were new."""
        added = 0
        with transaction(self.db):
            for r in rows:
                uuid = str(r["uuid"])
                if self.db.execute("SELECT 1 FROM assignments WHERE uuid = ?", [uuid]).fetchone():
                    if r["withdrawn_at"]:
                        self.db.execute("UPDATE assignments SET withdrawn_at = ? WHERE uuid = ? AND "
                                        "withdrawn_at IS NULL", [r["withdrawn_at"], uuid])
                    continue
                trainee_id = None
                if r["trainee_uuid"] is not None:
                    found = self.db.execute("SELECT id FROM trainees WHERE uuid = ?",
                                            [str(r["trainee_uuid"])]).fetchone()
                    if found is None:
                        continue  # not this PC's trainee
                    trainee_id = int(found[0])
                self.db.table("assignments").insert({
                    "uuid": uuid, "situation": r["situation"], "due": r["due"], "pass_mark": r["pass_mark"],
                    "trainee_id": trainee_id, "team": r["team"], "assigned_by": r["assigned_by"],
                    "created_at": r["created_at"], "withdrawn_at": r["withdrawn_at"], "origin": "central"})
                added += 1
        return added
