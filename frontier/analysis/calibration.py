"""How often the judge is wrong: answers people labelled, read by the judge too.

Every per-sample grade rests on one judgement (compliance, refusal or partial refusal), and
the judge errs at different rates on answers to safe requests (benign and borderline) and to
harmful ones. A calibration set pairs a person's label (the truth) with the judge's label for
the same answer; from it come two confusion matrices, P(judged | true), one per kind of
request, that `frontier.analysis.judge_error` uses to correct the estimates.

By default the set is the refusal classifier's out-of-fold predictions on the human-labelled
answers the project ships (`objectives/refusal_data/heldout_predictions.jsonl`: each answer
was judged by a classifier that saw neither its model nor its prompt in training; the judged
label is the argmax of the probabilities). A user's file (CSV or JSONL with prompt, response,
intent and label columns) replaces or adds to it; the shipped classifier judges its answers.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args

import numpy as np
import numpy.typing as npt

import objectives
from objectives.vocabulary import INTENTS, REFUSAL_LABELS, SAFE_INTENTS

Stratum = Literal["safe", "harmful"]
STRATA: tuple[Stratum, ...] = get_args(Stratum)
SHIPPED_PATH = Path(objectives.__file__).with_name("refusal_data") / "heldout_predictions.jsonl"
SHIPPED_NAME = "the classifier's out-of-fold predictions on the shipped human labels"
COLUMNS = ("prompt", "response", "intent", "label")
CLASSES = len(REFUSAL_LABELS)

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


class CalibrationError(ValueError):
    """A calibration file that cannot be used as given; the message names the file, row and fix."""


@dataclass(frozen=True)
class Calibration:
    """Labelled answers the judge also read: for each, its stratum, true class and judged class.

    Classes are indices into `objectives.vocabulary.REFUSAL_LABELS`.
    """

    sources: tuple[str, ...]
    harmful: npt.NDArray[np.bool_]
    truth: Ints
    judged: Ints

    def rows(self, stratum: Stratum) -> npt.NDArray[np.bool_]:
        """Which rows answer requests of the stratum."""
        return self.harmful if stratum == "harmful" else ~self.harmful

    def counts(self, stratum: Stratum) -> Ints:
        """How many answers of each true class (rows) the judge read as each class (columns)."""
        mine = self.rows(stratum)
        table = np.zeros((CLASSES, CLASSES), dtype=np.int64)
        np.add.at(table, (self.truth[mine], self.judged[mine]), 1)
        return table

    def confusion(self, stratum: Stratum) -> Floats:
        """P(judged | true): rows are the true class and sum to 1; NaN for a class never seen."""
        table = self.counts(stratum).astype(np.float64)
        totals = table.sum(axis=1, keepdims=True)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.asarray(table / totals)

    def size(self, stratum: Stratum) -> int:
        """Labelled answers in the stratum."""
        return int(self.rows(stratum).sum())

    def describe(self) -> dict[str, Any]:
        """Plain data: where the labels came from and each stratum's matrix with its counts."""
        return {
            "sources": list(self.sources),
            "classes": list(REFUSAL_LABELS),
            **{
                stratum: {
                    "labelled": self.size(stratum),
                    "per_true_class": dict(
                        zip(REFUSAL_LABELS, self.counts(stratum).sum(axis=1).tolist(), strict=True)
                    ),
                    "p_judged_given_true": _by_label(self.confusion(stratum)),
                }
                for stratum in STRATA
            },
        }


def _by_label(matrix: Floats) -> dict[str, dict[str, float | None]]:
    """The matrix by label: true -> judged -> probability (None for a class unlabelled)."""
    return {
        true: {
            judged: None if math.isnan(p) else round(float(p), 4)
            for judged, p in zip(REFUSAL_LABELS, row, strict=True)
        }
        for true, row in zip(REFUSAL_LABELS, matrix, strict=True)
    }


def combine(parts: Sequence[Calibration]) -> Calibration | None:
    """One calibration from several (shipped and users'), or None when there is none."""
    if not parts:
        return None
    return Calibration(
        sources=tuple(s for p in parts for s in p.sources),
        harmful=np.concatenate([p.harmful for p in parts]),
        truth=np.concatenate([p.truth for p in parts]),
        judged=np.concatenate([p.judged for p in parts]),
    )


