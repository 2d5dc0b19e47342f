"""Where a branch PC keeps its central-server credential: ``sync.json`` in the data folder, written
whole (a temporary file, then moved into place) and readable by its owner only (0600). Never in
the database, so a copied database carries no credential."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from trainer.domain.errors import InvalidInput


@dataclass(frozen=True)
class SyncConfig:
    dsn: str
    """libpq connection string or URI, with the branch's login and password (``sslmode`` too)."""
    branch: str
    """The branch this PC belongs to, as the server knows it ("" for HR's and trainers' PCs)."""
    kind: str = "branch"
    """"branch": pushes its practice; "hr" or "coach": pulls the central record it may read."""


def read_config(path: Path) -> SyncConfig | None:
    """The stored configuration, or ``None`` when no server is configured."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise InvalidInput("{path} cannot be read as the sync settings: {reason}", path=path,
                           reason=str(exc)) from None
    if not isinstance(data, dict) or not isinstance(data.get("dsn"), str) or not isinstance(
            data.get("branch"), str):
        raise InvalidInput("{path} must hold a 'dsn' and a 'branch' (run trainer sync setup again)",
                           path=path)
    return SyncConfig(data["dsn"], data["branch"], str(data.get("kind", "branch")))


def write_config(path: Path, config: SyncConfig | None) -> None:
    """Store ``config`` owner-only (or remove the file for ``None``)."""
    if config is None:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump({"dsn": config.dsn, "branch": config.branch, "kind": config.kind}, out)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)
