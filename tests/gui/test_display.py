"""Without a display, the app says so in one sentence instead of Qt's platform-plugin abort."""

from __future__ import annotations

import subprocess
import sys

from trainer.ui.display import NO_DISPLAY_MESSAGE, has_display

from helpers import ROOT


def test_display_detection() -> None:
    assert not has_display({}, "linux")
    assert has_display({"DISPLAY": ":0"}, "linux")
    assert has_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert has_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert has_display({}, "win32")


def test_no_display_is_one_plain_sentence() -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": "/tmp"}
    result = subprocess.run([sys.executable, str(ROOT / "main.py")], env=env, capture_output=True,
                            text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 2
    assert result.stderr.strip() == NO_DISPLAY_MESSAGE
    assert "trainer play" in NO_DISPLAY_MESSAGE
