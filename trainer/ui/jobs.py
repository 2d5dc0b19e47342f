"""Background work: one engine thread, results delivered on the UI thread.

All work that touches the database, the sentence encoder or the practice session runs, in order,
on one background thread, so the UI never freezes and SQLite's connection stays on the thread that
made it. The function given to :meth:`Jobs.submit` must never touch a widget: it computes and
returns data; its ``on_done`` callback runs on the UI thread with the result.

Signals:
    busy(bool): True once work has been running for more than ``BUSY_DELAY_MS``, False when idle.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

log = logging.getLogger(__name__)

BUSY_DELAY_MS = 150


class Jobs(QObject):
    busy = Signal(bool)
    _finished = Signal(object, object, object)  # (future, on_done, on_error), emitted off-thread

    def __init__(self, on_error: Callable[[BaseException], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="trainer-engine")
        self._default_error = on_error
        self._pending = 0
        self._closed = False
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._show_busy)
        self._finished.connect(self._deliver)  # queued: emitted from the engine thread

    @property
    def pending(self) -> int:
        return self._pending

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future[Any]:
        """Run ``fn(*args)`` on the engine thread; ``on_done(result)`` runs on the UI thread.

        After :meth:`shutdown` nothing more is run (the returned future is already cancelled).
        """
        if self._closed:
            cancelled: Future[Any] = Future()
            cancelled.cancel()
            return cancelled
        future = self._executor.submit(fn, *args)
        self._pending += 1
        if self._pending == 1:
            self._busy_timer.start()
        future.add_done_callback(lambda f: self._finished.emit(f, on_done, on_error))
        return future

    @Slot(object, object, object)
    def _deliver(self, future: Future[Any], on_done: Any, on_error: Any) -> None:
        self._pending -= 1
        if self._pending == 0:
            self._busy_timer.stop()
            self.busy.emit(False)
        if self._closed:  # the window is going: results have nowhere to go
            return
        exc = future.exception()
        if exc is not None:
            (on_error or self._default_error)(exc)
        elif on_done is not None:
            on_done(future.result())

    @Slot()
    def _show_busy(self) -> None:
        if self._pending:
            self.busy.emit(True)

    @property
    def closed(self) -> bool:
        return self._closed

    def shutdown(self, wait: bool = True) -> None:
        """Stop taking work. ``wait``: finish what is queued first (so a started write completes);
        without it the thread ends on its own once its current job is done."""
        self._closed = True
        self._executor.shutdown(wait=wait, cancel_futures=not wait)
