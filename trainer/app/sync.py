"""Local-first sync with the central PostgreSQL server, and the server's administration.

A branch PC practises on its own SQLite database and never waits on the network: a sync round
(``trainer sync``, or the app in the background) pushes what finished since the last round, in
batches that the server writes whole or not at all, and pulls down what the centre owns (score
overrides HR made centrally). Every record carries a UUID made where it was created, so a round
cut short by a crash, a killed process or a server restart is simply run again: nothing is
doubled and nothing is lost.

Who owns what (docs/deployment.md): the centre owns accounts, rules, published scenarios and its
own overrides; a branch owns its practice records (sessions, replies, overrides and notes made
there, its audit log), which the server's row-level security lets it add to, never change.
"""

from __future__ import annotations

import json
import logging
import secrets
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from trainer.domain.audit import ChainCheck, check_chain
from trainer.domain.errors import InvalidInput, UserError
from trainer.domain.score import Context, ReplyScore
from trainer.domain.spoken import pause_offsets
from trainer.storage.assignments import Assignments
from trainer.storage.central import records as central
from trainer.storage.central.schema import SERVER_SCHEMA_VERSION, create_login, migrate, server_version
from trainer.storage.standings import Standings
from trainer.storage.sync_config import SyncConfig, read_config, write_config
from trainer.storage.sync_outbox import Outbox

if TYPE_CHECKING:
    import psycopg

    from trainer.app.context import App

log = logging.getLogger("trainer")
BATCH_SESSIONS = 200
CONNECT_TIMEOUT_S = 5
STATEMENT_TIMEOUT = "60s"


class SyncError(UserError):
    """The central server cannot be used now (offline, refused, the wrong one); nothing was written."""


@dataclass
class SyncReport:
    """What one round moved."""

    pushed: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("sessions", "turns", "overrides", "notes", "audit", "assignments"), 0))
    pulled: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("sessions", "turns", "overrides", "notes", "assignments"), 0))
    batches: int = 0
    waiting: dict[str, int] = field(default_factory=dict)
    at: str = ""
    kind: str = "branch"
    """The login's kind: a branch pushes; HR and trainers pull the central record."""

    def lines(self) -> list[str]:
        p, q = self.pushed, self.pulled
        if self.kind != "branch":
            return [f"Pulled {q['sessions']} sessions ({q['turns']} replies), {q['overrides']} overrides "
                    f"and {q['notes']} coaching notes from the central record.",
                    f"Sent {p['assignments']} new assignments."]
        return [
            f"Pushed {p['sessions']} sessions ({p['turns']} replies), {p['overrides']} overrides, "
            f"{p['notes']} coaching notes and {p['audit']} audit entries in {self.batches} "
            f"batch{'es' if self.batches != 1 else ''}.",
            f"Pulled {q['overrides']} central overrides and {q['assignments']} assignments.",
            "Waiting: " + (", ".join(f"{n} {k}" for k, n in self.waiting.items() if n) or "nothing") + ".",
        ]


def connect(dsn: str) -> psycopg.Connection:
    """A connection to the server, or a :class:`SyncError` saying in one sentence why not."""
    import psycopg

    try:
        # autocommit: each `with conn.transaction()` is a transaction of its own, committed as it
        # closes (not a savepoint of one long implicit transaction committed only at the end)
        # a slow server ends a statement after STATEMENT_TIMEOUT (the round is simply run again)
        return psycopg.connect(dsn, connect_timeout=CONNECT_TIMEOUT_S, application_name="teller-trainer",
                               autocommit=True, options=f"-c statement_timeout={STATEMENT_TIMEOUT}")
    except psycopg.OperationalError as exc:
        raise server_failure(exc, dsn) from None
    except psycopg.ProgrammingError as exc:  # a malformed connection string
        raise InvalidInput("the server address is not a valid connection string: {reason}",
                           reason=_first_line(exc)) from None


def server_failure(exc: Exception, dsn: str) -> SyncError:
    where = _where(dsn)
    text = str(exc)
    if "password authentication failed" in text or "no password supplied" in text:
        return SyncError("the central server at {where} refused the login and password of this PC",
                         where=where)
    if "does not exist" in text and "database" in text:
        return SyncError("the central server at {where} has no such database", where=where)
    return SyncError("the central server at {where} cannot be reached now ({reason}); practice goes on, "
                     "and the next sync catches up", where=where, reason=_first_line(exc))


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0].removeprefix("connection failed: ")


