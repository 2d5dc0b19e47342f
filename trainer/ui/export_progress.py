"""A progress dialog for an export running on the engine thread, with a Cancel that works.

The export calls :meth:`ExportProgress.report` from the engine thread; the figures reach the
dialog through a queued signal. Cancel sets a flag that the next report turns into
``ExportCancelled``, which stops the export and leaves no file behind.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from trainer.export.run import ExportCancelled

SHOW_AFTER_MS = 400


class ExportProgress(QObject):
    progressed = Signal(int, int)  # emitted on the engine thread, delivered on the UI thread

    def __init__(self, parent: QWidget, label: str) -> None:
        super().__init__(parent)
        self._cancelled = threading.Event()
        self.dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(self.tr("Exporting"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self._cancelled.set)
        self.progressed.connect(self._show)
        self.dialog.setValue(0)

    def report(self, done: int, total: int) -> None:
        """Called by the export on the engine thread."""
        if self._cancelled.is_set():
            raise ExportCancelled
        self.progressed.emit(done, total)

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    @Slot(int, int)
    def _show(self, done: int, total: int) -> None:
        if total > 0 and not self._cancelled.is_set():
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def finish(self) -> None:
        self.dialog.canceled.disconnect(self._cancelled.set)  # closing the dialog says "canceled" too
        self.dialog.reset()
        self.dialog.close()
        self.dialog.deleteLater()
        self.deleteLater()
