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
import os
import sys

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


def open_app(args: argparse.Namespace, *, with_scorer: bool = False) -> App:
    """The application on the database of ``--db`` (or the default), problems in branch files
    printed as warnings."""
    app = App(settings(args))
    for problem in app.open(with_scorer=with_scorer):
        print(f"trainer: warning: {problem}", file=sys.stderr)
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
    if password is None:
        if not sys.stdin.isatty():
            raise CommandError(f"no password: set {PASSWORD_VARIABLE} or run the command in a terminal")
        password = getpass.getpass(f"Password for {user}: ")
    return app.accounts.sign_in(user, password)


def login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "Trainee"
