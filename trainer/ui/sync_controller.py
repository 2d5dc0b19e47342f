"""Background sync with the central server, when one is configured (``trainer sync setup``).

A round runs on a worker thread of its own (its own SQLite connection, as exports have), so
practice never waits on the network: after every finished session and every few minutes. The
status bar shows when the last round succeeded and what is waiting; when the server cannot be
reached it says so once, in the interface language, and keeps trying at the next interval. With no
server configured nothing is shown and no connection is ever tried.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel

from trainer.app.context import App
from trainer.app.sync import SyncError, SyncReport
from trainer.domain.accounts import AccessDenied
from trainer.ui.errors import log_error, plain_message
from trainer.ui.jobs import Jobs
from trainer.ui.widgets import Retranslating

SYNC_INTERVAL_MS = 5 * 60 * 1000


class SyncStatus(Retranslating, QLabel):
    """The status bar's sync part: "Synced 16:35 · nothing waiting", or offline since when."""

    def __init__(self) -> None:
        super().__init__()
        self.status: dict[str, Any] | None = None
        self.offline: BaseException | None = None
        self.setAccessibleName(self.tr("Central server"))
        self.hide()

    def show_status(self, status: dict[str, Any] | None, offline: BaseException | None) -> None:
        self.status, self.offline = status, offline
        self.retranslate()

    def retranslate(self) -> None:
        status = self.status
        self.setAccessibleName(self.tr("Central server"))
        if status is None or not status.get("configured"):
            self.hide()
            return
        waiting = sum(status["waiting"].values())
        pending = (self.tr("nothing waiting") if not waiting else self.tr("1 record waiting")
                   if waiting == 1 else self.tr("%1 records waiting").replace("%1", str(waiting)))
        last = status.get("last_sync")
        when = datetime.fromisoformat(last).astimezone().strftime("%H:%M") if last else None
        if self.offline is not None:
            why = plain_message(self.offline)  # in the language of the moment
            text = self.tr("Offline (practice goes on): %1 · %2").replace("%1", why)
            text = text.replace("%2", pending)
        elif when:
            text = self.tr("Synced at %1 · %2").replace("%1", when).replace("%2", pending)
        else:
            text = self.tr("Not synced yet · %1").replace("%1", pending)
        self.setText(text)
        self.setToolTip(self.tr("Last successful sync: %1").replace("%1", when or self.tr("never")))
        self.show()


class SyncController(QObject):
    def __init__(self, app: App, label: SyncStatus, parent: QObject | None = None,
                 interval_ms: int = SYNC_INTERVAL_MS) -> None:
        super().__init__(parent)
        self._main = app
        self._app: App | None = None  # on the sync thread only
        self.label = label
        self.jobs = Jobs(on_error=self._failed, parent=self, name="trainer-sync")
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.sync_now)
        self._running = False
        self.offline: BaseException | None = None
        self.last_report: SyncReport | None = None

    def start(self) -> None:
        """Once the database is open: show the status, sync once, then every interval."""
        self.timer.start()
        self.sync_now()

    def sync_now(self) -> None:
        """One round in the background (skipped while one is running, or with no server)."""
        if self._running or self.jobs.closed:
            return
        self._running = True
        self.jobs.submit(self._round, on_done=self._done)

    def _round(self) -> tuple[SyncReport | None, dict[str, Any], SyncError | None]:
        if self._app is None:
            self._app = self._main.with_own_connection()
        sync = self._app.sync
        if sync.config() is None:
            return None, sync.status(), None
        try:
            report = sync.run_round()
            if report.pulled["rules"] or report.pulled["packs"]:  # the window's library and rules too
                self._main.take_published(self._app)
        except AccessDenied:  # nobody signed in yet: the next round, after sign-in
            return None, sync.status(), None
        except SyncError as exc:
            log_error(exc)
            return None, sync.status(), exc
        return report, sync.status(), None

    def _done(self, result: tuple[SyncReport | None, dict[str, Any], SyncError | None]) -> None:
        self._running = False
        report, status, offline = result
        if report is not None:
            self.last_report = report
        self.offline = offline
        self.label.show_status(status, offline)

    def _failed(self, exc: BaseException) -> None:
        self._running = False
        log_error(exc)
        self.offline = exc
        self.label.show_status(self.label.status, self.offline)

    def _close(self) -> None:
        if self._app is not None:
            self._app.close()
            self._app = None

    def shutdown(self) -> None:
        self.timer.stop()
        if not self.jobs.closed:
            self.jobs.submit(self._close)
            self.jobs.shutdown()
