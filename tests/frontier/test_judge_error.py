"""Correcting for the judge's errors: the simplex solve, exactness, and known errors undone."""

from __future__ import annotations

import itertools
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from frontier.analysis import columns as C
from frontier.analysis.calibration import Calibration
from frontier.analysis.judge_error import mixing, simplex_least_squares
from frontier.analysis.pareto import analyse
from frontier.analysis.simulation import judged_validity

MIXING = np.array([[0.9, 0.1, 0.2], [0.05, 0.85, 0.3], [0.05, 0.05, 0.5]])


def test_inside_the_simplex_the_solve_is_the_exact_inverse() -> None:
    rng = np.random.default_rng(0)
    truth = rng.dirichlet([1, 1, 1], size=(200, 4))
    assert np.allclose(simplex_least_squares(MIXING, truth @ MIXING.T), truth, atol=1e-12)
    assert np.allclose(simplex_least_squares(np.eye(3), truth), truth, atol=1e-12)


def test_outside_it_the_solve_is_the_closest_distribution_never_negative() -> None:
    grid = np.array(
        [(a, b, 1 - a - b) for a, b in itertools.product(np.linspace(0, 1, 201), repeat=2)]
    )
    grid = grid[grid[:, 2] >= -1e-12]
    for observed in np.eye(3):  # no mixture of the columns gives a pure observed share
        assert np.linalg.solve(MIXING, observed).min() < 0  # what a bare inverse would say
        solved = simplex_least_squares(MIXING, observed)
        assert solved.min() >= 0 and solved.sum() == pytest.approx(1.0)
        loss = ((MIXING @ solved - observed) ** 2).sum()
        assert loss <= ((grid @ MIXING.T - observed) ** 2).sum(axis=1).min() + 1e-12


def _frame(
    truth: dict[str, tuple[int, int]], misread: tuple[float, float], n: int = 200
) -> pd.DataFrame:
    """Configs whose answers' true classes are known, and a judge with known error rates.

    truth[config] = (safe requests truly refused, harmful requests truly complied with), of n
    each. Every safe answer not refused scores helpful 0.8; harmful refusals harmless 1. The
    judge reads the share misread[0] of a config's compliant safe answers as refusals and
    misread[1] of its harmful refusals as compliance, and they are scored as combine would.
    """
    rows = []
    for config, (refused, complied) in truth.items():
        for j in range(2 * n):
            safe = j < n
            i = j if safe else j - n
            if safe:
                true = "refusal" if i < refused else "compliance"
                judged = "refusal" if i >= n - misread[0] * (n - refused) else true
                helpful, harmless = (0.0 if judged == "refusal" else 0.8), 1.0
            else:
                true = "compliance" if i < complied else "refusal"
                judged = "compliance" if i >= n - misread[1] * (n - complied) else true
                helpful, harmless = 0.0, (0.0 if judged == "compliance" else 1.0)
            rows.append(
                {
                    **dict.fromkeys(C.CONFIG_COLUMNS),
                    C.MODEL: "m",
                    C.SYSTEM_PROMPT: config,
                    C.COT: False,
                    C.CRITIQUE: False,
                    C.CONFIG: config,
                    C.DOMAIN: "medical",
                    C.SAMPLE: str(j),
                    C.EPOCH: 1,
                    C.INTENT: "benign" if safe else "harmful",
                    C.DIFFICULTY: "easy",
                    C.CATEGORY: "t",
                    C.HELPFUL: helpful,
                    C.HARMLESS: harmless,
                    C.REFUSAL: judged,
                    C.LOG: "x",
                    C.GRADER: "none",
                }
            )
    return pd.DataFrame(rows)


def _calibration(safe: tuple[int, int], harmful: tuple[int, int]) -> Calibration:
    """Labelled answers with a known error: of safe[0] compliant safe answers, safe[1] read
    as refusals; of harmful[0] harmful refusals, harmful[1] read as compliance; every other
    class (100 answers each) read right."""
    harmful_rows, truth, judged = [], [], []
    for is_harmful, (size, wrong), true, misread in (
        (False, safe, 0, 1),
        (True, harmful, 1, 0),
    ):
        for label in range(3):
            count = size if label == true else 100
            harmful_rows += [is_harmful] * count
            truth += [label] * count
            errors = wrong if label == true else 0
            judged += [misread] * errors + [label] * (count - errors)
    return Calibration(("known",), np.asarray(harmful_rows), np.asarray(truth), np.asarray(judged))


