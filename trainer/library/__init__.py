"""The scenario library: reading, validating and finding scenario files."""
