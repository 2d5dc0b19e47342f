"""Speech models on this computer: list them, import a zip or folder, download the official ones.

Models live in ``<data dir>/speech-models/<language>/<name>/``. Every way in goes through the same
check (a Vosk model has ``am/`` and ``conf/``) and the same atomic move into place, so a broken
import or download never leaves a half-written model behind. A zip or folder is taken in through
``trainer.safe_archive`` with :data:`MODEL_LIMITS` (every member checked before anything is
unpacked; links are never followed, in a zip or a folder). Banks are often air-gapped, so import
comes first; download (``trainer.speech.download``) resumes an interrupted transfer, checks the
size and the SHA-256 the catalogue pins (``trainer.speech.catalogue``) and every file's CRC in
the zip. Where the model came from and the SHA-256 of the zip it was installed from (checked
against the catalogue, or else recorded) are kept beside it in ``<name>.installed.json``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from trainer.safe_archive import GB, MB, ArchiveError, Limits, copy_folder, extract_zip
from trainer.speech.catalogue import CATALOGUE_FILE, CatalogueEntry, load_catalogue
from trainer.speech.download import Progress, fetch
from trainer.speech.model_errors import Cancelled, ModelError

__all__ = ["MODEL_LIMITS", "Cancelled", "CatalogueEntry", "InstalledModel", "ModelError", "ModelStore",
           "Progress"]

CHUNK = 256 * 1024
NOT_A_MODEL = "{path} is not a Vosk speech model (it has no 'am' and 'conf' folders)."
MISMATCH = "{name} does not match the SHA-256 {expected}; the download was deleted."
#: Real Vosk models are 40-80 MB unpacked (the small ones) up to about 2 GB (the big ones) in a
#: few hundred files, packed 2-5 to 1: room to spare for those, none for a zip bomb.
MODEL_LIMITS = Limits(total_bytes=4 * GB, files=10_000, ratio=100, ratio_from=MB)


@dataclass(frozen=True)
class InstalledModel:
    language: str
    name: str
    path: Path
    sha256: str | None = None
    """The SHA-256 of the zip it was installed from (None: imported from a folder)."""
    sha256_verified: bool = False
    """True when that SHA-256 was checked against the catalogue's, else it was only recorded."""
    source: str | None = None
    """The URL, zip or folder it came from."""


def is_model_dir(path: Path) -> bool:
    return (path / "am").is_dir() and (path / "conf").is_dir()


def find_model_root(folder: Path) -> Path | None:
    """The model inside ``folder``: itself, or the one sub-folder that is a model (zips wrap it)."""
    if is_model_dir(folder):
        return folder
    candidates = [p for p in folder.rglob("am") if p.is_dir() and is_model_dir(p.parent)]
    return candidates[0].parent if len(candidates) == 1 else None


def _record_path(model_dir: Path) -> Path:
    return model_dir.with_name(f"{model_dir.name}.installed.json")


