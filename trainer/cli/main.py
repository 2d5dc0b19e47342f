"""The ``trainer`` command: list, validate, play and score scenarios; history, leaderboards and the
coaching view; export scorecards; accounts; sync with the central server.

Every command goes through the same services as the desktop app (``trainer.app``).
Exit status: 0 success, 1 validation found errors, 2 bad input (unknown scenario, unreadable
scenario or database, a right the account does not have, an argument that is not UTF-8 text).
Errors are one sentence on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from trainer import __version__
from trainer.cli.account_commands import cmd_accounts, cmd_audit
from trainer.cli.assign_commands import add_parser as add_assign_parser
from trainer.cli.common import EXIT_BAD_INPUT, EXIT_OK, CommandError, TerminalSafe, not_utf8, settings
from trainer.cli.library_commands import cmd_rubric, cmd_scenarios, cmd_validate
from trainer.cli.practice_commands import cmd_play, cmd_score
from trainer.cli.progress_commands import add_parsers as add_progress_parsers
from trainer.cli.record_commands import cmd_export, cmd_history
from trainer.cli.sync_commands import add_parsers as add_sync_parsers
from trainer.domain.errors import UserError
from trainer.domain.scenario import CATEGORIES
from trainer.export.run import FORMATS
from trainer.storage.errors import database_failure


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="trainer",
        description="Practise calming upset bank customers: list, check and play scenarios.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db", type=Path, metavar="PATH",
        help="the database file (default: $TRAINER_DB, else trainer.db in your data directory)",
    )
    parser.add_argument(
        "--user", metavar="NAME",
        help="sign in as this account (needed once the database has accounts; the password is read "
             "from $TRAINER_PASSWORD, or asked for)",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("scenarios", help="list the scenario library",
                       description="List the scenario library (bundled and trainers' own): id, "
                                   "language, category, difficulty and title.")
    p.add_argument("--json", action="store_true", help="print one JSON object a line")
    p.set_defaults(func=cmd_scenarios)

    p = sub.add_parser("validate", help="check scenario files and report every problem",
                       description="Check scenario files; print every problem as FILE:LINE: "
                                   "message. Exit 1 when any file has errors.")
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                   help="files or folders to check (default: the bundled library)")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("play", help="practise a scenario in the terminal",
                       description="Play a scenario in the terminal: the customer speaks, you "
                                   "reply, each reply is scored and stored.")
    p.add_argument("scenario", metavar="SCENARIO", help="a scenario id or a scenario file")
    p.add_argument("--replies", metavar="FILE",
                   help="take replies from FILE, one a line ('-' for standard input) instead of "
                        "asking for them; the whole file is read and checked before the session "
                        "starts")
    p.add_argument("--trainee", metavar="NAME",
                   help="who is practising (default: your login name)")
    p.set_defaults(func=cmd_play)

    p = sub.add_parser("score", help="score a reply on empathy, clarity and solution",
                       description="Score a reply: empathy, clarity and solution (0-100 each) "
                                   "with the words that earned every point, and critical fails.")
    p.add_argument("text", nargs="?", metavar="TEXT", help="the reply to score")
    p.add_argument("--scenario", metavar="ID", help="also score the steps this scenario requires")
    p.add_argument("--lang", choices=("en", "zh-CN"),
                   help="the reply's language (default: detected)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--jsonl", metavar="FILE",
                   help="score a batch: one JSON object a line with 'text' (and optionally "
                        "'scenario', 'lang'); '-' reads standard input; one JSON result a line "
                        "comes out, in the same order")
    p.set_defaults(func=cmd_score)

    p = sub.add_parser("rubric", help="show or check the scoring rubric",
                       description="Print the rubric replies are scored by: every item with its "
                                   "points and reason, and the critical fails. The branch's own "
                                   "rubric.yaml in the data directory is used if it has one.")
    p.add_argument("--check", type=Path, metavar="FILE",
                   help="check a rubric file instead (every problem as FILE:LINE: message; exit 1)")
    p.add_argument("--lang", choices=("en", "zh-CN"), default="en", help="the reasons' language")
    p.add_argument("--markdown", action="store_true", help="print Markdown tables (as in docs/scoring.md)")
    p.set_defaults(func=cmd_rubric)

    p = sub.add_parser("history", help="list past practice sessions",
                       description="List past sessions, newest first, with their outcome. On HR's "
                                   "and trainers' PCs a trainer's or HR's are the central record's "
                                   "(as of the last sync), as the app's coaching view drills into it.")
    p.add_argument("--trainee", metavar="NAME", help="only this trainee's sessions")
    p.add_argument("--json", action="store_true", help="print one JSON object a line")
    p.set_defaults(func=cmd_history)

    p = sub.add_parser("export", help="export scorecards for HR (CSV, XLSX, PDF or xAPI)",
                       description="Export the sessions started in a period with automatic and "
                                   "overridden scores. CSV: one row a reply, UTF-8 with a BOM so "
                                   "Excel reads Chinese. XLSX: Summary (with level and "
                                   "certification), Sessions and Replies sheets. CSV and XLSX are "
                                   "laid out for people in --lang (column names and outcomes in "
                                   "words, scores to one decimal, local times), or with --machine "
                                   "for a learning-management system. PDF: with --trainee "
                                   "that trainee's scorecard, else a team page and every trainee's "
                                   "scorecard in one file. xAPI: a JSON array of statements, one a "
                                   "finished session, for a learning-management system. Cells a "
                                   "spreadsheet would run as formulas are neutralised.")
    p.add_argument("--format", choices=FORMATS, default=None,
                   help="the file format (default: from the --out suffix: .xlsx, .pdf, .json for "
                        "xapi, else csv)")
    p.add_argument("--from", dest="date_from", required=True, type=_date, metavar="DATE",
                   help="first day, YYYY-MM-DD (your local time)")
    p.add_argument("--to", dest="date_to", required=True, type=_date, metavar="DATE",
                   help="last day, YYYY-MM-DD, included")
    p.add_argument("--team", metavar="T", help="only this team or branch")
    p.add_argument("--trainee", metavar="NAME", help="only this trainee")
    p.add_argument("--category", choices=CATEGORIES, default=None,
                   help="only scenarios about this cause of upset")
    p.add_argument("--out", required=True, type=Path, metavar="PATH",
                   help="the file to write; replaced only once the export is complete")
    p.add_argument("--home-page", metavar="URL",
                   help="xapi only: your organisation's address, which names trainees' accounts "
                        "and scenarios in the statements; remembered for later xAPI exports (from "
                        "here and the app); needed until one is set")
    p.add_argument("--platform", metavar="NAME",
                   help="xapi only: what the statements call the platform they come from; "
                        "remembered like --home-page (default: Teller trainer and its version)")
    p.add_argument("--lang", choices=("en", "zh-CN"), default="en",
                   help="csv, xlsx and pdf: the language of column names, words and scorecards "
                        "(default: en)")
    p.add_argument("--machine", action="store_true",
                   help="csv and xlsx only: for a learning-management system or a script: "
                        "snake_case columns, codes (walked_out), full precision, UTC ISO times")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("accounts", help="lift a lock, reset a password, disable or enable an account",
                       description="unlock NAME lifts the lock that wrong passwords put on an "
                                   "account (no sign-in needed: the way back in for a locked-out "
                                   "HR administrator; the password is still needed, and the audit "
                                   "log names your login). reset-password NAME sets a new password "
                                   "(HR, signed in with --user; the new password is read from "
                                   "$TRAINER_NEW_PASSWORD, or asked for). disable NAME stops the "
                                   "account signing in (its record stays); enable NAME lets it "
                                   "again (HR). On HR's PC with a central server these reach the "
                                   "account's branch at the next sync; on a branch PC that syncs, "
                                   "the accounts the centre sent are changed on HR's PC, not here.")
    p.add_argument("action", choices=["unlock", "reset-password", "disable", "enable"], help="what to do")
    p.add_argument("name", metavar="NAME", help="the account")
    p.set_defaults(func=cmd_accounts)

    p = sub.add_parser("audit", help="check the audit log's hash chain",
                       description="verify: check that every entry of the audit log is still as it "
                                   "was written (numbered densely, each chained to the one before by "
                                   "its SHA-256) and print the chain head. Exit 1 when it is broken. "
                                   "Needs no sign-in: it shows nobody's data.")
    p.add_argument("action", choices=["verify"], help="what to do")
    p.set_defaults(func=cmd_audit)
    add_progress_parsers(sub)
    add_assign_parser(sub)
    add_sync_parsers(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = TerminalSafe(stdout), TerminalSafe(stderr)
    try:
        return _run(parser, args)
    finally:
        sys.stdout, sys.stderr = stdout, stderr


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    try:
        _check_text(parser, args)
        return int(args.func(args))
    except UserError as exc:
        print(f"trainer: {exc.sentence}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except sqlite3.Error as exc:  # a read met a damaged page (a write says so itself)
        print(f"trainer: {database_failure(exc, settings(args).db_path).sentence}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("\ntrainer: stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


#: Arguments that name files: any bytes the file system allows (a Linux file name need not be UTF-8).
_FILE_METAVARS = ("PATH", "FILE", "SCENARIO")


def _check_text(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Refuse an argument that is not UTF-8 text (Python hands its bytes over as lone surrogates,
    which neither the database nor the terminal takes): a name, a reply, a team."""
    for name, value in _text_arguments(parser, args):
        for text in value if isinstance(value, list) else [value]:
            byte = not_utf8(text) if isinstance(text, str) else None
            if byte is not None:
                raise CommandError("{name} is not UTF-8 text (it has the byte {byte}); check your "
                                   "terminal's encoding.", name=name, byte=byte)


def _text_arguments(parser: argparse.ArgumentParser,
                    args: argparse.Namespace) -> Iterator[tuple[str, object]]:
    """(how the help names it, its value) for every argument of the command but file names."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            chosen = action.choices.get(str(getattr(args, action.dest, "")))
            if chosen is not None:
                yield from _text_arguments(chosen, args)
        elif action.metavar not in _FILE_METAVARS and hasattr(args, action.dest):
            shown = action.option_strings[0] if action.option_strings else str(action.metavar or action.dest)
            yield shown, getattr(args, action.dest)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-28") from None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
