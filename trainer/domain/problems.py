"""A problem found in a scenario, addressed by its path inside the document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Loc = tuple[str | int, ...]


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
    """``("turns", 2, "goto")`` -> ``"turns[2].goto"``: how a field is named in messages."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out or "the document"
