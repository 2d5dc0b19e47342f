"""Load the incentive rules: the trainer's ``incentives.yaml`` in the data directory, else the
bundled default. Problems are reported like scenario problems: file, line, field."""

from __future__ import annotations

from pathlib import Path

from trainer.domain.incentives import IncentiveRules
from trainer.library.loader import load_model_file
from trainer.resources import bundled_path


def bundled_rules_path() -> Path:
    return bundled_path("assets") / "incentives.yaml"


def load_rules(path: Path) -> IncentiveRules:
    """Raises :class:`ScenarioError` (the loader's error type) with every problem found."""
    return load_model_file(path, IncentiveRules)


def active_rules(data_dir: Path) -> tuple[IncentiveRules, Path]:
    """The branch's own rules if present, else the bundled ones (and where they came from)."""
    own = data_dir / "incentives.yaml"
    path = own if own.exists() else bundled_rules_path()
    return load_rules(path), path
