"""Teams and branches of the central record, and which of them a trainer coaches.

A team is named within its branch: HR's and trainers' PCs, which see many branches, write the two
together as ``north · Team A`` (the branch id, a middle dot between spaces, the team), and a team
of ``north`` alone is the branch itself with no team (docs/deployment.md). A branch id never holds
the separator, so the first one splits a name.
"""

from __future__ import annotations

from collections.abc import Iterable

SEPARATOR = " · "


def in_branch(branch: str, team: str) -> str:
    """The central record's name of ``team`` of ``branch`` (the branch alone when no team)."""
    return f"{branch}{SEPARATOR}{team}" if team else branch


def branch_of(team: str) -> str:
    """The branch a team of the central record belongs to: ``north · Team A`` and ``north`` are
    both north's."""
    return team.partition(SEPARATOR)[0]


def covered(coached: str, teams: Iterable[str]) -> list[str]:
    """The teams of the central record (``teams``) that a trainer whose own team or branch is
    ``coached`` coaches, read as the server reads a trainer login's teams, with a branch for the
    whole of it: ``north · Team A`` is that branch's team only; ``north``, when it is one of the
    branches, is every team of branch north; a bare ``Team A`` is the team of that name in every
    branch. Nothing when ``coached`` is empty."""
    coached = coached.strip()
    teams = list(teams)
    if not coached:
        return []
    if coached in {branch_of(t) for t in teams}:
        return [t for t in teams if branch_of(t) == coached]
    if SEPARATOR in coached:
        return [t for t in teams if t == coached]
    return [t for t in teams if t.partition(SEPARATOR)[2] == coached]
