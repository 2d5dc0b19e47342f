"""The central server's schema: numbered migrations, the roles and the row-level security policies.

Who may do what is enforced by PostgreSQL itself, for any program that connects, not only this one:

- ``trainer_branch`` (a group role; each branch PC logs in as a member, ``branch_<id>``) inserts and
  reads only rows whose ``branch_id`` is its own branch's, and can change nothing once written;
- ``trainer_coach`` (trainers, ``coach_<name>``) reads the records of the teams in ``coaches``
  (``_COACHED``: a team belongs to its branch);
- ``trainer_hr`` reads everything and writes central score overrides, which flow back down, and
  what the centre owns: the accounts (each of one branch), the incentive rules and the scenario
  packs, which every branch reads (its own accounts only; a trainer the accounts of the teams they
  coach, without their password hashes).
- HR's and trainers' own PCs push the practice played on them (version 3), insert-only: HR's login
  into any branch, a trainer's into the teams they coach.

The owner (whoever ran ``trainer server init``: an administrator of the server) owns the tables and
is the centre: it re-scores synced replies. A branch's login role has no other rights.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import psycopg

#: Tables a branch writes; every one has ``branch_id``.
BRANCH_TABLES = ("trainees", "sessions", "turns", "score_overrides", "coaching_notes", "audit_log")

_V1 = """
CREATE TABLE schema_version (version integer NOT NULL);
INSERT INTO schema_version VALUES (0);

CREATE TABLE branches (
    id text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9_]{0,30}$'),
    name text NOT NULL,
    region text NOT NULL DEFAULT '',
    role_name text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE coaches (role_name text NOT NULL, team text NOT NULL, PRIMARY KEY (role_name, team));

