"""The feedback panel's score bars: each number legible at every value, in a light and a dark theme."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from trainer.palette import contrast_ratio
from trainer.ui.feedback_panel import FeedbackPanel

THEMES = {
    "light": {"Window": "#efefef", "WindowText": "#000000", "Base": "#ffffff", "Text": "#000000",
              "Mid": "#a0a0a0"},
    "dark": {"Window": "#2b2b2b", "WindowText": "#eeeeee", "Base": "#1e1e1e", "Text": "#eeeeee",
             "Mid": "#5a5a5a"},
}


def themed(theme: str) -> QPalette:
    palette = QPalette()
    for role, colour in THEMES[theme].items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    return palette


def hex_of(colour: QColor) -> str:
    return colour.name()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_score_number_is_legible(qtbot: QtBot, theme: str) -> None:
    panel = FeedbackPanel()
    panel.setPalette(themed(theme))
    panel.setAutoFillBackground(True)
    qtbot.addWidget(panel)
    panel.resize(420, 400)
    panel.show()
    qtbot.waitExposed(panel)
    window = THEMES[theme]["Window"]
    for value in (0, 5, 50, 100):
        for dimension, bar in panel.bars.items():
            bar.setValue(value)
            assert bar.text() == str(value)
            number = bar.number_rect()
            assert not number.intersects(bar.chunk_rect()), "the number sits beside the bar, not on it"
            image = panel.grab(QRect(bar.mapTo(panel, number.topLeft()), number.size())).toImage()
            pixels = Counter(hex_of(image.pixelColor(x, y))
                             for x in range(image.width()) for y in range(image.height()))
            ground = pixels.most_common(1)[0][0]
            assert ground == window, f"{dimension} {value}: the number's ground is the page"
            ink = max(pixels, key=lambda c: contrast_ratio(c, ground))
            assert contrast_ratio(ink, ground) >= 4.5, f"{dimension} {value} in the {theme} theme"
            assert sum(n for c, n in pixels.items() if contrast_ratio(c, ground) >= 3) > 10  # drawn
