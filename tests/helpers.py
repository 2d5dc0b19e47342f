"""Builders shared by tests."""

from __future__ import annotations

from pathlib import Path

from trainer.access_service import AccessService
from trainer.domain.accounts import Identity
from trainer.domain.scenario import Scenario
from trainer.domain.score import ItemResult, ReplyScore
from trainer.library.loader import load_scenario_file
from trainer.storage.database import open_database
from trainer.storage.repository import Repository

ROOT = Path(__file__).resolve().parent.parent


def bundled(scenario_id: str) -> Scenario:
    return load_scenario_file(ROOT / "scenarios" / f"{scenario_id}.yaml").scenario


def make_score(
    empathy: int = 50, clarity: int = 50, solution: int = 50, steps: tuple[str, ...] = (),
    penalties: int = 0, critical: int = 0,
) -> ReplyScore:
    """A score as a scorer would return it, for testing what consumes scores."""
    from trainer.domain.score import CriticalFail

    items = tuple(
        ItemResult("empathy", "dismissal", True, -30, f"calm down {i}", 0, 9, "Dismisses.")
        for i in range(penalties)
    )
    crit = tuple(CriticalFail("forbidden_phrase", f"phrase {i}", 0, 8, "Forbidden.")
                 for i in range(critical))
    return ReplyScore(empathy, clarity, solution, "en", items, crit, frozenset(steps))


def hr_tina_and_ann(db_path: Path) -> tuple[Repository, AccessService, Identity, Identity]:
    """A database with an HR admin (hr / secret-admin), a trainer (tina / 1234) and a trainee
    (ann / 4321, team Branch 1): the repository, the access service, tina signed in, and ann."""
    repo = Repository(open_database(db_path))
    access = AccessService(repo)
    admin = access.create_first_admin("hr", "secret-admin")
    access.create_account(admin, "tina", "1234", "trainer")
    ann = access.create_account(admin, "ann", "4321", "trainee", team="Branch 1")
    return repo, access, access.sign_in("tina", "1234"), ann
