"""A page of the database damaged while the app runs: the app names the file and points to the
backup, in the interface language, instead of "Something went wrong" (issue 14, item 8)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from trainer.storage.database import open_database
from trainer.ui import errors, i18n


def damaged_read(tmp_path: Path) -> sqlite3.DatabaseError:
    db_path = tmp_path / "trainer.db"
    db = open_database(db_path)
    db["notes"].insert_all({"id": i, "text": "x" * 300} for i in range(2000))
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'notes'").fetchone()[0]
    db.close()
    with db_path.open("r+b") as f:  # overwrite a page in the middle of the table
        f.seek((root + 20) * 4096)
        f.write(bytes((i * 37 + 11) % 256 for i in range(4096)))
    conn = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.DatabaseError) as caught:
        conn.execute("SELECT SUM(length(text)) FROM notes").fetchone()
    return caught.value


def test_a_damaged_page_met_by_a_read_is_named_with_the_file(qapp: object, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    exc = damaged_read(tmp_path)
    monkeypatch.setattr(errors, "database_in_use", tmp_path / "trainer.db")
    assert errors.plain_message(exc) == (f"The database file {tmp_path / 'trainer.db'} is damaged; "
                                         "restore it from a backup.")
    i18n.install("zh-CN")
    try:
        assert str(tmp_path / "trainer.db") in errors.plain_message(exc)
        assert "损坏" in errors.plain_message(exc)
    finally:
        i18n.install("en")
