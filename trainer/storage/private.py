"""Files and folders that hold people's practice (the database, recordings, the log) are readable
by their owner only: 0600 for files, 0700 for folders, as exports already are.

On a file system without Unix modes, or for a file another account owns, the mode is left as it
is (the program still works; the folder's own protection applies).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

FILE_MODE, FOLDER_MODE = 0o600, 0o700


def private_folder(path: Path) -> Path:
    """``path`` as a folder only its owner can enter (created if needed, with its parents)."""
    path.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    _chmod(path, FOLDER_MODE)
    return path


def private_file(path: Path) -> Path:
    """``path`` (which exists) readable and writable by its owner only."""
    _chmod(path, FILE_MODE)
    return path


def _chmod(path: Path, mode: int) -> None:
    with contextlib.suppress(OSError):
        if (path.stat().st_mode & 0o777) != mode:
            os.chmod(path, mode)
