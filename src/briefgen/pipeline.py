"""The pipeline: sources → summary → spec → model → renderers → files.

With ``outputs`` (which it re-exports), the only module that writes files. Every file is
rendered in memory first and then written atomically (a temporary file, then a rename), so a
failed build leaves the previous outputs intact and a reader never sees a torn file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen import checking, renderers
from briefgen.compose import meta as brief_meta
from briefgen.compose import selection
from briefgen.errors import Problem, UserError, display, promoted
from briefgen.inputs import housestyle, paths, spec, summary
from briefgen.inputs.project import Project
from briefgen.inputs.sources import UNREADABLE, Source, load_sources
from briefgen.model import Document, Meta, Style
from briefgen.outputs import write_all, write_atomic
from briefgen.renderers import Rendered
from briefgen.support import stage as support
from briefgen.support.claims import CorpusReport
from briefgen.support.freetext import Traced

if TYPE_CHECKING:
    from briefgen.drafting.summarize import Report

__all__ = ["Project", "Corpus", "Built", "load_corpus", "check", "document", "summarize", "build_one", "output_stem", "write_atomic",
           "write_all"]


@dataclass(frozen=True)
class Corpus:
    """The loaded sources and summary."""

    sources: dict[str, Source]
    summary: summary.Summary


def load_corpus(project: Project) -> Corpus:
    """Load and cross-check the sources and the summary."""
    sources = load_sources(project.sources_dir)
    return Corpus(sources, summary.load_summary(project.summary_dir, sources))


def check(project: Project, spec_paths: list[Path] | None = None, notes: list[Problem] | None = None) -> list[Problem]:
    """Return every problem with the summary's quotes and the given (or all; ``[]``: no) specs; ``notes``, when
    given, receives the notes (severity "note": never among the problems)."""
    from briefgen.compose import conventions
    corpus = load_corpus(project)
    problems = summary.verify(corpus.summary, corpus.sources)
    problems += [p for s in corpus.sources.values() for p in s.unreadable if p not in problems]
    checked = support.check_corpus(corpus.summary, corpus.sources)
    problems += checked.all_problems()
    for path in project.specs(spec_paths) if spec_paths is None or spec_paths else []:
        try:
            confined(project, path)
            brief = spec.load_spec(path, corpus.summary, corpus.sources)
            report = support.check_brief(brief, corpus.summary, corpus.sources, checked)
            problems += report.problems
            if notes is not None:
                notes += report.notes
            model = document(project, corpus, brief, checked)
            problems += selection.warnings(brief, corpus.summary, corpus.sources, frozenset(checked.padding))
            problems += conventions.lint(brief, project.templates_dir, model)  # bottom line, key points, verbs, options, pages
        except UserError as exc:
            problems += exc.problems
    if notes is not None:
        notes[:] = list(dict.fromkeys(checked.all_notes() + notes))
    return list(dict.fromkeys(problems))  # a claim shown by several briefs is reported once


def confined(project: Project, spec_path: Path) -> None:
    """Raise UserError for a spec that is a symlink leading out of the project (it is never read)."""
    if spec_path.is_symlink() and not paths.inside(spec_path, [project.root]):
        raise UserError([Problem(display(spec_path), 0, 0, "", "expected a spec inside the project, found a symlink that leads outside it")])


def document(project: Project, corpus: Corpus, brief: spec.Brief, checked: CorpusReport | None = None,
             traced: Callable[[], tuple[Traced, ...]] | None = None) -> Document:
    """Return the finished document model of ``brief``; padding quotes (support check) are left out.

    ``traced`` gives the brief's checked sentences (the annex's) when the annex asks, else the check runs here.
    """
    style = _style(project, brief)
    checked = checked or support.check_corpus(corpus.summary, corpus.sources)
    shown: tuple[Traced, ...] | Callable[[], tuple[Traced, ...]] = traced or tuple(
        support.check_brief(brief, corpus.summary, corpus.sources, checked).traced)
    from briefgen.compose import compose, transforms  # loading Jinja and markdown-it: see ``checking.beside``
    brief = support.resolve_claim_citations(brief, corpus.summary, checked)
    draft = compose.compose(brief, corpus.summary, corpus.sources, project.templates_dir, style, frozenset(checked.padding), shown,
                            checked.unconfirmed)
    _readable(brief, transforms.cited_keys(draft.blocks), corpus.sources)
    citing = brief.spec.citations
    return transforms.finish(draft, corpus.sources, citing.style, citing.placement)


def _readable(brief: spec.Brief, cited: list[str], sources: dict[str, Source]) -> None:
    """Raise UserError when the brief cites a source whose document cannot be read; other sources never matter."""
    bad = [k for k in cited if k in sources and sources[k].unreadable]
    if bad:
        raise UserError([brief.problem(spec.citing(brief, k), f"expected readable documents for every cited source, found {k!r} unreadable",
                                       "fix or replace its file, or stop citing it") for k in bad]
                        + [p for k in bad for p in sources[k].unreadable])


def only_unreadable(problems: list[Problem]) -> bool:
    """True when every error in ``problems`` is an unreadable document (the rest was processed: exit 3)."""
    errors = [p for p in problems if p.severity == "error"]
    return bool(errors) and all(p.code == UNREADABLE for p in errors)


def summarize(project: Project, out: Path | None = None, per_theme: int = 8) -> Report:
    """Run `briefgen summarize`: draft, merge with the curated summary, and write the changed files atomically."""
    from briefgen.drafting import summarize as summarize_stage  # only here: build and check never load drafting

    report = summarize_stage.summarize(project, out, per_theme)
    for path, data in report.files.items():
        write_atomic(path, data)
        if path.suffix != ".lock":
            report.paths.append(path)
    return report


@dataclass
class Built:
    """What one spec's build wrote, and what it had to say."""

    spec: Path
    files: list[Path] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    """Warnings (severity "warning", with a code); ``--strict`` fails on any."""
    pages: dict[str, int] = field(default_factory=dict)


