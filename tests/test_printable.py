"""``model.printable_text`` skips its pattern for text with nothing it removes (``str.isprintable``):
the same result as the pattern alone, for every code point."""

from __future__ import annotations

import sys

from briefgen import model


def test_no_character_the_pattern_removes_is_printable() -> None:
    removed = [chr(c) for c in range(sys.maxunicode + 1) if model._UNPRINTABLE.match(chr(c))]
    assert len(removed) == 29 + 1 + 2048 + 2  # the C0 controls but tab, LF and CR; DEL; surrogates; U+FFFE, U+FFFF
    assert not any(ch.isprintable() for ch in removed)  # so a printable text holds none of them


def test_printable_text_is_the_pattern_for_every_code_point() -> None:
    for start in range(0, sys.maxunicode + 1, 4096):
        chunk = "".join(chr(c) for c in range(start, min(start + 4096, sys.maxunicode + 1)))
        for text in (chunk, "plain “text” — kept", "tab\there", "a\x00b\x7fc\ud800d\uffff"):
            assert model.printable_text(text) == model._UNPRINTABLE.sub("", text)
    assert model.printable_text("a\x00b\tc\x1f") == "ab\tc"
