"""A text's font runs (``FontBook.runs``) are those of a walk over every character, whatever shortcut gives them."""

from __future__ import annotations

import random

from briefgen.model import printable_text
from briefgen.renderers.pdf import fonts
from briefgen.renderers.pdf.fonts import FontBook


def walked(book: FontBook, text: str, family: str) -> list[tuple[str, str]]:
    """The runs as the per-character walk makes them, the text cleaned as the model's cleaner does."""
    text = printable_text(text).translate(str.maketrans("\t\n\r", "   "))
    runs: list[tuple[str, str]] = []
    current, chunk = family, ""
    for char in text:
        name = current if fonts._neutral(char) else book.font_for(char, family)
        if name != current and chunk:
            runs.append((current, chunk))
            chunk = ""
        current, chunk = name, chunk + char
    if chunk:
        runs.append((current, chunk))
    return runs


def test_runs_are_the_walks() -> None:
    book = FontBook()
    rng = random.Random(11)
    alphabet = [chr(c) for c in range(0x00, 0x80)] + ["\xa0", "é", "\u2019", "\u2014", "名", "\u200b", "\x85", "\U0001f600"]
    texts = ["", " ", "plain ASCII words.", "tab\there", "line\nbreak\r", "\x07bell", "R&D <x>", "café", "名字"]
    texts += ["".join(rng.choices(alphabet[0x20:0x7F], k=rng.randint(0, 30))) for _ in range(300)]
    texts += ["".join(rng.choices(alphabet, k=rng.randint(0, 30))) for _ in range(700)]
    for family in {book.family("serif"), book.family("sans")}:
        for text in texts:
            assert list(book.runs(text, family)) == walked(book, text, family), repr(text)
    assert fonts.clean("a\tb") == "a b" and fonts.clean("ok") == "ok"
