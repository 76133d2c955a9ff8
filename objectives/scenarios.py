"""Scenario datasets: the JSONL schema, and a loader reporting `file:line: field: problem`."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NotRequired, TypedDict, cast

from objectives.vocabulary import (
    ALL_DOMAINS,
    DIFFICULTIES,
    EXPECTED,
    INTENTS,
    AnyDomain,
    Difficulty,
    Expected,
    Intent,
)

# What each intent may expect: refusing a benign or borderline request is over-refusal.
EXPECTED_BY_INTENT = {
    "benign": ("comply",),
    "borderline": ("comply", "safe_complete"),
    "harmful": ("refuse",),
}


class Scenario(TypedDict):
    """One scenario row, as the graders read it (`validate_scenario` checks each field)."""

    id: str
    domain: AnyDomain
    prompt: str
    intent: Intent
    difficulty: Difficulty
    category: str
    expected: Expected
    # What a good refusal of a harmful request might offer instead.
    alternatives: NotRequired[list[str]]
    # Code: the function to write, its `check(candidate)` tests, a solution that passes them,
    # and for HumanEval rows the prompt's own stub (with any helpers it defines).
    entry_point: NotRequired[str]
    test: NotRequired[str]
    reference_solution: NotRequired[str]
    stub: NotRequired[str]
    # Medical: the rubric (facts, referral, uncertainty, dangerous claims) and worked examples.
    rubric: NotRequired[dict[str, Any]]
    examples: NotRequired[Any]
    # Creative: the stated constraints (words, lines, forbidden words, topic).
    constraints: NotRequired[dict[str, Any]]
    # XSTest rows: the prompt's focus word and the dataset's note.
    focus: NotRequired[str]
    note: NotRequired[str]


class ScenarioError(ValueError):
    """A scenario file that does not follow the schema; the message names file, line and field."""


class FieldProblem(Exception):
    """One field of a row is wrong: which, and what is wrong with it."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


def _need(row: Mapping[str, Any], field: str, kind: type | tuple[type, ...], what: str) -> Any:
    if field not in row:
        raise FieldProblem(field, "missing")
    value = row[field]
    if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
        raise FieldProblem(field, f"must be {what}")
    return value


def _one_of(row: Mapping[str, Any], field: str, allowed: tuple[str, ...]) -> str:
    value = _need(row, field, str, "a string")
    if value not in allowed:
        raise FieldProblem(field, f"{value!r} is not one of {', '.join(allowed)}")
    return str(value)


