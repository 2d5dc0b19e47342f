"""One export, whichever the format: what the command line and the Reports view both call.

Rows are streamed from the database into the file (CSV, XLSX, xAPI), so memory stays flat however
many turns there are; PDF scorecards are drawn one trainee at a time. ``on_progress(done, total)``
is called every few hundred rows (every scorecard) while the file is still being written; raising
:class:`ExportCancelled` from it stops the export and leaves the earlier file (if any) as it was,
like any other failure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from trainer.domain.errors import InvalidInput
from trainer.domain.incentives import IncentiveRules
from trainer.export.atomic import ExportError
from trainer.export.csv_export import write_csv
from trainer.export.layout import LANGUAGES, Laid, Table, lay_out, sheet_name
from trainer.export.report import scorecards, summary_table, trend
from trainer.export.selection import ExportFilter
from trainer.export.xapi_export import write_xapi
from trainer.storage.records import Records

Format = Literal["csv", "xlsx", "pdf", "xapi"]
FORMATS: tuple[Format, ...] = ("csv", "xlsx", "pdf", "xapi")
SUFFIXES: dict[Format, str] = {"csv": ".csv", "xlsx": ".xlsx", "pdf": ".pdf", "xapi": ".json"}

ProgressCallback = Callable[[int, int], None]
NO_HOME_PAGE = ("No xAPI home page is set: give your organisation's web address with --home-page, or in "
                "the Reports view's xAPI export.")
_EVERY = 500


class ExportCancelled(Exception):
    """The user stopped the export; nothing was written."""


#: The Assignments sheet: one row per assignment and trainee it covers.
ASSIGNMENT_COLUMNS = ["assignment_id", "situation", "assigned_to", "trainee", "due", "pass_mark", "status",
                      "best_overall", "late", "assigned_by"]


def format_for(path: Path, explicit: str | None = None) -> Format:
    """The format asked for, else the one the file's suffix names (CSV when it names none)."""
    if explicit:
        if explicit not in FORMATS:
            raise InvalidInput("unknown export format '{got}'", got=explicit)
        return explicit
    suffix = path.suffix.lower()
    return next((kind for kind, s in SUFFIXES.items() if s == suffix), "csv")


@dataclass(frozen=True)
class ExportRequest:
    kind: Format
    out: Path
    selection: ExportFilter
    language: str = "en"
    """CSV, XLSX and PDF: the language people read it in, ``en`` or ``zh-CN``."""
    machine: bool = False
    """CSV and XLSX only: the machine layout (snake_case columns, codes, full precision, UTC ISO
    stamps) instead of the readable one (see ``export.layout``)."""
    home_page: str | None = None
    """xAPI only: the organisation's web address (``None``: the branch's setting, which the
    Reports service fills in; an export without one is refused)."""
    platform: str | None = None
    """xAPI only: what statements name as the platform (``None``: the branch's setting; empty or
    unset: this program and its version)."""


@dataclass(frozen=True)
class ExportResult:
    kind: Format
    out: Path
    counts: dict[str, int] = field(default_factory=dict)
    """What was written: ``replies`` (CSV), ``trainees``/``sessions``/``replies`` (XLSX),
    ``sessions`` (xAPI), ``scorecards`` (PDF)."""
    chain_head: str = ""
    """The audit log's chain head as the export was written (also in its audit entry)."""

    @property
    def rows(self) -> int:
        """The main count: replies (CSV, XLSX), sessions (xAPI) or scorecards (PDF)."""
        return self.counts[{"csv": "replies", "xlsx": "replies", "xapi": "sessions",
                            "pdf": "scorecards"}[self.kind]]

    def detail(self, request: ExportRequest) -> dict[str, Any]:
        """What the audit log records about it."""
        s = request.selection
        detail = {"format": self.kind, "from": str(s.date_from), "to": str(s.date_to), "team": s.team,
                  "trainee": s.trainee, "category": s.category, "file": str(self.out.resolve()),
                  "rows": self.rows, "chain_head": self.chain_head}
        if self.kind == "xapi":
            detail |= {"home_page": request.home_page, "platform": request.platform}
        return detail


