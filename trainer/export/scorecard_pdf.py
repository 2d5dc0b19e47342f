"""PDF scorecards drawn with Qt's ``QPdfWriter``: one trainee's, or a team's in one file.

A trainee's scorecard shows the name, team and period; the average of each dimension, automatic
and with trainers' overrides applied; a chart of every session's scores in the period; level,
points, badges and certification at the end of the period; trainers' coaching notes; and every
override with its comment. A team PDF starts with a page comparing the team's trainees and its
trend, then has each trainee's scorecard on pages of its own.

This is the one module outside ``trainer.ui`` that uses Qt (QtGui only: it needs a
``QGuiApplication``, which :func:`ensure_gui_application` makes for the command line). Painting
on a ``QPdfWriter`` is allowed off the UI thread, so the app runs this on its engine thread.
Labels come in English and Simplified Chinese from the table below, not from the app's
translation files, so the command line can print either without loading the UI.
"""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
)

from trainer import __version__
from trainer.domain.errors import InvalidInput
from trainer.domain.incentives import Progress
from trainer.domain.wording import plural
from trainer.export.atomic import ExportError, atomic_output
from trainer.export.report import Scorecard, TraineeLine, TrendPoint
from trainer.export.selection import DIMENSIONS
from trainer.export.table_layout import fit_columns
from trainer.palette import COLOURS

LANGUAGES = ("en", "zh-CN")

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "scorecard": "Practice scorecard", "team_title": "Team scorecards: {team}", "all_teams": "all teams",
        "team": "Team", "period": "Period", "made": "Made {when} by Teller trainer {version}",
        "chain": "audit log chain head {head}",
        "sessions": "Sessions", "replies": "Replies", "critical": "Critical fails",
        "resolved": "Resolved", "escalated": "Escalated", "walked_out": "Walked out",
        "averages": "Average per dimension", "dimension": "Dimension", "automatic": "Automatic",
        "with_overrides": "With trainers' overrides",
        "empathy": "Empathy", "clarity": "Clarity", "solution": "Solution",
        "trend": "Scores per session in the period (trainers' overrides applied)",
        "team_trend": "Team trend: average per {size} (trainers' overrides applied)",
        "day": "day", "week": "week", "month": "month",
        "standing": "Level, badges and certification on {date}",
        "level": "Level: {level} · {points_en}",
        "certified": "Certified: every dimension at {t} or above on {n_en} across {m_en}.",
        "not_certified": "Not certified yet: needs every dimension at {t} or above on {n_en} "
                         "across {m_en} (so far {have_n_en}, {have_m_en}).",
        "badges": "Badges: {badges}", "no_badges": "Badges: none yet",
        "notes": "Trainers' comments", "no_notes": "No comments in this period.",
        "overrides": "Score overrides", "no_overrides": "No scores were overridden in this period.",
        "override_line": "{session} · {scenario} · {dimension}: {automatic} → {value}, by {by}: {comment}",
        "trainee": "Trainee", "level_short": "Level", "certified_short": "Certified",
        "yes": "yes", "no": "no", "colon": ": ", "page": "Page {n}", "none": "No practice in this period.",
        "brackets": "Scores include trainers' overrides; where an override changed an average, the "
                    "automatic score follows in brackets.",
    },
    "zh-CN": {
        "scorecard": "练习成绩单", "team_title": "团队成绩单：{team}", "all_teams": "全部团队",
        "team": "团队", "period": "期间", "made": "由柜员情景训练 {version} 于 {when} 生成",
        "chain": "审计日志链头 {head}",
        "sessions": "练习次数", "replies": "回复数", "critical": "严重失误",
        "resolved": "已解决", "escalated": "已升级处理", "walked_out": "客户离开",
        "averages": "各维度平均分", "dimension": "维度", "automatic": "自动评分",
        "with_overrides": "含培训师调整",
        "empathy": "同理心", "clarity": "清晰度", "solution": "解决方案",
        "trend": "本期每次练习的得分（含培训师调整）",
        "team_trend": "团队趋势：每{size}平均分（含培训师调整）",
        "day": "日", "week": "周", "month": "月",
        "standing": "截至 {date} 的等级、徽章与认证",
        "level": "等级：{level} · {points} 分",
        "certified": "已认证：在 {m} 类原因的 {n} 个情景中，各项得分均达到 {t} 分以上。",
        "not_certified": "尚未认证：需在 {m} 类原因的 {n} 个情景中各项得分均达到 {t} 分以上"
                         "（目前 {have_n} 个情景，{have_m} 类原因）。",
        "badges": "徽章：{badges}", "no_badges": "徽章：暂无",
        "notes": "培训师评语", "no_notes": "本期没有评语。",
        "overrides": "分数调整", "no_overrides": "本期没有调整过分数。",
        "override_line": "{session} · {scenario} · {dimension}：{automatic} → {value}，{by}：{comment}",
        "trainee": "学员", "level_short": "等级", "certified_short": "已认证",
        "yes": "是", "no": "否", "colon": "：", "page": "第 {n} 页", "none": "本期没有练习。",
        "brackets": "分数已含培训师调整；调整改变了平均分时，括号内为自动评分。",
    },
}