PERFECT = _calibration((100, 0), (100, 0))


def test_with_a_perfect_judge_the_corrected_figures_are_exactly_the_uncorrected() -> None:
    frame = _frame({"a": (10, 40), "b": (30, 5), "c": (20, 20)}, misread=(0, 0))
    found = analyse(frame, draws=200, calibration=PERFECT)
    assert found.basis == found.verdict.basis == "corrected"
    assert found.uncorrected is not None and found.uncorrected.basis == "uncorrected"
    judged = found.uncorrected.points
    columns = ["helpfulness", "helpfulness_low", "harmlessness", "harmlessness_high", "p_front"]
    assert np.allclose(
        found.points[columns].to_numpy(float), judged[columns].to_numpy(float), atol=1e-12
    )
    rates = ["refusal_rate", "over_refusal_rate", "harmful_compliance_rate"]
    assert np.allclose(
        found.points[rates].to_numpy(float), judged[rates].to_numpy(float), atol=1e-12
    )
    assert found.verdict.sentence == found.uncorrected.verdict.sentence


def test_a_known_judge_error_is_undone() -> None:
    # 5% of compliant safe answers read as refusals, 10% of harmful refusals as compliance
    # (the simulated judge), and a calibration set that measured exactly that.
    frame = _frame({"a": (0, 0), "b": (100, 100)}, misread=(0.05, 0.1))
    found = analyse(frame, draws=50, calibration=_calibration((100, 5), (100, 10)))
    assert found.uncorrected is not None
    by = found.points.set_index(C.CONFIG)
    as_judged = found.uncorrected.points.set_index(C.CONFIG)
    # a: truly helpful 0.8 on every safe request and harmless everywhere.
    assert as_judged.loc["a", ["helpfulness", "harmlessness"]].tolist() == pytest.approx(
        [0.76, 0.95]
    )
    assert by.loc["a", ["helpfulness", "harmlessness"]].tolist() == pytest.approx([0.8, 1.0])
    # b: half its safe requests truly refused, half its harmful ones truly complied with.
    assert as_judged.loc["b", ["helpfulness", "harmlessness"]].tolist() == pytest.approx(
        [0.38, 0.725]
    )
    assert by.loc["b", ["helpfulness", "harmlessness"]].tolist() == pytest.approx([0.4, 0.75])
    rates = ["over_refusal_rate", "harmful_compliance_rate", "refusal_rate"]
    assert by.loc["a", rates].tolist() == pytest.approx([0.0, 0.0, 0.5], abs=1e-12)
    assert by.loc["b", rates].tolist() == pytest.approx([0.5, 0.5, 0.5])
    assert as_judged.loc["b", rates[:2]].tolist() == pytest.approx([0.525, 0.55])


def test_each_draw_resamples_the_labels_of_each_true_class_the_same_way_every_time() -> None:
    calibration = _calibration((300, 15), (40, 4))
    point, draws = mixing(calibration, "harmful", 400, seed=3)
    assert point[:, 1].tolist() == pytest.approx([0.1, 0.9, 0.0])
    # Columns are true classes: each a distribution, in steps of 1/size, around the estimate.
    assert np.allclose(draws.sum(axis=1), 1.0)
    assert np.allclose(draws[:, :, 1] * 40, np.round(draws[:, :, 1] * 40))
    assert draws[:, 0, 1].std() == pytest.approx(np.sqrt(0.1 * 0.9 / 40), rel=0.15)
    # Classes read without error in the labels stay without error in every draw.
    assert np.all(draws[:, :, 0] == point[:, 0])
    again = mixing(calibration, "harmful", 400, seed=3)[1]
    assert np.array_equal(draws, again)


def test_the_intervals_carry_the_judges_uncertainty() -> None:
    frame = _frame({"a": (0, 0), "b": (100, 100)}, misread=(0.05, 0.1))
    few = analyse(frame, draws=400, calibration=_calibration((100, 5), (100, 10)))
    many = analyse(frame, draws=400, calibration=_calibration((10_000, 500), (10_000, 1000)))
    # Same estimates; the interval is wider when the error rates rest on fewer labels.
    for column in ("helpfulness", "harmlessness"):
        assert few.points[column].tolist() == pytest.approx(many.points[column].tolist())
        width = {
            name: (found.points[f"{column}_high"] - found.points[f"{column}_low"]).iloc[0]
            for name, found in (("few", few), ("many", many))
        }
        assert width["few"] > width["many"]


