"""Numbered schema migrations. Never edit one that has shipped: add the next number instead."""

from __future__ import annotations

import json

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from trainer.storage.totals import SESSION_TOTALS_SQL

migrations = Migrations("trainer")


@migrations()
def m0001_initial(db: Database) -> None:
    db.table("trainees").create(
        {"id": int, "name": str, "team": str, "created_at": str},
        pk="id", not_null={"name", "created_at"},
    )
    db.table("trainees").create_index(["name"], unique=True)
    db.table("sessions").create(
        {
            "id": int, "trainee_id": int, "scenario_id": str, "scenario_title": str,
            "language": str, "category": str, "difficulty": int,
            "started_at": str, "ended_at": str, "status": str, "outcome": str,
            "ending_id": str, "final_mood": int, "turn_limit_reached": int, "pid": int,
        },
        pk="id", foreign_keys=[("trainee_id", "trainees", "id")],
        not_null={"trainee_id", "scenario_id", "started_at", "status"},
    )
    db.table("sessions").create_index(["trainee_id", "started_at"])
    db.table("sessions").create_index(["status"])
    db.table("turns").create(
        {
            "id": int, "session_id": int, "idx": int, "turn_id": str, "customer_line": str,
            "reply": str, "input_mode": str, "empathy": int, "clarity": int, "solution": int,
            "overall": int, "score_json": str, "steps_taken": str, "mood_before": int,
            "mood_after": int, "goto": str, "response_ms": int, "scoring_ms": int,
            "created_at": str,
        },
        pk="id", foreign_keys=[("session_id", "sessions", "id")],
        not_null={"session_id", "idx", "reply", "created_at"},
    )
    db.table("turns").create_index(["session_id", "idx"], unique=True)


@migrations()
def m0002_spoken_turns(db: Database) -> None:
    """What the recogniser heard (alternatives, unsure words) and how the reply was delivered."""
    db.table("turns").add_column("speech_json", str)
    db.table("turns").add_column("delivery_json", str)


@migrations()
def m0003_session_totals(db: Database) -> None:
    """Per-session totals kept up to date with every turn, so progress, leaderboards and reports
    read one row per session instead of every turn; and a trainee's choice to appear by initials."""
    sessions = db.table("sessions")
    for column, kind in (("turn_count", int), ("avg_empathy", float), ("avg_clarity", float),
                         ("avg_solution", float), ("avg_overall", float), ("critical_count", int)):
        sessions.add_column(column, kind)
    db.table("turns").add_column("critical_count", int)
    db.table("trainees").add_column("initials_only", int, not_null_default=0)
    for turn_id, score_json in db.execute("SELECT id, score_json FROM turns").fetchall():
        critical = len(json.loads(score_json or "{}").get("critical", []))
        db.execute("UPDATE turns SET critical_count = ? WHERE id = ?", [critical, turn_id])
    db.execute(SESSION_TOTALS_SQL)
    db.table("sessions").create_index(["scenario_id"])


@migrations()
def m0004_team_index(db: Database) -> None:
    """Leaderboards and coaching read one team's trainees."""
    db.table("trainees").create_index(["team"])


@migrations()
def m0005_accounts_audit_reviews(db: Database) -> None:
    """Sign-in accounts with roles, an append-only audit log, score overrides and coaching notes."""
    db.table("accounts").create(
        {"id": int, "username": str, "role": str, "trainee_id": int, "salt": str, "password_hash": str,
         "failed_attempts": int, "locked_until": str, "created_at": str},
        pk="id", not_null={"username", "role", "salt", "password_hash", "created_at"},
        defaults={"failed_attempts": 0},
    )
    db.table("accounts").create_index(["username"], unique=True)
    db.table("audit_log").create(
        {"id": int, "at": str, "account_id": int, "username": str, "action": str, "detail": str},
        pk="id", not_null={"at", "action"},
    )
    db.execute("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
               "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END")
    db.execute("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
               "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END")
    db.table("score_overrides").create(
        {"id": int, "session_id": int, "dimension": str, "automatic": float, "value": int,
         "comment": str, "account_id": int, "at": str},
        pk="id", foreign_keys=[("session_id", "sessions", "id")],
        not_null={"session_id", "dimension", "value", "comment", "account_id", "at"},
    )
    db.table("score_overrides").create_index(["session_id"])
    db.table("coaching_notes").create(
        {"id": int, "trainee_id": int, "session_id": int, "note": str, "account_id": int, "at": str},
        pk="id", not_null={"trainee_id", "note", "account_id", "at"},
    )
    db.table("coaching_notes").create_index(["trainee_id"])


