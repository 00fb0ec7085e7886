"""The command line: thin typer commands over the pipeline.

Each command turns a BriefgenError into one message and its exit code
(2 for a user error); anything else is an internal error (exit 1).
Heavy libraries are imported inside commands so that ``--help`` starts fast.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import typer

from briefgen import __version__, cli_build, cli_corpus
from briefgen.cli_common import ProjectOpt, missing_step, run

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Build cited policy briefs (DOCX and PDF) from sources, a structured summary and YAML specs.")

@app.command()
def build(
    specs: list[Path] | None = typer.Argument(None, help="Spec files, or folders of them; default: every briefs/*.yaml."),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Output folder."),
    format: list[str] | None = typer.Option(None, "--format", "-f", help="docx or pdf; repeat for both. Default: the spec's formats."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Build in this many parallel processes."),
    strict: bool = typer.Option(False, "--strict", help="Fail on any warning (pages over max_pages, an empty section, an unprinted or stale claim); nothing is written."),
    project: Path = ProjectOpt,
) -> None:
    """Build DOCX and PDF briefs into the output folder."""
    run(lambda: cli_build.build(specs, out, format, jobs, strict, project))


@app.command()
def check(
    specs: list[Path] | None = typer.Argument(None, help="Spec files, or folders of them; default: every briefs/*.yaml."),
    strict: bool = typer.Option(False, "--strict", help="Fail on warnings too (exit 2)."),
    explain: bool = typer.Option(False, "--explain", help="Also show the notes: words taken for a paraphrase, not confirmed."),
    project: Path = ProjectOpt,
) -> None:
    """Verify every quote against its source, every sentence against its quotes, and validate the specs."""
    def action() -> int:
        from briefgen import console, pipeline
        from briefgen.errors import PartialFailure, UserError, promoted
        from briefgen.inputs.sources import load_sources
        proj = pipeline.Project(project)
        missing = missing_step(project, "themes")
        if missing:
            if proj.sources_dir.is_dir():
                load_sources(proj.sources_dir)  # broken metadata is an error at any stage
            print(f"nothing to check yet: {missing}")
            return 0
        no_specs = not specs and bool(missing_step(project, "specs"))
        notes: list = []
        problems = pipeline.check(proj, specs or ([] if no_specs else None), notes)
        for note in notes if explain else ():
            console.error(f"note: {note} [{note.code}]")
        warnings = [p for p in problems if p.severity == "warning"]
        if strict:
            problems = promoted(problems)
        elif warnings:
            for warning in warnings:
                console.error(f"warning: {warning} [{warning.code}]")
            problems = [p for p in problems if p.severity != "warning"]
        if problems and pipeline.only_unreadable(problems):
            raise PartialFailure(problems)
        if problems:
            raise UserError(problems)
        if no_specs:
            print(f"ok: every quote is in its source; {missing_step(project, 'specs')}")
            return 0
        print("ok: every quote is verbatim in its source, and every spec is valid"
              + (f" ({len(warnings)} warning(s))" if warnings else "")
              + (f" ({len(notes)} note(s): paraphrases not confirmed by the quotes; --explain shows them)" if notes and not explain else ""))
        return 0
    run(action)


themes_app = typer.Typer(help="List the themes, or suggest new ones from the corpus.", invoke_without_command=True)
app.add_typer(themes_app, name="themes")


@themes_app.callback()
def themes(ctx: typer.Context, project: Path = ProjectOpt) -> None:
    """List the themes with their claim, multi-source claim and source counts."""
    if ctx.invoked_subcommand is not None:
        return

    def action() -> int:
        from briefgen import console, pipeline
        missing = missing_step(project, "themes")
        if missing:
            print(missing)
            return 0
        corpus = pipeline.load_corpus(pipeline.Project(project))
        rows = []
        for theme in corpus.summary.themes:
            cited = {e.source for c in theme.claims for e in c.evidence}
            corroborated = sum(1 for c in theme.claims if len({e.source for e in c.evidence}) > 1)
            rows.append([theme.id, theme.title, str(len(theme.claims)), str(corroborated), str(len(cited))])
        console.table("Themes", ["id", "title", "claims", "multi-source", "sources"], rows)
        return 0
    run(action)


@themes_app.command("suggest")
def themes_suggest(count: int = typer.Option(10, "--count", "-n", min=1, help="How many candidates."),
                   project: Path = ProjectOpt) -> None:
    """Propose candidate themes: key phrases of the corpus, with the sources they come from."""
    def action() -> int:
        from briefgen import console, pipeline
        from briefgen.drafting import summarize
        missing = missing_step(project, "sources")
        if missing:
            print(missing)
            return 0
        found = summarize.suggest_themes(pipeline.Project(project), count)
        console.table("Candidate themes", ["phrase", "kind", "documents", "sources", "score", "example"],
                      [[s.phrase + (f" ({', '.join(s.also)})" if s.also else ""), s.kind, str(s.documents),
                        ", ".join(s.sources), f"{s.score:.2f}", s.example] for s in found])
        return 0
    run(action)


@app.command("summarize")
def summarize_command(
    out: Path | None = typer.Option(None, "--out", "-o", help="Write the draft here instead of into summary/."),
    per_theme: int = typer.Option(8, "--per-theme", min=1, help="At most this many drafted claims per theme."),
    project: Path = ProjectOpt,
) -> None:
    """Draft the structured summary from the sources, keeping the analyst's curated claims."""
    def action() -> int:
        from briefgen import console, pipeline
        from briefgen.errors import PartialFailure
        from briefgen.inputs import paths
        if out is not None:
            paths.refuse_input_as_output(project, out, allow=("summary",))
        missing = missing_step(project, "sources")
        if missing:
            print(missing)
            return 0
        report = pipeline.summarize(pipeline.Project(project), out, per_theme)
        console.info(report.line())
        console.info(report.what_changed.render())
        if report.problems:
            raise PartialFailure(report.problems)
        return 0
    run(action)


