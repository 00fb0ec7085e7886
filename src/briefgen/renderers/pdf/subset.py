# This module adapts code from reportlab 5.1.0 (reportlab/pdfbase/ttfonts.py: TTFontFile.makeSubset).
# reportlab's licence, as its redistribution requires:
#
#   Copyright (c) 2000-2024, ReportLab Inc.
#   All rights reserved.
#   Redistribution and use in source and binary forms, with or without modification,
#   are permitted provided that the following conditions are met:
#   * Redistributions of source code must retain the above copyright notice,
#   this list of conditions and the following disclaimer.
#   * Redistributions in binary form must reproduce the above copyright notice,
#   this list of conditions and the following disclaimer in the documentation
#   and/or other materials provided with the distribution.
#   * Neither the name of the company nor the names of its contributors may be
#   used to endorse or promote products derived from this software without
#   specific prior written permission.
#   THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
#   ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
#   WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED.
#   IN NO EVENT SHALL THE OFFICERS OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT,
#   INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED
#   TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS;
#   OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER
#   IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING
#   IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF
"""Subsetting the brief's TrueType fonts: reportlab's ``makeSubset``, the same bytes with less work a glyph.

Saving a brief, reportlab embeds a subset of each font it drew with (four in a fixture brief,
some 130 glyphs each): ``TTFontFile.makeSubset`` maps the characters to glyphs, adds the parts
of composite glyphs, and writes the tables. It reads whether a glyph is composite, and its
parts, from the font file through a ``seek`` and ``read_short`` call per glyph, every subset of
every brief; ``make_subset`` reads them once per glyph of a font (``_parts``), and each glyph's
data padded to 4 bytes (``_padded``: a glyph starts at a multiple of 4, so its padding depends on
its length alone), keeping both with the font (they depend on the font file alone, never on a
brief), and builds the glyph maps and the metrics with C-level maps, the same values in the same order. It hands anything unexpected (another reportlab version,
a font that is not a ``TTFontFile``, any error) to reportlab's own, so errors are reportlab's.
tests/test_pdf_subset.py compares both on many subsets of every font the renderer registers.
"""

from __future__ import annotations

from itertools import chain, repeat
from struct import pack, unpack, unpack_from
from typing import Any

from reportlab.pdfbase import ttfonts

from briefgen.renderers.pdf import lines

_ttf: Any = ttfonts
_make_subset = _ttf.TTFontFile.makeSubset
_set_ushort = _ttf._set_ushort
GF_MORE_COMPONENTS = _ttf.GF_MORE_COMPONENTS
GF_ARG_1_AND_2_ARE_WORDS = _ttf.GF_ARG_1_AND_2_ARE_WORDS
GF_WE_HAVE_A_SCALE = _ttf.GF_WE_HAVE_A_SCALE
GF_WE_HAVE_AN_X_AND_Y_SCALE = _ttf.GF_WE_HAVE_AN_X_AND_Y_SCALE
GF_WE_HAVE_A_TWO_BY_TWO = _ttf.GF_WE_HAVE_A_TWO_BY_TWO
_PARTS = "_bg_glyph_parts"
"""The attribute of a font file holding its glyphs' parts (``_parts``)."""


def _parts(font: Any, start: int, glyph: int) -> tuple[int, ...]:
    """The glyphs a composite glyph is made of, in order, as ``makeSubset``'s first loop reads them (none for
    an empty or simple glyph)."""
    positions = font.glyphPos
    at = positions[glyph]
    if not positions[glyph + 1] - at:
        return ()
    data = font._ttf_data
    at += start
    if unpack(">h", data[at:at + 2])[0] >= 0:  # read_short: the number of contours
        return ()
    at += 10
    parts = []
    flags = GF_MORE_COMPONENTS
    while flags & GF_MORE_COMPONENTS:
        flags, part = unpack_from(">HH", data, at)
        parts.append(part)
        at += 4
        if flags & GF_ARG_1_AND_2_ARE_WORDS:
            at += 4
        else:
            at += 2
        if flags & GF_WE_HAVE_A_SCALE:
            at += 2
        elif flags & GF_WE_HAVE_AN_X_AND_Y_SCALE:
            at += 4
        elif flags & GF_WE_HAVE_A_TWO_BY_TWO:
            at += 8
    return tuple(parts)


def make_subset(self: Any, subset: Any) -> bytes:
    """``TTFontFile.makeSubset``: the TrueType font file of the glyphs of ``subset`` (character codes)."""
    if not lines.ACTIVE or not isinstance(self, _ttf.TTFontFile):
        return _make_subset(self, subset)  # type: ignore[no-any-return]
    try:
        return _subset(self, subset)
    except Exception:  # reportlab's own meets it, with its message
        return _make_subset(self, subset)  # type: ignore[no-any-return]


