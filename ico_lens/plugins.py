"""The one registry behind every kind of rule: contract detectors, paper claim rules (and the coming
alignment rules).

A rule is a class with a ``NAME`` and an ``ORDER`` in a module of its own, decorated with its kind's
``register``. The modules of the kind's package are imported (and so registered) the first time the
rules are asked for; a plug-in module elsewhere registers itself when it is imported. Rules run, and
their fields appear, by increasing ``ORDER`` (ties keep the order of registration).

>>> rules = Registry("example rule", package=None)
>>> class Second: NAME, ORDER = "second", 20
>>> class First: NAME, ORDER = "first", 10
>>> _ = rules.add(Second); _ = rules.add(First)
>>> [r.NAME for r in rules.classes()]
['first', 'second']
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Generic, TypeVar

T = TypeVar("T", bound=type)


class Registry(Generic[T]):
    """Rule classes of one kind, by ``NAME``, discovered from ``package`` on first use."""

    def __init__(self, kind: str, package: str | None):
        #: what the rules are called in messages ("detector", "claim rule")
        self.kind = kind
        self.package = package
        self._classes: dict[str, T] = {}
        self._discovered = package is None

    def add(self, rule: T) -> T:
        """Register ``rule``; a second class for a NAME already taken is refused (ValueError).

        Registering the same class again (a module imported twice) is harmless."""
        if not self._discovered and not rule.__module__.startswith(f"{self.package}."):
            # a plug-in from outside: the built-in rules first, so that a clash names the plug-in
            self.classes()
        where = f"{rule.__module__}.{rule.__qualname__}"
        known = self._classes.get(rule.NAME)
        if known is not None and f"{known.__module__}.{known.__qualname__}" != where:
            raise ValueError(
                f"{self.kind} {where}: {rule.NAME!r} is already decided by {known.__module__}.{known.__qualname__}"
            )
        self._classes[rule.NAME] = rule
        return rule

    def remove(self, name: str) -> None:
        """Unregister the rule called ``name`` (a plug-in's tests clean up with it)."""
        self._classes.pop(name, None)

    def classes(self) -> list[T]:
        """Every registered rule, in the order they run (the package's own modules imported first)."""
        if not self._discovered:
            package = importlib.import_module(self.package)
            for module in pkgutil.iter_modules(package.__path__):
                if module.name != "base":
                    importlib.import_module(f"{self.package}.{module.name}")
            self._discovered = True
        return sorted(self._classes.values(), key=lambda rule: rule.ORDER)

    def names(self) -> list[str]:
        return [rule.NAME for rule in self.classes()]
