"""What the centre owns travels down: HR publishes accounts (with their teams), incentive rules and
scenario packs; each branch takes its own once, signs its accounts in offline, and cannot change
them; the server's own rules keep every login to what it may read and write."""

from __future__ import annotations

import uuid
import zipfile
from pathlib import Path

import psycopg
import pytest
from sync_helpers import ADMIN_DSN, ROOT, Server, open_pc, with_database

from trainer.app.accounts import SignInFailed
from trainer.app.context import App
from trainer.app.settings import Settings
from trainer.app.sync import SyncError
from trainer.domain.accounts import AccessDenied
from trainer.library.loader import ScenarioError
from trainer.library.packs import PackError
from trainer.storage.sync_config import SyncConfig, write_config

PIN, NEW_PIN = "417293", "583920"
RULES = (ROOT / "assets" / "incentives.yaml").read_text(encoding="utf-8")


def branch_pc(folder: Path, server: Server, hq: App, branch: str) -> App:
    """A branch PC with its own HR administrator (signed in), pointed at the server."""
    app = open_pc(folder)
    app.accounts.create_first_admin(f"admin_{branch}", "branch-admin-1")
    app.sync.configure(server.login(hq, "branch", branch), branch)
    return app


def hr_pc(folder: Path, server: Server, hq: App) -> App:
    """HR's PC: its own database and administrator, syncing with an HR login."""
    app = open_pc(folder)
    app.accounts.create_first_admin("tina", "secret-admin")
    app.sync.configure(server.login(hq, "hr", "tina"))
    return app


def rules_file(folder: Path, cap: str = "30") -> Path:
    path = folder / "incentives.yaml"
    path.write_text(RULES.replace("improvement_cap: 20", f"improvement_cap: {cap}"), encoding="utf-8")
    return path


def pack_file(folder: Path, name: str = "drills", difficulty: str = "1") -> Path:
    """A pack of one scenario of its own (central_drill), made from a bundled one."""
    text = (ROOT / "scenarios" / "atm_card_swallowed.yaml").read_text(encoding="utf-8")
    text = text.replace("id: atm_card_swallowed", "id: central_drill", 1)
    text = text.replace("situation: atm_card_swallowed", "situation: central_drill", 1)
    text = text.replace("difficulty: 1", f"difficulty: {difficulty}", 1)
    path = folder / f"{name}.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("scenarios/central_drill.yaml", text)
    return path


def count(dsn: str, sql: str) -> int:
    with psycopg.connect(dsn) as conn:
        row = conn.execute(sql).fetchone()
    assert row is not None
    return int(row[0])


def offline_copy(pc: App, folder: Path) -> App:
    """A copy of the branch PC's database opened by a new program, its server unreachable."""
    import sqlite3

    folder.mkdir()
    with sqlite3.connect(pc.settings.db_path) as source, sqlite3.connect(folder / "trainer.db") as copy:
        source.backup(copy)
    app = App(Settings(data_dir=folder, db_path=folder / "trainer.db"))
    write_config(app.settings.sync_config_path, SyncConfig("postgresql://branch_x:pw@127.0.0.1:9/trainer",
                                                           "north"))
    app.open(with_scorer=False)
    return app


