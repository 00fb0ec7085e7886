# This module adapts code from reportlab 5.1.0 (reportlab/platypus/paragraph.py: breakLines, _getFragWords),
# kept whole so that it can be compared with reportlab's, which is why it is longer than our other modules.
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
"""reportlab's line breaking of a paragraph with several fragments, the same steps with less work a word.

``Paragraph.breakLines`` is a fifth of a warm PDF. A brief's paragraphs nearly all have
several fragments (a citation marker, a link, bold text), so they take its general path:
split the fragments into words (``_getFragWords``), then add the words to lines one by one.
For every word that path calls ``getAscentDescent`` and ``sameFrag``, measures a space, and,
as reportlab's styles shrink spaces by default (``spaceShrinkage``), measures a space once
more for every fragment already on the line. ``break_lines`` below is that code (reportlab
5.1.0's), step for step, with each such value remembered for the paragraph being broken:
the ascent and descent of a (font, size), the width of a space in a fragment on the line,
the answer of ``sameFrag`` for the same two fragment objects (neither changes what it
compares while the paragraph is broken), and words taken from the end of a reversed list
instead of the front of a list. Every width, sum and comparison is the same expression
on the same values in the same order, so the lines are the same floats.

Most of a paragraph's words are plain words inside one fragment. ``get_frag_words`` makes
each fragment's run of them at once (their widths read from the width memo in one pass)
and records it as a ``Block``; ``break_lines`` then fits a block's words on a line in a
loop over their widths alone (the same additions and limits, word by word) and places
those that fit at once (one join of their texts). reportlab's ``split`` of a fragment's
text is called without its copy of the list.

Anything else goes to reportlab's own (``breakLines``): another reportlab version, one
fragment, right-to-left or shaped text, a hyphenation language, ``autoLeading``. The words
of a paragraph split off another (its fragments are words already) come from reportlab's
``_getFragWords``. tests/test_pdf_lines.py compares
both on every paragraph of the example briefs and on odd text.
"""

from __future__ import annotations

from itertools import repeat
from operator import itemgetter
from typing import Any

import reportlab
from reportlab.lib.abag import ABag as _ABag
from reportlab.platypus import paragraph as _paragraph

from briefgen.renderers.pdf import accel

rl: Any = _paragraph  # reportlab's private helpers, which its type stubs do not declare
_FK_BREAK = rl._FK_BREAK
_FK_TEXT = rl._FK_TEXT
FragLine = rl.FragLine
ParaLines = rl.ParaLines
_handleBulletWidth = rl._handleBulletWidth
_HSFrag = rl._HSFrag
_hyphenateFragWord = rl._hyphenateFragWord
_InjectedFrag = rl._InjectedFrag
_processed_frags = rl._processed_frags
_SHYWord = rl._SHYWord
_SHYWordHS = rl._SHYWordHS
_SplitFrag = rl._SplitFrag
_SplitFragH = rl._SplitFragH
_splitFragWord = rl._splitFragWord

VERSIONS = frozenset({"5.1.0"})
"""The reportlab versions whose ``breakLines`` and ``_getFragWords`` these copy."""
ACTIVE = reportlab.Version in VERSIONS
_breakLines = rl.Paragraph.breakLines
_SHY = rl._shy
_SHYIndexedStr = rl._SHYIndexedStr
_WHITESPACE = rl.whitespace
_wsc_re_split = rl._wsc_re_split
_first = itemgetter(0)


_NOTHING: dict[str, float] = {}
_ABAG_INIT: Any = _ABag.__init__
_ABAG_CLONE: Any = _ABag.clone
_OBJECT_NEW: Any = object.__new__
_PLAIN_BAGS: dict[type, bool] = {}
"""Fragment classes whose ``clone()`` is ABag's: a new instance given a copy of the attributes (``clone``)."""


