"""The colour of each score dimension (and of penalties and critical fails), the same on screen and
on paper. Evidence that cost points is never shown in a dimension's (reward) colour."""

COLOURS = {"empathy": "#1b7f5c", "clarity": "#1f5fbf", "solution": "#8a4baf", "penalty": "#a04a00",
           "critical": "#c62828"}
BACKGROUNDS = {"empathy": "#d9f2e6", "clarity": "#dde8fa", "solution": "#efe1f7", "penalty": "#fbe7d3",
               "critical": "#fde0e0"}