def _where(dsn: str) -> str:
    from psycopg.conninfo import conninfo_to_dict

    try:
        info = conninfo_to_dict(dsn)
    except Exception:
        return "?"
    return f"{info.get('host', 'localhost')}:{info.get('port', 5432)}"


def check_schema(conn: psycopg.Connection, dsn: str) -> None:
    version = server_version(conn)
    if version is None:
        raise SyncError("the central server at {where} is not set up for this program "
                        "(run trainer server init there)", where=_where(dsn))
    if version > SERVER_SCHEMA_VERSION:
        raise SyncError("the central server at {where} was set up by a newer version of this program "
                        "(schema {version}; this one knows {known}): update this program",
                        where=_where(dsn), version=version, known=SERVER_SCHEMA_VERSION)
    if version < SERVER_SCHEMA_VERSION:
        raise SyncError("the central server at {where} has an older schema ({version}) than this program "
                        "({known}): its administrator must run trainer server init to upgrade it",
                        where=_where(dsn), version=version, known=SERVER_SCHEMA_VERSION)


class SyncService:
    def __init__(self, app: App) -> None:
        self._app = app

    @property
    def _outbox(self) -> Outbox:
        return Outbox(self._app.repo.db)

    def config(self) -> SyncConfig | None:
        return read_config(self._app.settings.sync_config_path)

    def configure(self, dsn: str, branch: str = "", login: str = "") -> None:
        """Point this PC at a server (HR only): with a branch login as ``branch`` (it pushes its
        practice), or with an HR or trainer login (it pulls the central record that login may
        read, for reports). Checked by connecting first, so a wrong address, password or branch
        is refused and nothing is stored."""
        self._app.accounts.require_unless_alone("manage_accounts", "set up the central server")
        with connect(dsn) as conn:
            check_schema(conn, dsn)
            kind = central.login_kind(conn)
            known = central.branch_of_role(conn)
        if kind in ("hr", "coach") and not branch:
            config = SyncConfig(dsn, "", kind)
        elif known is None:
            raise SyncError("the central server at {where} does not know this login as a branch's",
                            where=_where(dsn))
        elif known != branch:
            raise SyncError("the central server at {where} does not know this login as branch {branch} "
                            "(it is branch {known})", where=_where(dsn), branch=branch, known=known)
        else:
            config = SyncConfig(dsn, branch, "branch")
        write_config(self._app.settings.sync_config_path, config)
        self._app.sync_changed()
        self._app.accounts.record("sync_configured", {"branch": branch, "kind": config.kind,
                                                      "server": _where(dsn)}, login)

    def forget(self, login: str = "") -> None:
        """Stop syncing (HR only): the credential is deleted; this PC's records stay."""
        self._app.accounts.require_unless_alone("manage_accounts", "set up the central server")
        write_config(self._app.settings.sync_config_path, None)
        self._app.sync_changed()
        self._app.accounts.record("sync_forgotten", {}, login)

    def _push(self, conn: psycopg.Connection, branch: str, outbox: Outbox, report: SyncReport,
              batch_sessions: int) -> None:
        while True:
            batch = outbox.next_batch(batch_sessions)
            if not len(batch):
                break
            pushed = central.push(conn, branch, batch)
            outbox.confirm(batch, self._app.clock().isoformat())
            report.batches += 1
            for key, n in asdict(pushed).items():
                report.pushed[key] += n
        rows = central.central_overrides(conn, branch)
        report.pulled["overrides"] += outbox.add_central_overrides(rows, self._app.clock().isoformat())
        report.pulled["assignments"] += Assignments(self._app.repo.db).merge_central(
            central.assignments_for(conn, branch))

    def _pull_mirror(self, conn: psycopg.Connection, report: SyncReport, batch_sessions: int) -> None:
        """The central record this login may read, into the mirror (new records only)."""
        mirror = self._app.central_mirror
        after = (mirror.since("sessions"), "00000000-0000-0000-0000-000000000000")
        while True:
            sessions = central.sessions_received(conn, after, batch_sessions)
            if not sessions:
                break
            after = (str(sessions[-1]["received_at"]), str(sessions[-1]["uuid"]))
            known = mirror.known_sessions([str(s["uuid"]) for s in sessions])
            fresh = [s for s in sessions if str(s["uuid"]) not in known]
            if not fresh:  # the overlap at the start of a round: already here
                continue
            uuids = [str(s["uuid"]) for s in fresh]
            trainees = central.trainees_with(conn, sorted({str(s["trainee_uuid"]) for s in fresh}))
            turns = central.turns_of(conn, uuids)
            report.pulled["sessions"] += mirror.add(trainees, fresh, turns)
            report.pulled["turns"] += len(turns)
            report.batches += 1
        overrides = central.overrides_received(conn, mirror.since("overrides"))
        report.pulled["overrides"] += mirror.add_overrides(overrides)
        report.pulled["notes"] += mirror.add_notes(central.notes_received(conn, mirror.since("notes")))
        Standings(mirror.db).refresh_points(self._app.rules.points)
        report.pushed["assignments"] += central.push_assignments(conn, Assignments(mirror.db).outgoing())
        mirror.set_as_of(self._app.clock().isoformat())

    def resend_all(self, login: str = "") -> SyncReport:
        """Send everything of this PC's again (HR only): after the server was restored from a
        backup older than the last round. Nothing is doubled on the server."""
        self._app.accounts.require_unless_alone("manage_accounts", "set up the central server")
        self._outbox.unconfirm_all()
        self._app.accounts.record("sync_resent", {}, login)
        return self.run_round()

    def status(self) -> dict[str, Any]:
        """For the status bar and ``trainer sync status``: configured or not, the last successful
        round, and how many records wait. Needs no sign-in: counts show nobody's data (the status
        bar shows them before anyone signs in)."""
        outbox = self._outbox
        return {"configured": self.config() is not None, "last_sync": outbox.last_sync(),
                "waiting": outbox.waiting()}

    def run_round(self, batch_sessions: int = BATCH_SESSIONS) -> SyncReport:
        """Push everything waiting and pull the centre's overrides. Raises :class:`SyncError` when
        the server cannot be used; what was confirmed before stays confirmed."""
        self._app.accounts.caller()  # signed in (or a database with no accounts)
        config = self.config()
        if config is None:
            raise SyncError("no central server is configured (run trainer sync setup)")
        import psycopg

        outbox, report = self._outbox, SyncReport(kind=config.kind)
        try:
            with connect(config.dsn) as conn:
                check_schema(conn, config.dsn)
                if config.kind != "branch":
                    self._pull_mirror(conn, report, batch_sessions)
                elif central.branch_of_role(conn) != config.branch:
                    raise SyncError("the central server at {where} does not know this login as branch "
                                    "{branch}: nothing was sent", where=_where(config.dsn),
                                    branch=config.branch)
                else:
                    self._push(conn, config.branch, outbox, report, batch_sessions)
        except psycopg.Error as exc:
            log.warning("sync stopped: %s", exc)
            raise server_failure(exc, config.dsn) from None
        report.at = self._app.clock().isoformat()
        outbox.set_last_sync(report.at)
        report.waiting = outbox.waiting()
        return report


