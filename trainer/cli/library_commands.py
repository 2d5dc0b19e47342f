"""``trainer scenarios``, ``validate`` and ``rubric``: the library and the rubric, read and checked."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from trainer.app.context import App
from trainer.cli.common import EXIT_INVALID, EXIT_OK, CommandError, settings
from trainer.library.catalog import bundled_scenarios_dir
from trainer.library.loader import ScenarioError, load_scenario_file, scenario_files
from trainer.library.rubric_docs import markdown_tables, plain_rubric
from trainer.library.rubric_files import active_rubric, load_rubric


def cmd_scenarios(args: argparse.Namespace) -> int:
    app = App(settings(args))
    app.reload_catalog()  # the bundled library and trainers' scenarios, as the app shows them
    catalog = app.catalog
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
        raise CommandError("{path} does not exist.", path=missing[0])
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


def cmd_rubric(args: argparse.Namespace) -> int:
    try:
        if args.check:
            rubric, source = load_rubric(args.check), args.check
        else:
            rubric, source = active_rubric(settings(args).rules_dir)
    except ScenarioError as exc:
        for report in exc.reports:
            print(report)
        return EXIT_INVALID
    if args.check:
        print(f"{source}: no problems.")
        return EXIT_OK
    print(markdown_tables(rubric, args.lang) if args.markdown else plain_rubric(rubric, args.lang))
    return EXIT_OK
