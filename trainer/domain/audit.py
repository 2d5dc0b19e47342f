"""The audit log's hash chain: what makes a rewritten, removed or inserted entry evident.

Entries are numbered densely from 1 (``seq``); each entry's hash is the SHA-256 of the previous
entry's hash and the entry's own fields, in a canonical JSON form. Rewriting an entry changes its
hash, so the next entry no longer points at it; removing one leaves a gap in the numbers; the last
hash (the *chain head*) stands for the whole log up to it, so a head printed on an export or sent
to the central server later shows whether anything before it changed since.

What this does not stop: whoever can write the database file and has this code can rebuild a
whole new chain, or cut entries off the end. Only a copy of the head kept elsewhere (an export's,
the central server's) shows that. See docs/security.md.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from trainer.domain.wording import plural

GENESIS = "0" * 64
"""The ``prev_hash`` of the first entry."""

FIELDS = ("seq", "at", "account_id", "username", "action", "detail")
"""What each entry's hash covers, besides the previous hash."""


def entry_hash(prev_hash: str, entry: dict[str, Any]) -> str:
    canonical = json.dumps([prev_hash, *(entry.get(f) for f in FIELDS)], ensure_ascii=False,
                           separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


#: Why a chain breaks, in words (the UI has its own translations of these, by key).
PROBLEMS = {
    "missing": "entry {n} is missing",
    "misnumbered": "entry {n} is out of place",
    "unlinked": "entry {n} does not follow the entry before it",
    "changed": "entry {n} was changed after it was written",
    "unprotected": "the database's protection against changing the log was removed",
}


@dataclass(frozen=True)
class ChainCheck:
    """The audit log, checked: how many entries hold together, the head of that part, and where
    and why it breaks (``problem``: a key of :data:`PROBLEMS`)."""

    entries: int
    head: str
    broken_at: int | None = None
    problem: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_at is None

    @property
    def short_head(self) -> str:
        """What exports and scorecards print: the number of entries and the head's first 16 hex."""
        return f"#{self.entries} {self.head[:16]}"

    def sentence(self) -> str:
        if self.intact:
            return (f"The audit log holds together: {plural(self.entries, 'entry', 'entries')}, chain head "
                    f"{self.short_head}.")
        why = PROBLEMS[self.problem].format(n=self.broken_at)
        return (f"The audit log has been tampered with: {why}; entries 1 to {self.entries} still hold "
                f"together (chain head {self.short_head}).")


def check_chain(entries: Iterable[dict[str, Any]], *, protected: bool = True) -> ChainCheck:
    """Walk the entries in ``seq`` order (each with the :data:`FIELDS`, ``prev_hash`` and ``hash``).
    ``protected``: whether the database still refuses updates and deletes of the log."""
    prev, count = GENESIS, 0
    for entry in entries:
        expected = count + 1
        seq = entry.get("seq")
        if seq != expected:
            missing = isinstance(seq, int) and seq > expected
            return ChainCheck(count, prev, expected, "missing" if missing else "misnumbered")
        if entry.get("prev_hash") != prev:
            return ChainCheck(count, prev, expected, "unlinked")
        if entry.get("hash") != entry_hash(prev, entry):
            return ChainCheck(count, prev, expected, "changed")
        prev, count = str(entry["hash"]), expected
    if not protected:
        return ChainCheck(count, prev, count + 1, "unprotected")
    return ChainCheck(count, prev)
