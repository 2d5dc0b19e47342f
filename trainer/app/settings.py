"""Where everything the program keeps is found: one object the app and the command line share.

The data directory (the user's, from platformdirs, or ``TRAINER_DATA_DIR``) holds the database
(unless ``TRAINER_DB`` or ``--db`` names another), the branch's own rules (``incentives.yaml``,
``rubric.yaml``) and settings (``xapi.yaml``), the log and the speech models. Trainers' scenarios
and kept recordings live beside the database, so a database copied to another PC takes them along.
The desktop app's preferences (language, window size, mute, export folder) are
``preferences.ini`` in the data directory.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "teller-trainer"


def default_data_dir() -> Path:
    """The user's data directory for this program (on Linux ``~/.local/share/teller-trainer``)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    db_path: Path

    @classmethod
    def load(cls, db_path: Path | str | None = None, data_dir: Path | str | None = None) -> Settings:
        """``db_path``/``data_dir`` if given, else ``TRAINER_DB``/``TRAINER_DATA_DIR``, else the
        user's data directory."""
        root = Path(data_dir or os.environ.get("TRAINER_DATA_DIR") or default_data_dir())
        db = db_path or os.environ.get("TRAINER_DB") or root / "trainer.db"
        return cls(root, Path(db))

    @property
    def rules_dir(self) -> Path:
        """Where a branch's own ``incentives.yaml`` and ``rubric.yaml`` are looked for, and its
        xAPI settings (``xapi.yaml``: home page and platform) kept."""
        return self.data_dir

    @property
    def user_scenarios_dir(self) -> Path:
        return self.db_path.parent / "scenarios"

    @property
    def test_play_db_path(self) -> Path:
        """Where trainers' test-plays of drafts are kept: beside the database, never in it, so no
        point, leaderboard, coaching view, report or export can count them."""
        return self.db_path.with_name(f"{self.db_path.stem}-test-play.db")

    @property
    def recordings_dir(self) -> Path:
        return self.db_path.parent / "recordings"

    @property
    def log_path(self) -> Path:
        return self.data_dir / "trainer.log"

    @property
    def models_dir(self) -> Path:
        return self.data_dir / "speech-models"

    @property
    def central_mirror_path(self) -> Path:
        """HR's or a trainer's copy of the central record (when this PC syncs with such a login):
        beside the database, so reports read it as they read any database."""
        return self.db_path.with_name(f"{self.db_path.stem}-central.db")

    @property
    def sync_config_path(self) -> Path:
        """The central server this PC syncs with, and its credential (owner-only; none: no sync)."""
        return self.data_dir / "sync.json"

    @property
    def preferences_path(self) -> Path:
        return self.data_dir / "preferences.ini"
