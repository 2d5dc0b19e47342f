"""``trainer sync`` (a branch PC and its central server) and ``trainer server`` (the server's
administrator): the command-line faces of ``trainer.app.sync``.

Connection strings carry passwords, so they are read from ``$TRAINER_SERVER_DSN`` when ``--dsn``
is not given (a command line is visible to other users of the PC; the environment is not).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from trainer.cli.common import EXIT_INVALID, EXIT_OK, CommandError, login_name, open_app, signed_in

DSN_VARIABLE = "TRAINER_SERVER_DSN"


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "sync", help="sync this PC with the central server",
        description="run (the default): on a branch PC, push the sessions, replies, overrides, "
                    "coaching notes and audit entries this PC has not yet sent, and pull what the "
                    "centre owns (its overrides, assignments, this branch's accounts, the newest "
                    "incentive rules, new scenario packs); on HR's or a trainer's PC, pull the "
                    "central record and send assignments (and, HR, the accounts made or changed "
                    "here, each to the branch its team names: 'north · Team A'); prints what moved. "
                    "A round cut short (offline, killed) is simply run again: nothing is doubled. "
                    "status: the last successful sync and what is waiting. setup --dsn DSN "
                    "[--branch ID]: point this PC at a server with the login its administrator gave "
                    "you, a branch's with --branch, HR's or a trainer's without (HR; checked by "
                    "connecting first; stored owner-only in sync.json in the data directory, never "
                    "in the database). forget: stop syncing (HR). resend: send everything of this "
                    "PC's again, after the server was restored from an older backup (HR; nothing is "
                    "doubled). publish rules FILE, publish pack FILE: on HR's PC, check an "
                    "incentives.yaml or a scenario pack (.zip) as the app reads it and publish it "
                    "for every branch, which takes it at its next round (HR; a file with a problem "
                    "is refused and nothing is sent).")
    p.add_argument("action", nargs="?", default="run",
                   choices=["run", "status", "setup", "forget", "resend", "publish"],
                   help="what to do (default: run)")
    p.add_argument("what", nargs="?", choices=["rules", "pack"], help="publish: what FILE is")
    p.add_argument("file", nargs="?", type=Path, metavar="FILE",
                   help="publish: the incentives.yaml or the scenario pack (.zip)")
    p.add_argument("--dsn", metavar="DSN",
                   help=f"setup: the server's connection string (default: ${DSN_VARIABLE})")
    p.add_argument("--branch", metavar="ID", help="setup: this PC's branch id on the server")
    p.set_defaults(func=cmd_sync)

    p = sub.add_parser(
        "server", help="set up and check the central PostgreSQL server",
        description="For the server's administrator, with its connection string in --dsn or "
                    f"${DSN_VARIABLE}. init: create or upgrade the schema, roles and row-level "
                    "security. add-login KIND NAME: a login for a branch PC (KIND branch, NAME the "
                    "branch id, --region), a trainer (KIND coach, --team for each team coached) or "
                    "HR (KIND hr); prints its connection string once. rescore: re-score every "
                    "synced reply with this program's scorer and flag those whose stored scores "
                    "differ; check each branch's audit chain (exit 1 when anything is flagged). "
                    "report: per branch and for the bank, from the central record as the login "
                    "may see it. flagged: the replies whose stored scores differ.")
    p.add_argument("action", choices=["init", "add-login", "rescore", "report", "flagged"])
    p.add_argument("kind", nargs="?", choices=["branch", "coach", "hr"], help="add-login: what for")
    p.add_argument("name", nargs="?", metavar="NAME", help="add-login: the branch id or login name")
    p.add_argument("--dsn", metavar="DSN", help=f"the connection string (default: ${DSN_VARIABLE})")
    p.add_argument("--region", default="", metavar="R", help="add-login branch: its region")
    p.add_argument("--team", action="append", default=[], metavar="T",
                   help="add-login coach: a team the trainer coaches (repeat for more)")
    p.add_argument("--since", metavar="DATE", help="report: sessions started on or after this day")
    p.set_defaults(func=cmd_server)


def _dsn(args: argparse.Namespace) -> str:
    dsn = args.dsn or os.environ.get(DSN_VARIABLE)
    if not dsn:
        raise CommandError(f"no server: give --dsn or set ${DSN_VARIABLE}")
    return str(dsn)


def cmd_sync(args: argparse.Namespace) -> int:
    app = open_app(args)
    signed_in(app, args)
    if args.action == "status":
        status = app.sync.status()
        if not status["configured"]:
            print("No central server is configured: this PC works on its own.")
        print(f"Last successful sync: {status['last_sync'] or 'never'}.")
        waiting = status["waiting"]
        print("Waiting: " + (", ".join(f"{n} {k}" for k, n in waiting.items() if n) or "nothing") + ".")
        return EXIT_OK
    if args.action == "setup":
        app.sync.configure(_dsn(args), args.branch or "", login_name())
        config = app.sync.config()
        kind = config.kind if config else "branch"
        print(f"This PC now syncs as branch {args.branch}." if kind == "branch" else
              f"This PC now syncs with {'an HR' if kind == 'hr' else 'a trainer' + chr(39) + 's'} login: it "
              "pulls the central record.")
        return EXIT_OK
    if args.action == "publish":
        if not args.what or not args.file:
            raise CommandError("publish needs what (rules or pack) and FILE")
        if args.what == "rules":
            version = app.sync.publish_rules(args.file, login_name())
            print(f"Published {args.file} as the incentive rules, version {version}: each branch takes "
                  "them at its next sync.")
        else:
            name, version, ids = app.sync.publish_pack(args.file, login_name())
            print(f"Published the scenario pack {name}, version {version} ({', '.join(ids)}): each "
                  "branch installs it at its next sync.")
        return EXIT_OK
    if args.action == "forget":
        app.sync.forget(login_name())
        print("This PC no longer syncs; its own records stay.")
        return EXIT_OK
    report = app.sync.resend_all(login_name()) if args.action == "resend" else app.sync.run_round()
    for line in report.lines():
        print(line)
    return EXIT_OK


def cmd_server(args: argparse.Namespace) -> int:
    app = open_app(args, with_scorer=args.action == "rescore")
    signed_in(app, args)
    dsn = _dsn(args)
    if args.action == "init":
        before, after = app.server.init(dsn)
        print(f"The server's schema is at version {after}" + (f" (was {before})." if before != after else
                                                              " (already up to date)."))
        return EXIT_OK
    if args.action == "add-login":
        if not args.kind or not args.name:
            raise CommandError("add-login needs KIND (branch, coach or hr) and NAME")
        cred = app.server.add_login(dsn, args.kind, args.name, region=args.region, teams=args.team)
        print(f"Login {cred.role} is ready. Its connection string (shown once; keep it secret):")
        print(cred.dsn)
        return EXIT_OK
    if args.action == "rescore":
        report = app.server.rescore(dsn)
        print(f"Re-scored {report.replies} replies in {report.sessions} sessions: {report.differing} "
              f"differ from what the branch stored; {report.skipped} could not be re-scored here.")
        for branch, chain in sorted(report.broken_chains.items()):
            print(f"Branch {branch}: {chain.sentence()}")
        return EXIT_INVALID if report.differing or report.broken_chains else EXIT_OK
    if args.action == "flagged":
        rows = app.server.flagged(dsn)
        for r in rows:
            print(f"{r['branch_id']}  session {r['session_uuid']} reply {r['idx'] + 1}: stored "
                  f"{r['stored']}, re-scored {r['rescored']}  “{r['reply'][:60]}”")
        print(f"{len(rows)} repl{'ies' if len(rows) != 1 else 'y'} flagged.")
        return EXIT_INVALID if rows else EXIT_OK
    totals = app.server.report(dsn, args.since)
    print(f"{'branch':16} {'region':10} {'trainees':>8} {'sessions':>8} {'replies':>8} {'resolved':>8} "
          f"{'overall':>7} {'points':>8}")
    for t in [*totals.branches, totals.bank]:
        overall = f"{t.avg_overall:.1f}" if t.avg_overall is not None else "-"
        print(f"{t.branch_id:16} {t.region:10} {t.trainees:>8} {t.sessions:>8} {t.turns:>8} "
              f"{t.resolved:>8} {overall:>7} {t.points:>8}")
    return EXIT_OK
