"""Paragraph markup read into reportlab's fragments without ``html.parser``'s tokenizer.

reportlab reads a Paragraph's markup with ``ParaParser``, an ``html.parser.HTMLParser``:
first ``cleanBlockQuotedText`` folds the whitespace, then HTMLParser's Python-level scanner
finds the tags, entities and text, and calls ParaParser's handlers, which make the fragments.
The markup the renderer writes has a narrow form (escaped text, ``<tag name="value">``
with double-quoted attributes, ``&amp;``, ``&lt;`` and ``&gt;``), so ``parse`` finds the same
tokens with one regular expression and calls the same handlers of a ``ParaParser``
in the same order with the same arguments; the fragments are reportlab's own making.

It answers None, and reportlab parses as it always did, for anything else: another reportlab
version, markup not in that form (another entity, a quote or ``&`` in an attribute, a comment,
a tag outside those the renderer writes), and any markup a handler finds fault with (so every
error message is reportlab's). Whitespace is folded by reportlab's own cleaner unless the markup
has none to fold (only single spaces between other characters, which the cleaner keeps as they
are). tests/test_pdf_parsing.py compares the fragments of every paragraph of the example briefs
and of odd markup with reportlab's.
"""

from __future__ import annotations

import re
from html import unescape
from typing import Any

from reportlab.lib import colors as _colors
from reportlab.platypus import paragraph as _paragraph
from reportlab.platypus import paraparser as _paraparser

from briefgen.renderers.pdf import lines

rl_parser: Any = _paraparser
rl_colors: Any = _colors
rl_paragraph: Any = _paragraph
ACTIVE = lines.ACTIVE  # the same reportlab version (ParaParser's handlers too)
TAGS = frozenset({"a", "b", "i", "u", "strike", "font", "super", "sup", "sub", "ondraw", "bullet", "br", "span"})
"""Tags read here; any other leaves the markup to reportlab (``para``, ``img``, ``seq``, ``script`` ...)."""
_TOKEN = re.compile(
    r'<([a-zA-Z][a-zA-Z0-9]*)((?: [a-zA-Z][a-zA-Z0-9]*="[^"<>&]*")*)(/?)>'  # 1-3: a start tag, its attributes, "/"
    r"|</([a-zA-Z][a-zA-Z0-9]*)>"  # 4: an end tag
    r"|&(amp|lt|gt);"  # 5: an entity
    r"|([^<&>]+)")  # 6: text
_ATTRIBUTE = re.compile(r' ([a-zA-Z][a-zA-Z0-9]*)="([^"]*)"')
_SPACES = re.compile("[\t-\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000]")
"""Every character but the space that ``cleanBlockQuotedText`` strips or splits at (``str.isspace``, and
reportlab's ``_wsc``, which adds U+200B; tests/test_pdf_parsing.py checks every code point)."""


_copy = rl_parser.copy.copy
_ParaFrag = rl_parser.ParaFrag
_tt2ps = rl_parser.tt2ps
_greekConvert = rl_parser._greekConvert  # noqa: N816 (reportlab's name)
_applyAttributes = rl_parser._applyAttributes  # noqa: N816
_ExValidate = rl_parser._ExValidate
_toColor = rl_parser.toColor  # noqa: N816 (reportlab's name)
_HexColor = rl_colors.HexColor  # noqa: N816
_HEX = re.compile("#[0-9A-Fa-f]{6}")


def _copied(frag: Any) -> Any:
    """``copy.copy(frag)``: for a ``ParaFrag`` (an attribute bag: ``copy`` makes a new instance and gives it the
    attributes, in order), the same made directly; anything else through ``copy``."""
    if type(frag) is not _ParaFrag:
        return _copy(frag)
    made = object.__new__(_ParaFrag)
    made.__dict__.update(frag.__dict__)
    return made


