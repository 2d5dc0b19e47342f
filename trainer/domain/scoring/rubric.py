"""The rubric as data: items, points, reasons and model phrasings, from ``assets/rubric/rubric.yaml``.

The file is read by :mod:`trainer.library.rubric_files` (a branch may replace it); this module is
its schema and the few derived things the scorer needs (compiled patterns, items by dimension).
Every item is explainable in one sentence, in English and Chinese (``why``), and every positive
item has a model phrasing that names no scenario's facts (a scenario's own model answers and step
examples are preferred where they show the item).
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from trainer.domain.problems import excerpt
from trainer.domain.scenario import DIMENSIONS, Dimension

FoundBy = Literal["detector", "patterns", "rule"]
CRITICAL_IDS = ("forbidden_phrase", "blame", "asks_for_secret", "other_customer_data", "impossible_promise")
#: Items whose rule lives in the scorer (``found_by: rule``); the file may not invent others.
RULE_ITEMS = frozenset({"more_specifics", "plain_and_short", "run_on", "acknowledge_first", "complete_plan",
                        "way_forward"})


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Bilingual(_Strict):
    en: str
    zh: str = Field(alias="zh-CN")

    def get(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") and self.zh else self.en


Pattern = Annotated[str, Field(min_length=1)]


def _check_patterns(patterns: list[str]) -> list[str]:
    for p in patterns:
        if p.startswith("@"):
            continue
        try:
            re.compile(p, re.IGNORECASE | re.ASCII)
        except re.error as exc:
            raise ValueError(f"{excerpt(p)} is not a valid regular expression ({exc.msg})") from None
    return patterns


class ItemSpec(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
    dimension: Dimension
    points: Annotated[int, Field(ge=-50, le=50)]
    found_by: FoundBy
    name: Bilingual
    why: Bilingual
    model: Bilingual
    patterns: list[Pattern] = []
    """Found by patterns: these; found by a detector: these find it too (high-precision words)."""
    requires: list[Pattern] = []
    """For detector items: the clause must also match one of these."""
    blockers: list[Pattern] = []
    highlight: list[Pattern] = []
    explained_by: Pattern | None = None
    """For jargon: the term counts only if the text right after it does not match this."""
    carries_over: bool = False
    negatable: bool = False
    """A clause whose every key word (``highlight``) is negated does not show it ("not your fault")."""
    critical: Literal["forbidden_phrase", "blame"] | None = None
    threshold: Annotated[float, Field(gt=0, lt=1)] | None = None
    """Overrides the trained detector's threshold (a branch may be stricter); for `way_forward`,
    the certainty of a concrete action at which a reply at least offers a way forward."""

    valid_patterns = field_validator("patterns", "requires", "blockers", "highlight")(_check_patterns)

    @model_validator(mode="after")
    def _consistent(self) -> ItemSpec:
        if self.found_by == "patterns" and not self.patterns:
            raise ValueError(f"item {self.id} is found by patterns but lists none")
        if self.found_by == "rule" and self.id not in RULE_ITEMS:
            raise ValueError(f"item {self.id}: only {', '.join(sorted(RULE_ITEMS))} are found by a rule")
        if self.points > 0 and not self.model.en:
            raise ValueError(f"item {self.id} earns points, so it needs a model phrasing")
        return self


class CriticalSpec(_Strict):
    id: Literal["forbidden_phrase", "blame", "asks_for_secret", "other_customer_data", "impossible_promise"]
    name: Bilingual
    why: Bilingual
    found_by: Literal["detector"] | None = None
    patterns: list[Pattern] = []
    requires: list[Pattern] = []
    blockers: list[Pattern] = []
    """Words that show the clause is the opposite: "never share your PIN", "在密码器上自己输入"."""
    highlight: list[Pattern] = []
    threshold: Annotated[float, Field(gt=0, lt=1)] | None = None
    cues: list[Pattern] = []
    """Words that, in the clause, make a lower certainty enough (``cue_threshold``): "I promise",
    "保证" before an outcome the bank cannot control."""
    cue_threshold: Annotated[float, Field(gt=0, lt=1)] | None = None
    negatable: bool = False
    """A clause whose every key word (``highlight`` and ``cues``) is negated does not show it
    ("we will never ask for your PIN", "I can't promise that")."""

    valid_patterns = field_validator("patterns", "requires", "blockers", "highlight", "cues")(_check_patterns)


class Rubric(_Strict):
    version: Literal[1]
    scenario_steps_share: Annotated[int, Field(ge=0, le=80)]
    """With scenario steps still to take, they earn this share of the solution score."""
    max_carried_share: Annotated[int, Field(ge=0, le=80)]
    """At most this much of a dimension may be set aside as already done in earlier replies."""
    pattern_sets: dict[str, list[Pattern]] = {}
    items: Annotated[list[ItemSpec], Field(min_length=1)]
    critical: list[CriticalSpec]
    forbidden_phrases: list[Annotated[str, Field(min_length=2)]] = []
    negation: list[Pattern] = []
    """What negates a key word right after it: patterns anchored to the end (``$``) of the text
    before the key word, used by the items and fails marked ``negatable``."""

    valid_patterns = field_validator("pattern_sets")(lambda v: {k: _check_patterns(p) for k, p in v.items()})
    valid_negation = field_validator("negation")(_check_patterns)

    @model_validator(mode="after")
    def _complete(self) -> Rubric:
        ids = [i.id for i in self.items]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"item ids must be unique: {', '.join(dupes)}")
        for d in DIMENSIONS:
            if not any(i.dimension == d and i.points > 0 for i in self.items):
                raise ValueError(f"the {d} dimension has no item that earns points")
        specs: list[ItemSpec | CriticalSpec] = [*self.items, *self.critical]
        for spec in specs:
            cues = spec.cues if isinstance(spec, CriticalSpec) else []
            for p in [*spec.patterns, *spec.requires, *spec.blockers, *spec.highlight, *cues]:
                if p.startswith("@") and p[1:] not in self.pattern_sets:
                    raise ValueError(f"{spec.id}: no pattern set named {excerpt(p[1:])}")
            if spec.negatable and not (spec.highlight or cues):
                raise ValueError(f"{spec.id} is negatable but has no key words (highlight) to negate")
        if any(spec.negatable for spec in specs) and not self.negation:
            raise ValueError("items are marked negatable but the rubric lists no negation patterns")
        return self

    # -- derived ------------------------------------------------------------------------------------

    def item(self, item_id: str) -> ItemSpec | None:
        return self._by_id.get(item_id)

    def critical_spec(self, critical_id: str) -> CriticalSpec | None:
        return next((c for c in self.critical if c.id == critical_id), None)

    def by_dimension(self, dimension: str) -> tuple[ItemSpec, ...]:
        return tuple(i for i in self.items if i.dimension == dimension)

    def regex(self, patterns: list[str] | tuple[str, ...]) -> re.Pattern[str] | None:
        """One compiled pattern for a list (pattern sets expanded), or None for an empty list."""
        key = tuple(patterns)
        cache = self._regexes
        if key not in cache:
            expanded: list[str] = []
            for p in patterns:
                expanded += self.pattern_sets[p[1:]] if p.startswith("@") else [p]
            # ASCII word boundaries: "KYC流程" and "app预约" hold English words inside Chinese.
            cache[key] = re.compile("|".join(f"(?:{p})" for p in expanded), re.IGNORECASE | re.ASCII) \
                if expanded else None
        return cache[key]

    def key_words(self, spec: ItemSpec | CriticalSpec) -> re.Pattern[str] | None:
        """The words a negation must come before to undo ``spec``: its highlight (and cues)."""
        cues = spec.cues if isinstance(spec, CriticalSpec) else []
        return self.regex([*spec.highlight, *cues])

    def reason(self, item_id: str, lang: str) -> str:
        """Why an item counts, in ``lang``: the rubric's own sentence."""
        spec = self.item(item_id) or self.critical_spec(item_id)
        return spec.why.get(lang) if spec else item_id

    def display_name(self, item_id: str, lang: str) -> str:
        spec = self.item(item_id) or self.critical_spec(item_id)
        return spec.name.get(lang) if spec else item_id

    @cached_property
    def _by_id(self) -> dict[str, ItemSpec]:
        return {i.id: i for i in self.items}

    @cached_property
    def _regexes(self) -> dict[tuple[str, ...], re.Pattern[str] | None]:
        return {}
