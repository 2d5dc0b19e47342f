"""CSV scorecards: UTF-8 with a BOM (so Excel reads Chinese), formula injection neutralised,
written completely or not at all.

Every text cell goes through :func:`neutralise` (the XLSX export uses it too), after the OWASP
guidance on CSV injection:

* Control characters are taken out: NUL and the other C0 and C1 controls, and DEL, but tab, line
  feed and carriage return. They have no place in a scorecard (a name, a team, a reply, a
  comment), some programs end a cell at a NUL, and Excel cannot hold them in a workbook at all.
* A cell a spreadsheet could run as a formula gets a leading single quote: one that begins with
  ``=``, ``+``, ``-`` or ``@``, a tab, a carriage return or a line feed; also when invisible
  characters come first (spaces and separators, Unicode Zs/Zl/Zp: NBSP, the ideographic space;
  format characters, Cf: zero-width space, BOM, direction marks; controls, Cc), and for the forms
  that NFKC folds into those four (full-width ＝＋－＠, small ﹦﹢﹣﹫, super- and subscript ⁼₊)
  and the minus sign U+2212. Only the test normalises: the text is kept as typed.
* Every text cell is written between double quotes, a double quote inside doubled
  (``csv.QUOTE_NONNUMERIC``); numbers are written bare and never prefixed: a negative score is
  data, not a formula.

The xAPI statements (JSON, for a learning-management system) and the PDF scorecards (drawn text)
are not read by a spreadsheet, so they are written as they are.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from trainer.export.atomic import atomic_output

#: A spreadsheet treats a cell starting with one of these as a formula (or a DDE payload).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
_OPERATORS = frozenset("=+-@\u2212")
#: What a cell may start with that a reader does not see: passed over to find its first character.
_INVISIBLE = frozenset(("Zs", "Zl", "Zp", "Cf", "Cc"))
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def neutralise(value: Any) -> Any:
    """A text cell without control characters, made inert with a leading quote if a spreadsheet
    could run it as a formula. Anything else (numbers, empty cells) is returned as it is."""
    if not isinstance(value, str):
        return value
    text = _CONTROL.sub("", value)
    return "'" + text if runs_as_formula(text) else text


def runs_as_formula(text: str) -> bool:
    """Whether ``text`` starts like a formula, seen through invisible characters and
    compatibility forms."""
    if text.startswith(FORMULA_STARTS):
        return True
    for char in text:
        if unicodedata.category(char) in _INVISIBLE:
            continue
        return unicodedata.normalize("NFKC", char)[:1] in _OPERATORS
    return False


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write every row to ``path``; returns how many. Nothing is left behind on failure."""
    count = 0
    with atomic_output(path) as temporary, temporary.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([neutralise(v) for v in row])
            count += 1
    return count
