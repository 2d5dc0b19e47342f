"""Connecting to the central server, and what one sentence says when it cannot be used (offline, a
wrong password, a server set up by another version of this program)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from trainer.domain.errors import InvalidInput, UserError
from trainer.storage.central.schema import SERVER_SCHEMA_VERSION, server_version

if TYPE_CHECKING:
    import psycopg

CONNECT_TIMEOUT_S = 5
STATEMENT_TIMEOUT = "60s"


class SyncError(UserError):
    """The central server cannot be used now (offline, refused, the wrong one); nothing was written."""


def connect(dsn: str) -> psycopg.Connection:
    """A connection to the server, or a :class:`SyncError` saying in one sentence why not."""
    import psycopg

    try:
        # autocommit: each `with conn.transaction()` is a transaction of its own, committed as it
        # closes (not a savepoint of one long implicit transaction committed only at the end)
        # a slow server ends a statement after STATEMENT_TIMEOUT (the round is simply run again)
        return psycopg.connect(dsn, connect_timeout=CONNECT_TIMEOUT_S, application_name="teller-trainer",
                               autocommit=True, options=f"-c statement_timeout={STATEMENT_TIMEOUT}")
    except psycopg.OperationalError as exc:
        raise server_failure(exc, dsn) from None
    except psycopg.ProgrammingError as exc:  # a malformed connection string
        raise InvalidInput("the server address is not a valid connection string: {reason}",
                           reason=_first_line(exc)) from None


def server_failure(exc: Exception, dsn: str) -> SyncError:
    where = server_at(dsn)
    text = str(exc)
    if "password authentication failed" in text or "no password supplied" in text:
        return SyncError("the central server at {where} refused the login and password of this PC",
                         where=where)
    if "does not exist" in text and "database" in text:
        return SyncError("the central server at {where} has no such database", where=where)
    if "permission denied" in text or "row-level security" in text:
        return SyncError("the central server at {where} does not let this PC's login do that ({reason}); "
                         "nothing was written", where=where, reason=_first_line(exc))
    return SyncError("the central server at {where} cannot be reached now ({reason}); practice goes on, "
                     "and the next sync catches up", where=where, reason=_first_line(exc))


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0].removeprefix("connection failed: ")


def server_at(dsn: str) -> str:
    from psycopg.conninfo import conninfo_to_dict

    try:
        info = conninfo_to_dict(dsn)
    except Exception:
        return "?"
    return f"{info.get('host', 'localhost')}:{info.get('port', 5432)}"


def check_schema(conn: psycopg.Connection, dsn: str) -> None:
    version = server_version(conn)
    if version is None:
        raise SyncError("the central server at {where} is not set up for this program "
                        "(run trainer server init there)", where=server_at(dsn))
    if version > SERVER_SCHEMA_VERSION:
        raise SyncError("the central server at {where} was set up by a newer version of this program "
                        "(schema {version}; this one knows {known}): update this program",
                        where=server_at(dsn), version=version, known=SERVER_SCHEMA_VERSION)
    if version < SERVER_SCHEMA_VERSION:
        raise SyncError("the central server at {where} has an older schema ({version}) than this program "
                        "({known}): its administrator must run trainer server init to upgrade it",
                        where=server_at(dsn), version=version, known=SERVER_SCHEMA_VERSION)
