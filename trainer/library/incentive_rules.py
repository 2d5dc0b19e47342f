"""Load the incentive rules: the trainer's ``incentives.yaml`` in the data directory, else the
bundled default. Problems are reported like scenario problems: file, line, field."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from trainer.domain.incentives import IncentiveRules
from trainer.library.loader import Report, ScenarioError, validation_reports
from trainer.library.yaml_source import YamlProblem, parse_yaml
from trainer.resources import bundled_path


def bundled_rules_path() -> Path:
    return bundled_path("assets") / "incentives.yaml"


def load_rules(path: Path) -> IncentiveRules:
    """Raises :class:`ScenarioError` (the loader's error type) with every problem found."""
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
        doc = parse_yaml(text)
    except OSError as exc:
        raise ScenarioError([Report(source, None, f"cannot read the file: {exc.strerror}")]) from None
    except UnicodeDecodeError:
        raise ScenarioError([Report(source, None, "the file is not UTF-8 text")]) from None
    except YamlProblem as exc:
        raise ScenarioError([Report(source, exc.line, exc.message)]) from None
    try:
        return IncentiveRules.model_validate(doc.data)
    except ValidationError as exc:
        raise ScenarioError(validation_reports(exc, doc, source)) from None


def active_rules(data_dir: Path) -> tuple[IncentiveRules, Path]:
    """The branch's own rules if present, else the bundled ones (and where they came from)."""
    own = data_dir / "incentives.yaml"
    path = own if own.exists() else bundled_rules_path()
    return load_rules(path), path
