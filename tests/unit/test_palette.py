"""The colour rule behind legible numbers: WCAG's contrast ratio, and a text colour for any ground."""

from __future__ import annotations

import pytest

from trainer.palette import COLOURS, contrast_ratio, legible_text, readable_on


def test_contrast_ratio_is_wcags() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)  # either way round
    assert contrast_ratio("#1b7f5c", "#1b7f5c") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the classic AA grey
    assert contrast_ratio("#777777", "#ffffff") < 4.5
    assert contrast_ratio("#1f5fbf", "#000000") < 4.5  # black on the clarity blue: the pilot's complaint


@pytest.mark.parametrize("ground", [*COLOURS.values(), "#ffffff", "#000000", "#777777", "#2b2b2b",
                                    "#f9a825", "#eceff1"])
def test_a_text_colour_is_legible_on_any_ground(ground: str) -> None:
    assert contrast_ratio(readable_on(ground), ground) >= 4.5


def test_the_themes_own_text_colour_is_kept_when_it_is_legible() -> None:
    assert legible_text("#eeeeee", "#2b2b2b") == "#eeeeee"  # a dark theme's light text
    assert legible_text("#000000", "#efefef") == "#000000"
    assert contrast_ratio(legible_text("#444444", "#2b2b2b"), "#2b2b2b") >= 4.5  # a poor theme: fixed
