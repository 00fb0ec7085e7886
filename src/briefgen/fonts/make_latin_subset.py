"""Build the house faces: Noto Serif and Noto Sans, subset to the scripts a brief prints.

Run once by a maintainer (needs ``fonttools`` and Debian's ``fonts-noto-core``)::

    python src/briefgen/fonts/make_latin_subset.py

Noto Serif and Noto Sans (SIL Open Font License 1.1, ``LICENSE-noto.txt``) are a
matched serif and sans by one foundry, with the Latin, Greek and Cyrillic a policy
brief in English, French, German or Spanish needs, and Noto is the family of the CJK
faces briefgen falls back to. They are TrueType (glyf), which reportlab embeds, and
the same files are embedded in the DOCX, so the two formats use one typeface family.
The subset keeps Latin-1 and Latin Extended-A (every Western and Central European
language), general punctuation, currency, a few letterlike symbols, arrows and the minus
sign, with kerning and ligatures and without hinting: about 40 KB per face instead of
400–600 KB, so the DOCX can carry them. Other characters fall back to DejaVu in the PDF
(renderers/pdf/fonts.py) and to the reader's fonts in Word.
"""

from __future__ import annotations

from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = Path("/usr/share/fonts/truetype/noto")
TARGET = Path(__file__).parent
FACES = [f"Noto{family}-{face}" for family in ("Serif", "Sans")
         for face in ("Regular", "Bold", "Italic", "BoldItalic")]
RANGES = ((0x20, 0x17F), (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x2122), (0x2190, 0x2193),
          (0x2212, 0x2212))


def main() -> None:
    unicodes = [c for lo, hi in RANGES for c in range(lo, hi + 1)]
    options = subset.Options()
    options.layout_features = ["kern", "liga", "clig", "calt", "ccmp", "locl", "mark", "mkmk"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False  # screens and printers hint well enough; hinting doubles the size
    options.recalc_timestamp = False  # the same source gives the same bytes
    for face in FACES:
        font = TTFont(SOURCE / f"{face}.ttf")
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=unicodes)
        subsetter.subset(font)
        font.save(TARGET / f"{face}.ttf")
        print(face, (TARGET / f"{face}.ttf").stat().st_size)


if __name__ == "__main__":
    main()
