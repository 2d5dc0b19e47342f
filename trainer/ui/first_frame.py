"""Run something once the window's first frame is on screen (start-up work that must not delay it)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QTimer


class FirstFrame(QObject):
    """An event filter that runs ``callbacks`` (in order, from the event loop) after the first
    paint of the widget it is installed on, then removes itself."""

    def __init__(self, callbacks: Sequence[Callable[[], object]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._callbacks = list(callbacks)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            for callback in self._callbacks:
                QTimer.singleShot(0, callback)
        return False
