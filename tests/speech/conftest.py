"""Speech fixtures: the real Korean Vosk model, loaded once for the session."""

from __future__ import annotations

import pytest

from trainer.speech.recognizer import SpeechModel

from speech_helpers import korean_model_path


@pytest.fixture(scope="session")
def korean_model() -> SpeechModel:
    return SpeechModel(korean_model_path())
