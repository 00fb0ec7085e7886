"""The support check of a one-spec build: its findings, and the forked process that checks beside composing.

A cold build (``pipeline.build_one`` with a renderer process ahead) checks the corpus and then the brief's
sentences in a forked process (``forked``) while this one loads the composing libraries and composes;
the answer is the same as checking here, one step after the other, problems and their order included.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from typing import TYPE_CHECKING

from briefgen import forked
from briefgen.errors import Problem, UserError
from briefgen.forked import Forked
from briefgen.support import stage as support

if TYPE_CHECKING:
    from briefgen.inputs import spec
    from briefgen.inputs.sources import Source
    from briefgen.inputs.summary import Summary
    from briefgen.model import Document
    from briefgen.renderers import Ahead, Rendered
    from briefgen.support.claims import CorpusReport
    from briefgen.support.freetext import Traced

    Composer = Callable[[CorpusReport, Callable[[], tuple[Traced, ...]] | None], Document]
    """Composes the brief's document with the corpus check's report, asking for the checked sentences when its annex does."""

__all__ = ["findings", "beside", "composing"]


def findings(brief: spec.Brief, summary: Summary, sources: dict[str, Source], checked: CorpusReport,
             report: support.BriefReport | None = None) -> list[Problem]:
    """Return the support check's warnings about what ``brief`` prints; raise UserError on any error."""
    errors, warnings = support.split(support.build_problems(brief, summary, sources, checked, report))
    if errors:
        raise UserError(errors + warnings)
    return warnings


def beside(brief: spec.Brief, summary: Summary, sources: dict[str, Source], ahead: Ahead, names: list[str],
           document: Composer) -> tuple[CorpusReport, list[Problem], list[Rendered]]:
    """Check the corpus and then the brief's sentences in a forked process while the composing libraries load
    here; compose here (``document``) once the corpus check is back, while ``ahead`` renders.

    The same as ``check_corpus``, ``findings``, ``document`` and rendering one after the other, problems
    included: a failed corpus check is raised first, a failed sentence check before any compose or render error.
    The annex, which shows the checked sentences, waits for them.
    """
    first, line = os.pipe()

    def checks() -> support.BriefReport:
        os.close(first)
        found = forked.outcome(lambda: support.check_corpus(summary, sources))
        forked.write_all(line, pickle.dumps(found, pickle.HIGHEST_PROTOCOL))  # composing needs it now (closes the line)
        return support.check_brief(brief, summary, sources, forked.unwrap(found))

    side = Forked.start(checks)
    os.close(line)
    if side is None:
        os.close(first)
        checked = support.check_corpus(summary, sources)
        warnings = findings(brief, summary, sources, checked)
        return checked, warnings, ahead.render(document(checked, None), names)
    try:
        composing()  # Jinja and markdown-it load here while the corpus is checked there
        found = forked.loads(forked.read_all(first))  # (closes it)
        checked = forked.unwrap(found) if found is not None else support.check_corpus(summary, sources)
        side.work = lambda: support.check_brief(brief, summary, sources, checked)  # here, if it died unanswered
        try:
            ahead.send(document(checked, lambda: tuple(side.result().traced)), names)
            report = side.result()  # the formats render meanwhile
        except Exception:
            findings(brief, summary, sources, checked, side.result())  # its problems come first, as in-process
            raise
    finally:
        side.cancel()  # only when interrupted or failed: else its answer is in
    return checked, findings(brief, summary, sources, checked, report), ahead.results()


def composing() -> None:
    """Load the composing modules (``compose`` loads Jinja and markdown-it); ``pipeline.document`` imports them when first needed."""
    from briefgen.compose import compose, transforms  # noqa: F401