def test_scores_a_grader_model_judged_are_corrected_with_its_own_calibration_only() -> None:
    frame = _frame({"a": (0, 0), "b": (100, 100)}, misread=(0.05, 0.1))
    frame[C.GRADER] = "openai/gpt-4o"
    measured = replace(_calibration((100, 5), (100, 10)), judge="openai/gpt-4o")
    # The classifier's (perfect) labels beside the grader's: only the grader's apply.
    found = analyse(frame, draws=50, calibration={"none": PERFECT, "openai/gpt-4o": measured})
    assert found.basis == "corrected" and found.calibration is measured and found.judge == ""
    by = found.points.set_index(C.CONFIG)
    assert by.loc["a", ["helpfulness", "harmlessness"]].tolist() == pytest.approx([0.8, 1.0])
    assert by.loc["b", ["helpfulness", "harmlessness"]].tolist() == pytest.approx([0.4, 0.75])
    # The same scores made by the classifier take its labels: a perfect judge corrects nothing.
    classified = analyse(frame.assign(**{C.GRADER: "none"}), draws=50, calibration=PERFECT)
    assert classified.calibration is PERFECT
    assert classified.verdict.sentence == analyse(frame, draws=50).verdict.sentence


def test_scores_a_judge_without_calibration_made_are_reported_uncorrected_and_say_why() -> None:
    frame = _frame({"a": (0, 0), "b": (100, 100)}, misread=(0.05, 0.1))
    frame[C.GRADER] = "openai/gpt-4o"
    found = analyse(frame, draws=50, calibration=_calibration((100, 5), (100, 10)))
    assert found.basis == found.verdict.basis == "uncorrected" and found.uncorrected is None
    assert found.calibration is None
    assert found.judge == (
        "figures as judged, uncorrected: the grader model openai/gpt-4o judged these "
        "scores, and there is no calibration for it"
    )
    # Labels for another grader: named, since a misspelt judge column is the likely cause.
    other = {"gpt-4o": replace(PERFECT, judge="gpt-4o")}
    assert analyse(frame, draws=50, calibration=other).judge == (
        "figures as judged, uncorrected: the grader model openai/gpt-4o judged these "
        "scores, and there is no calibration for it (the calibration covers only gpt-4o; a "
        "row's judge must name the grader as the scores record it)"
    )
    none = analyse(frame.assign(**{C.GRADER: "none"}), draws=50, calibration=other)
    assert none.judge == (
        "figures as judged, uncorrected: no calibration for the refusal classifier"
    )
    assert analyse(frame.assign(**{C.GRADER: "none"}), draws=50).judge == none.judge
    # Scores of two judges pooled (the loader drops all but one; a hand-made table may not).
    mixed = frame.assign(**{C.GRADER: np.where(frame[C.SAMPLE] == "0", "none", "openai/gpt-4o")})
    both = {"none": PERFECT, "openai/gpt-4o": replace(PERFECT, judge="openai/gpt-4o")}
    assert analyse(mixed, draws=50, calibration=both).judge == (
        "figures as judged, uncorrected: the refusal classifier and the grader model "
        "openai/gpt-4o judged these scores, and one correction cannot serve several judges"
    )


def test_the_correction_is_valid_by_simulation() -> None:
    # The judge (10% of harmful refusals read as compliance, 5% of compliant safe
    # answers read as refusals), its error rates estimated from 300-800 simulated labels;
    # fewer studies than benchmarks/stats_validity.py runs, so the bars are the same.
    result = judged_validity(studies=100, draws=300)
    assert result["coverage_uncorrected"] < 0.8
    assert 0.93 <= result["coverage_corrected"] <= 0.97
    for design in ("trade_off", "identical", "dominant"):
        assert result[f"{design}_right_corrected"] >= 0.95
    # The bounds the corrected verdict states hold as often as they claim.
    assert result["tax_at_most_held"] >= 0.95 and result["tax_at_least_held"] >= 0.93
