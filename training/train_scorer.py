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
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

from check_corpus import LABELS, problems  # noqa: E402
from recogniser_form import spoken_form  # noqa: E402

from trainer.domain.scoring.features import FEATURE_NAMES, feature_matrix  # noqa: E402
from trainer.domain.scoring.normalise import normalise  # noqa: E402
from trainer.sentence_encoder import Usem3Encoder  # noqa: E402

CORPUS = ROOT / "training" / "corpus"
CACHE = ROOT / "training" / ".cache" / "embeddings.npz"
OUT = ROOT / "assets" / "rubric" / "detectors.npz"
METRICS = ROOT / "training" / "metrics.json"
#: Labels whose false alarms cost a trainee most (a critical fail, a penalty) lean to precision.
PRECISION_LABELS = {"asks_for_secret", "other_customer_data", "impossible_promise", "blame",
                    "dismissal", "defensive", "cancelled_apology", "conditional_apology"}
C = 2.0
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


def training_rows(records: list[dict]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Each clause as the scorer sees it, typed and spoken; labels; the group (its record)."""
    texts, labels, groups = [], [], []
    for g, record in enumerate(records):
        forms = {normalise(record["text"]).text,
                 normalise(spoken_form(record["text"], record["lang"])).text}
        for form in sorted(forms):
            if not form.strip():
                continue
            texts.append(form)
            labels.append([label in record["labels"] for label in LABELS])
            groups.append(g)
    return texts, np.asarray(labels, dtype=bool), np.asarray(groups)


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


def best_threshold(y: np.ndarray, p: np.ndarray, precision_first: bool) -> float:
    """The threshold with the best F-score (F0.5 for precision-first labels) out of fold."""
    beta = 0.5 if precision_first else 1.0
    best, best_t = -1.0, 0.5
    for t in np.arange(0.20, 0.91, 0.02):
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
    texts, y, groups = training_rows(records)
    print(f"training rows (typed and spoken forms): {len(texts)}")
    x = np.hstack([embed(texts), feature_matrix(texts)])
    weights, bias, thresholds, metrics = [], [], [], {}
    folds = list(GroupKFold(n_splits=FOLDS).split(x, groups=groups))
    print(f"\n{'label':22} {'pos':>5} {'thr':>5} {'prec':>6} {'rec':>6} {'f1':>6} {'auroc':>6}")
    for j, label in enumerate(LABELS):
        yj = y[:, j]
        if yj.sum() < 10:
            raise SystemExit(f"label {label}: only {int(yj.sum())} positive clauses; the corpus needs more")
        oof = np.zeros(len(yj))
        for train, test in folds:
            oof[test] = fit(x[train], yj[train]).predict_proba(x[test])[:, 1]
        t = best_threshold(yj, oof, label in PRECISION_LABELS)
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
        model = fit(x, yj)
        weights.append(model.coef_[0].astype(np.float32))
        bias.append(float(model.intercept_[0]))
        thresholds.append(t)
    w, b = np.stack(weights), np.asarray(bias, dtype=np.float32)
    version = hashlib.sha1(w.tobytes() + b.tobytes()).hexdigest()[:12]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out, labels=np.asarray(LABELS), weights=w, bias=b,
        thresholds=np.asarray(thresholds, dtype=np.float32), feature_names=np.asarray(FEATURE_NAMES),
        version=np.asarray(version),
    )
    METRICS.write_text(json.dumps({"version": version, "clauses": len(records), "languages": langs,
                                   "rows": len(texts), "labels": metrics}, indent=1) + "\n",
                       encoding="utf-8")
    print(f"\nwrote {args.out} ({args.out.stat().st_size // 1024} KB, version {version})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
