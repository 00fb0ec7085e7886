"""Build ``briefgen-cjk.ttf``: a subset of WenQuanYi Micro Hei for the PDF renderer.

Run once by a maintainer (needs ``fonttools`` and Debian's ``fonts-wqy-microhei``)::

    python src/briefgen/fonts/make_cjk_subset.py

The subset keeps the font's TrueType (glyf) outlines, which reportlab can embed,
and these characters: printable ASCII, general punctuation, CJK symbols and
punctuation, kana, full-width forms, every character of GB 2312 (all 6,763
simplified hanzi, the common set of mainland Chinese) and Big5 level 1 (5,401
common traditional hanzi). That covers ordinary Chinese text in about 1.7 MB.
The subset is renamed "Briefgen CJK" so that it never merges with an installed
WenQuanYi Micro Hei (reportlab identifies fonts by their face name).
Characters outside it fall back to a system CJK font at run time, if one is
installed, else the renderer warns.
"""

from __future__ import annotations

from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
TARGET = Path(__file__).with_name("briefgen-cjk.ttf")
RANGES = ((0x20, 0x7E), (0x2000, 0x206F), (0x3000, 0x30FF), (0xFF00, 0xFFEF))
# Renamed so that it never clashes with the full font (reportlab merges fonts by face name).
NAMES = {1: "Briefgen CJK", 3: "BriefgenCJK-Regular (subset of WenQuanYi Micro Hei 0.2.0-beta)",
         4: "Briefgen CJK Regular", 6: "BriefgenCJK-Regular", 16: "Briefgen CJK", 17: "Regular",
         18: "Briefgen CJK"}


def _decodable(codec: str, rows: range, cells: list[int]) -> set[int]:
    """Return the code points of every two-byte character of ``codec`` in ``rows``."""
    found: set[int] = set()
    for hi in rows:
        for lo in cells:
            try:
                found.add(ord(bytes((hi, lo)).decode(codec)))
            except (UnicodeDecodeError, TypeError):
                continue
    return found


def wanted() -> set[int]:
    """Return the code points the subset should keep."""
    chars = {c for a, b in RANGES for c in range(a, b + 1)}
    chars |= _decodable("gb2312", range(0xA1, 0xF8), list(range(0xA1, 0xFF)))
    big5_cells = list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF))
    chars |= _decodable("big5", range(0xA4, 0xC7), big5_cells)
    return chars


def main() -> None:
    """Subset the system font into ``TARGET``."""
    font = TTFont(SOURCE, fontNumber=0, recalcTimestamp=False)
    cmap = font.getBestCmap()
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(c for c in wanted() if c in cmap))
    subsetter.subset(font)
    for record in font["name"].names:
        if record.nameID in NAMES:
            record.string = NAMES[record.nameID]
    font.save(TARGET)
    print(f"{TARGET}: {TARGET.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
