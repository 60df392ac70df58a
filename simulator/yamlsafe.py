"""Parsing user YAML as plain data, refusing what would mislead or exhaust the loader.

``yaml.safe_load`` never runs code, but three things still slip through it:

- a key written twice (``qualified: 0.8`` at the top, ``qualified: 0.1`` at the bottom): the
  last silently wins, and a persona behaves unlike the file its author reads;
- an integer of more than 4,300 digits: Python refuses to convert it, and the ``ValueError``
  escaped as a traceback;
- aliases that expand exponentially ("billion laughs"): PyYAML shares the aliased objects, so
  loading is cheap, but validation and error messages then walk and print the expanded tree.
  The old guard counted ``*`` characters in the text, which also refused an agent whose system
  prompt used markdown emphasis.

:func:`load_yaml` counts what the aliases expand to (in a parse of events, only when the text
has both an anchor and an alias marker) and refuses more than :data:`MAX_YAML_VALUES`; it
refuses duplicate keys, naming the key and its line, and turns unreadable integers into a
YAML error with a line. It stays on libyaml's C loader where PyYAML has it.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node

_BASE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""``yaml.safe_load``'s loader, in libyaml's C implementation when PyYAML was built with it."""
MAX_YAML_VALUES = 100_000
"""Most values a YAML document may hold once its aliases are expanded: the largest shipped
spec holds a few thousand."""
MERGE_TAG = "tag:yaml.org,2002:merge"


class YAMLProblem(ValueError):
    """A YAML text that is refused; ``line`` is 1-based when known."""

    def __init__(self, problem: str, line: int | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.line = line


class _StrictLoader(_BASE_LOADER):  # type: ignore[misc, valid-type]
    """The safe loader, with duplicate keys and unreadable integers as errors."""

    def construct_mapping(self, node: Node, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, MappingNode):
            seen: set[Any] = set()
            for key_node, _ in node.value:
                if key_node.tag == MERGE_TAG:
                    continue  # "<<: *base" then "x: 3" overrides a merged key: allowed
                key = self.construct_object(key_node, deep=deep)
                try:
                    duplicate = key in seen
                    seen.add(key)
                except TypeError:
                    continue  # an unhashable key: the base constructor reports it
                if duplicate:
                    raise ConstructorError(
                        None, None, f"duplicate key {str(key)[:60]!r}", key_node.start_mark
                    )
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]

    def construct_yaml_int(self, node: Node) -> int:
        try:
            return super().construct_yaml_int(node)  # type: ignore[no-any-return]
        except ValueError:
            raise ConstructorError(
                None, None, "integer too long to read (more than 4,300 digits)", node.start_mark
            ) from None


_StrictLoader.add_constructor("tag:yaml.org,2002:int", _StrictLoader.construct_yaml_int)


def load_yaml(text: str) -> Any:
    """The plain data of a YAML text, or :class:`YAMLProblem` (with its line when known)."""
    try:
        if "&" in text and "*" in text:  # both are needed for an alias to exist
            _check_expansion(text)
        return yaml.load(text, Loader=_StrictLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise YAMLProblem(problem, mark.line + 1 if mark is not None else None) from None
    except RecursionError:
        raise YAMLProblem("nested too deep") from None


def _check_expansion(text: str) -> None:
    """Refuse a document whose aliases expand to more than :data:`MAX_YAML_VALUES` values."""
    sizes: dict[str, int] = {}
    open_: list[list[Any]] = [[None, 0]]  # [anchor, values so far] per open collection

    def add(count: int) -> None:
        open_[-1][1] += count
        if open_[-1][1] > MAX_YAML_VALUES:
            raise YAMLProblem(
                f"too many YAML aliases: they expand to more than {MAX_YAML_VALUES:,} values"
            )

    for event in yaml.parse(text, Loader=_BASE_LOADER):
        if isinstance(event, yaml.ScalarEvent):
            if event.anchor:
                sizes[event.anchor] = 1
            add(1)
        elif isinstance(event, yaml.AliasEvent):
            add(sizes.get(event.anchor, 1))
        elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            open_.append([event.anchor, 1])
        elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            anchor, count = open_.pop()
            if anchor:
                sizes[anchor] = count
            add(count)