def clone(frag: Any) -> Any:
    """``frag.clone()``: for a class whose ``clone`` and ``__init__`` are ABag's (``ParaFrag``), the same new
    instance with the same attributes in the same order, made without a keyword call."""
    kind = type(frag)
    plain = _PLAIN_BAGS.get(kind)
    if plain is None:
        plain = _PLAIN_BAGS[kind] = (kind.clone is _ABAG_CLONE and kind.__init__ is _ABAG_INIT
                                     and kind.__new__ is _OBJECT_NEW and "__slots__" not in dir(kind))
    if not plain:
        return frag.clone()
    made = object.__new__(kind)
    made.__dict__.update(frag.__dict__)
    return made


def eligible(paragraph: Any) -> bool:
    """True if ``break_lines`` breaks ``paragraph`` itself (else reportlab's ``breakLines`` does)."""
    style, frags = paragraph.style, paragraph.frags
    return bool(ACTIVE and len(frags) > 1 and not (style.wordWrap or style.shaping or getattr(style, "hyphenationLang", ""))
                and getattr(paragraph, "autoLeading", getattr(style, "autoLeading", "")) in ("", "off"))


def break_lines(self: Any, width: Any) -> Any:
    """``Paragraph.breakLines``: the paragraph's lines at ``width`` (a width or a list of them)."""
    if not eligible(self):
        return _breakLines(self, width)
    style = self.style
    frags = self.frags
    stringWidth = rl.stringWidth  # noqa: N806 (reportlab's names, read now: accel installs its own)
    getAscentDescent = rl.getAscentDescent  # noqa: N806
    sameFrag = rl.sameFrag  # noqa: N806

    self._width_max = 0
    maxWidths: Any  # noqa: N806
    if not isinstance(width, (tuple, list)):
        maxWidths = [width]  # noqa: N806
    else:
        maxWidths = width  # noqa: N806
    lines: list[Any] = []
    self.height = lineno = 0
    maxlineno = len(maxWidths) - 1
    uriWasteReduce = style.uriWasteReduce  # noqa: N806
    embeddedHyphenation = style.embeddedHyphenation  # noqa: N806
    hyphenation2 = embeddedHyphenation > 1
    spaceShrinkage = style.spaceShrinkage  # noqa: N806
    splitLongWords = style.splitLongWords  # noqa: N806
    attemptHyphenation = uriWasteReduce or embeddedHyphenation  # noqa: N806 (no hyphenator here)
    if attemptHyphenation:
        hymwl = getattr(style, "hyphenationMinWordLength", rl.hyphenationMinWordLength)
    self._splitLongWordCount = self._hyphenations = 0
    _handleBulletWidth(self.bulletText, style, maxWidths)
    maxWidth = maxWidths[0]  # noqa: N806

    ascents: dict[tuple[str, float], tuple[float, float]] = {}
    spaces: dict[tuple[str, float], float] = {}
    frag_spaces: dict[Any, float] = {}
    same_g: Any = None
    same_f: Any = None
    same = False

    def ascent_descent(name: str, size: float) -> tuple[float, float]:
        found = ascents.get((name, size))
        if found is None:
            found = ascents[(name, size)] = getAscentDescent(name, size)
        return found

    def space(name: str, size: float) -> float:
        found = spaces.get((name, size))
        if found is None:
            found = spaces[(name, size)] = stringWidth(" ", name, size)
        return found

    def injected(f: Any) -> Any:
        return _InjectedFrag([0, (f.clone(_fkind=_FK_BREAK, text=""), "")])

    njlbv = not style.justifyBreaks
    words: list[Any] = []
    FW: list[Any] = []  # noqa: N806
    aFW = FW.append  # noqa: N806
    blocks: dict[int, Block] = {}
    stack = processed_words(frags, maxWidth) if _processed_frags(frags) else get_frag_words(frags, maxWidth, blocks)
    total = len(stack)  # the word on top of the stack is word ``total - len(stack)`` (until ``push_front``)
    stack.reverse()  # the next word is the last
    pop = stack.pop

    def push_front(items: Any, injected_second: Any = None) -> None:
        """``_words[0:0] = items``, then ``_words.insert(1, injected_second)`` if given."""
        blocks.clear()  # the words' indices change: no block is placed at once any more
        stack.extend(reversed(items))
        if injected_second is not None:
            stack.insert(max(len(stack) - 1, 0), injected_second)

    self_same: dict[Any, bool] = {}
    """A fragment → ``sameFrag`` of a clone of it and it."""
    frag_ad: dict[Any, tuple[float, float]] = {}
    """A fragment → ``getAscentDescent`` of its font and size."""
    frag_space: dict[Any, float] = {}
    """A fragment → the width of a space in its font and size."""
    sFW = 0  # noqa: N806
    spaceWidth: Any  # noqa: N806 (0 or a width, as in reportlab)
    while stack:
        w = pop()
        aFW(w)
        lf = w[-1][0]
        fontName = lf.fontName  # noqa: N806
        fontSize = lf.fontSize  # noqa: N806

        if not words:
            n = spaceWidth = currentWidth = 0  # noqa: N806
            maxSize = fontSize  # noqa: N806
            ad = frag_ad.get(lf)
            if ad is None:
                ad = frag_ad[lf] = ascent_descent(fontName, fontSize)
            maxAscent, minDescent = ad  # noqa: N806

        wordWidth = w[0]  # noqa: N806
        f = w[1][0]
        if wordWidth > 0:
            newWidth = currentWidth + spaceWidth + wordWidth  # noqa: N806
        else:
            newWidth = currentWidth  # noqa: N806

        lineBreak = f._fkind == _FK_BREAK  # noqa: N806
        limWidth = _shrunk(maxWidth, words, spaceWidth, spaceShrinkage, frag_spaces, stringWidth) if spaceShrinkage else maxWidth  # noqa: N806
        if not lineBreak and newWidth > limWidth and not isinstance(w, _SplitFragH) and not hasattr(f, "cbDefn"):
            if isinstance(w, _SHYWord):
                hsw = w.shyphenate(newWidth, limWidth)
                if hsw:
                    push_front(hsw, injected(f))
                    FW.pop(-1)
                    self._hyphenations += 1
                    continue
                elif len(FW) > 1:
                    nMW = maxWidths[min(maxlineno, lineno)]  # noqa: N806
                    if hyphenation2 or w._fsww + 1e-8 <= nMW:
                        hsw = w.shyphenate(wordWidth, nMW)
                        if hsw:
                            push_front([injected(f), w])
                            FW.pop(-1)
                            continue
            elif attemptHyphenation:
                hyOk = not getattr(f, "nobr", False)  # noqa: N806
                hsw = _hyphenateFragWord(None, w, newWidth, limWidth, uriWasteReduce if hyOk else False,
                                         embeddedHyphenation and hyOk, hymwl)
                if hsw:
                    push_front(hsw, injected(f))
                    FW.pop(-1)
                    self._hyphenations += 1
                    continue
                elif hyphenation2 and len(FW) > 1:
                    hsw = _hyphenateFragWord(None, w, wordWidth, maxWidth, uriWasteReduce if hyOk else False,
                                             embeddedHyphenation and hyOk, hymwl)
                    if hsw:
                        push_front([injected(f), w])
                        FW.pop(-1)
                        continue
            if splitLongWords and not isinstance(w, _SplitFrag):
                nmw = min(lineno, maxlineno)
                if wordWidth > max(maxWidths[nmw:nmw + 1]):
                    push_front(_splitFragWord(w, maxWidth - spaceWidth - currentWidth, maxWidths, lineno), injected(f))
                    FW.pop(-1)
                    self._splitLongWordCount += 1
                    continue
        endLine = (newWidth > limWidth and n > 0) or lineBreak  # noqa: N806
        if not endLine:
            if lineBreak:
                continue
            nText = w[1][1]  # noqa: N806
            if nText:
                n += 1
            fontSize = f.fontSize  # noqa: N806
            ad = frag_ad.get(f)
            if ad is None:
                ad = frag_ad[f] = ascent_descent(f.fontName, fontSize)
            ascent, descent = ad
            if fontSize > maxSize:
                maxSize = fontSize  # noqa: N806
            if ascent > maxAscent:
                maxAscent = ascent  # noqa: N806
            if descent < minDescent:
                minDescent = descent  # noqa: N806
            if not words:
                g = clone(f)
                words = [g]
                g.text = nText
            else:
                if g is not same_g or f is not same_f:
                    same_g, same_f, same = g, f, sameFrag(g, f)
                if not same:
                    if spaceWidth:
                        i = len(words) - 1
                        while i >= 0:
                            wi = words[i]
                            i -= 1
                            if wi._fkind == _FK_TEXT:
                                if not wi.text.endswith(" "):
                                    wi.text += " "
                                break
                    g = clone(f)
                    words.append(g)
                    g.text = nText
                elif spaceWidth:
                    if not g.text.endswith(" "):
                        g.text += " " + nText
                    else:
                        g.text += nText
                else:
                    g.text += nText

            if not isinstance(w, _HSFrag):
                spaceWidth = 0  # noqa: N806
            elif lf is f:
                spaceWidth = frag_space.get(f)  # noqa: N806
                if spaceWidth is None:
                    spaceWidth = frag_space[f] = space(fontName, fontSize)  # noqa: N806
            else:
                spaceWidth = space(fontName, fontSize)  # noqa: N806

            ni = 0
            for piece in w[2:]:
                g = clone(piece[0])
                g.text = piece[1]
                if g.text:
                    ni = 1
                words.append(g)
                fontSize = g.fontSize  # noqa: N806
                ascent, descent = ascent_descent(g.fontName, fontSize)
                if fontSize > maxSize:
                    maxSize = fontSize  # noqa: N806
                if ascent > maxAscent:
                    maxAscent = ascent  # noqa: N806
                if descent < minDescent:
                    minDescent = descent  # noqa: N806
            if not nText and ni:
                n += 1
            currentWidth = newWidth  # noqa: N806
            if stack and spaceWidth and g is same_g and f is same_f and same and lf is f:
                # The next words of the same fragment while they fit (most words): the steps the loop above takes
                # for such a word, without those that change nothing (its font, the line's maxima, ``sameFrag``).
                # Only ``g``, the line's last word, grows here, so the shrink's sum over the words before it is made once.
                head = None
                if spaceShrinkage and words[-1] is g and g._fkind == _FK_TEXT:
                    head = _spaces(spaceWidth, words[:-1], frag_spaces, stringWidth)
                    gsw = frag_spaces.get(g)
                    if gsw is None:
                        gsw = frag_spaces[g] = stringWidth(" ", g.fontName, g.fontSize)
                block = blocks.get(total - len(stack)) if (head is not None or not spaceShrinkage) else None
                if block is not None and block[2] is f:
                    # The next words are a block's: the loop below, word by word, for the numbers only (the same
                    # expressions in the same order), then the words placed at once. ``g.text`` would gain
                    # " " + each word (a word has no space and is not empty), so it counts one more space a word.
                    first = total - len(stack) - block[0]
                    text = g.text
                    ns = text.count(" ")
                    more = 0 if text.endswith(" ") else 1
                    widths = block[3][first:]
                    placed = len(widths)
                    if head is None:  # no shrinking: the limit is the width
                        for i, wordWidth in enumerate(widths):  # noqa: N806
                            newWidth = currentWidth + spaceWidth + wordWidth if wordWidth > 0 else currentWidth  # noqa: N806
                            if newWidth > maxWidth:
                                placed = i
                                break
                            currentWidth = newWidth  # noqa: N806
                    elif more and block[5]:  # the usual case: every word widens the line and adds a space
                        for i, wordWidth in enumerate(widths):  # noqa: N806
                            newWidth = currentWidth + spaceWidth + wordWidth  # noqa: N806
                            if newWidth > maxWidth + ((head + ns * gsw) if ns else head) * spaceShrinkage:
                                placed = i
                                break
                            currentWidth = newWidth  # noqa: N806
                            ns += 1
                    else:
                        for i, wordWidth in enumerate(widths):  # noqa: N806
                            newWidth = currentWidth + spaceWidth + wordWidth if wordWidth > 0 else currentWidth  # noqa: N806
                            if newWidth > maxWidth + ((head + ns * gsw) if ns else head) * spaceShrinkage:
                                placed = i
                                break
                            currentWidth = newWidth  # noqa: N806
                            ns += more
                            more = 1
                    if placed:
                        taken = stack[-placed:]
                        del stack[-placed:]
                        taken.reverse()
                        FW.extend(taken)
                        n += placed
                        g.text = text + (" " if not text.endswith(" ") else "") + " ".join(block[4][first:first + placed])
                while stack:
                    w = stack[-1]
                    if type(w) is not _HSFrag or len(w) != 2 or w[1][0] is not f:
                        break
                    wordWidth = w[0]  # noqa: N806
                    if wordWidth > 0:
                        newWidth = currentWidth + spaceWidth + wordWidth  # noqa: N806
                    else:
                        newWidth = currentWidth  # noqa: N806
                    if head is not None:
                        ns = g.text.count(" ")
                        limWidth = maxWidth + ((head + ns * gsw) if ns else head) * spaceShrinkage  # noqa: N806
                    else:
                        limWidth = _shrunk(maxWidth, words, spaceWidth, spaceShrinkage, frag_spaces, stringWidth) if spaceShrinkage else maxWidth  # noqa: N806
                    if newWidth > limWidth:
                        break  # the loop above ends the line (or hyphenates)
                    aFW(pop())
                    nText = w[1][1]  # noqa: N806
                    if nText:
                        n += 1
                    if not g.text.endswith(" "):
                        g.text += " " + nText
                    else:
                        g.text += nText
                    currentWidth = newWidth  # noqa: N806
        else:
            if lineBreak:
                g = clone(f)
                words.append(g)
                llb = njlbv and not isinstance(w, _InjectedFrag)
            else:
                llb = False

            if currentWidth > self._width_max:
                self._width_max = currentWidth
            lines.append(FragLine(extraSpace=maxWidth - currentWidth, wordCount=n,
                                  lineBreak=llb, words=words,
                                  fontSize=maxSize, ascent=maxAscent, descent=minDescent, maxWidth=maxWidth,
                                  sFW=sFW))
            sFW = len(FW) - 1  # noqa: N806

            lineno += 1
            maxWidth = maxWidths[min(maxlineno, lineno)]  # noqa: N806

            if lineBreak:
                words = []
                continue

            if not isinstance(w, _HSFrag):
                spaceWidth = 0  # noqa: N806
            else:
                spaceWidth = frag_space.get(lf)  # noqa: N806
                if spaceWidth is None:
                    spaceWidth = frag_space[lf] = space(fontName, fontSize)  # noqa: N806
            currentWidth = wordWidth  # noqa: N806
            n = 1
            g = clone(f)
            # The next word of this fragment asks ``sameFrag(g, f)``: a clone compares as its original
            # does with itself (the same objects under every name compared), so the answer is kept by fragment.
            kept = self_same.get(f)
            if kept is None:
                kept = self_same[f] = sameFrag(g, f)
            same_g, same_f, same = g, f, kept
            maxSize = g.fontSize  # noqa: N806
            ad = frag_ad.get(f)  # g is f's clone: the same font and size
            if ad is None:
                ad = frag_ad[f] = ascent_descent(g.fontName, maxSize)
            maxAscent, minDescent = ad  # noqa: N806
            words = [g]
            g.text = w[1][1]

            for piece in w[2:]:
                g = clone(piece[0])
                g.text = piece[1]
                words.append(g)
                fontSize = g.fontSize  # noqa: N806
                ascent, descent = ascent_descent(g.fontName, fontSize)
                if fontSize > maxSize:
                    maxSize = fontSize  # noqa: N806
                if ascent > maxAscent:
                    maxAscent = ascent  # noqa: N806
                if descent < minDescent:
                    minDescent = descent  # noqa: N806

    if words:
        if currentWidth > self._width_max:
            self._width_max = currentWidth
        lines.append(FragLine(extraSpace=(maxWidth - currentWidth), wordCount=n, lineBreak=False,
                              words=words, fontSize=maxSize, ascent=maxAscent, descent=minDescent, maxWidth=maxWidth,
                              sFW=sFW))
    self.frags = FW
    return ParaLines(kind=1, lines=lines)