def _subset(self: Any, subset: Any) -> bytes:
    output = _ttf.TTFontMaker()
    # each code's glyph (0, "missing", for a code the font lacks); the new glyphs in order of first use, 0 first
    originals = list(map(self.charToGlyph.get, subset, repeat(0)))
    glyph_map = list(dict.fromkeys(chain((0,), originals)))  # new glyph index -> old glyph index
    glyph_set = dict(zip(glyph_map, range(len(glyph_map)), strict=True))  # old glyph index -> new glyph index
    code_to_glyph = dict(zip(subset, map(glyph_set.__getitem__, originals), strict=True))  # unicode -> new glyph index

    # the parts of composite glyphs, read once per glyph of the font
    start = self.get_table_pos("glyf")[0]
    known = self.__dict__.get(_PARTS)
    if known is None or known[0] != start:
        known = (start, {}, {})
        setattr(self, _PARTS, known)
    parts_of = known[1]
    n = 0
    while n < len(glyph_map):
        original = glyph_map[n]
        n += 1
        parts = parts_of.get(original)
        if parts is None:
            parts = parts_of[original] = _parts(self, start, original)
        for part in parts:
            if part not in glyph_set:
                glyph_set[part] = len(glyph_map)
                glyph_map.append(part)

    for tag in ("name", "OS/2", "cvt ", "fpgm", "prep"):
        try:
            output.add(tag, self.get_table(tag))
        except KeyError:
            pass

    post = b"\x00\x03\x00\x00" + self.get_table("post")[4:16] + b"\x00" * 16
    output.add("post", post)

    number_of_glyphs = len(glyph_map)

    # hmtx: (advance, left side bearing) of each glyph, as integers
    hmtx = list(map(int, chain.from_iterable(map(self.hmetrics.__getitem__, glyph_map))))
    n = len(hmtx) - 2
    while n and hmtx[n] == hmtx[n - 2]:
        n -= 2
    n += 2
    number_of_hmetrics = n >> 1
    hmtx = hmtx[:n] + hmtx[n + 1::2]
    output.add("hmtx", pack(f">{len(hmtx)}H", *hmtx))

    output.add("hhea", _set_ushort(self.get_table("hhea"), 34, number_of_hmetrics))
    output.add("maxp", _set_ushort(self.get_table("maxp"), 4, number_of_glyphs))

    entry_count = len(subset)
    length = 10 + entry_count * 2
    cmap: list[Any] = [0, 1, 1, 0, 0, 12, 6, length, 0, 0, entry_count] + list(map(code_to_glyph.get, subset))
    output.add("cmap", pack(f">{len(cmap)}H", *cmap))

    # glyf: each glyph's data padded to 4 bytes (so each starts at a multiple of 4), a composite's parts renumbered
    glyph_data = self.get_table("glyf")
    padded_of = known[2]
    offsets = []
    glyf = []
    pos = 0
    for original in glyph_map:
        offsets.append(pos)
        padded = padded_of.get(original)
        if padded is None:
            padded = padded_of[original] = _padded(self, glyph_data, original)
        if type(padded) is int:  # a composite glyph of this many bytes
            at = self.glyphPos[original]
            padded = _renumbered(glyph_data[at:at + padded], glyph_set)
            padded += b"\0" * (-len(padded) % 4)
        glyf.append(padded)
        pos += len(padded)
    offsets.append(pos)
    output.add("glyf", b"".join(glyf))

    if (pos + 1) >> 1 > 0xFFFF:
        index_to_loc_format = 1
        loca = pack(f">{len(offsets)}L", *offsets)
    else:
        index_to_loc_format = 0
        loca = pack(f">{len(offsets)}H", *[offset >> 1 for offset in offsets])
    output.add("loca", loca)

    output.add("head", _set_ushort(self.get_table("head"), 50, index_to_loc_format))
    return output.makeStream()  # type: ignore[no-any-return]


def _padded(font: Any, glyph_data: Any, glyph: int) -> Any:
    """A glyph's data with the zeros that pad it to 4 bytes, or, for a composite glyph (whose parts a
    subset renumbers), its length."""
    positions = font.glyphPos
    at = positions[glyph]
    glyph_length = positions[glyph + 1] - at
    if glyph_length < 0:
        raise ValueError("glyph offsets out of order")  # reportlab's own makes what it makes of it
    data = glyph_data[at:at + glyph_length]
    if glyph_length > 2 and unpack(">h", data[:2])[0] < 0:
        return glyph_length
    return data + b"\0" * (-glyph_length % 4)


def _renumbered(data: bytes, glyph_set: dict[int, int]) -> bytes:
    """A composite glyph's data with each part's glyph index replaced by its index in the subset."""
    pos_in_glyph = 10
    flags = GF_MORE_COMPONENTS
    while flags & GF_MORE_COMPONENTS:
        flags = unpack(">H", data[pos_in_glyph:pos_in_glyph + 2])[0]
        glyph = unpack(">H", data[pos_in_glyph + 2:pos_in_glyph + 4])[0]
        data = _set_ushort(data, pos_in_glyph + 2, glyph_set[glyph])
        pos_in_glyph += 4
        if flags & GF_ARG_1_AND_2_ARE_WORDS:
            pos_in_glyph += 4
        else:
            pos_in_glyph += 2
        if flags & GF_WE_HAVE_A_SCALE:
            pos_in_glyph += 2
        elif flags & GF_WE_HAVE_AN_X_AND_Y_SCALE:
            pos_in_glyph += 4
        elif flags & GF_WE_HAVE_A_TWO_BY_TWO:
            pos_in_glyph += 8
    return data


def install() -> None:
    """Use ``make_subset`` for reportlab's TrueType fonts (idempotent)."""
    _ttf.TTFontFile.makeSubset = make_subset
