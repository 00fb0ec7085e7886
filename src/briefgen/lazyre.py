"""Import a library without compiling, at import, the regular expressions a build may never use.

Some libraries compile patterns at import that a build never or rarely uses, and Python's
regex compiler is written in Python: a character class over most of Unicode takes 10-40 ms
to compile. While such a module is imported for the first time (``import_deferring``), a
``re.compile`` made by its own code returns a ``LazyPattern``, which compiles the same
pattern, with the same flags, the first time it is used; everything else compiles as usual.
This is the lazy-regex trick of bzr/breezy, confined to named modules. A stand-in serves
only method calls (``pattern.search(…)``); a module that passes its pattern to ``re.sub``
and the like must not be deferred. Once compiled, the pattern takes the place of its
stand-in among its module's names. Standard library only.
"""

from __future__ import annotations

import importlib
import re
import sys
from typing import Any


class LazyPattern:
    """A compiled pattern made on first use: ``match``, ``sub``, ``split``… go to ``re.compile(pattern, flags)``."""

    __slots__ = ("_args", "_compiled", "_module")

    def __init__(self, pattern: Any, flags: int, module: str = "", made: list[LazyPattern] | None = None) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[Any] | None = None
        self._module = module
        if made is not None:
            made.append(self)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled(), name)

    def compiled(self) -> re.Pattern[Any]:
        """The compiled pattern (compiled now if not yet), also put in place of this stand-in among its module's names."""
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
            names = vars(sys.modules[self._module]) if self._module in sys.modules else {}
            for name, value in list(names.items()):
                if value is self:
                    names[name] = self._compiled
        return self._compiled


def import_deferring(module: str, deferred: frozenset[str], made: list[LazyPattern] | None = None) -> None:
    """Import ``module``, the ``re.compile`` calls of the ``deferred`` modules' own code made lazy (each stand-in added to ``made``)."""
    if module in sys.modules:
        return
    real = re.compile

    def deferring(pattern: Any, flags: int = 0) -> Any:
        name = sys._getframe(1).f_globals.get("__name__")
        if name in deferred:
            return LazyPattern(pattern, flags, name, made)
        return real(pattern, flags)

    re.compile = deferring
    try:
        importlib.import_module(module)
    finally:
        re.compile = real
