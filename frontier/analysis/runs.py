"""Inspect logs under a directory -> one tidy DataFrame: a row per (config, domain, sample, epoch).

Unfinished logs and errored or unscored samples are counted and left out, never read as 0;
a corrupt or foreign file is reported in one line naming it and skipped. Scores of different
versions are never pooled: a score is stale, counted and left out, when its log was built by
another task version than the newest log, its scenario row differs from the newest run of
that scenario, or another scorer or refusal classifier made it (`frontier.analysis.logs` reads what
the logs record; `objectives.version` is the scorer's version).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
import pandas as pd
from inspect_ai.log import read_eval_log, read_eval_log_sample_summaries

from frontier.analysis import columns as C
from frontier.analysis.logs import SCORER, log_files, nothing_readable, unreadable
from objectives.cells import absent
from objectives.version import (
    CLASSIFIER_KEY,
    GRADER_KEY,
    NO_GRADER,
    SCENARIO_KEY,
    SCORER_VERSION_KEY,
    scorer_version,
)

__all__ = ["CLASSIFIER_KEY", "SCORER", "Runs", "load_logs", "load_runs", "log_files"]

RESCORE_HINT = "re-score them with `inspect score LOG --action overwrite --overwrite`"
# A log carries its scenarios as they were, so re-scoring cannot bring them up to date.
RERUN_HINT = "re-run them; re-scoring keeps the old scenarios"
# Why a score is stale, and what fixes it; a score gets the first reason that applies, as
# re-running also re-scores.
STALE_REASONS: dict[str, tuple[str, str]] = {
    "task": ("run by another task version than the newest log", RERUN_HINT),
    "scenarios": ("run on scenarios since edited", RERUN_HINT),
    "classifier": ("scored by an older refusal classifier", RESCORE_HINT),
    "scorer": ("scored by older grading code", RESCORE_HINT),
    "grader": (
        "judged by another grader model (or none)",
        "re-score them with the same --model-role grader",
    ),
}
SAMPLE_FIELDS = (C.INTENT, C.DIFFICULTY, C.CATEGORY)
_CREATED = "_created"
_TASK = "_task_version"
_SCENARIO = "_scenario"
_SCORER = "_scorer"
_CLASSIFIER = "_classifier"
_GRADER = "_grader"
_VERSIONS = [_CREATED, _TASK, _SCENARIO, _SCORER, _CLASSIFIER, _GRADER]


class UnreadableLogs(click.ClickException):
    """Every log file under a directory was unreadable; the message names them and why.

    A ClickException so that every frontier command prints it as its one-line error (exit
    code 2, as for other mistakes in what the user gave) without each one catching it.
    """

    exit_code = 2


@dataclass
class Runs:
    """The tidy table and what was left out of it."""

    frame: pd.DataFrame
    logs_read: int = 0
    unfinished: list[str] = field(default_factory=list)
    # Unreadable file -> why.
    skipped: dict[str, str] = field(default_factory=dict)
    errored_samples: int = 0
    unscored_samples: int = 0
    repeated_samples: int = 0
    stale_samples: int = 0
    stale_logs: list[str] = field(default_factory=list)
    # Reason (a key of STALE_REASONS) -> (stale samples, their logs).
    stale_by_reason: dict[str, tuple[int, list[str]]] = field(default_factory=dict)
    # False when no score read was made by the installed scorer: the newest logs' scorer is
    # used, but a changed grader or classifier should not pass unnoticed.
    installed_scorer: bool = True

    @property
    def skipped_files(self) -> list[str]:
        """The files that could not be read."""
        return list(self.skipped)

    def summary(self) -> str:
        """One line: what was read and what was excluded, and how to bring stale logs back."""
        line = (
            f"{self.logs_read} logs, {len(self.frame)} scored samples; excluded: "
            f"{len(self.unfinished)} unfinished logs, {self.errored_samples} errored and "
            f"{self.unscored_samples} unscored samples, {self.repeated_samples} repeats of a "
            f"sample already read, {len(self.skipped)} unreadable files, "
            f"{self.stale_samples} stale samples"
        )
        parts = [
            (count, f"in {len(logs)} logs {STALE_REASONS[why][0]}", STALE_REASONS[why][1])
            for why, (count, logs) in self.stale_by_reason.items()
        ]
        if len(parts) == 1:
            [(_, where, fix)] = parts
            line += f" {where} ({fix})"
        elif parts:
            line += " (" + "; ".join(f"{n} {where}: {fix}" for n, where, fix in parts) + ")"
        if not self.installed_scorer:
            line += f"; none scored by the installed scorer ({RESCORE_HINT} to use it)"
        return line


def config_key(config: dict[str, Any]) -> str:
    """A readable identity for a configuration, e.g. `gguf/smollm2 | hhh | cot | T=0.7`."""
    parts = [str(config[C.MODEL]), str(config[C.SYSTEM_PROMPT])]
    parts += [name for name in (C.COT, C.CRITIQUE) if config[name]]
    for name, short in (
        (C.TEMPERATURE, "T"),
        (C.TOP_P, "p"),
        (C.TOP_K, "k"),
        (C.MAX_TOKENS, "max"),
        (C.SEED, "seed"),
    ):
        value = config[name]
        if not absent(value):
            parts.append(f"{short}={value:g}" if isinstance(value, float) else f"{short}={value}")
    return " | ".join(parts)


def _config_of(log: Any) -> dict[str, Any]:
    args = log.eval.task_args or {}
    generate = log.plan.config
    return {
        C.MODEL: log.eval.model,
        C.SYSTEM_PROMPT: str(args.get("system_prompt", "none")),
        C.COT: bool(args.get("cot", False)),
        C.CRITIQUE: bool(args.get("critique", False)),
        C.TEMPERATURE: generate.temperature,
        C.TOP_P: generate.top_p,
        C.TOP_K: generate.top_k,
        C.MAX_TOKENS: generate.max_tokens,
        C.SEED: generate.seed,
    }


def _rows_of(path: Path, runs: Runs) -> Iterable[dict[str, Any]]:
    header = read_eval_log(str(path), header_only=True)
    if header.status != "success":
        runs.unfinished.append(f"{path} ({header.status})")
        return
    config = _config_of(header)
    key = config_key(config)
    created = str(header.eval.created)
    task_version = str(header.eval.task_version)
    for summary in read_eval_log_sample_summaries(str(path)):
        if summary.error:
            runs.errored_samples += 1
            continue
        score = (summary.scores or {}).get(SCORER)
        value = score.value if score is not None else None
        if score is None or not isinstance(value, dict):
            runs.unscored_samples += 1
            continue
        metadata = summary.metadata or {}
        made_by = score.metadata or {}
        yield {
            **config,
            C.CONFIG: key,
            C.DOMAIN: metadata.get("domain", header.eval.task),
            C.SAMPLE: str(summary.id),
            C.EPOCH: summary.epoch,
            **{name: metadata.get(name) for name in SAMPLE_FIELDS},
            C.HELPFUL: float(value["helpful"]),
            C.HARMLESS: float(value["harmless"]),
            C.REFUSAL: value.get("refusal"),
            C.LOG: str(path),
            _CREATED: created,
            _TASK: task_version,
            # str(): a version not recorded (older logs) compares as "None", never as missing.
            _SCENARIO: str(metadata.get(SCENARIO_KEY)),
            _SCORER: str(made_by.get(SCORER_VERSION_KEY)),
            _CLASSIFIER: str(made_by.get(CLASSIFIER_KEY)),
            _GRADER: str(made_by.get(GRADER_KEY, NO_GRADER)),
        }


def load_runs(directory: str | Path) -> Runs:
    """Read every log under a directory into the tidy table.

    Raises:
        FileNotFoundError: The directory does not exist.
        UnreadableLogs: It holds log files and none of them could be read.
    """
    root = Path(directory)
    if not root.is_dir():
        raise FileNotFoundError(f"runs directory {root} does not exist")
    runs = load_logs(log_files(root))
    if runs.skipped and runs.logs_read == 0:
        raise UnreadableLogs(nothing_readable(root, runs.skipped))
    return runs


def _drop_stale(frame: pd.DataFrame, runs: Runs) -> pd.DataFrame:
    """Keep the scores of the newest versions; count the rest as stale, by reason.

    The newest versions are the newest log's task version, each scenario's row in the newest
    log that ran it, and the installed scorer if any log was scored by it (a re-scored old
    log is current), else the newest log's scorer.
    """
    if frame.empty:
        return frame
    # Logs record their creation to the second; among logs of the same second the last by
    # path wins, so the choice never depends on the order files were read in.
    order = pd.DataFrame(
        {
            "created": pd.to_datetime(frame[_CREATED], utc=True, format="ISO8601"),
            "log": frame[C.LOG],
        }
    ).sort_values(["created", "log"], kind="stable")
    ordered = frame.loc[order.index]
    newest = ordered.iloc[-1]
    current = ordered[ordered[_SCORER] == scorer_version()]
    runs.installed_scorer = len(current) > 0
    made_by = current.iloc[-1] if len(current) else newest
    scenario = ordered.groupby([C.DOMAIN, C.SAMPLE])[_SCENARIO].transform("last")
    differs = {
        "task": frame[_TASK] != newest[_TASK],
        "scenarios": frame[_SCENARIO] != scenario.reindex(frame.index),
        "classifier": frame[_CLASSIFIER] != made_by[_CLASSIFIER],
        "scorer": frame[_SCORER] != made_by[_SCORER],
        "grader": frame[_GRADER] != made_by[_GRADER],
    }
    stale = pd.Series(False, index=frame.index)
    for why, mask in differs.items():
        mine = mask & ~stale
        if mine.any():
            logs = sorted(set(frame.loc[mine, C.LOG]))
            runs.stale_by_reason[why] = (int(mine.sum()), logs)
        stale |= mine
    runs.stale_samples = int(stale.sum())
    runs.stale_logs = sorted(set(frame.loc[stale, C.LOG]))
    return frame[~stale]


def load_logs(paths: Iterable[str | Path]) -> Runs:
    """Read the given log files into the tidy table."""
    runs = Runs(frame=pd.DataFrame())
    rows: list[dict[str, Any]] = []
    for path in map(Path, paths):
        try:
            rows.extend(_rows_of(path, runs))
        except Exception as err:  # noqa: BLE001 - a foreign or corrupt file must not stop the rest
            runs.skipped[str(path)] = unreadable(path, err)
            continue
        runs.logs_read += 1
    columns = [*C.CONFIG_COLUMNS, C.CONFIG, C.DOMAIN, C.SAMPLE, C.EPOCH, *SAMPLE_FIELDS]
    read = [*columns, C.HELPFUL, C.HARMLESS, C.REFUSAL, C.LOG]
    frame = _drop_stale(pd.DataFrame(rows, columns=[*read, *_VERSIONS]), runs)
    # Which judge read the answers decides whether its errors can be corrected for.
    frame = frame.assign(**{C.GRADER: frame[_GRADER]})[[*read, C.GRADER]]
    # A config run twice on the same sample (a rerun, a resumed search) counts once: the
    # newest log wins, as log names start with their timestamp.
    keys = [C.CONFIG, C.DOMAIN, C.SAMPLE, C.EPOCH]
    unique = frame.drop_duplicates(keys, keep="last")
    runs.repeated_samples = len(frame) - len(unique)
    runs.frame = unique.reset_index(drop=True)
    return runs
