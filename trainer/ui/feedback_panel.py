"""Feedback after each reply: the three scores, the reply with its evidence highlighted, what was
missed (with model phrasings) and critical fails in red. Before the first reply it shows the
rubric, so no criterion is hidden."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QGridLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from trainer.domain.delivery import Delivery
from trainer.domain.scenario import DIMENSIONS, Scenario
from trainer.domain.score import ReplyScore
from trainer.domain.scoring.rubric import ALL_ITEMS
from trainer.ui import labels
from trainer.ui.highlight import COLOURS, highlighted_html
from trainer.ui.widgets import Retranslating, ScoreBar, heading


class FeedbackPanel(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score: ReplyScore | None = None
        self.scenario: Scenario | None = None
        self.title = heading(scale=1.1)
        self.bars = {d: ScoreBar(COLOURS[d]) for d in DIMENSIONS}
        self.bar_labels = {d: QLabel() for d in DIMENSIONS}
        grid = QGridLayout()
        for row, d in enumerate(DIMENSIONS):
            self.bar_labels[d].setBuddy(self.bars[d])
            grid.addWidget(self.bar_labels[d], row, 0)
            grid.addWidget(self.bars[d], row, 1)
        self.body = QTextBrowser()
        self.body.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        layout.addWidget(self.body, 1)
        self.retranslate()


    def retranslate(self) -> None:
        for d in DIMENSIONS:
            self.bar_labels[d].setText(labels.dimension(d))
            self.bars[d].setAccessibleName(self.tr("{dimension} score").format(dimension=labels.dimension(d)))
        self.body.setAccessibleName(self.tr("Feedback on your reply"))
        self._render()

    def show_rubric(self, scenario: Scenario | None) -> None:
        self.score, self.scenario = None, scenario
        for bar in self.bars.values():
            bar.setValue(0)
        self._render()

    def show_score(self, reply: str, score: ReplyScore, delivery: Delivery | None = None) -> None:
        self.score = score
        self._reply = reply
        self._delivery = delivery
        for d in DIMENSIONS:
            self.bars[d].setValue(getattr(score, d))
        self._render()

    # -- rendering ----------------------------------------------------------------------------------

    def _render(self) -> None:
        if self.score is None:
            self.title.setText(self.tr("How replies are scored"))
            self.body.setHtml(self._rubric_html())
        else:
            self.title.setText(self.tr("Feedback on your reply"))
            self.body.setHtml(self._score_html(self._reply, self.score))

    def _rubric_html(self) -> str:
        intro = self.tr("Each reply earns points for what it does well and loses points for what hurts. "
                        "The words that earned each point are highlighted.")
        steps_title = self.tr("Steps this customer needs")
        critical = self.tr("Critical fails (forbidden phrases, asking for a PIN, promises the bank cannot "
                           "keep) are shown apart in red.")
        parts = [f"<p>{escape(intro)}</p>"]
        for d in DIMENSIONS:
            parts.append(f'<h4 style="color:{COLOURS[d]}">{escape(labels.dimension(d))}</h4><ul>')
            for item in (i for i in ALL_ITEMS if i.dimension == d):
                parts.append(f"<li>{escape(labels.item(item.id))} ({item.points:+d})</li>")
            parts.append("</ul>")
        if self.scenario is not None:
            parts.append(f"<h4>{escape(steps_title)}</h4><ul>")
            parts += [f"<li>{escape(s.description)}</li>" for s in self.scenario.steps]
            parts.append("</ul>")
        parts.append(f'<p style="color:{COLOURS["critical"]}">{escape(critical)}</p>')
        return "".join(parts)

    def _delivery_text(self, d: Delivery) -> str:
        parts = [self.tr("{n} words a minute").format(n=d.words_per_minute),
                 self.tr("{n} fillers per 100 words").format(n=d.fillers_per_100_words),
                 self.tr("longest pause {n} s").format(n=d.longest_pause_s)]
        if d.started_while_customer_spoke:
            parts.append(self.tr("you started while the customer was still speaking"))
        return "; ".join(parts)

    def _item_name(self, item_id: str) -> str:
        """A rubric item's translated name; a scenario step's own description (in the scenario's
        language)."""
        if item_id.startswith("step:") and self.scenario is not None:
            step = next((s for s in self.scenario.steps if s.id == item_id[5:]), None)
            if step is not None:
                return f"{labels.item(item_id)}: {step.description}"
        return labels.item(item_id)

    def _score_html(self, reply: str, score: ReplyScore) -> str:
        critical_title, missed_word, example_word = (
            self.tr("Critical fails"), self.tr("Missed"), self.tr("for example"))
        red = COLOURS["critical"]
        parts = [f"<p>{highlighted_html(reply, score)}</p>"]
        delivery = getattr(self, "_delivery", None)
        if delivery is not None:
            title = self.tr("How you said it")
            note = self.tr("Shown to help you; it does not change the scores.")
            parts.append(f"<p><b>{escape(title)}:</b> {escape(self._delivery_text(delivery))}"
                         f"<br><i>{escape(note)}</i></p>")
        if score.critical:
            parts.append(f'<h4 style="color:{red}">{escape(critical_title)}</h4><ul>')
            parts += [f'<li style="color:{red}">{escape(labels.item(c.item))}: “{escape(c.text)}”</li>'
                      for c in score.critical]
            parts.append("</ul>")
        for d in DIMENSIONS:
            found = [i for i in score.items if i.dimension == d and i.met]
            missed = [i for i in score.items if i.dimension == d and not i.met and i.points == 0 and i.text]
            parts.append(f'<h4 style="color:{COLOURS[d]}">{escape(labels.dimension(d))} '
                         f"{getattr(score, d)}</h4><ul>")
            for i in found:
                name = self._item_name(i.item)
                parts.append(f"<li>{i.points:+d} {escape(name)}: “{escape(i.text)}”</li>")
            for i in missed:
                name = self._item_name(i.item)
                parts.append(f'<li style="color:#555">{escape(missed_word)}: {escape(name)} — '
                             f"{escape(example_word)} “{escape(i.text)}”</li>")
            parts.append("</ul>")
        return "".join(parts)
