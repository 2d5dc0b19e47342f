"""``trainer play`` and ``trainer score``: practise in the terminal, score a reply or a batch."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from trainer.app.context import App
from trainer.cli.common import EXIT_OK, CommandError, login_name, settings, signed_in
from trainer.cli.replies import reply_source
from trainer.domain.accounts import Identity
from trainer.domain.dialogue import Exchange
from trainer.domain.practice import Practice
from trainer.domain.problems import excerpt
from trainer.domain.scenario import Scenario
from trainer.domain.score import ReplyScore
from trainer.domain.scoring import EmptyReply, RubricScorer
from trainer.domain.scoring.rubric import Rubric
from trainer.domain.wording import outcome_words, plural
from trainer.library.loader import ScenarioError
from trainer.storage.errors import StorageError


def cmd_play(args: argparse.Namespace) -> int:
    app = App(settings(args))
    app.reload_catalog()
    scenario = _find_scenario(app, args.scenario)
    if args.trainee is not None and not args.trainee.strip():
        raise CommandError("--trainee needs a name.")
    replies = reply_source(args.replies, scenario)  # a bad replies file stops us before we start
    for problem in app.open():
        print(f"trainer: warning: {problem}", file=sys.stderr)
    who = signed_in(app, args)
    trainee_id = _trainee(app, who, args.trainee)
    _, session_id = app.practice.start_scenario(trainee_id, scenario)
    practice = app.practice.current
    assert practice is not None
    rubric = app.scorer.rubric
    out = sys.stdout
    _print_opening(scenario, session_id, out)
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
                app.practice.reply(reply)
            except EmptyReply:
                continue
            _print_exchange(practice.dialogue.exchanges[-1], rubric, scenario, out)
    finally:
        if not practice.finished:  # stopped by the user or by an error: saved as stopped
            with contextlib.suppress(StorageError):
                app.practice.stop()
    _print_ending(practice, out)
    return EXIT_OK


def _trainee(app: App, who: Identity | None, name: str | None) -> int:
    """Whose session this is: the signed-in account's own, or (a database with no accounts) the
    trainee called ``name``, else the login name."""
    if who is None:
        return app.accounts.create_trainee((name or login_name()).strip())
    if name is not None and name.strip() != who.username:
        raise CommandError("signed in as {user}, you practise as yourself; leave out --trainee",
                           user=who.username)
    if who.trainee_id is None:
        raise CommandError("{user} is an HR administrator and has no trainee profile to practise with",
                           user=who.username)
    return who.trainee_id


def _find_scenario(app: App, ref: str) -> Scenario:
    path = Path(ref)
    if path.suffix in (".yaml", ".yml") or path.is_file() or (app.catalog.get(ref) is None and path.exists()):
        try:
            return app.authoring.scenario_file(path)
        except ScenarioError as exc:
            raise CommandError(str(exc.reports[0])) from None
    return _catalog_scenario(app, ref)


def _scorer(app: App) -> RubricScorer:
    """The scorer with the branch's own rubric if it has one (as the app uses)."""
    try:
        return app.scorer
    except ScenarioError as exc:
        raise CommandError(str(exc.reports[0])) from None


def cmd_score(args: argparse.Namespace) -> int:
    if (args.text is None) == (args.jsonl is None):
        raise CommandError("give either TEXT or --jsonl FILE.")
    app = App(settings(args))
    app.reload_catalog()
    scorer = _scorer(app)
    if args.jsonl is not None:
        return _score_batch(scorer, args.jsonl, app)
    scenario = _catalog_scenario(app, args.scenario) if args.scenario else None
    try:
        result = scorer.score(args.text, scenario=scenario, language=args.lang)
    except EmptyReply:
        raise CommandError("the reply is empty; there is nothing to score.") from None
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False))
    else:
        _print_score(result, scorer.rubric, scenario, sys.stdout)
    return EXIT_OK


def _score_batch(scorer: RubricScorer, source: str, app: App) -> int:
    """Score every line before printing any, so a bad line never leaves half the output."""
    name = "standard input" if source == "-" else source
    handle = sys.stdin.buffer if source == "-" else _open_binary(source)
    results: list[str] = []
    with contextlib.nullcontext(handle) if source == "-" else handle:
        for number, line in _numbered_lines(handle, name):
            where = f"{name}:{number}"
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CommandError("{where}: not a JSON object ({why}).", where=where, why=exc.msg) from None
            except RecursionError:
                raise CommandError("{where}: not a JSON object (nested too deeply).", where=where) from None
            except ValueError:  # a number of thousands of digits
                raise CommandError("{where}: not a JSON object (a number is too long).",
                                   where=where) from None
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                raise CommandError("{where}: each line needs a \"text\" string.", where=where)
            lang = row.get("lang")
            if lang is not None and lang not in ("en", "zh-CN"):
                raise CommandError("{where}: lang must be \"en\" or \"zh-CN\" (got {got}).", where=where,
                                   got=excerpt(lang))
            scenario = None
            if row.get("scenario") is not None:
                wanted = str(row["scenario"])
                scenario = app.catalog.get(wanted)
                if scenario is None:
                    raise CommandError("{where}: there is no scenario with id {id}.", where=where,
                                       id=excerpt(wanted))
            try:
                result = scorer.score(row["text"], scenario=scenario, language=lang)
            except EmptyReply:
                raise CommandError("{where}: the text is empty.", where=where) from None
            results.append(json.dumps(result.to_dict(), ensure_ascii=False))
    for line in results:
        print(line)
    return EXIT_OK


