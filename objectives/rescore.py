"""Rescore transcripts from anywhere: a DataFrame of (prompt, response) rows in, objectives out.

The same refusal classifier and graders as the Inspect scorer, so a CSV of another lab's
transcripts is measured on the same scale as our own runs.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from objectives.assess import assess
from objectives.cells import blank
from objectives.grading import Unscorable
from objectives.refusal import classify_refusals
from objectives.scenarios import Scenario
from objectives.vocabulary import ALL_DOMAINS, INTENTS, REFUSAL_LABELS

OUTPUT_COLUMNS = ("refusal", "refusal_prob", "helpful", "harmless", "explanation")
HUMANEVAL_COLUMNS = ("entry_point", "test")
BATCH = 256
FORMATS = (".csv", ".jsonl")
JSON_KINDS = {list: "an array", str: "a string", int: "a number", float: "a number"}

Progress = Callable[[int], None]


class InputError(ValueError):
    """Transcripts that cannot be scored as given; the message says where and what to fix."""


class MissingColumns(InputError):
    """Columns asked for that the transcripts do not have."""

    def __init__(self, absent: list[str], found: list[str]) -> None:
        self.absent = absent
        self.found = found
        names = ", ".join(repr(c) for c in absent)
        super().__init__(f"column {names} not found; columns found: {', '.join(found) or 'none'}")


@dataclass
class RescoreResult:
    """The scored rows, and the input rows that were skipped with the reason."""

    frame: pd.DataFrame
    skipped: list[str] = field(default_factory=list)


def _check_columns(frame: pd.DataFrame, wanted: list[str]) -> None:
    absent = [c for c in wanted if c not in frame.columns]
    if absent:
        raise MissingColumns(absent, [str(c) for c in frame.columns])


def read_table(path: Path) -> pd.DataFrame:
    """Read transcripts from a UTF-8 CSV (with a header row) or JSONL file; every cell as read.

    Raises:
        InputError: The file is missing, not UTF-8, or not valid CSV or JSONL; the message
            names the file, the line where there is one, and what to fix.
    """
    if path.suffix not in FORMATS:
        raise InputError(f"{path}: give a .csv or .jsonl file")
    if not path.is_file():
        raise InputError(f"{path} not found")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read the file ({err.strerror})") from None
    try:
        text = data.decode("utf-8-sig")  # a BOM is how spreadsheet programs say UTF-8
    except UnicodeDecodeError as err:
        raise InputError(
            f"{path}: not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start}); "
            "give a CSV or JSONL file"
        ) from None
    if not text.strip():
        raise InputError(f"{path}: the file is empty")
    return _read_jsonl(path, text) if path.suffix == ".jsonl" else _read_csv(path, text)


def _read_jsonl(path: Path, text: str) -> pd.DataFrame:
    rows = []
    # Only newlines end a line: str.splitlines would also split at U+2028 and friends,
    # which JSON strings may hold unescaped.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(
                f"{path} line {number}: not valid JSON ({err.msg} at column {err.colno}); "
                "each line must be one JSON object"
            ) from None
        if not isinstance(row, dict):
            kind = JSON_KINDS.get(type(row), "true, false or null")
            raise InputError(
                f"{path} line {number}: {kind}, not a JSON object; "
                "each line must be one JSON object"
            )
        rows.append(row)
    return pd.DataFrame(rows)


def _read_csv(path: Path, text: str) -> pd.DataFrame:
    try:
        return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except pd.errors.ParserError as err:
        fields = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(err))
        if fields:
            expected, line, saw = fields.groups()
            raise InputError(
                f"{path} line {line}: {saw} fields where the header has {expected}; "
                "quote fields that contain commas"
            ) from None
        detail = str(err).strip().removeprefix("Error tokenizing data. C error: ")
        raise InputError(
            f"{path}: not valid CSV ({detail}); give a CSV with a header row, or a JSONL file"
        ) from None


def rescore_frame(
    frame: pd.DataFrame,
    prompt_col: str = "prompt",
    response_col: str = "response",
    domain: str = "generic",
    intent: str = "benign",
    intent_col: str | None = None,
    progress: Progress | None = None,
) -> RescoreResult:
    """Score every row of a DataFrame with the hh objectives.

    Args:
        frame: The transcripts.
        prompt_col: The column holding the request.
        response_col: The column holding the answer (for `--domain code` in HumanEval form,
            the completion; `prompt + completion` is executed against `test`).
        domain: generic, code, medical or creative.
        intent: The intent of every row (benign, borderline, harmful) unless `intent_col`.
        intent_col: A column giving each row's intent.
        progress: Called with the number of rows finished since the last call.

    Returns:
        The input columns plus refusal, refusal_prob, helpful, harmless, explanation (only
        the rows that could be read), and the skipped rows as `row N: reason` lines.

    Raises:
        InputError: An unknown domain or intent.
        MissingColumns: A column asked for is not in the frame (the error lists those found).
    """
    if domain not in ALL_DOMAINS:
        raise InputError(f"domain must be one of {', '.join(ALL_DOMAINS)}; got {domain!r}")
    if intent not in INTENTS:
        raise InputError(f"intent must be one of {', '.join(INTENTS)}; got {intent!r}")
    wanted = [prompt_col, response_col, *([intent_col] if intent_col else [])]
    humaneval = domain == "code" and all(c in frame.columns for c in HUMANEVAL_COLUMNS)
    _check_columns(frame, wanted)

    skipped: list[str] = []
    keep: list[int] = []
    scenarios: list[Scenario] = []
    for position, (_, row) in enumerate(frame.iterrows(), start=1):
        empty = [c for c in wanted if blank(row[c])]
        if empty:
            skipped.append(f"row {position}: empty {', '.join(empty)}")
            continue
        row_intent = str(row[intent_col]).strip() if intent_col else intent
        if row_intent not in INTENTS:
            skipped.append(
                f"row {position}: intent {row_intent!r} is not one of {', '.join(INTENTS)}"
            )
            continue
        scenario: Scenario = {
            "id": f"row-{position}",
            "domain": domain,
            "prompt": str(row[prompt_col]),
            "intent": row_intent,
            "difficulty": "medium",
            "category": "rescored",
            "expected": "refuse" if row_intent == "harmful" else "comply",
        }
        if humaneval:
            scenario["entry_point"] = str(row["entry_point"])
            scenario["test"] = str(row["test"])
            scenario["stub"] = str(row[prompt_col])
        keep.append(position - 1)
        scenarios.append(scenario)

    kept = frame.iloc[keep].reset_index(drop=True)
    prompts = [str(p) for p in kept[prompt_col]]
    responses = [str(r) for r in kept[response_col]]
    results: dict[str, list[Any]] = {c: [] for c in OUTPUT_COLUMNS}
    for start in range(0, len(kept), BATCH):
        stop = start + BATCH
        judgements = classify_refusals(prompts[start:stop], responses[start:stop])
        for scenario, response, judgement in zip(
            scenarios[start:stop], responses[start:stop], judgements, strict=True
        ):
            results["refusal"].append(judgement.label)
            results["refusal_prob"].append(judgement.probability)
            try:
                found = assess(scenario, response, judgement)
            except Unscorable as err:
                results["helpful"].append(float("nan"))
                results["harmless"].append(float("nan"))
                results["explanation"].append(f"unscored: {err}")
                continue
            results["helpful"].append(found.helpful)
            results["harmless"].append(found.harmless)
            results["explanation"].append("; ".join(found.lines))
        if progress is not None:
            progress(min(stop, len(kept)) - start)
    scored = kept.copy()
    for column in OUTPUT_COLUMNS:
        scored[column] = results[column]
    return RescoreResult(scored, skipped)


def summary(frame: pd.DataFrame) -> str:
    """Counts per refusal label and mean objectives, one line each."""
    lines = [f"rows scored: {len(frame)}"]
    counts = frame["refusal"].value_counts() if len(frame) else pd.Series(dtype=int)
    for label in REFUSAL_LABELS:
        lines.append(f"{label}: {int(counts.get(label, 0))}")
    for column in ("helpful", "harmless"):
        value = frame[column].mean() if len(frame) else float("nan")
        lines.append(f"mean {column}: {value:.3f}")
    return "\n".join(lines)
