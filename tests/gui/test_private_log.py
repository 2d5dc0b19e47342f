"""The log names trainees: it, and every file it rotates into, is readable by its owner only."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest

from trainer.ui.errors import setup_logging


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def lax_umask():  # type: ignore[no-untyped-def]
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_the_log_and_its_rotations_are_owner_only(tmp_path: Path, lax_umask: None) -> None:
    root = logging.getLogger()
    before = list(root.handlers)
    target = setup_logging(tmp_path / "logs" / "trainer.log")
    handler = next(h for h in root.handlers if h not in before)
    try:
        logging.getLogger("trainer").error("something a trainer should see")
        handler.flush()
        assert mode(target) == 0o600
        handler.doRollover()  # type: ignore[attr-defined]
        logging.getLogger("trainer").error("and after rotating")
        assert mode(target) == 0o600 and mode(target.with_name("trainer.log.1")) == 0o600
    finally:
        root.removeHandler(handler)
        handler.close()
