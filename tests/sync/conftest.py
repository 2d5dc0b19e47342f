"""A real PostgreSQL server for the sync tests: the throwaway cluster `make test` starts
(.ci/postgres.sh, its administrator's DSN in TRAINER_TEST_PG_DSN). Each test gets a database of
its own on it, set up by ``trainer server init``'s code, and dropped afterwards."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_helpers import ADMIN_DSN, Server, open_pc, with_database

from trainer.app.context import App


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if ADMIN_DSN:
        return
    skip = pytest.mark.skip(reason="no test PostgreSQL server: run `make test` (TRAINER_TEST_PG_DSN)")
    for item in items:
        if "tests/sync/" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture
def server() -> Iterator[Server]:
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(with_database(ADMIN_DSN, "postgres"), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield Server(with_database(ADMIN_DSN, name), name)
    finally:
        with psycopg.connect(with_database(ADMIN_DSN, "postgres"), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def hq(tmp_path: Path, server: Server) -> Iterator[App]:
    """The administrator's PC, with the server's schema set up."""
    app = open_pc(tmp_path / "hq")
    app.server.init(server.admin_dsn)
    yield app
    app.close()
