"""How the customer's mood reacts to a reply.

Mood is how upset the customer is: 0 calm, 100 furious. Empathy and solution above a low
threshold calm them, and so does every scenario step taken for the first time; blame, dismissal
and critical fails (forbidden phrases, unsafe requests) make them angrier, and so does a reply
that neither hears nor helps them. Harder customers calm more slowly. Pure arithmetic on the
score, so the same reply always moves the mood the same way, and every change comes with the
reasons a trainee can read. The numbers are documented in docs/scoring.md (Mood).
"""

from __future__ import annotations

from dataclasses import dataclass

from trainer.domain.score import ReplyScore

#: Harder customers (difficulty 3) take longer to calm; anger is never scaled down.
CALMING_FACTOR = {1: 1.25, 2: 1.0, 3: 0.75}
#: Empathy or solution above this level calms; below it, it does nothing by itself.
CALM_FROM = 30
EMPATHY_WEIGHT = 0.3
SOLUTION_WEIGHT = 0.15
POINTS_PER_NEW_STEP = 7
POINTS_PER_PENALTY = 8
POINTS_PER_CRITICAL = 15
#: A reply that neither hears nor helps (empathy and solution under these, no new step) angers.
IGNORED_BELOW = {"empathy": 20, "solution": 30}
POINTS_IF_IGNORED = 6


@dataclass(frozen=True)
class MoodChange:
    before: int
    after: int
    reasons: tuple[str, ...]

    @property
    def delta(self) -> int:
        return self.after - self.before


def next_mood(mood: int, score: ReplyScore, new_steps: int, difficulty: int) -> MoodChange:
    """The mood after ``score``; ``new_steps`` counts scenario steps taken for the first time."""
    reasons: list[str] = []
    calm = max(0, score.empathy - CALM_FROM) * EMPATHY_WEIGHT
    calm += max(0, score.solution - CALM_FROM) * SOLUTION_WEIGHT
    calm += POINTS_PER_NEW_STEP * new_steps
    calm *= CALMING_FACTOR.get(difficulty, 1.0)
    if score.empathy >= 60:
        reasons.append("felt heard")
    elif score.empathy < IGNORED_BELOW["empathy"]:
        reasons.append("did not feel heard")
    if new_steps:
        reasons.append(f"saw {new_steps} step{'s' if new_steps > 1 else ''} taken")
    penalties = score.penalties("empathy")
    anger = POINTS_PER_PENALTY * len(penalties) + POINTS_PER_CRITICAL * len(score.critical)
    ignored = (
        not new_steps
        and score.empathy < IGNORED_BELOW["empathy"]
        and score.solution < IGNORED_BELOW["solution"]
    )
    if ignored:
        anger += POINTS_IF_IGNORED
        reasons.append("got no help")
    heard = [p.text for p in penalties] + [c.text for c in score.critical]
    reasons += [f"heard “{text}”" for text in dict.fromkeys(heard)]
    after = max(0, min(100, round(mood - calm + anger)))
    return MoodChange(mood, after, tuple(reasons))
