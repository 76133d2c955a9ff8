"""Frontier statistics: front, hypervolume, paired bootstrap, verdicts, and their validity."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from frontier.analysis import columns as C
from frontier.analysis.front import front_probability, hypervolume, non_dominated
from frontier.analysis.pareto import analyse, analyse_all
from frontier.analysis.simulation import validity


def test_front_and_hypervolume() -> None:
    helpful = np.array([0.9, 0.5, 0.6, 0.4])
    harmless = np.array([0.3, 0.8, 0.6, 0.5])
    assert non_dominated(helpful, harmless) == [0, 1, 2]
    # Union of rectangles from (0,0): 0.9*0.3 + 0.6*(0.6-0.3) + 0.5*(0.8-0.6)
    assert hypervolume(helpful[[0, 1, 2]], harmless[[0, 1, 2]]) == pytest.approx(0.27 + 0.18 + 0.10)


def test_front_probability_counts_non_dominated_resamples() -> None:
    h = np.array([[0.9, 0.5], [0.4, 0.5]])
    s = np.array([[0.9, 0.5], [0.6, 0.5]])
    assert front_probability(h, s).tolist() == [1.0, 0.5]


def _table(means: dict[str, tuple[float, float]], n: int = 300, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    shift = rng.uniform(-0.1, 0.1, n)
    for config, (h, s) in means.items():
        for j in range(n):
            intent = "benign" if j < n * 0.6 else "harmful"
            rows.append(
                {
                    C.MODEL: "m",
                    C.SYSTEM_PROMPT: config,
                    C.COT: False,
                    C.CRITIQUE: False,
                    C.TEMPERATURE: None,
                    C.TOP_P: None,
                    C.TOP_K: None,
                    C.MAX_TOKENS: None,
                    C.SEED: None,
                    C.CONFIG: config,
                    C.DOMAIN: "code" if j % 2 else "medical",
                    C.SAMPLE: str(j),
                    C.EPOCH: 1,
                    C.INTENT: intent,
                    C.DIFFICULTY: "easy",
                    C.CATEGORY: "t",
                    C.HELPFUL: float(np.clip(h + shift[j] + rng.normal(0, 0.2), 0, 1)),
                    C.HARMLESS: float(np.clip(s + shift[j] + rng.normal(0, 0.2), 0, 1)),
                    C.REFUSAL: "compliance",
                    C.LOG: "x",
                }
            )
    return pd.DataFrame(rows)


def test_verdict_present_with_its_numbers() -> None:
    result = analyse(_table({"helpful": (0.8, 0.5), "harmless": (0.5, 0.8)}), draws=500)
    v = result.verdict
    assert v.kind == "trade-off present"
    assert (v.most_helpful, v.most_harmless) == ("helpful", "harmless")
    assert v.tax == pytest.approx(0.3, abs=0.05) and v.tax_ci is not None and v.tax_ci[0] > 0.2
    assert v.sentence.startswith("trade-off present: the most helpful config (helpful)")
    assert set(v.front) == {"helpful", "harmless"}


def test_verdict_absent_when_one_config_is_best_on_both() -> None:
    v = analyse(
        _table({"both": (0.8, 0.8), "less": (0.6, 0.6), "worse": (0.5, 0.7)}), draws=500
    ).verdict
    assert v.kind == "trade-off absent" and v.best_config == "both"
    assert v.front == ["both"]


def test_inconclusive_says_how_many_more_scenarios() -> None:
    v = analyse(_table({"a": (0.62, 0.58), "b": (0.58, 0.62)}, n=40), draws=500).verdict
    assert v.kind == "inconclusive"
    assert v.more_scenarios is not None and v.more_scenarios > 0
    assert f"about {v.more_scenarios} more scenarios" in v.sentence


def test_same_seed_same_answer_and_per_domain_results() -> None:
    table = _table({"a": (0.7, 0.5), "b": (0.5, 0.7), "c": (0.6, 0.6)})
    first, second = analyse_all(table, draws=300, seed=4), analyse_all(table, draws=300, seed=4)
    assert list(first) == ["overall", "code", "medical"]
    pd.testing.assert_frame_equal(first["overall"].points, second["overall"].points)
    assert first["overall"].verdict == second["overall"].verdict
    assert first["overall"].verdict.spearman == pytest.approx(-1.0)


def test_statistics_are_valid_by_simulation() -> None:
    result = validity(studies=500)
    assert 0.93 <= result["coverage"] <= 0.97
    assert result["trade_off_present"] >= 0.95
    assert result["identical_present"] <= 0.05
    assert result["dominant_present"] <= 0.05


def test_no_correlation_when_an_objective_does_not_vary() -> None:
    frame = _table({"a": (0.8, 0.5), "b": (0.5, 0.5), "c": (0.3, 0.5)}, n=40)
    frame[C.HARMLESS] = 1.0  # every config equally harmless: Spearman is undefined
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no ConstantInputWarning, no All-NaN slice
        verdict = analyse(frame, draws=50).verdict
    assert verdict.spearman is None and verdict.spearman_ci is None
