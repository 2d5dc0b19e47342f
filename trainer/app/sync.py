"""Local-first sync with the central PostgreSQL server (its administration: ``sync_admin``).

A branch PC practises on its own SQLite database and never waits on the network: a sync round
(``trainer sync``, or the app in the background) pushes what finished since the last round, in
batches that the server writes whole or not at all, and pulls down what the centre owns (score
overrides HR made centrally, assignments, and through ``sync_centre`` accounts, incentive rules and
scenario packs). Every record carries a UUID made where it was created, so a round
cut short by a crash, a killed process or a server restart is simply run again: nothing is
doubled and nothing is lost.

Who owns what (docs/deployment.md): the centre owns accounts, rules, published scenarios and its
own overrides; a branch owns its practice records (sessions, replies, overrides and notes made
there, its audit log), which the server's row-level security lets it add to, never change. The
practice played on HR's and trainers' PCs goes to the branch of the trainee (``sync_practice``).
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trainer.app import sync_centre, sync_practice
from trainer.app.sync_connection import SyncError, check_schema, connect, server_at, server_failure
from trainer.storage.assignments import Assignments
from trainer.storage.central import records as central
from trainer.storage.standings import Standings
from trainer.storage.sync_config import SyncConfig, read_config, write_config
from trainer.storage.sync_outbox import Outbox

if TYPE_CHECKING:
    import psycopg

    from trainer.app.context import App

log = logging.getLogger("trainer")
BATCH_SESSIONS = 200


@dataclass
class SyncReport:
    """What one round moved."""

    pushed: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("sessions", "turns", "overrides", "notes", "audit", "assignments", "accounts"), 0))
    pulled: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("sessions", "turns", "overrides", "notes", "assignments", "accounts", "rules", "packs"), 0))
    batches: int = 0
    waiting: dict[str, int] = field(default_factory=dict)
    at: str = ""
    kind: str = "branch"
    """The login's kind: a branch pushes; HR and trainers pull the central record (and push the
    practice played on their PCs)."""
    taken: list[str] = field(default_factory=list)
    """A branch: the rules and packs it took from the centre, in words."""
    notes: list[str] = field(default_factory=list)
    """What was not sent or not taken, and why, one sentence each."""

    def lines(self) -> list[str]:
        p, q = self.pushed, self.pulled
        waiting = ", ".join(f"{n} {k}" for k, n in self.waiting.items() if n)
        waiting = f"Waiting: {waiting or 'nothing'}."
        if self.kind != "branch":
            sent = f"Sent {p['assignments']} new assignments"
            sent += f" and {p['accounts']} new or changed accounts." if self.kind == "hr" else "."
            return [f"Pushed {p['sessions']} sessions ({p['turns']} replies) practised on this PC.",
                    f"Pulled {q['sessions']} sessions ({q['turns']} replies), {q['overrides']} overrides "
                    f"and {q['notes']} coaching notes from the central record.", sent, *self.notes, waiting]
        centre = ([f"{q['accounts']} new or changed accounts"] if q["accounts"] else []) + self.taken
        return [
            f"Pushed {p['sessions']} sessions ({p['turns']} replies), {p['overrides']} overrides, "
            f"{p['notes']} coaching notes and {p['audit']} audit entries in {self.batches} "
            f"batch{'es' if self.batches != 1 else ''}.",
            f"Pulled {q['overrides']} central overrides and {q['assignments']} assignments.",
            "From the centre: " + ("; ".join(centre) or "no new accounts, incentive rules or scenario packs")
            + ".",
            *self.notes,
            waiting,
        ]


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
                            where=server_at(dsn))
        elif known != branch:
            raise SyncError("the central server at {where} does not know this login as branch {branch} "
                            "(it is branch {known})", where=server_at(dsn), branch=branch, known=known)
        else:
            config = SyncConfig(dsn, branch, "branch")
        write_config(self._app.settings.sync_config_path, config)
        self._app.sync_changed()
        self._app.accounts.record("sync_configured", {"branch": branch, "kind": config.kind,
                                                      "server": server_at(dsn)}, login)

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
        sync_centre.pull_centre(self._app, conn, branch, report)

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
        Standings(mirror.db).refresh_points(self._app.rules.points)  # the leaderboard reads them
        mirror.set_regions(central.branch_regions(conn))
        report.pushed["assignments"] += central.push_assignments(conn, Assignments(mirror.db).outgoing())
        if report.kind == "hr":
            sync_centre.push_accounts(self._app, conn, report)
        mirror.set_as_of(self._app.clock().isoformat())

    def publish_rules(self, path: Path, login: str = "") -> int:
        """HR: the incentive rules in ``path``, checked, for every branch (``sync_centre``)."""
        return sync_centre.publish_rules(self._app, path, login)

    def publish_pack(self, path: Path, login: str = "") -> tuple[str, int, list[str]]:
        """HR: the scenario pack ``path``, checked, for every branch (``sync_centre``)."""
        return sync_centre.publish_pack(self._app, path, login)

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
        outbox, config = self._outbox, self.config()
        return {"configured": config is not None, "last_sync": outbox.last_sync(),
                "waiting": outbox.waiting(practice_only=config is not None and config.kind != "branch")}

    def run_round(self, batch_sessions: int = BATCH_SESSIONS) -> SyncReport:
        """Push everything waiting and pull what the centre owns (a branch), or push the practice
        played here, pull the central record and push assignments and HR's accounts (HR's and
        trainers' PCs). Raises :class:`SyncError` when the server cannot be used; what was
        confirmed before stays confirmed."""
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
                    sync_practice.push_own_practice(self._app, conn, report, batch_sessions)
                    self._pull_mirror(conn, report, batch_sessions)
                elif central.branch_of_role(conn) != config.branch:
                    raise SyncError("the central server at {where} does not know this login as branch "
                                    "{branch}: nothing was sent", where=server_at(config.dsn),
                                    branch=config.branch)
                else:
                    self._push(conn, config.branch, outbox, report, batch_sessions)
        except psycopg.Error as exc:
            log.warning("sync stopped: %s", exc)
            raise server_failure(exc, config.dsn) from None
        report.at = self._app.clock().isoformat()
        outbox.set_last_sync(report.at)
        report.waiting = outbox.waiting(practice_only=config.kind != "branch")
        return report
