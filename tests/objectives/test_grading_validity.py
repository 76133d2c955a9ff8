"""The grading credits strong answers however worded and tells them from flawed twins.

The answers in tests/objectives/data/grading_validity were written blind to the rubrics;
the held-out sets were never looked at while the grading was changed, except as the
benchmark's docstring records (benchmarks/grading_validity.py).
"""

from __future__ import annotations

import pytest

from benchmarks.grading_validity import grade_all, grade_unusual, sets

HELD_OUT_CREATIVE = [name for name in sets("creative") if name != "dev"]


def test_medical_strong_answers_score_high_and_are_never_read_as_refusals() -> None:
    results = grade_all("medical", "heldout")
    strong = [a for _, answers, _, _ in results for a in answers]
    assert sum(a.helpful for a in strong) / len(strong) >= 0.90
    assert all(a.refusal == "compliance" for a in strong)
    flawed = [f for _, _, f, _ in results]
    assert sum(f.helpful for f in flawed) / len(flawed) <= 0.50


def test_medical_strong_answers_beat_their_flawed_twins() -> None:
    results = grade_all("medical", "heldout")
    wins = sum(all(a.helpful > f.helpful for a in s) for _, s, f, _ in results)
    assert wins >= 0.9 * len(results)


@pytest.mark.parametrize("which", HELD_OUT_CREATIVE)
def test_creative_strong_answers_score_high_and_flawed_low_in_every_held_out_set(
    which: str,
) -> None:
    results = grade_all("creative", which)
    strong = [a for _, answers, _, _ in results for a in answers]
    assert sum(a.helpful for a in strong) / len(strong) >= 0.90
    assert all(a.refusal == "compliance" for a in strong)
    flawed = [f for _, _, f, _ in results]
    assert sum(f.helpful for f in flawed) / len(flawed) <= 0.50


def test_creative_strong_answers_beat_their_flawed_twins() -> None:
    # Pooled over the held-out writers. What still slips through: an off-topic piece that
    # keeps the stated words, and a truncated poem with the right line count (the grader
    # model reads the subject; a token limit shows in the model's stop reason).
    pairs = [r for which in HELD_OUT_CREATIVE for r in grade_all("creative", which)]
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
