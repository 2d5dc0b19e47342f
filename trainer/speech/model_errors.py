"""The errors of the speech-model store, its catalogue and its downloads (one module, so the three
can share them without importing each other)."""

from __future__ import annotations

from trainer.domain.errors import UserError


class ModelError(UserError):
    """Importing or downloading failed; the message is one sentence for the user."""


class Cancelled(ModelError):
    def __init__(self) -> None:
        super().__init__("The download was cancelled; it can be resumed.")