ProgressCallback = Callable[[int, int], None]


def ensure_gui_application() -> QGuiApplication:
    """The command line has no application object; fonts need one. Drawing a PDF needs no
    window, so it is always offscreen: an unreachable display cannot stop it."""
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        return app
    return QGuiApplication(["trainer", "-platform", "offscreen"])


def write_scorecard(path: Path, card: Scorecard, language: str = "en",
                    on_progress: ProgressCallback | None = None, chain_head: str = "") -> None:
    """One trainee's scorecard as a PDF at ``path`` (written whole or not at all); ``chain_head``:
    the audit log's, printed under the title (see ``domain.audit``)."""
    with _document(path, card.line.name, language, chain_head) as doc:
        if on_progress:
            on_progress(0, 1)
        doc.scorecard(card)
        if on_progress:
            on_progress(1, 1)


def write_team_scorecards(path: Path, team: str | None, cards: Sequence[Scorecard],
                          team_trend: tuple[str, list[TrendPoint]], language: str = "en",
                          on_progress: ProgressCallback | None = None, chain_head: str = "") -> None:
    """A team's page (every trainee compared, the team's trend), then each trainee's scorecard."""
    if not cards:
        raise ExportError("cannot write {path}: nobody practised in this period, so there is no "
                          "scorecard to print.", path=path)
    with _document(path, team or TEXT[language]["all_teams"], language, chain_head) as doc:
        doc.team_page(team, cards, team_trend)
        for i, card in enumerate(cards):
            doc.subject = f"{team} · {card.line.name}" if team else card.line.name  # the footer
            doc.new_page()
            doc.scorecard(card)
            if on_progress:
                on_progress(i + 1, len(cards))


@contextlib.contextmanager
def _document(path: Path, subject: str, language: str, chain_head: str = "") -> Iterator[_Document]:
    """A PDF drawn in memory, then written to a temporary file and moved to ``path``.

    Qt's PDF engine ignores write errors (on a full disk it leaves an empty file and reports
    success), so the bytes are written by Python, where a full disk or a lost share raises.
    """
    if language not in LANGUAGES:
        raise InvalidInput("language must be one of {choices} (got '{got}')", choices=", ".join(LANGUAGES),
                           got=language)
    ensure_gui_application()
    t = TEXT[language]
    with atomic_output(path) as temporary:  # checks the folder before any drawing
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setResolution(300)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(*[MARGIN_MM] * 4), QPageLayout.Unit.Millimeter)
        writer.setTitle(f"{t['scorecard']}: {subject}")
        writer.setCreator(f"Teller trainer {__version__}")
        painter = QPainter()
        if not painter.begin(writer):
            raise OSError(errno.EIO, "the PDF could not be started")
        try:
            yield _Document(writer, painter, subject, t, chain_head)
        finally:
            finished = painter.end()
        if not finished:
            raise OSError(errno.EIO, "the PDF could not be finished")
        temporary.write_bytes(buffer.data().data())


MARGIN_MM = 16.0


def _longest_word(metrics: QFontMetricsF, text: str) -> float:
    """The width of ``text``'s widest piece that word wrapping cannot break (Qt's line breaking:
    between words, and between Chinese characters)."""
    return metrics.boundingRect(QRectF(0, 0, 1, 1e6), int(Qt.TextFlag.TextWordWrap), text).width()


def _wrap(metrics: QFontMetricsF, text: str, width: float) -> int:
    """How to wrap ``text`` in ``width``: between words, or anywhere if one word is wider."""
    fits = _longest_word(metrics, text) <= width + 0.5
    return int(Qt.TextFlag.TextWordWrap if fits else Qt.TextFlag.TextWrapAnywhere)


