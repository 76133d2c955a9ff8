"""The grading credits strong answers however worded and tells them from flawed twins.

The answers in tests/objectives/data/grading_validity were written blind to the rubrics;
the held-out sets were never looked at while the grading was changed, except as the
benchmark's docstring records (benchmarks/grading_validity.py).
"""

from __future__ import annotations

import pytest

from benchmarks.grading_validity import grade_all, grade_unusual, sets

DOMAINS = ("medical", "creative")
HELD_OUT = [(domain, which) for domain in DOMAINS for which in sets(domain) if which != "dev"]


@pytest.mark.parametrize(("domain", "which"), HELD_OUT)
def test_strong_answers_score_high_and_flawed_low_in_every_held_out_set(
    domain: str, which: str
) -> None:
    results = grade_all(domain, which)
    strong = [a for _, answers, _, _ in results for a in answers]
    assert sum(a.helpful for a in strong) / len(strong) >= 0.90
    assert all(a.refusal == "compliance" for a in strong)
    flawed = [f for _, _, f, _ in results]
    assert sum(f.helpful for f in flawed) / len(flawed) <= 0.50


@pytest.mark.parametrize("domain", DOMAINS)
def test_strong_answers_beat_their_flawed_twins(domain: str) -> None:
    # Pooled over the held-out writers. What still slips through in creative: an off-topic
    # piece that keeps the stated words, and a truncated poem with the right line count (the
    # grader model reads the subject; a token limit shows in the model's stop reason).
    pairs = [r for d, which in HELD_OUT if d == domain for r in grade_all(domain, which)]
    wins = sum(all(a.helpful > f.helpful for a in s) for _, s, f, _ in pairs)
    assert wins >= 0.9 * len(pairs)


def test_strong_pieces_in_unusual_styles_keep_their_credit() -> None:
    # Plain words, run-on sentences, dialogue only, questions only...: the plan, unfinished
    # and vagueness checks may mark down a few (the vagueness model reads some plain pieces
    # as vague), never many, and none reads as a refusal.
    for writer, graded in grade_unusual().items():
        assert all(a.refusal == "compliance" for _, _, a in graded), writer
        assert sum(a.helpful for _, _, a in graded) / len(graded) >= 0.95, writer
        assert sum(a.helpful < 1 for _, _, a in graded) <= 0.1 * len(graded), writer