def run_export(records: Records, request: ExportRequest, rules: IncentiveRules,
               on_progress: ProgressCallback | None = None, chain_head: str = "",
               assignments: Sequence[Sequence[Any]] | None = None) -> ExportResult:
    """Write the export; raises :class:`ExportError` (one sentence) or :class:`ExportCancelled`.
    ``chain_head``: the audit log's as the export is written (``domain.audit``), printed in the
    PDF scorecards and in the XLSX workbook's Audit sheet. ``assignments``: rows of
    :data:`ASSIGNMENT_COLUMNS`, the XLSX workbook's Assignments sheet."""
    selection, out = request.selection, request.out
    params = selection.parameters()
    tick = on_progress or (lambda done, total: None)
    if request.language not in LANGUAGES:
        raise InvalidInput("language must be one of {choices} (got '{got}')", choices=", ".join(LANGUAGES),
                           got=request.language)
    if request.kind == "csv":
        total = records.count(params, "turns")
        columns, rows = records.turn_rows(params)
        laid = _laid(request, rules, "replies", columns, _reporting(rows, tick, 0, total))
        count = write_csv(out, laid.columns, laid.rows)
        return ExportResult("csv", out, {"replies": count})
    if request.kind == "xlsx":
        from trainer.export.xlsx_export import write_xlsx  # openpyxl: ~55 ms, only when needed

        sessions, turns = records.count(params, "sessions"), records.count(params, "turns")
        total = sessions + turns
        s_columns, s_rows = records.session_rows(params)
        t_columns, t_rows = records.turn_rows(params)
        tables: list[tuple[Table, Laid]] = [
            ("summary", _laid(request, rules, "summary", *summary_table(records, selection, rules))),
            ("sessions", _laid(request, rules, "sessions", s_columns, _reporting(s_rows, tick, 0, total))),
            ("replies", _laid(request, rules, "replies", t_columns,
                              _reporting(t_rows, tick, sessions, total))),
        ]
        if assignments is not None:
            laid = _laid(request, rules, "assignments", ASSIGNMENT_COLUMNS, assignments)
            tables.append(("assignments", laid))
        if chain_head:
            tables.append(("audit", _laid(request, rules, "audit", ["audit_log_chain_head"], [[chain_head]])))
        titles = {table: sheet_name(table, request.language, request.machine) for table, _ in tables}
        counts = write_xlsx(out, [(titles[table], laid.columns, laid.rows, laid.formats)
                                  for table, laid in tables], before_saving=lambda: tick(total, total))
        return ExportResult("xlsx", out, {"trainees": counts[titles["summary"]],
                                          "sessions": counts[titles["sessions"]],
                                          "replies": counts[titles["replies"]]})
    if request.kind == "xapi":
        if not request.home_page:
            raise ExportError(NO_HOME_PAGE)
        total = records.count(params, "sessions")
        columns, rows = records.session_rows(params, with_trainee_uuid=True)
        count = write_xapi(out, columns, _reporting(rows, tick, 0, total), request.home_page,
                           request.platform)
        return ExportResult("xapi", out, {"sessions": count})
    return _pdf(records, request, rules, tick, chain_head)


def _laid(request: ExportRequest, rules: IncentiveRules, table: Table, columns: Sequence[str],
          rows: Iterable[Sequence[Any]]) -> Laid:
    return lay_out(table, columns, rows, machine=request.machine, language=request.language,
                   workbook=request.kind == "xlsx",
                   levels={level.name: level.name_zh for level in rules.levels if level.name_zh})


def _pdf(records: Records, request: ExportRequest, rules: IncentiveRules,
         tick: ProgressCallback, chain_head: str) -> ExportResult:
    from trainer.export.scorecard_pdf import write_scorecard, write_team_scorecards  # Qt: only here

    selection, out = request.selection, request.out
    cards = scorecards(records, selection, rules)
    if selection.trainee:
        if not cards:
            raise ExportError("cannot write {path}: {trainee} has no practice from {start} to {end}, so "
                              "there is no scorecard.", path=out, trainee=selection.trainee,
                              start=selection.date_from, end=selection.date_to)
        write_scorecard(out, cards[0], request.language, tick, chain_head)
    else:
        write_team_scorecards(out, selection.team, cards, trend(records, selection), request.language, tick,
                              chain_head)
    return ExportResult("pdf", out, {"scorecards": len(cards)})


def _reporting(rows: Iterable[Any], tick: ProgressCallback, offset: int, total: int) -> Iterator[Any]:
    """The rows, calling ``tick`` every few hundred and after the last, while the file is still
    being written (so a cancel from ``tick`` always leaves no file)."""
    done = offset
    for row in rows:
        yield row
        done += 1
        if done % _EVERY == 0:
            tick(done, total)
    tick(done, total)
