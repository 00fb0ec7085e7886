"""A cold build loads only what building needs (issue #13: one brief, cold, against the pandoc route)."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from briefgen import batch, pipeline
from briefgen.renderers.pdf import fonts
book = fonts.FontBook()
plain = book.markup("Reservoirs fell by a third (R&D)", book.family("serif"))
print(sorted(m for m in sys.modules if m.startswith("briefgen.drafting")), fonts.fallbacks.cache_info().currsize)
wide = book.markup("\\u2713", book.family("serif"))
print(wide, fonts.fallbacks.cache_info().currsize)
"""


def test_build_path_loads_no_drafting_and_fallback_fonts_on_first_need() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[0] == "[] 0"  # nothing of `summarize`; DejaVu not parsed for text the house font covers
    assert out[1].endswith('Wide">\u2713</font> 1')  # a character only DejaVu has: registered then
