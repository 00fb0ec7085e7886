"""The strict YAML reader's block scalar scanner: a line at a time, as PyYAML's own scans them (a part of ``yamlio``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    _Base = yaml.SafeLoader
else:
    _Base = object


class LineScanner(_Base):
    """A mixin for a ``yaml.SafeLoader``: ``|`` and ``>`` texts scanned a line at a time."""

    def scan_block_scalar(self, style: str) -> Any:
        """PyYAML 6.0's ``Scanner.scan_block_scalar`` (MIT licence), except that each line's text is
        found by one search and passed in one step (``_line``), where PyYAML peeks and steps once per
        character: a spec's ``|`` texts were half of reading it. Same token, same marks."""
        if self.raw_buffer is not None:  # read from a stream in pieces (never here): PyYAML's own
            return super().scan_block_scalar(style)
        folded = style == ">"
        chunks: list[str] = []
        start_mark = self.get_mark()
        self.forward()  # the header
        chomping, increment = self.scan_block_scalar_indicators(start_mark)
        self.scan_block_scalar_ignored_line(start_mark)
        min_indent = self.indent + 1  # the indentation, and the first non-empty line
        if min_indent < 1:
            min_indent = 1
        if increment is None:
            breaks, max_indent, end_mark = self.scan_block_scalar_indentation()
            indent = max(min_indent, max_indent)
        else:
            indent = min_indent + increment - 1
            breaks, end_mark = self.scan_block_scalar_breaks(indent)
        line_break = ""
        while self.column == indent and self.peek() != "\0":  # the inner part
            chunks.extend(breaks)
            leading_non_space = self.peek() not in " \t"
            chunks.append(self._line())
            line_break = self.scan_line_break()
            breaks, end_mark = self.scan_block_scalar_breaks(indent)
            if self.column == indent and self.peek() != "\0":
                if folded and line_break == "\n" and leading_non_space and self.peek() not in " \t":
                    if not breaks:
                        chunks.append(" ")
                else:
                    chunks.append(line_break)
            else:
                break
        if chomping is not False:  # the tail
            chunks.append(line_break)
        if chomping is True:
            chunks.extend(breaks)
        return yaml.tokens.ScalarToken("".join(chunks), False, start_mark, end_mark, style)

    def _line(self) -> str:
        """Return the text from here to the next line break or the end, and move past it: PyYAML's
        ``while self.peek(n) not in "\\0\\r\\n…": n += 1``, ``self.prefix(n)``, ``self.forward(n)``. No
        character of it breaks a line, so the column moves by each one but a BOM, as ``forward`` moves it."""
        start: int = self.pointer
        found = _LINE_END.search(self.buffer, start)
        end = found.start() if found is not None else len(self.buffer)
        text: str = self.buffer[start:end]
        self.pointer = end
        self.index += end - start
        self.column += len(text) - text.count("\ufeff")
        return text


_LINE_END = re.compile("[\0\r\n\x85\u2028\u2029]")
"""What ends a line of a block scalar (PyYAML's test; the buffer of a text ends with "\\0")."""
