"""The `cfn` command: check, new, build, serve, claims, review.

Content problems print as `path:line:col: CODE message` and exit 1; so does every other
`CfnError` (a bad argument, a missing tool), in one place: `_CfnGroup`. Only programming errors
print a traceback. Every command that reads a curriculum takes it as the same optional
positional argument, defaulting to `curriculum`.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from typer._click.core import Context
from typer.core import TyperGroup

from continuous_function.diagnostics import (
    CfnError,
    ContentError,
    Diagnostic,
    Severity,
    summary,
    to_json,
)


class _CfnGroup(TyperGroup):
    """Turns a `CfnError` from any command into its message on stderr and exit status 1."""

    def invoke(self, ctx: Context) -> object:
        try:
            return super().invoke(ctx)
        except CfnError as exc:
            for line in exc.lines():
                typer.echo(line, err=not isinstance(exc, ContentError))
            raise typer.Exit(1) from None


app = typer.Typer(
    cls=_CfnGroup,
    help="Continuous Function: build, check and serve an interactive ML-math notebook.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

CurriculumArg = Annotated[
    Path, typer.Argument(help="The curriculum folder (holds curriculum.yaml).")
]
CURRICULUM = Path("curriculum")


class Format(StrEnum):
    text = "text"
    json = "json"


def _print(diags: list[Diagnostic], fmt: Format) -> None:
    if fmt is Format.json:
        typer.echo(to_json(diags))
        return
    color = sys.stdout.isatty()
    for d in diags:
        line = d.format()
        if color:
            tint = "red" if d.severity is Severity.error else "yellow"
            line = line.replace(
                f" {d.code} ", " " + typer.style(d.code, fg=tint, bold=True) + " ", 1
            )
        typer.echo(line)
    typer.echo(summary(diags))


DeepOption = Annotated[
    bool,
    typer.Option(help="Also mutation-test every check: report each one that cannot fail (W004)."),
]


def _failed(diags: list[Diagnostic], strict: bool) -> bool:
    return any(d.severity is Severity.error or strict for d in diags)


@app.command()
def check(
    path: CurriculumArg = CURRICULUM,
    strict: Annotated[bool, typer.Option(help="Fail on warnings too.")] = False,
    fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.text,
    deep: DeepOption = False,
) -> None:
    """Check every file of the curriculum and report every problem with file:line:col."""
    from continuous_function.build import build as run_build

    result = run_build(path, None, deep=deep)
    diags = result.diagnostics
    if deep and fmt is Format.text:
        from continuous_function.mutation.stage import result_lines

        for line in result_lines(path, result.mutations):
            typer.echo(line)
    _print(diags, fmt)
    raise typer.Exit(1 if _failed(diags, strict) else 0)


OutOption = Annotated[Path, typer.Option("--out", help="Where to write the site.")]


@app.command()
def build(
    path: CurriculumArg = CURRICULUM,
    out: OutOption = Path("site"),
    strict: Annotated[bool, typer.Option(help="Fail on warnings too.")] = False,
    base_url: Annotated[str, typer.Option(help="Absolute URL the site is served at.")] = (
        "http://127.0.0.1:8000/"
    ),
    deep: DeepOption = False,
) -> None:
    """Build the static site (atomically: a failed build leaves the old site untouched)."""
    from rich.console import Console

    from continuous_function.build import build as run_build

    console = Console(stderr=True)
    with console.status("building…") as status:
        result = run_build(
            path,
            out,
            strict=strict,
            base_url=base_url,
            progress=lambda stage: status.update(f"building: {stage}"),
            deep=deep,
        )
    if result.diagnostics:
        _print(result.diagnostics, Format.text)
    if not result.written:
        typer.echo(f"build failed; {out} was left as it was", err=True)
        raise typer.Exit(1)
    typer.echo(
        f"wrote {out}: {len(result.rendered)} concept page(s), "
        f"{result.witnesses_run} witness(es) run"
    )


@app.command()
def serve(
    path: CurriculumArg = CURRICULUM,
    out: OutOption = Path("site"),
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(help="Also answer requests for this host name (loopback names always)."),
    ] = None,
) -> None:
    """Build, serve on http://127.0.0.1:8000, and update open pages on every save (a page is
    rendered from memory when the browser asks for it, the rest of the site in the background)."""
    import uvicorn
    from rich.console import Console

    from continuous_function.build import BuildOptions
    from continuous_function.cache import BuildCache
    from continuous_function.server.app import LOOPBACK_HOSTS, Hub, create_app
    from continuous_function.server.live import LiveSite
    from continuous_function.server.watch import FileWatcher, watch_and_rebuild

    console = Console(stderr=True)

    def log(message: str) -> None:
        console.print(message, markup=False, highlight=False)

    base = f"http://{host}:{port}/"
    # The watch starts before the first build, so a save made while it runs is not lost.
    with FileWatcher(path) as files, BuildCache() as cache:  # one cache (and KaTeX engine)
        site = LiveSite(path, out, cache, BuildOptions(dev=True, base_url=base))
        with console.status("building…"):
            _, problems = site.build()
        for d in problems:
            if d.severity is Severity.error:
                log(d.format())
        if site.current is None:
            typer.echo("the curriculum could not be built; fix the errors above", err=True)
            raise typer.Exit(1)
        hub = Hub()

        async def watcher() -> None:
            await watch_and_rebuild(files.changes(), site, hub, log)

        console.print(f"serving [bold]{base}[/] — watching {path} (Ctrl+C to stop)")
        hosts = [*LOOPBACK_HOSTS, *(allow_host or [])]
        app_ = create_app(out, hub, allowed_hosts=hosts, pages=site.page, on_startup=[watcher])
        uvicorn.run(app_, host=host, port=port, log_level="warning")


@app.command()
def new(
    target: Annotated[str, typer.Argument(help="<domain>/<concept>, e.g. calculus/taylor-series")],
    path: CurriculumArg = CURRICULUM,
) -> None:
    """Scaffold a draft concept folder whose placeholders pass `cfn check`."""
    from continuous_function.scaffold import new_concept

    for p in new_concept(path, target):
        typer.echo(f"created {p}")


class QueueFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


@app.command()
def claims(
    path: CurriculumArg = CURRICULUM,
    fmt: Annotated[QueueFormat, typer.Option("--format", help="Output format.")] = (
        QueueFormat.table
    ),
    deep: Annotated[
        bool,
        typer.Option(help="Mutation-test the checks: flag those that cannot fail, score each."),
    ] = True,
) -> None:
    """List the claims that need work (unreviewed, stale, unsupported, failing, unproven), urgent
    first, and each concept's mutation score."""
    import json

    from rich.console import Console
    from rich.table import Table

    from continuous_function.cache import default_witness_dir
    from continuous_function.execute import execute
    from continuous_function.model.loader import load_atlas
    from continuous_function.mutation import deep_check
    from continuous_function.queue import (
        as_dicts,
        as_markdown,
        claim_queue,
        mutation_scores,
        scores_as_dicts,
        scores_as_markdown,
    )

    atlas, diags = load_atlas(path)
    if atlas is None:
        raise ContentError(diags)
    cache = default_witness_dir()
    witnesses, _ = execute(atlas, cache)
    mutations = deep_check(atlas, witnesses, cache)[0] if deep else {}
    items = claim_queue(atlas, witnesses, mutations)
    scores = mutation_scores(atlas, mutations)
    if fmt is QueueFormat.json:
        payload = {"claims": as_dicts(items), "mutation_scores": scores_as_dicts(scores)}
        typer.echo(json.dumps(payload, indent=2))
    elif fmt is QueueFormat.markdown:
        typer.echo(as_markdown(items) + (scores_as_markdown(scores) if deep else ""), nl=False)
    else:
        table = Table(title=f"{len(items)} claim(s) need work")
        for column in ("concept", "claim", "page", "importance", "review", "needs"):
            table.add_column(column)
        for i in items:
            table.add_row(i.concept, i.claim, i.status, i.importance, i.review, ", ".join(i.issues))
        console = Console()
        console.print(table)
        if deep:
            board = Table(title="mutation score per concept (killed / mutants that ran to the end)")
            for column in ("concept", "page", "score", "killed", "ran", "mutants", "cannot fail"):
                board.add_column(column)
            for s in scores:
                numbers = (str(s.killed), str(s.ran), str(s.mutants))
                board.add_row(s.concept, s.status, s.score, *numbers, ", ".join(s.cannot_fail))
            console.print(board)


