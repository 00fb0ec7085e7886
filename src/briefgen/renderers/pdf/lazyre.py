"""Import reportlab's paragraph module without compiling, at import, the patterns a brief may never use.

``reportlab.platypus.paragraph`` compiles at import a URL pattern that is IGNORECASE over
``\\xa1-\\uffff`` (Python's regex compiler folds the case of each of those characters: about
40 ms, a tenth of what reportlab costs a cold build) and its hyphenation patterns;
``reportlab.lib.textsplit`` compiles a CJK pattern (about 15 ms). They serve splitting long
URLs, hyphenation and CJK wrapping. While those modules are imported for the first time, a
``re.compile`` made by their own code returns a ``LazyPattern``, which compiles the same
pattern, with the same flags, the first time it is used; everything else compiles as usual.
This is the lazy-regex trick of bzr/breezy, confined to two modules of one library.
A pattern compiled on first use takes the place of its stand-in among its module's names, so
later uses go straight to it. They can be compiled ahead, by a process
that has time to spare before its first brief (``pending``, the PDF renderer's ``warm_steps``).
"""

from __future__ import annotations

import re
import sys
from typing import Any

DEFERRED = frozenset({"reportlab.platypus.paragraph", "reportlab.lib.textsplit"})
"""Modules whose own ``re.compile`` calls are deferred while they are first imported."""


class LazyPattern:
    """A compiled pattern made on first use: ``match``, ``sub``, ``split``… go to ``re.compile(pattern, flags)``."""

    __slots__ = ("_args", "_compiled", "_module")

    def __init__(self, pattern: Any, flags: int, module: str = "") -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[Any] | None = None
        self._module = module
        _MADE.append(self)

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


_MADE: list[LazyPattern] = []
"""Every stand-in made, in order."""


EVERY_BRIEF = ("uri_pat", "_hy_pfx_pat", "_hy_sfx_pat", "_hy_shy_pat", "_scheme_re")
"""The deferred patterns of ``reportlab.platypus.paragraph`` that a brief's first PDF compiles (a brief
with a list of notes or references breaks its URLs and hyphenates): ``uri_pat`` is the slow one."""


def pending(every: bool = False) -> list[LazyPattern]:
    """The patterns of ``EVERY_BRIEF`` not compiled yet (none before reportlab is imported); ``every``: all of them (about 0.1 s of CPU)."""
    module = sys.modules.get("reportlab.platypus.paragraph")
    found = list(_MADE) if every else [getattr(module, name, None) for name in EVERY_BRIEF]
    return [p for p in found if isinstance(p, LazyPattern) and p._compiled is None]


def import_reportlab() -> None:
    """Import ``reportlab.platypus`` (and through it the paragraph module) with their patterns deferred."""
    if "reportlab.platypus.paragraph" in sys.modules:
        return
    real = re.compile

    def deferring(pattern: Any, flags: int = 0) -> Any:
        module = sys._getframe(1).f_globals.get("__name__")
        if module in DEFERRED:
            return LazyPattern(pattern, flags, module)
        return real(pattern, flags)

    re.compile = deferring
    try:
        import reportlab.platypus  # noqa: F401 - the import is the point
    finally:
        re.compile = real
