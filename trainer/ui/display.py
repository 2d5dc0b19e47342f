"""Is there a screen to open a window on? Checked before Qt is loaded, so a headless machine
gets one plain sentence instead of Qt's platform-plugin abort."""

from __future__ import annotations

import os
import sys

NO_DISPLAY_MESSAGE = (
    "No display found: the desktop app needs a graphical session, so to practise in this "
    "terminal run `.venv/bin/trainer play atm_card_swallowed` "
    "(`.venv/bin/trainer scenarios` lists every scenario)."
)


def has_display(environ: dict[str, str] | None = None, platform: str = sys.platform) -> bool:
    env = os.environ if environ is None else environ
    if env.get("QT_QPA_PLATFORM"):
        return True  # the user chose a platform (offscreen, vnc, ...) on purpose
    if not platform.startswith("linux"):
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
