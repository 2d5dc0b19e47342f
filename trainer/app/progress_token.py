"""One way to follow and stop long work on a worker thread: exports and speech-model downloads.

The worker calls :meth:`ProgressToken.report` as it goes; the UI calls :meth:`cancel`. Work that
polls (a download checks between blocks) asks :attr:`cancelled`; work that only calls back (an
export) is stopped by ``report`` raising the ``stop_with`` exception once cancelled, where it is,
leaving no half-written file. No Qt here: a listener passes the figures on (the UI's is a queued
signal, so they reach the widgets on the UI thread).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

Listener = Callable[[int, int | None], None]


class ProgressToken:
    def __init__(self, listener: Listener | None = None,
                 stop_with: Callable[[], BaseException] | None = None) -> None:
        self._listener = listener
        self._stop_with = stop_with
        self._cancelled = threading.Event()

    def report(self, done: int, total: int | None) -> None:
        """Called by the worker: ``done`` of ``total`` (None: unknown). Once cancelled, raises
        ``stop_with()`` if given (else it just stops passing figures on)."""
        if self._cancelled.is_set():
            if self._stop_with is not None:
                raise self._stop_with()
            return
        if self._listener is not None:
            self._listener(done, total)

    def cancel(self) -> None:
        """Ask the work to stop (from any thread); it stops at its next report or check."""
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def is_cancelled(self) -> bool:
        """:attr:`cancelled` as a callable, for work that polls."""
        return self._cancelled.is_set()
