"""Where bundled data lives: beside the package when installed, at the repo top in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def bundled_path(name: str) -> Path:
    """``scenarios`` or ``assets``: ``trainer/bundled/NAME`` in a wheel, else ``<repo>/NAME``."""
    installed = _PACKAGE / "bundled" / name
    return installed if installed.is_dir() else _PACKAGE.parent / name
