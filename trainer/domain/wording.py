"""Small pieces of English wording shared by what the program prints."""

from __future__ import annotations


def plural(count: int, one: str, many: str | None = None) -> str:
    """``count`` and the noun that goes with it: ``1 turn``, ``2 turns``, ``0 replies``
    (``many`` for a plural that is not ``one`` + s)."""
    return f"{count} {one if count == 1 else many or one + 's'}"


#: Outcomes and statuses whose code is not already a word.
_OUTCOME_WORDS = {"walked_out": "walked out", "in_progress": "in progress"}


def outcome_words(code: str) -> str:
    """A session's outcome or status as the terminal says it: ``walked out``, ``resolved``."""
    return _OUTCOME_WORDS.get(code, code.replace("_", " "))
