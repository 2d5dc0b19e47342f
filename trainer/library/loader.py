"""Load scenario files: YAML with line numbers, pydantic validation, whole-scenario checks.

Every problem becomes one plain sentence naming the file, the line and the field, e.g.
``scenarios/atm_card.yaml:14: difficulty must be 1, 2 or 3 (got 5)``; an offending value is quoted
by its first characters only (``problems.excerpt``). Whatever the input, the only exception that
leaves this module is :class:`ScenarioError`. Only regular files are read: a named pipe called
``*.yaml`` (whose opening would wait for a writer for ever), a device or a socket is refused.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from trainer.domain.errors import UserError
from trainer.domain.problems import Loc, Problem, excerpt, field_name, shorten
from trainer.domain.scenario import Scenario
from trainer.domain.scenario_checks import check_pairs, check_scenario
from trainer.library.yaml_source import SourceDocument, YamlProblem, parse_yaml

M = TypeVar("M", bound=BaseModel)

MAX_FILE_BYTES = 1_000_000
SCENARIO_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Report:
    """A problem placed in a file: ``source:line: [warning: ]message``."""

    source: str
    line: int | None
    message: str
    severity: str = "error"
    loc: Loc = field(default=(), compare=False)
    """The path of the offending value in the document (``()`` when it is not one value)."""

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        tag = "warning: " if self.severity == "warning" else ""
        return f"{where}: {tag}{self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class ScenarioError(UserError):
    """A scenario could not be loaded; ``reports`` holds every problem found (errors first)."""

    def __init__(self, reports: list[Report]) -> None:
        # the first problem as the validator prints it: a field, so the sentence keeps the file's name as
        # it is (not capitalised)
        super().__init__("{report}", report=str(reports[0]) if reports else "invalid scenario")
        self.reports = reports


@dataclass
class Loaded:
    scenario: Scenario
    warnings: list[Report] = field(default_factory=list)


def load_scenario_text(text: str, source: str = "<scenario>") -> Loaded:
    """Parse and validate one scenario; raises :class:`ScenarioError` with every error found."""
    try:
        doc = parse_yaml(text)
    except YamlProblem as exc:
        raise ScenarioError([Report(source, exc.line, exc.message)]) from None
    return load_document(doc, source)


def load_document(doc: SourceDocument, source: str = "<scenario>") -> Loaded:
    """:func:`load_scenario_text` of a document already parsed."""
    if not isinstance(doc.data, dict):
        raise ScenarioError([Report(
            source, doc.line_of(()),
            f"a scenario must be a mapping of fields, not {_kind(doc.data)}",
        )])
    try:
        scenario = Scenario.model_validate(doc.data)
    except ValidationError as exc:
        raise ScenarioError(validation_reports(exc, doc, source)) from None
    problems = check_scenario(scenario, rubric_item_ids())
    reports = [_place(source, doc, p) for p in problems]
    errors = [r for r in reports if r.is_error]
    if errors:
        raise ScenarioError(errors + [r for r in reports if not r.is_error])
    stem = Path(source).stem
    if source.endswith(SCENARIO_SUFFIXES) and stem != scenario.id:
        reports.append(Report(
            source, doc.line_of(("id",)),
            f"id '{scenario.id}' differs from the file name '{stem}'", "warning",
        ))
    return Loaded(scenario, reports)


@cache
def rubric_item_ids() -> frozenset[str]:
    """The bundled rubric's item ids, which a branch's ``reply_met`` may name."""
    from trainer.library.rubric_files import bundled_rubric_path, load_rubric  # imports this module

    rubric = load_rubric(bundled_rubric_path())
    return frozenset(i.id for i in rubric.items)


def load_scenario_file(path: Path) -> Loaded:
    return load_scenario_text(read_text_file(path), str(path))


def read_text_file(path: Path) -> str:
    """The text of the regular file ``path`` (UTF-8, a BOM allowed, at most 1 MB); raises
    :class:`ScenarioError` naming the file (and the line of a byte that is not UTF-8)."""
    source = str(path)

    def refuse(message: str, line: int | None = None) -> ScenarioError:
        return ScenarioError([Report(source, line, message)])

    try:
        kind = _not_regular(os.stat(path).st_mode)  # a socket cannot even be opened
        if kind is None:  # non-blocking: a pipe put there since is opened without waiting ...
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
            with os.fdopen(fd, "rb") as fh:
                kind = _not_regular(os.fstat(fh.fileno()).st_mode)  # ... and refused here
                raw = fh.read(MAX_FILE_BYTES + 1) if kind is None else b""
    except OSError as exc:
        raise refuse(f"cannot read the file: {exc.strerror}") from None
    if kind is not None:
        raise refuse(f"not a regular file ({kind}); only files are read")
    if len(raw) > MAX_FILE_BYTES:
        raise refuse("the file is larger than 1 MB; is it the right file?")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise refuse("the file is not UTF-8 text", raw[: exc.start].count(b"\n") + 1) from None


def _not_regular(mode: int) -> str | None:
    """What a file that is not a regular one is, in words; ``None`` for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a folder" if stat.S_ISDIR(mode) else "not a file"


