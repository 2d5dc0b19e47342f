"""Pure domain: scenarios, dialogue, scoring, progress. No Qt, speech engines or SQLite."""
