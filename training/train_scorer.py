"""Train the scorer's item detectors from the labelled corpus: ``make train-scorer``.

Reads every ``training/corpus/*.jsonl`` (format and labels: ``training/LABELLING.md``), adds each
clause's spoken form (``recogniser_form.py``: what a recogniser would type), puts both through the
scorer's own normalisation, embeds them with the multilingual sentence encoder, and fits one
logistic head per label over [embedding, lexical features]. A label's threshold is chosen on
out-of-fold predictions (5 folds, grouped so a clause and its spoken form stay together), then
the heads are fitted on everything and written to ``assets/rubric/detectors.npz``, with the
cross-validated figures in ``training/metrics.json``.

Deterministic: the same corpus gives the same file. Embeddings are cached in ``training/.cache``
(not committed), so a second run takes seconds. Needs the ``train`` extra (scikit-learn).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from pathlib import Path

import numpy as np
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

from check_corpus import LABELS, problems  # noqa: E402
from recogniser_form import spoken_form  # noqa: E402

from trainer.domain.scoring.features import FEATURE_NAMES, Cues, feature_matrix  # noqa: E402
from trainer.domain.scoring.normalise import canonical, normalise  # noqa: E402
from trainer.domain.scoring.text import units  # noqa: E402
from trainer.library.rubric_files import bundled_rubric_path, load_rubric  # noqa: E402
from trainer.sentence_encoder import Usem3Encoder  # noqa: E402

CORPUS = ROOT / "training" / "corpus"
CACHE = ROOT / "training" / ".cache" / "embeddings.npz"
OUT = ROOT / "assets" / "rubric" / "detectors.npz"
METRICS = ROOT / "training" / "metrics.json"
CUES = ROOT / "training" / "cues.yaml"
#: Labels whose false alarms cost a trainee most (a critical fail, a penalty) lean to precision.
PRECISION_LABELS = {"asks_for_secret", "other_customer_data", "impossible_promise", "blame",
                    "dismissal", "defensive", "cancelled_apology", "conditional_apology"}
C = 2.0
#: Reply-level tuning (tune_thresholds.py) may lower a threshold only as far as this precision.
PRECISION_FLOOR = 0.6
#: A critical fail shown to a trainee who did nothing wrong costs the most trust (0.95); a PIN
#: request missed costs the bank more, and it is gated by its key words anyway (0.85).
TARGET_PRECISION = {"asks_for_secret": 0.85, "other_customer_data": 0.95, "impossible_promise": 0.95}
FOLDS = 5


def load_corpus(folder: Path) -> list[dict]:
    records, seen = [], set()
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            record = json.loads(line)
            found = problems(record)
            if found:
                raise SystemExit(f"{path}:{number}: {found[0]}")
            key = " ".join(record["text"].split()).casefold()
            if key in seen:
                continue
            seen.add(key)
            record["source"] = f"{path.name}:{number}"
            records.append(record)
    return records


def training_rows(records: list[dict]) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """Each clause as the detectors read it (normalised, then in canonical form: see
    ``normalise.canonical``), typed and spoken; its labels; which labels the row may teach; and
    its group (the record it came from).

    The scorer also reads the pieces of a clause (its shorter clauses; windows over speech), so
    those are rows too. A piece cannot show a label its whole clause does not, so it is a sure
    negative for every label the record lacks; for the record's own labels it is left out
    (a piece may or may not carry them).
    """
    texts, labels, usable, groups = [], [], [], []
    for g, record in enumerate(records):
        has = [label in record["labels"] for label in LABELS]
        forms = {normalise(record["text"]).text,
                 normalise(spoken_form(record["text"], record["lang"])).text}
        wholes = {canonical(f) for f in forms} - {""}
        pieces = {canonical(u.text) for f in forms for u in units(f)} - wholes - {""}
        for text in sorted(wholes):
            texts.append(text)
            labels.append(has)
            usable.append([True] * len(LABELS))
            groups.append(g)
        for text in sorted(pieces):
            texts.append(text)
            labels.append([False] * len(LABELS))
            usable.append([not h for h in has])
            groups.append(g)
    return texts, np.asarray(labels, dtype=bool), np.asarray(usable, dtype=bool), np.asarray(groups)


def embed(texts: list[str]) -> np.ndarray:
    cached: dict[str, np.ndarray] = {}
    if CACHE.exists():
        data = np.load(CACHE, allow_pickle=False)
        cached = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))
    keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
    missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in cached}.items())
    if missing:
        encoder = Usem3Encoder(threads=2)
        started = time.perf_counter()
        for i in range(0, len(missing), 256):
            batch = missing[i:i + 256]
            vectors = encoder.encode([t for _, t in batch])
            cached.update({k: v for (k, _), v in zip(batch, vectors, strict=True)})
            print(f"  embedded {min(i + 256, len(missing))}/{len(missing)} "
                  f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)
        CACHE.parent.mkdir(exist_ok=True)
        np.savez(CACHE, keys=np.asarray(list(cached)), vectors=np.stack(list(cached.values())))
    return np.stack([cached[k] for k in keys])


class Gate:
    """The key words the bundled rubric asks of a label's clause (``requires``, or for a penalty
    its ``highlight`` words, without which the scorer asks for near-certainty) and the words
    that undo it (``blockers``)."""

    def __init__(self, needs: re.Pattern[str] | None, undone: re.Pattern[str] | None) -> None:
        self.needs, self.undone = needs, undone

    def passes(self, text: str) -> bool:
        return bool(self.needs is None or self.needs.search(text)) and not (
            self.undone is not None and self.undone.search(text))


def rubric_gates() -> dict[str, Gate]:
    rubric = load_rubric(bundled_rubric_path())
    gates = {}
    for spec in [*rubric.items, *rubric.critical]:
        needs = spec.requires or (spec.highlight if getattr(spec, "points", 0) < 0 else [])
        if needs or spec.blockers:
            gates[spec.id] = Gate(rubric.regex(needs) if needs else None,
                                  rubric.regex(spec.blockers) if spec.blockers else None)
    return gates


def precision_floor(y: np.ndarray, p: np.ndarray) -> float:
    """The lowest threshold at which a label's clauses are still right PRECISION_FLOOR of the
    time (out of fold): below it, the evidence shown to a trainee would too often be wrong."""
    for t in np.arange(0.05, 0.99, 0.01):
        pred = p >= t
        if pred.sum() and float((pred & y).sum()) / float(pred.sum()) >= PRECISION_FLOOR:
            return float(round(t, 2))
    return 0.99


def best_threshold(y: np.ndarray, p: np.ndarray, precision_first: bool, target: float = 0.85) -> float:
    """The threshold with the best F1 out of fold; for precision-first labels, the lowest one
    whose precision reaches ``target`` (else the best F0.5)."""
    if precision_first:
        for t in np.arange(0.20, 0.97, 0.01):
            pred = p >= t
            if pred.sum() >= 10 and float((pred & y).sum()) / float(pred.sum()) >= target:
                return float(round(t, 2))
    beta = 0.5 if precision_first else 1.0
    best, best_t = -1.0, 0.5
    for t in np.arange(0.20, 0.99, 0.01):
        pred = p >= t
        tp = float((pred & y).sum())
        fp = float((pred & ~y).sum())
        fn = float((~pred & y).sum())
        denom = (1 + beta**2) * tp + beta**2 * fn + fp
        score = (1 + beta**2) * tp / denom if denom else 0.0
        if score > best + 1e-9:
            best, best_t = score, float(round(t, 2))
    return best_t


def fit(x: np.ndarray, y: np.ndarray) -> LogisticRegression:
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=2000, solver="lbfgs")
    return model.fit(x, y)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train the scorer's item detectors.")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    records = load_corpus(args.corpus)
    langs = {lang: sum(r["lang"] == lang for r in records) for lang in ("en", "zh-CN")}
    print(f"corpus: {len(records)} clauses ({langs['en']} en, {langs['zh-CN']} zh-CN)")
    texts, y, usable, groups = training_rows(records)
    print(f"training rows (typed and spoken forms, and their pieces): {len(texts)}")
    cues = yaml.safe_load(CUES.read_text(encoding="utf-8"))
    x = np.hstack([embed(texts), feature_matrix(texts, Cues(cues))])
    gates = rubric_gates()
    weights, bias, thresholds, floors, metrics = [], [], [], [], {}
    print(f"\n{'label':22} {'pos':>5} {'thr':>5} {'prec':>6} {'rec':>6} {'f1':>6} {'auroc':>6}")
    for j, label in enumerate(LABELS):
        keep = usable[:, j]
        xj, yj = x[keep], y[keep, j]
        if yj.sum() < 10:
            raise SystemExit(f"label {label}: only {int(yj.sum())} positive clauses; the corpus needs more")
        oof = np.zeros(len(yj))
        for train, test in GroupKFold(n_splits=FOLDS).split(xj, groups=groups[keep]):
            oof[test] = fit(xj[train], yj[train]).predict_proba(xj[test])[:, 1]
        # Where the rubric gates a label by key words, the threshold is chosen among the clauses
        # that pass the gate: those are the only ones the scorer will ask about.
        gate = gates.get(label)
        passing = np.asarray([gate.passes(t) for t in np.asarray(texts)[keep]]) if gate else None
        if passing is None or yj[passing].sum() < 10:
            passing = np.ones(len(yj), dtype=bool)
        t = best_threshold(yj[passing], oof[passing], label in PRECISION_LABELS,
                           TARGET_PRECISION.get(label, 0.85))
        floors.append(precision_floor(yj[passing], oof[passing]))
        pred = oof >= t
        metrics[label] = {
            "positives": int(yj.sum()), "threshold": t,
            "precision": round(float(precision_score(yj, pred, zero_division=0)), 3),
            "recall": round(float(recall_score(yj, pred)), 3),
            "f1": round(float(f1_score(yj, pred)), 3),
            "auroc": round(float(roc_auc_score(yj, oof)), 3),
        }
        m = metrics[label]
        print(f"{label:22} {m['positives']:5d} {t:5.2f} {m['precision']:6.3f} {m['recall']:6.3f} "
              f"{m['f1']:6.3f} {m['auroc']:6.3f}")
        model = fit(xj, yj)
        weights.append(model.coef_[0].astype(np.float32))
        bias.append(float(model.intercept_[0]))
        thresholds.append(t)
    w, b = np.stack(weights), np.asarray(bias, dtype=np.float32)
    version = hashlib.sha1(w.tobytes() + b.tobytes() + json.dumps(cues).encode()).hexdigest()[:12]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out, labels=np.asarray(LABELS), weights=w, bias=b,
        thresholds=np.asarray(thresholds, dtype=np.float32), feature_names=np.asarray(FEATURE_NAMES),
        floors=np.asarray(floors, dtype=np.float32),
        cues=np.asarray(json.dumps(cues, ensure_ascii=False)),
        version=np.asarray(version),
    )
    METRICS.write_text(json.dumps({"version": version, "clauses": len(records), "languages": langs,
                                   "rows": len(texts), "labels": metrics}, indent=1) + "\n",
                       encoding="utf-8")
    print(f"\nwrote {args.out} ({args.out.stat().st_size // 1024} KB, version {version})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
