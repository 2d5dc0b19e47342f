"""XLSX scorecards (openpyxl, streamed in write-only mode): a Summary sheet (one row a trainee), a
Sessions sheet and a Replies sheet; typed cells (numbers are numbers, date-times are date-times,
each column with the number format it is given), frozen bold header, written completely or not at
all. What the cells hold (readable or machine) is ``layout``'s business.

Every text cell is neutralised as in the CSV export (``csv_export.neutralise``): openpyxl stores a
string that starts with ``=`` as a formula, and a workbook saved as CSV again takes every other
hidden formula along; control characters, which Excel cannot hold, are taken out there too."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from trainer.export.atomic import atomic_output
from trainer.export.csv_export import neutralise

Sheet = tuple[str, Sequence[str], Iterable[Sequence[Any]]] | \
    tuple[str, Sequence[str], Iterable[Sequence[Any]], Sequence[str | None]]
"""Title, column names, rows and (optionally) each column's number format."""
_BOLD = Font(bold=True)


def write_xlsx(path: Path, sheets: Sequence[Sheet],
               before_saving: Callable[[], None] | None = None) -> dict[str, int]:
    """Write each (title, columns, rows) as a sheet; returns the row count of each sheet.
    ``before_saving`` runs once every row is in, before the file is packed (it may raise to stop)."""
    counts: dict[str, int] = {}
    with atomic_output(path) as temporary:
        book = Workbook(write_only=True)
        try:
            for title, columns, rows, *formats in sheets:
                sheet = book.create_sheet(title)
                counts[title] = _fill(sheet, columns, rows, formats[0] if formats else [None] * len(columns))
        except BaseException:
            _close(book)
            raise
        # Zipped in memory (about a tenth of the CSV's size), then written by Python: openpyxl's
        # zip file, failing on a full disk, would complain again on the terminal when collected.
        if before_saving is not None:
            try:
                before_saving()
            except BaseException:
                _close(book)
                raise
        packed = io.BytesIO()
        book.save(packed)
        with temporary.open("wb") as out:
            out.write(packed.getbuffer())
    return counts


def _close(book: Workbook) -> None:
    for open_sheet in book.worksheets:  # finish their streams; openpyxl drops them at exit
        with contextlib.suppress(Exception):
            open_sheet.close()


def _fill(sheet: WriteOnlyWorksheet, columns: Sequence[str], rows: Iterable[Sequence[Any]],
          formats: Sequence[str | None]) -> int:
    """The header and every row; a number or date-time in a column with a format gets it (text
    in such a column is written as text)."""
    sheet.freeze_panes = "A2"
    header = []
    for name in columns:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = _BOLD
        header.append(cell)
    sheet.append(header)
    count = 0
    for row in rows:
        out: list[Any] = []
        for number_format, value in zip(formats, row, strict=True):
            if number_format and isinstance(value, int | float | datetime) and not isinstance(value, bool):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = number_format
                out.append(cell)
            else:
                out.append(neutralise(value))
        sheet.append(out)
        count += 1
    return count

