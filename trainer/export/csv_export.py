"""CSV scorecards: UTF-8 with a BOM (so Excel reads Chinese), formula injection neutralised,
written to a temporary file beside the target and moved into place only when complete."""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

# A spreadsheet treats a cell starting with one of these as a formula (or a DDE payload).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ExportError(Exception):
    """The export could not be written; the message is one sentence naming the file."""


def neutralise(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula, made inert with a leading quote.
    Numbers stay numbers: a negative score is data, not a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write every row to ``path``; returns how many. Nothing is left behind on failure."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise ExportError(f"cannot write {path}: the folder {directory} does not exist.")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=directory)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {_reason(exc)}.") from None
    count = 0
    try:
        with os.fdopen(handle, "w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(columns)
            for row in rows:
                writer.writerow([neutralise(v) for v in row])
                count += 1
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise ExportError(f"cannot write {path}: {_reason(exc)}.") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()