CREATE TABLE trainees (
    uuid uuid PRIMARY KEY,
    branch_id text NOT NULL REFERENCES branches(id),
    name text NOT NULL,
    team text NOT NULL DEFAULT '',
    created_at text NOT NULL
);
CREATE TABLE sessions (
    uuid uuid PRIMARY KEY,
    branch_id text NOT NULL REFERENCES branches(id),
    trainee_uuid uuid NOT NULL REFERENCES trainees(uuid),
    scenario_id text NOT NULL,
    scenario_title text,
    language text,
    category text,
    difficulty integer,
    started_at text NOT NULL,
    ended_at text,
    status text NOT NULL,
    outcome text,
    ending_id text,
    final_mood integer,
    turn_limit_reached integer,
    turn_count integer,
    avg_empathy double precision,
    avg_clarity double precision,
    avg_solution double precision,
    avg_overall double precision,
    critical_count integer,
    points integer,
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_branch ON sessions (branch_id, started_at);
CREATE INDEX sessions_trainee ON sessions (trainee_uuid, started_at);
CREATE INDEX sessions_received ON sessions (received_at);
CREATE TABLE turns (
    session_uuid uuid NOT NULL REFERENCES sessions(uuid),
    idx integer NOT NULL,
    branch_id text NOT NULL REFERENCES branches(id),
    turn_id text,
    customer_line text,
    reply text NOT NULL,
    input_mode text,
    empathy integer,
    clarity integer,
    solution integer,
    overall integer,
    score_json text,
    steps_taken text,
    mood_before integer,
    mood_after integer,
    goto text,
    critical_count integer,
    audio_path text,
    speech_json text,
    created_at text NOT NULL,
    PRIMARY KEY (session_uuid, idx)
);
CREATE TABLE score_overrides (
    uuid uuid PRIMARY KEY,
    branch_id text NOT NULL REFERENCES branches(id),
    session_uuid uuid NOT NULL REFERENCES sessions(uuid),
    dimension text NOT NULL,
    automatic double precision,
    value integer NOT NULL,
    comment text NOT NULL,
    by_username text,
    at text NOT NULL,
    made_centrally boolean NOT NULL DEFAULT false,
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE coaching_notes (
    uuid uuid PRIMARY KEY,
    branch_id text NOT NULL REFERENCES branches(id),
    trainee_uuid uuid NOT NULL REFERENCES trainees(uuid),
    session_uuid uuid,
    note text NOT NULL,
    by_username text,
    at text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE audit_log (
    branch_id text NOT NULL REFERENCES branches(id),
    seq integer NOT NULL,
    at text NOT NULL,
    account_id integer,
    username text,
    action text NOT NULL,
    detail text,
    prev_hash text,
    hash text,
    PRIMARY KEY (branch_id, seq)
);
-- What trainers and HR assign (made on their PCs, pulled down by the branch it is for).
CREATE TABLE assignments (
    uuid uuid PRIMARY KEY,
    branch_id text NOT NULL REFERENCES branches(id),
    situation text NOT NULL,
    due text NOT NULL,
    pass_mark integer NOT NULL,
    trainee_uuid uuid REFERENCES trainees(uuid),
    team text,
    assigned_by text,
    created_at text NOT NULL,
    withdrawn_at text,
    received_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((trainee_uuid IS NULL) <> (team IS NULL))
);
CREATE INDEX assignments_branch ON assignments (branch_id);

-- The centre's re-scoring of every synced reply: what the branch stored, what the same scorer
-- version gives, and whether they differ.
CREATE TABLE turn_checks (
    session_uuid uuid NOT NULL,
    idx integer NOT NULL,
    branch_id text NOT NULL,
    scorer_version text NOT NULL,
    stored text NOT NULL,
    rescored text,
    differs boolean NOT NULL,
    note text NOT NULL DEFAULT '',
    checked_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (session_uuid, idx),
    FOREIGN KEY (session_uuid, idx) REFERENCES turns (session_uuid, idx)
);

-- The branch the connected login belongs to (NULL for any other); session_user, because inside
-- a SECURITY DEFINER function current_user is the owner.
CREATE FUNCTION trainer_branch() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public
    AS $$ SELECT id FROM public.branches WHERE role_name = session_user $$;
-- The teams the connected trainer coaches.
CREATE FUNCTION trainer_teams() RETURNS SETOF text LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public
    AS $$ SELECT team FROM public.coaches WHERE role_name = session_user $$;
-- What the connected login is: 'admin' (a superuser), 'branch', 'hr', 'coach', or NULL.
CREATE FUNCTION trainer_kind() RETURNS text LANGUAGE sql STABLE
    SET search_path = pg_catalog, public
    AS $$ SELECT CASE WHEN (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN 'admin'
                      WHEN pg_has_role(session_user, 'trainer_branch', 'MEMBER') THEN 'branch'
                      WHEN pg_has_role(session_user, 'trainer_hr', 'MEMBER') THEN 'hr'
                      WHEN pg_has_role(session_user, 'trainer_coach', 'MEMBER') THEN 'coach' END $$;
"""

_V1_ROLES = """
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'trainer_branch') THEN
    CREATE ROLE trainer_branch NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'trainer_coach') THEN
    CREATE ROLE trainer_coach NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'trainer_hr') THEN
    CREATE ROLE trainer_hr NOLOGIN; END IF;
END $$;
GRANT SELECT ON schema_version, branches TO trainer_branch, trainer_coach, trainer_hr;
GRANT SELECT, INSERT ON trainees, sessions, turns, score_overrides, coaching_notes, audit_log
    TO trainer_branch;
GRANT SELECT ON trainees, sessions, turns, score_overrides, coaching_notes, audit_log, turn_checks
    TO trainer_coach, trainer_hr;
GRANT INSERT ON score_overrides TO trainer_hr;
GRANT SELECT ON assignments TO trainer_branch, trainer_coach, trainer_hr;
GRANT INSERT, UPDATE (withdrawn_at) ON assignments TO trainer_coach, trainer_hr;
GRANT EXECUTE ON FUNCTION trainer_branch(), trainer_teams(), trainer_kind()
    TO trainer_branch, trainer_coach, trainer_hr;
"""


def _policies() -> str:
    sql = []
    for table in BRANCH_TABLES:
        sql.append(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;")
        sql.append(f"CREATE POLICY {table}_branch ON {table} FOR ALL TO trainer_branch "
                   "USING (branch_id = trainer_branch()) WITH CHECK (branch_id = trainer_branch());")
        sql.append(f"CREATE POLICY {table}_hr ON {table} FOR SELECT TO trainer_hr USING (true);")
    sql.append("ALTER TABLE assignments ENABLE ROW LEVEL SECURITY;")
    sql.append("CREATE POLICY assignments_branch ON assignments FOR SELECT TO trainer_branch "
               "USING (branch_id = trainer_branch());")
    sql.append("CREATE POLICY assignments_hr ON assignments FOR ALL TO trainer_hr "
               "USING (true) WITH CHECK (true);")
    covered = ("(team IN (SELECT trainer_teams()) OR trainee_uuid IN "
               "(SELECT uuid FROM trainees WHERE team IN (SELECT trainer_teams())))")
    sql.append(f"CREATE POLICY assignments_coach ON assignments FOR ALL TO trainer_coach USING {covered} "
               f"WITH CHECK {covered};")
    sql.append("ALTER TABLE turn_checks ENABLE ROW LEVEL SECURITY;")
    sql.append("CREATE POLICY turn_checks_hr ON turn_checks FOR SELECT TO trainer_hr USING (true);")
    # A central override: HR writes it for any branch's session; the branch pulls it down.
    sql.append("CREATE POLICY score_overrides_hr_write ON score_overrides FOR INSERT TO trainer_hr "
               "WITH CHECK (made_centrally);")
    coach = "trainee_uuid IN (SELECT uuid FROM trainees WHERE team IN (SELECT trainer_teams()))"
    sql.append("CREATE POLICY trainees_coach ON trainees FOR SELECT TO trainer_coach "
               "USING (team IN (SELECT trainer_teams()));")
    sql.append(f"CREATE POLICY sessions_coach ON sessions FOR SELECT TO trainer_coach USING ({coach});")
    sql.append(f"CREATE POLICY coaching_notes_coach ON coaching_notes FOR SELECT TO trainer_coach "
               f"USING ({coach});")
    for table in ("turns", "score_overrides"):
        sql.append(f"CREATE POLICY {table}_coach ON {table} FOR SELECT TO trainer_coach "
                   "USING (session_uuid IN (SELECT uuid FROM sessions));")
    sql.append("CREATE POLICY turn_checks_coach ON turn_checks FOR SELECT TO trainer_coach "
               "USING (session_uuid IN (SELECT uuid FROM sessions));")
    sql.append("CREATE POLICY audit_log_coach ON audit_log FOR SELECT TO trainer_coach USING (false);")
    return "\n".join(sql)


#: A team belongs to a branch: on the server a trainee's ``team`` is their branch's own name for it
#: (``Team A``), and HR's and trainers' PCs show it as ``north · Team A``. A trainer's entry in
#: ``coaches`` is either such a full name (that branch's team only) or a bare team name (the team
#: of that name in every branch, as version 1 read it). ``{b}``/``{t}``: the row's branch and team.
_COACHED = "({t} IN (SELECT trainer_teams()) OR ({b} || ' · ' || {t}) IN (SELECT trainer_teams()))"


def _coached(branch: str = "branch_id", team: str = "team") -> str:
    return _COACHED.format(b=branch, t=team)


# What the centre owns and the branches pull: accounts (with their teams), the incentive rules and
# the scenario packs, published from HR's PC. The coach policies of version 1 are made again with
# the team rule above.
_V2 = """
CREATE TABLE accounts (
    uuid uuid PRIMARY KEY,
    branch_id text NOT NULL REFERENCES branches(id),
    username text NOT NULL CHECK (username <> ''),
    role text NOT NULL CHECK (role IN ('trainee', 'trainer', 'hr_admin')),
    team text NOT NULL DEFAULT '',
    trainee_uuid uuid,
    salt text NOT NULL,
    password_hash text NOT NULL,
    disabled boolean NOT NULL DEFAULT false,
    updated_at text NOT NULL,
    updated_by text,
    received_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (branch_id, username)
);
CREATE TABLE incentive_rules (
    version integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    yaml text NOT NULL,
    sha256 text NOT NULL,
    published_by text NOT NULL,
    login text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE scenario_packs (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL CHECK (name <> ''),
    version integer NOT NULL,
    archive bytea NOT NULL,
    sha256 text NOT NULL,
    scenarios text NOT NULL,
    published_by text NOT NULL,
    login text NOT NULL DEFAULT session_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (name, version)
);
GRANT SELECT ON accounts, incentive_rules, scenario_packs TO trainer_branch, trainer_hr;
GRANT SELECT (uuid, branch_id, username, role, team, trainee_uuid, disabled, updated_at) ON accounts
    TO trainer_coach;
GRANT SELECT ON incentive_rules, scenario_packs TO trainer_coach;
GRANT INSERT, UPDATE ON accounts TO trainer_hr;
GRANT INSERT ON incentive_rules, scenario_packs TO trainer_hr;
"""


def _v2_policies() -> str:
    sql = ["ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;",
           "CREATE POLICY accounts_hr ON accounts FOR ALL TO trainer_hr USING (true) WITH CHECK (true);",
           "CREATE POLICY accounts_branch ON accounts FOR SELECT TO trainer_branch "
           "USING (branch_id = trainer_branch());",
           f"CREATE POLICY accounts_coach ON accounts FOR SELECT TO trainer_coach USING {_coached()};"]
    for table in ("trainees", "sessions", "coaching_notes", "assignments"):
        sql.append(f"DROP POLICY {table}_coach ON {table};")
    coach = f"trainee_uuid IN (SELECT uuid FROM trainees WHERE {_coached()})"
    sql.append(f"CREATE POLICY trainees_coach ON trainees FOR SELECT TO trainer_coach USING {_coached()};")
    sql.append(f"CREATE POLICY sessions_coach ON sessions FOR SELECT TO trainer_coach USING ({coach});")
    sql.append(f"CREATE POLICY coaching_notes_coach ON coaching_notes FOR SELECT TO trainer_coach "
               f"USING ({coach});")
    covered = f"((team IS NOT NULL AND {_coached()}) OR {coach})"
    sql.append(f"CREATE POLICY assignments_coach ON assignments FOR ALL TO trainer_coach USING {covered} "
               f"WITH CHECK {covered};")
    return "\n".join(sql)


# The practice of HR's and trainers' own PCs (a trainer practising, a trainee on a coach's PC):
# HR's login adds it to any branch, a trainer's to the teams they coach, insert-only as a branch's;
# a session goes to the branch of its trainee, and a reply to the branch of its session.
_V3 = """
GRANT INSERT ON trainees, sessions, turns TO trainer_hr, trainer_coach;
"""


def _v3_policies() -> str:
    same_branch = {
        "sessions": "trainee_uuid IN (SELECT t.uuid FROM trainees t WHERE t.branch_id = sessions.branch_id)",
        "turns": "session_uuid IN (SELECT s.uuid FROM sessions s WHERE s.branch_id = turns.branch_id)",
    }
    sql = ["CREATE POLICY trainees_hr_practice ON trainees FOR INSERT TO trainer_hr WITH CHECK (true);",
           f"CREATE POLICY trainees_coach_practice ON trainees FOR INSERT TO trainer_coach "
           f"WITH CHECK {_coached()};"]
    for table, check in same_branch.items():  # a trainer sees only the trainees and sessions they coach
        for group in ("hr", "coach"):
            sql.append(f"CREATE POLICY {table}_{group}_practice ON {table} FOR INSERT TO trainer_{group} "
                       f"WITH CHECK ({check});")
    return "\n".join(sql)


#: The server's migrations, in order: never edit one that has shipped, add the next.
MIGRATIONS: tuple[str, ...] = (_V1 + _V1_ROLES + _policies(), _V2 + _v2_policies(), _V3 + _v3_policies())
SERVER_SCHEMA_VERSION = len(MIGRATIONS)


def server_version(conn: psycopg.Connection) -> int | None:
    """The schema version on the server, or ``None`` when it has none (not initialised)."""
    row = conn.execute(
        "SELECT to_regclass('public.schema_version') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return None
    found = conn.execute("SELECT version FROM schema_version").fetchone()
    return int(found[0]) if found else 0


def migrate(conn: psycopg.Connection) -> tuple[int, int]:
    """Apply the migrations the server lacks, each in its own transaction under an advisory lock
    (two administrators at once migrate once). Returns (version before, version after)."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(7381001)")
        before = server_version(conn) or 0
        for number, sql in enumerate(MIGRATIONS[before:], start=before + 1):
            conn.execute(sql.encode())  # our own text, no parameters
            conn.execute("UPDATE schema_version SET version = %s", [number])
    return before, max(before, SERVER_SCHEMA_VERSION)


def create_login(conn: psycopg.Connection, role: str, password: str, group: str) -> None:
    """A login role in ``group`` (``trainer_branch``, ``trainer_coach`` or ``trainer_hr``), or a
    new password for it if it exists."""
    from psycopg import sql

    exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role]).fetchone()
    verb = "ALTER" if exists else "CREATE"
    conn.execute(sql.SQL("{} ROLE {} LOGIN PASSWORD {}").format(
        sql.SQL(verb), sql.Identifier(role), sql.Literal(password)))
    conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), sql.Identifier(role)))
    db = conn.execute("SELECT current_database()").fetchone()
    assert db is not None
    conn.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
        sql.Identifier(db[0]), sql.Identifier(role)))
