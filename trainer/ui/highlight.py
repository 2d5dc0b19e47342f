"""The reply as HTML, with each piece of evidence coloured by its dimension."""

from __future__ import annotations

from html import escape

from trainer.domain.score import ReplyScore
from trainer.palette import BACKGROUNDS, COLOURS

__all__ = ["BACKGROUNDS", "COLOURS", "highlighted_html"]


def highlighted_html(text: str, score: ReplyScore) -> str:
    """``text`` with evidence spans underlined: an earning item in its dimension's colour, an item
    that cost points in the penalty colour, a critical fail in red.

    Overlapping spans: the earlier-starting, longer one wins, so no character is wrapped twice.
    Whole-reply items (plain and short) are not highlighted.
    """
    spans: list[tuple[int, int, str]] = [
        (i.start, i.end, i.dimension if i.points >= 0 else "penalty") for i in score.items
        if i.met and i.start is not None and i.end is not None and i.item != "plain_and_short"]
    spans += [(c.start, c.end, "critical") for c in score.critical]
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out, pos = [], 0
    for start, end, kind in spans:
        if start < pos or start >= len(text):
            continue
        out.append(escape(text[pos:start]))
        out.append(
            f'<span style="background:{BACKGROUNDS[kind]}; color:{COLOURS[kind]}; '
            f'text-decoration: underline;">{escape(text[start:end])}</span>'
        )
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")
