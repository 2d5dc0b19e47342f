"""Feedback after each reply: the three scores, the reply with its evidence highlighted, what was
missed (with model phrasings) and critical fails in red. Before the first reply it shows the
rubric, so no criterion is hidden."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QGridLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from trainer.domain.delivery import Delivery
from trainer.domain.scenario import DIMENSIONS, Scenario
from trainer.domain.score import ReplyScore, Scaling
from trainer.domain.scoring.rubric import Rubric
from trainer.ui import i18n, labels
from trainer.ui.highlight import COLOURS, highlighted_html
from trainer.ui.widgets import Retranslating, ScoreBar, heading


class FeedbackPanel(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score: ReplyScore | None = None
        self.scenario: Scenario | None = None
        self.rubric: Rubric | None = None
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

    def show_rubric(self, scenario: Scenario | None, rubric: Rubric | None = None) -> None:
        self.score, self.scenario = None, scenario
        self.rubric = rubric or self.rubric
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
        lang = i18n.current_language()
        for d in DIMENSIONS:
            parts.append(f'<h4 style="color:{COLOURS[d]}">{escape(labels.dimension(d))}</h4><ul>')
            for item in self.rubric.by_dimension(d) if self.rubric else ():
                parts.append(f"<li>{escape(labels.item(item.id))} ({item.points:+d}): "
                             f"{escape(item.why.get(lang))}</li>")
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
        done_before = self.tr("already done in an earlier reply, not needed again")
        for d in DIMENSIONS:
            found = [i for i in score.items if i.dimension == d and i.met]
            missed = [i for i in score.items if i.dimension == d and not i.met and not i.carried and i.text]
            carried = [i for i in score.items if i.dimension == d and i.carried]
            parts.append(f'<h4 style="color:{COLOURS[d]}">{escape(labels.dimension(d))} '
                         f"{getattr(score, d)}</h4>")
            scaling = next((s for s in score.scaling if s.dimension == d), None)
            if scaling is not None:
                parts.append(f"<p><i>{escape(self._scaling_text(scaling))}</i></p>")
            parts.append("<ul>")
            for i in found:
                name = self._item_name(i.item)
                colour = COLOURS[d] if i.points >= 0 else COLOURS["penalty"]
                parts.append(f'<li><span style="color:{colour}">{i.points:+d}</span> {escape(name)}: '
                             f"“{escape(i.text)}”</li>")
            for i in carried:
                parts.append(f'<li style="color:#555">✓ {escape(self._item_name(i.item))} — '
                             f"{escape(done_before)}</li>")
            for i in missed:
                name = self._item_name(i.item)
                parts.append(f'<li style="color:#555">{escape(missed_word)}: {escape(name)} — '
                             f"{escape(example_word)} “{escape(i.text)}”</li>")
            parts.append("</ul>")
        return "".join(parts)

    def _scaling_text(self, s: Scaling) -> str:
        """One line on why the points shown differ from the rubric's (they add up to the score)."""
        names = ", ".join(labels.item(i) for i in s.carried)
        if s.steps_share and s.carried:
            return self.tr("This customer's steps are worth {share} points; {names} was done earlier, so "
                           "the other items count ×{factor}.").format(share=s.steps_share, names=names,
                                                                       factor=f"{s.factor:g}")
        if s.steps_share:
            return self.tr("This customer's steps are worth {share} of the 100 points, so the other items "
                           "count ×{factor}.").format(share=s.steps_share, factor=f"{s.factor:g}")
        return self.tr("{names} was done in an earlier reply, so the other items count ×{factor}.").format(
            names=names, factor=f"{s.factor:g}")
