"""docs/scoring.md lists every rubric item with its points."""

from __future__ import annotations

from trainer.domain.scoring.rubric import ALL_ITEMS, CRITICAL_PATTERNS

from helpers import ROOT

DOC = (ROOT / "docs" / "scoring.md").read_text(encoding="utf-8")


def test_every_item_is_documented_with_its_points() -> None:
    for item in ALL_ITEMS:
        assert f"| `{item.id}` | {item.points:+d} |" in DOC, item.id


def test_every_critical_fail_is_documented() -> None:
    for name in ["forbidden_phrase", *CRITICAL_PATTERNS]:
        assert f"`{name}`" in DOC, name
