"""The customer's voice with the real engine (pyttsx3 + espeak-ng): the WAV it writes."""

from __future__ import annotations

import wave
from pathlib import Path

from trainer.domain.scenario import Persona, Voice
from trainer.speech.tts import Synthesizer
from trainer.speech.voices import to_pinyin, utterance


def duration(path: Path) -> tuple[int, float]:
    with wave.open(str(path), "rb") as w:
        assert w.getnchannels() == 1 and w.getsampwidth() == 2
        return w.getframerate(), w.getnframes() / w.getframerate()


PERSONA = Persona(name="Linda", age=38, gender="female", voice=Voice(rate=1.0, pitch=60), mood=70)


def test_english_line_becomes_speech_and_anger_speeds_it_up(tmp_path: Path) -> None:
    line = "Your machine just ate my card and I need cash for my daughter's school trip today."
    for _ in range(4):  # alternating: each line must get its own settings, not the last line's
        calm = Synthesizer().synthesize(utterance(line, "en", PERSONA, 20), tmp_path / "calm.wav")
        angry = Synthesizer().synthesize(utterance(line, "en", PERSONA, 100), tmp_path / "angry.wav")
        rate, calm_s = duration(calm)
        _, angry_s = duration(angry)
        assert rate == 22050
        assert 2.0 < calm_s < 10.0  # about fifteen words
        assert angry_s < calm_s * 0.9  # faster when furious


def test_chinese_goes_through_pinyin(tmp_path: Path) -> None:
    assert to_pinyin("您好，我的钱呢？") == "nin2 hao3 , wo3 de5 qian2 ne5 ?"
    u = utterance("你们银行到底怎么回事？我的钱呢？", "zh-CN", PERSONA, 80)
    assert u.voice.startswith("sit/cmn-latn-pinyin") and "yin2 hang2" in u.text
    rate, seconds = duration(Synthesizer().synthesize(u, tmp_path / "zh.wav"))
    assert rate == 22050 and 1.5 < seconds < 8.0


def test_voice_follows_the_persona() -> None:
    male = Persona(name="Li", age=60, gender="male", voice=Voice(rate=0.8, pitch=30), mood=50)
    u = utterance("Hello.", "en", male, 50)
    assert u.voice == "gmw/en-us+m3" and u.pitch == 30 and u.rate == round(170 * 0.8)
    assert utterance("Hello.", "en", male, 100).volume > u.volume
