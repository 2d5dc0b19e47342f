"""Prints how long loading the scenario library and playing a turn take (not a test).

Run: .venv/bin/python bench/library_and_turns.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from trainer.app.scoring import scorer_for
from trainer.domain.practice import Practice
from trainer.library.catalog import load_catalog
from trainer.storage.database import open_database
from trainer.storage.repository import Repository


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> None:
    t0 = time.perf_counter()
    catalog = load_catalog()
    print(f"library: {len(catalog)} scenarios loaded and validated in {ms(time.perf_counter() - t0)}")

    scorer = scorer_for()
    zh = next(s for s in catalog if s.language == "zh-CN")
    t0 = time.perf_counter()
    scorer.score("您好，非常抱歉让您久等了，我马上帮您查询。", scenario=zh)
    print(f"first Chinese reply with step matching (sentence encoder and jieba loads included): "
          f"{ms(time.perf_counter() - t0)}")

    with tempfile.TemporaryDirectory() as tmp:
        repo = Repository(open_database(Path(tmp) / "bench.db"))
        trainee = repo.trainee("bench")
        per_turn = []
        for scenario in catalog:
            scorer.prepare(scenario)  # as PracticeService.start does
            for turn in scenario.turns:
                practice = Practice(scenario, scorer, repo, trainee)
                start = time.perf_counter()
                practice.reply(turn.model_answer)  # score + dialogue + committed write
                per_turn.append(time.perf_counter() - start)
        per_turn.sort()
        p95 = per_turn[int(0.95 * (len(per_turn) - 1))]
        print(f"turn (score + engine + SQLite commit), {len(per_turn)} turns: "
              f"p50 {ms(statistics.median(per_turn))}, p95 {ms(p95)}, max {ms(per_turn[-1])}")


if __name__ == "__main__":
    main()
