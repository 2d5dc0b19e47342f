"""After practising: the session summary (also used to reopen past sessions) and the history."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from trainer.app.views import SessionSummary, Standing
from trainer.domain.debrief import Debrief
from trainer.domain.scenario import DIMENSIONS
from trainer.storage.repository import local_minute
from trainer.ui import i18n, labels
from trainer.ui.highlight import highlighted_html
from trainer.ui.score_chart import count_axis, plot_scores, score_chart
from trainer.ui.widgets import Retranslating, TablePage, heading


class SummaryPage(Retranslating, QWidget):
    """How a session went: the ending, scores per dimension and per turn (a chart), each reply
    beside the model answer, and the one thing to practise next.

    Signals:
        back(): return to the library (or to the history, when reopened read-only).
        again(str): practise the same scenario again.
    """

    back = Signal()
    again = Signal(str)
    override = Signal(int, str, int, str)
    note = Signal(int, int, str)
    play_recording = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary: SessionSummary | None = None
        self.read_only = False
        self.reviewing = False
        self.review = QWidget()
        self.dimension = QComboBox()
        self.value = QSpinBox()
        self.value.setRange(0, 100)
        self.comment = QLineEdit()
        self.override_button = QPushButton()
        self.override_button.clicked.connect(self._override)
        self.note_text = QLineEdit()
        self.note_button = QPushButton()
        self.note_button.clicked.connect(self._note)
        review = QHBoxLayout(self.review)
        review.setContentsMargins(0, 0, 0, 0)
        for w in (self.dimension, self.value, self.comment, self.override_button, self.note_text,
                  self.note_button):
            review.addWidget(w)
        self.review.hide()
        self.title = heading()
        self.ending = QLabel()
        self.ending.setWordWrap(True)
        self.focus_box = QLabel()
        self.focus_box.setWordWrap(True)
        self.focus_box.setStyleSheet("background:#fff8e1; padding:8px; border-radius:4px;")
        self.chart, self.chart_view = score_chart(180)
        self.turns = QTextBrowser()
        self.turns.setOpenLinks(False)
        self.turns.anchorClicked.connect(lambda url: self.play_recording.emit(url.toLocalFile()))
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back)
        self.again_button = QPushButton()
        self.again_button.clicked.connect(lambda: self.summary and self.again.emit(self.summary.scenario_id))

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.addWidget(self.ending)
        top_layout.addWidget(self.focus_box)
        top_layout.addWidget(self.chart_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.turns)
        buttons = QHBoxLayout()
        buttons.addWidget(self.again_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.review)
        layout.addLayout(buttons)
        self.retranslate()


    def retranslate(self) -> None:
        self.chart_view.setAccessibleName(self.tr("Scores per turn"))
        self.turns.setAccessibleName(self.tr("Your replies beside the model answers"))
        self.back_button.setText(self.tr("&Back"))
        self.again_button.setText(self.tr("Practise &again"))
        current = self.dimension.currentData()
        self.dimension.clear()
        for d in DIMENSIONS:
            self.dimension.addItem(labels.dimension(d), d)
        self.dimension.setCurrentIndex(max(0, self.dimension.findData(current)))
        self.dimension.setAccessibleName(self.tr("Dimension to override"))
        self.value.setAccessibleName(self.tr("Overriding score"))
        self.comment.setPlaceholderText(self.tr("Why (required)"))
        self.comment.setAccessibleName(self.tr("Why the score is overridden"))
        self.override_button.setText(self.tr("&Override score"))
        self.note_text.setPlaceholderText(self.tr("Coaching note for the trainee"))
        self.note_text.setAccessibleName(self.tr("Coaching note"))
        self.note_button.setText(self.tr("Add &note"))
        self._render()

    def show_summary(self, summary: SessionSummary, read_only: bool = False, reviewing: bool = False) -> None:
        """``reviewing``: a trainer looking at someone's session may override scores and add notes."""
        self.summary, self.read_only, self.reviewing = summary, read_only, reviewing
        self.review.setVisible(reviewing)
        self._render()
        (self.back_button if read_only else self.again_button).setFocus()

    # -- rendering ----------------------------------------------------------------------------------

    def _render(self) -> None:
        s = self.summary
        if s is None:
            return
        self.title.setText(s.scenario_title)
        t_ending, t_limit, t_avg, t_reopened = (
            self.tr("Ending"), self.tr("turn limit reached"), self.tr("Average scores"),
            self.tr("Reopened from history (read-only)."))
        outcome = labels.outcome(s.ending.outcome if s.ending else s.status)
        avg = ", ".join(f"{labels.dimension(d)} {s.averages[d]}" for d in DIMENSIONS)
        text = f"<b>{escape(t_ending)}: {escape(outcome)}</b>"
        if s.turn_limit_reached:
            text += f" ({escape(t_limit)})"
        if s.ending is not None:
            text += f"<br>“{escape(s.ending.customer)}”"
        if s.debrief is not None:
            text += "<br>" + "<br>".join(escape(line) for line in self._debrief_lines(s.debrief))
        if s.ending is not None and s.ending.debrief:
            note = self.tr("About this ending: {text}").format(text=s.ending.debrief)
            text += f"<br><i>{escape(note)}</i>"
        text += f"<br>{escape(t_avg)}: {escape(avg)}"
        if s.overrides:
            t_over = self.tr("Trainer overrides")
            lines = [self.tr("{dimension}: {automatic} → {value} by {by}: “{comment}”").format(
                dimension=labels.dimension(o["dimension"]), automatic=round(o["automatic"]), value=o["value"],
                by=o["by"], comment=o["comment"]) for o in s.overrides]
            text += f"<br><b>{escape(t_over)}</b>: " + "; ".join(escape(line) for line in lines)
        if self.read_only:
            text += f"<br><i>{escape(t_reopened)}</i>"
        if s.central_as_of is not None:  # a session of the central record, reviewed on HR's or a trainer's PC
            text += f"<br><i>{escape(labels.central_as_of(s.central_as_of))}</i>"
        self.ending.setText(text)
        if s.focus is not None:
            t_next = self.tr("Practise next")
            example = self.tr("For example: “{model}”").format(model=s.focus.model)
            self.focus_box.setText(
                f"<b>{escape(t_next)}:</b> {escape(labels.dimension(s.focus.dimension))} — "
                f"{escape(labels.item(s.focus.item))}. {escape(example)}")
            self.focus_box.show()
        else:
            self.focus_box.hide()
        self._render_chart(s)
        self._render_turns(s)
        self.again_button.setVisible(not self.read_only)

    def _debrief_lines(self, d: Debrief) -> list[str]:
        """What happened, in words: from this session's own turns and its scenario's steps."""
        said = (self.tr("You replied once; the customer's mood went from {start} to {end}.") if d.replies == 1
                else self.tr("You replied {n} times; the customer's mood went from {start} to {end}."))
        lines = [said.format(n=d.replies, start=d.mood_from, end=d.mood_to)]
        if d.steps_taken:
            lines.append(self.tr("Steps you took: {steps}.").format(steps="; ".join(d.steps_taken)))
        if d.steps_missing:
            lines.append(self.tr("Steps still missing: {steps}.").format(steps="; ".join(d.steps_missing)))
        if d.calmest is not None:
            lines.append(self.tr("Reply {n} calmed the customer most (mood −{by}).").format(
                n=d.calmest[0], by=d.calmest[1]))
        if d.hardest is not None:
            lines.append(self.tr("Reply {n} angered the customer most (mood +{by}).").format(
                n=d.hardest[0], by=d.hardest[1]))
        if d.critical_fails:
            lines.append(self.tr("Critical fails: {n}.").format(n=d.critical_fails))
        return lines

    def _override(self) -> None:
        if self.summary is not None:
            self.override.emit(self.summary.session_id, str(self.dimension.currentData()), self.value.value(),
                               self.comment.text())

    def _note(self) -> None:
        if self.summary is not None and self.note_text.text().strip():
            self.note.emit(self.summary.trainee_id, self.summary.session_id, self.note_text.text())

    def review_saved(self) -> None:
        self.comment.clear()
        self.note_text.clear()

    def _render_chart(self, s: SessionSummary) -> None:
        plot_scores(self.chart, count_axis(len(s.turns), self.tr("Turn")),
                    {d: [(t.index + 1, getattr(t.score, d)) for t in s.turns] for d in DIMENSIONS})

    def _render_turns(self, s: SessionSummary) -> None:
        t_title, t_customer, t_you, t_model = (
            self.tr("Turn by turn"), self.tr("Customer"), self.tr("You"), self.tr("Model answer"))
        no_model = self.tr("(no model answer: the scenario has changed)")
        t_listen = self.tr("▶ Listen to the recording")
        rows = [f"<h3>{escape(t_title)}</h3>"]
        for t in s.turns:
            turn_name = self.tr("Turn {n}").format(n=t.index + 1)
            scores = ", ".join(f"{labels.dimension(d)} {getattr(t.score, d)}" for d in DIMENSIONS)
            rows.append(f"<p><b>{escape(turn_name)}</b> — {escape(scores)}</p>")
            rows.append(f"<p>{escape(t_customer)}: {escape(t.customer)}</p>")
            if t.audio_path:
                url = QUrl.fromLocalFile(t.audio_path).toString()
                rows.append(f'<p><a href="{escape(url)}">{escape(t_listen)}</a></p>')
            rows.append('<table width="100%" cellspacing="6"><tr>')
            rows.append(f'<td width="50%" valign="top" style="background:#eef3fb"><b>{escape(t_you)}</b>'
                        f"<br>{highlighted_html(t.reply, t.score)}</td>")
            rows.append(f'<td width="50%" valign="top" style="background:#eef8f1"><b>{escape(t_model)}</b>'
                        f"<br>{escape(t.model_answer or no_model)}</td></tr></table>")
        self.turns.setHtml("".join(rows))