@app.command()
def new(
    name: str = typer.Argument(..., help="The spec's name: briefs/NAME.yaml."),
    theme: list[str] | None = typer.Option(None, "--theme", "-t", help="A theme id to cover; repeat for more."),
    title: str = typer.Option("", "--title", help="The brief's title; default: from the name."),
    author: str = typer.Option("", "--author", help="You or your unit: shown in the title block and the page header."),
    project: Path = ProjectOpt,
) -> None:
    """Write a valid, commented spec that builds from what the summary holds (default: every theme with claims)."""
    def action() -> int:
        from briefgen import pipeline
        from briefgen.compose import compose
        from briefgen.errors import UserError, did_you_mean
        from briefgen.inputs import scaffold, spec
        missing = missing_step(project, "themes")
        if missing:
            print(f"no spec written: {missing}")
            return 0
        proj = pipeline.Project(project)
        corpus = pipeline.load_corpus(proj)
        known = [t.id for t in corpus.summary.themes]
        for theme_id in theme or []:
            if theme_id not in known:
                raise UserError(f"--theme: expected a theme id, found {theme_id!r} ({did_you_mean(theme_id, known) or 'see `briefgen themes`'})")
        path = proj.briefs_dir / f"{spec.safe_name(name)}.yaml"
        if path.exists():
            raise UserError(f"{path}: expected a new spec name, found an existing file (choose another name or edit it)")
        text = scaffold.new_spec(title or name.replace("-", " ").capitalize(), list(theme or []), corpus.summary,
                                 compose.source_date() or datetime.date.today().isoformat(), author)
        pipeline.write_atomic(path, text.encode("utf-8"))
        spec.load_spec(path, corpus.summary, corpus.sources)
        print(f"wrote {path}")
        return 0
    run(action)


@app.command()
def schema(out: Path = typer.Option(Path("schemas"), "--out", "-o", help="Folder for the JSON Schemas.")) -> None:
    """Write JSON Schemas for specs, the summary, sources and house styles (for editor validation and completion)."""
    def action() -> int:
        from briefgen import pipeline
        from briefgen.inputs import scaffold
        for name, text in scaffold.json_schemas().items():
            pipeline.write_atomic(out / name, text.encode("utf-8"))
            print(f"wrote {out / name}")
        return 0
    run(action)


@app.command()
def watch(
    specs: list[Path] | None = typer.Argument(None, help="Spec files, or folders of them; default: every briefs/*.yaml."),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Output folder."),
    project: Path = ProjectOpt,
) -> None:
    """Rebuild whenever a spec, the summary, a source or a template changes (Ctrl-C to stop)."""
    def action() -> int:
        from briefgen import batch, console, pipeline
        from briefgen.errors import display
        from briefgen.watch import affected
        from briefgen.watch import watch as watch_loop
        proj = pipeline.Project(project)

        def rebuild(changed: list[Path]) -> None:
            if changed:
                console.info("changed: " + ", ".join(display(p) for p in changed))
            try:
                paths = proj.specs(specs)
            except Exception as exc:  # a missing spec is reported, and watching goes on
                console.error(str(exc))
                return
            paths = affected(proj, paths, changed)
            outcomes = batch.build_many(proj, paths, out, None, False, 1, lambda o: console.info(cli_build.report(o)))
            console.info(batch.summary_line(outcomes))

        rebuild([])
        console.info("watching for changes (Ctrl-C to stop)")
        watch_loop(proj, rebuild)
        return 0
    run(action)


def version_callback(value: bool) -> None:
    if value:
        print(f"briefgen {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(version: bool = typer.Option(False, "--version", callback=version_callback, is_eager=True, help="Show the version.")) -> None:
    """Build cited policy briefs (DOCX and PDF) from sources, a structured summary and YAML specs."""


def main() -> None:
    """Entry point of the ``briefgen`` console script."""
    app(prog_name="briefgen")


app.add_typer(cli_corpus.sources_app, name="sources")
app.command()(cli_corpus.init)
app.command()(cli_corpus.diff)

if __name__ == "__main__":
    main()
