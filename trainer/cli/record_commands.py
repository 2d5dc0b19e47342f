"""``trainer history`` and ``trainer export``: the practice record, read with the same rights as
in the app (a trainee sees their own sessions; exporting needs the export right)."""

from __future__ import annotations

import argparse
import json
import sqlite3

from trainer.cli.common import EXIT_OK, CommandError, login_name, open_app, signed_in
from trainer.cli.progress_commands import say_as_of
from trainer.domain.wording import outcome_words, plural
from trainer.export.atomic import ExportError
from trainer.export.run import ExportRequest, format_for
from trainer.export.selection import ExportFilter
from trainer.storage.errors import database_failure
from trainer.storage.repository import local_minute


def cmd_history(args: argparse.Namespace) -> int:
    app = open_app(args)
    signed_in(app, args)
    sessions = app.progress.history_for(args.trainee)
    say_as_of(app)  # a reviewer's on HR's and trainers' PCs: the central record's
    for s in sessions:
        if args.json:
            print(json.dumps(s, ensure_ascii=False))
        else:
            result = outcome_words(s["outcome"] or s["status"])
            turns = "turn " if s["turns"] == 1 else "turns"  # (the column stays aligned)
            print(f"{s['id']:>5}  {local_minute(s['started_at'])}  {s['trainee']:16} "
                  f"{s['scenario_id']:32} {s['turns']:>2} {turns}  {result}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    if args.date_to < args.date_from:
        raise CommandError("--to ({to}) is before --from ({start}).", to=args.date_to, start=args.date_from)
    if args.home_page is not None and not args.home_page.startswith(("https://", "http://")):
        raise CommandError("--home-page must be a web address starting with https:// (got '{got}').",
                           got=args.home_page)
    if args.platform is not None and not args.platform.strip():
        raise CommandError("--platform needs a name.")
    kind = format_for(args.out, args.format)
    if args.machine and kind not in ("csv", "xlsx"):
        raise CommandError("--machine is for CSV and XLSX exports; {kind} has one layout.",
                           kind="xAPI" if kind == "xapi" else kind.upper())
    app = open_app(args)
    signed_in(app, args)
    selection = ExportFilter(args.date_from, args.date_to, args.team, args.trainee, args.category)
    request = ExportRequest(kind, args.out, selection, args.lang, args.machine, args.home_page, args.platform)
    try:
        result = app.reports.export(request, login=login_name())
    except ExportError as exc:
        raise CommandError(str(exc)) from None
    except sqlite3.Error as exc:  # a damaged page, met part-way through
        failure = database_failure(exc, app.settings.db_path).sentence.rstrip(".")
        raise CommandError("{failure} ({out} was not changed).", failure=failure, out=args.out) from None
    n = result.counts
    print({
        "csv": lambda: f"{plural(n['replies'], 'reply', 'replies')} exported to {args.out}.",
        "xlsx": lambda: (f"{plural(n['trainees'], 'trainee')}, {plural(n['sessions'], 'session')} and "
                         f"{plural(n['replies'], 'reply', 'replies')} exported to {args.out}."),
        "xapi": lambda: f"{plural(n['sessions'], 'session')} exported to {args.out} as xAPI statements.",
        "pdf": lambda: (f"The scorecard was written to {args.out}." if n["scorecards"] == 1
                        else f"{n['scorecards']} scorecards written to {args.out}."),
    }[result.kind]())
    if result.chain_head:
        print(f"Audit log chain head: {result.chain_head}.")
    return EXIT_OK