def build_one(project: Project, corpus: Corpus, spec_path: Path, out_dir: Path,
              formats: list[str] | None = None, strict: bool = False, ahead: renderers.Ahead | None = None) -> Built:
    """Build one spec into ``out_dir``; nothing is written unless every format rendered.

    ``ahead`` (``renderers.start_ahead``), when given, renders the formats side by side in the
    process that loaded the renderers while this one read the inputs, and the brief's sentences
    are checked beside it (``checking.beside``). The caller closes it (a no-op once its results are in),
    so a build that fails first ends it too.
    """
    if ahead is None:
        composed = compose_one(project, corpus, spec_path, formats)
        return finish(corpus, composed, out_dir, composed.rendered(), strict)
    confined(project, spec_path)
    brief = spec.load_spec(spec_path, corpus.summary, corpus.sources)
    rendered_formats = formats or brief.spec.formats
    if in_process(brief, rendered_formats):
        ahead.close()  # LibreOffice's conversions run in this process, which owns it
        return build_one(project, corpus, spec_path, out_dir, formats, strict)
    _hint(project, brief, ahead)
    checked, warnings, results = checking.beside(brief, corpus.summary, corpus.sources, ahead, list(rendered_formats),
                                                 lambda found, traced: document(project, corpus, brief, found, traced))
    return finish(corpus, Composed(spec_path, brief, list(rendered_formats), list(warnings), checked, None), out_dir, results, strict)


@dataclass
class Composed:
    """A spec loaded, checked and composed (``compose_one``): what is left is rendering it and ``finish``."""

    spec_path: Path
    brief: spec.Brief
    names: list[str]
    """The formats to render, in order."""
    warnings: list[Problem]
    """The support check's warnings."""
    checked: CorpusReport
    model: Document | None
    """None where another process composed it (``checking.beside``)."""

    def rendered(self) -> list[Rendered]:
        """The model rendered here in each format, in order (the first error raised)."""
        assert self.model is not None
        return [renderers.get(name).render(self.model) for name in self.names]


def in_process(brief: spec.Brief, names: Sequence[str]) -> bool:
    """True when LibreOffice takes part in the brief's formats (it lives in the build's own process, which renders them)."""
    return "pdfua" in names or ("docx" in names and bool(brief.spec.toc)) or counts_pages(brief, names)


def counts_pages(brief: spec.Brief, names: Sequence[str]) -> bool:
    """True when the build counts the DOCX's pages as LibreOffice lays it out (a page budget)."""
    return "docx" in names and bool(brief.spec.max_pages)


