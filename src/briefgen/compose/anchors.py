"""Heading anchors: a unique ``sec-<slug>`` for each heading of a brief, handed out as Markdown is parsed."""

from __future__ import annotations

import re


class Anchors:
    """Hands out unique heading anchors: ``sec-<slug>``."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def new(self, text: str) -> str:
        base = "sec-" + (re.sub(r"[^\w]+", "-", text.lower(), flags=re.ASCII).strip("-")[:40] or "x")
        anchor, n = base, 2
        while anchor in self.used:
            anchor, n = f"{base}-{n}", n + 1
        self.used.add(anchor)
        return anchor
