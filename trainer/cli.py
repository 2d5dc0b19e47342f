"""The ``trainer`` command: list, validate and play scenarios, export scorecards.

Exit status: 0 success, 1 validation found errors, 2 bad input (unknown scenario, unreadable
scenario or database). Errors are one sentence on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import sqlite3
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TextIO

from trainer import __version__
from trainer.access_service import AccessService
from trainer.app.scoring import scorer_for
from trainer.domain.dialogue import Exchange
from trainer.domain.incentives import IncentiveRules
from trainer.domain.practice import Practice
from trainer.domain.scenario import CATEGORIES, Scenario
from trainer.domain.score import ReplyScore
from trainer.domain.scoring import EmptyReply, RubricScorer
from trainer.domain.scoring.rubric import Rubric
from trainer.export.atomic import ExportError
from trainer.export.run import FORMATS, ExportRequest, format_for, run_export
from trainer.export.selection import ExportFilter
from trainer.export.xapi_export import DEFAULT_HOME_PAGE
from trainer.library.catalog import bundled_scenarios_dir, load_catalog
from trainer.library.incentive_rules import active_rules
from trainer.library.loader import ScenarioError, load_scenario_file, scenario_files
from trainer.library.rubric_docs import markdown_tables, plain_rubric
from trainer.library.rubric_files import active_rubric, load_rubric
from trainer.storage.database import StorageError, data_dir, default_db_path, open_database, plain_reason
from trainer.storage.repository import Repository, local_minute

EXIT_OK, EXIT_INVALID, EXIT_BAD_INPUT = 0, 1, 2


class UserError(Exception):
    """A problem the user can fix; printed as one sentence, exit status 2."""


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
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("scenarios", help="list the scenario library",
                       description="List the bundled scenarios: id, language, category, "
                                   "difficulty and title.")
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
                        "asking for them")
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
                       description="List past sessions, newest first, with their outcome.")
    p.add_argument("--trainee", metavar="NAME", help="only this trainee's sessions")
    p.add_argument("--json", action="store_true", help="print one JSON object a line")
    p.set_defaults(func=cmd_history)

    p = sub.add_parser("export", help="export scorecards for HR (CSV, XLSX, PDF or xAPI)",
                       description="Export the sessions started in a period with automatic and "
                                   "overridden scores. CSV: one row a reply, UTF-8 with a BOM so "
                                   "Excel reads Chinese. XLSX: Summary (with level and "
                                   "certification), Sessions and Replies sheets. PDF: with --trainee "
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
    p.add_argument("--home-page", default=DEFAULT_HOME_PAGE, metavar="URL",
                   help="xapi only: your organisation's address, which names trainees' accounts "
                        f"and scenarios in the statements (default: {DEFAULT_HOME_PAGE})")
    p.add_argument("--lang", choices=("en", "zh-CN"), default="en",
                   help="pdf only: the scorecards' language (default: en)")
    p.set_defaults(func=cmd_export)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except (UserError, StorageError) as exc:
        print(f"trainer: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("\ntrainer: stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


# -- commands --------------------------------------------------------------------------------------

def cmd_scenarios(args: argparse.Namespace) -> int:
    catalog = load_catalog()
    for report in catalog.reports:
        print(report, file=sys.stderr)
    for s in catalog:
        if args.json:
            print(json.dumps({"id": s.id, "title": s.title, "language": s.language,
                              "category": s.category, "difficulty": s.difficulty},
                             ensure_ascii=False))
        else:
            print(f"{s.id:32} {s.language:6} {s.category:16} {s.difficulty}  {s.title}")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    paths = args.paths or [bundled_scenarios_dir()]
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise UserError(f"{missing[0]} does not exist.")
    files = scenario_files(paths)
    errors = warnings = 0
    seen: dict[str, Path] = {}
    for path in files:
        try:
            loaded = load_scenario_file(path)
        except ScenarioError as exc:
            for report in exc.reports:
                print(report)
                errors += report.is_error
                warnings += not report.is_error
            continue
        for report in loaded.warnings:
            print(report)
            warnings += 1
        sid = loaded.scenario.id
        if sid in seen:
            print(f"{path}: id '{sid}' is already used by {seen[sid]}")
            errors += 1
        seen[sid] = path
    print(f"{len(files)} file{'s' if len(files) != 1 else ''} checked: "
          f"{errors} error{'s' if errors != 1 else ''}, "
          f"{warnings} warning{'s' if warnings != 1 else ''}.")
    return EXIT_INVALID if errors else EXIT_OK


def cmd_play(args: argparse.Namespace) -> int:
    scenario = _find_scenario(args.scenario)
    name = (args.trainee or _login_name()).strip()
    if not name:
        raise UserError("--trainee needs a name.")
    replies = _reply_source(args.replies, scenario)  # a bad replies file stops us before we start
    repo = _open_repository(args.db)
    trainee_id = repo.trainee(name)
    scorer = _scorer()
    practice = Practice(scenario, scorer, repo, trainee_id)
    out = sys.stdout
    _print_opening(scenario, practice.session_id, out)
    try:
        while not practice.finished:
            turn = practice.dialogue.current
            assert turn is not None
            print(f"\nCustomer (mood {practice.dialogue.mood}): {turn.customer}", file=out)
            reply = next(replies, None)
            if reply is None:
                print("\nSession stopped before an ending; the turns so far are saved.", file=out)
                return EXIT_OK
            try:
                exchange = practice.reply(reply)
            except EmptyReply:
                continue
            _print_exchange(exchange, scorer.rubric, out)
    finally:
        if not practice.finished:  # stopped by the user or by an error: saved as stopped
            with contextlib.suppress(StorageError):
                practice.stop()
    _print_ending(practice, out)
    return EXIT_OK


def cmd_score(args: argparse.Namespace) -> int:
    if (args.text is None) == (args.jsonl is None):
        raise UserError("give either TEXT or --jsonl FILE.")
    scorer = _scorer()
    if args.jsonl is not None:
        return _score_batch(scorer, args.jsonl)
    scenario = _catalog_scenario(args.scenario) if args.scenario else None
    try:
        result = scorer.score(args.text, scenario=scenario, language=args.lang)
    except EmptyReply:
        raise UserError("the reply is empty; there is nothing to score.") from None
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False))
    else:
        _print_score(result, scorer.rubric, sys.stdout)
    return EXIT_OK


def _score_batch(scorer: RubricScorer, source: str) -> int:
    """Score every line before printing any, so a bad line never leaves half the output."""
    handle = sys.stdin if source == "-" else _open_text(source)
    catalog = None
    results: list[str] = []
    with handle:
        for number, line in _numbered_lines(handle, source):
            where = f"{'standard input' if source == '-' else source}:{number}"
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise UserError(f"{where}: not a JSON object ({exc.msg}).") from None
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                raise UserError(f"{where}: each line needs a \"text\" string.")
            lang = row.get("lang")
            if lang is not None and lang not in ("en", "zh-CN"):
                raise UserError(f"{where}: lang must be \"en\" or \"zh-CN\" (got {lang!r}).")
            scenario = None
            if row.get("scenario") is not None:
                catalog = catalog or load_catalog()
                scenario = catalog.get(str(row["scenario"]))
                if scenario is None:
                    raise UserError(f"{where}: there is no scenario with id '{row['scenario']}'.")
            try:
                result = scorer.score(row["text"], scenario=scenario, language=lang)
            except EmptyReply:
                raise UserError(f"{where}: the text is empty.") from None
            results.append(json.dumps(result.to_dict(), ensure_ascii=False))
    for line in results:
        print(line)
    return EXIT_OK


def _numbered_lines(handle: TextIO, source: str) -> Iterator[tuple[int, str]]:
    number = 0
    try:
        for number, line in enumerate(handle, 1):
            yield number, line
    except UnicodeDecodeError:
        raise UserError(f"{source}:{number + 1}: the file is not UTF-8 text.") from None


def _open_text(path: str) -> TextIO:
    try:
        return open(path, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror}.") from None


def _catalog_scenario(scenario_id: str) -> Scenario:
    scenario = load_catalog().get(scenario_id)
    if scenario is None:
        raise UserError(f"there is no scenario with id '{scenario_id}'; "
                        "'trainer scenarios' lists them.")
    return scenario


def _print_score(s: ReplyScore, rubric: Rubric, out: TextIO) -> None:
    print(f"empathy {s.empathy}  clarity {s.clarity}  solution {s.solution}  "
          f"overall {s.overall}  ({s.language})", file=out)
    for dimension in ("empathy", "clarity", "solution"):
        print(f"\n{dimension}:", file=out)
        scaling = next((x for x in s.scaling if x.dimension == dimension), None)
        if scaling is not None and scaling.steps_share:
            print(f"  (scenario steps are worth {scaling.steps_share} points; the other items count "
                  f"×{scaling.factor:g})", file=out)
        for i in (i for i in s.items if i.dimension == dimension):
            name = _item_name(i.item, rubric)
            if i.met:
                print(f"  {i.points:+4d}  {name}: “{i.text}” — {i.why}", file=out)
            elif i.carried:
                print(f"     ✓  {name} (done in an earlier reply)", file=out)
            elif i.text:
                print(f"     -  {name} (missed; e.g. “{i.text}”)", file=out)
    for c in s.critical:
        print(f"\nCRITICAL {_item_name(c.item, rubric)}: “{c.text}” — {c.why}", file=out)


def _item_name(item_id: str, rubric: Rubric) -> str:
    if item_id.startswith("step:"):
        return f"scenario step {item_id[5:]}"
    return rubric.display_name(item_id, "en")


def cmd_rubric(args: argparse.Namespace) -> int:
    try:
        rubric, source = (load_rubric(args.check), args.check) if args.check else active_rubric(data_dir())
    except ScenarioError as exc:
        for report in exc.reports:
            print(report)
        return EXIT_INVALID
    if args.check:
        print(f"{source}: no problems.")
        return EXIT_OK
    print(markdown_tables(rubric, args.lang) if args.markdown else plain_rubric(rubric, args.lang))
    return EXIT_OK


def cmd_history(args: argparse.Namespace) -> int:
    repo = _open_repository(args.db)
    trainee_id = None
    if args.trainee:
        match = [t for t in repo.trainees() if t["name"] == args.trainee]
        if not match:
            raise UserError(f"there is no trainee called '{args.trainee}'.")
        trainee_id = match[0]["id"]
    names = {t["id"]: t["name"] for t in repo.trainees()}
    counts = repo.turn_counts()
    for s in repo.sessions(trainee_id):
        turns = counts.get(s["id"], 0)
        if args.json:
            print(json.dumps({**s, "trainee": names.get(s["trainee_id"]), "turns": turns},
                             ensure_ascii=False))
        else:
            result = s["outcome"] or s["status"]
            print(f"{s['id']:>5}  {local_minute(s['started_at'])}  "
                  f"{names.get(s['trainee_id'], '?'):16} {s['scenario_id']:32} "
                  f"{turns:>2} turns  {result}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    if args.date_to < args.date_from:
        raise UserError(f"--to ({args.date_to}) is before --from ({args.date_from}).")
    if not args.home_page.startswith(("https://", "http://")):
        raise UserError(f"--home-page must be a web address starting with https:// "
                        f"(got '{args.home_page}').")
    repo = _open_repository(args.db)
    selection = ExportFilter(args.date_from, args.date_to, args.team, args.trainee, args.category)
    request = ExportRequest(format_for(args.out, args.format), args.out, selection, args.lang,
                            args.home_page)
    try:
        result = run_export(repo.db, request, _incentive_rules(), on_progress=None)
    except ExportError as exc:
        raise UserError(str(exc)) from None
    except sqlite3.Error as exc:
        reason = plain_reason(exc)
        raise UserError(f"cannot read the practice data: {reason}; {args.out} was not changed.") from None
    AccessService(repo).record_command_line(_login_name(), "exported", result.detail(request))
    n = result.counts
    print({
        "csv": lambda: f"{n.get('replies')} replies exported to {args.out}.",
        "xlsx": lambda: (f"{n.get('trainees')} trainees, {n.get('sessions')} sessions and "
                         f"{n.get('replies')} replies exported to {args.out}."),
        "xapi": lambda: f"{n.get('sessions')} sessions exported to {args.out} as xAPI statements.",
        "pdf": lambda: (f"The scorecard was written to {args.out}." if n.get("scorecards") == 1
                        else f"{n.get('scorecards')} scorecards written to {args.out}."),
    }[result.kind]())
    return EXIT_OK


def _scorer() -> RubricScorer:
    """The scorer with the branch's own rubric if it has one (as the app uses)."""
    try:
        return scorer_for(data_dir())
    except ScenarioError as exc:
        raise UserError(str(exc.reports[0])) from None


