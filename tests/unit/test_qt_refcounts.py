"""PySide6 must not drop references it does not own.

PySide6 6.12.0 on CPython 3.11 (Debian 12's Python) lost one reference to ``None`` on every call
of a method returning void and one to ``True`` on every signal emit; after a few thousand the
interpreter aborts ("none_dealloc" / "bool_dealloc"), taking the app with it. pyproject.toml
keeps that release out; this test says whether the installed one is sound. (From CPython 3.12
``None`` and ``True`` are immortal and the counts stay put either way.)
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QApplication

CALLS = 200  # few enough that a faulty build fails here rather than crashing the test run


class _Emitter(QObject):
    happened = Signal(int)


def _change(obj: object, action: object) -> int:
    before = sys.getrefcount(obj)
    for _ in range(CALLS):
        action()  # type: ignore[operator]
    return sys.getrefcount(obj) - before


def test_void_methods_keep_none_alive(qapp: QApplication) -> None:
    timer = QTimer()
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    pen = QPen(QColor("#123456"))
    try:
        assert abs(_change(None, lambda: timer.setInterval(5))) < CALLS // 2
        assert abs(_change(None, lambda: painter.setPen(pen))) < CALLS // 2
    finally:
        painter.end()


def test_signal_emits_keep_true_alive() -> None:
    emitter = _Emitter()
    received: list[int] = []
    emitter.happened.connect(received.append)
    assert abs(_change(True, lambda: emitter.happened.emit(1))) < CALLS // 2
    assert len(received) == CALLS
