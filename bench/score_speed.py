"""How fast the scorer is (prints figures; not a test).

Prints the scorer's load time (rubric, detectors and encoder), p50/p95 latency per reply for
40-word English and 60-character Chinese replies after warm-up (each reply new to the embedding
cache, as in real use), a spoken reply with 5 n-best alternatives (recogniser form: no
punctuation, numbers as words; every alternative is scored), and batch throughput.
Goals on a 2-core machine: load <= 1.5 s; p95 <= 30 ms per typed reply, <= 80 ms per spoken one.

Run: .venv/bin/python bench/score_speed.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from trainer.app.scoring import scorer_for, shared_matcher
from trainer.domain.scoring import RubricScorer
from trainer.domain.spoken import SpokenReply, most_favourable
from trainer.library.catalog import load_catalog

# {n} in every sentence, so no sentence is already in the embedding cache.
EN_WORDS = ("I'm so sorry you've waited {n} minutes, that's really frustrating. Let me check "
            "account {n} now and refund the fee of {n} pounds today; first I'll confirm the "
            "transfer, then I'll call you by 5 pm with reference {n}.")
ZH_TEXT = ("非常抱歉让您等了{n}分钟，我理解您的心情。我现在马上帮您查询第{n}号转账，"
           "今天下午五点前给您回电话，请您放心，谢谢。")
#: What a recogniser prints for a spoken reply, and four alternatives differing in a word or two.
SPOKEN = ("i'm so sorry you waited {w} minutes that's really frustrating let me check your account now "
          "and refund the fee today i'll call you by five p m")
SPOKEN_SWAPS = (("sorry", "sorry"), ("check", "chat"), ("refund", "refunds"), ("fee", "feed"),
                ("call", "cold"))
NUMBER_WORDS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def timed(scorer: RubricScorer, texts: list[str], **kwargs) -> list[float]:
    out = []
    for text in texts:
        start = time.perf_counter()
        scorer.score(text, **kwargs)
        out.append((time.perf_counter() - start) * 1000)
    return out


#: In a fresh process: the import of the scoring stack, then loading and warming the scorer.
LOAD = ("import time; t = time.perf_counter(); from trainer.app.scoring import scorer_for; "
        "import trainer.domain.scoring.scorer; i = time.perf_counter(); scorer_for().warm_up(); "
        "print(i - t, time.perf_counter() - i)")


def main() -> None:
    runs = [subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True, check=True,
                           timeout=120).stdout.split() for _ in range(5)]
    imports, loads = sorted(float(r[0]) for r in runs), sorted(float(r[1]) for r in runs)
    print(f"load (rubric, detectors, encoder, word list, warm-up), 5 fresh processes: median "
          f"{statistics.median(loads):.2f} s, range {loads[0]:.2f}-{loads[-1]:.2f} s; "
          f"importing the scoring stack before it: {statistics.median(imports):.2f} s")
    scorer = scorer_for()
    scorer.warm_up()

    en = [EN_WORDS.format(n=i) for i in range(200)]
    zh = [ZH_TEXT.format(n=i) for i in range(200)]
    print(f"English reply: {len(en[0].split())} words; Chinese reply: {len(zh[0])} characters")
    scenario = next(s for s in load_catalog() if s.language == "zh-CN")
    scorer.prepare(scenario)  # as PracticeService.start does
    for label, texts, kwargs in (("en, no scenario", en, {}), ("zh, no scenario", zh, {}),
                                 ("zh, with scenario steps", zh, {"scenario": scenario})):
        if "steps" in label:
            texts = [ZH_TEXT.format(n=i + 1000) for i in range(200)]
        ms = timed(scorer, texts, **kwargs)
        print(f"{label:26} p50 {statistics.median(ms):5.1f} ms   p95 {percentile(ms, 0.95):5.1f} ms   "
              f"max {max(ms):5.1f} ms")
    spoken_ms = []
    for i in range(200):
        best = SPOKEN.format(w=f"{NUMBER_WORDS[i % 8]} {NUMBER_WORDS[(i // 8) % 8]} {i}")
        heard = SpokenReply(tuple(best.replace(a, b, 1) for a, b in SPOKEN_SWAPS))
        start = time.perf_counter()
        most_favourable(scorer, heard, scenario=None, language="en")
        spoken_ms.append((time.perf_counter() - start) * 1000)
    print(f"{'spoken, 5 alternatives':26} p50 {statistics.median(spoken_ms):5.1f} ms   "
          f"p95 {percentile(spoken_ms, 0.95):5.1f} ms   max {max(spoken_ms):5.1f} ms")
    batch = [template.format(n=i + 5000) for template in (EN_WORDS, ZH_TEXT) for i in range(100)]
    start = time.perf_counter()
    for text in batch:
        scorer.score(text)
    elapsed = time.perf_counter() - start
    print(f"batch throughput: {len(batch) / elapsed:.0f} replies/s ({len(batch)} mixed replies)")
    print(f"embedding cache holds {len(shared_matcher()._cache)} sentences")


if __name__ == "__main__":
    main()