def _read_model(language: str, path: Path) -> InstalledModel:
    try:
        record = json.loads(_record_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        record = {}
    record = record if isinstance(record, dict) else {}
    sha256 = record.get("sha256")
    return InstalledModel(language, path.name, path, sha256 if isinstance(sha256, str) else None,
                          record.get("sha256_verified") is True,
                          str(record["source"]) if record.get("source") is not None else None)


class ModelStore:
    def __init__(self, root: Path, limits: Limits = MODEL_LIMITS) -> None:
        self.root = root
        self.limits = limits
        self._choices = root / "choices.json"

    # -- listing and choosing ---------------------------------------------------------------------------

    def installed(self) -> list[InstalledModel]:
        found = []
        if self.root.is_dir():
            languages = [p for p in self.root.iterdir() if p.is_dir() and not p.name.startswith(".")]
            for lang_dir in sorted(languages):
                for model in sorted(p for p in lang_dir.iterdir() if p.is_dir() and is_model_dir(p)):
                    found.append(_read_model(lang_dir.name, model))
        return found

    def catalogue(self) -> dict[str, CatalogueEntry]:
        """Where each language's model is downloaded from: the bundled catalogue, with the
        entries of ``catalogue.json`` in this folder (an IT department's) in place of its own."""
        return load_catalogue(self.root / CATALOGUE_FILE)

    def chosen(self, language: str) -> InstalledModel | None:
        """The model picked for ``language``, else the first installed one."""
        models = [m for m in self.installed() if m.language == language]
        name = self._read_choices().get(language)
        return next((m for m in models if m.name == name), models[0] if models else None)

    def choose(self, language: str, name: str) -> None:
        if not any(m.language == language and m.name == name for m in self.installed()):
            raise ModelError("There is no {language} model called {name}.", language=language, name=name)
        choices = self._read_choices()
        choices[language] = name
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self._choices.with_suffix(".tmp")
        tmp.write_text(json.dumps(choices, indent=2), encoding="utf-8")
        tmp.replace(self._choices)

    def _read_choices(self) -> dict[str, str]:
        try:
            data = json.loads(self._choices.read_text(encoding="utf-8"))
            return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    # -- importing ------------------------------------------------------------------------------------------

    def import_model(self, source: Path, language: str) -> InstalledModel:
        """Install a model from a ``.zip`` file or a folder; the original is left untouched."""
        if not source.exists():
            raise ModelError("{path} does not exist.", path=source)
        sha256 = None if source.is_dir() else _sha256(source)
        return self._install(source, language, {"source": str(source), "sha256": sha256,
                                                "sha256_verified": False})

    def _install(self, source: Path, language: str, record: dict[str, Any]) -> InstalledModel:
        self.root.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=self.root, prefix=".import-") as tmp:
            staging = Path(tmp) / "unpacked"
            try:
                name, staging = self._unpack(source, staging)
            except ArchiveError as exc:  # refused before anything was written, or while unpacking
                raise ModelError(exc.template, **exc.fields) from None
            target = self.root / language / name
            if target.exists():
                raise ModelError("A {language} model called {name} is already installed.",
                                 language=language, name=name)
            target.parent.mkdir(parents=True, exist_ok=True)
            pending = Path(tmp) / "installed.json"
            pending.write_text(json.dumps(record, indent=2), encoding="utf-8")
            staging.rename(target)  # same file system: atomic
            os.replace(pending, _record_path(target))
        return _read_model(language, target)

    def _unpack(self, source: Path, staging: Path) -> tuple[str, Path]:
        """The model's name and where it is, unpacked or copied under ``staging``."""
        if source.is_dir():
            root = find_model_root(source)
            if root is None:
                raise ModelError(NOT_A_MODEL, path=source)
            copy_folder(root, staging, self.limits)
            return root.name, staging
        try:
            extract_zip(source, staging, self.limits)
        except zipfile.BadZipFile:
            raise ModelError("{name} is not a zip file.", name=source.name) from None
        except OSError as exc:
            raise ModelError("{name} could not be unpacked: {reason}.",
                             name=source.name, reason=exc.strerror or exc) from None
        root = find_model_root(staging)
        if root is None:
            raise ModelError(NOT_A_MODEL, path=source.name)
        if root == staging:
            return source.stem, staging
        moved = staging.parent / "model"
        root.rename(moved)
        return root.name, moved

    def remove(self, model: InstalledModel) -> None:
        shutil.rmtree(model.path)
        _record_path(model.path).unlink(missing_ok=True)

    # -- downloading ---------------------------------------------------------------------------------------

    def download(
        self,
        url: str,
        language: str,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] = lambda: False,
        sha256: str | None = None,
        size: int | None = None,
        restart: bool = False,
        timeout: float = 30.0,
    ) -> InstalledModel:
        """Download a zipped model (resuming a partial download unless ``restart``) and install
        it. ``size`` and ``sha256`` (from the catalogue) are what the zip must be: a download that
        differs is deleted; without a ``sha256`` the zip's is recorded. ``timeout``: give up when
        the server sends nothing for that many seconds (cancel is honoured within a second)."""
        downloads = self.root / ".downloads"
        downloads.mkdir(parents=True, exist_ok=True)
        part = downloads / (Path(url).name or "model.zip")
        part = part.with_name(part.name + ".part")
        if restart:
            part.unlink(missing_ok=True)
        fetch(url, part, size=size, progress=progress, cancelled=cancelled, stall=timeout)
        actual = _sha256(part)
        if sha256 and actual != sha256.lower():
            part.unlink()
            raise ModelError(MISMATCH, name=part.name.removesuffix(".part"), expected=sha256.lower())
        try:
            model = self._install(part, language, {"source": url, "sha256": actual,
                                                   "sha256_verified": bool(sha256)})
        except ModelError:
            part.unlink(missing_ok=True)
            raise
        part.unlink()
        return model


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()