# -- the server's administration (the administrator's own connection) ------------------------------

@dataclass(frozen=True)
class BankTotals:
    branches: list[central.BranchTotals]
    bank: central.BranchTotals


@dataclass(frozen=True)
class Credential:
    role: str
    password: str
    dsn: str


@dataclass
class RescoreReport:
    sessions: int = 0
    replies: int = 0
    differing: int = 0
    skipped: int = 0
    broken_chains: dict[str, ChainCheck] = field(default_factory=dict)


def _login_dsn(admin_dsn: str, role: str, password: str) -> str:
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    info = {k: str(v) for k, v in conninfo_to_dict(admin_dsn).items() if v is not None}
    info.update(user=role, password=password)
    return make_conninfo("", **info)


class ServerAdmin:
    """``trainer server ...``: set up the schema and the logins, and re-score what branches sent.
    Runs with the server administrator's connection string, for an HR administrator signed in."""

    def __init__(self, app: App) -> None:
        self._app = app

    def _admin(self, what: str) -> None:
        self._app.accounts.require_unless_alone("manage_accounts", what)

    def init(self, dsn: str) -> tuple[int, int]:
        self._admin("set up the central server")
        with connect(dsn) as conn:
            version = server_version(conn)
            if version is not None and version > SERVER_SCHEMA_VERSION:
                check_schema(conn, dsn)
            return migrate(conn)

    def add_login(self, dsn: str, kind: str, name: str, *, region: str = "",
                  teams: list[str] | None = None) -> Credential:
        """A login for a branch PC (``kind`` "branch": ``name`` is the branch id), a trainer
        ("coach", reading ``teams``) or HR ("hr"). A new password each time it is called."""
        self._admin("add a login to the central server")
        group = {"branch": "trainer_branch", "coach": "trainer_coach", "hr": "trainer_hr"}.get(kind)
        if group is None:
            raise InvalidInput("a login is for a branch, a coach or hr (got {kind})", kind=kind)
        import re

        if not re.fullmatch(r"[a-z][a-z0-9_]{0,30}", name):
            raise InvalidInput("{name} is not a usable name: lowercase letters, digits and _, "
                               "starting with a letter", name=name)
        role = f"{kind}_{name}"
        password = secrets.token_urlsafe(24)
        with connect(dsn) as conn:
            check_schema(conn, dsn)
            with conn.transaction():
                create_login(conn, role, password, group)
                if kind == "branch":
                    central.add_branch(conn, name, name, region, role)
            if kind == "coach":
                central.set_coached_teams(conn, role, teams or [])
        return Credential(role, password, _login_dsn(dsn, role, password))

    def report(self, dsn: str, since: str | None = None) -> BankTotals:
        """Per branch and for the whole bank, from the central record as the login may see it
        (HR: every branch; a trainer: their teams; a branch: its own)."""
        self._app.accounts.require_unless_alone("view_reports", "see reports")
        with connect(dsn) as conn:
            check_schema(conn, dsn)
            branches = central.branch_totals(conn, since)
        return BankTotals(branches, central.bank_totals(branches))

    def flagged(self, dsn: str) -> list[dict[str, Any]]:
        self._app.accounts.require_unless_alone("view_reports", "see reports")
        with connect(dsn) as conn:
            check_schema(conn, dsn)
            return central.flagged_turns(conn)

    def rescore(self, dsn: str, batch: int = 100) -> RescoreReport:
        """Re-score every synced reply not yet checked with this program's scorer, flag those whose
        stored scores differ, and check each branch's audit chain."""
        self._admin("re-score the central record")
        report = RescoreReport()
        scorer = self._app.scorer
        with connect(dsn) as conn:
            check_schema(conn, dsn)
            while True:
                sessions = central.unchecked_sessions(conn, batch)
                if not sessions:
                    break
                checks = [c for s in sessions for c in self._check_session(s, scorer, report)]
                central.record_checks(conn, checks)
            for branch in central.branch_ids(conn):
                chain = check_chain(central.audit_rows(conn, branch))
                if not chain.intact:
                    report.broken_chains[branch] = chain
        return report

    def _check_session(self, s: dict[str, Any], scorer: Any, report: RescoreReport) -> list[dict[str, Any]]:
        scenario = self._app.catalog.get(s["scenario_id"])
        report.sessions += 1
        out: list[dict[str, Any]] = []
        covered: frozenset[str] = frozenset()
        earlier: list[ReplyScore] = []
        for t in s["turns"]:
            stored = ReplyScore.from_dict(json.loads(t["score_json"] or "{}")) if t["score_json"] else None
            base = {"session_uuid": s["uuid"], "idx": t["idx"], "branch_id": s["branch_id"],
                    "scorer_version": scorer.version}
            if stored is None or scenario is None or stored.scorer_version != scorer.version:
                report.skipped += 1
                why = ("no stored score" if stored is None else
                       f"scenario {s['scenario_id']} is not in this program's library" if scenario is None
                       else f"scored by {stored.scorer_version}, not {scorer.version}")
                out.append({**base, "stored": t["score_json"] or "", "rescored": None, "differs": False,
                            "note": why})
                if stored is not None:
                    covered |= stored.steps_taken
                    earlier.append(stored)
                continue
            speech = json.loads(t["speech_json"] or "{}")
            breaks: tuple[int, ...] = ()
            if t["input_mode"] == "spoken" and t["reply"] in speech.get("alternatives", []):
                breaks = pause_offsets(t["reply"], tuple(speech.get("pauses", [])))
            again = scorer.score(t["reply"], scenario=scenario, language=s["language"], context=Context(
                covered=covered, earlier=tuple(earlier), turn_id=t["turn_id"], breaks=breaks))
            differs = _scores(again) != _scores(stored)
            report.replies += 1
            report.differing += differs
            out.append({**base, "stored": json.dumps(_scores(stored)), "rescored": json.dumps(_scores(again)),
                        "differs": differs, "note": ""})
            covered |= again.steps_taken
            earlier.append(again)
        return out


def _scores(score: ReplyScore) -> dict[str, Any]:
    return {"empathy": score.empathy, "clarity": score.clarity, "solution": score.solution,
            "critical": len(score.critical), "steps": sorted(score.steps_taken)}
