"""HR's reports and exports.

Rights are checked here, against the database, on every call: only accounts with ``view_reports``
see reports, only those with ``export`` write files. Every export is entered in the audit log
with its format, period, filters, file and row count: from the app and the command line alike.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trainer.domain import xapi
from trainer.domain.xapi import XapiSettings
from trainer.export.atomic import ExportError
from trainer.export.report import TraineeLine, TrendPoint, trainee_lines, trend
from trainer.export.run import ExportRequest, ExportResult, ProgressCallback, run_export
from trainer.export.selection import ExportFilter
from trainer.library.xapi_settings import load_xapi_settings, save_xapi_settings
from trainer.storage.errors import StorageError
from trainer.storage.records import Records
from trainer.storage.transaction import transaction

if TYPE_CHECKING:
    from trainer.app.context import App


@dataclass(frozen=True)
class Report:
    selection: ExportFilter
    lines: list[TraineeLine]
    trend_size: str
    """"day", "week" or "month": what one trend point covers."""
    trend: list[TrendPoint]
    central_as_of: str | None = None
    """Set when the report reads the central record: as of when (see ``central_as_of``)."""
    assignments: dict[str, int] | None = None
    """How many (assignment, trainee) pairs of the team are in each status, as of today."""


@dataclass(frozen=True)
class ReportChoices:
    """What the filters offer: teams, and trainees (name, team) who have practised."""

    teams: list[str]
    trainees: list[tuple[str, str]]


class ReportsService:
    def __init__(self, app: App) -> None:
        self._app = app

    def choices(self) -> ReportChoices:
        self._app.accounts.require("view_reports", "see reports")
        repo = self._app.record_repo
        return ReportChoices(repo.teams(), repo.practised_trainees())

    def report(self, selection: ExportFilter) -> Report:
        self._app.accounts.require("view_reports", "see reports")
        records = Records(self._app.record_repo.db)
        size, points = trend(records, selection)
        return Report(selection, trainee_lines(records, selection, self._app.rules), size, points,
                      self.central_as_of(),
                      {str(k): n for k, n in self._app.assignments.counts(selection.team).items()})

    def central_as_of(self) -> str | None:
        """When the central record these reports read was last brought up to date (``None``: they
        read this PC's own database; ``""``: the central record, never pulled yet)."""
        if not self._app.reads_central_record:
            return None
        return self._app.central_mirror.as_of() or ""

    def export(self, request: ExportRequest,
               on_progress: ProgressCallback | None = None, login: str = "") -> ExportResult:
        """Write the export and audit it: complete and audited, or no file at all. The file is
        written beside its target under a hidden name, audited, and only then moved into place;
        if the audit entry cannot be written (a locked or full disk) it is deleted and the error
        raised. Needs the export right; on a database with no accounts (the command line)
        ``login`` names who ran it."""
        self._app.accounts.require_unless_alone("export", "export scorecards")
        if request.kind == "xapi":
            request = self._with_xapi_settings(request)
        target = request.out
        unaudited = target.with_name(f".{target.name}.unaudited")
        try:
            try:
                head = self._app.account_store.audit_head()
                assigned = self._assignment_rows(request) if request.kind == "xlsx" else None
                result = run_export(Records(self._app.record_repo.db), replace(request, out=unaudited),
                                    self._app.rules, on_progress, chain_head=head, assignments=assigned)
            except ExportError as exc:  # name the file the user asked for, not the hidden one
                fields = {k: target if v == unaudited else v for k, v in exc.fields.items()}
                raise ExportError(exc.template, **fields) from None
            result = replace(result, out=target, chain_head=head)
            self._audited_move(result, request, login, unaudited)
        finally:
            unaudited.unlink(missing_ok=True)
        return result

    def _assignment_rows(self, request: ExportRequest) -> list[list[Any]]:
        """Every assignment (of the selected team) with each trainee it covers and their status."""
        rows: list[list[Any]] = []
        for c in self._app.assignments.completion(request.selection.team):
            a = c.assignment
            whom = a.team if a.trainee_id is None else (c.trainees[0][0] if c.trainees else "")
            for name, p in c.trainees:
                if request.selection.trainee and name != request.selection.trainee:
                    continue
                rows.append([a.id, a.situation, whom, name, a.due.isoformat(), a.pass_mark, p.status, p.best,
                             p.late, a.assigned_by])
        return rows

    def xapi_settings(self) -> XapiSettings:
        """The branch's xAPI home page and platform, as set (``None`` where not set)."""
        self._app.accounts.require_unless_alone("export", "export scorecards")
        return load_xapi_settings(self._app.settings.rules_dir)

    def _with_xapi_settings(self, request: ExportRequest) -> ExportRequest:
        """The request with the branch's home page and platform where it names none; a home page
        or platform it names (checked; an empty platform: this program's name) becomes the
        branch's setting, for later exports."""
        stored = load_xapi_settings(self._app.settings.rules_dir)
        if request.platform is None:
            platform = stored.platform
        else:  # an empty one: back to this program's name
            platform = xapi.platform(request.platform) if request.platform.strip() else None
        home_page = xapi.home_page(request.home_page) if request.home_page is not None else stored.home_page
        wanted = XapiSettings(home_page, platform)
        if wanted != stored:
            save_xapi_settings(self._app.settings.rules_dir, wanted)
        return replace(request, home_page=wanted.home_page, platform=wanted.platform)

    def _audited_move(self, result: ExportResult, request: ExportRequest, login: str,
                      written: Path) -> None:
        """The audit entry and the file's move into place, in one transaction: a move that fails
        rolls the entry back; an entry that cannot be committed takes the file away again."""
        target = result.out
        moved = False
        try:
            with transaction(self._app.repo.db):
                self._app.accounts.record("exported", result.detail(request), login=login)
                try:
                    written.replace(target)
                except OSError as exc:
                    raise ExportError("cannot write {path}: {reason}.", path=target,
                                      reason=(exc.strerror or str(exc)).lower()) from None
                moved = True
        except StorageError:
            if moved:
                target.unlink(missing_ok=True)
            raise