def test_hr_publishes_accounts_rules_and_a_pack_and_each_branch_takes_its_own_once(
        tmp_path: Path, server: Server, hq: App) -> None:
    north = branch_pc(tmp_path / "north", server, hq, "north")
    south = branch_pc(tmp_path / "south", server, hq, "south")
    hr = hr_pc(tmp_path / "hr", server, hq)
    hr.accounts.create_account("ann", PIN, "trainee", team="north · Team A")
    hr.accounts.create_account("carl", "coach-carl-1", "trainer", team="north · Team A")
    hr.accounts.create_account("sue", PIN, "trainee", team="south")
    hr.accounts.create_account("zed", PIN, "trainee", team="Team Z")  # names no branch: stays here
    assert hr.sync.publish_rules(rules_file(tmp_path)) == 1
    assert hr.sync.publish_pack(pack_file(tmp_path)) == ("drills", 1, ["central_drill"])
    sent = hr.sync.run_round()
    assert sent.pushed["accounts"] == 3
    assert any("zed" in line and "names no branch" in line for line in sent.lines())
    assert hr.sync.run_round().pushed["accounts"] == 0  # once

    first = north.sync.run_round()
    assert {k: first.pulled[k] for k in ("accounts", "rules", "packs")} == {"accounts": 2, "rules": 1,
                                                                           "packs": 1}
    assert "From the centre: 2 new or changed accounts; the incentive rules (version 1); the scenario " \
           "packs drills 1." in first.lines()
    again = north.sync.run_round()
    assert {k: again.pulled[k] for k in ("accounts", "rules", "packs")} == dict.fromkeys(
        ("accounts", "rules", "packs"), 0)
    assert "From the centre: no new accounts, incentive rules or scenario packs." in again.lines()
    # the rules are the branch's incentives.yaml now, and in force; the pack is in its library
    assert (north.settings.data_dir / "incentives.yaml").read_text(encoding="utf-8") == \
        rules_file(tmp_path).read_text(encoding="utf-8")
    assert north.rules.points.improvement_cap == 30
    assert north.catalog.get("central_drill") is not None
    assert (north.settings.user_scenarios_dir / "central_drill.yaml").exists()
    listing = {a["username"]: a for a in north.accounts.accounts()}
    assert listing["ann"] == {"username": "ann", "role": "trainee", "team": "Team A", "disabled": False,
                              "central": True, "changeable": False}  # HR changes it, on HR's PC
    assert listing["carl"]["role"] == "trainer" and "sue" not in listing and "zed" not in listing
    (entry,) = [e for e in north.accounts.audit_log() if e["action"] == "central_taken"]
    assert entry["username"] == "(central server)"
    # the pack's scenario is the centre's there: a trainer saves a copy under a new id, not it
    north.accounts.sign_in("carl", "coach-carl-1")
    assert north.authoring.published_by_centre("central_drill")
    drill, _ = north.authoring.scenario_source("central_drill")
    with pytest.raises(AccessDenied, match="was published by the centre and cannot be changed on this PC"):
        north.authoring.save_scenario(drill)
    copy = drill.replace("id: central_drill", "id: our_drill", 1)
    assert north.authoring.save_scenario(copy).id == "our_drill"
    north.accounts.sign_in("admin_north", "branch-admin-1")
    # south takes only its own account (the same rules and pack)
    taken = south.sync.run_round()
    assert (taken.pulled["accounts"], taken.pulled["rules"], taken.pulled["packs"]) == (1, 1, 1)
    assert [a["username"] for a in south.accounts.accounts() if a["central"]] == ["sue"]

    # ann signs in at her branch with the PIN HR gave her: offline, the hash is the branch's own
    offline = offline_copy(north, tmp_path / "offline")
    try:
        ann = offline.accounts.sign_in("ann", PIN)
        assert ann.role == "trainee" and ann.trainee_id is not None
        assert offline.repo.trainee_row(ann.trainee_id)["team"] == "Team A"  # type: ignore[index]
        with pytest.raises(SyncError, match="cannot be reached now"):
            offline.sync.run_round()
        with pytest.raises(SignInFailed):
            offline.accounts.sign_in("ann", NEW_PIN)
    finally:
        offline.close()
    # a new PIN and then a disabled account travel the same way, once each
    hr.accounts.reset_password("ann", NEW_PIN)
    assert hr.sync.run_round().pushed["accounts"] == 1
    assert north.sync.run_round().pulled["accounts"] == 1
    assert north.accounts.sign_in("ann", NEW_PIN).username == "ann"
    north.accounts.sign_in("admin_north", "branch-admin-1")
    hr.accounts.set_disabled("ann", True)
    hr.sync.run_round()
    assert north.sync.run_round().pulled["accounts"] == 1
    with pytest.raises(SignInFailed, match="ann is disabled"):
        north.accounts.sign_in("ann", NEW_PIN)
    # a newer version of the rules and of the pack replace the ones taken, once
    hr.sync.publish_rules(rules_file(tmp_path, "40"))
    assert hr.sync.publish_pack(pack_file(tmp_path, difficulty="2"))[1] == 2
    north.accounts.sign_in("admin_north", "branch-admin-1")
    newer = north.sync.run_round()
    assert (newer.pulled["rules"], newer.pulled["packs"]) == (1, 1)
    assert north.rules.points.improvement_cap == 40 and north.catalog.get("central_drill").difficulty == 2  # type: ignore[union-attr]