def shipped(path: Path = SHIPPED_PATH) -> Calibration:
    """The classifier's out-of-fold predictions on the human-labelled answers it ships with."""
    harmful, truth, judged = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        harmful.append(bool(row["unsafe"]))
        truth.append(REFUSAL_LABELS.index(row["label"]))
        judged.append(int(np.argmax(row["probabilities"])))
    return Calibration(
        sources=(f"{SHIPPED_NAME} ({len(truth)} answers)",),
        harmful=np.asarray(harmful, dtype=np.bool_),
        truth=np.asarray(truth, dtype=np.int64),
        judged=np.asarray(judged, dtype=np.int64),
    )


def _text(path: Path, number: int, column: str, value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        raise CalibrationError(f"{path} row {number}: no {column}; give every row a {column}")
    if not isinstance(value, str):
        raise CalibrationError(
            f"{path} row {number}: {column} is {json.dumps(value)}, not text; write it as text"
        )
    return value


def _choice(path: Path, number: int, column: str, value: Any, allowed: Sequence[str]) -> str:
    word = _text(path, number, column, value).strip().lower()
    if word not in allowed:
        names = ", ".join(allowed[:-1]) + f" or {allowed[-1]}"
        raise CalibrationError(
            f"{path} row {number}: {column} {value!r} is not {names}; write one of those"
        )
    return word


def read_file(path: Path) -> Calibration:
    """A user's labelled answers; the shipped refusal classifier judges each one.

    Args:
        path: A CSV (header row) or JSONL file with prompt, response, intent (benign,
            borderline or harmful) and label (compliance, refusal or partial: a person's
            reading of the answer) columns; other columns are ignored.

    Raises:
        CalibrationError: The file cannot be read or a row is incomplete; the message names
            the file, the row (counted from 1, header excluded) and what to fix.
    """
    # The reader and the classifier load the scoring stack (torch): only when a file is given.
    from objectives.refusal import classify_refusals
    from objectives.rescore import InputError, read_table

    try:
        frame = read_table(path)
    except InputError as err:
        raise CalibrationError(str(err)) from None
    absent = [c for c in COLUMNS if c not in frame.columns]
    if absent:
        found = ", ".join(str(c) for c in frame.columns) or "none"
        raise CalibrationError(
            f"{path}: no {', '.join(absent)} column (columns found: {found}); a calibration "
            f"file needs {', '.join(COLUMNS)} columns"
        )
    prompts, responses, harmful, truth = [], [], [], []
    for number, row in enumerate(frame[list(COLUMNS)].to_dict(orient="records"), start=1):
        prompt = _text(path, number, "prompt", row["prompt"])
        if not prompt.strip():
            raise CalibrationError(
                f"{path} row {number}: the prompt is empty; give the request the answer replies to"
            )
        prompts.append(prompt)
        responses.append(_text(path, number, "response", row["response"]))
        intent = _choice(path, number, "intent", row["intent"], INTENTS)
        harmful.append(intent not in SAFE_INTENTS)
        label = _choice(path, number, "label", row["label"], REFUSAL_LABELS)
        truth.append(REFUSAL_LABELS.index(label))
    if not truth:
        raise CalibrationError(f"{path}: no rows; add labelled answers below the header")
    judged = [REFUSAL_LABELS.index(j.label) for j in classify_refusals(prompts, responses)]
    return Calibration(
        sources=(f"{path} ({len(truth)} answers)",),
        harmful=np.asarray(harmful, dtype=np.bool_),
        truth=np.asarray(truth, dtype=np.int64),
        judged=np.asarray(judged, dtype=np.int64),
    )


def load(files: Sequence[Path] = (), with_shipped: bool = True) -> Calibration | None:
    """The calibration the frontier commands use: the shipped set, users' files, or both.

    Raises:
        CalibrationError: A file cannot be used (see `read_file`).
    """
    parts = [shipped()] if with_shipped else []
    parts.extend(read_file(Path(f)) for f in files)
    return combine(parts)
