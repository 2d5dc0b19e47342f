"""What the centre owns, through the central server: accounts (with their teams), the incentive
rules and the scenario packs.

HR's PC publishes them. The accounts HR creates, changes or disables on its own accounts page (or
with ``trainer accounts``) go up in its sync round, each to the branch its team names
(``north · Team A``, or just ``north``; an account whose team names no branch stays on HR's PC);
``trainer sync publish rules FILE`` and ``trainer sync publish pack FILE`` publish a file after
checking it with the same loaders the app uses, so a file with a problem is refused in one
sentence and nothing reaches the server.

A branch PC takes them in at each round: its branch's accounts into its own accounts table (marked
central: while the PC syncs, HR changes them, not the branch; their password hashes are local, so
they sign in offline), the newest rules into its ``incentives.yaml``, and each newly published
pack through the pack import's own checks and writes (its scenarios then read-only there: the
editor saves a copy under a new id). Each is taken once: the PC remembers the number of the newest
rules and pack it took.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from trainer.app.sync_connection import SyncError, check_schema, connect, server_at, server_failure
from trainer.domain.accounts import Identity
from trainer.domain.errors import UserError
from trainer.library.incentive_rules import load_rules, load_rules_text, write_rules
from trainer.library.loader import Report, read_text_file
from trainer.library.packs import PackError, apply_pack
from trainer.storage import central_accounts
from trainer.storage.central import published
from trainer.storage.central import records as central
from trainer.storage.central_mirror import branch_team

if TYPE_CHECKING:
    import psycopg

    from trainer.app.context import App
    from trainer.app.sync import SyncReport

T = TypeVar("T")


# -- HR's PC ------------------------------------------------------------------------------------------

def push_accounts(app: App, conn: psycopg.Connection, report: SyncReport) -> None:
    """HR's round: the accounts made or changed here since the last, each to its branch. Only while
    an HR administrator is signed in: whoever else signs in on HR's PC sends nobody's account."""
    who = app.accounts.caller()
    if who is not None and not who.may("manage_accounts"):
        return
    rows = central_accounts.outgoing(app.repo.db)
    if not rows:
        return
    branches = set(central.branch_ids(conn))
    ready, unplaced = [], []
    for r in rows:
        placed = branch_team(r["team"], branches)
        if placed is None:
            if r["role"] != "hr_admin" or r["team"]:  # HR's own administrators stay here
                unplaced.append(r["username"])
            continue
        ready.append({**r, "branch_id": placed[0], "team": placed[1],
                      "trainee_uuid": r["trainee_uuid"] if r["role"] != "hr_admin" else None,
                      "updated_by": who.username if who else None})
    sent = published.push_accounts(conn, ready)
    refused = {r["uuid"] for r in sent.refused}
    central_accounts.confirm_sent(app.repo.db, [r for r in ready if r["uuid"] not in refused])
    report.pushed["accounts"] += sent.sent
    if unplaced:
        report.notes.append(f"Not sent (their team names no branch; write it as 'north · Team A'): "
                            f"{', '.join(unplaced)}.")
    for r in sent.refused:
        report.notes.append(f"Not sent: branch {r['branch_id']} already has an account called "
                            f"{r['username']}, made on another PC.")


def _hr_dsn(app: App) -> str:
    config = app.sync.config()
    if config is None or config.kind != "hr":
        raise SyncError("publishing needs this PC to sync with an HR login (trainer sync setup with "
                        "the connection string of an HR login)")
    return config.dsn


def _publish(dsn: str, send: Callable[[psycopg.Connection], T]) -> T:
    """``send`` on a connection of an HR login to a server of this schema; a refusal or a server
    that went away is one sentence."""
    import psycopg

    try:
        with connect(dsn) as conn:
            check_schema(conn, dsn)
            if central.login_kind(conn) not in ("hr", "admin"):
                raise SyncError("the central server at {where} does not know this PC's login as HR's: "
                                "nothing was published", where=server_at(dsn))
            return send(conn)
    except psycopg.Error as exc:
        raise server_failure(exc, dsn) from None


def publish_rules(app: App, path: Path, login: str = "") -> int:
    """Publish the incentive rules in ``path`` (HR): checked first as the app reads them (a problem
    is one sentence naming the file, line and field, and nothing is written); every branch takes
    them at its next round. Returns the version number the server gave them."""
    who = app.accounts.require_unless_alone("manage_accounts", "publish to the central server")
    dsn = _hr_dsn(app)
    load_rules(path)
    text = read_text_file(path)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    version = _publish(dsn, lambda conn: published.publish_rules(conn, text, digest, _by(who, login)))
    app.accounts.record("rules_published", {"file": str(path), "version": version}, login)
    return version


def publish_pack(app: App, path: Path, login: str = "") -> tuple[str, int, list[str]]:
    """Publish the scenario pack ``path`` (HR) as the next version of the pack of its file's name:
    checked first as an import checks it (every scenario valid, none replacing a bundled one);
    every branch installs it at its next round. Returns (name, version, scenario ids)."""
    who = app.accounts.require_unless_alone("manage_accounts", "publish to the central server")
    dsn = _hr_dsn(app)
    preview = app.authoring.check_pack(path)
    data = path.read_bytes()
    ids = sorted(preview.added + preview.replaced)
    name = path.stem
    _, version = _publish(dsn, lambda conn: published.publish_pack(
        conn, name, data, hashlib.sha256(data).hexdigest(), ids, _by(who, login)))
    app.accounts.record("pack_published", {"name": name, "version": version, "ids": ids}, login)
    return name, version, ids


def _by(who: Identity | None, login: str) -> str:
    return who.username if who is not None else f"{login or '?'} (command line)"


# -- a branch PC --------------------------------------------------------------------------------------

def pull_centre(app: App, conn: psycopg.Connection, branch: str, report: SyncReport) -> None:
    """A branch's round: its accounts, the newest rules and the new packs, each taken once."""
    db = app.repo.db
    now = app.clock().isoformat()
    names = central_accounts.merge_central(db, published.accounts_of(conn, branch), now)
    report.pulled["accounts"] += len(names)
    rules = _pull_rules(app, conn, report)
    packs = _pull_packs(app, conn, report)
    if names or rules or packs:
        app.accounts.record_central("central_taken", {"accounts": names or "—", "rules": rules or "—",
                                                      "packs": packs or "—"})


