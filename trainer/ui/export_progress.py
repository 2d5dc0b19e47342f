"""A progress dialog for an export running on the export worker, with a Cancel that works.

The export reports through a :class:`ProgressToken`; the figures reach the dialog through a
queued signal. Cancel cancels the token, whose next report raises ``ExportCancelled``, which stops
the export and leaves no file behind.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from trainer.app.progress_token import ProgressToken
from trainer.export.run import ExportCancelled

SHOW_AFTER_MS = 400


class ExportProgress(QObject):
    progressed = Signal(int, int)  # emitted on the export thread, delivered on the UI thread

    def __init__(self, parent: QWidget, label: str) -> None:
        super().__init__(parent)
        self.token = ProgressToken(lambda done, total: self.progressed.emit(done, total or 0),
                                   stop_with=ExportCancelled)
        self.dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(self.tr("Exporting"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.token.cancel)
        self.progressed.connect(self._show)
        self.dialog.setValue(0)

    def cancel(self) -> None:
        self.token.cancel()

    @property
    def cancelled(self) -> bool:
        return self.token.cancelled

    @Slot(int, int)
    def _show(self, done: int, total: int) -> None:
        if total > 0 and not self.token.cancelled:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def finish(self) -> None:
        self.dialog.canceled.disconnect(self.token.cancel)  # closing the dialog says "canceled" too
        self.dialog.reset()
        self.dialog.close()
        self.dialog.deleteLater()
        self.deleteLater()
