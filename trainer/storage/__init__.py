"""SQLite storage through sqlite-utils: the database file, its migrations and repositories."""
