"""docs/scoring.md shows the rubric exactly as rubric.yaml defines it, and every item has
reasons in both languages."""

from __future__ import annotations

from trainer.domain.scoring.rubric import CriticalSpec, ItemSpec
from trainer.library.rubric_docs import END, START, markdown_tables
from trainer.library.rubric_files import bundled_rubric_path, load_rubric

from helpers import ROOT

DOC = (ROOT / "docs" / "scoring.md").read_text(encoding="utf-8")
RUBRIC = load_rubric(bundled_rubric_path())


def test_the_doc_holds_the_tables_written_from_the_rubric() -> None:
    start, end = DOC.index(START), DOC.index(END) + len(END)
    assert DOC[start:end] == markdown_tables(RUBRIC), "run: trainer rubric --markdown, and paste it"


def test_every_item_and_fail_has_a_name_and_reason_in_both_languages() -> None:
    specs: list[ItemSpec | CriticalSpec] = [*RUBRIC.items, *RUBRIC.critical]
    for spec in specs:
        for text in (spec.name, spec.why):
            assert text.en.strip() and text.zh.strip(), spec.id
