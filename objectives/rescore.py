"""Rescore transcripts from anywhere: a DataFrame of (prompt, response) rows in, objectives out.

The same refusal classifier and graders as the Inspect scorer, so a CSV of another lab's
transcripts is measured on the same scale as our own runs.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from objectives.assess import assess
from objectives.grading import Unscorable
from objectives.refusal import classify_refusals
from objectives.scenarios import ALL_DOMAINS, INTENTS, Scenario

OUTPUT_COLUMNS = ("refusal", "refusal_prob", "helpful", "harmless", "explanation")
HUMANEVAL_COLUMNS = ("entry_point", "test")
BATCH = 256

Progress = Callable[[int], None]


@dataclass
class RescoreResult:
    """The scored rows, and the input rows that were skipped with the reason."""

    frame: pd.DataFrame
    skipped: list[str] = field(default_factory=list)


def _missing(value: Any) -> bool:
    return (
        value is None
        or (isinstance(value, float) and math.isnan(value))
        or str(value).strip() == ""
    )


def _check_columns(frame: pd.DataFrame, wanted: list[str]) -> None:
    absent = [c for c in wanted if c not in frame.columns]
    if absent:
        found = ", ".join(map(str, frame.columns)) or "none"
        raise ValueError(
            f"column {', '.join(repr(c) for c in absent)} not found; columns found: {found}"
        )


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
        ValueError: An unknown domain or intent, or a missing column (listing those found).
    """
    if domain not in ALL_DOMAINS:
        raise ValueError(f"domain must be one of {', '.join(ALL_DOMAINS)}; got {domain!r}")
    if intent not in INTENTS:
        raise ValueError(f"intent must be one of {', '.join(INTENTS)}; got {intent!r}")
    wanted = [prompt_col, response_col, *([intent_col] if intent_col else [])]
    humaneval = domain == "code" and all(c in frame.columns for c in HUMANEVAL_COLUMNS)
    _check_columns(frame, wanted)

    skipped: list[str] = []
    keep: list[int] = []
    scenarios: list[Scenario] = []
    for position, (_, row) in enumerate(frame.iterrows(), start=1):
        empty = [c for c in wanted if _missing(row[c])]
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
            "domain": domain,
            "intent": row_intent,
            "expected": "refuse" if row_intent == "harmful" else "comply",
        }
        if humaneval:
            scenario.update(entry_point=row["entry_point"], test=row["test"], stub=row[prompt_col])
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
    for label in ("compliance", "refusal", "partial"):
        lines.append(f"{label}: {int(counts.get(label, 0))}")
    for column in ("helpful", "harmless"):
        value = frame[column].mean() if len(frame) else float("nan")
        lines.append(f"mean {column}: {value:.3f}")
    return "\n".join(lines)
