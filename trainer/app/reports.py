"""HR's reports and exports.

Rights are checked here, against the database, on every call: only accounts with ``view_reports``
see reports, only those with ``export`` write files. Every export is entered in the audit log
with its format, period, filters, file and row count: from the app and the command line alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from trainer.domain.accounts import Identity
from trainer.export.report import TraineeLine, TrendPoint, trainee_lines, trend
from trainer.export.run import ExportRequest, ExportResult, ProgressCallback, run_export
from trainer.export.selection import ExportFilter
from trainer.storage.records import Records

if TYPE_CHECKING:
    from trainer.app.context import App


@dataclass(frozen=True)
class Report:
    selection: ExportFilter
    lines: list[TraineeLine]
    trend_size: str
    """"day", "week" or "month": what one trend point covers."""
    trend: list[TrendPoint]


@dataclass(frozen=True)
class ReportChoices:
    """What the filters offer: teams, and trainees (name, team) who have practised."""

    teams: list[str]
    trainees: list[tuple[str, str]]


class ReportsService:
    def __init__(self, app: App) -> None:
        self._app = app

    def choices(self, who: Identity) -> ReportChoices:
        self._app.accounts.current(who).require("view_reports", "see reports")
        return ReportChoices(self._app.repo.teams(), self._app.repo.practised_trainees())

    def report(self, who: Identity, selection: ExportFilter) -> Report:
        self._app.accounts.current(who).require("view_reports", "see reports")
        records = Records(self._app.repo.db)
        size, points = trend(records, selection)
        return Report(selection, trainee_lines(records, selection, self._app.rules), size, points)

    def export(self, who: Identity | None, request: ExportRequest,
               on_progress: ProgressCallback | None = None, login: str = "") -> ExportResult:
        """Write the export (replacing the file only once it is complete) and audit it. ``who`` may
        be None only on a database with no accounts (the command line; ``login`` names who ran it)."""
        caller = self._app.accounts.require_signed_in_unless_alone(who)
        if caller is not None:
            caller.require("export", "export scorecards")
        result = run_export(Records(self._app.repo.db), request, self._app.rules, on_progress)
        self._app.accounts.record(caller, "exported", result.detail(request), login=login)
        return result
