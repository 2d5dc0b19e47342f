"""CSV scorecards: UTF-8 with a BOM (so Excel reads Chinese), formula injection neutralised,
written completely or not at all."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from trainer.export.atomic import atomic_output

# A spreadsheet treats a cell starting with one of these as a formula (or a DDE payload).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula, made inert with a leading quote.
    Numbers stay numbers: a negative score is data, not a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write every row to ``path``; returns how many. Nothing is left behind on failure."""
    count = 0
    with atomic_output(path) as temporary, temporary.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([neutralise(v) for v in row])
            count += 1
    return count
