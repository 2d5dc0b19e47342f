"""Exports on a worker thread of their own, so practice never waits behind a long one.

SQLite connections stay on the thread that made them: the export worker opens its own connection
(``App.with_own_connection``) with its first export, and closes it there when the window closes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from trainer.app.context import App
from trainer.app.progress_token import ProgressToken
from trainer.export.run import ExportRequest, ExportResult
from trainer.ui.jobs import Jobs, OnError, call

ExportDone = Callable[[ExportResult], None]


class ExportWorker(QObject):
    def __init__(self, app: App, on_error: OnError, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._main = app
        self._app: App | None = None  # on the export thread only
        self.jobs = Jobs(on_error, self, name="trainer-export")

    def export(self, request: ExportRequest, token: ProgressToken, on_done: ExportDone,
               on_error: OnError) -> None:
        self.jobs.submit(call(self._export, request, token), on_done=on_done, on_error=on_error)

    def _export(self, request: ExportRequest, token: ProgressToken) -> ExportResult:
        if self._app is None:
            self._app = self._main.with_own_connection()
        return self._app.reports.export(request, token.report)

    def _close(self) -> None:
        if self._app is not None:
            self._app.close()
            self._app = None

    def shutdown(self) -> None:
        """Finish (or, once their tokens are cancelled, stop) queued exports, then close."""
        if not self.jobs.closed:
            self.jobs.submit(self._close)
            self.jobs.shutdown()
