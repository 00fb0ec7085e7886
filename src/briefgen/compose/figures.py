"""Figure data: a source × theme coverage matrix and a timeline of dated claims.

Renderers draw these natively; each Figure carries its data as a Table so that
a format that cannot draw the chart shows the numbers instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from briefgen.compose import labels
from briefgen.errors import UserError
from briefgen.inputs.sources import Source
from briefgen.inputs.summary import Summary
from briefgen.model import FIGURE_KINDS, Figure, Table, Text

if TYPE_CHECKING:
    from briefgen.inputs.schemas import Claim


class Selected(Protocol):
    """What a figure reads of a claim a section shows (``compose.Selected`` has it); declared here so compose can import figures."""

    @property
    def claim(self) -> Claim: ...

    @property
    def source_ids(self) -> tuple[str, ...]: ...


MIN_DATES = 3
"""A timeline needs at least this many distinct dates; fewer say nothing a sentence cannot."""


def figure(kind: str, claims: tuple[Selected, ...], summary: Summary, sources: dict[str, Source],
           words: dict[str, Any], themes: tuple[str, ...] = ()) -> Figure | None:
    """Return the Figure of ``kind`` over the claims the brief shows, captioned in the brief's language.

    A timeline shows the claims' event dates (a claim's ``date``) when there are at least
    MIN_DATES distinct ones, else the cited sources' publication dates, and says which;
    with fewer distinct dates than that there is no timeline (None).
    """
    if kind == "coverage":
        cited = tuple(dict.fromkeys(k for s in claims for k in s.source_ids))
        return Figure(kind, str(words["coverage"]), coverage(claims, summary, sources, words, themes), sources=cited)
    if kind == "timeline":
        events = timeline(claims, words)
        if len({r[0] for r in events.rows}) >= MIN_DATES:
            return Figure(kind, str(words["timeline_events"]), events)
        published = publications(claims, sources, words)
        if len({r[0] for r in published.rows}) >= MIN_DATES:
            return Figure(kind, str(words["timeline_published"]), published)
        return None
    raise UserError(f"figures: expected one of {', '.join(FIGURE_KINDS)}, found {kind!r}")


def coverage(claims: tuple[Selected, ...], summary: Summary, sources: dict[str, Source],
             words: dict[str, Any], selected: tuple[str, ...] = ()) -> Table:
    """Return a table: one row per cited source, one column per theme, cells = claims supported.

    Every ``selected`` theme has its column, even when none of its claims is printed (its
    cells are 0), so the figure never drops a theme silently."""
    theme_of = {c.id: t for t in summary.themes for c in t.claims}
    themes = list(dict.fromkeys(list(selected) + [theme_of[s.claim.id].id for s in claims]))
    cited = list(dict.fromkeys(k for s in claims for k in s.source_ids))
    counts = {(k, t): 0 for k in cited for t in themes}
    for chosen in claims:
        for key in chosen.source_ids:
            counts[(key, theme_of[chosen.claim.id].id)] += 1
    header = ((Text(str(words["source"])),),) + tuple((Text(summary.theme(t).title),) for t in themes)
    rows = tuple(((Text(sources[k].short),),) + tuple((Text(str(counts[(k, t)])),) for t in themes) for k in cited)
    return Table(header, rows, widths=(2,) + (1,) * len(themes))


def timeline(claims: tuple[Selected, ...], words: dict[str, Any]) -> Table:
    """Return a table of (date, claim) rows for the claims that carry a date, oldest first."""
    rows = sorted((c.claim.date, c.claim.text) for c in claims if c.claim.date)
    return Table(((Text(str(words["date"])),), (Text(str(words["event"])),)),
                 tuple(((Text(labels.written(d, words)),), (Text(t),)) for d, t in rows), widths=(1, 5))


def publications(claims: tuple[Selected, ...], sources: dict[str, Source], words: dict[str, Any]) -> Table:
    """Return a table of (date, source) rows: when each cited source was published, oldest first."""
    cited = dict.fromkeys(k for s in claims for k in s.source_ids)
    rows = sorted((sources[k].issued, sources[k].title) for k in cited if sources[k].issued)
    return Table(((Text(str(words["date"])),), (Text(str(words["published"])),)),
                 tuple(((Text(labels.written(d, words)),), (Text(t),)) for d, t in rows), widths=(1, 5))
