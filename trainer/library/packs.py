"""Scenario packs: a ``.zip`` of scenario YAML files (and their assets) to share between branches.

A pack comes from another branch, so it is read as hostile: every member is checked before any is
read (``trainer.safe_archive``: :data:`PACK_LIMITS`, names, links). Import is all or nothing: every
scenario in the pack is validated first and the user is shown what will be added or replaced; only
then are the files written, each to a temporary name and moved into place. A pack with any error
changes nothing.
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from trainer.domain.errors import UserError
from trainer.library.loader import Report, ScenarioError, load_scenario_text
from trainer.safe_archive import MB, ArchiveError, Limits, read_members

MAX_PACK_BYTES = 50 * MB
#: A pack is scenario YAML and a few small assets (avatars, sounds): 50 MB unpacked in 500 files
#: at most, 5 MB a file, and no file over 1 MB packed more than 100 to 1.
PACK_LIMITS = Limits(total_bytes=50 * MB, files=500, file_bytes=5 * MB, ratio=100, ratio_from=MB)


class PackError(UserError):
    """The pack cannot be imported; ``reports`` says why (file inside the pack, line, field)."""

    def __init__(self, reports: list[Report]) -> None:
        # the first problem as the validator prints it: a field, so the sentence keeps the file's name as
        # it is (not capitalised)
        super().__init__("{report}", report=str(reports[0]) if reports else "invalid pack")
        self.reports = reports


@dataclass
class PackPreview:
    """What importing would do: scenario ids added and replaced, and the files to write."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)
    """Relative path inside the scenario folder -> content."""


def export_pack(scenario_files: list[Path], target: Path, assets: list[Path] | None = None) -> Path:
    """Write ``target`` (a zip) with the given scenario files under ``scenarios/`` and assets under
    ``assets/``; written to a temporary name first, so a failed export leaves no partial file."""
    tmp = target.with_name(target.name + ".part")
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as z:
            for path in scenario_files:
                z.write(path, f"scenarios/{path.name}")
            for path in assets or []:
                z.write(path, f"assets/{path.name}")
        tmp.replace(target)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise
    return target


def preview_pack(pack: Path, existing_ids: set[str], limits: Limits = PACK_LIMITS) -> PackPreview:
    """Validate every scenario in ``pack``; raises :class:`PackError` with every problem found.
    Every member is checked against ``limits`` (sizes, count, compression, names, links) before
    any is read (``trainer.safe_archive``), and the bytes read are counted as they come."""
    reports: list[Report] = []
    preview = PackPreview()
    try:
        if pack.stat().st_size > MAX_PACK_BYTES:
            raise PackError([Report(str(pack), None, "the pack is larger than 50 MB")])
        with zipfile.ZipFile(pack) as z:
            seen: dict[str, str] = {}
            for member, data in read_members(z, limits, pack.name):
                name = PurePosixPath(member.filename)
                source = f"{pack.name}:{member.filename}"
                if name.suffix in (".yaml", ".yml"):
                    try:
                        loaded = load_scenario_text(data.decode("utf-8-sig"), source)
                    except UnicodeDecodeError:
                        reports.append(Report(source, None, "the file is not UTF-8 text"))
                        continue
                    except ScenarioError as exc:
                        reports += [r for r in exc.reports if r.is_error]
                        continue
                    sid = loaded.scenario.id
                    if sid in seen:
                        reports.append(Report(source, None, f"id '{sid}' is also used by {seen[sid]}"))
                        continue
                    seen[sid] = member.filename
                    (preview.replaced if sid in existing_ids else preview.added).append(sid)
                    preview.files[f"{sid}.yaml"] = data
                elif name.parts[0] == "assets":
                    if len(name.parts) < 2:  # "assets" itself would replace the assets folder
                        reports.append(Report(source, None, "an asset must be a file inside assets/"))
                        continue
                    preview.files[str(PurePosixPath("assets", *name.parts[1:]))] = data
            if not seen and not reports:
                reports.append(Report(str(pack), None, "the pack holds no scenario files"))
    except ArchiveError as exc:  # refused before it was read, or a member is damaged
        raise PackError([Report(str(pack), None, exc.sentence)]) from None
    except zipfile.BadZipFile:
        raise PackError([Report(str(pack), None, "this is not a zip file")]) from None
    except OSError as exc:
        raise PackError([Report(str(pack), None, f"cannot read the pack: {exc.strerror}")]) from None
    if reports:
        raise PackError(reports)
    return preview


def apply_pack(preview: PackPreview, folder: Path) -> list[Path]:
    """Write a validated pack into ``folder`` (the user scenario folder), all or nothing: every
    file is written to a temporary name first (a target that is a folder is refused before
    anything is written), then each is moved into place; if a move fails, the files already
    moved are put back as they were and :class:`PackError` names the file."""
    targets = [(folder / relative, data) for relative, data in preview.files.items()]
    for target, _ in targets:
        if target.is_dir() or any(p.exists() and not p.is_dir() for p in target.parents
                                  if p.is_relative_to(folder) and p != folder):
            raise PackError([Report(str(target), None, "a folder or file of that name is in the way")])
    staged: list[tuple[Path, Path]] = []
    moved: list[tuple[Path, Path | None]] = []  # (target, its earlier version kept aside)
    try:
        for target, data in targets:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.importing")
            tmp.write_bytes(data)
            staged.append((tmp, target))
        for tmp, target in staged:
            backup = target.with_name(f".{target.name}.before-import") if target.exists() else None
            if backup is not None:
                os.replace(target, backup)
            moved.append((target, backup))
            os.replace(tmp, target)
    except OSError as exc:
        for target, backup in reversed(moved):  # as it was before the import
            if backup is not None:
                os.replace(backup, target)
            else:
                target.unlink(missing_ok=True)
        raise PackError([Report(str(exc.filename or folder), None,
                                f"cannot install the pack: {exc.strerror or exc}")]) from None
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
    for _, backup in moved:
        if backup is not None:
            backup.unlink(missing_ok=True)
    return [target for target, _ in moved]
