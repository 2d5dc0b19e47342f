"""Everything the desktop app asks of the program, as plain method calls (no Qt).

The UI runs these on its one background thread (``ui.jobs``), so the SQLite connection, the
sentence encoder and the current practice session all live on that thread; the UI thread only
ever receives the plain data these methods return.
"""

from __future__ import annotations

import wave
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from trainer.access_service import AccessService
from trainer.app.scoring import scorer_for
from trainer.domain.accounts import Identity
from trainer.domain.coaching import Focus, averages, next_focus
from trainer.domain.delivery import Delivery
from trainer.domain.dialogue import Exchange
from trainer.domain.incentives import (
    IncentiveRules,
    Progress,
    SessionFact,
    evaluate,
    leaderboard,
    needs_attention,
    period_start,
)
from trainer.domain.practice import InputMode, Practice
from trainer.domain.scenario import Ending, Scenario
from trainer.domain.score import ReplyScore
from trainer.domain.scoring import RubricScorer
from trainer.domain.spoken import SpokenReply
from trainer.library.catalog import Catalog, bundled_scenarios_dir, load_catalog
from trainer.library.incentive_rules import active_rules, bundled_rules_path, load_rules
from trainer.library.loader import ScenarioError, load_scenario_text
from trainer.library.packs import PackPreview, apply_pack, export_pack, preview_pack
from trainer.report_service import ReportService
from trainer.storage.database import data_dir, default_db_path, open_database
from trainer.storage.repository import Repository


@dataclass(frozen=True)
class LibraryEntry:
    scenario: Scenario
    best: dict[str, int] | None
    """The trainee's best session so far (averages per dimension), or None if never played."""


@dataclass(frozen=True)
class TurnView:
    """One played turn, as shown in the transcript and the summary."""

    index: int
    turn_id: str
    customer: str
    reply: str
    score: ReplyScore
    mood_before: int
    mood_after: int
    model_answer: str | None
    input_mode: str = "typed"
    delivery: Delivery | None = None
    audio_path: str | None = None
    """The recording of a spoken reply, kept when the trainee consented."""


@dataclass(frozen=True)
class SessionSummary:
    session_id: int
    scenario_id: str
    scenario_title: str
    status: str
    ending: Ending | None
    turn_limit_reached: bool
    turns: list[TurnView]
    averages: dict[str, int]
    focus: Focus | None
    started_at: str = ""
    trainee_id: int = 0
    overrides: list[dict[str, Any]] = field(default_factory=list)
    """Trainers' score overrides: dimension, automatic, value, comment, by, at (oldest first)."""


@dataclass(frozen=True)
class ReplyOutcome:
    turn: TurnView
    mood: int
    next_line: str | None
    """The customer's next line, or None when the session ended."""
    summary: SessionSummary | None
    """Set when this reply ended the session."""


@dataclass(frozen=True)
class Dashboard:
    trainee: dict[str, Any]
    progress: Progress
    recommended: Scenario | None
    rules_source: str
    notes: list[dict[str, Any]] = field(default_factory=list)
    """The latest coaching notes trainers wrote for this trainee."""


@dataclass(frozen=True)
class LeaderboardRow:
    rank: int
    trainee_id: int
    name: str
    team: str
    points: int
    sessions: int


@dataclass(frozen=True)
class AttentionRow:
    trainee_id: int
    name: str
    team: str
    reasons: tuple[str, ...]
    detail: dict[str, float]


def display_name(trainee: dict[str, Any]) -> str:
    """The name shown to others: initials only if the trainee chose that."""
    name = str(trainee["name"])
    if trainee.get("initials_only"):
        return "".join(part[0].upper() + "." for part in name.split() if part) or name[:1]
    return name


