"""Start the desktop app: check for a display, build the window, run Qt's event loop."""

from __future__ import annotations

import sys

from trainer.ui.display import NO_DISPLAY_MESSAGE, has_display


def run(argv: list[str] | None = None) -> int:
    if not has_display():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 2
    from PySide6.QtWidgets import QApplication

    from trainer.library.catalog import load_catalog
    from trainer.ui.library_window import LibraryWindow

    app = QApplication(argv or sys.argv)
    app.setApplicationName("Teller trainer")
    window = LibraryWindow(load_catalog())
    window.show()
    return app.exec()
