"""The rubric's items as Markdown tables: ``docs/scoring.md`` holds them, ``trainer rubric`` prints
them, and a test fails when the two disagree with ``rubric.yaml``."""

from __future__ import annotations

from trainer.domain.scoring.rubric import Rubric

START = "<!-- rubric tables: written from assets/rubric/rubric.yaml by `trainer rubric --markdown` -->"
END = "<!-- end of rubric tables -->"
_FOUND_BY = {"detector": "detector", "patterns": "patterns", "rule": "rule"}


def markdown_tables(rubric: Rubric, lang: str = "en") -> str:
    out = [START]
    for dimension in ("empathy", "clarity", "solution"):
        out += ["", f"### {dimension.capitalize()}", "",
                "| item | points | what it means | found by | carries over |", "|---|---|---|---|---|"]
        for item in rubric.by_dimension(dimension):
            out.append(f"| `{item.id}` | {item.points:+d} | {item.why.get(lang)} | "
                       f"{_FOUND_BY[item.found_by]} | {'yes' if item.carries_over else ''} |")
    out += ["", "### Critical fails", "", "| fail | what it means | found by |", "|---|---|---|"]
    for c in rubric.critical:
        raised = [i.id for i in rubric.items if i.critical == c.id]
        how = ", ".join(filter(None, [
            "detector" if c.found_by else "",
            "patterns" if c.patterns else "",
            "the forbidden phrases" if c.id == "forbidden_phrase" else "",
            *(f"the `{i}` item" for i in raised),
        ]))
        out.append(f"| `{c.id}` | {c.why.get(lang)} | {how} |")
    out += ["", END]
    return "\n".join(out)


def plain_rubric(rubric: Rubric, lang: str = "en") -> str:
    """The rubric for a terminal: each dimension's items with points and reasons."""
    out = []
    for dimension in ("empathy", "clarity", "solution"):
        out.append(f"{dimension}:")
        for item in rubric.by_dimension(dimension):
            out.append(f"  {item.points:+4d}  {item.name.get(lang)}: {item.why.get(lang)}")
        out.append("")
    out.append("critical fails (listed apart from the scores):")
    out += [f"  {c.name.get(lang)}: {c.why.get(lang)}" for c in rubric.critical]
    return "\n".join(out)
