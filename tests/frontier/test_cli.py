"""The `frontier` command line."""

from __future__ import annotations

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