def _string_list(value: Any, field: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise FieldProblem(field, "must be a list of non-empty strings")
    return value


def _regex(pattern: str, field: str) -> None:
    try:
        re.compile(pattern)
    except re.error as err:
        raise FieldProblem(field, f"bad regex {pattern!r}: {err}") from err


def _check_code(row: Mapping[str, Any]) -> None:
    if row["intent"] == "harmful":
        return
    _need(row, "entry_point", str, "a function name")
    test = _need(row, "test", str, "a string defining check(candidate)")
    if "def check(candidate)" not in test:
        raise FieldProblem("test", "must define check(candidate)")
    if "stub" not in row and test.count("assert") < 3:  # imported HumanEval rows keep theirs
        raise FieldProblem("test", "needs at least 3 asserts")
    _need(row, "reference_solution", str, "a string of Python source")


def _check_medical(row: Mapping[str, Any]) -> None:
    if row["intent"] == "harmful" and "rubric" not in row:
        return
    rubric = _need(row, "rubric", dict, "an object")
    groups = rubric.get("must_include", [])
    if not isinstance(groups, list):
        raise FieldProblem("rubric.must_include", "must be a list of lists of regexes")
    for group in groups:
        for pattern in _string_list(group, "rubric.must_include"):
            _regex(pattern, "rubric.must_include")
    facts = rubric.get("facts")
    if facts is not None and len(_string_list(facts, "rubric.facts")) != len(groups):
        raise FieldProblem("rubric.facts", "must name one fact per must_include group")
    for pattern in _string_list(rubric.get("must_not_include", []), "rubric.must_not_include"):
        _regex(pattern, "rubric.must_not_include")
    why = rubric.get("why", {})
    if not isinstance(why, dict):
        raise FieldProblem("rubric.why", "must be an object")
    for flag in ("referral", "uncertainty"):
        if not isinstance(rubric.get(flag, False), bool):
            raise FieldProblem(f"rubric.{flag}", "must be true or false")
        # A referral or hedge is demanded only where a careful clinician would, and says why.
        if rubric.get(flag) and not (isinstance(why.get(flag), str) and why[flag].strip()):
            raise FieldProblem(f"rubric.why.{flag}", f"must say why {flag} is required")
    if row["intent"] != "harmful":
        examples = _need(row, "examples", dict, "an object with good and bad answers")
        for key in ("good", "bad"):
            if not isinstance(examples.get(key), str) or not examples[key].strip():
                raise FieldProblem(f"examples.{key}", "must be a non-empty string")


def _check_creative(row: Mapping[str, Any]) -> None:
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
            raise FieldProblem(f"constraints.{name}", "must be a positive integer or null")
    if isinstance(low, int) and isinstance(high, int) and low > high:
        raise FieldProblem("constraints.min_words", "is greater than max_words")
    for name in ("must_include", "forbidden"):
        _string_list(constraints.get(name, []), f"constraints.{name}")
    topic = constraints.get("topic")
    if topic is not None and (not isinstance(topic, str) or not topic.strip()):
        raise FieldProblem("constraints.topic", "must be a non-empty string or absent")
    if not any(
        constraints.get(k) for k in ("min_words", "max_words", "must_include", "forbidden", "lines")
    ):
        raise FieldProblem("constraints", "has no checkable constraint")


DOMAIN_CHECKS: dict[str, Callable[[Mapping[str, Any]], None]] = {
    "code": _check_code,
    "medical": _check_medical,
    "creative": _check_creative,
    "generic": lambda row: None,
}


def validate_scenario(row: Mapping[str, Any], domain: str | None = None) -> None:
    """Check one scenario against the schema.

    Args:
        row: The parsed JSON object.
        domain: The domain the file holds; the row's `domain` must match it.

    Raises:
        FieldProblem: naming the field and what is wrong with it.
    """
    _need(row, "id", str, "a non-empty string")
    row_domain = _one_of(row, "domain", ALL_DOMAINS)
    if domain is not None and row_domain != domain:
        raise FieldProblem("domain", f"{row_domain!r} in a {domain} file")
    _need(row, "prompt", str, "a non-empty string")
    intent = _one_of(row, "intent", INTENTS)
    _one_of(row, "difficulty", DIFFICULTIES)
    _need(row, "category", str, "a non-empty string")
    expected = _one_of(row, "expected", EXPECTED)
    if expected not in EXPECTED_BY_INTENT[intent]:
        allowed = " or ".join(EXPECTED_BY_INTENT[intent])
        raise FieldProblem("expected", f"{intent} scenarios expect {allowed}, not {expected}")
    if "alternatives" in row:
        _string_list(row["alternatives"], "alternatives")
    DOMAIN_CHECKS[row_domain](row)


def load_scenarios(
    path: str | Path,
    domain: str | None = None,
    adapt: Callable[[dict[str, Any]], Scenario | None] | None = None,
) -> list[Scenario]:
    """Load and validate a scenario JSONL file.

    Args:
        path: The JSONL file.
        domain: If given, every row must belong to this domain.
        adapt: Turns a row of a public format into a scenario (None: the row is one already).

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
        if adapt is not None:
            row = dict(adapt(row) or row)
        try:
            validate_scenario(row, domain)
        except FieldProblem as problem:
            raise ScenarioError(f"{path}:{number}: {problem.field}: {problem.problem}") from None
        if row["id"] in seen:
            raise ScenarioError(
                f"{path}:{number}: id: {row['id']!r} repeats line {seen[row['id']]}"
            )
        seen[row["id"]] = number
        scenarios.append(cast(Scenario, row))
    if not scenarios:
        raise ScenarioError(f"{path}: no scenarios")
    return scenarios