@app.command()
def review(
    target: Annotated[str, typer.Argument(help="<concept>#<claim-id>, e.g. derivatives#secant")],
    state: Annotated[str, typer.Option(help="source-note-reviewed or substantive-reviewed.")],
    reviewer: Annotated[str, typer.Option(help="Who checked the claim against the source.")],
    summary: Annotated[str, typer.Option(help="What exactly was checked, and how.")],
    path: CurriculumArg = CURRICULUM,
) -> None:
    """Record a review you actually did: it is dated today and fingerprints the claim."""
    from continuous_function.model.loader import load_atlas
    from continuous_function.model.schema import ReviewState
    from continuous_function.review import ReviewError, record_review

    try:
        review_state = ReviewState(state)
    except ValueError:
        raise ReviewError(
            f"--state must be one of {', '.join(s.value for s in ReviewState)}"
        ) from None
    atlas, diags = load_atlas(path)
    if atlas is None or any(d.severity is Severity.error for d in diags):
        raise ContentError(diags)
    written = record_review(atlas, target, review_state, reviewer, summary)
    typer.echo(
        f"recorded {written['state']} review of {target} by {written['reviewer']} on "
        f"{written['date']} (fingerprint {written['fingerprint']})"
    )


@app.command()
def rules(
    write: Annotated[Path | None, typer.Option(help="Write the Markdown reference here.")] = None,
) -> None:
    """List every check code with its meaning (the source of docs/rules.md)."""
    from continuous_function.validate.docs import rules_markdown

    text = rules_markdown()
    if write is None:
        typer.echo(text, nl=False)
    else:
        write.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {write}")


@app.command()
def schema(
    write: Annotated[Path | None, typer.Option(help="Update the reference in this file.")] = None,
) -> None:
    """Print the content reference generated from the schema (the end of docs/content.md)."""
    from continuous_function.model.docs import schema_markdown, splice

    text = schema_markdown()
    if write is None:
        typer.echo(text, nl=False)
    else:
        write.write_text(splice(write.read_text(encoding="utf-8"), text), encoding="utf-8")
        typer.echo(f"updated {write}")


def main() -> None:
    app()
