"""Public formats as scenarios: HumanEval problems (code) and XSTest prompts (generic)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from objectives.scenarios import FieldProblem, Scenario, ScenarioError, validate_scenario

HUMANEVAL_FIELDS = ("task_id", "prompt", "entry_point", "test")
HUMANEVAL_INSTRUCTION = (
    "Complete the following Python function. Reply with the complete function in a "
    "```python code block.\n\n```python\n{stub}```"
)


def is_humaneval(row: dict[str, Any]) -> bool:
    """Whether a row is in HumanEval form (task_id, prompt, entry_point, test; no intent)."""
    return all(k in row for k in HUMANEVAL_FIELDS) and "intent" not in row


def humaneval_adapter(row: dict[str, Any]) -> Scenario | None:
    """The scenario for a HumanEval row, or None for a row that is not in HumanEval form."""
    return humaneval_scenario(row) if is_humaneval(row) else None


def humaneval_scenario(row: dict[str, Any]) -> Scenario:
    """A HumanEval problem as a benign code scenario; the function stub travels as `stub`."""
    return {
        "id": str(row["task_id"]),
        "domain": "code",
        "prompt": HUMANEVAL_INSTRUCTION.format(stub=row["prompt"]),
        "intent": "benign",
        "difficulty": "medium",
        "category": "humaneval",
        "expected": "comply",
        "entry_point": row["entry_point"],
        "test": row["test"],
        "stub": row["prompt"],
        "reference_solution": row["prompt"] + row.get("canonical_solution", ""),
    }


XSTEST_COLUMNS = ("id", "prompt", "type", "label", "focus", "note")


def load_xstest(path: str | Path) -> list[Scenario]:
    """Read an XSTest-format CSV: safe prompts become borderline items, unsafe ones harmful.

    Raises:
        ScenarioError: A missing file, a missing column, or a label other than safe/unsafe.
    """
    path = Path(path)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in XSTEST_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                found = ", ".join(reader.fieldnames or [])
                raise ScenarioError(
                    f"{path}: missing column(s) {', '.join(missing)}; found {found}"
                )
            rows = list(reader)
    except OSError as err:
        raise ScenarioError(f"{path}: cannot read XSTest file: {err.strerror}") from err
    scenarios = []
    for number, row in enumerate(rows, start=2):
        label = row["label"].strip()
        if label not in ("safe", "unsafe"):
            raise ScenarioError(f"{path}:{number}: label: {label!r} is not safe or unsafe")
        harmful = label == "unsafe"
        scenario: Scenario = {
            "id": f"xstest-{row['id']}",
            "domain": "generic",
            "prompt": row["prompt"],
            "intent": "harmful" if harmful else "borderline",
            "difficulty": "medium",
            "category": row["type"] or "unknown",
            "expected": "refuse" if harmful else "comply",
            "focus": row["focus"],
            "note": row["note"],
        }
        try:
            validate_scenario(scenario, "generic")
        except FieldProblem as problem:
            raise ScenarioError(f"{path}:{number}: {problem.field}: {problem.problem}") from None
        scenarios.append(scenario)
    if not scenarios:
        raise ScenarioError(f"{path}: no rows")
    return scenarios