def _incentive_rules() -> IncentiveRules:
    """The branch's own rules if it has them (as the app uses), else the bundled ones."""
    try:
        return active_rules(data_dir())[0]
    except ScenarioError as exc:
        raise UserError(str(exc.reports[0])) from None


# -- helpers -----------------------------------------------------------------------------------------

def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-28") from None


def _find_scenario(ref: str) -> Scenario:
    path = Path(ref)
    if path.suffix in (".yaml", ".yml") or path.is_file():
        try:
            return load_scenario_file(path).scenario
        except ScenarioError as exc:
            raise UserError(f"{exc.reports[0]}") from None
    return _catalog_scenario(ref)


def _open_repository(db_path: Path | None) -> Repository:
    repo = Repository(open_database(db_path or default_db_path()))
    repo.mark_interrupted_sessions()
    return repo


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "Trainee"


def _reply_source(replies: str | None, scenario: Scenario) -> Iterator[str]:
    if replies is None and sys.stdin.isatty():
        return _ask(scenario)
    if replies in (None, "-"):
        return _lines(sys.stdin)
    try:
        handle = open(replies, encoding="utf-8")  # noqa: SIM115 - closed by _lines
    except OSError as exc:
        raise UserError(f"cannot read the replies file {replies}: {exc.strerror}.") from None
    return _lines(handle, close=True)


