"""Why the database cannot be used, in one sentence for the user (no SQLite import needed).

A file damaged inside a page is found only when a command reads that page (a history, an export,
a write): :func:`database_failure` says so in the same sentence, naming the file, whichever
command met it.
"""

from __future__ import annotations

from pathlib import Path

from trainer.domain.errors import UserError

__all__ = ["StorageError", "database_failure", "is_damage", "plain_reason"]


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


def database_failure(exc: BaseException, path: Path | str) -> StorageError:
    """A SQLite error met while using the database file ``path``, as one sentence: a damaged file
    (a page or the header overwritten) says so and points to the backup; anything else names
    SQLite's reason."""
    if _is_corrupt(exc):
        return StorageError("The database file {path} is damaged; restore it from a backup.", path=path)
    if _is_not_a_database(exc):
        return StorageError("The database file {path} is damaged or is not a database; restore it "
                            "from a backup.", path=path)
    return StorageError("Cannot use the database {path}: {reason}.", path=path, reason=plain_reason(exc))


def is_damage(exc: BaseException) -> bool:
    """Whether SQLite refused because the file is damaged (or is no database at all)."""
    return _is_corrupt(exc) or _is_not_a_database(exc)


def _is_corrupt(exc: BaseException) -> bool:
    return _code(exc).startswith("SQLITE_CORRUPT") or "malformed" in str(exc)


def _is_not_a_database(exc: BaseException) -> bool:
    return _code(exc).startswith("SQLITE_NOTADB") or "not a database" in str(exc)


def _code(exc: BaseException) -> str:
    """SQLite's (extended) result code name, e.g. ``SQLITE_CORRUPT_INDEX`` (Python 3.11+)."""
    return str(getattr(exc, "sqlite_errorname", ""))
