"""The scenarios a trainee can pick: the bundled library (and any extra folders)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from trainer.domain.scenario import Scenario
from trainer.library.loader import Report, ScenarioError, load_scenario_file, pair_reports, scenario_files
from trainer.resources import bundled_path


def bundled_scenarios_dir() -> Path:
    return bundled_path("scenarios")


@dataclass
class Catalog:
    """Scenarios by id, in file order, and every problem met while loading them.

    A broken file is reported and skipped, so one bad scenario never hides the others.
    """

    scenarios: dict[str, Scenario] = field(default_factory=dict)
    sources: dict[str, Path] = field(default_factory=dict)
    reports: list[Report] = field(default_factory=list)

    def get(self, scenario_id: str) -> Scenario | None:
        return self.scenarios.get(scenario_id)

    def __iter__(self) -> Iterator[Scenario]:
        return iter(self.scenarios.values())

    def __len__(self) -> int:
        return len(self.scenarios)


def load_catalog(folders: Iterable[Path] | None = None) -> Catalog:
    catalog = Catalog()
    for path in scenario_files(folders if folders is not None else [bundled_scenarios_dir()]):
        try:
            loaded = load_scenario_file(path)
        except ScenarioError as exc:
            catalog.reports += exc.reports
            continue
        catalog.reports += loaded.warnings
        sid = loaded.scenario.id
        if sid in catalog.scenarios:
            catalog.reports.append(Report(
                str(path), None, f"id '{sid}' is already used by {catalog.sources[sid]}; skipped"))
            continue
        catalog.scenarios[sid] = loaded.scenario
        catalog.sources[sid] = path
    # Pairs are checked within a folder: a trainer's own variant of a bundled scenario may keep
    # its situation (it is the branch's version of that situation).
    by_folder: dict[Path, list[tuple[Path, Scenario]]] = {}
    for s in catalog:
        by_folder.setdefault(catalog.sources[s.id].parent, []).append((catalog.sources[s.id], s))
    for in_folder in by_folder.values():
        catalog.reports += pair_reports(in_folder)
    return catalog
