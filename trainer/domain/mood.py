"""How the customer's mood reacts to a reply.

Mood is how upset the customer is: 0 calm, 100 furious. Empathy, solution and each newly taken
step calm them; blame, dismissal and critical fails (forbidden phrases) make them angrier. Harder
customers calm more slowly. Pure arithmetic on the score, so the same reply always moves the mood
the same way, and every change comes with the reasons a trainee can read.
"""

from __future__ import annotations

from dataclasses import dataclass

from trainer.domain.score import ReplyScore

#: Harder customers (difficulty 3) take longer to calm; anger is never scaled down.
CALMING_FACTOR = {1: 1.25, 2: 1.0, 3: 0.75}
#: Scores at this level neither calm nor anger.
NEUTRAL_SCORE = 40
EMPATHY_WEIGHT = 0.25
SOLUTION_WEIGHT = 0.10
POINTS_PER_NEW_STEP = 6
POINTS_PER_PENALTY = 8
POINTS_PER_CRITICAL = 15


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
    calm = (score.empathy - NEUTRAL_SCORE) * EMPATHY_WEIGHT
    calm += (score.solution - NEUTRAL_SCORE) * SOLUTION_WEIGHT
    calm += POINTS_PER_NEW_STEP * new_steps
    if score.empathy >= 60:
        reasons.append("felt heard")
    elif score.empathy < 20:
        reasons.append("did not feel heard")
    if new_steps:
        reasons.append(f"saw {new_steps} step{'s' if new_steps > 1 else ''} taken")
    if calm > 0:
        calm *= CALMING_FACTOR.get(difficulty, 1.0)
    penalties = score.penalties("empathy")
    anger = POINTS_PER_PENALTY * len(penalties) + POINTS_PER_CRITICAL * len(score.critical)
    heard = [p.text for p in penalties] + [c.text for c in score.critical]
    reasons += [f"heard “{text}”" for text in dict.fromkeys(heard)]
    after = max(0, min(100, round(mood - calm + anger)))
    return MoodChange(mood, after, tuple(reasons))