class ParaParser(rl_parser.ParaParser):
    """reportlab's ``ParaParser``, each fragment copied without ``copy.copy``'s generic steps (``_copied``): its
    ``handle_data`` and ``_push`` are reportlab 5.1.0's otherwise (``lines.VERSIONS``); and its reset asks its own
    attributes for a bullet's fragments, not ``hasattr`` (which goes through ``ParaParser.__getattr__``)."""

    def handle_data(self, data: Any) -> None:
        frag = _copied(self._stack[-1])
        if hasattr(frag, "cbDefn"):
            kind = frag.cbDefn.kind
            if data:
                self._syntax_error("Only empty <%s> tag allowed" % kind)  # noqa: UP031 (reportlab's message)
        elif hasattr(frag, "_selfClosingTag"):
            if data != "":
                self._syntax_error("No content allowed in %s tag" % frag._selfClosingTag)  # noqa: UP031
            return
        else:
            if frag.greek:
                frag.fontName = "symbol"
                data = _greekConvert(data)
        frag.fontName = _tt2ps(frag.fontName, frag.bold, frag.italic)
        frag.text = data
        if hasattr(frag, "isBullet"):
            delattr(frag, "isBullet")
            self.bFragList.append(frag)
        else:
            self.fragList.append(frag)

    def _push(self, tag: str, **attr: Any) -> None:
        frag = _copied(self._stack[-1])
        frag.__tag__ = tag
        _applyAttributes(frag, attr)
        self._stack.append(frag)

    def getAttributes(self, attr: Any, attrMap: Any) -> dict[str, Any]:  # noqa: N802, N803 (reportlab's names)
        """reportlab's, with a colour written ``#RRGGBB`` made by ``HexColor`` directly: ``toColor`` makes it so
        too, but only after trying it as a CSS function, a colour name, a ``Blacker(...)`` expression and a Python
        literal (``ast.literal_eval``, which compiles it: most of a link's parsing)."""
        A = {}  # noqa: N806
        for k, v in attr.items():
            if not self.caseSensitive:
                k = k.lower()
            if k in attrMap:
                j = attrMap[k]
                func = j[1]
                if func is not None:
                    if func is _toColor and type(v) is str and _HEX.fullmatch(v) and v not in _toColor.extraColorsNS:
                        v = _HexColor(v)
                    else:
                        v = func(self, v) if isinstance(func, _ExValidate) else func(v)
                A[j[0]] = v
            else:
                self._syntax_error("invalid attribute name %s attrMap=%r" % (k, list(sorted(attrMap.keys()))))  # noqa: UP031
        return A

    def _iReset(self) -> None:  # noqa: N802 (reportlab's name)
        self.fragList: list[Any] = []
        if "bFragList" in self.__dict__:
            del self.bFragList


def parse(text: str, style: Any, case_sensitive: int) -> tuple[str, Any, list[Any], list[Any] | None] | None:
    """``cleanBlockQuotedText`` then ``ParaParser.parse`` of ``text``: (the cleaned text, the style,
    the fragments, the bullet's fragments or None); None if this markup is left to reportlab."""
    if not ACTIVE or not isinstance(text, str):
        return None
    if _SPACES.search(text) is not None or "  " in text or text.startswith(" ") or text.endswith(" "):
        text = rl_paragraph.cleanBlockQuotedText(text)  # else it would give the text as it is
    if text.startswith("<") and rl_parser._re_para.match(text):
        return None
    parser = ParaParser()
    parser.caseSensitive = case_sensitive
    parser._setup_for_parse(style)
    try:
        parser.handle_starttag("para", [])
        end = len(text)
        at = 0
        match = _TOKEN.match
        while at < end:
            found = match(text, at)
            if found is None:
                return None
            data = found[6]
            if data is not None:
                parser.handle_data(data)
            elif found[5] is not None:
                parser.handle_entityref(found[5])
            elif found[4] is not None:
                tag = found[4].lower()
                if tag not in TAGS:
                    return None
                parser.handle_endtag(tag)
            else:
                tag = found[1].lower()
                if tag not in TAGS:
                    return None
                attributes = [(name.lower(), unescape(value) if value else value)
                              for name, value in _ATTRIBUTE.findall(found[2])]
                if found[3]:
                    parser.handle_startendtag(tag, attributes)
                else:
                    parser.handle_starttag(tag, attributes)
            at = found.end()
        parser.handle_endtag("para")
    except Exception:  # reportlab's parse raises it again, with its message
        return None
    if parser.errors:
        return None
    style, frags, bullet = parser._complete_parse()
    if frags is None:
        return None
    return text, style, frags, bullet
