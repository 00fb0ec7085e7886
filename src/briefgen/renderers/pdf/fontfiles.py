"""The PDF's font files, registered with reportlab once per process, in the order of the fallback chain.

Split from ``fonts.py`` (moves only), which splits text into runs along this chain (see its docstring).
"""

from __future__ import annotations

import functools
from pathlib import Path

import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
VERA = Path(reportlab.__file__).parent / "fonts"
SHIPPED = Path(__file__).resolve().parents[2] / "fonts"
SHIPPED_CJK = SHIPPED / "briefgen-cjk.ttf"
SYSTEM_CJK: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
)
# Files for the faces regular, bold, italic, bold italic of each family: the house faces
# shipped with briefgen (Noto Serif and Noto Sans, also embedded in the DOCX), then wider
# fallbacks for the characters the shipped subsets leave out (Greek, Cyrillic…).
HOUSE_FILES: dict[str, tuple[Path, tuple[str, ...]]] = {
    family: (SHIPPED, tuple(f"Noto{family.title()}-{face}.ttf"
                            for face in ("Regular", "Bold", "Italic", "BoldItalic")))
    for family in ("serif", "sans")
}
FACE_FILES: dict[str, tuple[tuple[Path, tuple[str, ...]], ...]] = {
    "serif": (
        (DEJAVU, ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf",
                  "DejaVuSerif-Italic.ttf", "DejaVuSerif-BoldItalic.ttf")),
        (VERA, ("Vera.ttf", "VeraBd.ttf", "VeraIt.ttf", "VeraBI.ttf")),
    ),
    "sans": (
        (DEJAVU, ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf",
                  "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf")),
        (VERA, ("Vera.ttf", "VeraBd.ttf", "VeraIt.ttf", "VeraBI.ttf")),
    ),
}
FAMILY_NAMES = {"serif": "BG-Serif", "sans": "BG-Sans"}
FALLBACK_NAMES = {"serif": "BG-SerifWide", "sans": "BG-SansWide"}
CJK = "BG-CJK"
SUFFIXES = ("", "-Bold", "-Italic", "-BoldItalic")


def face(family: str, bold: bool = False, italic: bool = False) -> str:
    """Return the registered name of one face of a registered family."""
    if family.startswith(CJK):
        return family
    return family + SUFFIXES[int(bold) + 2 * int(italic)]


def _register_family(name: str, candidates: tuple[tuple[Path, tuple[str, ...]], ...]) -> str:
    """Register the four faces of the first family in ``candidates`` that exists, as ``name``."""
    folder, files = next((d, f) for d, f in candidates if (d / f[0]).exists())
    for suffix, file in zip(SUFFIXES, files, strict=True):
        pdfmetrics.registerFont(TTFont(name + suffix, str(folder / file)))
    pdfmetrics.registerFontFamily(name, normal=name, bold=name + "-Bold",
                                  italic=name + "-Italic", boldItalic=name + "-BoldItalic")
    return name


def _register_single(name: str, path: str, index: int = 0) -> str:
    """Register a one-face font (CJK) for all four styles, so <b>/<i> keep it."""
    pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))
    pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
    return name


@functools.cache
def register() -> tuple[str, ...]:
    """Register the house families once; return them, the start of every chain."""
    return tuple(_register_family(FAMILY_NAMES[f], (HOUSE_FILES[f], *FACE_FILES[f])) for f in ("serif", "sans"))


@functools.cache
def fallbacks() -> tuple[str, ...]:
    """Register the wide Latin families once, when a character first needs one (DejaVu is big to parse)."""
    return tuple(_register_family(FALLBACK_NAMES[f], FACE_FILES[f]) for f in ("serif", "sans"))


@functools.cache
def shipped_cjk() -> tuple[str, ...]:
    """Register the shipped CJK font once, when a character first needs it (it is big to parse)."""
    return (_register_single(CJK, str(SHIPPED_CJK)),) if SHIPPED_CJK.exists() else ()


@functools.cache
def system_cjk() -> tuple[str, ...]:
    """Register the installed system CJK fonts (only when a character needs one)."""
    names = []
    for number, (path, index) in enumerate(SYSTEM_CJK):
        if Path(path).exists():
            names.append(_register_single(f"{CJK}-System{number}", path, index))
    return tuple(names)


@functools.cache
def covered(name: str) -> frozenset[int]:
    """Return the code points that the registered font ``name`` has a glyph for."""
    return frozenset(pdfmetrics.getFont(name).face.charToGlyph)  # type: ignore[attr-defined]  # a TTFont: every family is