def _shrunk(maxWidth: float, words: list[Any], spaceWidth: float, spaceShrinkage: float,  # noqa: N803
            frag_spaces: dict[Any, float], stringWidth: Any) -> float:  # noqa: N803
    """The line's width limit with its spaces shrunk (reportlab's ``spaceShrinkage``), in reportlab's order of operations."""
    return maxWidth + _spaces(spaceWidth, words, frag_spaces, stringWidth) * spaceShrinkage


def _spaces(total: float, words: Any, frag_spaces: dict[Any, float], stringWidth: Any) -> float:  # noqa: N803
    """``total`` plus the width of each text word's spaces, added word by word in order (as ``_shrunk`` sums them)."""
    for wi in words:
        if wi._fkind == _FK_TEXT:
            ns = wi.text.count(" ")
            if ns:
                sw = frag_spaces.get(wi)
                if sw is None:
                    sw = frag_spaces[wi] = stringWidth(" ", wi.fontName, wi.fontSize)
                total += ns * sw
    return total


Block = tuple[int, int, Any, list[float], list[str], bool]
"""Words ``start`` to ``end`` (exclusive) of a paragraph's words, all plain words of one fragment, each
``_HSFrag([width, (frag, text)])`` with a text without spaces, not empty, without a soft hyphen:
(start, end, the fragment, their widths, their texts, every width above 0). A tuple: made once a fragment."""


