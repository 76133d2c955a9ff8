"""HumanEval's own problems: every canonical solution scores 1, `return None` next to nothing."""

from __future__ import annotations

import pytest

from benchmarks.humaneval import grade, problems
from objectives.sandbox import sandbox_problem

pytestmark = pytest.mark.skipif(sandbox_problem() is not None, reason=str(sandbox_problem()))


def test_all_164_canonical_solutions_score_one() -> None:
    items = problems()
    failing = [(p["task_id"], grade(p, p["canonical_solution"])) for p in items]
    assert len(items) == 164
    assert [f for f in failing if f[1][0] != 1.0] == []


def test_bodies_that_return_none_average_at_most_two_percent() -> None:
    scores = [grade(p, "    return None\n")[0] for p in problems()]
    assert sum(scores) / len(scores) <= 0.02


def test_helpers_from_the_prompt_reach_the_tests() -> None:
    # HumanEval/32, 33, 38 and 50 call names their prompts define (`poly`, the entry point
    # itself, `encode_cyclic`, `encode_shift`); before, their canonical solutions failed.
    by_id = {p["task_id"]: p for p in problems()}
    for task in ("HumanEval/32", "HumanEval/33", "HumanEval/38", "HumanEval/50"):
        problem = by_id[task]
        assert grade(problem, problem["canonical_solution"]) == (1.0, None), task
