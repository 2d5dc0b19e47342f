"""Load the incentive rules: the trainer's ``incentives.yaml`` in the data directory, else the
bundled default. Problems are reported like scenario problems: file, line, field."""

from __future__ import annotations

import os
from pathlib import Path

from trainer.domain.incentives import IncentiveRules
from trainer.library.loader import load_model_file, load_model_text
from trainer.resources import bundled_path

RULES_FILE = "incentives.yaml"


def bundled_rules_path() -> Path:
    return bundled_path("assets") / "incentives.yaml"


def load_rules(path: Path) -> IncentiveRules:
    """Raises :class:`ScenarioError` (the loader's error type) with every problem found."""
    return load_model_file(path, IncentiveRules)


def load_rules_text(text: str, source: str) -> IncentiveRules:
    """Rules not read from a file (those published centrally); raises :class:`ScenarioError`."""
    return load_model_text(text, source, IncentiveRules)


def write_rules(data_dir: Path, text: str) -> Path:
    """``text`` (rules already validated) as the branch's ``incentives.yaml``, whole or not at all:
    written to a temporary name, flushed, then moved into place."""
    target = data_dir / RULES_FILE
    tmp = target.with_name(f".{target.name}.{os.getpid()}.writing")
    try:
        with open(tmp, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


def active_rules(data_dir: Path) -> tuple[IncentiveRules, Path]:
    """The branch's own rules if present, else the bundled ones (and where they came from)."""
    own = data_dir / RULES_FILE
    path = own if own.exists() else bundled_rules_path()
    return load_rules(path), path