def _lines(handle: TextIO, close: bool = False) -> Iterator[str]:
    try:
        for line in handle:
            if line.strip():
                yield line.strip()
    except UnicodeDecodeError:
        raise UserError("the replies are not UTF-8 text.") from None
    finally:
        if close:
            handle.close()


def _ask(scenario: Scenario) -> Iterator[str]:
    hint = "（输入回复；/quit 结束）" if scenario.language == "zh-CN" else "(type your reply; /quit ends)"
    print(hint)
    while True:
        try:
            line = input("You: ").strip()
        except EOFError:
            return
        if line in ("/quit", "/q"):
            return
        if line:
            yield line


def _print_opening(scenario: Scenario, session_id: int, out: TextIO) -> None:
    p = scenario.persona
    print(f"{scenario.title}  [{scenario.id}: {scenario.language}, {scenario.category}, "
          f"difficulty {scenario.difficulty}; session {session_id}]", file=out)
    print(f"Customer: {p.name}, {p.age}. Starting mood {p.mood}/100 (100 = furious).", file=out)
    print(f"Briefing: {scenario.briefing}", file=out)
    print("Steps to take: " + "; ".join(s.description for s in scenario.steps), file=out)


def _print_exchange(exchange: Exchange, rubric: Rubric, out: TextIO) -> None:
    s = exchange.score
    print(f"You: {exchange.reply}", file=out)
    print(f"  Scores: empathy {s.empathy}, clarity {s.clarity}, solution {s.solution} "
          f"(overall {s.overall})", file=out)
    earned = [f"{_item_name(i.item, rubric)} “{i.text}” ({i.points:+d})" for i in s.items if i.met]
    if earned:
        print("  Evidence: " + "; ".join(earned), file=out)
    for c in s.critical:
        print(f"  CRITICAL: “{c.text}”: {c.why}", file=out)
    if exchange.new_steps:
        print("  Steps taken: " + ", ".join(sorted(exchange.new_steps)), file=out)
    m = exchange.mood
    why = f" ({'; '.join(m.reasons)})" if m.reasons else ""
    print(f"  Mood: {m.before} -> {m.after}{why}", file=out, flush=True)


def _print_ending(practice: Practice, out: TextIO) -> None:
    d = practice.dialogue
    ending = d.ending
    assert ending is not None
    print(f"\nCustomer: {ending.customer}", file=out)
    limit = " (turn limit reached)" if d.turn_limit_reached else ""
    print(f"Ending: {ending.outcome}{limit}; final mood {d.mood}.", file=out)
    if ending.debrief:
        print(f"Debrief: {ending.debrief}", file=out)
    print(f"Session {practice.session_id} saved.", file=out, flush=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
