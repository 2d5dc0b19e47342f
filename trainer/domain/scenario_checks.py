"""Checks that need the whole scenario: ids, branch targets, reachability.

Field-level checks (types, ranges, unknown keys) are pydantic's; these come after them and only
run on a scenario that parsed.
"""

from __future__ import annotations

from collections import deque

from trainer.domain.problems import Problem, field_name
from trainer.domain.scenario import Scenario


def check_scenario(scenario: Scenario, item_ids: frozenset[str] | None = None) -> list[Problem]:
    """Every cross-field problem in ``scenario``, errors and warnings, in document order.

    ``item_ids``: the rubric's item ids, which ``reply_met`` conditions must name (unchecked when
    ``None``).
    """
    problems: list[Problem] = []
    problems += _check_ids(scenario)
    problems += _check_branches(scenario, item_ids)
    problems += _check_endings(scenario)
    if not any(p.is_error for p in problems):
        problems += _check_reachability(scenario)
    return problems


def _check_ids(s: Scenario) -> list[Problem]:
    problems = []
    seen_steps: set[str] = set()
    for i, step in enumerate(s.steps):
        if step.id in seen_steps:
            problems.append(Problem(("steps", i, "id"), f"step id '{step.id}' is used twice"))
        seen_steps.add(step.id)
    seen: dict[str, str] = {}
    nodes = [("turns", i, t.id) for i, t in enumerate(s.turns)]
    nodes += [("endings", i, e.id) for i, e in enumerate(s.endings)]
    for section, i, node_id in nodes:
        if node_id in seen:
            problems.append(Problem(
                (section, i, "id"),
                f"id '{node_id}' is already used by a {seen[node_id]}; "
                "turn and ending ids must all differ",
            ))
        else:
            seen[node_id] = "turn" if section == "turns" else "ending"
    return problems


def _check_branches(s: Scenario, item_ids: frozenset[str] | None) -> list[Problem]:
    problems = []
    targets = {t.id for t in s.turns} | {e.id for e in s.endings}
    steps = set(s.step_ids())
    for ti, turn in enumerate(s.turns):
        for bi, branch in enumerate(turn.branches):
            loc = ("turns", ti, "branches", bi)
            if branch.goto not in targets:
                problems.append(Problem(
                    (*loc, "goto"),
                    f"{field_name((*loc, 'goto'))} must name a turn or an ending of this scenario "
                    f"(got '{branch.goto}')",
                ))
            cond = branch.when
            if cond is None:
                if bi < len(turn.branches) - 1:
                    problems.append(Problem(
                        (*loc, "goto"),
                        f"the branches after this one in turn '{turn.id}' are never chosen, "
                        "because it has no 'when'",
                        "warning",
                    ))
                continue
            if cond.is_empty():
                problems.append(Problem(
                    (*loc, "when"),
                    "when has no conditions; leave 'when' out for the default branch",
                ))
            for key in ("steps_done", "steps_missing", "reply_steps"):
                for si, step_id in enumerate(getattr(cond, key)):
                    if step_id not in steps:
                        problems.append(Problem(
                            (*loc, "when", key, si),
                            f"{field_name((*loc, 'when', key, si))} must name a step of this scenario "
                            f"(got '{step_id}')",
                        ))
            for ii, item_id in enumerate(cond.reply_met):
                if item_ids is not None and item_id not in item_ids:
                    problems.append(Problem(
                        (*loc, "when", "reply_met", ii),
                        f"{field_name((*loc, 'when', 'reply_met', ii))} must name a rubric item "
                        f"(got '{item_id}'; see trainer rubric)",
                    ))
            if (
                cond.mood_below is not None
                and cond.mood_at_least is not None
                and cond.mood_below <= cond.mood_at_least
            ):
                problems.append(Problem(
                    (*loc, "when", "mood_below"),
                    f"mood_below ({cond.mood_below}) must be above mood_at_least "
                    f"({cond.mood_at_least}), or the branch can never be chosen",
                ))
        if turn.branches[-1].when is not None:
            problems.append(Problem(
                ("turns", ti, "branches", len(turn.branches) - 1, "when"),
                f"the last branch of turn '{turn.id}' must have no 'when', "
                "so the conversation always has somewhere to go",
            ))
    return problems