@dataclass
class PracticeService:
    db_path: Path | None = None
    scenario_folders: list[Path] | None = None
    rules_dir: Path | None = None
    """Where a branch's own ``incentives.yaml`` is looked for (default: the data directory)."""
    user_scenario_dir: Path | None = None
    """Where trainers' scenarios are saved (default: ``scenarios/`` in the data directory)."""
    _repo: Repository | None = None
    _catalog: Catalog = field(default_factory=Catalog)
    _scorer: RubricScorer | None = None
    _practice: Practice | None = None
    _rules: IncentiveRules | None = None
    _rules_source: str = ""
    _access: AccessService | None = None
    _reports: ReportService | None = None

    # -- start-up -----------------------------------------------------------------------------------

    def open(self) -> list[str]:
        """Open the database (marking interrupted sessions) and load the library.

        Returns the problems found in scenario files, one sentence each.
        """
        self._repo = Repository(open_database(self.db_path))
        self._repo.mark_interrupted_sessions()
        self._catalog = self._load_catalog()
        problems = [str(r) for r in self._catalog.reports if r.is_error]
        try:
            self._rules, source = active_rules(self.rules_dir or data_dir())
            self._rules_source = str(source)
        except ScenarioError as exc:  # a broken branch file: say so, use the bundled rules
            problems += [str(r) for r in exc.reports]
            self._rules, self._rules_source = load_rules(bundled_rules_path()), str(bundled_rules_path())
        try:
            self._scorer = scorer_for(self.rules_dir or data_dir())
        except ScenarioError as exc:  # a broken branch rubric: say so, score with the bundled one
            problems += [str(r) for r in exc.reports]
            self._scorer = scorer_for(None)
        return problems

    @property
    def access(self) -> AccessService:
        """Accounts, sign-in, rights, overrides, notes and the audit log (same database)."""
        if self._access is None:
            self._access = AccessService(self.repo)
        return self._access

    @property
    def reports(self) -> ReportService:
        """HR's reports and exports (same database and incentive rules)."""
        if self._reports is None:
            self._reports = ReportService(self.access, self.rules)
        return self._reports

    @property
    def user_dir(self) -> Path:
        """Trainers' scenarios live beside the database, in ``scenarios/``."""
        return self.user_scenario_dir or Path(self.db_path or default_db_path()).parent / "scenarios"

    def _load_catalog(self) -> Catalog:
        folders = self.scenario_folders or [bundled_scenarios_dir()] + (
            [self.user_dir] if self.user_dir.is_dir() else []
        )
        return load_catalog(folders)

    # -- scenario editing (trainers) ---------------------------------------------------------------

    def scenario_source(self, scenario_id: str) -> tuple[str, bool]:
        """The YAML of a scenario, and whether it is bundled (read-only)."""
        path = self._catalog.sources.get(scenario_id)
        if path is None:
            raise LookupError(f"there is no scenario with id '{scenario_id}'")
        return path.read_text(encoding="utf-8"), not path.is_relative_to(self.user_dir)

    def bundled_ids(self) -> set[str]:
        return {sid for sid, path in self._catalog.sources.items() if not path.is_relative_to(self.user_dir)}

    def save_scenario(self, who: Identity, text: str) -> Scenario:
        """Validate and save into the user scenario folder (written whole, then moved into place)."""
        self.access.current(who).require("edit_scenarios", "edit scenarios")
        scenario = load_scenario_text(text, "scenario").scenario  # raises ScenarioError with every problem
        if scenario.id in self.bundled_ids():
            raise ValueError(
                f"'{scenario.id}' is a bundled scenario and cannot be changed; duplicate it "
                "and save it under a new id"
            )
        self.user_dir.mkdir(parents=True, exist_ok=True)
        target = self.user_dir / f"{scenario.id}.yaml"
        tmp = target.with_name(f".{target.name}.saving")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
        self.access.record(who, "scenario_published", {"id": scenario.id, "file": str(target)})
        self._catalog = self._load_catalog()
        return scenario

    def new_id(self, base: str) -> str:
        """An id not used yet: ``base_copy``, ``base_copy2``..."""
        candidate, n = f"{base}_copy", 2
        while self._catalog.get(candidate) is not None:
            candidate, n = f"{base}_copy{n}", n + 1
        return candidate

    def preview_pack(self, who: Identity, pack: Path) -> PackPreview:
        self.access.current(who).require("edit_scenarios", "import scenario packs")
        preview = preview_pack(pack, set(self._catalog.scenarios))
        clash = sorted(set(preview.replaced) & self.bundled_ids())
        if clash:
            raise ValueError(
                f"the pack would replace bundled scenarios ({', '.join(clash)}); give them new ids"
            )
        return preview

    def import_pack(self, who: Identity, preview: PackPreview) -> list[str]:
        self.access.current(who).require("edit_scenarios", "import scenario packs")
        apply_pack(preview, self.user_dir)
        detail = {"added": preview.added, "replaced": preview.replaced}
        self.access.record(who, "scenario_pack_imported", detail)
        self._catalog = self._load_catalog()
        return preview.added + preview.replaced

    def export_pack(self, who: Identity, ids: list[str], target: Path) -> Path:
        self.access.current(who).require("edit_scenarios", "export scenario packs")
        files = [self._catalog.sources[i] for i in ids if i in self._catalog.sources]
        export_pack(files, target)
        self.access.record(who, "scenario_pack_exported", {"ids": ids, "file": str(target)})
        return target

    def start_draft(self, trainee_id: int, text: str) -> tuple[Scenario, int]:
        """Test-play a scenario straight from the editor, before it is saved."""
        scenario = load_scenario_text(text, "scenario").scenario
        if self._practice is not None and not self._practice.finished:
            self._practice.stop()
        self._practice = Practice(scenario, self.scorer, self.repo, trainee_id)
        return scenario, self._practice.session_id

    def needs_first_admin(self) -> bool:
        return self.access.needs_first_admin()

    @property
    def rules(self) -> IncentiveRules:
        if self._rules is None:
            self._rules = load_rules(bundled_rules_path())
        return self._rules

    def warm_up(self) -> None:
        """Load the sentence encoder now, so the first reply is scored quickly."""
        self.scorer.warm_up()

    @property
    def scorer(self) -> RubricScorer:
        if self._scorer is None:
            self._scorer = scorer_for(None)
        return self._scorer

    @property
    def repo(self) -> Repository:
        if self._repo is None:
            raise RuntimeError("PracticeService.open() was not called")
        return self._repo

    # -- trainees and library ---------------------------------------------------------------------

    def trainees(self) -> list[dict[str, Any]]:
        return self.repo.trainees()

    def create_trainee(self, name: str, team: str) -> int:
        return self.repo.trainee(name, team)

    def library(self, trainee_id: int | None) -> list[LibraryEntry]:
        best = self.repo.best_scores(trainee_id) if trainee_id is not None else {}
        return [LibraryEntry(s, best.get(s.id)) for s in self._catalog]

    # -- practising ---------------------------------------------------------------------------------

    def start(self, trainee_id: int, scenario_id: str) -> tuple[Scenario, int]:
        """Start a session; returns the scenario and its session id."""
        scenario = self._catalog.get(scenario_id)
        if scenario is None:
            raise LookupError(f"there is no scenario with id '{scenario_id}'")
        if self._practice is not None and not self._practice.finished:
            self._practice.stop()
        self._practice = Practice(scenario, self.scorer, self.repo, trainee_id)
        self.scorer.prepare(scenario)  # its model answers read now, not on the first reply
        return scenario, self._practice.session_id

    def reply(
        self, text: str, input_mode: InputMode = "typed", spoken: SpokenReply | None = None
    ) -> ReplyOutcome:
        practice = self._practice
        if practice is None or practice.finished:
            raise RuntimeError("no session is being played")
        exchange = practice.reply(text, input_mode, spoken)
        audio_path = self._keep_recording(practice.session_id, exchange.index, spoken)
        turn = self._turn_view(practice.scenario, exchange, input_mode, spoken.delivery if spoken else None)
        turn = replace(turn, audio_path=audio_path)
        dialogue = practice.dialogue
        summary = self.summary(practice.session_id) if dialogue.finished else None
        return ReplyOutcome(
            turn, dialogue.mood, dialogue.current.customer if dialogue.current else None, summary
        )

    def recordings_dir(self) -> Path:
        return Path(self.db_path or default_db_path()).parent / "recordings"

    def _keep_recording(self, session_id: int, index: int, spoken: SpokenReply | None) -> str | None:
        """Write the spoken reply as a WAV beside the database, only if the trainee consented."""
        if spoken is None or not spoken.audio:
            return None
        session = self.repo.session(session_id)
        trainee = next(
            (t for t in self.repo.trainees() if session and t["id"] == session["trainee_id"]), None
        )
        if not trainee or not trainee.get("record_audio"):
            return None
        folder = self.recordings_dir()
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"session-{session_id}-turn-{index + 1}.wav"
        tmp = target.with_name(f".{target.name}.part")
        with wave.open(str(tmp), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(16_000)
            w.writeframes(spoken.audio)
        tmp.replace(target)
        self.repo.set_turn_audio(session_id, index, str(target))
        return str(target)

    def set_record_audio(self, trainee_id: int, consent: bool) -> None:
        self.repo.set_record_audio(trainee_id, consent)

    def stop(self) -> None:
        """Leave the current session early; what was played stays stored."""
        if self._practice is not None:
            self._practice.stop()
            self._practice = None

    # -- progress and incentives ------------------------------------------------------------------

    def dashboard(self, trainee_id: int, today: date | None = None, who: Identity | None = None) -> Dashboard:
        if who is not None and who.trainee_id != trainee_id:
            self.access.current(who).require("coach", "see another trainee's progress")
        trainee = next(t for t in self.repo.trainees() if t["id"] == trainee_id)
        facts = self.repo.session_facts(trainee_id)
        progress = evaluate(facts, self.rules, today or date.today())
        notes = self.repo.coaching_notes(trainee_id, limit=5)
        return Dashboard(trainee, progress, self._recommend(progress, facts), self._rules_source, notes)

    def _recommend(self, progress: Progress, facts: list[SessionFact]) -> Scenario | None:
        """A scenario in the weakest category, at the right difficulty, not the one just played."""
        _dimension, category = progress.weakest
        level = 1 + min(2, progress.sessions // 5)
        last = facts[-1].scenario_id if facts else None
        played = {f.scenario_id for f in facts}
        candidates = [s for s in self._catalog if category is None or s.category == category]
        candidates = candidates or list(self._catalog)
        ranked = sorted(
            candidates, key=lambda s: (s.id == last, abs(s.difficulty - level), s.id in played, s.id)
        )
        return ranked[0] if ranked else None

    def leaderboard(self, team: str | None, period: str, today: date | None = None) -> list[LeaderboardRow]:
        since = period_start(period, today or date.today())  # type: ignore[arg-type]
        facts = self.repo.facts_by_trainee(team, since, self.rules.points.improvement_window)
        trainees = {t["id"]: t for t in self.repo.trainees(team)}
        for trainee_id in trainees:
            facts.setdefault(trainee_id, [])
        rows = leaderboard(facts, self.rules.points, since)
        return [
            LeaderboardRow(i + 1, tid, display_name(trainees[tid]), trainees[tid]["team"], pts, n)
            for i, (tid, pts, n) in enumerate(rows)
            if tid in trainees
        ]

    def coaching(
        self, team: str | None = None, today: date | None = None, who: Identity | None = None
    ) -> list[AttentionRow]:
        """Trainees who need a trainer's attention, most reasons first."""
        if who is not None:
            self.access.current(who).require("coach", "open the coaching view")
        facts = self.repo.facts_by_trainee(team)
        rows = []
        for t in self.repo.trainees(team):
            attention = needs_attention(
                t["id"], facts.get(t["id"], []), self.rules.attention, today or date.today()
            )
            if attention is not None:
                rows.append(AttentionRow(t["id"], t["name"], t["team"], attention.reasons, attention.detail))
        return sorted(rows, key=lambda r: (-len(r.reasons), r.name))

    def teams(self) -> list[str]:
        return self.repo.teams()

    def set_initials_only(self, trainee_id: int, initials_only: bool) -> None:
        self.repo.set_initials_only(trainee_id, initials_only)

    # -- history ------------------------------------------------------------------------------------

    def history(self, trainee_id: int | None, who: Identity | None = None) -> list[dict[str, Any]]:
        """Past sessions, newest first, each with its number of turns. With ``who``, only what
        that account may see (a trainee: their own)."""
        sessions = (
            self.access.sessions_visible_to(who, trainee_id)
            if who is not None
            else self.repo.sessions(trainee_id)
        )
        counts = self.repo.turn_counts()
        return [{**s, "turns": counts.get(s["id"], 0)} for s in sessions]

    def summary(self, session_id: int, who: Identity | None = None) -> SessionSummary:
        """A stored session, as the summary screen shows it (also for reopening read-only)."""
        if who is not None:
            self.access.check_session_access(who, session_id)
        session = self.repo.session(session_id)
        if session is None:
            raise LookupError(f"there is no session {session_id}")
        scenario = self._catalog.get(session["scenario_id"])
        turns = []
        for row in self.repo.turns(session_id):
            turn = scenario.turn(row["turn_id"]) if scenario else None
            turns.append(
                TurnView(
                    index=row["idx"],
                    turn_id=row["turn_id"],
                    customer=row["customer_line"],
                    reply=row["reply"],
                    score=ReplyScore.from_dict(_json(row["score_json"])),
                    mood_before=row["mood_before"],
                    mood_after=row["mood_after"],
                    model_answer=turn.model_answer if turn else None,
                    input_mode=row["input_mode"] or "typed",
                    delivery=_delivery(row.get("delivery_json")),
                    audio_path=row.get("audio_path")
                    if row.get("audio_path") and Path(row["audio_path"]).exists()
                    else None,
                )
            )
        scores = [t.score for t in turns]
        ending = scenario.ending(session["ending_id"]) if scenario and session["ending_id"] else None
        return SessionSummary(
            session_id=session_id,
            scenario_id=session["scenario_id"],
            scenario_title=session["scenario_title"] or session["scenario_id"],
            status=session["status"],
            ending=ending,
            turn_limit_reached=bool(session["turn_limit_reached"]),
            turns=turns,
            averages={str(k): v for k, v in averages(scores).items()},
            focus=next_focus(scores),
            started_at=session["started_at"],
            trainee_id=session["trainee_id"],
            overrides=self.repo.overrides(session_id),
        )

    @staticmethod
    def _turn_view(
        scenario: Scenario, exchange: Exchange, input_mode: str = "typed", delivery: Delivery | None = None
    ) -> TurnView:
        turn = scenario.turn(exchange.turn_id)
        return TurnView(
            exchange.index,
            exchange.turn_id,
            exchange.customer,
            exchange.reply,
            exchange.score,
            exchange.mood.before,
            exchange.mood.after,
            turn.model_answer if turn else None,
            input_mode,
            delivery,
        )


def _delivery(text: str | None) -> Delivery | None:
    return Delivery.from_dict(_json(text)) if text else None


def _json(text: str) -> dict[str, Any]:
    import json

    data = json.loads(text)
    return data if isinstance(data, dict) else {}
