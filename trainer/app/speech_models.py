"""Speech models in the audit log. The model store (``trainer.speech``) knows nothing of the
database: what was installed, from where, and the SHA-256 of the zip it came from (checked against
the catalogue, or only recorded) is entered here, as who installed it."""

from __future__ import annotations

import getpass
from typing import TYPE_CHECKING

from trainer.speech.models import InstalledModel

if TYPE_CHECKING:
    from trainer.app.context import App


class SpeechModelsService:
    def __init__(self, app: App) -> None:
        self._app = app

    def record_installed(self, model: InstalledModel, login: str | None = None) -> None:
        """Audit ``model`` as installed by whoever is signed in (nobody: the operating-system
        login, marked as the desktop app)."""
        detail = {"language": model.language, "name": model.name, "source": model.source,
                  "sha256": model.sha256, "sha256_checked": model.sha256_verified}
        self._app.accounts.record("speech_model_installed", detail,
                                  login=login or getpass.getuser(), via="desktop app, not signed in")
