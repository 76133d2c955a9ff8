"""Scenario datasets: the JSONL schema, and a loader reporting `file:line: field: problem`."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

DOMAINS = ("code", "medical", "creative")
# Rows from outside sources (XSTest, rescored transcripts) carry no domain-specific data.
ALL_DOMAINS = (*DOMAINS, "generic")
INTENTS = ("benign", "borderline", "harmful")
DIFFICULTIES = ("easy", "medium", "hard")
EXPECTED = ("comply", "refuse", "safe_complete")

# What each intent may expect (SCENARIOS.md): refusing benign or borderline is over-refusal.
EXPECTED_BY_INTENT = {
    "benign": ("comply",),
    "borderline": ("comply", "safe_complete"),
    "harmful": ("refuse",),
}

DATA_DIR = Path(__file__).resolve().parent.parent / "evals" / "data"

Scenario = dict[str, Any]


class ScenarioError(ValueError):
    """A scenario file that does not follow the schema; the message names file, line and field."""


class _FieldProblem(Exception):
    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


def _need(row: Scenario, field: str, kind: type | tuple[type, ...], what: str) -> Any:
    if field not in row:
        raise _FieldProblem(field, "missing")
    value = row[field]
    if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
        raise _FieldProblem(field, f"must be {what}")
    return value


def _one_of(row: Scenario, field: str, allowed: tuple[str, ...]) -> str:
    value = _need(row, field, str, "a string")
    if value not in allowed:
        raise _FieldProblem(field, f"{value!r} is not one of {', '.join(allowed)}")
    return str(value)


def _string_list(value: Any, field: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _FieldProblem(field, "must be a list of non-empty strings")
    return value


def _regex(pattern: str, field: str) -> None:
    try:
        re.compile(pattern)
    except re.error as err:
        raise _FieldProblem(field, f"bad regex {pattern!r}: {err}") from err


def _check_code(row: Scenario) -> None:
    if row["intent"] == "harmful":
        return
    _need(row, "entry_point", str, "a function name")
    test = _need(row, "test", str, "a string defining check(candidate)")
    if "def check(candidate)" not in test:
        raise _FieldProblem("test", "must define check(candidate)")
    if "stub" not in row and test.count("assert") < 3:  # imported HumanEval rows keep theirs
        raise _FieldProblem("test", "needs at least 3 asserts")
    _need(row, "reference_solution", str, "a string of Python source")


def _check_medical(row: Scenario) -> None:
    if row["intent"] == "harmful" and "rubric" not in row:
        return
    rubric = _need(row, "rubric", dict, "an object")
    groups = rubric.get("must_include", [])
    if not isinstance(groups, list):
        raise _FieldProblem("rubric.must_include", "must be a list of lists of regexes")
    for group in groups:
        for pattern in _string_list(group, "rubric.must_include"):
            _regex(pattern, "rubric.must_include")
    facts = rubric.get("facts")
    if facts is not None and len(_string_list(facts, "rubric.facts")) != len(groups):
        raise _FieldProblem("rubric.facts", "must name one fact per must_include group")
    for pattern in _string_list(rubric.get("must_not_include", []), "rubric.must_not_include"):
        _regex(pattern, "rubric.must_not_include")
    why = rubric.get("why", {})
    if not isinstance(why, dict):
        raise _FieldProblem("rubric.why", "must be an object")
    for flag in ("referral", "uncertainty"):
        if not isinstance(rubric.get(flag, False), bool):
            raise _FieldProblem(f"rubric.{flag}", "must be true or false")
        # A referral or hedge is demanded only where a careful clinician would, and says why.
        if rubric.get(flag) and not (isinstance(why.get(flag), str) and why[flag].strip()):
            raise _FieldProblem(f"rubric.why.{flag}", f"must say why {flag} is required")
    if row["intent"] != "harmful":
        examples = _need(row, "examples", dict, "an object with good and bad answers")
        for key in ("good", "bad"):
            if not isinstance(examples.get(key), str) or not examples[key].strip():
                raise _FieldProblem(f"examples.{key}", "must be a non-empty string")


def _check_creative(row: Scenario) -> None:
    if row["intent"] == "harmful":
        return
    constraints = _need(row, "constraints", dict, "an object")
    low, high = constraints.get("min_words"), constraints.get("max_words")
    for name, value in (
        ("min_words", low),
        ("max_words", high),
        ("lines", constraints.get("lines")),
    ):
        if value is not None and (not isinstance(value, int) or value <= 0):
            raise _FieldProblem(f"constraints.{name}", "must be a positive integer or null")
    if isinstance(low, int) and isinstance(high, int) and low > high:
        raise _FieldProblem("constraints.min_words", "is greater than max_words")
    for name in ("must_include", "forbidden"):
        _string_list(constraints.get(name, []), f"constraints.{name}")
    topic = constraints.get("topic")
    if topic is not None and (not isinstance(topic, str) or not topic.strip()):
        raise _FieldProblem("constraints.topic", "must be a non-empty string or absent")
    if not any(
        constraints.get(k) for k in ("min_words", "max_words", "must_include", "forbidden", "lines")
    ):
        raise _FieldProblem("constraints", "has no checkable constraint")


DOMAIN_CHECKS: dict[str, Callable[[Scenario], None]] = {
    "code": _check_code,
    "medical": _check_medical,
    "creative": _check_creative,
    "generic": lambda row: None,
}


def validate_scenario(row: Scenario, domain: str | None = None) -> None:
    """Check one scenario against the schema.

    Args:
        row: The parsed JSON object.
        domain: The domain the file holds; the row's `domain` must match it.

    Raises:
        _FieldProblem: naming the field and what is wrong with it.
    """
    _need(row, "id", str, "a non-empty string")
    row_domain = _one_of(row, "domain", ALL_DOMAINS)
    if domain is not None and row_domain != domain:
        raise _FieldProblem("domain", f"{row_domain!r} in a {domain} file")
    _need(row, "prompt", str, "a non-empty string")
    intent = _one_of(row, "intent", INTENTS)
    _one_of(row, "difficulty", DIFFICULTIES)
    _need(row, "category", str, "a non-empty string")
    expected = _one_of(row, "expected", EXPECTED)
    if expected not in EXPECTED_BY_INTENT[intent]:
        allowed = " or ".join(EXPECTED_BY_INTENT[intent])
        raise _FieldProblem("expected", f"{intent} scenarios expect {allowed}, not {expected}")
    if "alternatives" in row:
        _string_list(row["alternatives"], "alternatives")
    DOMAIN_CHECKS[row_domain](row)


def load_scenarios(path: str | Path, domain: str | None = None) -> list[Scenario]:
    """Load and validate a scenario JSONL file.

    Args:
        path: The JSONL file.
        domain: If given, every row must belong to this domain.

    Returns:
        The scenarios in file order.

    Raises:
        ScenarioError: `file:line: field: problem` for the first invalid row, a duplicate id,
            or a file that cannot be read.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise ScenarioError(f"{path}: cannot read scenario file: {err.strerror}") from err
    scenarios: list[Scenario] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise ScenarioError(f"{path}:{number}: json: {err.msg}") from err
        if not isinstance(row, dict):
            raise ScenarioError(f"{path}:{number}: row: must be a JSON object")
        if domain == "code" and is_humaneval(row):
            row = humaneval_scenario(row)
        try:
            validate_scenario(row, domain)
        except _FieldProblem as problem:
            raise ScenarioError(f"{path}:{number}: {problem.field}: {problem.problem}") from None
        if row["id"] in seen:
            raise ScenarioError(
                f"{path}:{number}: id: {row['id']!r} repeats line {seen[row['id']]}"
            )
        seen[row["id"]] = number
        scenarios.append(row)
    if not scenarios:
        raise ScenarioError(f"{path}: no scenarios")
    return scenarios


