"""The recognition path with the real vosk recogniser: WAV -> 16 kHz PCM -> KaldiRecognizer."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.speech.recognizer import ModelUnavailable, SpeechModel, Transcript
from trainer.speech.wav_source import chunks, pcm16k

from speech_helpers import speak_to_wav

GRAMMAR = ["안녕하세요", "감사합니다", "죄송합니다", "네"]


def transcribe(model: SpeechModel, wav: Path, grammar: list[str] | None = GRAMMAR
               ) -> tuple[Transcript, list[str]]:
    t = model.transcriber(grammar)
    partials = [t.feed(c) for c in chunks(pcm16k(wav))]
    return t.finish(), partials


@pytest.mark.parametrize("text", ["안녕하세요 감사합니다", "죄송합니다", "네 감사합니다"])
def test_espeak_korean_is_recognised_exactly_with_a_grammar(korean_model: SpeechModel, tmp_path: Path,
                                                            text: str) -> None:
    wav = speak_to_wav(text, "ko", tmp_path / "speech.wav")
    result, partials = transcribe(korean_model, wav)
    assert result.text == text
    assert any(partials), "partial text shows while speaking"
    words = result.words
    assert [w.text for w in words] == text.split()
    assert all(0 <= w.start < w.end <= result.duration_s + 0.01 for w in words)
    assert [w.start for w in words] == sorted(w.start for w in words)


def test_free_speech_gives_alternatives_and_marks_unsure_words(
    korean_model: SpeechModel, tmp_path: Path
) -> None:
    wav = speak_to_wav("안녕하세요 감사합니다", "ko", tmp_path / "free.wav")
    result, _ = transcribe(korean_model, wav, grammar=None)
    assert result.text and len(result.alternatives) > 1
    assert set(result.unsure_words) <= set(result.text.split())
    differing = {w for alt in result.alternatives[1:] for w in result.text.split() if w not in alt.split()}
    assert set(result.unsure_words) == differing


def test_silence_gives_an_empty_transcript(korean_model: SpeechModel) -> None:
    t = korean_model.transcriber(GRAMMAR)
    t.feed(b"\x00\x00" * 16000)
    result = t.finish()
    assert result.text == "" and result.alternatives == () and abs(result.duration_s - 1.0) < 1e-6


def test_a_folder_that_is_not_a_model_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailable, match="is not a Vosk speech model"):
        SpeechModel(tmp_path)
    (tmp_path / "am").mkdir()
    with pytest.raises(ModelUnavailable, match="could not be loaded"):
        SpeechModel(tmp_path)