@migrations()
def m0006_recordings(db: Database) -> None:
    """A trainee's consent to keep recordings of their spoken replies (off unless they say so),
    and where a turn's recording is."""
    db.table("trainees").add_column("record_audio", int, not_null_default=0)
    db.table("turns").add_column("audio_path", str)


@migrations()
def m0007_points_and_history(db: Database) -> None:
    """Each counted session's points, stored so leaderboards add them up in SQL (recomputed
    whenever the point rules change: ``points_rules`` in ``meta`` says which rules they follow),
    and the indexes the history of everyone and the newest sessions per trainee read."""
    db.table("sessions").add_column("points", int)
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("sessions").create_index(["started_at"])
    db.execute("CREATE INDEX sessions_without_points ON sessions(trainee_id) "
               "WHERE points IS NULL AND status = 'finished' AND turn_count > 0")
    # Covering, so a leaderboard reads only the index: by trainee (a team's, or all time) and by
    # time (everyone's, this week or month).
    db.execute("CREATE INDEX sessions_points_by_trainee ON sessions(trainee_id, started_at, points) "
               "WHERE points IS NOT NULL")
    db.execute("CREATE INDEX sessions_points_by_time ON sessions(started_at, trainee_id, points) "
               "WHERE points IS NOT NULL")
    # The newest counted sessions of each trainee (the coaching view).
    db.execute("CREATE INDEX sessions_counted ON sessions(trainee_id, started_at) "
               "WHERE status = 'finished' AND turn_count > 0")


@migrations()
def m0008_audit_chain(db: Database) -> None:
    """The audit log numbered densely and chained by hash (``domain.audit``). Entries written
    before are numbered in the order they were written and chained as they stand (the chain can
    vouch for them only from now on); the database refuses an entry that does not continue the
    chain."""
    from trainer.domain.audit import GENESIS, entry_hash

    table = db.table("audit_log")
    table.add_column("seq", int)
    table.add_column("prev_hash", str)
    table.add_column("hash", str)
    db.execute("DROP TRIGGER audit_log_no_update")  # to number and chain the existing entries once
    prev = GENESIS
    rows = db.execute("SELECT id, at, account_id, username, action, detail FROM audit_log ORDER BY id")
    for seq, (row_id, at, account_id, username, action, detail) in enumerate(rows.fetchall(), start=1):
        entry = {"seq": seq, "at": at, "account_id": account_id, "username": username, "action": action,
                 "detail": detail}
        digest = entry_hash(prev, entry)
        db.execute("UPDATE audit_log SET seq = ?, prev_hash = ?, hash = ? WHERE id = ?",
                   [seq, prev, digest, row_id])
        prev = digest
    db.execute("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
               "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END")
    db.execute("CREATE UNIQUE INDEX audit_log_seq ON audit_log(seq)")
    db.execute(
        "CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log "
        "WHEN NEW.seq IS NOT (SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_log) "
        "OR NEW.prev_hash IS NOT "
        f"COALESCE((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), '{GENESIS}') "
        "OR NEW.hash IS NULL "
        "BEGIN SELECT RAISE(ABORT, 'an audit entry must continue the chain'); END")


@migrations()
def m0009_ranked_trainees(db: Database) -> None:
    """Who is ranked and reported: on a database with accounts, only the trainee profiles of
    trainee accounts (a trainer practises too, and an old command line made profiles from any
    name typed); on one with no accounts (one person's, from the command line), every profile."""
    db.execute("CREATE INDEX accounts_trainee ON accounts(trainee_id)")
    db.execute("CREATE VIEW ranked_trainees AS SELECT t.* FROM trainees t "
               "WHERE NOT EXISTS (SELECT 1 FROM accounts) "
               "OR EXISTS (SELECT 1 FROM accounts a WHERE a.trainee_id = t.id AND a.role = 'trainee')")


#: A random (version 4) UUID, made by SQLite: for trainees written without one.
RANDOM_UUID = ("lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' "
               "|| substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) "
               "|| substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))")


@migrations()
def m0010_trainee_uuids(db: Database) -> None:
    """Each trainee's own random UUID, made once and never changed: how exports name a trainee
    outside this database (the xAPI account), whatever their name becomes. Trainees from before
    get theirs now; a trainee written without one gets one from the database."""
    import uuid

    db.table("trainees").add_column("uuid", str)
    for (trainee_id,) in db.execute("SELECT id FROM trainees").fetchall():
        db.execute("UPDATE trainees SET uuid = ? WHERE id = ?", [str(uuid.uuid4()), trainee_id])
    db.execute("CREATE UNIQUE INDEX trainees_uuid ON trainees(uuid)")
    db.execute("CREATE TRIGGER trainees_uuid_given AFTER INSERT ON trainees WHEN NEW.uuid IS NULL "
               f"BEGIN UPDATE trainees SET uuid = {RANDOM_UUID} WHERE id = NEW.id; END")
    db.execute("CREATE TRIGGER trainees_uuid_kept BEFORE UPDATE OF uuid ON trainees "
               "WHEN OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid "
               "BEGIN SELECT RAISE(ABORT, 'a trainee''s uuid never changes'); END")


