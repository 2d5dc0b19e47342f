"""Load the rubric (``rubric.yaml``) and the trained detectors (``detectors.npz``).

The branch's own ``rubric.yaml`` in the data directory replaces the bundled one, as
``incentives.yaml`` does; problems are reported like scenario problems: file, line, field. The
detectors are the bundled, trained file; a branch changes points, reasons and thresholds in its
rubric, not the weights.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

from trainer.domain.scoring.detectors import DetectorWeights
from trainer.domain.scoring.punctuation import PunctuationWeights
from trainer.domain.scoring.rubric import Rubric
from trainer.library.loader import Report, ScenarioError, load_model_file
from trainer.resources import bundled_path

RUBRIC_FILE = "rubric.yaml"


def bundled_rubric_path() -> Path:
    return bundled_path("assets") / "rubric" / RUBRIC_FILE


def bundled_detectors_path() -> Path:
    return bundled_path("assets") / "rubric" / "detectors.npz"


def load_rubric(path: Path) -> Rubric:
    """Raises :class:`ScenarioError` (the loader's error type) with every problem found."""
    return load_model_file(path, Rubric)


def active_rubric(data_dir: Path | None) -> tuple[Rubric, Path]:
    """The branch's own rubric if present, else the bundled one (and where it came from)."""
    own = data_dir / RUBRIC_FILE if data_dir is not None else None
    path = own if own is not None and own.exists() else bundled_rubric_path()
    return load_rubric(path), path


def bundled_words_path() -> Path:
    return bundled_path("assets") / "rubric" / "zh_words.txt"


def load_segmenter(path: Path | None = None) -> Callable[[str], list[str]]:
    """jieba with the scorer's own Chinese word list (``training/build_zh_words.py``), which loads
    in a tenth of the time of jieba's full dictionary."""
    import jieba

    jieba.setLogLevel(60)
    tokenizer = jieba.Tokenizer(dictionary=str(path or bundled_words_path()))
    tokenizer.initialize()
    return lambda text: tokenizer.lcut(text, HMM=False)


def bundled_punctuation_path() -> Path:
    return bundled_path("assets") / "rubric" / "punctuation.npz"


def load_punctuation(path: Path | None = None) -> PunctuationWeights:
    path = path or bundled_punctuation_path()
    try:
        with np.load(path, allow_pickle=False) as data:
            return PunctuationWeights(data["weights"], data["bias"], str(data["version"]))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise ScenarioError([Report(str(path), None,
                                    f"the punctuation model cannot be read ({exc})")]) from None


def load_detectors(path: Path | None = None) -> DetectorWeights:
    path = path or bundled_detectors_path()
    try:
        with np.load(path, allow_pickle=False) as data:
            return DetectorWeights(
                labels=tuple(str(x) for x in data["labels"]),
                weights=data["weights"].astype(np.float32),
                bias=data["bias"].astype(np.float32),
                thresholds=data["thresholds"].astype(np.float32),
                feature_names=tuple(str(x) for x in data["feature_names"]),
                cues=json.loads(str(data["cues"])),
                version=str(data["version"]),
            )
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise ScenarioError([Report(str(path), None,
                                    f"the scorer's detectors cannot be read ({exc})")]) from None
