"""Small widgets shared by the pages: the reply box, the mood meter, score bars, headings."""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QEvent, QPropertyAnimation, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QProgressBar, QWidget

MOOD_COLOURS = ((30, "#2e7d32"), (60, "#f9a825"), (80, "#ef6c00"), (101, "#c62828"))


class Retranslating:
    """Mixin for widgets: calls ``self.retranslate()`` when the interface language changes."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()  # type: ignore[attr-defined]
        super().changeEvent(event)  # type: ignore[misc]


def heading(text: str = "", scale: float = 1.3) -> QLabel:
    """A bold label sized relative to the system font, so it follows the user's font size."""
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


class ReplyBox(QPlainTextEdit):
    """Where the trainee types. Enter sends; Shift+Enter starts a new line.

    Signals:
        submitted(str): the trimmed text, when Enter is pressed on non-empty text.
    """

    submitted = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            text = self.toPlainText().strip()
            if text and not self.isReadOnly():
                self.submitted.emit(text)
            event.accept()
            return
        super().keyPressEvent(event)


class MoodMeter(QProgressBar):
    """How upset the customer is, 0-100; changes glide so the trainee sees the mood move."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 100)
        self.setTextVisible(True)
        self._animation = QPropertyAnimation(self, b"value", self)
        self._animation.setDuration(700)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.valueChanged.connect(self._recolour)

    def set_mood(self, mood: int, animate: bool = True) -> None:
        self._animation.stop()
        if animate:
            self._animation.setStartValue(self.value())
            self._animation.setEndValue(mood)
            self._animation.start()
        else:
            self.setValue(mood)
            self._recolour()

    @property
    def target(self) -> int:
        running = self._animation.state() == QPropertyAnimation.State.Running
        return int(self._animation.endValue()) if running else self.value()

    def _recolour(self, *_: object) -> None:
        colour = next(c for limit, c in MOOD_COLOURS if self.value() < limit)
        self.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")


class ScoreBar(QProgressBar):
    """One dimension's score, 0-100, in that dimension's colour."""

    def __init__(self, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 100)
        self.setValue(0)
        self.setFormat("%v")
        self.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
