"""The shape of the code the architecture page (docs/architecture.md) promises, checked."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "trainer"
SQL = re.compile(
    r"\b(SELECT\b.+\bFROM|INSERT INTO|UPDATE \w+ SET|DELETE FROM|CREATE (TABLE|INDEX)|PRAGMA \w+)", re.DOTALL)
SQL_CALLS = {"execute", "executemany", "executescript", "rows_where", "atomic", "table", "query"}


def _modules(outside: str | None = None) -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py")
            if outside is None or not p.is_relative_to(PACKAGE / outside)]


def test_no_sql_outside_storage() -> None:
    found = []
    for path in _modules(outside="storage"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: SQL text")
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in SQL_CALLS and _on_a_database(node.func.value)):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: .{node.func.attr}() on a database")
    assert found == []


def _on_a_database(target: ast.expr) -> bool:
    text = ast.unparse(target)
    return bool(re.search(r"\b(db|conn|connection|database)\b", text))


def test_the_checker_sees_sql(tmp_path: Path) -> None:
    tree = ast.parse('db.execute("SELECT 1")')
    call = next(n for n in ast.walk(tree) if isinstance(n, ast.Call))
    assert isinstance(call.func, ast.Attribute) and _on_a_database(call.func.value)
    assert SQL.search("SELECT id FROM trainees") and not SQL.search("Select a scenario from the list")


def test_modules_stay_small() -> None:
    too_big = {str(p.relative_to(ROOT)): n for p in _modules()
               if (n := len(p.read_text(encoding="utf-8").splitlines())) > 450}
    assert too_big == {}
