"""``trainer accounts`` and ``trainer audit verify``: the way back in for a locked-out
administrator, HR's password resets, and the audit log's hash chain checked.

``unlock NAME`` lifts the lock wrong passwords put on an account, without signing in (the only
HR administrator may be the one locked out); it gives no access, the password is still needed,
and it is entered in the audit log under the operating-system login. ``reset-password NAME``
is HR's, signed in with ``--user``; the new password is read from ``TRAINER_NEW_PASSWORD`` or
asked for twice. ``disable NAME`` and ``enable NAME`` (HR) stop an account signing in, or let it
again; its record stays. On HR's PC with a central server, each of these changes (and the accounts
made on the accounts page) reaches the account's branch at the next sync. ``audit verify`` checks
the audit log's chain (``domain.audit``) and prints its head; it shows no one's data, so it needs
no sign-in; exit status 1 when the chain is broken.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from trainer.cli.common import EXIT_INVALID, EXIT_OK, CommandError, login_name, open_app, signed_in

NEW_PASSWORD_VARIABLE = "TRAINER_NEW_PASSWORD"


def cmd_accounts(args: argparse.Namespace) -> int:
    app = open_app(args)
    if args.action == "unlock":
        lifted = app.accounts.lift_lock(args.name, login_name())
        print(f"The lock on {args.name} was lifted." if lifted else f"{args.name} was not locked.")
        return EXIT_OK
    signed_in(app, args)
    if args.action in ("disable", "enable"):
        changed = app.accounts.set_disabled(args.name, args.action == "disable")
        print(f"{args.name} is {args.action}d." if changed else f"{args.name} was already {args.action}d.")
        return EXIT_OK
    app.accounts.reset_password(args.name, _new_password(args.name))
    print(f"{args.name} has a new password.")
    return EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    app = open_app(args, warn_audit=False)  # what it finds is the answer, not a warning
    check = app.accounts.verify_audit_chain()
    print(check.sentence())
    return EXIT_OK if check.intact else EXIT_INVALID


def _new_password(name: str) -> str:
    password = os.environ.get(NEW_PASSWORD_VARIABLE)
    if password is not None:
        return password
    if not sys.stdin.isatty():
        raise CommandError(f"no new password: set {NEW_PASSWORD_VARIABLE} or run the command in a terminal")
    password = getpass.getpass(f"New password for {name}: ")
    if getpass.getpass("Type it again: ") != password:
        raise CommandError("the two passwords differ; nothing was changed.")
    return password
