"""``trainer leaderboard`` and ``trainer coaching``: the app's leaderboard and coaching view, through
the same service and rights (``trainer.app.progress``). On HR's and trainers' PCs a reviewer's
read the central record, as of the last sync, as in the app; ``trainer history`` then lists its
sessions (``record_commands``)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime

from trainer.app.context import App
from trainer.app.views import Scope
from trainer.cli.common import EXIT_OK, open_app, signed_in


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "leaderboard", help="trainees ranked by points (a team, branch or region, or everyone)",
        description="Trainees ranked by points in the period, as the app's leaderboard ranks them. "
                    "On HR's and trainers' PCs (a server set up with an HR or trainer login) a "
                    "trainer's or HR's is of the central record as of the last sync: every team "
                    "they may see, or one team, branch or region.")
    p.add_argument("--period", choices=("week", "month", "all"), default="week",
                   help="this week (default), this month or all time")
    _scope_options(p)
    p.add_argument("--json", action="store_true", help="print one JSON object a line")
    p.set_defaults(func=cmd_leaderboard)

    p = sub.add_parser(
        "coaching", help="trainees who need a trainer's attention (the coaching view)",
        description="Who needs attention (low or falling scores, repeated critical fails, no "
                    "recent practice), most reasons first, as the app's coaching view shows them; "
                    "on HR's and trainers' PCs, of the central record as of the last sync.")
    _scope_options(p)
    p.add_argument("--json", action="store_true", help="print one JSON object a line")
    p.set_defaults(func=cmd_coaching)


def _scope_options(p: argparse.ArgumentParser) -> None:
    which = p.add_mutually_exclusive_group()
    which.add_argument("--team", metavar="T", help="only this team (on HR's PC: 'north · Team A')")
    which.add_argument("--branch", metavar="B", help="the central record: only this branch")
    which.add_argument("--region", metavar="R", help="the central record: only this region's branches")


def _scope(args: argparse.Namespace) -> Scope | None:
    for kind in ("team", "branch", "region"):
        if getattr(args, kind):
            return Scope(kind, getattr(args, kind))
    return None


def say_as_of(app: App) -> None:
    """On standard error, when what follows is the central record's: as of when."""
    stamp = app.progress.record_as_of()
    if stamp is not None:
        when = datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M") if stamp else None
        print("trainer: " + (f"the central server's record, as of the last sync ({when})." if when else
                             "the central server's record, never synced yet (run trainer sync)."),
              file=sys.stderr)


def cmd_leaderboard(args: argparse.Namespace) -> int:
    app = open_app(args)
    signed_in(app, args)
    rows = app.progress.leaderboard(_scope(args), args.period)
    say_as_of(app)
    for r in rows:
        if args.json:
            print(json.dumps({"rank": r.rank, "trainee": r.name, "team": r.team, "points": r.points,
                              "sessions": r.sessions}, ensure_ascii=False))
        else:
            print(f"{r.rank:>4}  {r.name:24} {r.team:24} {r.points:>6} points {r.sessions:>4} sessions")
    return EXIT_OK


def cmd_coaching(args: argparse.Namespace) -> int:
    app = open_app(args)
    signed_in(app, args)
    rows = app.progress.coaching(_scope(args))
    say_as_of(app)
    for r in rows:
        if args.json:
            print(json.dumps({"trainee": r.name, "team": r.team, "reasons": list(r.reasons),
                              "detail": r.detail}, ensure_ascii=False))
        else:
            print(f"{r.name:24} {r.team:24} " + "; ".join(reason(c, r.detail) for c in r.reasons))
    if not rows and not args.json:
        print("Nobody needs attention right now.")
    return EXIT_OK


def reason(code: str, detail: dict[str, float]) -> str:
    """A reason for attention in words, as the coaching view gives it."""
    if code == "low_scores":
        return f"low scores (recent average {detail.get('recent_average', 0):g})"
    if code == "falling_scores":
        return f"falling scores (down {detail.get('drop', 0):g} points)"
    if code == "critical_fails":
        return f"repeated critical fails ({int(detail.get('critical_fails', 0))})"
    days = int(detail.get("days_idle", -1))
    return "no practice yet" if days < 0 else f"no practice for {days} days"
