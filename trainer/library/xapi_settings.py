"""The branch's xAPI settings: ``xapi.yaml`` in the data directory, beside ``incentives.yaml`` and
``rubric.yaml``. Written by the app (the Reports view's xAPI export) and by ``trainer export
--home-page/--platform``; IT may edit it too. Problems are reported like the other branch files:
file, line, field."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from pydantic import BaseModel, ConfigDict, field_validator

from trainer.domain import xapi
from trainer.domain.errors import UserError
from trainer.domain.xapi import XapiSettings
from trainer.library.loader import load_model_file

FILE_NAME = "xapi.yaml"
_HEADER = ("# Where this branch's xAPI statements say they come from (see docs/cli.md, trainer export).\n"
           "# Written by the app and by 'trainer export --home-page/--platform'.\n")


class SettingsError(UserError):
    """The settings could not be saved; one sentence naming the file."""


class _SettingsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    home_page: str | None = None
    platform: str | None = None

    @field_validator("home_page")
    @classmethod
    def _home_page(cls, value: str | None) -> str | None:
        return None if value is None else xapi.home_page(value)

    @field_validator("platform")
    @classmethod
    def _platform(cls, value: str | None) -> str | None:
        return None if value is None else xapi.platform(value)


def settings_path(data_dir: Path) -> Path:
    return data_dir / FILE_NAME


def load_xapi_settings(data_dir: Path) -> XapiSettings:
    """The settings in ``data_dir`` (none set if there is no file); raises ``ScenarioError``
    naming the file and line of a problem."""
    path = settings_path(data_dir)
    if not path.exists():
        return XapiSettings()
    loaded = load_model_file(path, _SettingsFile)
    return XapiSettings(loaded.home_page, loaded.platform)


def save_xapi_settings(data_dir: Path, settings: XapiSettings) -> None:
    """Write the settings whole (a temporary file moved into place), readable by their owner."""
    path = settings_path(data_dir)
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}\n"  # a JSON string is a YAML string
             for key, value in (("home_page", settings.home_page), ("platform", settings.platform))
             if value is not None]
    temporary: Path | None = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{FILE_NAME}.", suffix=".part", dir=path.parent)
        temporary = Path(name)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(_HEADER + "".join(lines))
        os.replace(temporary, path)
    except OSError as exc:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise SettingsError("cannot save the xAPI settings to {path}: {reason}.", path=path,
                            reason=(exc.strerror or str(exc)).lower()) from None
