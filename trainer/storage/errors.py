"""Why the database cannot be used, in one sentence for the user (no SQLite import needed)."""

from __future__ import annotations

from trainer.domain.errors import UserError

__all__ = ["StorageError", "plain_reason"]


class StorageError(UserError):
    """The database cannot be used; the message is one sentence for the user."""


def plain_reason(exc: BaseException) -> str:
    """Why SQLite or the file system refused, in words a user can act on."""
    text = str(exc) if not isinstance(exc, OSError) else (exc.strerror or str(exc))
    if "locked" in text:
        return "it is locked by another program (close it and try again)"
    if "not a database" in text or "malformed" in text:
        return "the file is damaged or is not a database"
    return text
