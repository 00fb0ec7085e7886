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

from reportlab.platypus import paragraph as _paragraph
from reportlab.platypus import paraparser as _paraparser

from briefgen.renderers.pdf import lines

rl_parser: Any = _paraparser
rl_paragraph: Any = _paragraph
ACTIVE = lines.ACTIVE  # the same reportlab version
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


def parse(text: str, style: Any, case_sensitive: int) -> tuple[str, Any, list[Any], list[Any] | None] | None:
    """``cleanBlockQuotedText`` then ``ParaParser.parse`` of ``text``: (the cleaned text, the style,
    the fragments, the bullet's fragments or None); None if this markup is left to reportlab."""
    if not ACTIVE or not isinstance(text, str):
        return None
    if _SPACES.search(text) is not None or "  " in text or text.startswith(" ") or text.endswith(" "):
        text = rl_paragraph.cleanBlockQuotedText(text)  # else it would give the text as it is
    if text.startswith("<") and rl_parser._re_para.match(text):
        return None
    parser = rl_parser.ParaParser()
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
