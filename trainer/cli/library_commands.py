"""``trainer scenarios``, ``validate`` and ``rubric``: the library and the rubric, read and checked."""

from __future__ import annotations

import argparse
import json
import sys

from trainer.app.context import App
from trainer.cli.common import EXIT_INVALID, EXIT_OK, settings
from trainer.library.loader import ScenarioError
from trainer.library.rubric_docs import markdown_tables, plain_rubric


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
    check = App(settings(args)).authoring.check_files(args.paths)
    for report in check.reports:
        print(report)
    n, e, w = check.files, check.errors, check.warnings
    print(f"{n} file{'s' if n != 1 else ''} checked: {e} error{'s' if e != 1 else ''}, "
          f"{w} warning{'s' if w != 1 else ''}.")
    return EXIT_INVALID if e else EXIT_OK


def cmd_rubric(args: argparse.Namespace) -> int:
    try:
        rubric, source = App(settings(args)).authoring.rubric(args.check)
    except ScenarioError as exc:
        for report in exc.reports:
            print(report)
        return EXIT_INVALID
    if args.check:
        print(f"{source}: no problems.")
        return EXIT_OK
    print(markdown_tables(rubric, args.lang) if args.markdown else plain_rubric(rubric, args.lang))
    return EXIT_OK
