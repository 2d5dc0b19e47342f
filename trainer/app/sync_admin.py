"""The central server's administration (``trainer server ...``): the schema and the logins, the
centre's re-scoring of what branches sent, and reports across branches. Runs with the server
administrator's connection string (or, for reports, any login's), for an HR administrator
signed in."""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from trainer.app.sync_connection import check_schema, connect
from trainer.domain.audit import ChainCheck, check_chain
from trainer.domain.errors import InvalidInput
from trainer.domain.score import Context, ReplyScore
from trainer.domain.spoken import pause_offsets
from trainer.storage.central import records as central
from trainer.storage.central.schema import SERVER_SCHEMA_VERSION, create_login, migrate, server_version

if TYPE_CHECKING:
    from trainer.app.context import App


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
