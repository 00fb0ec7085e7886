# This module adapts code from reportlab 5.1.0 (reportlab/pdfbase/pdfdoc.py: format, PDFDictionary.format).
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
#   SUCH DAMAGE.
"""Writing the PDF file: reportlab's formatting of its objects, the same bytes with fewer steps.

Saving a brief, reportlab formats every object of the file through ``pdfdoc.format``, which
asks of each piece (some 1,700 a brief, most of them names, numbers and strings) whether
it is a PDF object, a number, bytes or text, in that order, through helper calls; and each
dictionary formats each of its keys as a name afresh (``PDFName``, then ``format``).
``pdf_format`` answers text, bytes and numbers by their exact type first, with the same
encoding and number formatting (an integer's digits without ``fp_str``'s float formatting), and hands everything else to reportlab's ``format``;
``dictionary_format`` is ``PDFDictionary.format`` step for step, each key's formatted name
remembered (a name depends only on the key). tests/test_pdf_writing.py compares both with
reportlab's on every object of the example briefs' PDFs and on odd values.

Another reportlab version keeps reportlab's own (``lines.VERSIONS``).
"""

from __future__ import annotations

from typing import Any

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc

from briefgen.renderers.pdf import accel, lines

ACTIVE = lines.ACTIVE  # the same reportlab version
rl: Any = pdfdoc
_format = rl.format
_dictionary_format = rl.PDFDictionary.format
_EXACT = 1 << 16
"""Integers closer to zero than this (glyph widths, coordinates, counts: most of a brief's numbers) are written
as ``fp_str`` writes them, their decimal digits (tests/test_pdf_writing.py checks every one)."""
_NAMES: dict[str, bytes] = {}
"""A dictionary key → its formatted name (``format(PDFName(key))``), while those are ours (``names_kept``)."""


def pdf_format(element: Any, document: Any, toplevel: int = 0) -> Any:
    """``pdfdoc.format``: ``element`` as the bytes the file holds."""
    kind = type(element)
    if kind is str:
        return rl.pdfdocEnc(element)
    if kind is bytes:
        return element
    if kind is int and -_EXACT < element < _EXACT:
        return b"%d" % element
    if kind is float or kind is int:
        return rl.pdfdocEnc(rl.fp_str(element))
    return _format(element, document, toplevel)


def names_kept() -> bool:
    """True while a key's formatted name is a function of the key alone: the name and text helpers are the stand-ins."""
    return rl.PDFName is accel.pdf_name and rl.pdfdocEnc is accel.pdfdoc_enc and rl.format is pdf_format


def dictionary_format(self: Any, document: Any, IND: bytes = b"\n ") -> bytes:  # noqa: N803 (reportlab's name)
    """``PDFDictionary.format``: ``<< /Key value … >>``, keys sorted unless the dictionary is ordered."""
    d = self.dict
    if type(d) is not dict or not names_kept():
        return _dictionary_format(self, document, IND)  # type: ignore[no-any-return]
    keys = list(d.keys())
    keys.sort()
    fmt = rl.format
    L = []  # noqa: N806
    for k in keys:
        name = _NAMES.get(k) if type(k) is str else None
        if name is None:
            name = fmt(rl.PDFName(k), document)
            if type(k) is str and len(_NAMES) < 4096:
                _NAMES[k] = name
        L.append(name + b" " + fmt(d[k], document))
    if (self.multiline and rl_config.pdfMultiLine) or self.multiline == "forced":
        joined = IND.join(L)
    else:
        t = L.insert
        for i in reversed(range(6, len(L), 6)):
            t(i, b"\n ")
        joined = b" ".join(L)
    return b"<<\n" + joined + b"\n>>"


def install() -> None:
    """Use the stand-ins in reportlab's pdfdoc (idempotent; another reportlab version keeps its own)."""
    if ACTIVE:
        rl.format = pdf_format
        rl.PDFDictionary.format = dictionary_format
