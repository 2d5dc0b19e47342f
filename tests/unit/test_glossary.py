"""Issue 15, item 17: one Chinese term per concept (docs/glossary.md), used by the translations."""

from __future__ import annotations

import re

from helpers import ROOT

GLOSSARY = ROOT / "docs" / "glossary.md"


def translations() -> dict[str, str]:
    namespace: dict[str, object] = {}
    exec((ROOT / "assets" / "translations" / "zh_CN.py").read_text(encoding="utf-8"), namespace)
    return namespace["ZH_CN"]  # type: ignore[return-value]


def test_every_glossary_term_is_the_one_the_translations_use() -> None:
    table = translations()
    zh = " ".join(table.values())
    rows = [line.split("|")[1:4] for line in GLOSSARY.read_text(encoding="utf-8").splitlines()
            if line.startswith("| ") and not line.startswith(("| English", "|---"))]
    assert len(rows) >= 20
    for english, chinese, what in rows:
        for term in (t.strip() for t in chinese.split("/")):
            assert term in zh, f"{english.strip()}: {term} is not used by the translations"
        for banned in re.findall(r"never (\S+?)\)", what):  # not for this concept, at least
            concept = english.strip().split()[0].lower()
            wrong = [k for k, v in table.items() if concept in k.lower() and banned in v]
            assert wrong == [], f"{english.strip()}: still {banned} in {wrong}"