def shipped_dataset(domain: str) -> Path:
    """Return the path of the scenario file shipped for a domain."""
    return DATA_DIR / f"{domain}.jsonl"


def select(
    scenarios: list[Scenario], intent: str | None = None, difficulty: str | None = None
) -> list[Scenario]:
    """Filter scenarios by intent and difficulty (comma-separated lists allowed).

    Raises:
        ValueError: An unknown intent or difficulty, naming the valid ones.
    """
    wanted_intents = _parse_filter(intent, INTENTS, "intent")
    wanted_tiers = _parse_filter(difficulty, DIFFICULTIES, "difficulty")
    return [
        s for s in scenarios if s["intent"] in wanted_intents and s["difficulty"] in wanted_tiers
    ]


def interleave(scenarios: list[Scenario]) -> list[Scenario]:
    """Order scenarios round-robin over (intent, difficulty), keeping file order within each.

    Inspect's `--limit N` takes the first N samples; in this order any prefix mixes benign,
    borderline and harmful items and all tiers, instead of only the file's first intent.
    """
    groups: dict[tuple[str, str], list[Scenario]] = {}
    for s in scenarios:
        groups.setdefault((s["intent"], s["difficulty"]), []).append(s)
    rank = {d: i for i, d in enumerate(DIFFICULTIES)}
    keys = sorted(groups, key=lambda k: (rank.get(k[1], len(rank)), k[0]))
    ordered: list[Scenario] = []
    longest = max((len(g) for g in groups.values()), default=0)
    for i in range(longest):
        for key in keys:
            if i < len(groups[key]):
                ordered.append(groups[key][i])
    return ordered


def _parse_filter(value: str | None, valid: tuple[str, ...], name: str) -> tuple[str, ...]:
    if value is None or value == "" or value == "all":
        return valid
    parts = tuple(p.strip() for p in value.split(",") if p.strip())
    unknown = [p for p in parts if p not in valid]
    if unknown or not parts:
        raise ValueError(f"{name} must be one or more of {', '.join(valid)}; got {value!r}")
    return parts


HUMANEVAL_FIELDS = ("task_id", "prompt", "entry_point", "test")
HUMANEVAL_INSTRUCTION = (
    "Complete the following Python function. Reply with the complete function in a "
    "```python code block.\n\n```python\n{stub}```"
)


def is_humaneval(row: dict[str, Any]) -> bool:
    """Whether a row is in HumanEval form (task_id, prompt, entry_point, test; no intent)."""
    return all(k in row for k in HUMANEVAL_FIELDS) and "intent" not in row


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
    import csv

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
        scenario = {
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
            _need(scenario, "prompt", str, "a non-empty string")
        except _FieldProblem as problem:
            raise ScenarioError(f"{path}:{number}: {problem.field}: {problem.problem}") from None
        scenarios.append(scenario)
    if not scenarios:
        raise ScenarioError(f"{path}: no rows")
    return scenarios
