"""The docs keep up with the code: every scenario field and every CLI command is documented."""

from __future__ import annotations

import re
import typing

from pydantic import BaseModel

from trainer.cli import build_parser
from trainer.domain.scenario import Scenario

from helpers import ROOT


def schema_fields(model: type[BaseModel], prefix: str = "") -> set[str]:
    out: set[str] = set()
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        out.add(path)
        for arg in _models_in(info.annotation):
            sep = "[]." if _is_list(info.annotation) else "."
            out |= schema_fields(arg, path + sep)
    return out


def _models_in(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def _is_list(annotation: object) -> bool:
    origin = typing.get_origin(annotation)
    if origin is list:
        return True
    return any(_is_list(a) for a in typing.get_args(annotation))


def documented(doc: str) -> set[str]:
    return set(re.findall(r"^\| `([^`]+)` \|", doc, flags=re.MULTILINE))


def test_every_scenario_field_is_documented() -> None:
    doc = (ROOT / "docs" / "scenario-format.md").read_text(encoding="utf-8")
    fields = schema_fields(Scenario)
    assert "turns[].branches[].when.mood_below" in fields  # the walk reaches nested fields
    # min_scores and max_scores share one model; the doc describes its keys once, under min_scores
    fields = {f for f in fields if not f.startswith("turns[].branches[].when.max_scores.")}
    missing = fields - documented(doc)
    assert missing == set(), f"undocumented scenario fields: {sorted(missing)}"
    stale = documented(doc) - schema_fields(Scenario)
    assert stale == set(), f"documented fields that do not exist: {sorted(stale)}"


def test_every_cli_command_and_option_is_documented() -> None:
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, command in sub.choices.items():  # type: ignore[union-attr]
        assert f"trainer {name}" in doc, f"'trainer {name}' is not in docs/cli.md"
        for action in command._actions:
            for option in action.option_strings:
                if option not in ("-h", "--help"):
                    assert option in doc, f"'{name} {option}' is not in docs/cli.md"
    assert "--db" in doc and "TRAINER_DB" in doc


def test_every_incentive_rule_field_is_documented() -> None:
    from trainer.domain.incentives import IncentiveRules

    doc = (ROOT / "docs" / "incentives.md").read_text(encoding="utf-8")
    fields = schema_fields(IncentiveRules)
    assert "badges[].kind" in fields and "points.improvement_cap" in fields
    assert fields - documented(doc) == set(), f"undocumented: {sorted(fields - documented(doc))}"
    for kind in ("clean_streak", "resolved_difficulty", "all_categories", "practice_streak", "improvement"):
        assert f"| `{kind}` |" in doc
