"""The colour of each score dimension (and of critical fails), the same on screen and on paper."""

COLOURS = {"empathy": "#1b7f5c", "clarity": "#1f5fbf", "solution": "#8a4baf", "critical": "#c62828"}
BACKGROUNDS = {"empathy": "#d9f2e6", "clarity": "#dde8fa", "solution": "#efe1f7", "critical": "#fde0e0"}
