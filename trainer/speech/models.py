"""Speech models on this computer: list them, import a zip or folder, download the official ones.

Models live in ``<data dir>/speech-models/<language>/<name>/``. Every way in goes through the same
check (a Vosk model has ``am/`` and ``conf/``) and the same atomic move into place, so a broken
import or download never leaves a half-written model behind. A zip or folder is taken in through
``trainer.safe_archive`` with :data:`MODEL_LIMITS` (every member checked before anything is
unpacked; links are never followed, in a zip or a folder). Banks are often air-gapped, so import
comes first; download resumes an interrupted transfer and checks the size the server announced
and every file's CRC in the zip (plus a SHA-256 when one is known).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from trainer.domain.errors import UserError
from trainer.safe_archive import GB, MB, ArchiveError, Limits, copy_folder, extract_zip

#: The official small models (Alpha Cephei), English and Chinese.
OFFICIAL = {
    "en": "https://alphacephei.com/vosk/models/vosk-model-small-en-us-0.15.zip",
    "zh-CN": "https://alphacephei.com/vosk/models/vosk-model-small-cn-0.22.zip",
}
CHUNK = 256 * 1024
NOT_A_MODEL = "{path} is not a Vosk speech model (it has no 'am' and 'conf' folders)."
Progress = Callable[[int, int | None], None]
#: Real Vosk models are 40-80 MB unpacked (the small ones) up to about 2 GB (the big ones) in a
#: few hundred files, packed 2-5 to 1: room to spare for those, none for a zip bomb.
MODEL_LIMITS = Limits(total_bytes=4 * GB, files=10_000, ratio=100, ratio_from=MB)


class ModelError(UserError):
    """Importing or downloading failed; the message is one sentence for the user."""


class Cancelled(ModelError):
    def __init__(self) -> None:
        super().__init__("The download was cancelled; it can be resumed.")


@dataclass(frozen=True)
class InstalledModel:
    language: str
    name: str
    path: Path


def is_model_dir(path: Path) -> bool:
    return (path / "am").is_dir() and (path / "conf").is_dir()


def find_model_root(folder: Path) -> Path | None:
    """The model inside ``folder``: itself, or the one sub-folder that is a model (zips wrap it)."""
    if is_model_dir(folder):
        return folder
    candidates = [p for p in folder.rglob("am") if p.is_dir() and is_model_dir(p.parent)]
    return candidates[0].parent if len(candidates) == 1 else None


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
                    found.append(InstalledModel(lang_dir.name, model.name, model))
        return found

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
            staging.rename(target)  # same file system: atomic
        return InstalledModel(language, name, target)

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

    # -- downloading ---------------------------------------------------------------------------------------

    def download(
        self,
        url: str,
        language: str,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] = lambda: False,
        sha256: str | None = None,
        restart: bool = False,
        timeout: float = 30.0,
    ) -> InstalledModel:
        """Download a zipped model (resuming a partial download unless ``restart``) and install it."""
        downloads = self.root / ".downloads"
        downloads.mkdir(parents=True, exist_ok=True)
        part = downloads / (Path(url).name or "model.zip")
        part = part.with_name(part.name + ".part")
        if restart:
            part.unlink(missing_ok=True)
        have = part.stat().st_size if part.exists() else 0
        request = urllib.request.Request(url, headers={"Range": f"bytes={have}-"} if have else {})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                total = _total_size(response, have)
                if have and response.status != 206:  # the server ignored Range: start again
                    have = 0
                with part.open("ab" if have else "wb") as out:
                    done = have
                    while True:
                        if cancelled():
                            raise Cancelled()
                        block = response.read(CHUNK)
                        if not block:
                            break
                        out.write(block)
                        done += len(block)
                        if progress:
                            progress(done, total)
        except Cancelled:
            raise
        except urllib.error.HTTPError as exc:
            if exc.code == 416 and have:  # nothing left to fetch: the part is complete
                total = have
            else:
                raise ModelError("The download failed: the server answered {code} {reason}.",
                                 code=exc.code, reason=exc.reason) from None
        except (urllib.error.URLError, OSError, TimeoutError) as exc:
            reason = getattr(exc, "reason", exc)
            raise ModelError("The download stopped ({reason}); try again to resume it.",
                             reason=reason) from None
        size = part.stat().st_size
        if total is not None and size != total:
            raise ModelError("The download is incomplete ({size} of {total} bytes); try again to resume it.",
                             size=size, total=total)
        if sha256 and _sha256(part) != sha256.lower():
            part.unlink()
            raise ModelError(
                "The downloaded file does not match its checksum; it was deleted, please try again.")
        try:
            model = self.import_model(part, language)
        except ModelError:
            part.unlink(missing_ok=True)
            raise
        part.unlink()
        return model


def _total_size(response: object, have: int) -> int | None:
    headers = getattr(response, "headers", {})
    content_range = headers.get("Content-Range")
    if content_range and "/" in content_range:
        total = content_range.rsplit("/", 1)[1]
        return int(total) if total.isdigit() else None
    length = headers.get("Content-Length")
    if length and length.isdigit():
        return int(length) + (have if getattr(response, "status", 200) == 206 else 0)
    return None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()
