"""The command line, continued: the corpus's commands (init, sources, sources add, diff).

``cli`` registers them on its app; like every command, each is a thin shell over a function.
"""

from __future__ import annotations

from pathlib import Path

import typer

from briefgen.cli_common import ProjectOpt, missing_step, run

sources_app = typer.Typer(help="List the sources, or add documents to the corpus.", invoke_without_command=True)


@sources_app.callback()
def sources(ctx: typer.Context, project: Path = ProjectOpt) -> None:
    """List the sources with their metadata."""
    if ctx.invoked_subcommand is not None:
        return

    def action() -> int:
        from briefgen import console, pipeline
        from briefgen.inputs.sources import Source, load_sources
        from briefgen.inputs.summary import load_summary
        missing = missing_step(project, "sources")
        if missing:
            print(missing)
            return 0
        proj = pipeline.Project(project)
        found = load_sources(proj.sources_dir)
        claims = list(load_summary(proj.summary_dir, found).claims.values()) if not missing_step(project, "themes") else []
        def shown(source: Source, key: str, value: str) -> str:  # a supplied (inferred) field in square brackets
            return f"[{value}]" if value and key in (source.csl.get("supplied") or []) else value

        rows = [[s.id, shown(s, "type", s.csl.get("type", "")), shown(s, "title", s.title),
                 shown(s, "container-title", str(s.csl.get("container-title") or s.csl.get("publisher") or "")),
                 shown(s, "issued", s.issued) or "n.d.",
                 str(sum(1 for c in claims if any(found.aliases.get(e.source, e.source) == s.id for e in c.evidence)))]
                for s in found.values()]
        console.table("Sources", ["id", "type", "title", "outlet", "issued", "claims"], rows)
        for alias, key in sorted(found.aliases.items()):
            print(f"{key}: cite as [@{key}] (Zotero id {alias} still works)")
        if not claims:
            print(missing_step(project, "themes") or "no claims yet: run `briefgen summarize`")
        return 0
    run(action)


def init(directory: Path = typer.Argument(Path("."), help="The project folder to create (default: here).")) -> None:
    """Start a project: sources/, summary/, briefs/ and a short README, ready for `briefgen sources add`."""
    def action() -> int:
        from briefgen import skeleton as stages
        from briefgen.errors import display
        written, kept = stages.init(directory)
        for path in written:
            print(f"wrote {display(path)}")
        for path in kept:
            print(f"kept {display(path)} (already there)")
        where = "" if directory.resolve() == Path.cwd().resolve() else f"cd {display(directory)} && "
        print(f"next: {where}briefgen sources add FILE…")
        return 0
    run(action)


@sources_app.command("add")
def sources_add(files: list[Path] = typer.Argument(..., help="Documents (txt, md, html, pdf, docx) or CSL-JSON/YAML metadata files."),
                project: Path = ProjectOpt) -> None:
    """Copy documents into sources/ and draft their metadata from what each file states."""
    def action() -> int:
        from briefgen import addsources, pipeline
        from briefgen.errors import PartialFailure, UserError
        missing = [f for f in files if not f.is_file()]
        if missing:
            raise UserError("; ".join(f"{f}: expected a file to add, found none" for f in missing))
        done = addsources.add(pipeline.Project(project), files)
        for line in done.lines:
            print(line)
        if done.lines:
            print("next: check sources/sources.yaml (fields under `supplied:` were inferred), then `briefgen themes suggest`")
        if done.problems:
            raise (PartialFailure if done.lines else UserError)(done.problems)
        return 0
    run(action)


def diff(per_theme: int = typer.Option(8, "--per-theme", min=1, help="As for summarize."),
         project: Path = ProjectOpt) -> None:
    """Show what `briefgen summarize` would change (claims, evidence, stale claims, sources); write nothing."""
    def action() -> int:
        from briefgen import pipeline
        from briefgen.drafting import summarize
        missing = missing_step(project, "sources")
        if missing:
            print(missing)
            return 0
        report = summarize.summarize(pipeline.Project(project), None, per_theme)  # writes nothing
        print(report.what_changed.render("what summarize would change"))
        for problem in report.problems:
            print(f"could not read: {problem}")
        return 0
    run(action)
