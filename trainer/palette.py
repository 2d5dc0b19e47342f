"""The colour of each score dimension (and of penalties and critical fails), the same on screen and
on paper. Evidence that cost points is never shown in a dimension's (reward) colour. And the rule
for text on a colour: WCAG 2's contrast ratio, at least 4.5:1."""

COLOURS = {"empathy": "#1b7f5c", "clarity": "#1f5fbf", "solution": "#8a4baf", "penalty": "#a04a00",
           "critical": "#c62828"}
BACKGROUNDS = {"empathy": "#d9f2e6", "clarity": "#dde8fa", "solution": "#efe1f7", "penalty": "#fbe7d3",
               "critical": "#fde0e0"}

#: WCAG 2's minimum contrast for normal text (level AA).
LEGIBLE = 4.5


def _luminance(colour: str) -> float:
    """WCAG 2's relative luminance of ``#rrggbb``: 0 for black, 1 for white."""
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2's contrast ratio of two ``#rrggbb`` colours, 1 (none) to 21 (black on white)."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable_on(ground: str) -> str:
    """Black or white, whichever reads better on ``ground`` (never below 4.5:1: the worst ground
    for both still gives one of them 4.58:1)."""
    return max(("#000000", "#ffffff"), key=lambda text: contrast_ratio(text, ground))


def legible_text(text: str, ground: str) -> str:
    """``text`` (a theme's own text colour) when it reads at :data:`LEGIBLE` on ``ground``,
    else black or white."""
    return text if contrast_ratio(text, ground) >= LEGIBLE else readable_on(ground)
