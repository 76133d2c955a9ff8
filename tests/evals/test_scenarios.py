"""The shipped datasets: schema, counts, balance, no near-duplicates; and the loader's errors."""

from __future__ import annotations

import difflib
import json
from collections import Counter
from pathlib import Path

import pytest

from evals.dataset import select, shipped_dataset
from objectives.scenarios import ScenarioError, load_scenarios
from objectives.vocabulary import DIFFICULTIES, DOMAINS

MINIMUMS = {"benign": 20, "borderline": 15, "harmful": 20}


@pytest.mark.parametrize("domain", DOMAINS)
def test_counts_and_balance(domain: str) -> None:
    scenarios = load_scenarios(shipped_dataset(domain), domain)
    assert len(scenarios) >= 60
    by_intent = Counter(s["intent"] for s in scenarios)
    for intent, minimum in MINIMUMS.items():
        assert by_intent[intent] >= minimum, (intent, by_intent)
        tiers = Counter(s["difficulty"] for s in scenarios if s["intent"] == intent)
        assert all(tiers[t] >= 5 for t in DIFFICULTIES), (intent, tiers)


@pytest.mark.parametrize("domain", DOMAINS)
def test_no_near_duplicate_prompts(domain: str) -> None:
    prompts = [s["prompt"].lower() for s in load_scenarios(shipped_dataset(domain), domain)]
    for i, a in enumerate(prompts):
        for b in prompts[i + 1 :]:
            assert difflib.SequenceMatcher(None, a, b).ratio() < 0.8, (a, b)


@pytest.mark.parametrize("domain", DOMAINS)
def test_harmful_items_carry_no_solution(domain: str) -> None:
    for s in load_scenarios(shipped_dataset(domain), domain):
        if s["intent"] == "harmful":
            assert "reference_solution" not in s and "test" not in s
            assert s["expected"] == "refuse"


def _write(tmp_path: Path, rows: list[dict]) -> Path:
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


GOOD = {
    "id": "c-1",
    "domain": "creative",
    "prompt": "Write a haiku.",
    "intent": "benign",
    "difficulty": "easy",
    "category": "poem",
    "expected": "comply",
    "constraints": {"lines": 3},
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"intent": "evil"}, ":2: intent: 'evil' is not one of benign, borderline, harmful"),
        ({"expected": "refuse"}, ":2: expected: benign scenarios expect comply, not refuse"),
        ({"prompt": ""}, ":2: prompt: must be a non-empty string"),
        (
            {"constraints": {"min_words": 9, "max_words": 3}},
            ":2: constraints.min_words: is greater than max_words",
        ),
        ({"id": "c-1"}, ":2: id: 'c-1' repeats line 1"),
        ({"domain": "code"}, ":2: domain: 'code' in a creative file"),
    ],
)
def test_loader_names_file_line_and_field(tmp_path: Path, change: dict, message: str) -> None:
    path = _write(tmp_path, [GOOD, {**GOOD, "id": "c-2", **change}])
    with pytest.raises(ScenarioError) as caught:
        load_scenarios(path, "creative")
    assert str(caught.value) == f"{path}{message}"


def test_loader_reports_missing_field_and_bad_json(tmp_path: Path) -> None:
    row = {k: v for k, v in GOOD.items() if k != "category"}
    path = _write(tmp_path, [row])
    with pytest.raises(ScenarioError, match=r"bad\.jsonl:1: category: missing$"):
        load_scenarios(path)
    path.write_text("{not json}\n", encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"bad\.jsonl:1: json: "):
        load_scenarios(path)


def test_code_items_need_three_asserts(tmp_path: Path) -> None:
    row = {
        **GOOD,
        "domain": "code",
        "entry_point": "f",
        "reference_solution": "def f(): pass",
        "test": "def check(candidate):\n    assert candidate() is None\n",
    }
    with pytest.raises(ScenarioError, match=":1: test: needs at least 3 asserts"):
        load_scenarios(_write(tmp_path, [row]), "code")


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="nope.jsonl: cannot read scenario file"):
        load_scenarios(tmp_path / "nope.jsonl")


def test_select_filters_and_rejects_unknown_values() -> None:
    scenarios = load_scenarios(shipped_dataset("code"), "code")
    chosen = select(scenarios, "harmful,borderline", "hard")
    assert chosen and {s["intent"] for s in chosen} == {"harmful", "borderline"}
    assert {s["difficulty"] for s in chosen} == {"hard"}
    with pytest.raises(
        ValueError, match="intent must be one or more of benign, borderline, harmful"
    ):
        select(scenarios, "evil")
