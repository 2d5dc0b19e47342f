"""What the clients read and write on the central server. Every function runs as the connected
role, so row-level security decides what it may see and write (``schema``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from trainer.storage.sync_outbox import AUDIT_COLUMNS, SESSION_COLUMNS, TURN_COLUMNS, Batch

if TYPE_CHECKING:
    import psycopg


@dataclass(frozen=True)
class Pushed:
    """What one push added on the server (records already there are not counted again)."""

    sessions: int
    turns: int
    overrides: int
    notes: int
    audit: int


def _insert(conn: psycopg.Connection, table: str, columns: tuple[str, ...], rows: list[dict[str, Any]],
            conflict: str) -> int:
    if not rows:
        return 0
    from psycopg import sql

    stmt = sql.SQL("INSERT INTO {} ({}) VALUES ({}) ON CONFLICT ({}) DO NOTHING RETURNING 1").format(
        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns)),
        sql.SQL(", ").join(sql.Placeholder() * len(columns)), sql.SQL(conflict))
    added = 0
    with conn.cursor() as cur:
        cur.executemany(stmt, [[r.get(c) for c in columns] for r in rows], returning=True)
        while True:
            added += len(cur.fetchall())
            if not cur.nextset():
                break
    return added


def push(conn: psycopg.Connection, branch_id: str, batch: Batch) -> Pushed:
    """``batch`` written in one transaction (all of it or none), each record once however often
    it is pushed."""
    def tag(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{**r, "branch_id": branch_id} for r in rows]

    with conn.transaction():
        _insert(conn, "trainees", ("uuid", "branch_id", "name", "team", "created_at"),
                tag(batch.trainees), "uuid")
        sessions = _insert(conn, "sessions", ("branch_id", "trainee_uuid", *SESSION_COLUMNS),
                           tag(batch.sessions), "uuid")
        turns = _insert(conn, "turns", ("session_uuid", "branch_id", *TURN_COLUMNS), tag(batch.turns),
                        "session_uuid, idx")
        overrides = _insert(conn, "score_overrides", (
            "uuid", "branch_id", "session_uuid", "dimension", "automatic", "value", "comment",
            "by_username", "at"), tag(batch.overrides), "uuid")
        notes = _insert(conn, "coaching_notes", (
            "uuid", "branch_id", "trainee_uuid", "session_uuid", "note", "by_username", "at"),
            tag(batch.notes), "uuid")
        audit = _insert(conn, "audit_log", ("branch_id", *AUDIT_COLUMNS), tag(batch.audit),
                        "branch_id, seq")
    return Pushed(sessions, turns, overrides, notes, audit)


def central_overrides(conn: psycopg.Connection, branch_id: str) -> list[dict[str, Any]]:
    """Overrides HR made centrally on this branch's sessions."""
    return _rows(conn, "SELECT uuid, session_uuid, dimension, automatic, value, comment, by_username, at "
                       "FROM score_overrides WHERE made_centrally AND branch_id = %s ORDER BY at",
                 [branch_id])


def add_central_override(conn: psycopg.Connection, session_uuid: str, dimension: str, value: int,
                         comment: str, by_username: str, at: str) -> str:
    """HR's override of a synced session, made on the server (it flows down at the branch's next
    sync). Returns its UUID."""
    import uuid

    with conn.transaction():
        row = conn.execute(
            f"SELECT branch_id, avg_{dimension} FROM sessions WHERE uuid = %s", [session_uuid]
        ).fetchone() if dimension in ("empathy", "clarity", "solution") else None
        if row is None:
            raise LookupError(session_uuid)
        new = str(uuid.uuid4())
        conn.execute(
            "INSERT INTO score_overrides (uuid, branch_id, session_uuid, dimension, automatic, value, "
            "comment, by_username, at, made_centrally) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, true)",
            [new, row[0], session_uuid, dimension, row[1], value, comment, by_username, at])
    return new


# -- reading across branches (HR, trainers) -------------------------------------------------------

@dataclass(frozen=True)
class BranchTotals:
    branch_id: str
    region: str
    trainees: int
    sessions: int
    turns: int
    resolved: int
    avg_overall: float | None
    points: int


