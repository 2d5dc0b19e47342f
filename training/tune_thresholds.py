"""Tune the detectors' thresholds on reply-level labels: the second half of ``make train-scorer``.

``train_scorer.py`` picks each detector's threshold on the labelled clauses. How a clause-level
decision adds up in a whole reply (sentences, clauses, windows over speech, penalties that undo a
sentence) is only seen on whole replies, so this step adjusts the thresholds of the item detectors
to agree best with people's 0/1/2 judgements of whole replies: pairwise ranking agreement on the
dev sets (``eval/dev_registers.jsonl`` and the two spent blind sets, 924 replies, each typed and in
spoken form), by coordinate ascent over a small
grid, keeping a change only when it helps by at least ``MIN_GAIN`` and never below a label's
precision floor (the threshold at which its clauses are still right 60% of the time out of fold,
from ``train_scorer.py``), so the evidence shown stays believable. The critical fails' thresholds
are left as trained (their precision target is a policy, not a fit). The blind set
(``eval/blind4_replies.jsonl``) is never read.

Deterministic; writes the thresholds back into ``assets/rubric/detectors.npz`` and the result into
``training/metrics.json``.

Run: python training/tune_thresholds.py [--passes 2]
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

from recogniser_form import spoken_form  # noqa: E402

import trainer.domain.scoring.scorer as scorer_module  # noqa: E402
from trainer.app.scoring import scorer_for  # noqa: E402
from trainer.domain.scoring.reading import read  # noqa: E402
from trainer.domain.scoring.rubric import CRITICAL_IDS  # noqa: E402

DEV = tuple(ROOT / "eval" / name for name in
            ("dev_registers.jsonl", "blind_replies.jsonl", "blind2_replies.jsonl"))
DETECTORS = ROOT / "assets" / "rubric" / "detectors.npz"
METRICS = ROOT / "training" / "metrics.json"
GRID = (0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.96, 0.98, 0.99)
MIN_GAIN = 0.002
DIMENSIONS = ("empathy", "clarity", "solution")


def agreement(rows: list[dict], scores: list[dict]) -> float:
    """Mean pairwise ranking accuracy over dimensions and languages (ties count as wrong)."""
    by_situation: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        by_situation[row["situation"]].append(i)
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for indices in by_situation.values():
        for a, b in itertools.combinations(indices, 2):
            for d in DIMENSIONS:
                if rows[a][d] == rows[b][d]:
                    continue
                hi, lo = (a, b) if rows[a][d] > rows[b][d] else (b, a)
                t = tally[(d, rows[a]["lang"][:2])]
                t[1] += 1
                t[0] += scores[hi][d] > scores[lo][d]
    return float(np.mean([ok / n for ok, n in tally.values()]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Tune the detectors' thresholds on whole replies.")
    parser.add_argument("--passes", type=int, default=2)
    args = parser.parse_args(argv)
    rows = [{**row, "situation": f"{path.stem}/{row['situation']}"} for path in DEV
            for row in map(json.loads, filter(str.strip, path.read_text(encoding="utf-8").splitlines()))]
    rows = rows + [{**r, "reply": spoken_form(r["reply"], r["lang"]) or "…",
                    "situation": r["situation"] + "/s"} for r in rows]
    scorer = scorer_for()
    cache: dict[tuple, object] = {}

    def cached_read(text, detectors, matcher, breaks=(), punctuator=None):  # type: ignore[no-untyped-def]
        key = (text, breaks)
        if key not in cache:
            cache[key] = read(text, detectors, matcher, breaks, punctuator)
        return cache[key]

    scorer_module.read = cached_read  # the readings do not depend on the thresholds
    weights = scorer._detectors.weights
    trained = {label: float(t) for label, t in zip(weights.labels, weights.thresholds, strict=True)}
    with np.load(DETECTORS, allow_pickle=False) as data:
        floors = dict(zip(weights.labels, (float(f) for f in data["floors"]), strict=True))
    current = dict(trained)
    scorer.threshold = lambda label: current[label]  # type: ignore[method-assign]

    def objective() -> float:
        return agreement(rows, [scorer.score(r["reply"]).__dict__ for r in rows])

    best = objective()
    start = best
    print(f"dev agreement with the trained thresholds: {best:.4f}")
    tunable = [label for label in weights.labels if label not in CRITICAL_IDS]
    for n in range(args.passes):
        for label in tunable:
            keep = current[label]
            for t in GRID:
                if t == keep or t < floors[label]:
                    continue
                current[label] = t
                value = objective()
                if value >= best + MIN_GAIN:
                    best, keep = value, t
            current[label] = keep
        print(f"pass {n + 1}: {best:.4f}")
    changed = {k: (round(trained[k], 2), v) for k, v in current.items() if v != trained[k]}
    for label, (was, now) in sorted(changed.items()):
        print(f"  {label:22} {was:.2f} -> {now:.2f}")
    with np.load(DETECTORS, allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files}
    arrays["thresholds"] = np.asarray([current[label] for label in weights.labels], dtype=np.float32)
    digest = hashlib.sha1(arrays["weights"].tobytes() + arrays["thresholds"].tobytes()).hexdigest()[:12]
    arrays["version"] = np.asarray(digest)
    np.savez_compressed(DETECTORS, **arrays)
    metrics = json.loads(METRICS.read_text(encoding="utf-8")) if METRICS.exists() else {}
    metrics["reply_level_tuning"] = {"dev_sets": [str(p.relative_to(ROOT)) for p in DEV],
                                     "before": round(start, 4),
                                     "after": round(best, 4), "changed": changed}
    metrics["version"] = digest
    METRICS.write_text(json.dumps(metrics, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {DETECTORS.relative_to(ROOT)} (version {digest})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
