"""The customer card shows the face for the customer's age and gender."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from trainer.ui.practice_page import PracticePage

from helpers import bundled


def test_customers_of_38_51_and_74_each_have_their_own_face(qtbot: QtBot) -> None:
    page = PracticePage()
    qtbot.addWidget(page)
    shown = {}
    for sid in ("atm_card_swallowed", "rude_teller", "new_account_fee"):
        scenario = bundled(sid)
        page.start(scenario)
        pixmap = page.avatar.pixmap()
        assert not pixmap.isNull() and pixmap.width() == 96
        assert page.avatar.accessibleName() == scenario.persona.name
        shown[scenario.persona.age] = pixmap.toImage()
    assert shown[38] != shown[51] and shown[51] != shown[74] and shown[38] != shown[74]