_PLAIN_WORDS = frozenset({list, _HSFrag})
_NUMBERS = frozenset({float, int})


def processed_words(frags: list[Any], maxWidth: float | None = None) -> list[Any]:  # noqa: N803 (reportlab's name)
    """``paragraph._getFragWords`` of a paragraph's words (a paragraph split off another): when every word is a
    plain word (a ``list`` or an ``_HSFrag``, nothing injected, split or hyphenated) whose width is a number
    (no percentage to rescale), that is a new list of the same words, checked and made in C; else reportlab's."""
    if _PLAIN_WORDS.issuperset(map(type, frags)) and _NUMBERS.issuperset(map(type, map(_first, frags))):
        return list(frags)
    return rl._getFragWords(frags, maxWidth)  # type: ignore[no-any-return]


def get_frag_words(frags: list[Any], maxWidth: float | None = None,  # noqa: N803 (reportlab's name)
                   blocks: dict[int, Block] | None = None) -> list[Any]:
    """``paragraph._getFragWords`` for fragments not yet split into words: a list of words, each
    ``[width, (frag, text), ...]``, a word followed by a space an ``_HSFrag``. Given ``blocks``, it
    maps the index of each word that is part of a ``Block`` to its block."""
    stringWidth = rl.stringWidth  # noqa: N806
    known_in = accel.widths_in if stringWidth is accel.string_width else None  # its memo, read here: no call a word
    R: list[Any] = []  # noqa: N806
    aR = R.append  # noqa: N806
    W: list[Any] = []  # noqa: N806
    hangingSpace = False  # noqa: N806
    n: float = 0
    hangingStrip = True  # noqa: N806
    shyIndices = False  # noqa: N806
    for f in frags:
        text = f.text
        if text != "":
            f._fkind = _FK_TEXT
            if hangingStrip:
                text = rl.lstrip(text)
                if not text:
                    continue
                hangingStrip = False  # noqa: N806
            S = _wsc_re_split(text) if "\xa0" in text else text.split()  # noqa: N806 (reportlab's ``split`` of a str, without its copy)
            if text[0] in _WHITESPACE or not S:
                if W:
                    W.insert(0, n)
                    aR(_SHYWord(W) if shyIndices else W)
                    whs = hangingSpace
                    W = []  # noqa: N806
                    shyIndices = False  # noqa: N806
                    hangingSpace = False  # noqa: N806
                    n = 0
                else:
                    whs = bool(R) and isinstance(R[-1], _HSFrag)
                if not whs:
                    S.insert(0, "")
                elif not S:
                    continue

            fontName, fontSize = f.fontName, f.fontSize  # noqa: N806
            body = S[:-1]
            at = known_in(fontName, fontSize) if known_in is not None else _NOTHING
            known = at.get
            if blocks is not None and len(body) > 1 and known_in is not None and _SHY not in text and all(body):
                if W:  # the first word ends the word the fragments before began: word by word, as below
                    first, body = body[:1], body[1:]
                else:
                    first = []
                for w in first:
                    W.append((f, w))
                    n += stringWidth(w, f.fontName, f.fontSize)
                    W.insert(0, n)
                    aR(_SHYWordHS(W) if shyIndices or isinstance(W, _SHYWord) else _HSFrag(W))
                    W = []  # noqa: N806
                    shyIndices = False  # noqa: N806
                    n = 0
                # The usual words, each [its width, (frag, text)] with a space after it, made at once, and
                # kept as a block (``Block``) that ``break_lines`` can place on a line at once.
                widths: list[Any]
                try:
                    widths = list(map(at.__getitem__, body))
                except KeyError:  # a word not measured yet: measured now (and remembered)
                    widths = list(map(known, body))
                    for i, width in enumerate(widths):
                        if width is None:
                            widths[i] = stringWidth(body[i], fontName, fontSize)
                start = len(R)
                R.extend(map(_HSFrag, zip(widths, zip(repeat(f), body), strict=True)))
                block = (start, len(R), f, widths, body, min(widths) > 0)
                blocks.update(zip(range(start, len(R)), repeat(block)))
                body = []
            for w in body:
                if not W and _SHY not in w:  # the usual word: [its width, (frag, text)], a space after it
                    width = known(w)
                    aR(_HSFrag([0 + (stringWidth(w, fontName, fontSize) if width is None else width), (f, w)]))
                    continue
                if _SHY in w:
                    w = _SHYIndexedStr(w)
                    shyIndices = True  # noqa: N806
                W.append((f, w))
                n += stringWidth(w, f.fontName, f.fontSize)
                W.insert(0, n)
                aR(_SHYWordHS(W) if shyIndices or isinstance(W, _SHYWord) else _HSFrag(W))
                W = []  # noqa: N806
                shyIndices = False  # noqa: N806
                n = 0

            hangingSpace = False  # noqa: N806
            w = S[-1]
            if _SHY in w:
                w = _SHYIndexedStr(w)
                shyIndices = True  # noqa: N806
            W.append((f, w))
            n += stringWidth(w, f.fontName, f.fontSize)
            if text and text[-1] in _WHITESPACE:
                W.insert(0, n)
                aR(_SHYWord(W) if shyIndices or isinstance(W, _SHYWord) else _HSFrag(W))
                W = []  # noqa: N806
                shyIndices = False  # noqa: N806
                n = 0
        elif hasattr(f, "cbDefn"):
            cb = f.cbDefn
            w = getattr(cb, "width", 0)
            if w:
                if hasattr(w, "normalizedValue"):
                    w._normalizer = maxWidth
                    w = w.normalizedValue(maxWidth)
                if W:
                    W.insert(0, n)
                    aR(_HSFrag(W) if hangingSpace else W)
                    W = []  # noqa: N806
                    shyIndices = False  # noqa: N806
                    hangingSpace = False  # noqa: N806
                    n = 0
                f._fkind = rl._FK_IMG
                aR([w, (f, "")])
                hangingStrip = False  # noqa: N806
            else:
                f._fkind = rl._FK_APPEND
                if not W and R and isinstance(R[-1], _HSFrag):
                    R[-1].append((f, ""))
                else:
                    W.append((f, ""))
        elif hasattr(f, "lineBreak"):
            if W:
                W.insert(0, n)
                aR(W)
                W = []  # noqa: N806
                n = 0
                shyIndices = False  # noqa: N806
                hangingSpace = False  # noqa: N806
            f._fkind = _FK_BREAK
            aR([0, (f, "")])
            hangingStrip = True  # noqa: N806

    if W:
        W.insert(0, n)
        aR(_SHYWord(W) if shyIndices or isinstance(W, _SHYWord) else W)
    if not R:
        if frags:
            f = frags[0]
            f._fkind = _FK_TEXT
            R = [[0, (f, "")]]  # noqa: N806
    return R
