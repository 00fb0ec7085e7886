"""Import reportlab's paragraph module without compiling, at import, the patterns a brief may never use.

``reportlab.platypus.paragraph`` compiles at import a URL pattern that is IGNORECASE over
``\\xa1-\\uffff`` (Python's regex compiler folds the case of each of those characters: about
40 ms, a tenth of what reportlab costs a cold build) and its hyphenation patterns;
``reportlab.lib.textsplit`` compiles a CJK pattern (about 15 ms). They serve splitting long
URLs, hyphenation and CJK wrapping. While those modules are imported for the first time, a
``re.compile`` made by their own code returns a ``LazyPattern``, which compiles the same
pattern, with the same flags, the first time it is used; everything else compiles as usual.
(``briefgen.lazyre``: the lazy-regex trick of bzr/breezy, confined here to two modules of one library.)
A pattern compiled on first use takes the place of its stand-in among its module's names, so
later uses go straight to it. They can be compiled ahead, by a process
that has time to spare before its first brief (``pending``, the PDF renderer's ``warm_steps``).
"""

from __future__ import annotations

import re
import sys

from briefgen.lazyre import LazyPattern, import_deferring

DEFERRED = frozenset({"reportlab.platypus.paragraph", "reportlab.lib.textsplit"})
"""Modules whose own ``re.compile`` calls are deferred while they are first imported."""


_MADE: list[LazyPattern] = []
"""Every stand-in made, in order."""


EVERY_BRIEF = ("uri_pat", "_hy_pfx_pat", "_hy_sfx_pat", "_hy_shy_pat", "_scheme_re")
"""The deferred patterns of ``reportlab.platypus.paragraph`` that a brief's first PDF compiles (a brief
with a list of notes or references breaks its URLs and hyphenates): ``uri_pat`` is the slow one."""


UNFOLDED = {
    "[a-z\xa1-\uffff0-9]": "(?-i:[^\\x00-/:-@\\[-`{-\\xa0\\U00010000-\\U0010ffff])",
    "[a-z\xa1-\uffff0-9-]": "(?-i:[^\\x00-,./:-@\\[-`{-\\xa0\\U00010000-\\U0010ffff])",
    "[a-z\xa1-\uffff-]": "(?-i:[^\\x00-,.-@\\[-`{-\\xa0\\U00010000-\\U0010ffff])",
}
"""``uri_pat``'s character classes (under IGNORECASE) → classes of the same characters that need no case folding.

Compiling ``[a-z\\xa1-\\uffff…]`` under IGNORECASE folds the case of each of 65,000 characters,
eight times over: about 40 ms, most of a cold PDF's share of pattern compiling. The same
characters, named as the complement of what the class leaves out and matched without folding
(``(?-i:…)``), compile in under a millisecond; tests/test_pdf_lazyre.py checks that each
matches exactly the same code points (all 1,114,112) and that the patterns match alike."""


def _unfold(stand_in: object) -> None:
    """Give ``uri_pat``'s stand-in the same pattern with ``UNFOLDED`` classes, if it is reportlab's as we know it."""
    if not isinstance(stand_in, LazyPattern) or stand_in._compiled is not None:
        return
    pattern, flags = stand_in._args
    if isinstance(pattern, str) and flags == re.IGNORECASE and all(c in pattern for c in UNFOLDED):
        for folded, unfolded in UNFOLDED.items():
            pattern = pattern.replace(folded, unfolded)
        stand_in._args = (pattern, flags)


def pending(every: bool = False) -> list[LazyPattern]:
    """The patterns of ``EVERY_BRIEF`` not compiled yet (none before reportlab is imported); ``every``: all of them (about 0.1 s of CPU)."""
    module = sys.modules.get("reportlab.platypus.paragraph")
    found = list(_MADE) if every else [getattr(module, name, None) for name in EVERY_BRIEF]
    return [p for p in found if isinstance(p, LazyPattern) and p._compiled is None]


def import_reportlab() -> None:
    """Import ``reportlab.platypus`` (and through it the paragraph module) with their patterns deferred, and Pillow's
    ``PIL.Image`` loaded only when first used (``_pil_on_first_use``)."""
    if "reportlab.platypus.paragraph" in sys.modules:
        return
    _pil_on_first_use()
    import_deferring("reportlab.platypus", DEFERRED, _MADE)
    _unfold(getattr(sys.modules["reportlab.platypus.paragraph"], "uri_pat", None))


def _pil_on_first_use() -> None:
    """Let ``reportlab.lib.utils``' ``from PIL import Image`` bind a module that loads when first used.

    reportlab imports Pillow's image module at import (some 20-30 ms of CPU) and uses it only
    to read pictures; a brief without figures never does. ``importlib.util.LazyLoader`` runs the
    module's own code, unchanged, the first time one of its names is read (a figure, ``raster``).
    """
    if "PIL.Image" in sys.modules:
        return
    import importlib.util
    try:
        import PIL
        spec = importlib.util.find_spec("PIL.Image")
    except ImportError:  # reportlab meets it itself
        return
    if spec is None or spec.loader is None:
        return
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules["PIL.Image"] = module
    spec.loader.exec_module(module)
    PIL.Image = module  # type: ignore[attr-defined]  # as an import binds it in its package
