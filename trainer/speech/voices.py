"""How a customer sounds: espeak-ng voice, rate, pitch and volume from the persona and mood.

Angrier customers speak faster and louder. Chinese is spoken through pinyin with espeak-ng's
``cmn-latn-pinyin`` voice, because its ``cmn`` voice on Debian 12 misreads Chinese characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trainer.domain.scenario import Persona

BASE_RATE_WPM = 170
#: espeak-ng voice ids by language; "+f3"/"+m3" are espeak's female/male variants.
VOICES = {"en": "gmw/en-us", "zh-CN": "sit/cmn-latn-pinyin"}
VARIANTS = {"female": "+f3", "male": "+m3", "unspecified": ""}
_PUNCTUATION = str.maketrans({"，": ", ", "。": ". ", "！": "! ", "？": "? ", "；": "; ", "：": ": ",
                              "、": ", ", "“": "", "”": "", "‘": "", "’": "", "（": " (", "）": ") "})


@dataclass(frozen=True)
class Utterance:
    """What to hand the engine: the text as it should be read, and the voice settings."""

    text: str
    voice: str
    rate: int
    pitch: int
    volume: float


def utterance(line: str, language: str, persona: Persona, mood: int) -> Utterance:
    """The customer's ``line`` as ``persona`` says it at ``mood`` (0 calm ... 100 furious)."""
    anger = max(0, mood - 50) / 50  # 0 at mood 50 or below, 1 when furious
    rate = round(BASE_RATE_WPM * persona.voice.rate * (1 + 0.25 * anger))
    volume = round(min(1.0, 0.75 + 0.25 * anger), 2)
    voice = VOICES.get(language, VOICES["en"]) + VARIANTS[persona.gender]
    text = to_pinyin(line) if language == "zh-CN" else line
    return Utterance(text=text, voice=voice, rate=rate, pitch=persona.voice.pitch, volume=volume)


def to_pinyin(text: str) -> str:
    """Chinese characters as numbered-tone pinyin ("您好" -> "nin2 hao3"); other text kept."""
    from pypinyin import Style, lazy_pinyin  # its phrase dictionary takes ~0.2 s to load

    parts = lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True, errors=lambda s: s)
    return re.sub(r"\s+", " ", " ".join(parts).translate(_PUNCTUATION)).strip()