@migrations()
def m0011_sync(db: Database) -> None:
    """What a branch pushes to the central server: every session, override and coaching note has
    a random UUID made here and never changed (a push repeated after a crash doubles nothing), and
    ``synced_at`` says when the server confirmed it. The audit log's pushed part is a watermark in
    ``meta`` (``sync_audit_seq``): its rows are never updated."""
    import uuid

    for table in ("sessions", "score_overrides", "coaching_notes"):
        db.table(table).add_column("uuid", str)
        db.table(table).add_column("synced_at", str)
        for (row_id,) in db.execute(f"SELECT id FROM {table}").fetchall():
            db.execute(f"UPDATE {table} SET uuid = ? WHERE id = ?", [str(uuid.uuid4()), row_id])
        db.execute(f"CREATE UNIQUE INDEX {table}_uuid ON {table}(uuid)")
        db.execute(f"CREATE TRIGGER {table}_uuid_given AFTER INSERT ON {table} WHEN NEW.uuid IS NULL "
                   f"BEGIN UPDATE {table} SET uuid = {RANDOM_UUID} WHERE id = NEW.id; END")
        db.execute(f"CREATE TRIGGER {table}_uuid_kept BEFORE UPDATE OF uuid ON {table} "
                   "WHEN OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid "
                   f"BEGIN SELECT RAISE(ABORT, 'a record''s uuid never changes'); END")
    db.execute("CREATE INDEX sessions_unsynced ON sessions(id) WHERE synced_at IS NULL "
               "AND status != 'in_progress'")
    # Where a record came from: NULL for this PC's own, else the branch id it was pulled from.
    db.table("sessions").add_column("origin", str)
    db.table("trainees").add_column("origin", str)
    db.table("score_overrides").add_column("origin", str)


@migrations()
def m0012_assignments(db: Database) -> None:
    """What trainers assign: a situation (either language) to a trainee or a team, a due date and a
    pass mark. Withdrawn ones are kept (``withdrawn_at``), so a mistaken withdrawal can be undone
    and the record says what was asked."""
    db.table("assignments").create(
        {"id": int, "uuid": str, "situation": str, "due": str, "pass_mark": int, "trainee_id": int,
         "team": str, "assigned_by": str, "created_at": str, "withdrawn_at": str, "origin": str,
         "synced_at": str},
        pk="id", not_null={"situation", "due", "pass_mark", "created_at"},
    )
    db.execute("CREATE INDEX assignments_trainee ON assignments(trainee_id)")
    db.execute("CREATE INDEX assignments_team ON assignments(team)")
    db.execute("CREATE UNIQUE INDEX assignments_uuid ON assignments(uuid)")
    db.execute("CREATE TRIGGER assignments_uuid_given AFTER INSERT ON assignments WHEN NEW.uuid IS NULL "
               f"BEGIN UPDATE assignments SET uuid = {RANDOM_UUID} WHERE id = NEW.id; END")


@migrations()
def m0013_central_accounts(db: Database) -> None:
    """Accounts that travel through the central server: each has a random UUID made where it was
    created, ``updated_at`` (the last change of its role, password or ``disabled``), ``synced_at``
    (on HR's PC: the ``updated_at`` the server has) and ``origin`` ('central' for an account pulled
    from the server, which this PC does not change while it syncs). A disabled account cannot sign
    in."""
    import uuid

    table = db.table("accounts")
    for column in ("uuid", "updated_at", "synced_at", "origin"):
        table.add_column(column, str)
    table.add_column("disabled", int, not_null_default=0)
    for (row_id,) in db.execute("SELECT id FROM accounts").fetchall():
        db.execute("UPDATE accounts SET uuid = ?, updated_at = created_at WHERE id = ?",
                   [str(uuid.uuid4()), row_id])
    db.execute("CREATE UNIQUE INDEX accounts_uuid ON accounts(uuid)")
    db.execute("CREATE TRIGGER accounts_uuid_given AFTER INSERT ON accounts WHEN NEW.uuid IS NULL "
               f"BEGIN UPDATE accounts SET uuid = {RANDOM_UUID} WHERE id = NEW.id; END")