def branch_totals(conn: psycopg.Connection, since: str | None = None) -> list[BranchTotals]:
    """Per branch: trainees who practised, finished sessions, replies, resolved sessions, the
    average overall score (per reply) and points, from the central record as this role may see it.
    Grouped by trainee first, then by branch: one pass over the sessions, no ``count(DISTINCT)``."""
    where, args = ("AND started_at >= %s", [since]) if since else ("", [])
    rows = conn.execute(
        "SELECT t.branch_id, COALESCE(b.region, ''), count(*), sum(t.n), sum(t.turns), sum(t.resolved), "
        "sum(t.weighted) / NULLIF(sum(t.turns), 0), sum(t.points) FROM ("
        "  SELECT branch_id, trainee_uuid, count(*) AS n, COALESCE(sum(turn_count), 0) AS turns, "
        "  count(*) FILTER (WHERE outcome = 'resolved') AS resolved, "
        "  sum(avg_overall * turn_count) AS weighted, COALESCE(sum(points), 0) AS points "
        f"  FROM sessions WHERE status = 'finished' {where} GROUP BY branch_id, trainee_uuid"
        ") t LEFT JOIN branches b ON b.id = t.branch_id GROUP BY t.branch_id, b.region ORDER BY t.branch_id",
        args,
    ).fetchall()
    return [BranchTotals(r[0], r[1], int(r[2]), int(r[3]), int(r[4]), int(r[5]),
                         float(r[6]) if r[6] is not None else None, int(r[7])) for r in rows]


def bank_totals(branches: list[BranchTotals]) -> BranchTotals:
    """The bank's line: the branches' added up (a trainee belongs to one branch), the average
    weighted by replies."""
    turns = sum(b.turns for b in branches)
    weighted = sum((b.avg_overall or 0) * b.turns for b in branches)
    return BranchTotals("(bank)", "", sum(b.trainees for b in branches), sum(b.sessions for b in branches),
                        turns, sum(b.resolved for b in branches), weighted / turns if turns else None,
                        sum(b.points for b in branches))


def flagged_turns(conn: psycopg.Connection) -> list[dict[str, Any]]:
    """Replies whose stored scores differ from the centre's re-score, newest first."""
    return _rows(conn, "SELECT c.branch_id, c.session_uuid, c.idx, c.stored, c.rescored, c.note, "
                       "t.reply FROM turn_checks c JOIN turns t USING (session_uuid, idx) "
                       "WHERE c.differs ORDER BY c.checked_at DESC, c.session_uuid, c.idx", [])


# -- the centre's re-scoring (the owner's connection) ---------------------------------------------

def unchecked_sessions(conn: psycopg.Connection, limit: int) -> list[dict[str, Any]]:
    """Sessions with a reply not yet re-scored, each with its turns in order."""
    sessions = _rows(conn, (
        "SELECT s.uuid, s.branch_id, s.scenario_id, s.language FROM sessions s "
        "WHERE EXISTS (SELECT 1 FROM turns t LEFT JOIN turn_checks c USING (session_uuid, idx) "
        "WHERE t.session_uuid = s.uuid AND c.session_uuid IS NULL) ORDER BY s.received_at, s.uuid "
        "LIMIT %s"), [limit])
    for s in sessions:
        s["turns"] = _rows(conn, "SELECT idx, turn_id, reply, input_mode, score_json, speech_json FROM turns "
                                 "WHERE session_uuid = %s ORDER BY idx", [s["uuid"]])
    return sessions


def record_checks(conn: psycopg.Connection, checks: list[dict[str, Any]]) -> None:
    with conn.transaction(), conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO turn_checks (session_uuid, idx, branch_id, scorer_version, stored, rescored, "
            "differs, note) VALUES (%(session_uuid)s, %(idx)s, %(branch_id)s, %(scorer_version)s, "
            "%(stored)s, %(rescored)s, %(differs)s, %(note)s) ON CONFLICT (session_uuid, idx) DO UPDATE "
            "SET scorer_version = excluded.scorer_version, stored = excluded.stored, "
            "rescored = excluded.rescored, differs = excluded.differs, note = excluded.note, "
            "checked_at = now()", checks)


def audit_rows(conn: psycopg.Connection, branch_id: str) -> list[dict[str, Any]]:
    """A branch's pushed audit log, in order (the centre checks its chain)."""
    return _rows(conn, f"SELECT {', '.join(AUDIT_COLUMNS)} FROM audit_log WHERE branch_id = %s ORDER BY seq",
                 [branch_id])


def add_branch(conn: psycopg.Connection, branch_id: str, name: str, region: str, role: str) -> None:
    conn.execute("INSERT INTO branches (id, name, region, role_name) VALUES (%s, %s, %s, %s) "
                 "ON CONFLICT (id) DO UPDATE SET name = excluded.name, region = excluded.region",
                 [branch_id, name, region, role])


def set_coached_teams(conn: psycopg.Connection, role: str, teams: list[str]) -> None:
    with conn.transaction():
        conn.execute("DELETE FROM coaches WHERE role_name = %s", [role])
        for team in teams:
            conn.execute("INSERT INTO coaches (role_name, team) VALUES (%s, %s)", [role, team])


