"""Column widths for a table on a page: every header and cell on one line where the page has room,
else the widest columns narrowed (their text wraps) but never below their longest word.

Pure arithmetic on widths measured by the caller (the PDF scorecards measure them with Qt's font
metrics), so nothing is ever cut short with an ellipsis.
"""

from __future__ import annotations

from collections.abc import Sequence


def fit_columns(total: float, shares: Sequence[float], natural: Sequence[float],
                narrowest: Sequence[float]) -> list[float]:
    """Widths adding up to ``total``.

    ``shares``: each column's preferred fraction of the width (they add up to 1);
    ``natural``: the width each needs for its header and cells on one line;
    ``narrowest``: the width below which its longest word would have to break.

    When the natural widths fit, each column gets its share or its natural width, whichever is
    more, the spare room taken from those above their natural width. When they do not, the widest
    columns are narrowed first, to one width, each no narrower than its longest word (so a long
    name wraps before a short header does); when even the longest words do not fit, the width is
    shared in proportion to them (long words then break).
    """
    if sum(natural) <= total:
        wanted = [max(n, s * total) for n, s in zip(natural, shares, strict=True)]
        return _shrink(wanted, natural, total)
    floors = [min(m, n) for m, n in zip(narrowest, natural, strict=True)]
    if sum(floors) > total:
        return [total * m / sum(floors) for m in floors]
    low, high = 0.0, max(natural)
    for _ in range(60):  # the one cap at which the capped widths fill the page
        cap = (low + high) / 2
        if sum(max(f, min(n, cap)) for f, n in zip(floors, natural, strict=True)) > total:
            high = cap
        else:
            low = cap
    return _shrink([max(f, min(n, low)) for f, n in zip(floors, natural, strict=True)], floors, total)


def _shrink(widths: list[float], floors: Sequence[float], total: float) -> list[float]:
    """``widths`` made to add up to ``total``, each above its floor giving up room in proportion
    to how far above it is (the floors add up to no more than ``total``)."""
    excess = sum(widths) - total
    slack = [w - f for w, f in zip(widths, floors, strict=True)]
    room = sum(slack)
    if excess < 0:  # room to spare: shared out evenly
        return [w - excess / len(widths) for w in widths]
    if room <= 0:
        return widths
    return [w - excess * s / room for w, s in zip(widths, slack, strict=True)]
