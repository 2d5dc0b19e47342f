"""Small pieces of English wording shared by what the program prints."""

from __future__ import annotations


def plural(count: int, one: str, many: str | None = None) -> str:
    """``count`` and the noun that goes with it: ``1 turn``, ``2 turns``, ``0 replies``
    (``many`` for a plural that is not ``one`` + s)."""
    return f"{count} {one if count == 1 else many or one + 's'}"
