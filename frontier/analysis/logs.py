"""Finding Inspect logs, saying in one line which could not be read, and what made their scores.

`frontier.analysis.runs` (the analysis) and `frontier.search` (resuming) read logs through here, so
an unreadable file is reported the same way by both: one line on stderr naming it, never
a silent skip and never a Python warning with its source line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import click
from inspect_ai.log import EvalLog, read_eval_log

from objectives.version import SCENARIOS_KEY, SCORER_VERSION_KEY

SCORER = "hh_scorer"
UNREADABLE = "not a readable Inspect log"

# Files already reported in this process, with the size and time they had then: a search
# reads its directory after every batch and should not repeat the same line each time.
_reported: set[tuple[str, int, int]] = set()


def log_files(directory: str | Path) -> list[Path]:
    """Every .eval and .json file under a directory, recursively, in a stable order."""
    root = Path(directory)
    return sorted(p for p in root.rglob("*") if p.suffix in (".eval", ".json") and p.is_file())


def unreadable(path: Path, err: BaseException) -> str:
    """Report, once per file state, on one stderr line that a log could not be read.

    Args:
        path: The file.
        err: What reading it raised.

    Returns:
        Why it could not be read, e.g. `not a readable Inspect log (ValueError: EOCD not found)`.
    """
    text = str(err).strip()
    detail = text.splitlines()[0][:120] if text else ""
    if str(path) in detail:  # Inspect's "Unable to read log file: PATH" says nothing new
        detail = ""
    reason = f"{UNREADABLE} ({type(err).__name__}{': ' + detail if detail else ''})"
    try:
        stat = path.stat()
        state = (str(path), stat.st_size, stat.st_mtime_ns)
    except OSError:
        state = (str(path), -1, -1)
    if state not in _reported:
        _reported.add(state)
        click.echo(f"skipped {path}: {reason}", err=True)
    return reason


def read_header(path: Path) -> EvalLog | None:
    """A log's header, or None after reporting the file as unreadable."""
    try:
        return read_eval_log(str(path), header_only=True)
    except Exception as err:  # noqa: BLE001 - a foreign or corrupt file must not stop the rest
        unreadable(path, err)
        return None


def nothing_readable(root: Path, skipped: dict[str, str]) -> str:
    """The message for a directory whose every log file was unreadable."""
    named = "; ".join(f"{_relative(p, root)}: {why}" for p, why in skipped.items())
    count = f"{len(skipped)} log{'s' if len(skipped) != 1 else ''}"
    return f"{root}: {count} could not be read ({named}) and no other log was found"


def _relative(path: str, root: Path) -> str:
    try:
        return str(Path(path).relative_to(root))
    except ValueError:
        return path


@dataclass(frozen=True)
class Versions:
    """What produced a log's scores, as its header records it (None: not recorded)."""

    task: str
    scenarios: str | None
    scorer: str | None


def versions_of(header: EvalLog) -> Versions:
    """The task version, scenario digest and scorer version a log's header records.

    The scorer version is read from the scorer's registry info in the header, which
    `inspect score` rewrites when it re-scores a log.
    """
    scorer = None
    for spec in header.eval.scorers or []:
        if spec.name.split("/")[-1] == SCORER:
            scorer = (spec.metadata or {}).get(SCORER_VERSION_KEY)
    return Versions(
        task=str(header.eval.task_version),
        scenarios=(header.eval.metadata or {}).get(SCENARIOS_KEY),
        scorer=scorer,
    )
