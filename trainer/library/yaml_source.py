"""Read a YAML document into plain data, remembering the line of every value.

PyYAML's safe loader forgets positions and silently keeps the last of two duplicate keys; here the
node tree is walked by hand so every value keeps its line, duplicate keys are errors and anchors
and aliases (never needed in a scenario, and a way to build cyclic data) are refused. A control
character is placed by line and column (PyYAML gives only its offset), and a message quotes at
most an excerpt of any value, tag or key (``trainer.domain.problems.excerpt``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import ReaderError

from trainer.domain.problems import Loc, excerpt, shorten

#: libyaml's parser where PyYAML was built with it (its wheels are): the same nodes and marks, ten
#: times faster than the pure-Python one (the 64 bundled scenarios: 0.5 s instead of 1.9 s).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlProblem(Exception):
    """The text is not YAML this program accepts; ``line`` is 1-based, or ``None``."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass
class SourceDocument:
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int | None:
        """The line of ``loc``, or of its nearest parent that has one."""
        for cut in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:cut]))
            if line is not None:
                return line
        return None


def parse_yaml(text: str) -> SourceDocument:
    """Parse one YAML document; raises :class:`YamlProblem` for anything unacceptable."""
    try:
        root = _compose(text)
    except ReaderError as exc:  # a character YAML does not allow: where is it?
        raise _unprintable(text, exc.position, exc.character) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise YamlProblem(f"this is not valid YAML: {_why(exc)}", line) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"this is not valid YAML: {_why(exc)}") from None
    except RecursionError:
        raise YamlProblem("the YAML is nested too deeply") from None
    if root is None:
        raise YamlProblem("the file is empty", 1)
    doc = SourceDocument(data=None)
    try:
        doc.data = _Walker(doc.lines).value(root, ())
    except RecursionError:
        raise YamlProblem("the YAML is nested too deeply") from None
    return doc


def _compose(text: str) -> Node | None:
    """The node tree, by libyaml; a document it refuses is parsed again by PyYAML's own parser,
    whose messages and lines the reports use (errors are rare: speed matters for good files)."""
    if _LOADER is not yaml.SafeLoader:
        try:
            return yaml.compose(text, Loader=_LOADER)
        except (yaml.YAMLError, RecursionError):
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _unprintable(text: str, position: int, code: int) -> YamlProblem:
    """The character ``code`` at ``position`` (an offset into ``text``), placed by line and column."""
    line = text.count("\n", 0, position) + 1
    column = position - text.rfind("\n", 0, position)
    kind = "control character" if unicodedata.category(chr(code)) == "Cc" else "character"
    return YamlProblem(f"column {column} holds the {kind} U+{code:04X}; the file must be plain text", line)


def _why(exc: Exception) -> str:
    """PyYAML's reason in a few words: its problem without the position it appends, a long
    number or tag it quotes cut short."""
    if isinstance(exc, yaml.MarkedYAMLError):
        text = str(exc.problem or exc.context or "")
    elif isinstance(exc, ValueError) and "digits" in str(exc):
        text = "it has more digits than a number may"
    elif isinstance(exc, ValueError) and "invalid literal" in str(exc):
        text = "it is not a number"
    else:
        text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return shorten(text, 80)


_PLAIN_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


class _Walker:
    def __init__(self, lines: dict[Loc, int]) -> None:
        self.lines = lines
        self.seen: set[int] = set()
        self.constructor = SafeConstructor()

    def value(self, node: Node, loc: Loc) -> Any:
        if id(node) in self.seen:
            raise YamlProblem(
                "anchors and aliases (& and *) are not supported in scenario files",
                node.start_mark.line + 1,
            )
        self.seen.add(id(node))
        self.lines.setdefault(loc, node.start_mark.line + 1)
        if isinstance(node, MappingNode | SequenceNode) and node.tag not in _PLAIN_TAGS:
            raise YamlProblem(
                f"the tag {excerpt(node.tag)} is not supported in scenario files", node.start_mark.line + 1
            )
        if isinstance(node, MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, SequenceNode):
            return [self.value(item, (*loc, i)) for i, item in enumerate(node.value)]
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        raise YamlProblem("unsupported YAML node", node.start_mark.line + 1)

    def _mapping(self, node: MappingNode, loc: Loc) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlProblem("keys must be plain words", line)
            key = str(key_node.value)
            if key in out:
                raise YamlProblem(f"the key {excerpt(key)} appears twice", line)
            self.lines[(*loc, key)] = line
            out[key] = self.value(value_node, (*loc, key))
        return out

    def _scalar(self, node: ScalarNode) -> Any:
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            raise YamlProblem(
                f"cannot read the value {excerpt(node.value)}: {_why(exc)}", node.start_mark.line + 1
            ) from None
        # Dates and binary have no place in a scenario: keep what was written.
        if not isinstance(value, str | int | float | bool | type(None)):
            return str(node.value)
        return value
