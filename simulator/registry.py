"""A registry per pluggable kind (agent kinds, customer kinds, metrics).

Used as a decorator; lookups accept a registered name, a lazy ``"module:attr"`` reference, or a
name a third-party package publishes through its entry-point group (e.g. ``salesim.agents``).
Nothing is imported until it is asked for.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Sequence
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class RegistryError(LookupError):
    """An unknown name or an import reference that cannot be resolved (one line)."""


def import_reference(reference: str) -> Any:
    """Resolve ``"package.module:attr.sub"`` to the object it names.

    A module next to where the user stands is found, as pytest and uvicorn find it: when the
    import fails only because the current folder is not on ``sys.path``, it is added and the
    import tried again. Syntax errors and missing attributes are one line with a hint.
    """
    module_name, sep, attr_path = reference.partition(":")
    if not sep or not module_name or not attr_path:
        raise RegistryError(f"{reference!r} is not of the form 'module:attr'")
    try:
        target: Any = _import_module(module_name)
    except SyntaxError as exc:
        where = f"{Path(exc.filename).name if exc.filename else module_name} line {exc.lineno}"
        raise RegistryError(
            f"cannot import module {module_name!r} for {reference!r}: syntax error in {where}: "
            f"{exc.msg}"
        ) from None
    except ImportError as exc:
        hint = ""
        if isinstance(exc, ModuleNotFoundError) and exc.name == module_name.split(".")[0]:
            hint = (
                " (run salesim from the folder that holds it, or name that folder with "
                "--agent-path DIR)"
            )
        raise RegistryError(
            f"cannot import module {module_name!r} for {reference!r}: {exc}{hint}"
        ) from None
    module = target
    for part in attr_path.split("."):
        try:
            target = getattr(target, part)
        except AttributeError:
            names = sorted(
                n for n in vars(module) if not n.startswith("_") and callable(vars(module)[n])
            )
            has = f" (it has: {', '.join(names[:8])})" if names else ""
            raise RegistryError(
                f"module {module_name!r} has no attribute {attr_path!r}{has}"
            ) from None
    return target


def _import_module(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        here = os.getcwd()
        if exc.name != name.split(".")[0] or here in sys.path or "" in sys.path:
            raise
        sys.path.insert(0, here)
        importlib.invalidate_caches()
        return importlib.import_module(name)


def add_import_paths(folders: Sequence[str | Path], option: str = "--agent-path") -> list[str]:
    """Put ``folders`` first on ``sys.path`` so ``module:attr`` names resolve in them too.

    The agent a user writes often lives beside its service, not where salesim is run; this is
    pytest's ``pythonpath`` setting for salesim. Folders are checked first, so a typo is one line
    naming the option and the folder instead of a later "no module named ...". Returns the
    absolute folders (what a run records, so workers and ``--resume`` find them from anywhere).
    """
    added: list[str] = []
    for folder in folders:
        path = Path(folder).expanduser()
        if not path.exists():
            raise RegistryError(
                f"{option} {folder}: no such folder (give the folder that holds your agent's "
                "module, e.g. --agent-path ./src --agent my_agent:reply)"
            )
        if not path.is_dir():
            hint = (
                f" (for {path.name}: --agent-path {path.parent} --agent {path.stem}:reply)"
                if path.suffix == ".py"
                else ""
            )
            raise RegistryError(f"{option} {folder}: not a folder{hint}")
        added.append(str(path.resolve()))
    for folder in reversed(added):
        if folder in sys.path:
            sys.path.remove(folder)
        sys.path.insert(0, folder)
    if added:
        importlib.invalidate_caches()
    return added


class Registry(Generic[T]):
    """Named implementations of one pluggable kind."""

    def __init__(self, kind: str, entry_point_group: str | None = None) -> None:
        self.kind = kind
        self.entry_point_group = entry_point_group
        self._items: dict[str, T] = {}
        self._lazy: dict[str, str] = {}

    def register(self, name: str | None = None) -> Callable[[T], T]:
        """Decorator: register the decorated object under ``name`` (default: its ``__name__``)."""

        def decorate(obj: T) -> T:
            key = name or getattr(obj, "__name__", None)
            if not key:
                raise ValueError(f"cannot infer a {self.kind} name for {obj!r}")
            if key in self._items and self._items[key] is not obj:
                raise ValueError(f"{self.kind} {key!r} is already registered")
            self._items[key] = obj
            return obj

        return decorate

    def register_lazy(self, name: str, reference: str) -> None:
        """Register ``name`` as ``module:attr``, imported only when first asked for."""
        self._lazy[name] = reference

    def get(self, name: str) -> T:
        """The registered object, a ``module:attr`` import, or an entry point of that name."""
        if name in self._items:
            return self._items[name]
        if name in self._lazy:
            obj = import_reference(self._lazy[name])
            self._items[name] = obj
            return obj  # type: ignore[no-any-return]
        if ":" in name:
            return import_reference(name)  # type: ignore[no-any-return]
        if self.entry_point_group:
            for entry in entry_points(group=self.entry_point_group):
                if entry.name == name:
                    obj = entry.load()
                    self._items[name] = obj
                    return obj  # type: ignore[no-any-return]
        known = ", ".join(sorted(self.names())) or "none"
        raise RegistryError(f"unknown {self.kind} {name!r} (known: {known})")

    def names(self) -> list[str]:
        """Registered names plus those published through entry points."""
        names = set(self._items) | set(self._lazy)
        if self.entry_point_group:
            names.update(entry.name for entry in entry_points(group=self.entry_point_group))
        return sorted(names)

    def items(self) -> list[tuple[str, T]]:
        """Registered (name, object) pairs, sorted by name."""
        return sorted(self._items.items())

    def __contains__(self, name: object) -> bool:
        return name in self._items or name in self._lazy
