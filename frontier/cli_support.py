"""What the `frontier` commands share, so each stays a thin layer.

The user-error type, checks of what the user gave, the statistics options, and loading runs
and calibration with one-line errors.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

# The search's own verdict corrects for the judge with the calibration shipped with it.
SHIPPED_CALIBRATION = {"calibration_files": (), "shipped_calibration": True}


class UserError(click.ClickException):
    """Bad input from the user: click prints `Error: <message>` on stderr, exit code 2."""

    exit_code = 2


def analyses_of(runs_dir: Path, stats: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
    """The runs and their analyses, with `stats_options`' options.

    Each analysis holds the calibration that corrected it (that of the scores' judge).
    """
    from frontier.analysis.pareto import analyse_all

    check_draws(stats["draws"])
    calibration = calibration_of(stats)
    runs = load_runs_or_fail(runs_dir)
    found = analyse_all(runs.frame, stats["draws"], stats["seed"], stats["delta"], calibration)
    return runs, found


def calibration_of(stats: dict[str, Any]) -> Any:
    """The judges' calibration sets by judge, or a one-line error naming the file, row and fix."""
    from frontier.analysis.calibration import CalibrationError, load

    try:
        return load(stats["calibration_files"], stats["shipped_calibration"])
    except CalibrationError as err:
        raise UserError(f"--calibration {err}") from err


def load_runs_or_fail(runs_dir: Path) -> Any:
    """The runs under a directory, or a one-line error saying what to fix."""
    from frontier.analysis.runs import load_runs

    if not runs_dir.is_dir():
        raise UserError(
            f"runs directory {runs_dir} does not exist; "
            "run `inspect eval` or `frontier search` first"
        )
    runs = load_runs(runs_dir)
    if runs.logs_read == 0:
        raise UserError(f"no Inspect logs (.eval or .json) under {runs_dir}")
    if runs.frame.empty:
        raise UserError(
            f"no helpful/harmless scores in the logs under {runs_dir} ({runs.summary()})"
        )
    return runs


def check_writable(out: Path) -> None:
    """Fail before any work when the output's folder cannot be made or written to."""
    import os

    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise UserError(f"cannot write {out}: {err.strerror} ({err.filename})") from err
    if not os.access(out.parent, os.W_OK) or out.is_dir():
        why = "it is a folder" if out.is_dir() else f"{out.parent} is not writable"
        raise UserError(f"cannot write {out}: {why}")


def check_draws(draws: int) -> None:
    """Fail with one line on a bootstrap that could not draw."""
    if draws < 1:
        raise UserError("--draws must be at least 1")


def stats_options(command: F) -> F:
    """The options every analysing command takes: runs, calibration and the bootstrap."""
    command = click.option(
        "--delta", default=0.02, show_default=True, help="Margin for 'no worse than'."
    )(command)
    command = click.option("--seed", default=0, show_default=True, help="Bootstrap seed.")(command)
    command = click.option("--draws", default=1000, show_default=True, help="Bootstrap resamples.")(
        command
    )
    command = click.option(
        "--shipped-calibration/--no-shipped-calibration",
        default=True,
        show_default=True,
        help="Estimate the refusal classifier's errors from its held-out predictions on the "
        "human labels it ships with; --no-shipped-calibration uses only --calibration files.",
    )(command)
    command = click.option(
        "--calibration",
        "calibration_files",
        multiple=True,
        type=click.Path(path_type=Path),
        help="Labelled answers (CSV/JSONL: prompt, response, intent, label) that add to the "
        "shipped calibration of the judge (repeatable). Optional columns: judged (the judge's "
        "own label, used as given) and judge (the grader model that gave it, as scores "
        "name it; empty or none: the shipped classifier, which judges rows without judged).",
    )(command)
    runs_option = click.option(
        "--runs",
        "runs_dir",
        type=click.Path(path_type=Path),
        default=Path("runs"),
        show_default=True,
    )
    return runs_option(command)


def check_task_file(path: str) -> None:
    """Fail with one line on a task path that does not name a task file.

    Only the loader's own checks are the user's mistake; whatever the task file itself raises
    while it runs is left with its traceback.
    """
    from frontier.search.evaluate import TaskFileError, task_factory

    if not Path(path).is_file():
        raise UserError(f"task file {path} not found")
    try:
        task_factory(path)
    except TaskFileError as err:
        raise UserError(str(err)) from err
