"""Which face a customer gets: by age band and gender, or the one their scenario names."""

from __future__ import annotations

import pytest

from trainer.domain.scenario import AVATARS, Persona, age_band
from trainer.library.loader import ScenarioError, load_scenario_text

from helpers import ROOT, bundled


def persona(age: int, gender: str = "female", avatar: str | None = None) -> Persona:
    fields: dict[str, object] = {"name": "Customer", "age": age, "gender": gender, "mood": 60}
    if avatar is not None:
        fields["avatar"] = avatar
    return Persona.model_validate(fields)


def test_every_avatar_named_has_a_picture_and_every_picture_a_name() -> None:
    pictures = {p.stem for p in (ROOT / "assets" / "avatars").glob("*.svg")}
    assert set(AVATARS) == pictures
    for gender in ("female", "male", "unspecified"):  # a face for every band of every gender
        for band in ("young", "adult", "middle_aged", "senior"):
            assert f"{gender}_{band}" in AVATARS


@pytest.mark.parametrize(("age", "band"), [(16, "young"), (34, "young"), (35, "adult"), (49, "adult"),
                                           (50, "middle_aged"), (64, "middle_aged"), (65, "senior"),
                                           (110, "senior")])
def test_age_bands(age: int, band: str) -> None:
    assert age_band(age) == band
    assert persona(age, "male").avatar_name == f"male_{band}"


def test_the_pilots_three_customers_no_longer_share_a_face() -> None:
    faces = {bundled(sid).persona.age: bundled(sid).persona.avatar_name
             for sid in ("atm_card_swallowed", "rude_teller", "new_account_fee")}
    assert faces == {38: "female_adult", 51: "female_middle_aged", 74: "female_senior"}


def test_a_scenario_may_name_its_avatar_from_those_that_exist() -> None:
    assert persona(38, avatar="male_senior").avatar_name == "male_senior"
    text = (ROOT / "scenarios" / "atm_card_swallowed.yaml").read_text(encoding="utf-8")
    chosen = text.replace("  gender: female\n", "  gender: female\n  avatar: unspecified_young\n")
    assert load_scenario_text(chosen, "s.yaml").scenario.persona.avatar_name == "unspecified_young"
    with pytest.raises(ScenarioError) as info:
        load_scenario_text(text.replace("  gender: female\n", "  gender: female\n  avatar: grumpy_cat\n"),
                           "s.yaml")
    message = str(info.value.reports[0])
    assert message.startswith("s.yaml:12: persona.avatar must be ") and "'female_senior'" in message
    assert "(got 'grumpy_cat')" in message
