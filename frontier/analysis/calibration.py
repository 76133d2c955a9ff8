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
intent and label columns) replaces or adds to it; the shipped classifier judges its answers,
unless a row gives the judge's own label (`judged`) and names the judge (`judge`: a grader
model as score metadata records it, e.g. "openai/gpt-4o"; absent or "none" for the shipped
classifier).

Calibration is kept per judge (`ByJudge`): each judge's errors are its own, so scores are
corrected only with the labels of the judge that made them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args

import numpy as np
import numpy.typing as npt

import objectives
from objectives.cells import absent, blank
from objectives.version import NO_GRADER
from objectives.vocabulary import INTENTS, REFUSAL_LABELS, SAFE_INTENTS

Stratum = Literal["safe", "harmful"]
STRATA: tuple[Stratum, ...] = get_args(Stratum)
SHIPPED_PATH = Path(objectives.__file__).with_name("refusal_data") / "heldout_predictions.jsonl"
SHIPPED_NAME = "the classifier's out-of-fold predictions on the shipped human labels"
COLUMNS = ("prompt", "response", "intent", "label")
# Optional: the judge's own label for the answer, and which judge gave it.
JUDGE, JUDGED = "judge", "judged"
CLASSES = len(REFUSAL_LABELS)

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


class CalibrationError(ValueError):
    """A calibration file that cannot be used as given; the message names the file, row and fix."""


@dataclass(frozen=True)
class Calibration:
    """Labelled answers the judge also read: for each, its stratum, true class and judged class.

    Classes are indices into `objectives.vocabulary.REFUSAL_LABELS`. `judge` is the judge
    whose errors these are: a grader model's name as score metadata records it, or
    `NO_GRADER` for the shipped refusal classifier.
    """

    sources: tuple[str, ...]
    harmful: npt.NDArray[np.bool_]
    truth: Ints
    judged: Ints
    judge: str = NO_GRADER

    @property
    def judge_name(self) -> str:
        """The judge in words (see `judge_name`)."""
        return judge_name(self.judge)

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
            "judge": self.judge,
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


# Calibrations by the judge they calibrate (`Calibration.judge`).
ByJudge = Mapping[str, Calibration]


def judge_name(judge: str) -> str:
    """A judge in words: the refusal classifier, or the grader model by its name."""
    return "the refusal classifier" if judge == NO_GRADER else f"the grader model {judge}"


def combine(parts: Sequence[Calibration]) -> dict[str, Calibration]:
    """Calibrations (shipped and users') pooled per judge; empty when there is none."""
    grouped: dict[str, list[Calibration]] = {}
    for part in parts:
        grouped.setdefault(part.judge, []).append(part)
    return {
        judge: Calibration(
            sources=tuple(s for p in group for s in p.sources),
            harmful=np.concatenate([p.harmful for p in group]),
            truth=np.concatenate([p.truth for p in group]),
            judged=np.concatenate([p.judged for p in group]),
            judge=judge,
        )
        for judge, group in grouped.items()
    }


def by_judge(given: Calibration | ByJudge | None) -> dict[str, Calibration]:
    """Calibrations keyed by judge; a single calibration calibrates its own judge."""
    if given is None:
        return {}
    if isinstance(given, Calibration):
        return {given.judge: given}
    return dict(given)


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
    if absent(value):
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


def _judgement(path: Path, number: int, row: dict[str, Any]) -> tuple[str, int | None]:
    """The row's judge and the judged class it gives (None: the shipped classifier reads it)."""
    judge = NO_GRADER
    if not blank(row.get(JUDGE)):
        judge = _text(path, number, JUDGE, row[JUDGE]).strip()
        # "none" is how score metadata names the shipped classifier, in whatever case.
        judge = NO_GRADER if judge.lower() == NO_GRADER else judge
    if not blank(row.get(JUDGED)):
        return judge, REFUSAL_LABELS.index(
            _choice(path, number, JUDGED, row[JUDGED], REFUSAL_LABELS)
        )
    if judge != NO_GRADER:
        # Only the shipped classifier can be run here; a grader model's verdicts must be given.
        raise CalibrationError(
            f"{path} row {number}: judge {judge!r} has no judged label; give the grader "
            f"model's own label (compliance, refusal or partial) in the {JUDGED} column, or "
            f"leave {JUDGE} empty for the shipped classifier to judge the answer"
        )
    return judge, None


def read_file(path: Path) -> dict[str, Calibration]:
    """A user's labelled answers, per judge; the shipped classifier judges rows that need it.

    Args:
        path: A CSV (header row) or JSONL file with prompt, response, intent (benign,
            borderline or harmful) and label (compliance, refusal or partial: a person's
            reading of the answer) columns. Optional: judged (the judge's own label for the
            answer, used as given) and judge (who gave it: a grader model's name as score
            metadata records it; empty or "none" for the shipped classifier, which judges
            rows without a judged label). Other columns are ignored.

    Returns:
        The file's calibrations, keyed by judge.

    Raises:
        CalibrationError: The file cannot be read or a row is incomplete; the message names
            the file, the row (counted from 1, header excluded) and what to fix.
    """
    # The reader loads the scoring stack: only when a file is given.
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
    prompts, responses, harmful, truth, judges = [], [], [], [], []
    judged: list[int | None] = []
    for number, row in enumerate(frame.to_dict(orient="records"), start=1):
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
        judge, given = _judgement(path, number, row)
        judges.append(judge)
        judged.append(given)
    if not truth:
        raise CalibrationError(f"{path}: no rows; add labelled answers below the header")
    read = _classified(prompts, responses, judged)
    return {
        judge: Calibration(
            sources=(f"{path} ({len(rows)} answers)",),
            harmful=np.asarray([harmful[i] for i in rows], dtype=np.bool_),
            truth=np.asarray([truth[i] for i in rows], dtype=np.int64),
            judged=np.asarray([read[i] for i in rows], dtype=np.int64),
            judge=judge,
        )
        for judge, rows in _rows_by_judge(judges).items()
    }


def _classified(prompts: list[str], responses: list[str], given: list[int | None]) -> list[int]:
    """The judged classes: as given, else the shipped classifier's reading of the answer."""
    missing = [i for i, j in enumerate(given) if j is None]
    read = {i: j for i, j in enumerate(given) if j is not None}
    if missing:
        # The classifier loads torch: only for rows whose judged label is not given.
        from objectives.refusal import classify_refusals

        found = classify_refusals([prompts[i] for i in missing], [responses[i] for i in missing])
        read.update((i, REFUSAL_LABELS.index(j.label)) for i, j in zip(missing, found, strict=True))
    return [read[i] for i in range(len(given))]


def _rows_by_judge(judges: list[str]) -> dict[str, list[int]]:
    rows: dict[str, list[int]] = {}
    for i, judge in enumerate(judges):
        rows.setdefault(judge, []).append(i)
    return rows


def load(files: Sequence[Path] = (), with_shipped: bool = True) -> dict[str, Calibration]:
    """The calibrations the frontier commands use, by judge: the shipped set, users' files.

    The shipped set calibrates the refusal classifier (`NO_GRADER`); a file's rows calibrate
    the judge they name. Empty when there is none.

    Raises:
        CalibrationError: A file cannot be used (see `read_file`).
    """
    parts = [shipped()] if with_shipped else []
    for f in files:
        parts.extend(read_file(Path(f)).values())
    return combine(parts)