def _numbered_lines(handle: BinaryIO, name: str) -> Iterator[tuple[int, str]]:
    """Each line as text, decoded strictly (standard input too, whatever the locale's error
    handler would let through)."""
    for number, raw in enumerate(handle, 1):
        try:
            yield number, raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            raise CommandError("{where}:{line}: the file is not UTF-8 text.",
                               where=name, line=number) from None


def _open_binary(path: str) -> BinaryIO:
    try:
        return open(path, "rb")
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror}.") from None


def _catalog_scenario(app: App, scenario_id: str) -> Scenario:
    scenario = app.catalog.get(scenario_id)
    if scenario is None:
        raise CommandError(f"there is no scenario with id '{scenario_id}'; "
                        "'trainer scenarios' lists them.")
    return scenario


def _print_score(s: ReplyScore, rubric: Rubric, scenario: Scenario | None, out: TextIO) -> None:
    print(f"empathy {s.empathy}  clarity {s.clarity}  solution {s.solution}  "
          f"overall {s.overall}  ({s.language})", file=out)
    for dimension in ("empathy", "clarity", "solution"):
        print(f"\n{dimension}:", file=out)
        scaling = next((x for x in s.scaling if x.dimension == dimension), None)
        if scaling is not None and scaling.steps_share:
            print(f"  (scenario steps are worth {plural(scaling.steps_share, 'point')}; the other items "
                  f"count ×{scaling.factor:g})", file=out)
        for i in (i for i in s.items if i.dimension == dimension):
            name = _item_name(i.item, rubric, scenario)
            if i.met:
                print(f"  {i.points:+4d}  {name}: “{i.text}” — {i.why}", file=out)
            elif i.carried:
                print(f"     ✓  {name} (done in an earlier reply)", file=out)
            elif i.text:
                print(f"     -  {name} (missed; e.g. “{i.text}”)", file=out)
    for c in s.critical:
        print(f"\nCRITICAL {_item_name(c.item, rubric, None)}: “{c.text}” — {c.why}", file=out)


def _item_name(item_id: str, rubric: Rubric, scenario: Scenario | None) -> str:
    """How the rubric names an item, or a scenario step by what it asks for."""
    if item_id.startswith("step:"):
        return f"Step “{_step(item_id[5:], scenario)}”"
    return rubric.display_name(item_id, "en")


def _step(step_id: str, scenario: Scenario | None) -> str:
    """A scenario step in words: its description (its id only if the scenario does not have it)."""
    steps = {s.id: s.description for s in scenario.steps} if scenario is not None else {}
    return steps.get(step_id, step_id)


def _print_opening(scenario: Scenario, session_id: int, out: TextIO) -> None:
    p = scenario.persona
    print(f"{scenario.title}  [{scenario.id}: {scenario.language}, {scenario.category}, "
          f"difficulty {scenario.difficulty}; session {session_id}]", file=out)
    print(f"Customer: {p.name}, {p.age}. Starting mood {p.mood}/100 (100 = furious).", file=out)
    print(f"Briefing: {scenario.briefing}", file=out)
    print("Steps to take: " + "; ".join(s.description for s in scenario.steps), file=out)


def _print_exchange(exchange: Exchange, rubric: Rubric, scenario: Scenario, out: TextIO) -> None:
    s = exchange.score
    print(f"You: {exchange.reply}", file=out)
    print(f"  Scores: empathy {s.empathy}, clarity {s.clarity}, solution {s.solution} "
          f"(overall {s.overall})", file=out)
    earned = [f"{_item_name(i.item, rubric, scenario)} “{i.text}” ({i.points:+d})" for i in s.items if i.met]
    if earned:
        print("  Evidence: " + "; ".join(earned), file=out)
    for c in s.critical:
        print(f"  CRITICAL: “{c.text}”: {c.why}", file=out)
    if exchange.new_steps:
        taken = [s.description for s in scenario.steps if s.id in exchange.new_steps]  # in its order
        print("  Steps taken: " + "; ".join(taken), file=out)
    m = exchange.mood
    why = f" ({'; '.join(m.reasons)})" if m.reasons else ""
    print(f"  Mood: {m.before} -> {m.after}{why}", file=out, flush=True)


def _print_ending(practice: Practice, out: TextIO) -> None:
    d = practice.dialogue
    ending = d.ending
    assert ending is not None
    print(f"\nCustomer: {ending.customer}", file=out)
    limit = " (turn limit reached)" if d.turn_limit_reached else ""
    print(f"Ending: {outcome_words(ending.outcome)}{limit}; final mood {d.mood}.", file=out)
    if ending.debrief:
        print(f"Debrief: {ending.debrief}", file=out)
    print(f"Session {practice.session_id} saved.", file=out, flush=True)
