"""The reply scorer, assembled: the rubric in force, the trained detectors and punctuation model,
the sentence encoder and the Chinese word list.

One encoder and one embedding cache per process (loading the encoder takes about a second), and
one scorer per rubric file, so the app and the command line score a reply identically.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the scoring stack is imported on first use, so the window opens without it
    from trainer.domain.scoring.meaning import MeaningMatcher
    from trainer.domain.scoring.scorer import RubricScorer

_lock = threading.Lock()
_matcher: MeaningMatcher | None = None
_scorers: dict[tuple[Path, int], RubricScorer] = {}


def shared_matcher() -> MeaningMatcher:
    """The process's encoder and embedding cache, loaded on first use."""
    from trainer.domain.scoring.meaning import MeaningMatcher
    from trainer.domain.scoring.text import use_segmenter
    from trainer.library.rubric_files import load_segmenter
    from trainer.sentence_encoder import Usem3Encoder

    global _matcher
    with _lock:
        if _matcher is None:
            use_segmenter(load_segmenter())
            _matcher = MeaningMatcher(Usem3Encoder())
        return _matcher


def scorer_for(data_dir: Path | None = None) -> RubricScorer:
    """The scorer for a branch: its own ``rubric.yaml`` in ``data_dir`` if it has one.

    Raises :class:`~trainer.library.loader.ScenarioError` naming the file, line and field when the
    rubric or the detectors are broken.
    """
    from trainer.domain.scoring.detectors import Detectors
    from trainer.domain.scoring.punctuation import Punctuator
    from trainer.domain.scoring.scorer import RubricScorer
    from trainer.library.rubric_files import active_rubric, load_detectors, load_punctuation

    rubric, path = active_rubric(data_dir)
    matcher = shared_matcher()
    key = (path, path.stat().st_mtime_ns)  # an edited rubric takes effect without a restart
    with _lock:
        if key not in _scorers:
            _scorers[key] = RubricScorer(rubric, Detectors(load_detectors()), matcher,
                                         Punctuator(load_punctuation()))
        return _scorers[key]
