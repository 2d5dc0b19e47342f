"""What every ``trainer`` command shares: the application, the signed-in account, errors.

The commands call the same services as the desktop app (``trainer.app``), so a rule holds in the
terminal exactly as in the window. A database that has accounts (every database the app has
opened: its first run creates the HR administrator) answers only to a signed-in account:
``--user NAME``, with the password read from ``TRAINER_PASSWORD`` or asked for. A database with no
accounts yet belongs to whoever practises on it from the command line.
"""

from __future__ import annotations

import argparse
import getpass
import io
import os
import re
import sys
from typing import TextIO

from trainer.app.context import App
from trainer.app.settings import Settings
from trainer.domain.accounts import Identity
from trainer.domain.errors import UserError

EXIT_OK, EXIT_INVALID, EXIT_BAD_INPUT = 0, 1, 2
PASSWORD_VARIABLE = "TRAINER_PASSWORD"


class CommandError(UserError):
    """A problem the user can fix; printed as one sentence, exit status 2."""


def settings(args: argparse.Namespace) -> Settings:
    return Settings.load(getattr(args, "db", None))


def open_app(args: argparse.Namespace, *, with_scorer: bool = False, warn_audit: bool = True) -> App:
    """The application on the database of ``--db`` (or the default), problems in branch files
    (and, with ``warn_audit``, a broken audit log) printed as warnings."""
    app = App(settings(args))
    for problem in app.open(with_scorer=with_scorer):
        print(f"trainer: warning: {problem}", file=sys.stderr)
    if warn_audit and app.audit_on_open is not None and not app.audit_on_open.intact:
        print(f"trainer: warning: {app.audit_on_open.sentence()}", file=sys.stderr)
    return app


def signed_in(app: App, args: argparse.Namespace) -> Identity | None:
    """The account named by ``--user``, signed in; ``None`` when the database has no accounts."""
    user = getattr(args, "user", None)
    if app.accounts.needs_first_admin():
        if user:
            raise CommandError("this database has no accounts yet, so there is nobody to sign in as; "
                               "leave out --user")
        return None
    if not user:
        raise CommandError("this database has accounts: sign in with --user NAME (the password is "
                           f"read from {PASSWORD_VARIABLE}, or asked for)")
    password = os.environ.get(PASSWORD_VARIABLE)
    where = f"${PASSWORD_VARIABLE}"
    if password is None:
        if not sys.stdin.isatty():
            raise CommandError(f"no password: set {PASSWORD_VARIABLE} or run the command in a terminal")
        password, where = getpass.getpass(f"Password for {user}: "), "the password typed"
    if not_utf8(password):
        raise CommandError("{where} is not UTF-8 text; check your terminal's encoding.", where=where)
    return app.accounts.sign_in(user, password)


class TerminalSafe(io.TextIOBase):
    """Standard output or error with control characters taken out (all but new lines and tabs):
    a reply, a trainee's name or a scenario line can hold escape sequences, and printed raw they
    would move the cursor, recolour or retitle the terminal. A byte of a file name that is not
    UTF-8 (a lone surrogate to Python) is shown as ``\\xff``: printed as it is, it would stop the
    program on a terminal that takes only UTF-8."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(_SURROGATE.sub(lambda m: self.shown(m.group()), _CONTROL.sub("", text)))
        return len(text)

    @staticmethod
    def shown(surrogate: str) -> str:
        """A lone surrogate as the byte it stands for (``\\xff``), or its code point."""
        code = ord(surrogate)
        return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def writable(self) -> bool:
        return True


#: C0 controls but tab and new line, DEL and the C1 controls (ESC sequences start with one).
_CONTROL = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def not_utf8(text: str) -> str | None:
    """The first byte of ``text`` that was not UTF-8 where it came from (an argument, a line
    typed), as ``\\xff``; ``None`` when it is all text."""
    found = _SURROGATE.search(text)
    return TerminalSafe.shown(found.group()) if found else None


def login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "Trainee"
