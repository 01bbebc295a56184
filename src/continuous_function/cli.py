"""The `cfn` command: check, new, build, serve, claims, review.

Content problems print as `path:line:col: CODE message` and exit 1; only programming errors
print a traceback.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from continuous_function.validate.diagnostics import Diagnostic, Severity, summary, to_json

app = typer.Typer(
    help="Continuous Function: build, check and serve an interactive ML-math notebook.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

CurriculumArg = Annotated[
    Path, typer.Argument(help="The curriculum folder (holds curriculum.yaml).")
]


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


def _failed(diags: list[Diagnostic], strict: bool) -> bool:
    return any(d.severity is Severity.error or strict for d in diags)


@app.command()
def check(
    path: CurriculumArg = Path("curriculum"),
    strict: Annotated[bool, typer.Option(help="Fail on warnings too.")] = False,
    fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.text,
) -> None:
    """Check every file of the curriculum and report every problem with file:line:col."""
    from continuous_function.validate.pipeline import check_tree

    diags = check_tree(path)
    _print(diags, fmt)
    raise typer.Exit(1 if _failed(diags, strict) else 0)


@app.command()
def new(
    target: Annotated[str, typer.Argument(help="<domain>/<concept>, e.g. calculus/taylor-series")],
    root: Annotated[Path, typer.Option(help="The curriculum folder.")] = Path("curriculum"),
) -> None:
    """Scaffold a draft concept folder whose placeholders pass `cfn check`."""
    from continuous_function.scaffold import ScaffoldError, new_concept

    try:
        written = new_concept(root, target)
    except ScaffoldError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    for p in written:
        typer.echo(f"created {p}")


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


def main() -> None:
    app()