def branch_regions(conn: psycopg.Connection) -> dict[str, str]:
    """Every branch's region ("" where it has none): any login may read the branches."""
    return {str(b): str(r or "") for b, r in conn.execute("SELECT id, region FROM branches").fetchall()}


def branch_ids(conn: psycopg.Connection) -> list[str]:
    return [str(r[0]) for r in conn.execute("SELECT id FROM branches ORDER BY id").fetchall()]


def coached_teams(conn: psycopg.Connection) -> set[str]:
    """The teams the connected trainer's login covers (``north · Team A``, or a bare ``Team A``:
    that team in every branch)."""
    return {str(r[0]) for r in conn.execute("SELECT trainer_teams()").fetchall()}


def branch_of_role(conn: psycopg.Connection) -> str | None:
    row = conn.execute("SELECT trainer_branch()").fetchone()
    return str(row[0]) if row and row[0] is not None else None


# -- what HR's and trainers' PCs pull down (their central mirror) ---------------------------------

def login_kind(conn: psycopg.Connection) -> str | None:
    """'admin', 'branch', 'hr', 'coach' or None: what the connected login is on this server."""
    row = conn.execute("SELECT trainer_kind()").fetchone()
    return str(row[0]) if row and row[0] is not None else None


def _rows(conn: psycopg.Connection, sql: str, args: list[Any]) -> list[dict[str, Any]]:
    with conn.cursor() as cur:
        cur.execute(sql.encode(), args)
        names = [c.name for c in cur.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


query_rows = _rows  # for the other modules of the central server's queries


def sessions_received(conn: psycopg.Connection, after: tuple[str, str], limit: int) -> list[dict[str, Any]]:
    """Sessions received after ``after`` = (ISO time, uuid), in that order (keyset paging), as
    this login may see them."""
    cols = ", ".join(f"s.{c}" for c in SESSION_COLUMNS)
    return _rows(conn, (
        f"SELECT {cols}, s.branch_id, s.trainee_uuid, s.received_at FROM sessions s "
        "WHERE (s.received_at, s.uuid) > (%s::timestamptz, %s::uuid) "
        "ORDER BY s.received_at, s.uuid LIMIT %s"), [after[0], after[1], limit])


def trainees_with(conn: psycopg.Connection, uuids: list[str]) -> list[dict[str, Any]]:
    return _rows(conn, "SELECT uuid, branch_id, name, team, created_at FROM trainees "
                       "WHERE uuid = ANY(%s::uuid[])", [uuids])


def turns_of(conn: psycopg.Connection, session_uuids: list[str]) -> list[dict[str, Any]]:
    cols = ", ".join(TURN_COLUMNS)
    return _rows(conn, f"SELECT session_uuid, {cols} FROM turns WHERE session_uuid = ANY(%s::uuid[]) "
                       "ORDER BY session_uuid, idx", [session_uuids])


def overrides_received(conn: psycopg.Connection, since: str) -> list[dict[str, Any]]:
    return _rows(conn, "SELECT uuid, branch_id, session_uuid, dimension, automatic, value, comment, "
                       "by_username, at, made_centrally, received_at FROM score_overrides "
                       "WHERE received_at >= %s::timestamptz ORDER BY received_at", [since])


def notes_received(conn: psycopg.Connection, since: str) -> list[dict[str, Any]]:
    return _rows(conn, "SELECT uuid, branch_id, trainee_uuid, session_uuid, note, by_username, at, "
                       "received_at FROM coaching_notes WHERE received_at >= %s::timestamptz "
                       "ORDER BY received_at", [since])


# -- assignments: pushed by HR's and trainers' PCs, pulled by the branch they are for --------------

ASSIGNMENT_COLUMNS = ("uuid", "branch_id", "situation", "due", "pass_mark", "trainee_uuid", "team",
                      "assigned_by", "created_at", "withdrawn_at")


def push_assignments(conn: psycopg.Connection, rows: list[dict[str, Any]]) -> int:
    """New assignments added once each; a withdrawal recorded on one already there."""
    with conn.transaction():
        added = _insert(conn, "assignments", ASSIGNMENT_COLUMNS, rows, "uuid")
        with conn.cursor() as cur:
            cur.executemany("UPDATE assignments SET withdrawn_at = %(withdrawn_at)s WHERE uuid = %(uuid)s "
                            "AND withdrawn_at IS NULL",
                            [r for r in rows if r.get("withdrawn_at")])
    return added


def assignments_for(conn: psycopg.Connection, branch_id: str) -> list[dict[str, Any]]:
    return _rows(conn, f"SELECT {', '.join(ASSIGNMENT_COLUMNS)} FROM assignments WHERE branch_id = %s "
                       "ORDER BY created_at", [branch_id])