def test_a_branch_cannot_change_an_account_the_centre_owns(tmp_path: Path, server: Server, hq: App) -> None:
    north = branch_pc(tmp_path / "north", server, hq, "north")
    hr = hr_pc(tmp_path / "hr", server, hq)
    hr.accounts.create_account("ann", PIN, "trainee", team="north · Team A")
    hr.sync.run_round()
    north.sync.run_round()
    north.accounts.create_account("bea", PIN, "trainee", team="Team A")  # the branch's own: its to change
    north.accounts.reset_password("bea", NEW_PIN)
    for change in (lambda: north.accounts.reset_password("ann", NEW_PIN),
                   lambda: north.accounts.set_role("ann", "trainer", "coach-ann-01"),
                   lambda: north.accounts.set_disabled("ann", True)):
        with pytest.raises(AccessDenied) as refused:
            change()
        assert refused.value.sentence == ("ann is an account of the central server: HR changes it on HR's "
                                          "PC, and this PC takes the change at its next sync.")
    assert north.accounts.sign_in("ann", PIN).username == "ann"  # nothing changed
    # with no server any more, the branch's HR administrator keeps it
    north.accounts.sign_in("admin_north", "branch-admin-1")
    north.sync.forget()
    north.accounts.reset_password("ann", NEW_PIN)
    assert north.accounts.sign_in("ann", NEW_PIN).username == "ann"


def test_the_servers_rules_keep_branches_and_trainers_to_reading_their_own_accounts(
        tmp_path: Path, server: Server, hq: App) -> None:
    north = branch_pc(tmp_path / "north", server, hq, "north")
    branch_pc(tmp_path / "south", server, hq, "south")
    hr = hr_pc(tmp_path / "hr", server, hq)
    hr.accounts.create_account("ann", PIN, "trainee", team="north · Team A")
    hr.accounts.create_account("sue", PIN, "trainee", team="south · Team A")
    hr.sync.publish_rules(rules_file(tmp_path))
    hr.sync.publish_pack(pack_file(tmp_path))
    hr.sync.run_round()
    north_dsn = north.sync.config().dsn  # type: ignore[union-attr]
    # the branch login's own connection, not the app: it reads its own accounts only ...
    with psycopg.connect(north_dsn) as conn:
        assert [r[0] for r in conn.execute("SELECT username FROM accounts")] == ["ann"]
        assert conn.execute("SELECT count(*) FROM accounts WHERE branch_id = 'south'").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM incentive_rules").fetchone() == (1,)
        assert conn.execute("SELECT count(*) FROM scenario_packs").fetchone() == (1,)
    assert count(server.admin_dsn, "SELECT count(*) FROM accounts WHERE branch_id = 'south'") == 1
    # ... and writes none of what the centre owns
    refused = psycopg.errors.InsufficientPrivilege
    for statement in (
        "INSERT INTO accounts (uuid, branch_id, username, role, salt, password_hash, updated_at) "
        "VALUES (gen_random_uuid(), 'north', 'mallory', 'hr_admin', 'aa', 'x', '2099-01-01')",
        "UPDATE accounts SET role = 'hr_admin', password_hash = 'x'",
        "UPDATE accounts SET disabled = false",
        "DELETE FROM accounts",
        "INSERT INTO incentive_rules (yaml, sha256, published_by) VALUES ('points: {}', 'x', 'mallory')",
        "UPDATE incentive_rules SET yaml = ''",
        "INSERT INTO scenario_packs (name, version, archive, sha256, scenarios, published_by) "
        "VALUES ('evil', 9, '\\x00', 'x', '[]', 'mallory')",
        "UPDATE scenario_packs SET archive = '\\x00'",
        "ALTER TABLE accounts DISABLE ROW LEVEL SECURITY",
    ):
        with psycopg.connect(north_dsn) as conn, pytest.raises(refused):
            conn.execute(statement)
    assert count(server.admin_dsn, "SELECT count(*) FROM accounts WHERE role = 'hr_admin'") == 0
    assert count(server.admin_dsn, "SELECT count(*) FROM incentive_rules") == 1
    # a trainer reads the accounts of the teams they coach, without the password hashes: a full team
    # name is that branch's team only
    coach_dsn = server.login(hq, "coach", "carl", teams=["north · Team A"])
    with psycopg.connect(coach_dsn) as conn:
        assert [r[0] for r in conn.execute("SELECT username FROM accounts")] == ["ann"]
        with pytest.raises(refused):
            conn.execute("SELECT password_hash FROM accounts")
    with psycopg.connect(coach_dsn) as conn, pytest.raises(refused):
        conn.execute("UPDATE accounts SET disabled = true")
    everywhere = server.login(hq, "coach", "cora", teams=["Team A"])  # a bare name: every branch's
    with psycopg.connect(everywhere) as conn:
        assert sorted(r[0] for r in conn.execute("SELECT username FROM accounts")) == ["ann", "sue"]