class _Document:
    """A painter on a PDF, with a cursor going down the page and a new page when one is full."""

    def __init__(self, writer: QPdfWriter, painter: QPainter, subject: str, t: dict[str, str],
                 chain_head: str = "") -> None:
        self.writer, self.painter, self.subject, self.t = writer, painter, subject, t
        self.chain_head = chain_head
        area = writer.pageLayout().paintRectPixels(writer.resolution())
        self.width = float(area.width())
        self.height = float(area.height())
        self.page = 1
        self.y = 0.0
        self._footer()

    # -- units and text ------------------------------------------------------------------------------

    def pt(self, points: float) -> float:
        """Typographic points to device pixels."""
        return points * self.writer.resolution() / 72.0

    def font(self, size: float, bold: bool = False) -> QFont:
        font = QFont()
        font.setPointSizeF(size)
        font.setBold(bold)
        font.setFeature(QFont.Tag("liga"), 0)  # "fi" stays two letters, so the PDF's text is searchable
        return font

    def text(self, text: str, size: float = 10, bold: bool = False, colour: str = "#000000",
             indent: float = 0, gap: float = 4) -> None:
        """A wrapped paragraph at the cursor; a new page first if it does not fit."""
        font = self.font(size, bold)
        metrics = QFontMetricsF(font, self.writer)
        box = QRectF(indent, 0, self.width - indent, self.height)
        flags = int(Qt.TextFlag.TextWordWrap)
        height = metrics.boundingRect(box, flags, text).height()
        self.room(height)
        self.painter.setFont(font)
        self.painter.setPen(QColor(colour))
        self.painter.drawText(QRectF(indent, self.y, self.width - indent, height + self.pt(2)), flags, text)
        self.y += height + self.pt(gap)

    def room(self, height: float) -> None:
        if self.y + height > self.height - self.pt(24):
            self.new_page()

    def new_page(self) -> None:
        self.writer.newPage()
        self.page += 1
        self.y = 0.0
        self._footer()

    def _footer(self) -> None:
        self.painter.setFont(self.font(8))
        self.painter.setPen(QColor("#666666"))
        box = QRectF(0, self.height - self.pt(12), self.width, self.pt(12))
        self.painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft), self.subject)
        self.painter.drawText(box, int(Qt.AlignmentFlag.AlignRight), self.t["page"].format(n=self.page))

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]], shares: Sequence[float],
              size: float = 9) -> None:
        """Rows of cells under a bold header row. Columns are as wide as their header and cells
        need (``shares``, fractions of the page width, say how to share out the rest); where the
        page has too little room a header or cell wraps onto more lines: nothing is elided."""
        font, bold = self.font(size), self.font(size, True)
        plain_metrics, bold_metrics = QFontMetricsF(font, self.writer), QFontMetricsF(bold, self.writer)
        table = [list(headers), *[list(row) for row in rows]]
        pad = self.pt(6)
        natural, narrowest = [], []
        for c in range(len(headers)):
            column = [(bold_metrics if r == 0 else plain_metrics, row[c]) for r, row in enumerate(table)]
            natural.append(max(m.horizontalAdvance(text) for m, text in column) + pad)
            narrowest.append(max(_longest_word(m, text) for m, text in column) + pad)
        xs = [0.0]
        for w in fit_columns(self.width, shares, natural, narrowest):
            xs.append(xs[-1] + w)
        for r, cells in enumerate(table):
            metrics = bold_metrics if r == 0 else plain_metrics
            boxes = [QRectF(xs[c] + pad / 2, 0, xs[c + 1] - xs[c] - pad, 0) for c in range(len(cells))]
            flags = [_wrap(metrics, text, box.width()) for text, box in zip(cells, boxes, strict=True)]
            text_height = max(metrics.boundingRect(QRectF(0, 0, box.width(), self.height), f, text).height()
                              for text, box, f in zip(cells, boxes, flags, strict=True))
            line = max(text_height, metrics.height()) + metrics.height() * 0.5
            self.room(line)
            if r == 0:
                self.painter.fillRect(QRectF(0, self.y, self.width, line), QColor("#eeeeee"))
            self.painter.setFont(bold if r == 0 else font)
            self.painter.setPen(QColor("#000000"))
            for c, (text, box, f) in enumerate(zip(cells, boxes, flags, strict=True)):
                align = Qt.AlignmentFlag.AlignVCenter | (
                    Qt.AlignmentFlag.AlignLeft if c == 0 else Qt.AlignmentFlag.AlignRight)
                self.painter.drawText(QRectF(box.x(), self.y, box.width(), line), int(align) | f, text)
            self.y += line
            self.painter.setPen(QPen(QColor("#cccccc"), self.pt(0.5)))
            self.painter.drawLine(QPointF(0, self.y), QPointF(self.width, self.y))
        self.y += self.pt(8)

    # -- charts -----------------------------------------------------------------------------------

    def chart(self, labels: Sequence[str], series: dict[str, Sequence[float | None]],
              height_pt: float = 150) -> None:
        """A line per dimension over evenly spaced points, 0 to 100, labelled below; a None
        (nothing practised then) leaves a gap in the line."""
        height = self.pt(height_pt)
        self.room(height + self.pt(30))
        axis = self.pt(22)
        plot = QRectF(axis, self.y + self.pt(4), self.width - axis - self.pt(4), height)
        p = self.painter
        p.setFont(self.font(7))
        for value in (0, 25, 50, 75, 100):
            y = plot.bottom() - plot.height() * value / 100
            p.setPen(QPen(QColor("#dddddd"), self.pt(0.5)))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(QColor("#666666"))
            p.drawText(QRectF(0, y - self.pt(5), axis - self.pt(3), self.pt(10)),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), str(value))
        count = len(labels)

        def x_of(i: int) -> float:
            return plot.center().x() if count == 1 else plot.left() + plot.width() * i / (count - 1)

        for dimension, values in series.items():
            path = QPainterPath()
            previous: float | None = None
            for i, score in enumerate(values):
                if score is None:
                    previous = None
                    continue
                point = QPointF(x_of(i), plot.bottom() - plot.height() * max(0.0, min(100.0, score)) / 100)
                if previous is None:
                    path.moveTo(point)
                else:
                    path.lineTo(point)
                previous = score
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(QColor(COLOURS[dimension]))
                p.drawEllipse(point, self.pt(1.6), self.pt(1.6))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(QColor(COLOURS[dimension]), self.pt(1.2)))
            p.drawPath(path)
        p.setPen(QColor("#444444"))
        shown = sorted({0, count - 1, (count - 1) // 2}) if count else []
        for i in shown:
            box = QRectF(x_of(i) - self.pt(40), plot.bottom() + self.pt(6), self.pt(80), self.pt(10))
            p.drawText(box, int(Qt.AlignmentFlag.AlignHCenter), labels[i])
        legend_x = plot.left()
        legend_y = plot.bottom() + self.pt(18)
        p.setFont(self.font(8))
        for dimension in series:
            p.fillRect(QRectF(legend_x, legend_y + self.pt(3), self.pt(10), self.pt(3)),
                       QColor(COLOURS[dimension]))
            p.setPen(QColor("#000000"))
            label = self.t[dimension]
            p.drawText(QPointF(legend_x + self.pt(13), legend_y + self.pt(7)), label)
            legend_x += self.pt(20) + QFontMetricsF(p.font(), self.writer).horizontalAdvance(label)
        self.y = legend_y + self.pt(16)

    # -- pages ------------------------------------------------------------------------------------------

    def _period(self, date_from: date, date_to: date) -> str:
        return f"{self.t['period']}{self.t['colon']}{date_from.isoformat()} – {date_to.isoformat()}"

    def _made(self) -> str:
        made = self.t["made"].format(when=datetime.now().strftime("%Y-%m-%d %H:%M"), version=__version__)
        return f"{made} · {self.t['chain'].format(head=self.chain_head)}" if self.chain_head else made

    def _score(self, line: TraineeLine, dimension: str) -> str:
        automatic, overridden = line.automatic[dimension], line.with_overrides[dimension]
        return f"{overridden:.0f}" if round(automatic) == round(overridden) else \
            f"{overridden:.0f} ({automatic:.0f})"

    def team_page(self, team: str | None, cards: Sequence[Scorecard],
                  team_trend: tuple[str, list[TrendPoint]]) -> None:
        first = cards[0]
        self.text(self.t["team_title"].format(team=team or self.t["all_teams"]), 18, bold=True)
        self.text(self._period(first.date_from, first.date_to), 10)
        self.text(self._made(), 8, colour="#666666", gap=12)
        headers = [self.t["trainee"], self.t["sessions"], *[self.t[d] for d in DIMENSIONS],
                   self.t["critical"], self.t["level_short"], self.t["certified_short"]]
        rows = [[c.line.name, str(c.line.sessions), *[self._score(c.line, d) for d in DIMENSIONS],
                 str(c.line.critical_fails), self._level(c.progress),
                 self.t["yes" if c.line.certified else "no"]]
                for c in cards]
        self.table(headers, rows, [0.24, 0.09, 0.11, 0.11, 0.11, 0.1, 0.14, 0.1])
        self.text(self.t["brackets"], 7, colour="#666666", gap=12)
        size, points = team_trend
        self.text(self.t["team_trend"].format(size=self.t[size]), 11, bold=True)
        self.chart([p.start.isoformat() for p in points],
                   {d: [p.averages.get(d) for p in points] for d in DIMENSIONS})

    def _level(self, progress: Progress) -> str:
        level = progress.level
        return (level.name_zh or level.name) if self.t is TEXT["zh-CN"] else level.name

    def scorecard(self, card: Scorecard) -> None:
        line, t = card.line, self.t
        self.text(t["scorecard"], 18, bold=True)
        self.text(line.name, 14, bold=True)
        c = t["colon"]
        self.text(f"{t['team']}{c}{line.team or '—'} · {self._period(card.date_from, card.date_to)}", 10)
        self.text(self._made(), 8, colour="#666666", gap=10)
        figures = [f"{t['sessions']}{c}{line.sessions}", f"{t['replies']}{c}{line.replies}",
                   f"{t['critical']}{c}{line.critical_fails}",
                   *[f"{t[o]}{c}{n}" for o, n in line.outcomes.items()]]
        self.text(" · ".join(figures), 10, gap=10)
        self.text(t["averages"], 11, bold=True)
        self.table([t["dimension"], t["automatic"], t["with_overrides"]],
                   [[t[d], f"{line.automatic[d]:.1f}", f"{line.with_overrides[d]:.1f}"] for d in DIMENSIONS],
                   [0.4, 0.3, 0.3], size=10)
        self.text(t["trend"], 11, bold=True)
        if card.sessions:
            self.chart([s.started_at.strftime("%m-%d %H:%M") for s in card.sessions],
                       {d: [s.with_overrides[d] for s in card.sessions] for d in DIMENSIONS}, 130)
        else:
            self.text(t["none"], 10, gap=10)
        self._standing(card)
        self.text(t["notes"], 11, bold=True)
        if not card.notes:
            self.text(t["no_notes"], 9, colour="#666666", gap=10)
        for note in card.notes:
            self.text(f"{note.at.strftime('%Y-%m-%d')} · {note.by}{t['colon']}{note.note}", 9,
                      indent=self.pt(8))
        self.y += self.pt(6)
        self.text(t["overrides"], 11, bold=True)
        if not card.overrides:
            self.text(t["no_overrides"], 9, colour="#666666")
        for o in card.overrides:
            self.text(t["override_line"].format(
                session=o.session_started.strftime("%Y-%m-%d %H:%M"), scenario=o.scenario_title,
                dimension=t[o.dimension], automatic=f"{o.automatic:.0f}", value=o.value, by=o.by,
                comment=o.comment), 9, indent=self.pt(8))

    def _standing(self, card: Scorecard) -> None:
        t, progress = self.t, card.progress
        self.text(t["standing"].format(date=card.date_to.isoformat()), 11, bold=True)
        self.text(t["level"].format(level=self._level(progress), points=progress.points,
                                    points_en=plural(progress.points, "point")), 10)
        c = progress.certification
        rules = c.rules
        # the English templates take the counts with their nouns (1 scenario, 2 causes)
        if c.certified:
            counts = {"n": c.scenarios, "m": c.categories}
        else:
            counts = {"n": rules.scenarios, "m": rules.categories, "have_n": c.scenarios,
                      "have_m": c.categories}
        nouns = {"n": "scenario", "m": "cause", "have_n": "scenario", "have_m": "cause"}
        words = {f"{k}_en": plural(v, nouns[k]) for k, v in counts.items()}
        self.text(t["certified" if c.certified else "not_certified"].format(t=rules.threshold, **counts,
                                                                           **words), 10)
        zh = self.t is TEXT["zh-CN"]
        earned = [(b.badge.title_zh or b.badge.title) if zh else b.badge.title for b in progress.earned]
        self.text(t["badges"].format(badges=", ".join(earned)) if earned else t["no_badges"], 10, gap=10)
