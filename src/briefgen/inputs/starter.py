"""What `briefgen new` selects, so that a new spec builds to a brief with content.

One section per theme. A theme whose printable claims are all drafts gets
``drafts: true`` and a comment saying so; a theme with nothing printable yet is
still listed (the analyst asked for it) with a comment, and `build` warns about it.
Without ``--theme``, the themes that have printable claims are chosen, most
curated claims first. The key documentation around it is ``scaffold``'s.
"""

from __future__ import annotations

from briefgen.inputs.schemas import Theme
from briefgen.inputs.summary import Summary, staleness

MAX_THEMES = 5
LIMIT = 4


def _counts(theme: Theme) -> tuple[int, int]:
    """(curated, draft) claims of the theme that can print."""
    live = [c for c in theme.claims if c.status in ("curated", "draft") and staleness(c) != "stale"]
    return sum(c.status == "curated" for c in live), sum(c.status == "draft" for c in live)


def default_themes(summary: Summary) -> list[str]:
    """Return the themes a spec without ``--theme`` covers: those with printable claims, most curated first."""
    scored = [(_counts(t), i, t.id) for i, t in enumerate(summary.themes)]
    ranked = sorted((s for s in scored if sum(s[0]) > 0), key=lambda s: (-s[0][0], -s[0][1], s[1]))
    return [ident for _, _, ident in ranked[:MAX_THEMES]]


def sections(theme_ids: list[str], summary: Summary) -> str:
    """Return the YAML of the ``sections:`` items for ``theme_ids`` (indented by two spaces)."""
    out = []
    for theme_id in theme_ids:
        theme = summary.theme(theme_id)
        curated, drafts = _counts(theme)
        lines = [f'  - heading: "{_quote(theme.title)}"', f"    themes: [{theme_id}]",
                 f"    limit: {LIMIT}            # at most this many claims: curated first, then drafts"]
        if not curated and drafts:
            lines.append(f"    drafts: true        # this theme has only drafted claims so far ({drafts}): they print"
                         " until you curate them (status: curated), then remove this line")
        elif curated and drafts:
            lines.append(f"    # drafts: true      # also print its {drafts} drafted claim(s)")
        elif not curated:
            lines.append("    # no printable claims yet: run `briefgen summarize`, or add claims to this theme")
        lines.append("    # text: |           # your own Markdown before the claims; cite with [@source-id]")
        out.append("\n".join(lines) + "\n")
    return "".join(out)


def _quote(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')
