"""Small widgets shared by the pages: the reply box, the mood meter, score bars, headings."""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QEvent, QPropertyAnimation, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from trainer.palette import legible_text

MOOD_COLOURS = ((30, "#2e7d32"), (60, "#f9a825"), (80, "#ef6c00"), (101, "#c62828"))


class Retranslating:
    """Mixin for widgets: calls ``self.retranslate()`` when the interface language changes."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()  # type: ignore[attr-defined]
        super().changeEvent(event)  # type: ignore[misc]


def read_only_table(columns: int, stretch: int | None = None) -> QTableWidget:
    """A table the user selects whole rows of but never edits; ``stretch``: the column that takes
    the spare width (all columns when None)."""
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    if stretch is None:
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


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
    """One dimension's score, 0-100: a bar in that dimension's colour, and the number beside it
    (never on the bar) in the theme's text colour, at least 4.5:1 against the page whatever the
    value and whether the theme is light or dark (``palette.legible_text``)."""

    GAP = 6

    def __init__(self, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour = QColor(colour)
        self.setRange(0, 100)
        self.setValue(0)
        self.setFormat("%v")
        self.setTextVisible(False)  # drawn here, beside the bar

    def number_rect(self) -> QRect:
        """Where the number is drawn: right of the bar, wide enough for "100"."""
        width = self.fontMetrics().horizontalAdvance("100") + self.GAP
        return QRect(self.width() - width, 0, width, self.height())

    def groove_rect(self) -> QRect:
        height = min(self.height(), self.fontMetrics().height() + 6)
        return QRect(0, (self.height() - height) // 2, max(0, self.number_rect().left() - self.GAP), height)

    def chunk_rect(self) -> QRect:
        """The coloured part: the score's share of the bar."""
        inner = self.groove_rect().adjusted(1, 1, -1, -1)
        span = max(1, self.maximum() - self.minimum())
        inner.setWidth(round(inner.width() * (self.value() - self.minimum()) / span))
        return inner

    def number_colour(self) -> QColor:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText).name()
        return QColor(legible_text(text, palette.color(QPalette.ColorRole.Window).name()))

    def sizeHint(self) -> QSize:
        return QSize(160, self.fontMetrics().height() + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.number_rect().width() + 40, self.fontMetrics().height() + 8)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRect(self.groove_rect().adjusted(0, 0, -1, -1))
        chunk = self.chunk_rect()
        if chunk.width() > 0:
            painter.fillRect(chunk, self.colour)
        painter.setPen(self.number_colour())
        painter.drawText(self.number_rect(), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         self.text())
        painter.end()


class TablePage(Retranslating, QWidget):
    """A titled list of rows with Open and Back buttons (past sessions, who needs attention).

    Subclasses fill ``table`` and implement ``open_row(row)``. Signals: back().
    """

    back = Signal()

    def __init__(self, columns: int, stretch: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = heading()
        self.table = read_only_table(columns, stretch)
        self.table.itemActivated.connect(self._open_current)  # Enter, and double-click
        self.empty = QLabel()
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self._open_current)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.column = layout
        """The page's layout: title, table, empty message, buttons (subclasses may add rows)."""

    def show_rows(self, count: int) -> None:
        """After filling ``count`` rows: the empty message, the Open button and the selection."""
        self.empty.setVisible(count == 0)
        self.open_button.setEnabled(count > 0)
        if count:
            self.table.selectRow(0)
            self.table.setFocus()

    def _open_current(self, *_: object) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.open_row(row)

    def open_row(self, row: int) -> None:
        raise NotImplementedError
