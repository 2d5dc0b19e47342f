"""HR's reports and exports: the report for the chosen filters, and exports (with progress and a
Cancel) on their own worker thread, so nothing else waits behind a long one."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from trainer.app.reports import ReportChoices
from trainer.domain.errors import UserError
from trainer.export.run import ExportCancelled, ExportRequest, ExportResult, format_for
from trainer.export.selection import ExportFilter
from trainer.ui import i18n
from trainer.ui.controller import Controller, Shell
from trainer.ui.errors import log_error, plain_message
from trainer.ui.export_progress import ExportProgress
from trainer.ui.export_worker import ExportWorker
from trainer.ui.jobs import call
from trainer.ui.reports_page import ReportsPage


class ReportsController(Controller):
    def __init__(self, shell: Shell, page: ReportsPage) -> None:
        super().__init__(shell)
        self.page = page
        self.worker = ExportWorker(self.app, self.show_error, self)
        self.export_progress: ExportProgress | None = None
        """The latest export's progress (for tests); all running ones are in ``running``."""
        self.running: list[ExportProgress] = []
        page.refresh.connect(self.load_report)
        page.export_requested.connect(self.export)
        page.back.connect(self.nav.back)

    def show_reports(self) -> None:
        def loaded(choices: ReportChoices) -> None:
            self.page.set_choices(choices)
            self.nav.push(self.page)  # the report is read again whenever a filter changes
            self.load_report(self.page.selection())
            # (a broken xapi.yaml is said when xAPI is exported, with its file and line)
            self.jobs.submit(call(self.app.reports.xapi_settings), on_done=self.page.set_xapi_settings,
                             on_error=log_error)

        self.jobs.submit(call(self.app.reports.choices), on_done=loaded)

    def load_report(self, selection: ExportFilter) -> None:
        self.jobs.submit(call(self.app.reports.report, selection), on_done=self.page.show_report)

    # -- exports ------------------------------------------------------------------------------------------

    def export(self, kind: str, path: str, selection: ExportFilter) -> None:
        """Write the export on the export worker, with a progress dialog that can cancel it."""
        out = Path(path)
        request = ExportRequest(format_for(out, kind), out, selection, i18n.current_language())
        if request.kind == "xapi":  # as the user confirmed them; an empty platform: this program
            request = replace(request, home_page=self.page.xapi.home_page,
                              platform=self.page.xapi.platform or "")
        progress = ExportProgress(self.shell.window, self.tr("Exporting to {file}…").format(file=out.name))
        self.export_progress = progress
        self.running.append(progress)

        def done(result: ExportResult) -> None:
            self.running.remove(progress)
            cancelled = progress.cancelled
            progress.finish()
            message = self.exported(result)
            if result.chain_head:
                message += " " + self.tr("Audit log chain head: {head}.").format(head=result.chain_head)
            if cancelled:  # Cancel came as the last bytes were written: the file is complete
                message = self.tr("The export had finished before it could be cancelled. {message}").format(
                    message=message)
            self.page.show_message(message)

        def failed(exc: BaseException) -> None:
            self.running.remove(progress)
            progress.finish()
            if isinstance(exc, ExportCancelled):
                self.page.show_message(self.tr("Export cancelled; nothing was written."))
                return
            log_error(exc)
            self.page.show_message(plain_message(exc))
            if not isinstance(exc, UserError):  # a bug: say so where it cannot be missed
                self.show_error(exc)

        self.worker.export(request, progress.token, on_done=done, on_error=failed)

    def exported(self, result: ExportResult) -> str:
        n, file = result.counts, str(result.out)
        replies = n.get("replies", 0)
        sessions = n.get("sessions", 0)
        if result.kind == "csv":
            if replies == 1:
                return self.tr("1 reply exported to {file}.").format(file=file)
            return self.tr("{n} replies exported to {file}.").format(n=replies, file=file)
        if result.kind == "xlsx":
            counts = (self.tr("1 trainee") if n.get("trainees") == 1
                      else self.tr("{n} trainees").format(n=n.get("trainees")),
                      self.tr("1 session") if sessions == 1 else self.tr("{n} sessions").format(n=sessions),
                      self.tr("1 reply") if replies == 1 else self.tr("{n} replies").format(n=replies))
            return self.tr("{t}, {s} and {r} exported to {file}.").format(
                t=counts[0], s=counts[1], r=counts[2], file=file)
        if result.kind == "xapi":
            if sessions == 1:
                return self.tr("1 session exported to {file} as an xAPI statement.").format(file=file)
            return self.tr("{n} sessions exported to {file} as xAPI statements.").format(
                n=sessions, file=file)
        if n.get("scorecards") == 1:
            return self.tr("The scorecard was written to {file}.").format(file=file)
        return self.tr("{n} scorecards written to {file}.").format(n=n.get("scorecards"), file=file)

    def shutdown(self) -> None:
        """Closing stops running exports (they leave no file) and closes the export connection."""
        for progress in self.running:
            progress.cancel()
        self.worker.shutdown()
