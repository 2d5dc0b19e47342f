"""Where ``trainer play`` takes its replies from: typed in the terminal, a file, or a pipe.

A replies file (or standard input redirected from one) is read and checked whole before the
session starts: a line that is not UTF-8 text, a line longer than a reply may be, or no reply at
all is one sentence naming the file and line, and no session is created. A pipe (standard input
from another program, a named pipe) is read a line at a time as the conversation goes, since the
program writing it may wait for the customer's line before it answers; each line is checked as it
comes, and one that fails stops the session with the turns before it saved.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from trainer.cli.common import CommandError, not_utf8
from trainer.domain.scenario import Scenario
from trainer.domain.scoring.scorer import MAX_REPLY_CHARS

#: A replies file is read whole before the session starts; one larger than this is not one.
MAX_REPLIES_BYTES = 10_000_000
QUIT = ("/quit", "/q")


def reply_source(replies: str | None, scenario: Scenario) -> Iterator[str]:
    """The replies named by ``--replies`` (``None`` or ``-``: standard input; asked for when it
    is a terminal); raises :class:`CommandError` for a file that cannot be used."""
    from_stdin = replies in (None, "-")
    if from_stdin and sys.stdin.isatty():
        return _ask(scenario)
    where = "standard input" if from_stdin else str(replies)
    try:
        handle: BinaryIO = sys.stdin.buffer if from_stdin else open(str(replies), "rb")  # noqa: SIM115
    except OSError as exc:
        raise CommandError(f"cannot read the replies file {replies}: {exc.strerror}.") from None
    if not _is_regular(handle):
        return _streamed(handle, where, close=not from_stdin)
    try:
        raw = handle.read(MAX_REPLIES_BYTES + 1)
    except OSError as exc:
        raise CommandError(f"cannot read the replies in {where}: {exc.strerror}.") from None
    finally:
        if not from_stdin:
            handle.close()
    if len(raw) > MAX_REPLIES_BYTES:
        raise CommandError("{where} is larger than 10 MB; is it a file of replies, one a line?", where=where)
    lines = list(_replies(raw.split(b"\n"), where))
    if not lines:
        raise CommandError("{where} has no replies (one a line); nothing was started.", where=where)
    return iter(lines)


def _is_regular(handle: BinaryIO) -> bool:
    try:
        return stat.S_ISREG(os.fstat(handle.fileno()).st_mode)
    except (OSError, ValueError):  # no file descriptor (a test's stand-in): read it as it comes
        return False


def _streamed(handle: BinaryIO, where: str, close: bool) -> Iterator[str]:
    try:
        yield from _replies(handle, where)
    finally:
        if close:
            handle.close()


def _replies(lines: Iterable[bytes], where: str) -> Iterator[str]:
    """The non-blank lines, stripped; ``/quit`` (or ``/q``) ends them, as when typing. A line that
    is not UTF-8 text, or longer than the scorer reads (it would be stored and printed whole,
    scored only in part), raises :class:`CommandError` naming it."""
    for number, raw in enumerate(lines, 1):
        try:
            reply = raw.decode("utf-8-sig" if number == 1 else "utf-8").strip()
        except UnicodeDecodeError:
            raise CommandError("{where}:{line}: the replies are not UTF-8 text.",
                               where=where, line=number) from None
        if reply in QUIT:
            return
        if len(reply) > MAX_REPLY_CHARS:
            raise CommandError("{where}:{line}: a reply of {n} characters is longer than the {most:,} a "
                               "reply may have.", where=where, line=number, n=f"{len(reply):,}",
                               most=MAX_REPLY_CHARS)
        if reply:
            yield reply


def _ask(scenario: Scenario) -> Iterator[str]:
    hint = "（输入回复；/quit 结束）" if scenario.language == "zh-CN" else "(type your reply; /quit ends)"
    print(hint)
    while True:
        try:
            line = input("You: ").strip()
        except EOFError:
            return
        if line in QUIT:
            return
        if not_utf8(line):  # the terminal sent bytes that are not UTF-8
            print("That reply is not UTF-8 text; please type it again.", file=sys.stderr)
            continue
        if len(line) > MAX_REPLY_CHARS:
            print(f"That reply is longer than the {MAX_REPLY_CHARS:,} characters a reply may have; "
                  "please shorten it.", file=sys.stderr)
            continue
        if line:
            yield line
