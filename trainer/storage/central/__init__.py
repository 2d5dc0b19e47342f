"""The central PostgreSQL server a bank's branches sync with (psycopg 3): its schema, roles and
row-level security, and the queries a branch, a trainer, HR and the centre's checks run on it."""
