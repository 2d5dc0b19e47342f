"""HR's and trainers' copy of the central record: a SQLite database of the usual schema beside
their own (``Settings.central_mirror_path``), filled by sync rounds with what their login may read
on the server, so the Reports view, the exports, the leaderboard, the coaching view and their
drill-down work on it as on any database, offline too (its ids are its own, not this PC's).

Records are keyed by their UUIDs: pulling the same rows again changes nothing. A trainee appears
under their branch (team ``north · Team A``); a name two branches share gets the branch in
brackets. Each pull starts a little before the newest receipt already pulled (``OVERLAP``), so a
row whose transaction committed late on the server is not missed. The branches' regions are kept
in ``meta`` (``mirror_regions``), for leaderboards per region.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from trainer.domain.teams import SEPARATOR, in_branch
from trainer.storage.sync_outbox import SESSION_COLUMNS, TURN_COLUMNS
from trainer.storage.transaction import transaction

if TYPE_CHECKING:
    from sqlite_utils import Database

OVERLAP = timedelta(minutes=10)
EPOCH = "1970-01-01T00:00:00+00:00"


def mirror_team(branch: str, team: str) -> str:
    return in_branch(branch, team)


def branch_team(team: str, branches: set[str]) -> tuple[str, str] | None:
    """The inverse of :func:`mirror_team`: ``north · Team A`` is (north, Team A) and ``north`` is
    (north, "") when north is one of ``branches``; ``None`` when the team names no branch."""
    branch, _, own = team.partition(SEPARATOR)
    if own and branch in branches:
        return branch, own
    return (team, "") if team in branches else None


class Mirror:
    def __init__(self, db: Database) -> None:
        self.db = db

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return str(row[0]) if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE "
                        "SET value = excluded.value", [key, value])

    def since(self, kind: str) -> str:
        """Where the next pull of ``kind`` ("sessions", "overrides", "notes") starts."""
        newest = self._meta(f"mirror_{kind}")
        if newest is None:
            return EPOCH
        return (datetime.fromisoformat(newest) - OVERLAP).isoformat()

    def as_of(self) -> str | None:
        """When this copy was last brought up to date (the end of the last successful pull)."""
        return self._meta("mirror_as_of")

    def set_as_of(self, at: str) -> None:
        with transaction(self.db):
            self._set_meta("mirror_as_of", at)

    def regions(self) -> dict[str, str]:
        """Each branch's region as the server last had it (branches without one left out)."""
        regions: dict[str, str] = json.loads(self._meta("mirror_regions") or "{}")
        return regions

    def set_regions(self, regions: dict[str, str]) -> None:
        with transaction(self.db):
            self._set_meta("mirror_regions", json.dumps({b: r for b, r in sorted(regions.items()) if r}))

    def add(self, trainees: list[dict[str, Any]], sessions: list[dict[str, Any]],
            turns: list[dict[str, Any]]) -> int:
        """Sessions with their trainees and turns, each once; returns how many sessions were new."""
        with transaction(self.db):
            ids = {t["uuid"]: self._trainee(t) for t in trainees}
            known = {r[0] for r in self.db.execute(
                "SELECT uuid FROM sessions WHERE uuid IN (SELECT value FROM json_each(?))",
                [json.dumps([str(s["uuid"]) for s in sessions])])}
            new_ids: dict[str, int] = {}
            for s in sessions:
                uuid = str(s["uuid"])
                if uuid in known:
                    continue
                row = {c: s[c] for c in SESSION_COLUMNS}
                # points: computed here from the central record (``Standings.refresh_points``),
                # not taken from the branch
                row.update(uuid=uuid, trainee_id=ids[s["trainee_uuid"]], origin=s["branch_id"],
                           synced_at=str(s["received_at"]), points=None)
                table = self.db.table("sessions")
                table.insert(row)
                new_ids[uuid] = int(table.last_pk)  # type: ignore[arg-type]
            rows = [{**{c: t[c] for c in TURN_COLUMNS}, "session_id": new_ids[str(t["session_uuid"])]}
                    for t in turns if str(t["session_uuid"]) in new_ids]
            if rows:
                self.db.table("turns").insert_all(rows)
            if sessions:
                self._set_meta("mirror_sessions", max(str(s["received_at"]) for s in sessions))
        return len(new_ids)

    def known_sessions(self, uuids: list[str]) -> set[str]:
        return {r[0] for r in self.db.execute(
            "SELECT uuid FROM sessions WHERE uuid IN (SELECT value FROM json_each(?))", [json.dumps(uuids)])}

    def add_overrides(self, rows: list[dict[str, Any]]) -> int:
        added = 0
        with transaction(self.db):
            for r in rows:
                session = self.db.execute("SELECT id FROM sessions WHERE uuid = ?",
                                          [str(r["session_uuid"])]).fetchone()
                exists = self.db.execute("SELECT 1 FROM score_overrides WHERE uuid = ?",
                                         [str(r["uuid"])]).fetchone()
                if session is None or exists:
                    continue
                self.db.table("score_overrides").insert({
                    "uuid": str(r["uuid"]), "session_id": session[0], "dimension": r["dimension"],
                    "automatic": r["automatic"], "value": r["value"], "comment": r["comment"],
                    "account_id": 0, "at": r["at"], "synced_at": str(r["received_at"]),
                    "origin": "central" if r["made_centrally"] else r["branch_id"]})
                added += 1
            if rows:
                self._set_meta("mirror_overrides", max(str(r["received_at"]) for r in rows))
        return added

    def add_notes(self, rows: list[dict[str, Any]]) -> int:
        added = 0
        with transaction(self.db):
            for r in rows:
                trainee = self.db.execute("SELECT id FROM trainees WHERE uuid = ?",
                                          [str(r["trainee_uuid"])]).fetchone()
                exists = self.db.execute("SELECT 1 FROM coaching_notes WHERE uuid = ?",
                                         [str(r["uuid"])]).fetchone()
                if trainee is None or exists:
                    continue
                session = self.db.execute("SELECT id FROM sessions WHERE uuid = ?",
                                          [str(r["session_uuid"])]).fetchone() if r["session_uuid"] else None
                self.db.table("coaching_notes").insert({
                    "uuid": str(r["uuid"]), "trainee_id": trainee[0],
                    "session_id": session[0] if session else None, "note": r["note"], "account_id": 0,
                    "at": r["at"], "synced_at": str(r["received_at"])})
                added += 1
            if rows:
                self._set_meta("mirror_notes", max(str(r["received_at"]) for r in rows))
        return added

    def _trainee(self, t: dict[str, Any]) -> int:
        uuid = str(t["uuid"])
        row = self.db.execute("SELECT id FROM trainees WHERE uuid = ?", [uuid]).fetchone()
        if row:
            return int(row[0])
        name = t["name"]
        if self.db.execute("SELECT 1 FROM trainees WHERE name = ?", [name]).fetchone():
            name = f"{name} ({t['branch_id']})"
        table = self.db.table("trainees")
        table.insert({"uuid": uuid, "name": name, "team": mirror_team(t["branch_id"], t["team"] or ""),
                      "created_at": t["created_at"], "origin": t["branch_id"]})
        return int(table.last_pk)  # type: ignore[arg-type]
