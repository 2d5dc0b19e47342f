"""A problem found in a scenario, addressed by its path inside the document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Loc = tuple[str | int, ...]

#: How much of an offending value a message quotes: a 5,000-digit number or a key a page long is
#: shown by its first characters, not echoed whole.
EXCERPT_CHARS = 40


@dataclass(frozen=True)
class Problem:
    """One thing wrong (``error``) or suspicious (``warning``) in a scenario.

    ``loc`` is the path to the offending value, e.g. ``("turns", 2, "branches", 0, "goto")``; the
    loader turns it into a line number.
    """

    loc: Loc
    message: str
    severity: Literal["error", "warning"] = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def field_name(loc: Loc) -> str:
    """``("turns", 2, "goto")`` -> ``"turns[2].goto"``: how a field is named in messages (a key
    as long as a page is named by its first characters)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + shorten(part)
    return out or "the document"


def excerpt(value: object, limit: int = EXCERPT_CHARS) -> str:
    """``value`` as every message about a file quotes it: text in quotes, anything else as
    written, and at most ``limit`` characters of either (a longer value ends in "…")."""
    if isinstance(value, str):
        return repr(shorten(value, limit))
    try:
        text = str(value)
    except ValueError:  # an int of more digits than Python prints
        return "a number of thousands of digits"
    return shorten(text, limit)


def shorten(text: str, limit: int = EXCERPT_CHARS) -> str:
    """``text`` if it is at most ``limit`` characters long, else its first ``limit`` and "…"."""
    return text if len(text) <= limit else text[:limit] + "…"