def test_a_bad_file_is_refused_in_one_sentence_and_nothing_reaches_the_server(
        tmp_path: Path, server: Server, hq: App) -> None:
    hr = hr_pc(tmp_path / "hr", server, hq)
    bad = rules_file(tmp_path, "lots")
    with pytest.raises(ScenarioError) as refused:
        hr.sync.publish_rules(bad)
    assert refused.value.sentence == f"{bad}:9: points.improvement_cap must be a whole number (got 'lots')."
    broken = pack_file(tmp_path, difficulty="9")
    with pytest.raises(PackError) as refused_pack:
        hr.sync.publish_pack(broken)
    assert refused_pack.value.sentence.startswith("drills.zip:scenarios/central_drill.yaml:7: difficulty")
    assert "\n" not in refused.value.sentence + refused_pack.value.sentence
    assert count(server.admin_dsn, "SELECT count(*) FROM incentive_rules") == 0
    assert count(server.admin_dsn, "SELECT count(*) FROM scenario_packs") == 0
    # rights are the signed-in account's: only HR publishes, and only from a PC with an HR login
    hr.accounts.create_account("ann", PIN, "trainee")
    hr.accounts.sign_in("ann", PIN)
    with pytest.raises(AccessDenied, match="may not publish to the central server"):
        hr.sync.publish_rules(rules_file(tmp_path))
    north = branch_pc(tmp_path / "north", server, hq, "north")
    with pytest.raises(SyncError, match="publishing needs this PC to sync with an HR login"):
        north.sync.publish_rules(rules_file(tmp_path))
    assert count(server.admin_dsn, "SELECT count(*) FROM incentive_rules") == 0


