"""Background work: a worker thread, results delivered on the UI thread.

All work that touches the database, the sentence encoder or the practice session runs, in order,
on one background thread (the engine), so the UI never freezes and SQLite's connection stays on
the thread that made it; long exports have a worker of their own (see ``export_worker``). The
work given to :meth:`Jobs.submit` must never touch a widget: it computes and returns data; its
``on_done`` callback runs on the UI thread with the result.

``submit`` takes work with no arguments; :func:`call` binds a function's arguments now (so a later
change to, say, who is signed in does not reach work already queued), checked by mypy like a
call, and the result type flows on to ``on_done``::

    jobs.submit(call(app.accounts.sign_in, name, password), on_done=self._signed_in)

(mypy reports an ``on_done`` that does not take the work's result as "Cannot infer value of type
parameter T".)

Signals:
    busy(bool): True once work has been running for more than ``BUSY_DELAY_MS``, False when idle.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import ParamSpec, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal, Slot

BUSY_DELAY_MS = 150

T = TypeVar("T")
P = ParamSpec("P")

OnError = Callable[[BaseException], None]


def call(fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Callable[[], T]:
    """``fn`` with its arguments bound now, to run later (on a worker thread)."""
    return functools.partial(fn, *args, **kwargs)


class Jobs(QObject):
    busy = Signal(bool)
    _finished = Signal(object)  # a delivery (Callable[[], None]), emitted on the worker thread

    def __init__(self, on_error: OnError, parent: QObject | None = None,
                 name: str = "trainer-engine") -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._default_error = on_error
        self._pending = 0
        self._closed = False
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._show_busy)
        self._finished.connect(self._deliver)  # queued: emitted from the worker thread

    @property
    def pending(self) -> int:
        return self._pending

    def submit(self, work: Callable[[], T], *, on_done: Callable[[T], None] | None = None,
               on_error: OnError | None = None) -> Future[T]:
        """Run ``work()`` on the worker thread; ``on_done(result)`` (or ``on_error(exception)``,
        else the default error handler) runs on the UI thread.

        After :meth:`shutdown` nothing more is run (the returned future is already cancelled).
        """
        if self._closed:
            cancelled: Future[T] = Future()
            cancelled.cancel()
            return cancelled
        future = self._executor.submit(work)
        failed = on_error or self._default_error

        def settle() -> None:  # on the UI thread
            exc = future.exception()
            if exc is not None:
                failed(exc)
            elif on_done is not None:
                on_done(future.result())

        self._pending += 1
        if self._pending == 1:
            self._busy_timer.start()
        future.add_done_callback(lambda _: self._finished.emit(settle))
        return future

    @Slot(object)
    def _deliver(self, settle: Callable[[], None]) -> None:
        self._pending -= 1
        if self._pending == 0:
            self._busy_timer.stop()
            self.busy.emit(False)
        if self._closed:  # the window is going: results have nowhere to go
            return
        settle()

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
