"""Trainees, sessions and turns in SQLite; implements the domain's ``SessionStore`` port.

Every write is its own transaction and is committed before the method returns: a turn that was
played is on disk even if the program is killed the next instant.
"""

from __future__ import annotations

import functools
import json
import os
import time
import uuid
from contextlib import AbstractContextManager
from datetime import UTC, date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from trainer.domain.dialogue import Exchange
from trainer.domain.errors import InvalidInput
from trainer.domain.incentives import SessionFact
from trainer.domain.practice import InputMode, SessionStatus, TurnTimings
from trainer.domain.scenario import DIMENSIONS, Ending, Scenario
from trainer.domain.spoken import SpokenReply
from trainer.storage.totals import LATEST_OVERRIDE, SESSION_TOTALS_SQL
from trainer.storage.transaction import transaction

if TYPE_CHECKING:
    from sqlite_utils import Database


def fact_from_row(r: Any) -> SessionFact:
    """A session as the incentive rules see it, from a row of :data:`FACT_COLUMNS`."""
    # SQLite already returns ints and floats; only NULLs (sessions with no turn) need a default.
    # Stored in UTC; days, streaks and weeks are the user's local ones.
    started = local_time(r[5])
    return SessionFact(r[0], r[2], r[3] or "", r[4] or 1, started, r[6], r[7], r[8] or 0.0,
                       r[9] or 0.0, r[10] or 0.0, r[11] or 0.0, r[12] or 0, r[13] or 0)


