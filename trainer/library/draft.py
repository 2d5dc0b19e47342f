"""A scenario being edited, checked as it stands: every problem, the scenario if it loads, and the
document's data either way (so an editor's form can show what the text says, wrong values too).

Plain data and no Qt: the editor runs :func:`check_draft` on its engine thread, a long draft never
holds up typing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from trainer.domain.scenario import Scenario
from trainer.library.loader import Report, ScenarioError, load_document
from trainer.library.yaml_source import YamlProblem, parse_yaml


@dataclass(frozen=True)
class Draft:
    text: str
    reports: list[Report] = field(default_factory=list)
    """Errors first, then warnings (as ``trainer validate`` prints them)."""
    scenario: Scenario | None = None
    """The scenario, when the text has no errors."""
    data: dict[str, Any] | None = None
    """The document as plain data, when it is YAML and a mapping."""

    @property
    def has_errors(self) -> bool:
        return any(r.is_error for r in self.reports)

    def problems_of(self, key: str) -> list[Report]:
        """The errors about the top-level field ``key`` (its value wrong or missing)."""
        return [r for r in self.reports if r.is_error and r.loc[:1] == (key,)]


def check_draft(text: str, source: str = "scenario") -> Draft:
    """Parse ``text`` once and check it as ``trainer validate`` would."""
    try:
        doc = parse_yaml(text)
    except YamlProblem as exc:
        return Draft(text, [Report(source, exc.line, exc.message)])
    data = doc.data if isinstance(doc.data, dict) else None
    try:
        loaded = load_document(doc, source)
    except ScenarioError as exc:
        return Draft(text, exc.reports, None, data)
    return Draft(text, loaded.warnings, loaded.scenario, data)