def compose_one(project: Project, corpus: Corpus, spec_path: Path, formats: list[str] | None = None,
                hint: Callable[[Style, Meta], None] | None = None,
                office: Callable[[], None] | None = None) -> Composed:
    """Load, check and compose one spec (``build_one`` up to rendering); LibreOffice starts if it will be needed.

    ``hint`` is told the brief's house style and metadata first, so a renderer elsewhere can prepare;
    ``office`` starts LibreOffice where the brief will be rendered (default ``renderers.start_office``: here).
    """
    confined(project, spec_path)
    brief = spec.load_spec(spec_path, corpus.summary, corpus.sources)
    rendered_formats = formats or brief.spec.formats
    if hint is not None:
        _hint(project, brief, hint)
    if in_process(brief, rendered_formats):
        (office or renderers.start_office)()  # LibreOffice will count pages or lay out the contents: it starts while we compose
    checked = support.check_corpus(corpus.summary, corpus.sources)
    warnings = checking.findings(brief, corpus.summary, corpus.sources, checked)
    model = document(project, corpus, brief, checked)
    return Composed(spec_path, brief, list(rendered_formats), warnings, checked, model)


def finish(corpus: Corpus, composed: Composed, out_dir: Path, results: list[Rendered], strict: bool,
           counted: Callable[[], int | None] | None = None) -> Built:
    """Write the rendered formats of ``composed`` (all or none) and return what was built and said.

    ``counted`` gives the DOCX's page count where the process that rendered it counted it (``counts_pages``).
    """
    brief, spec_path = composed.brief, composed.spec_path
    built = Built(spec_path, warnings=list(composed.warnings))  # support's findings: --strict fails on them
    built.warnings += selection.warnings(brief, corpus.summary, corpus.sources, frozenset(composed.checked.padding))  # empty sections, unprinted or stale claims
    outputs: dict[Path, bytes] = {}
    for name, rendered in zip(composed.names, results, strict=True):
        for found in rendered.warnings:  # pdfua repeats the DOCX's warnings: keep each once
            found = replace(found, file=found.file or display(spec_path))
            if found not in built.warnings:
                built.warnings.append(found)
        if rendered.pages is not None:
            built.pages[name] = rendered.pages
        outputs[out_dir / (output_stem(brief) + renderers.SUFFIXES[name])] = rendered.data
    if counts_pages(brief, composed.names):
        pages = counted() if counted is not None else renderers.pages("docx", outputs[out_dir / (output_stem(brief) + ".docx")])
        if pages is not None:
            built.pages["docx (as LibreOffice lays it out)"] = pages
    _budget(brief, built)
    if strict and built.warnings:
        raise UserError(promoted(built.warnings))
    write_all(outputs)
    built.files += list(outputs)
    return built


def _hint(project: Project, brief: spec.Brief, ahead: renderers.Ahead | Callable[[Style, Meta], None]) -> None:
    """Tell ``ahead`` (or call it with) the brief's house style and metadata, so it prepares its styled base while we check and compose.

    Any problem here is left for ``document`` to raise, in its usual order.
    """
    try:
        style = brief_meta.furniture(_style(project, brief), brief)  # as the document will carry it (its header text)
        look = brief_meta.meta_of(brief, project.templates_dir)
    except Exception:  # noqa: BLE001 - raised again, in order, where the model is made
        return
    (ahead if callable(ahead) else ahead.hint)(style, look)


def _style(project: Project, brief: spec.Brief) -> Style:
    return housestyle.load_style(brief.spec.style, project.templates_dir, brief.spec.page_size,
                                 lambda message, hint: brief.problem(("style",), message, hint))


def output_stem(brief: spec.Brief) -> str:
    """Return the output file name without suffix, with the marking when the spec asks."""
    if brief.spec.marking_in_filename and brief.spec.marking:
        return brief.name + "." + spec.safe_name(brief.spec.marking.lower().replace(":", "-"))
    return brief.name


def _budget(brief: spec.Brief, built: Built) -> None:
    limit = brief.spec.max_pages
    over = {f: n for f, n in built.pages.items() if limit and n > limit}
    if not over:
        return
    text = ", ".join(f"{f} has {n} pages" for f, n in over.items())
    problem = brief.problem(("max_pages",), f"expected at most {limit} pages, found {text}", "shorten the brief, or raise max_pages")
    built.warnings.append(replace(problem, severity="warning", code="build.max-pages"))
