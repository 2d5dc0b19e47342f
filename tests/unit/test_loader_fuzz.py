"""No input crashes the loader: only ScenarioError ever escapes."""

from __future__ import annotations

import contextlib

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trainer.library.loader import Loaded, ScenarioError, load_scenario_text

from helpers import ROOT

EXAMPLE = (ROOT / "scenarios" / "atm_card_swallowed.yaml").read_text(encoding="utf-8")
FIELDS = ["id", "title", "language", "category", "difficulty", "persona", "mood", "turns",
          "branches", "when", "goto", "endings", "steps", "examples", "outcome", "customer"]

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**30, 10**30), st.floats(),
                    st.text(max_size=20), st.sampled_from(FIELDS))
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(FIELDS), st.text(max_size=8)), children,
                        max_size=5),
    ),
    max_leaves=30,
)


def _load(text: str) -> None:
    try:
        result = load_scenario_text(text, "fuzz.yaml")
    except ScenarioError as exc:
        assert exc.reports and all(str(r).startswith("fuzz.yaml") for r in exc.reports)
    else:
        assert isinstance(result, Loaded)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_arbitrary_bytes(data: bytes) -> None:
    _load(data.decode("utf-8", errors="replace"))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    _load(text)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_arbitrary_yaml_documents(doc: object) -> None:
    _load(yaml.safe_dump(doc, allow_unicode=True))


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(EXAMPLE) - 1), st.integers(1, 40), st.text(max_size=10))
def test_mutated_real_scenario(at: int, cut: int, insert: str) -> None:
    _load(EXAMPLE[:at] + insert + EXAMPLE[at + cut:])


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    for text in ("[" * 5000 + "]" * 5000, "a:\n" + "".join(" " * i + "b:\n" for i in range(1, 3000))):
        with contextlib.suppress(ScenarioError):
            load_scenario_text(text, "deep.yaml")
