"""HR's reports and exports, as the desktop app asks for them (no Qt).

Rights are checked here, against the database, on every call: only accounts with ``view_reports``
see the Reports view, only those with ``export`` write files. Every export is entered in the audit
log with its format, period, filters, file and row count.
"""

from __future__ import annotations

from dataclasses import dataclass

from trainer.access_service import AccessService
from trainer.domain.accounts import Identity
from trainer.domain.incentives import IncentiveRules
from trainer.export.report import TraineeLine, TrendPoint, trainee_lines, trend
from trainer.export.run import ExportRequest, ExportResult, ProgressCallback, run_export
from trainer.export.selection import ExportFilter


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


class ReportService:
    def __init__(self, access: AccessService, rules: IncentiveRules) -> None:
        self.access = access
        self.db = access.db
        self.rules = rules

    def choices(self, who: Identity) -> ReportChoices:
        self.access.current(who).require("view_reports", "see reports")
        trainees = [(str(name), str(team or "")) for name, team in self.db.execute(
            "SELECT name, team FROM trainees t WHERE EXISTS (SELECT 1 FROM sessions s "
            "WHERE s.trainee_id = t.id) ORDER BY name").fetchall()]
        return ReportChoices(self.access.repo.teams(), trainees)

    def report(self, who: Identity, selection: ExportFilter) -> Report:
        self.access.current(who).require("view_reports", "see reports")
        size, points = trend(self.db, selection)
        return Report(selection, trainee_lines(self.db, selection, self.rules), size, points)

    def export(self, who: Identity, request: ExportRequest,
               on_progress: ProgressCallback | None = None) -> ExportResult:
        who = self.access.current(who)
        who.require("export", "export scorecards")
        result = run_export(self.db, request, self.rules, on_progress)
        self.access.record(who, "exported", result.detail(request))
        return result
