"""What the sync tests share: the test server's address, a database of its own per test, a PC
of its own (data folder and SQLite file), and stopping and starting the server."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from trainer.app.context import App
from trainer.app.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
ADMIN_DSN = os.environ.get("TRAINER_TEST_PG_DSN", "")


def with_database(dsn: str, name: str) -> str:
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    info = conninfo_to_dict(dsn)
    info["dbname"] = name
    return make_conninfo(**info)


def pg_control(action: str) -> None:
    """Stop (``halt``) or start (``resume``) the test server, keeping its data."""
    subprocess.run(["bash", str(ROOT / ".ci" / "postgres.sh"), action], check=True, timeout=120)


@dataclass
class Server:
    admin_dsn: str
    name: str

    def login(self, hq: App, kind: str, name: str, **kw: object) -> str:
        return hq.server.add_login(self.admin_dsn, kind, name, **kw).dsn  # type: ignore[arg-type]


def open_pc(folder: Path) -> App:
    """A PC of its own: its own data folder and SQLite database, opened as the app opens it."""
    app = App(Settings(data_dir=folder, db_path=folder / "trainer.db"))
    app.open(with_scorer=False)
    return app
