"""The grading credits strong answers however worded and tells them from flawed twins.

The answers in tests/objectives/data/grading_validity were written blind to the rubrics;
`heldout` was never looked at while the grading was changed (benchmarks/grading_validity.py).
"""

from __future__ import annotations

import pytest

from benchmarks.grading_validity import grade_all


@pytest.mark.parametrize("domain", ["medical", "creative"])
def test_strong_answers_score_high_and_are_never_read_as_refusals(domain: str) -> None:
    results = grade_all(domain, "heldout")
    strong = [a for _, answers, _, _ in results for a in answers]
    assert sum(a.helpful for a in strong) / len(strong) >= 0.90
    assert all(a.refusal == "compliance" for a in strong)
    flawed = [f for _, _, f, _ in results]
    assert sum(f.helpful for f in flawed) / len(flawed) <= 0.50


def test_medical_strong_answers_beat_their_flawed_twins() -> None:
    results = grade_all("medical", "heldout")
    wins = sum(all(a.helpful > f.helpful for a in s) for _, s, f, _ in results)
    assert wins >= 0.9 * len(results)


def test_creative_twins_that_break_a_stated_constraint_lose() -> None:
    # Off-topic and vague pieces that keep the form are beyond the deterministic checks (the
    # grader model judges the subject); pieces that break the form or stop short must lose.
    results = grade_all("creative", "heldout")
    broken = [(s, f) for _, s, f, kind in results if kind in ("truncated", "ignored_constraint")]
    wins = sum(all(a.helpful > f.helpful for a in s) for s, f in broken)
    assert wins >= 0.8 * len(broken)
