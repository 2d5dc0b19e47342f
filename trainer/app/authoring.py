"""Trainers' scenario work: read a scenario's source, save one, import and export packs.

Bundled scenarios are read-only, and so are those a centrally published pack brought to a PC that
syncs as a branch (the centre owns them: a trainer saves a copy under a new id); trainers'
scenarios are saved into the user scenario folder (written whole, then moved into place) and every
publish, import and export is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.domain.accounts import AccessDenied
from trainer.domain.errors import InvalidInput, NotFound
from trainer.domain.scenario import Scenario
from trainer.domain.scoring.rubric import Rubric
from trainer.library.catalog import bundled_scenarios_dir
from trainer.library.loader import (
    ScenarioError,
    load_scenario_file,
    load_scenario_text,
    pair_reports,
    scenario_files,
)
from trainer.library.packs import PackPreview, apply_pack, export_pack, preview_pack
from trainer.library.rubric_files import active_rubric, load_rubric
from trainer.storage.central_accounts import central_scenarios

if TYPE_CHECKING:
    from trainer.app.context import App


@dataclass(frozen=True)
class FileCheck:
    """What checking scenario files found: every problem (errors and warnings, each naming its
    file and line), and how many files were read."""

    files: int
    reports: list[str]
    errors: int
    warnings: int


class AuthoringService:
    def __init__(self, app: App) -> None:
        self._app = app

    # -- checking files (no sign-in: reading files needs no rights) ---------------------------------

    def check_files(self, paths: list[Path] | None = None) -> FileCheck:
        """Check scenario files or folders (default: the bundled library): every problem, and ids
        used twice."""
        paths = paths or [bundled_scenarios_dir()]
        missing = [p for p in paths if not p.exists()]
        if missing:
            raise NotFound("{path} does not exist.", path=missing[0])
        files = scenario_files(paths)
        reports: list[str] = []
        errors = warnings = 0
        seen: dict[str, Path] = {}
        loaded_ok: list[tuple[Path, Scenario]] = []
        for path in files:
            try:
                loaded = load_scenario_file(path)
            except ScenarioError as exc:
                reports += [str(r) for r in exc.reports]
                errors += sum(r.is_error for r in exc.reports)
                warnings += sum(not r.is_error for r in exc.reports)
                continue
            reports += [str(r) for r in loaded.warnings]
            warnings += len(loaded.warnings)
            sid = loaded.scenario.id
            if sid in seen:
                reports.append(f"{path}: id '{sid}' is already used by {seen[sid]}")
                errors += 1
                continue
            seen[sid] = path
            loaded_ok.append((path, loaded.scenario))
        for report in pair_reports(loaded_ok):
            reports.append(str(report))
            errors += report.is_error
            warnings += not report.is_error
        return FileCheck(len(files), reports, errors, warnings)

    def scenario_file(self, path: Path) -> Scenario:
        """A scenario read from a file (raises ``ScenarioError`` naming every problem)."""
        return load_scenario_file(path).scenario

    def rubric(self, path: Path | None = None) -> tuple[Rubric, Path]:
        """The rubric in force (the branch's own, else the bundled one), or the one in ``path``
        checked; raises ``ScenarioError`` naming every problem."""
        if path is not None:
            return load_rubric(path), path
        return active_rubric(self._app.settings.rules_dir)

    def scenario_source(self, scenario_id: str) -> tuple[str, bool]:
        """The YAML of a scenario, and whether it is bundled (read-only)."""
        path = self._app.catalog.sources.get(scenario_id)
        if path is None:
            raise NotFound("there is no scenario with id '{id}'", id=scenario_id)
        return path.read_text(encoding="utf-8"), self._app.is_bundled(scenario_id)

    def published_by_centre(self, scenario_id: str) -> bool:
        """Whether the scenario came in a pack the centre published, on a PC that syncs as a branch:
        the centre owns it there, and it cannot be changed locally (after ``sync forget`` it can)."""
        return scenario_id in self._centre_owned()

    def _centre_owned(self) -> set[str]:
        config = self._app.sync.config()
        if config is None or config.kind != "branch":
            return set()
        return central_scenarios(self._app.repo.db)

    def bundled_ids(self) -> set[str]:
        return {sid for sid in self._app.catalog.sources if self._app.is_bundled(sid)}

    def new_id(self, base: str) -> str:
        """An id not used yet: ``base_copy``, ``base_copy2``..."""
        candidate, n = f"{base}_copy", 2
        while self._app.catalog.get(candidate) is not None:
            candidate, n = f"{base}_copy{n}", n + 1
        return candidate

    def save_scenario(self, text: str) -> Scenario:
        """Validate and save into the user scenario folder; raises ``ScenarioError`` with every problem."""
        self._app.accounts.require("edit_scenarios", "edit scenarios")
        scenario = load_scenario_text(text, "scenario").scenario
        if self._app.is_bundled(scenario.id):
            raise InvalidInput("'{id}' is a bundled scenario and cannot be changed; duplicate it and "
                               "save it under a new id", id=scenario.id)
        if self.published_by_centre(scenario.id):
            raise AccessDenied("'{id}' was published by the centre and cannot be changed on this PC; "
                               "duplicate it and save it under a new id", id=scenario.id)
        folder = self._app.settings.user_scenarios_dir
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{scenario.id}.yaml"
        tmp = target.with_name(f".{target.name}.saving")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
        self._app.accounts.record("scenario_published", {"id": scenario.id, "file": str(target)})
        self._app.reload_catalog()
        return scenario

    def preview_pack(self, pack: Path) -> PackPreview:
        """A pack to import here: checked, and replacing none of the centre's scenarios (on a PC
        that syncs as a branch; the centre's own packs come in through ``check_pack``)."""
        self._app.accounts.require("edit_scenarios", "import scenario packs")
        return self._not_the_centres(self.check_pack(pack))

    def _not_the_centres(self, preview: PackPreview) -> PackPreview:
        clash = sorted(set(preview.replaced) & self._centre_owned())
        if clash:
            raise AccessDenied("the pack would replace scenarios the centre published ({ids}); give them "
                               "new ids", ids=", ".join(clash))
        return preview

    def check_pack(self, pack: Path) -> PackPreview:
        """Every scenario in ``pack`` validated, and none replacing a bundled one (reading a file
        needs no rights: the caller checks its own, importing or publishing)."""
        preview = preview_pack(pack, set(self._app.catalog.scenarios))
        clash = sorted(set(preview.replaced) & self.bundled_ids())
        if clash:
            raise InvalidInput("the pack would replace bundled scenarios ({ids}); give them new ids",
                               ids=", ".join(clash))
        return preview

    def import_pack(self, preview: PackPreview) -> list[str]:
        self._app.accounts.require("edit_scenarios", "import scenario packs")
        apply_pack(self._not_the_centres(preview), self._app.settings.user_scenarios_dir)
        self._app.accounts.record("scenario_pack_imported",
                                  {"added": preview.added, "replaced": preview.replaced})
        self._app.reload_catalog()
        return preview.added + preview.replaced

    def export_pack(self, ids: list[str], target: Path) -> Path:
        self._app.accounts.require("edit_scenarios", "export scenario packs")
        files = [self._app.catalog.sources[i] for i in ids if i in self._app.catalog.sources]
        export_pack(files, target)
        self._app.accounts.record("scenario_pack_exported", {"ids": ids, "file": str(target)})
        return target
