"""Issue 15, item 2: on a database with accounts only trainee accounts are ranked and reported:
a trainer's own practice and a profile made from a stray name (an old ``trainer play --trainee``)
appear in no leaderboard, coaching view, report or export."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from trainer.export.run import ExportRequest
from trainer.export.selection import ExportFilter

from helpers import hr_tina_and_ann

REPLY = "I'm so sorry. May I see your ID card, please?"


def test_only_trainee_accounts_are_ranked_and_reported(db_path: Path, tmp_path: Path) -> None:
    world = hr_tina_and_ann(db_path)
    app = world.app
    for name in ("ann", "tina"):  # a trainee and a trainer practise
        who = world.sign_in(name)
        assert who.trainee_id is not None
        app.practice.start(who.trainee_id, "atm_card_swallowed")
        app.practice.reply(REPLY)
        app.practice.stop()
    stray = app.repo.trainee("walk-in", "Branch 1")  # a profile with no account
    app.repo.start_session(stray, app.practice.scenario("atm_card_swallowed"))

    world.sign_in("tina")
    assert {r.name for r in app.progress.leaderboard(None, "all")} == {"ann", "bob"}
    assert {r.name for r in app.progress.coaching(None)} <= {"ann", "bob"}
    world.sign_in("hr")
    everything = ExportFilter(date(2000, 1, 1), date.today())
    assert [line.name for line in app.reports.report(everything).lines] == ["ann"]
    assert app.reports.choices().trainees == [("ann", "Branch 1")]
    out = tmp_path / "all.csv"
    app.reports.export(ExportRequest("csv", out, everything, machine=True))
    with out.open(encoding="utf-8-sig") as f:
        assert {row["trainee"] for row in csv.DictReader(f)} == {"ann"}
