"""Start the desktop app: check for a display, build the window, run Qt's event loop."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from trainer.ui.display import NO_DISPLAY_MESSAGE, has_display

ORGANISATION = "teller-trainer"


def build(db_path: Path | None = None, settings_path: Path | None = None,
          models_dir: Path | None = None):
    """The application's main window, wired to the real service, not yet loaded or shown."""
    from PySide6.QtCore import QSettings

    from trainer.practice_service import PracticeService
    from trainer.speech.models import ModelStore
    from trainer.storage.database import data_dir
    from trainer.ui import i18n
    from trainer.ui.main_window import MainWindow

    if settings_path is not None:
        settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    else:
        settings = QSettings(ORGANISATION, "trainer")
    i18n.install(str(settings.value("language", i18n.default_language())))
    models = ModelStore(models_dir or data_dir() / "speech-models")
    return MainWindow(PracticeService(db_path=db_path), settings, models)


def run(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    if not has_display():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 2
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from trainer.ui.errors import install_excepthook, setup_logging

    app = QApplication(argv or sys.argv)
    app.setApplicationName("Teller trainer")
    app.setOrganizationName(ORGANISATION)
    setup_logging()
    window = build()
    install_excepthook(lambda: window)
    window.show()
    # Load data only once the first frame is on screen, so the window never waits on the disk.
    QTimer.singleShot(0, window.load)
    if os.environ.get("TRAINER_STARTUP_BENCH"):
        # bench/startup.py: report when the first frame is up, then quit.
        def report() -> None:
            print(f"first window painted {time.perf_counter() - started:.3f} s after main() started",
                  flush=True)
            app.quit()

        QTimer.singleShot(0, report)
    return app.exec()
