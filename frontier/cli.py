"""The `frontier` command line: a thin layer over the library; errors are one line, exit 2."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


class UserError(Exception):
    """Bad input from the user: printed as one line, exit code 2."""


def one_line_errors(command: F) -> F:
    """Turn user errors (and ValueErrors from the library) into one line on stderr, exit 2."""

    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (UserError, ValueError, FileNotFoundError) as err:
            click.echo(f"Error: {err}", err=True)
            sys.exit(2)

    return run  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="hh-frontier")
def main() -> None:
    """hh-frontier: measure the helpful-vs-harmless trade-off of a model's configurations.

    Score a model with `inspect eval evals/<domain>.py`; the frontier commands
    (search, plot, verdict, report) read the logs those runs write.
    """


def _read_table(path: Path) -> Any:
    import pandas as pd

    if not path.is_file():
        raise UserError(f"{path} not found")
    if path.suffix == ".jsonl":
        return pd.read_json(path, lines=True, dtype=False)
    if path.suffix == ".csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    raise UserError(f"{path}: give a .csv or .jsonl file")


@main.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@click.option("--prompt-col", default="prompt", show_default=True, help="Column with the request.")
@click.option(
    "--response-col", default="response", show_default=True, help="Column with the answer."
)
@click.option(
    "--domain",
    type=click.Choice(["generic", "code", "medical", "creative"]),
    default="generic",
    show_default=True,
    help="Graders to apply; code with HumanEval columns (entry_point, test) runs the tests.",
)
@click.option(
    "--intent",
    type=click.Choice(["benign", "borderline", "harmful"]),
    default="benign",
    show_default=True,
    help="Intent of every row (refusing benign or borderline rows is over-refusal).",
)
@click.option("--intent-col", default=None, help="Column giving each row's intent instead.")
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Output .csv or .jsonl.")
@one_line_errors
def rescore(
    input_path: Path,
    prompt_col: str,
    response_col: str,
    domain: str,
    intent: str,
    intent_col: str | None,
    out: Path | None,
) -> None:
    """Score transcripts (CSV or JSONL) with the hh objectives and write them back out."""
    from rich.console import Console
    from rich.progress import Progress

    from objectives.rescore import rescore_frame, summary

    frame = _read_table(input_path)
    out = out or input_path.with_name(f"{input_path.stem}.scored.csv")
    if out.suffix not in (".csv", ".jsonl"):
        raise UserError(f"--out must end in .csv or .jsonl: {out}")
    console = Console(stderr=True)
    # A bar only on a terminal: in pipes and logs it would leave stray lines.
    with Progress(transient=True, console=console, disable=not console.is_terminal) as bar:
        task = bar.add_task("scoring", total=len(frame))
        result = rescore_frame(
            frame,
            prompt_col=prompt_col,
            response_col=response_col,
            domain=domain,
            intent=intent,
            intent_col=intent_col,
            progress=lambda n: bar.advance(task, n),
        )
    for line in result.skipped:
        click.echo(f"skipped {line}", err=True)
    if out.suffix == ".jsonl":
        result.frame.to_json(out, orient="records", lines=True, force_ascii=False)
    else:
        result.frame.to_csv(out, index=False)
    click.echo(summary(result.frame))
    if result.skipped:
        click.echo(f"rows skipped: {len(result.skipped)}")
    click.echo(f"wrote {out}")


if __name__ == "__main__":
    main()