@pytest.mark.parametrize("old", [1, 2])
def test_an_older_server_is_upgraded_in_place_and_a_newer_one_refused(hq: App, old: int) -> None:
    from trainer.storage.central.schema import MIGRATIONS, SERVER_SCHEMA_VERSION

    name = f"t_v{old}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(with_database(ADMIN_DSN, "postgres"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    dsn = with_database(ADMIN_DSN, name)
    try:
        with psycopg.connect(dsn) as conn:  # as that version of the program left it
            for sql in MIGRATIONS[:old]:
                conn.execute(sql.encode())
            conn.execute("UPDATE schema_version SET version = %s", [old])
        assert SERVER_SCHEMA_VERSION == 3
        assert hq.server.init(dsn) == (old, 3)
        assert count(dsn, "SELECT count(*) FROM accounts") == 0
        # version 3: an HR login adds its PC's practice to a branch (the branch its trainee is in)
        hq.server.add_login(dsn, "branch", "north")
        hr_dsn = hq.server.add_login(dsn, "hr", "tina").dsn
        with psycopg.connect(hr_dsn) as conn:
            conn.execute("INSERT INTO trainees (uuid, branch_id, name, created_at) "
                         "VALUES ('00000000-0000-0000-0000-00000000000a', 'north', 'ann', 'now')")
        assert count(dsn, "SELECT count(*) FROM trainees WHERE branch_id = 'north'") == 1
        with psycopg.connect(dsn) as conn:
            conn.execute("UPDATE schema_version SET version = 4")
        with pytest.raises(SyncError, match=r"newer version of this program \(schema 4; this one knows 3"):
            hq.server.init(dsn)
    finally:
        with psycopg.connect(with_database(ADMIN_DSN, "postgres"), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_the_command_line_sets_up_hrs_pc_publishes_and_prints_what_a_branch_took(
        tmp_path: Path, server: Server, hq: App, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from trainer.cli import main

    north = branch_pc(tmp_path / "north", server, hq, "north")
    hr = hr_pc(tmp_path / "hr", server, hq)
    hr_dsn = hr.sync.config().dsn  # type: ignore[union-attr]
    hr.sync.forget()
    hr.accounts.create_account("ann", PIN, "trainee", team="north · Team A")
    hr.close()

    def trainer(pc: str, user: str, password: str, *args: str) -> tuple[int, str, str]:
        monkeypatch.setenv("TRAINER_DATA_DIR", str(tmp_path / pc))
        monkeypatch.setenv("TRAINER_PASSWORD", password)
        code = main(["--db", str(tmp_path / pc / "trainer.db"), "--user", user, *args])
        out, err = capsys.readouterr()
        return code, out, err

    monkeypatch.setenv("TRAINER_SERVER_DSN", hr_dsn)
    assert trainer("hr", "tina", "secret-admin", "sync", "setup") == (
        0, "This PC now syncs with an HR login: it pulls the central record.\n", "")
    bad = rules_file(tmp_path, "lots")
    assert trainer("hr", "tina", "secret-admin", "sync", "publish", "rules", str(bad)) == (
        2, "", f"trainer: {bad}:9: points.improvement_cap must be a whole number (got 'lots').\n")
    code, out, _ = trainer("hr", "tina", "secret-admin", "sync", "publish", "pack", str(pack_file(tmp_path)))
    assert (code, out) == (0, "Published the scenario pack drills, version 1 (central_drill): each branch "
                              "installs it at its next sync.\n")
    code, out, _ = trainer("hr", "tina", "secret-admin", "sync")
    assert code == 0 and "Sent 0 new assignments and 1 new or changed accounts." in out
    north.close()
    code, out, _ = trainer("north", "admin_north", "branch-admin-1", "sync")
    assert code == 0
    assert "From the centre: 1 new or changed accounts; the scenario packs drills 1." in out.splitlines()
    assert trainer("north", "admin_north", "branch-admin-1", "accounts", "disable", "ann") == (
        2, "", "trainer: ann is an account of the central server: HR changes it on HR's PC, and this PC "
               "takes the change at its next sync.\n")


def test_the_windows_background_round_puts_what_it_took_in_the_windows_library_and_rules(
        qtbot: object, tmp_path: Path, server: Server, hq: App) -> None:
    from trainer.ui.sync_controller import SyncController, SyncStatus

    north = branch_pc(tmp_path / "north", server, hq, "north")
    hr = hr_pc(tmp_path / "hr", server, hq)
    hr.sync.publish_rules(rules_file(tmp_path))
    hr.sync.publish_pack(pack_file(tmp_path))
    controller = SyncController(north, SyncStatus())
    try:
        controller.sync_now()  # on the sync thread's own connection, as the window runs it
        qtbot.waitUntil(lambda: controller.last_report is not None, timeout=30_000)  # type: ignore[attr-defined]
        assert controller.last_report.pulled["packs"] == 1  # type: ignore[union-attr]
        assert north.rules.points.improvement_cap == 30 and north.catalog.get("central_drill") is not None
    finally:
        controller.shutdown()
