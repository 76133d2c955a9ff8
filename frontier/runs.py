"""Inspect logs under a directory -> one tidy DataFrame: a row per (config, domain, sample, epoch).

Unfinished logs and errored or unscored samples are counted and left out, never read as 0;
a corrupt or foreign file is skipped with a warning naming it. Scores made by another version
of the refusal classifier than the newest log's are stale: counted and left out, never pooled.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from inspect_ai.log import read_eval_log, read_eval_log_sample_summaries

from frontier import columns as C

SCORER = "hh_scorer"
# The score metadata key naming the refusal classifier that made a score (absent: before
# versions were recorded).
CLASSIFIER_KEY = "classifier"
RESCORE_HINT = "re-score them with `inspect score LOG --action overwrite --overwrite`"
SAMPLE_FIELDS = (C.INTENT, C.DIFFICULTY, C.CATEGORY)
_CREATED = "_created"
_CLASSIFIER = "_classifier"


@dataclass
class Runs:
    """The tidy table and what was left out of it."""

    frame: pd.DataFrame
    logs_read: int = 0
    unfinished: list[str] = field(default_factory=list)
    skipped_files: list[str] = field(default_factory=list)
    errored_samples: int = 0
    unscored_samples: int = 0
    repeated_samples: int = 0
    stale_samples: int = 0
    stale_logs: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line: what was read and what was excluded."""
        line = (
            f"{self.logs_read} logs, {len(self.frame)} scored samples; excluded: "
            f"{len(self.unfinished)} unfinished logs, {self.errored_samples} errored and "
            f"{self.unscored_samples} unscored samples, {self.repeated_samples} repeats of a "
            f"sample already read, {len(self.skipped_files)} unreadable files, "
            f"{self.stale_samples} stale samples"
        )
        if self.stale_samples:
            line += (
                f" in {len(self.stale_logs)} logs scored by an older refusal classifier "
                f"({RESCORE_HINT})"
            )
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
        if value is not None and not (isinstance(value, float) and math.isnan(value)):
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


def log_files(directory: str | Path) -> list[Path]:
    """Every .eval and .json file under a directory, recursively, in a stable order."""
    root = Path(directory)
    return sorted(p for p in root.rglob("*") if p.suffix in (".eval", ".json") and p.is_file())


def _rows_of(path: Path, runs: Runs) -> Iterable[dict[str, Any]]:
    header = read_eval_log(str(path), header_only=True)
    if header.status != "success":
        runs.unfinished.append(f"{path} ({header.status})")
        return
    config = _config_of(header)
    key = config_key(config)
    created = str(header.eval.created)
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
            _CLASSIFIER: str((score.metadata or {}).get(CLASSIFIER_KEY)),
        }


def load_runs(directory: str | Path) -> Runs:
    """Read every log under a directory into the tidy table.

    Raises:
        FileNotFoundError: The directory does not exist.
    """
    root = Path(directory)
    if not root.is_dir():
        raise FileNotFoundError(f"runs directory {root} does not exist")
    return load_logs(log_files(root))


def _drop_stale(frame: pd.DataFrame, runs: Runs) -> pd.DataFrame:
    """Keep the scores of the classifier that scored the newest log; count the rest as stale."""
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
    newest = frame[_CLASSIFIER].loc[order.index[-1]]
    stale = frame[_CLASSIFIER] != newest
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
            warnings.warn(
                f"skipped {path}: not a readable Inspect log ({type(err).__name__})", stacklevel=2
            )
            runs.skipped_files.append(str(path))
            continue
        runs.logs_read += 1
    columns = [*C.CONFIG_COLUMNS, C.CONFIG, C.DOMAIN, C.SAMPLE, C.EPOCH, *SAMPLE_FIELDS]
    read = [*columns, C.HELPFUL, C.HARMLESS, C.REFUSAL, C.LOG]
    frame = _drop_stale(pd.DataFrame(rows, columns=[*read, _CREATED, _CLASSIFIER]), runs)[read]
    # A config run twice on the same sample (a rerun, a resumed search) counts once: the
    # newest log wins, as log names start with their timestamp.
    keys = [C.CONFIG, C.DOMAIN, C.SAMPLE, C.EPOCH]
    unique = frame.drop_duplicates(keys, keep="last")
    runs.repeated_samples = len(frame) - len(unique)
    runs.frame = unique.reset_index(drop=True)
    return runs
