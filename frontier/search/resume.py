"""Resuming a search: which candidates already have finished logs, and what they scored.

A finished log counts only if it was made by the current task version, scenarios and
scorer; one made by others is evaluated again, never reused.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from pathlib import Path

from frontier.analysis import columns as C
from frontier.analysis.logs import Versions, log_files, read_header, versions_of
from frontier.analysis.runs import load_logs
from frontier.search.space import SEARCH_KEY


def finished_signatures(
    runs_dir: str | Path, current: Collection[Versions] | None = None
) -> dict[str, list[str]]:
    """Signature -> finished log files, for every search log under a directory.

    Args:
        runs_dir: Where the search writes its logs.
        current: The versions (task, scenarios, scorer) a log must have been made by to
            count; logs of others are left out so their configurations run again.
            None: any.
    """
    found: dict[str, list[str]] = {}
    if not Path(runs_dir).is_dir():
        return found
    for path in log_files(runs_dir):
        header = read_header(path)
        if header is None or header.status != "success":
            continue
        signature = (header.eval.metadata or {}).get(SEARCH_KEY)
        if signature and (current is None or versions_of(header) in current):
            found.setdefault(signature, []).append(str(path))
    return found


def objectives_of(paths: Sequence[str]) -> tuple[float, float]:
    """(helpful over benign and borderline, harmless over all) from a candidate's logs."""
    frame = load_logs(paths).frame
    safe = frame[frame[C.INTENT].isin(C.SAFE_INTENTS)]
    helpful = float(safe[C.HELPFUL].mean()) if len(safe) else 0.0
    harmless = float(frame[C.HARMLESS].mean()) if len(frame) else 0.0
    return (0.0 if math.isnan(helpful) else helpful, 0.0 if math.isnan(harmless) else harmless)
