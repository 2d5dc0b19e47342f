"""Write a file completely or not at all: a temporary file beside the target, moved into place
only when the writer finished. Any failure leaves the earlier file untouched and no partial file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from trainer.domain.errors import UserError


class ExportError(UserError):
    """The export could not be written; the message is one sentence naming the file."""


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yields the temporary path to write; on success it replaces ``path``."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise ExportError("cannot write {path}: the folder {folder} does not exist.",
                          path=path, folder=directory)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=directory)
    except OSError as exc:
        raise ExportError("cannot write {path}: {reason}.", path=path, reason=_reason(exc)) from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        with temporary.open("rb+") as written:  # make sure it is on disk before it replaces anything
            os.fsync(written.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise ExportError("cannot write {path}: {reason}.", path=path, reason=_reason(exc)) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()