def _check_endings(s: Scenario) -> list[Problem]:
    problems = []
    if not any(e.outcome == "resolved" for e in s.endings):
        problems.append(Problem(("endings",), "endings must include one with outcome 'resolved'"))
    if s.turn_limit_ending is not None and s.ending(s.turn_limit_ending) is None:
        problems.append(Problem(
            ("turn_limit_ending",),
            f"turn_limit_ending must name an ending of this scenario (got '{s.turn_limit_ending}')",
        ))
    elif s.limit_ending() is None:
        problems.append(Problem(
            ("endings",),
            "endings need one with outcome 'escalated' or 'walked_out' for when the turn limit "
            "is reached, or name one in turn_limit_ending",
        ))
    return problems


def reachable_ids(s: Scenario) -> set[str]:
    """Turn and ending ids reachable from the first turn by following branches.

    The turn-limit ending counts as reachable: any conversation can run out of turns.
    """
    turns = {t.id: t for t in reversed(s.turns)}  # the first of a duplicated id, as s.turn() finds
    seen = {s.first_turn.id}
    queue = deque([s.first_turn])
    while queue:
        turn = queue.popleft()
        for branch in turn.branches:
            if branch.goto in seen:
                continue
            seen.add(branch.goto)
            nxt = turns.get(branch.goto)
            if nxt is not None:
                queue.append(nxt)
    limit = s.limit_ending()
    if limit is not None:
        seen.add(limit.id)
    return seen


def _check_reachability(s: Scenario) -> list[Problem]:
    reachable = reachable_ids(s)
    problems = []
    for i, turn in enumerate(s.turns):
        if turn.id not in reachable:
            problems.append(Problem(
                ("turns", i, "id"), f"turn '{turn.id}' is never reached from the first turn",
                "warning",
            ))
    for i, ending in enumerate(s.endings):
        if ending.id not in reachable:
            problems.append(Problem(
                ("endings", i, "id"), f"ending '{ending.id}' is never reached", "warning",
            ))
    return problems


LANGUAGE_NAMES = {"en": "an English", "zh-CN": "a Chinese"}


def check_pairs(scenarios: list[Scenario]) -> list[tuple[Scenario, Problem]]:
    """Problems between scenarios of one situation, both warnings (each scenario still plays):
    two in the same language (a trainer's variant of a bundled one keeps its situation), or a
    pair whose steps differ (progress treats them as one situation)."""
    by_situation: dict[str, list[Scenario]] = {}
    for s in scenarios:
        by_situation.setdefault(s.situation_id, []).append(s)
    problems: list[tuple[Scenario, Problem]] = []
    for situation, group in by_situation.items():
        first_of: dict[str, Scenario] = {}
        for s in group:
            other = first_of.get(s.language)
            if other is not None:
                problems.append((s, Problem(
                    ("situation",),
                    f"situation '{situation}' already has {LANGUAGE_NAMES.get(s.language, s.language)} "
                    f"scenario ('{other.id}'); give this one a situation of its own",
                    "warning",
                )))
                continue
            first_of[s.language] = s
        kept = list(first_of.values())
        for s in kept[1:]:
            base = kept[0]
            if set(s.step_ids()) != set(base.step_ids()):
                only_here = sorted(set(s.step_ids()) - set(base.step_ids()))
                only_there = sorted(set(base.step_ids()) - set(s.step_ids()))
                diff = "; ".join(part for part in (
                    f"only here: {', '.join(only_here)}" if only_here else "",
                    f"only in '{base.id}': {', '.join(only_there)}" if only_there else "",
                ) if part)
                problems.append((s, Problem(
                    ("steps",),
                    f"the steps differ from the other language's scenario of situation "
                    f"'{situation}' ({diff})",
                    "warning",
                )))
    return problems