def local_time(stamp: str) -> datetime:
    """A stored UTC stamp as the user's local time: what ``astimezone()`` gives, with the zone's
    offset looked up once per quarter hour instead of on every call (leaderboards convert
    hundreds of thousands)."""
    moment = datetime.fromisoformat(stamp)
    if moment.tzinfo is None:
        return moment.astimezone()
    return moment.astimezone(_zone_at(int(moment.timestamp()) // 900, time.tzname, time.timezone))


@functools.lru_cache(maxsize=4096)
def _zone_at(quarter_hour: int, _zone: tuple[str, str], _offset: int) -> timezone:
    """The local zone at a quarter hour (the zone's names and offset key the cache, so a change of
    time zone, ``time.tzset()``, is seen at once)."""
    local = time.localtime(quarter_hour * 900)
    return timezone(timedelta(seconds=local.tm_gmtoff), local.tm_zone)


def local_minute(stamp: str) -> str:
    """A stored UTC time as the user's local time, to the minute ("2026-11-28 09:30")."""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp[:16]


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _pid_alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


FACT_COLUMNS = ("id, trainee_id, scenario_id, category, difficulty, started_at, status, outcome, "
                "avg_empathy, avg_clarity, avg_solution, avg_overall, critical_count, turn_count")


_HISTORY_SCORES = ", ".join(f"COALESCE({LATEST_OVERRIDE.format(d=d)}, s.avg_{d}) AS score_{d}"
                            for d in DIMENSIONS)


def team_condition(alias: str, team: str | None, teams: list[str] | None) -> tuple[str, list[object]]:
    """The condition on a trainee's team (``alias``: the trainees table's, with its dot): of
    ``team`` (when given and not empty) and of one of ``teams`` (when given); "" for no condition."""
    where: list[str] = []
    args: list[object] = []
    if team:
        where.append(f"{alias}team = ?")
        args.append(team)
    if teams is not None:
        where.append(f"{alias}team IN (SELECT value FROM json_each(?))")
        args.append(json.dumps(teams))
    return " AND ".join(where), args


def _session_filter(trainee_id: int | None, teams: list[str] | None) -> tuple[str, list[Any]]:
    """The WHERE clause on sessions ``s``: of one trainee, and of trainees of ``teams``, if given."""
    where: list[str] = []
    args: list[Any] = []
    if trainee_id is not None:
        where.append("s.trainee_id = ?")
        args.append(trainee_id)
    if teams is not None:
        where.append("s.trainee_id IN (SELECT id FROM trainees WHERE team IN "
                     "(SELECT value FROM json_each(?)))")
        args.append(json.dumps(teams))
    return ("WHERE " + " AND ".join(where)) if where else "", args


class Repository:
    """All reads and writes of the practice data."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- trainees -----------------------------------------------------------------------------

    def trainee(self, name: str, team: str | None = None) -> int:
        """The id of the trainee called ``name``, created on first use."""
        name = name.strip()
        if not name:
            raise InvalidInput("a trainee needs a name")
        row = self.db.execute("SELECT id FROM trainees WHERE name = ?", [name]).fetchone()
        if row:
            return int(row[0])
        with self._write():  # looked up again under the write lock: another process may have made it
            row = self.db.execute("SELECT id FROM trainees WHERE name = ?", [name]).fetchone()
            if row:
                return int(row[0])
            table = self.db.table("trainees")
            table.insert({"name": name, "team": team or "", "created_at": now(), "uuid": str(uuid.uuid4())})
            return int(table.last_pk)  # type: ignore[arg-type]

    def mirror_trainee(self, trainee: dict[str, Any]) -> int:
        """A trainee profile of another database (the record's, in the test-play one), with the
        same id, made on first use."""
        if self.trainee_row(int(trainee["id"])) is None:
            with self._write():
                self.db.table("trainees").insert({"id": trainee["id"], "name": trainee["name"],
                                                  "team": trainee.get("team") or "", "created_at": now()},
                                                 replace=True)
        return int(trainee["id"])

    def trainees(self, team: str | None = None, teams: list[str] | None = None) -> list[dict[str, Any]]:
        """The trainees who are ranked and reported (``ranked_trainees``: on a database with
        accounts, the profiles of trainee accounts; trainers' own practice and stray names are
        not), of ``team`` and of one of ``teams`` when given."""
        where, args = ("WHERE team = ?", [team]) if team is not None else ("", [])
        if teams is not None:
            where += (" AND " if where else "WHERE ") + "team IN (SELECT value FROM json_each(?))"
            args.append(json.dumps(teams))
        cursor = self.db.execute(f"SELECT * FROM ranked_trainees {where} ORDER BY name", args)
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor]

    # -- sessions (the SessionStore port) ------------------------------------------------------

    def start_session(self, trainee_id: int, scenario: Scenario) -> int:
        with self._write():
            table = self.db.table("sessions")
            table.insert({
                "trainee_id": trainee_id, "scenario_id": scenario.id,
                "scenario_title": scenario.title, "language": scenario.language,
                "category": scenario.category, "difficulty": scenario.difficulty,
                "started_at": now(), "status": "in_progress", "pid": os.getpid(),
                "turn_limit_reached": 0,
            })
            return int(table.last_pk)  # type: ignore[arg-type]

    def record_turn(
        self, session_id: int, exchange: Exchange, input_mode: InputMode, timings: TurnTimings,
        spoken: SpokenReply | None = None,
    ) -> None:
        score = exchange.score
        speech = delivery = None
        if spoken is not None:
            speech = json.dumps({"alternatives": list(spoken.alternatives),
                                 "unsure_words": list(spoken.unsure_words),
                                 "pauses": list(spoken.pauses)}, ensure_ascii=False)
            delivery = json.dumps(spoken.delivery.to_dict()) if spoken.delivery else None
        with self._write():
            self.db.table("turns").insert({
                "session_id": session_id, "idx": exchange.index, "turn_id": exchange.turn_id,
                "customer_line": exchange.customer, "reply": exchange.reply,
                "input_mode": input_mode, "empathy": score.empathy, "clarity": score.clarity,
                "solution": score.solution, "overall": score.overall,
                "score_json": json.dumps(score.to_dict(), ensure_ascii=False),
                "steps_taken": json.dumps(sorted(exchange.new_steps)),
                "mood_before": exchange.mood.before, "mood_after": exchange.mood.after,
                "goto": exchange.goto, "response_ms": timings.response_ms,
                "scoring_ms": timings.scoring_ms, "created_at": now(),
                "speech_json": speech, "delivery_json": delivery,
                "critical_count": len(score.critical),
            })
            self.db.execute(SESSION_TOTALS_SQL + " WHERE id = ?", [session_id])

    def finish_session(
        self, session_id: int, status: SessionStatus, ending: Ending | None, final_mood: int,
        turn_limit_reached: bool,
    ) -> None:
        with self._write():
            self.db.table("sessions").update(session_id, {
                "status": status, "ended_at": now(), "final_mood": final_mood,
                "outcome": ending.outcome if ending else None,
                "ending_id": ending.id if ending else None,
                "turn_limit_reached": int(turn_limit_reached),
            })

    def mark_interrupted_sessions(self) -> int:
        """Sessions left ``in_progress`` by a process that is gone become ``unfinished``.

        Called at start-up; returns how many were marked. Their finished turns stay.
        """
        stale = [
            row["id"] for row in self.db.table("sessions").rows_where("status = 'in_progress'")
            if not _pid_alive(row["pid"])
        ]
        if stale:
            with self._write():
                for sid in stale:
                    self.db.table("sessions").update(sid, {"status": "unfinished"})
        return len(stale)

    # -- reading --------------------------------------------------------------------------------

    def session(self, session_id: int) -> dict[str, Any] | None:
        rows = list(self.db.table("sessions").rows_where("id = ?", [session_id]))
        return rows[0] if rows else None

    def sessions(self, trainee_id: int | None = None) -> list[dict[str, Any]]:
        where, args = ("trainee_id = ?", [trainee_id]) if trainee_id is not None else (None, [])
        return list(self.db.table("sessions").rows_where(where, args, order_by="started_at desc, id desc"))

    # -- progress -------------------------------------------------------------------------------------

    _FACT_COLUMNS = FACT_COLUMNS

    def session_facts(self, trainee_id: int) -> list[SessionFact]:
        rows = self.db.execute(
            f"SELECT {self._FACT_COLUMNS} FROM sessions WHERE trainee_id = ? ORDER BY started_at",
            [trainee_id],
        ).fetchall()
        return [fact_from_row(r) for r in rows]

    def facts_by_trainee(
        self, team: str | None = None, since: date | None = None, history: int = 0
    ) -> dict[int, list[SessionFact]]:
        """Trainees' sessions (of one team or branch, or everyone), keyed by trainee id.

        With ``since``: the sessions from that day on, plus each trainee's last ``history`` counted
        sessions before it (what points for improvement compare against), not the whole past.
        """
        columns = ", ".join("s." + c.strip() for c in self._FACT_COLUMNS.split(","))
        team_filter, team_args = ("t.team = ?", [team]) if team else ("1", [])
        base = f"SELECT {columns} FROM trainees t JOIN sessions s ON s.trainee_id = t.id WHERE {team_filter}"
        if since is None:
            rows = self.db.execute(f"{base} ORDER BY s.trainee_id, s.started_at", team_args).fetchall()
        else:
            start = since.isoformat()
            rows = self.db.execute(f"{base} AND s.started_at >= ?", [*team_args, start]).fetchall()
            earlier = (
                f"SELECT {self._FACT_COLUMNS} FROM sessions WHERE trainee_id = ? AND started_at < ? "
                "AND status = 'finished' AND turn_count > 0 ORDER BY started_at DESC LIMIT ?"
            )
            ids = [r[0] for r in self.db.execute(
                f"SELECT id FROM trainees t WHERE {team_filter}", team_args).fetchall()]
            for trainee_id in ids:  # a few indexed rows each, instead of every past session
                rows += self.db.execute(earlier, [trainee_id, start, history]).fetchall()
            rows.sort(key=lambda r: (r[1], r[5]))
        out: dict[int, list[SessionFact]] = {}
        for r in rows:
            out.setdefault(int(r[1]), []).append(fact_from_row(r))
        return out

    def teams(self) -> list[str]:
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT team FROM ranked_trainees WHERE team != '' ORDER BY team").fetchall()]

    def set_record_audio(self, trainee_id: int, consent: bool) -> None:
        with self._write():
            self.db.table("trainees").update(trainee_id, {"record_audio": int(consent)})

    def set_turn_audio(self, session_id: int, index: int, path: str) -> None:
        with self._write():
            self.db.execute("UPDATE turns SET audio_path = ? WHERE session_id = ? AND idx = ?",
                            [path, session_id, index])

    def set_initials_only(self, trainee_id: int, initials_only: bool) -> None:
        with self._write():
            self.db.table("trainees").update(trainee_id, {"initials_only": int(initials_only)})

    def turn_counts(self) -> dict[int, int]:
        rows = self.db.execute("SELECT session_id, COUNT(*) FROM turns GROUP BY session_id").fetchall()
        return {int(sid): int(n) for sid, n in rows}

    def best_scores(self, trainee_id: int) -> dict[str, dict[str, int]]:
        """Per scenario, the trainee's best session: its average empathy, clarity and solution.

        "Best" is the session with the highest overall average; sessions with no turns don't count.
        """
        rows = self.db.execute(
            """
            SELECT s.scenario_id, AVG(t.empathy), AVG(t.clarity), AVG(t.solution), AVG(t.overall)
            FROM sessions s JOIN turns t ON t.session_id = s.id
            WHERE s.trainee_id = ?
            GROUP BY s.id
            """,
            [trainee_id],
        ).fetchall()
        best: dict[str, tuple[float, dict[str, int]]] = {}
        for scenario_id, empathy, clarity, solution, overall in rows:
            if scenario_id not in best or overall > best[scenario_id][0]:
                best[scenario_id] = (overall, {"empathy": round(empathy), "clarity": round(clarity),
                                               "solution": round(solution)})
        return {k: v[1] for k, v in best.items()}

    def overrides(self, session_id: int) -> list[dict[str, Any]]:
        """Trainers' score overrides of a session, oldest first, each with who made it: an
        account of this database, or for one pulled from the central server where it was made
        (``central``, or the branch's id: the central record keeps no account ids)."""
        rows = self.db.execute(
            "SELECT o.dimension, o.automatic, o.value, o.comment, COALESCE(a.username, o.origin, '?'), o.at "
            "FROM score_overrides o LEFT JOIN accounts a ON a.id = o.account_id WHERE o.session_id = ? "
            "ORDER BY o.id", [session_id]).fetchall()
        keys = ("dimension", "automatic", "value", "comment", "by", "at")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def coaching_notes(self, trainee_id: int, since: str | None = None, until: str | None = None,
                       limit: int = -1) -> list[dict[str, Any]]:
        """Trainers' notes to a trainee, newest first: note, by (who wrote it), at (UTC stamp);
        optionally only those written in [since, until)."""
        rows = self.db.execute(
            "SELECT n.note, a.username, n.at FROM coaching_notes n JOIN accounts a ON a.id = n.account_id "
            "WHERE n.trainee_id = ? AND (? IS NULL OR n.at >= ?) AND (? IS NULL OR n.at < ?) "
            "ORDER BY n.id DESC LIMIT ?", [trainee_id, since, since, until, until, limit]).fetchall()
        return [dict(zip(("note", "by", "at"), r, strict=True)) for r in rows]

    def turns(self, session_id: int) -> list[dict[str, Any]]:
        return list(self.db.table("turns").rows_where("session_id = ?", [session_id], order_by="idx"))

    def history(self, trainee_id: int | None = None, limit: int = -1,
                offset: int = 0, teams: list[str] | None = None) -> list[dict[str, Any]]:
        """Sessions (one trainee's, or everyone's), newest first, each with ``trainee`` (the name),
        ``turns`` (how many were played) and ``score_<dimension>`` (the session's average, or the
        latest trainer's override of it; None before any reply) beside the automatic ``avg_*``;
        ``limit``/``offset`` give one page; ``teams``: only trainees of those teams. One query,
        read through the (trainee_id, started_at) and started_at indexes; the overrides through
        theirs, for the rows of the page only."""
        where, args = _session_filter(trainee_id, teams)
        cursor = self.db.execute(
            f"SELECT s.*, t.name AS trainee, COALESCE(s.turn_count, 0) AS turns, {_HISTORY_SCORES} "
            f"FROM sessions s JOIN trainees t ON t.id = s.trainee_id {where} "
            "ORDER BY s.started_at DESC, s.id DESC LIMIT ? OFFSET ?", [*args, limit, offset])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    def session_count(self, trainee_id: int | None = None, teams: list[str] | None = None) -> int:
        where, args = _session_filter(trainee_id, teams)
        return int(self.db.execute(f"SELECT COUNT(*) FROM sessions s {where}", args).fetchone()[0])

    def practised_trainees(self) -> list[tuple[str, str]]:
        """(name, team) of every trainee with at least one session, by name."""
        return [(str(name), str(team or "")) for name, team in self.db.execute(
            "SELECT name, team FROM ranked_trainees t WHERE EXISTS (SELECT 1 FROM sessions s "
            "WHERE s.trainee_id = t.id) ORDER BY name").fetchall()]

    def records_audio(self, session_id: int) -> bool:
        """Did the trainee who plays this session agree to keep recordings of their replies?"""
        row = self.db.execute(
            "SELECT t.record_audio FROM sessions s JOIN trainees t ON t.id = s.trainee_id WHERE s.id = ?",
            [session_id]).fetchone()
        return bool(row and row[0])

    def trainee_row(self, trainee_id: int) -> dict[str, Any] | None:
        rows = list(self.db.table("trainees").rows_where("id = ?", [trainee_id]))
        return rows[0] if rows else None

    def trainee_by_name(self, name: str) -> dict[str, Any] | None:
        rows = list(self.db.table("trainees").rows_where("name = ?", [name.strip()]))
        return rows[0] if rows else None

    # -- helpers ----------------------------------------------------------------------------------

    def _write(self) -> AbstractContextManager[None]:
        return transaction(self.db)
