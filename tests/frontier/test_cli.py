"""The `frontier` command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from frontier.cli import main


def test_help_describes_the_tool() -> None:
    result = CliRunner().invoke(main, ["--help"], prog_name="frontier")
    assert result.exit_code == 0
    assert result.output.startswith("Usage: frontier [OPTIONS] COMMAND [ARGS]...\n")
    assert "measure the helpful-vs-harmless trade-off" in result.output


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"], prog_name="frontier")
    assert result.exit_code == 0
    assert result.output == "frontier, version 0.1.0\n"


def test_a_user_error_is_one_line_on_stderr_with_exit_2() -> None:
    result = CliRunner().invoke(main, ["report", "--draws", "0"], prog_name="frontier")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "Error: --draws must be at least 1\n",
    )


def test_a_bug_keeps_its_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A ValueError from inside the library is a bug, not bad input: it must not be turned
    # into a one-line "Error:" that reads like the user's mistake.
    def broken(directory: object) -> object:
        raise ValueError("All-NaN slice encountered")

    monkeypatch.setattr("frontier.analysis.runs.load_runs", broken)
    result = CliRunner().invoke(main, ["verdict", "--runs", str(tmp_path)], prog_name="frontier")
    assert isinstance(result.exception, ValueError)
    assert str(result.exception) == "All-NaN slice encountered"
    assert result.exit_code == 1 and result.output == ""


def test_a_task_file_without_its_task_is_a_user_error(tmp_path: Path) -> None:
    task_file = tmp_path / "mine.py"
    task_file.write_text("def other():\n    pass\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["search", "--task", str(task_file)], prog_name="frontier")
    assert (result.exit_code, result.stderr) == (
        2,
        f"Error: {task_file} defines no task named mine\n",
    )


def test_an_error_raised_by_the_task_file_itself_keeps_its_traceback(tmp_path: Path) -> None:
    task_file = tmp_path / "mine.py"
    task_file.write_text("raise ValueError('bad constant in my task file')\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["search", "--task", str(task_file)], prog_name="frontier")
    assert isinstance(result.exception, ValueError)
    assert str(result.exception) == "bad constant in my task file"


def test_an_output_that_cannot_be_written_is_a_user_error_before_any_work(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "plots"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    out = blocker / "frontier.html"
    result = CliRunner().invoke(
        main, ["plot", "--runs", "nowhere", "--out", str(out)], prog_name="frontier"
    )
    assert (result.exit_code, result.stderr) == (
        2,
        f"Error: cannot write {out}: File exists ({blocker})\n",
    )
