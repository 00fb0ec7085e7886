"""What `briefgen new` selects, so that a new spec builds to a brief with content.

One section per theme (``scaffold`` writes it, with every key's documentation). A theme whose printable claims are all drafts gets
``drafts: true`` and a comment saying so; a theme with nothing printable yet is
still listed (the analyst asked for it) with a comment, and `build` warns about it.
Without ``--theme``, the themes that have printable claims are chosen, most
curated claims first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen.inputs.summary import Summary, staleness

if TYPE_CHECKING:
    from briefgen.inputs.schemas import Theme

MAX_THEMES = 5


def _counts(theme: Theme) -> tuple[int, int]:
    """(curated, draft) claims of the theme that can print."""
    live = [c for c in theme.claims if c.status in ("curated", "draft") and staleness(c) != "stale"]
    return sum(c.status == "curated" for c in live), sum(c.status == "draft" for c in live)


def default_themes(summary: Summary) -> list[str]:
    """Return the themes a spec without ``--theme`` covers: those with printable claims, most curated first."""
    scored = [(_counts(t), i, t.id) for i, t in enumerate(summary.themes)]
    ranked = sorted((s for s in scored if sum(s[0]) > 0), key=lambda s: (-s[0][0], -s[0][1], s[1]))
    return [ident for _, _, ident in ranked[:MAX_THEMES]]


def drafts(theme_id: str, summary: Summary) -> tuple[bool, str]:
    """Return whether a section over the theme needs ``drafts: true``, and a note saying why (or '')."""
    curated, drafted = _counts(summary.theme(theme_id))
    if not curated and drafted:
        return True, (f"this theme has only drafted claims so far ({drafted}): they print until you curate them "
                      "(status: curated); then drafts: true can go")
    if curated and drafted:
        return False, f"drafts: true would also print this theme's {drafted} drafted claim(s)"
    if not curated:
        return False, "no printable claims yet: run `briefgen summarize`, or add claims to this theme"
    return False, ""