def scenario_files(paths: Iterable[Path]) -> list[Path]:
    """The scenario files named by ``paths``: files as given, folders searched (sorted; a folder
    inside called ``*.yaml`` is searched too, not read)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix in SCENARIO_SUFFIXES and not p.is_dir())
        else:
            found.append(path)
    return found


# -- turning pydantic's errors into plain sentences ------------------------------------------------

_KINDS = {
    "int_type": "a whole number", "int_parsing": "a whole number", "int_from_float": "a whole number",
    "float_type": "a number", "float_parsing": "a number", "bool_parsing": "true or false",
    "string_type": "text",
    "bool_type": "true or false", "list_type": "a list", "model_type": "a mapping of fields",
    "dict_type": "a mapping of fields", "model_attributes_type": "a mapping of fields",
}


def _message(err: Any) -> str:
    loc = _clean_loc(err["loc"])
    name = field_name(loc)
    kind, ctx, got = err["type"], err.get("ctx") or {}, _show(err.get("input"))
    if kind == "missing":
        return f"{name} is missing"
    if kind == "extra_forbidden":
        return f"{name} is not a field here (check the spelling)"
    if kind == "literal_error":
        return f"{name} must be {ctx.get('expected')} (got {got})"
    if kind in _KINDS:
        return f"{name} must be {_KINDS[kind]} (got {got})"
    if kind in ("greater_than_equal", "greater_than"):
        return f"{name} must be at least {ctx.get('ge', ctx.get('gt'))} (got {got})"
    if kind in ("less_than_equal", "less_than"):
        return f"{name} must be at most {ctx.get('le', ctx.get('lt'))} (got {got})"
    if kind == "string_pattern_mismatch":
        return (f"{name} must be lowercase letters, digits and underscores, starting with a "
                f"letter (got {got})")
    if kind == "string_too_short":
        return f"{name} must not be empty"
    if kind == "string_too_long":
        return f"{name} is too long (at most {ctx.get('max_length')} characters)"
    if kind == "too_short":
        n = ctx.get("min_length", 1)
        return f"{name} needs at least {n} entr{'y' if n == 1 else 'ies'}"
    if kind == "too_long":
        return f"{name} has too many entries (at most {ctx.get('max_length')})"
    why = str(err.get("msg", "is not valid")).removeprefix("Value error, ")  # a validator's own sentence
    return f"{name}: {shorten(why, 200)}"


def _clean_loc(loc: Iterable[Any]) -> Loc:
    # pydantic adds validator names (e.g. 'function-after[...]') to some locations; drop them.
    return tuple(p for p in loc if isinstance(p, int) or "[" not in str(p))


def _show(value: Any) -> str:
    return _kind(value) if isinstance(value, dict | list) else excerpt(value)


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    return f"the value {excerpt(value)}"


def validation_reports(exc: ValidationError, doc: SourceDocument, source: str) -> list[Report]:
    """pydantic's errors as placed, plain-sentence reports (one per distinct problem)."""
    return _dedupe([_place(source, doc, Problem(_clean_loc(e["loc"]), _message(e)))
                    for e in exc.errors(include_url=False)])


def _place(source: str, doc: SourceDocument, problem: Problem) -> Report:
    return Report(source, doc.line_of(problem.loc), problem.message, problem.severity, problem.loc)


def place_in_file(path: Path, problem: Problem) -> Report:
    """``problem`` of the scenario in ``path`` as a report with its line (read again: rare)."""
    try:
        doc = parse_yaml(read_text_file(path))
    except (YamlProblem, ScenarioError):
        return Report(str(path), None, problem.message, problem.severity, problem.loc)
    return _place(str(path), doc, problem)


def pair_reports(loaded: list[tuple[Path, Scenario]]) -> list[Report]:
    """Problems between the two languages of a situation, each placed in its file."""
    where = {id(s): path for path, s in loaded}
    return [place_in_file(where[id(s)], problem) for s, problem in check_pairs([s for _, s in loaded])]


def _dedupe(reports: list[Report]) -> list[Report]:
    seen, out = set(), []
    for r in reports:
        if (r.line, r.message) not in seen:
            seen.add((r.line, r.message))
            out.append(r)
    return out


def load_model_file(path: Path, model: type[M]) -> M:
    """A YAML file read into ``model`` (the incentive rules, the rubric); raises
    :class:`ScenarioError` naming every problem with its line."""
    return load_model_text(read_text_file(path), str(path), model)


def load_model_text(text: str, source: str, model: type[M]) -> M:
    """:func:`load_model_file` of text already read (``source`` names it in the reports)."""
    try:
        doc = parse_yaml(text)
    except YamlProblem as exc:
        raise ScenarioError([Report(source, exc.line, exc.message)]) from None
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        raise ScenarioError(validation_reports(exc, doc, source)) from None
