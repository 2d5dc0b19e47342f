"""The practice screen: the customer, the conversation, the reply box and the feedback."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPixmap, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from trainer.app.views import ReplyOutcome, TurnView
from trainer.domain.delivery import Delivery
from trainer.domain.scenario import Scenario
from trainer.domain.scoring.rubric import Rubric
from trainer.domain.spoken import SpokenReply
from trainer.resources import bundled_path
from trainer.speech.recognizer import Transcript
from trainer.ui import labels
from trainer.ui.feedback_panel import FeedbackPanel
from trainer.ui.widgets import MoodMeter, ReplyBox, Retranslating, heading


def avatar(name: str) -> QPixmap:
    """The customer's face (``Persona.avatar_name``), 96 pixels square."""
    path = bundled_path("assets") / "avatars" / f"{name}.svg"
    pixmap = QPixmap(str(path))
    return pixmap.scaled(96, 96, Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)


class PracticePage(Retranslating, QWidget):
    """Signals:
        send(str, object): the trainee's reply to be scored, and the ``SpokenReply`` behind it if
            it was spoken (None if typed); kept for a retry until the reply comes back scored.
        talk_pressed(), talk_released(): push-to-talk (hold the mic button, or Space on it).
        mute_toggled(bool), replay_requested(): the customer's voice.
        stop_requested(): leave the session before an ending.
        summary_requested(): the session ended; show its summary.
    """

    send = Signal(str, object)
    stop_requested = Signal()
    summary_requested = Signal()
    talk_pressed = Signal()
    talk_released = Signal()
    mute_toggled = Signal(bool)
    replay_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scenario: Scenario | None = None
        self.turns: list[TurnView] = []
        self.ending_line: str | None = None
        self.next_line = ""
        self.waiting = False
        self.spoken: SpokenReply | None = None

        # the customer
        self.avatar = QLabel()
        self.name = heading(scale=1.2)
        self.mood_label = QLabel()
        self.mood = MoodMeter()
        self.mood_label.setBuddy(self.mood)
        self.briefing = QLabel()
        self.briefing.setWordWrap(True)
        self.briefing.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        customer = QWidget()
        left = QVBoxLayout(customer)
        left.addWidget(self.avatar, 0, Qt.AlignmentFlag.AlignHCenter)
        left.addWidget(self.name)
        left.addWidget(self.mood_label)
        left.addWidget(self.mood)
        left.addWidget(self.briefing, 1, Qt.AlignmentFlag.AlignTop)

        # the conversation
        self.transcript = QTextBrowser()
        self.reply = ReplyBox()
        self.reply.setTabChangesFocus(True)
        self.reply.setMaximumHeight(self.reply.fontMetrics().lineSpacing() * 5)
        self.reply.submitted.connect(self._submit)
        self.send_button = QPushButton()
        self.send_button.clicked.connect(lambda: self._submit(self.reply.toPlainText().strip()))
        self.stop_button = QPushButton()
        self.stop_button.clicked.connect(self.stop_requested)
        self.summary_button = QPushButton()
        self.summary_button.clicked.connect(self.summary_requested)
        self.summary_button.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.talk_button = QPushButton()
        self.talk_button.setCheckable(False)
        self.talk_button.pressed.connect(self.talk_pressed)
        self.talk_button.released.connect(self.talk_released)
        self.mute_button = QPushButton()
        self.mute_button.setCheckable(True)
        self.mute_button.toggled.connect(self.mute_toggled)
        self.replay_button = QPushButton()
        self.replay_button.clicked.connect(self.replay_requested)
        self.heard_label = QLabel()
        self.heard_label.setWordWrap(True)
        self.heard_label.setStyleSheet("color:#555;")
        conversation = QWidget()
        middle = QVBoxLayout(conversation)
        voice_row = QHBoxLayout()
        voice_row.addWidget(self.replay_button)
        voice_row.addWidget(self.mute_button)
        voice_row.addStretch(1)
        middle.addLayout(voice_row)
        middle.addWidget(self.transcript, 1)
        middle.addWidget(self.status)
        middle.addWidget(self.heard_label)
        middle.addWidget(self.reply)
        buttons = QHBoxLayout()
        buttons.addWidget(self.talk_button)
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.summary_button)
        buttons.addStretch(1)
        buttons.addWidget(self.stop_button)
        middle.addLayout(buttons)

        self.feedback = FeedbackPanel()
        splitter = QSplitter()
        splitter.addWidget(customer)
        splitter.addWidget(conversation)
        splitter.addWidget(self.feedback)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.retranslate()


    def retranslate(self) -> None:
        self.mood_label.setText(self.tr("Customer's mood (100 = furious)"))
        self.mood.setAccessibleName(self.tr("Customer's mood"))
        self.mood.setFormat(self.tr("%v / 100"))
        self.transcript.setAccessibleName(self.tr("Conversation"))
        self.reply.setAccessibleName(self.tr("Your reply"))
        self.reply.setPlaceholderText(self.tr("Type your reply. Enter sends, Shift+Enter starts a new line."))
        self.send_button.setText(self.tr("&Send"))
        self.stop_button.setText(self.tr("&End session"))
        self.summary_button.setText(self.tr("See the &summary"))
        self.talk_button.setText(self.tr("Hold to &talk"))
        self.talk_button.setAccessibleName(self.tr("Hold to talk"))
        self.talk_button.setToolTip(self.tr("Hold this button (or Space while it has focus) and speak; "
                                            "release to see what was heard."))
        self.mute_button.setText(self.tr("&Mute customer"))
        self.replay_button.setText(self.tr("&Replay customer"))
        self._render_transcript()

    # -- driving the page ---------------------------------------------------------------------------

    def start(self, scenario: Scenario, rubric: Rubric | None = None) -> None:
        self.scenario, self.turns, self.ending_line = scenario, [], None
        self.next_line = scenario.first_turn.customer
        p = scenario.persona
        self.avatar.setPixmap(avatar(p.avatar_name))
        self.avatar.setAccessibleName(p.name)
        self.name.setText(f"{p.name}, {p.age}")
        self.mood.set_mood(p.mood, animate=False)
        self.briefing.setText(scenario.briefing)
        self.feedback.show_rubric(scenario, rubric)
        self.summary_button.hide()
        self.stop_button.setEnabled(True)
        self.send_button.show()
        self.talk_button.show()
        self.spoken = None
        self.heard_label.clear()
        self._set_waiting(False)
        self.status.clear()
        self._render_transcript()
        self.reply.clear()
        self.reply.setFocus()

    def show_test_play(self) -> None:
        """Say plainly that this session is a trainer's test-play, which never counts."""
        self.status.setText(self.tr("Test-play: this session is kept apart and never counts towards "
                                    "points, leaderboards, coaching or reports."))

    def show_outcome(self, outcome: ReplyOutcome) -> None:
        self.spoken = None
        self.turns.append(outcome.turn)
        self.feedback.show_score(outcome.turn.reply, outcome.turn.score, outcome.turn.delivery)
        self.heard_label.clear()
        self.mood.set_mood(outcome.mood)
        self.reply.clear()
        if outcome.summary is not None:
            ending = outcome.summary.ending
            self.ending_line = ending.customer if ending else ""
            self.status.setText(self.tr("Session ended: {outcome}").format(
                outcome=labels.outcome(ending.outcome if ending else outcome.summary.status)))
            self.reply.setReadOnly(True)
            self.send_button.hide()
            self.talk_button.hide()
            self.stop_button.setEnabled(False)  # nothing left to end: the summary is next
            self.summary_button.show()
            self.summary_button.setFocus()
        else:
            self._set_waiting(False)
        if outcome.next_line is not None:
            self.next_line = outcome.next_line
        self._render_transcript()

    # -- speaking --------------------------------------------------------------------------------------

    def show_listening(self, listening: bool) -> None:
        self.talk_button.setDown(listening)
        if listening:
            self.heard_label.setText(self.tr("Listening…"))

    def show_partial(self, text: str) -> None:
        self.heard_label.setText(self.tr("Heard so far: {text}").format(text=text))

    def show_heard(self, transcript: Transcript, delivery: Delivery | None, audio: bytes = b"") -> None:
        """What was heard: sent at once when every word was clear; otherwise put in the reply box
        with the unclear words greyed, for the trainee to fix (or not) and send with Enter."""
        if not transcript.text:
            self.heard_label.setText(self.tr("Nothing was heard; try again, or type your reply."))
            return
        if not transcript.unsure_words:
            self.spoken = SpokenReply(transcript.alternatives, (), delivery, audio or None, transcript.pauses)
            self.reply.setPlainText(transcript.text)
            self.heard_label.clear()
            self._submit(transcript.text)
            return
        self.spoken = SpokenReply(transcript.alternatives, transcript.unsure_words, delivery, audio or None,
                                      transcript.pauses)
        self.reply.setPlainText(transcript.text)
        unsure = set(transcript.unsure_words)
        cursor = self.reply.textCursor()
        grey = QTextCharFormat()
        grey.setForeground(QColor("#9e9e9e"))
        position = 0
        for word in transcript.text.split(" "):
            if word in unsure:
                cursor.setPosition(position)
                cursor.setPosition(position + len(word), QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(grey)
            position += len(word) + 1
        cursor.movePosition(QTextCursor.MoveOperation.End)
        self.reply.setTextCursor(cursor)
        self.heard_label.setText(self.tr("Check what was heard (grey words were unclear and never cost "
                                         "you points), fix it if you like, then press Enter."))
        self.reply.setFocus()

    def show_notice(self, text: str) -> None:
        self.heard_label.setText(text)

    def reply_failed(self) -> None:
        """Scoring failed: keep the typed text so nothing is lost, and let the trainee retry."""
        self._set_waiting(False)

    # -- internals ----------------------------------------------------------------------------------

    def _submit(self, text: str) -> None:
        if not text or self.waiting or self.scenario is None or self.ending_line is not None:
            return
        self._set_waiting(True)
        self.send.emit(text, self.spoken)

    def _set_waiting(self, waiting: bool) -> None:
        self.waiting = waiting
        self.reply.setReadOnly(waiting)
        self.send_button.setEnabled(not waiting)
        self.status.setText(self.tr("Scoring your reply…") if waiting else "")

    def _render_transcript(self) -> None:
        if self.scenario is None:
            self.transcript.clear()
            return
        name = escape(self.scenario.persona.name)
        you = escape(self.tr("You"))
        rows = []
        for t in self.turns:
            rows.append(f'<p><b style="color:#b23c17">{name}:</b> {escape(t.customer)}</p>')
            rows.append(f'<p style="margin-left:24px"><b style="color:#1f5fbf">{you}:</b> '
                        f"{escape(t.reply)}</p>")
        if self.ending_line is not None:
            rows.append(f'<p><b style="color:#b23c17">{name}:</b> {escape(self.ending_line)}</p>')
        else:
            rows.append(f'<p><b style="color:#b23c17">{name}:</b> {escape(self.next_line)}</p>')
        self.transcript.setHtml("".join(rows))
        bar = self.transcript.verticalScrollBar()
        bar.setValue(bar.maximum())
