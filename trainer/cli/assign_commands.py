"""``trainer assign``: trainers' assignments from the command line, through the same service as
the app (``trainer.app.assignments``)."""

from __future__ import annotations

import argparse
from datetime import date

from trainer.cli.common import EXIT_OK, CommandError, login_name, open_app, signed_in
from trainer.domain.assignments import DEFAULT_PASS_MARK, Status

STATUS_WORDS: dict[Status, str] = {"not_started": "not started", "in_progress": "in progress",
                                   "passed": "passed", "overdue": "overdue"}


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "assign", help="assign a situation to practise, and see who has done it",
        description="add SITUATION --due DATE (--trainee NAME | --team T) [--pass-mark N]: a "
                    "trainer assigns a situation (played in either language) with a due date and "
                    f"a pass mark (the overall score to reach; default {DEFAULT_PASS_MARK}). list "
                    "[--team T]: every assignment with each trainee's status (not started, in "
                    "progress, passed, overdue). mine: what is assigned to you (a trainee). "
                    "withdraw ID: take one back. situations: the situation ids to assign.")
    p.add_argument("action", choices=["add", "list", "mine", "withdraw", "situations"])
    p.add_argument("what", nargs="?", metavar="SITUATION_OR_ID",
                   help="add: the situation id; withdraw: the assignment number")
    p.add_argument("--due", type=date.fromisoformat, metavar="DATE", help="add: the due day, YYYY-MM-DD")
    p.add_argument("--trainee", metavar="NAME", help="add: the trainee")
    p.add_argument("--team", metavar="T", help="add: everyone in this team; list: only this team")
    p.add_argument("--pass-mark", type=int, default=DEFAULT_PASS_MARK, metavar="N",
                   help=f"add: the overall score that passes, 0-100 (default {DEFAULT_PASS_MARK})")
    p.set_defaults(func=cmd_assign)


def cmd_assign(args: argparse.Namespace) -> int:
    app = open_app(args)
    who = signed_in(app, args)
    service = app.assignments
    if args.action == "situations":
        for situation, scenarios in service.situations().items():
            print(f"{situation:32} " + "  ".join(f"{s.language}: {s.title}" for s in scenarios))
        return EXIT_OK
    if args.action == "add":
        if not args.what or args.due is None:
            raise CommandError("add needs SITUATION and --due DATE")
        made = service.assign(args.what, args.due, args.pass_mark, trainee=args.trainee, team=args.team,
                              login=login_name())
        print(f"Assignment {made.id}: {made.situation} for {args.trainee or 'team ' + str(args.team)}, "
              f"due {made.due.isoformat()}, pass mark {made.pass_mark}.")
        return EXIT_OK
    if args.action == "withdraw":
        if not args.what or not args.what.isdigit():
            raise CommandError("withdraw needs the assignment's number (see trainer assign list)")
        service.withdraw(int(args.what), login_name())
        print(f"Assignment {args.what} was withdrawn.")
        return EXIT_OK
    if args.action == "mine":
        if who is None or who.trainee_id is None:
            raise CommandError("mine is for a trainee: sign in with --user")
        items = service.for_trainee(who.trainee_id)
        for item in items:
            a, p = item.assignment, item.progress
            best = f", best {p.best:.0f}" if p.best is not None else ""
            print(f"{a.situation:32} due {a.due.isoformat()}  pass {a.pass_mark}  "
                  f"{STATUS_WORDS[p.status]}{' (late)' if p.late else ''}{best}")
        print(f"{len(items)} assignment{'s' if len(items) != 1 else ''}.")
        return EXIT_OK
    rows = service.completion(args.team)
    for c in rows:
        a = c.assignment
        whom = f"team {a.team}" if a.trainee_id is None else c.trainees[0][0] if c.trainees else "?"
        print(f"#{a.id} {a.situation} for {whom}, due {a.due.isoformat()}, pass {a.pass_mark}: "
              + ", ".join(f"{c.count(s)} {STATUS_WORDS[s]}" for s in STATUS_WORDS))
        for name, p in c.trainees:
            print(f"    {name:24} {STATUS_WORDS[p.status]}{' (late)' if p.late else ''}")
    print(f"{len(rows)} assignment{'s' if len(rows) != 1 else ''}.")
    return EXIT_OK