def _pull_rules(app: App, conn: psycopg.Connection, report: SyncReport) -> int | None:
    db = app.repo.db
    newest = published.newest_rules(conn)
    if newest is None or newest["version"] <= central_accounts.taken(db, "rules"):
        return None
    version = int(newest["version"])
    try:
        rules = load_rules_text(newest["yaml"], f"the central incentive rules (version {version})")
    except UserError as exc:  # published by a newer program, say: taken once this one is updated
        report.notes.append(f"Not taken: {exc.sentence}")
        return None
    path = write_rules(app.settings.rules_dir, newest["yaml"])
    app.rules, app.rules_source = rules, str(path)
    central_accounts.set_taken(db, "rules", version)
    report.pulled["rules"] += 1
    report.taken.append(f"the incentive rules (version {version})")
    return version


def _pull_packs(app: App, conn: psycopg.Connection, report: SyncReport) -> list[str]:
    """The packs published since the last taken, the newest version of each name installed (an
    older version published in between is passed over); a pack this PC cannot install stops the
    pull there, so it is tried again at the next round."""
    db = app.repo.db
    rows = published.packs_after(conn, central_accounts.taken(db, "packs"))
    newest = {r["name"]: r["id"] for r in rows}
    installed: list[str] = []
    upto = None
    for r in rows:
        if newest[r["name"]] == r["id"]:
            try:
                _install(app, r)
            except UserError as exc:
                report.notes.append(f"Not taken: the scenario pack {r['name']} (version {r['version']}): "
                                    f"{exc.sentence}")
                break
            installed.append(f"{r['name']} {r['version']}")
        upto = r["id"]
    if upto is not None:
        central_accounts.set_taken(db, "packs", upto)
    # the scenarios the centre's packs brought, read-only here (those taken before this was kept too)
    owned = published.pack_scenarios(conn, central_accounts.taken(db, "packs"))
    if owned != central_accounts.central_scenarios(db):
        central_accounts.set_central_scenarios(db, owned)
    if installed:
        app.reload_catalog()
        report.pulled["packs"] += len(installed)
        report.taken.append("the scenario packs " + ", ".join(installed))
    return installed


def _install(app: App, row: dict[str, Any]) -> None:
    """One published pack, through the import's own checks (it came over the network: read as
    hostile as any pack) and its all-or-nothing writes."""
    name = re.sub(r"[^\w.-]", "_", str(row["name"]))[:60] or "pack"
    if hashlib.sha256(row["archive"]).hexdigest() != row["sha256"]:
        raise PackError([Report(name, None, "the pack is not the one published (its SHA-256 differs)")])
    with tempfile.TemporaryDirectory(prefix=".central-pack-", dir=app.settings.data_dir) as folder:
        pack = Path(folder) / f"{name}.zip"
        pack.write_bytes(row["archive"])
        preview = app.authoring.check_pack(pack)
        apply_pack(preview, app.settings.user_scenarios_dir)