class HistoryPage(TablePage):
    """Past sessions of the current trainee, newest first; any can be reopened read-only.

    A long history comes a page at a time: *Show more* asks for the next one.

    Signals:
        open_session(int): show this session's summary.
        more(): load the next page of older sessions.
        back(): return to the library.
    """

    open_session = Signal(int)
    more = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(4 + len(DIMENSIONS), stretch=1, parent=parent)
        self.sessions: list[dict[str, Any]] = []
        self.total = 0
        self.standing_data: Standing | None = None
        self.central_as_of: str | None = None
        self.more_button = QPushButton()
        self.more_button.clicked.connect(self.more)
        self.more_button.hide()
        self.column.insertWidget(3, self.more_button)
        self.standing, self.as_of = QLabel(), QLabel()
        for label in (self.standing, self.as_of):
            label.setWordWrap(True)
            label.hide()
        self.column.insertWidget(1, self.standing)
        self.column.insertWidget(2, self.as_of)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Past sessions"))
        scores = [labels.dimension(d) for d in DIMENSIONS]
        self.table.setHorizontalHeaderLabels(
            [self.tr("Started"), self.tr("Scenario"), self.tr("Turns"), *scores, self.tr("Result")])
        self.table.setAccessibleName(self.tr("Past sessions"))
        self.empty.setText(self.tr("No sessions yet: practise a scenario and it will appear here."))
        self.open_button.setText(self.tr("&Open"))
        self.back_button.setText(self.tr("&Back"))
        self.set_sessions(self.sessions, self.total)
        self.set_context(self.standing_data, self.central_as_of)

    def set_context(self, standing: Standing | None, central_as_of: str | None = None) -> None:
        """Whose history this is (their level, points and certification, from the record it is
        read from) and, for the central record's, as of when."""
        self.standing_data, self.central_as_of = standing, central_as_of
        self.as_of.setText(labels.central_as_of(central_as_of))
        self.as_of.setVisible(central_as_of is not None)
        self.standing.setVisible(standing is not None)
        if standing is None:
            return
        p = standing.progress
        level = (p.level.name_zh or p.level.name) if i18n.current_language() == "zh-CN" else p.level.name
        certified = (self.tr("certified") if p.certification.certified else self.tr("not certified yet"))
        self.standing.setText(self.tr("{name} ({team}): level {level}, {points} points, {certified}.").format(
            name=standing.name, team=standing.team or "—", level=level, points=p.points, certified=certified))

    def set_sessions(self, sessions: list[dict[str, Any]], total: int | None = None) -> None:
        """Show these sessions (newest first) of ``total`` in all (default: these are all)."""
        self.sessions = sessions
        self.total = len(sessions) if total is None else total
        self.more_button.setText(self.tr("Show more ({n} not shown)").format(n=self.total - len(sessions)))
        self.more_button.setVisible(len(sessions) < self.total)
        self.table.setRowCount(len(sessions))
        for row, s in enumerate(sessions):
            started = local_minute(s.get("started_at") or "")
            cells = [QTableWidgetItem(started), QTableWidgetItem(s.get("scenario_title") or s["scenario_id"]),
                     _number(str(s.get("turns", "")))]
            cells += [self._score(s, d) for d in DIMENSIONS]
            cells.append(QTableWidgetItem(labels.outcome(s.get("outcome") or s.get("status"))))
            for col, item in enumerate(cells):
                item.setData(Qt.ItemDataRole.UserRole, s["id"])
                self.table.setItem(row, col, item)
        for col in range(self.table.columnCount()):
            if col != 1:
                self.table.resizeColumnToContents(col)
        self.show_rows(len(sessions))

    def _score(self, session: dict[str, Any], dimension: str) -> QTableWidgetItem:
        """The session's score (as a trainer overrode it, if one did); "—" before any reply."""
        score, automatic = session.get(f"score_{dimension}"), session.get(f"avg_{dimension}")
        item = _number("—" if score is None else f"{score:.0f}")
        if score is not None and automatic is not None and round(score) != round(automatic):
            item.setToolTip(self.tr("Scored {automatic} automatically; a trainer set it to {score}.").format(
                automatic=f"{automatic:.0f}", score=f"{score:.0f}"))
        return item

    def open_row(self, row: int) -> None:
        if row < len(self.sessions):
            self.open_session.emit(int(self.sessions[row]["id"]))


def _number(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item