#: A session's lowest score: at least the certification threshold when every dimension is.
CERTIFYING = "min(avg_empathy, avg_clarity, avg_solution)"
#: A session's month for the report summary: the UTC month of its start (``2026-11``).
_MONTH = "substr({s}.started_at, 1, 7)"
#: The sums of one trainee's sessions with replies in one month, from the sessions themselves.
_MONTH_SUMS = """
SELECT trainee_id, {month}, MIN(started_at), MAX(started_at), COUNT(*), SUM(turn_count),
       COUNT(avg_empathy), SUM(avg_empathy), COUNT(avg_clarity), SUM(avg_clarity),
       COUNT(avg_solution), SUM(avg_solution), SUM(critical_count), SUM(outcome = 'resolved'),
       SUM(outcome = 'escalated'), SUM(outcome = 'walked_out'), SUM(points)
FROM sessions WHERE turn_count > 0 {where} GROUP BY trainee_id, {month}"""
#: What a session's row in the summary is made of (its points aside: see Standings.refresh_points).
_SUMMED = ("trainee_id", "started_at", "turn_count", "avg_empathy", "avg_clarity", "avg_solution",
           "critical_count", "outcome")


def _recompute_month(row: str) -> str:
    """Statements (for a trigger) that make ``report_months`` hold again, for the trainee and month
    of the session ``row`` (NEW or OLD), what their sessions add up to now."""
    month = _MONTH.format(s=row)
    where = (f"AND trainee_id = {row}.trainee_id AND started_at >= {month} AND started_at < {month} || '~' "
             f"AND substr(started_at, 1, 7) = {month}")  # (the range: through the index)
    return (f"DELETE FROM report_months WHERE trainee_id = {row}.trainee_id AND month = {month}; "
            f"INSERT INTO report_months {_MONTH_SUMS.format(month=month, where=where)};")


@migrations()
def m0014_report_months(db: Database) -> None:
    """Reports at the scale of a bank: per trainee and UTC month, the sums of their sessions with
    replies (how many, replies, the score sums and how many scores there are, critical fails,
    outcomes, points) and the first and last start among them. A report adds up the months that
    lie wholly in its period and reads the sessions of the few that do not (``storage.records``).
    Kept exact by triggers, in the transaction of every write of a session (a turn updates its
    session's totals): the month's row is computed again from its sessions (a few dozen rows
    through the index), never adjusted. The points alone are written where they are stored
    (``Standings.refresh_points``, which stores them for every session when the point rules
    change: a trigger per session would double the time that takes). And an index for
    certification: the sessions of a trainee that score at least a threshold in every dimension,
    by an index range (with every column it reads)."""
    db.execute(
        "CREATE TABLE report_months (trainee_id INTEGER NOT NULL, month TEXT NOT NULL, "
        "first_at TEXT NOT NULL, last_at TEXT NOT NULL, sessions INTEGER NOT NULL, replies INTEGER, "
        "n_empathy INTEGER, sum_empathy REAL, n_clarity INTEGER, sum_clarity REAL, n_solution INTEGER, "
        "sum_solution REAL, critical INTEGER, resolved INTEGER, escalated INTEGER, walked_out INTEGER, "
        "points INTEGER, PRIMARY KEY (trainee_id, month)) WITHOUT ROWID")
    db.execute("CREATE INDEX report_months_by_month ON report_months(month)")
    db.execute("INSERT INTO report_months " + _MONTH_SUMS.format(month=_MONTH.format(s="sessions"), where=""))
    # An update that writes a summed column and changes one computes the month's row again (and
    # the row of the month it left).
    summed = ", ".join(_SUMMED)
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in _SUMMED)
    new, old = _MONTH.format(s="NEW"), _MONTH.format(s="OLD")
    db.execute("CREATE TRIGGER report_months_insert AFTER INSERT ON sessions WHEN NEW.turn_count > 0 "
               f"BEGIN {_recompute_month('NEW')} END")
    db.execute("CREATE TRIGGER report_months_delete AFTER DELETE ON sessions WHEN OLD.turn_count > 0 "
               f"BEGIN {_recompute_month('OLD')} END")
    db.execute(f"CREATE TRIGGER report_months_update AFTER UPDATE OF {summed} ON sessions WHEN {changed} "
               f"BEGIN {_recompute_month('NEW')} END")
    db.execute(f"CREATE TRIGGER report_months_moved AFTER UPDATE OF trainee_id, started_at ON sessions "
               f"WHEN OLD.trainee_id IS NOT NEW.trainee_id OR {old} IS NOT {new} "
               f"BEGIN {_recompute_month('OLD')} END")
    db.execute(f"CREATE INDEX sessions_certifying ON sessions(trainee_id, {CERTIFYING}, started_at, "
               "scenario_id, category, status, turn_count, avg_empathy, avg_clarity, avg_solution) "
               "WHERE status = 'finished' AND turn_count > 0")


#: The schema version this code writes; a database with a higher one is refused.
SCHEMA_VERSION = len(migrations._migrations)
