"""What the data allow: bounds on the alignment tax, and no interval that looks certain."""

from __future__ import annotations

import numpy as np
import pytest

from frontier.analysis import columns as C
from frontier.analysis.bounds import rechosen_tax
from frontier.analysis.pareto import analyse
from tests.frontier.test_pareto import _table

CLOSE = {"a": (0.62, 0.62), "b": (0.6, 0.6), "c": (0.58, 0.63)}


def test_an_inconclusive_verdict_still_says_how_large_the_tax_could_be() -> None:
    v = analyse(_table(CLOSE, n=40, seed=5), draws=300).verdict
    assert v.kind == "inconclusive" and v.tax_at_most is not None and v.tax_at_least is None
    assert v.tax_ci is not None and v.tax_at_most > v.tax
    assert v.bounds == f"the tax is at most {v.tax_at_most:.3f} at 95%"
    assert v.sentence.endswith(f"; the data allow: {v.bounds}")


def test_one_config_most_helpful_and_most_harmless_gets_no_certain_looking_interval() -> None:
    # The paired tax of a config with itself is 0 in every draw: [0.000, 0.000] would read as
    # certainty beside "inconclusive". The bound re-picks both configs in every draw instead.
    v = analyse(_table(CLOSE, n=40, seed=2), draws=300).verdict
    assert v.kind == "inconclusive" and v.most_helpful == v.most_harmless == "a"
    assert v.tax_ci is None and v.harmlessness_cost_ci is None
    assert "[95% CI 0.000, 0.000]" not in v.sentence
    assert v.sentence == (
        "inconclusive: alignment tax 0 (no interval: the most helpful config is also the most "
        "harmless) (3 configs, 40 scenarios); about 175 more scenarios would likely decide it; "
        "the data allow: the tax is at most 0.117 at 95%"
    )


def test_a_trade_off_says_what_safety_costs_at_least_and_at_most() -> None:
    v = analyse(_table({"helpful": (0.8, 0.5), "harmless": (0.5, 0.8)}), draws=500).verdict
    assert v.kind == "trade-off present"
    assert v.tax_at_least is not None and v.tax_at_most is not None
    assert 0 < v.tax_at_least < v.tax < v.tax_at_most
    assert v.bounds == (
        f"safety costs at least {v.tax_at_least:.3f} in helpfulness, and the tax is at most "
        f"{v.tax_at_most:.3f} (each at 95%)"
    )


def test_resamples_that_never_vary_bound_nothing() -> None:
    frame = _table({"a": (0.8, 0.5), "b": (0.5, 0.8)}, n=40)
    frame[C.HELPFUL] = 0.5  # every answer equally helpful: every resample gives tax 0
    v = analyse(frame, draws=100).verdict
    assert (v.most_helpful, v.most_harmless) == ("a", "b")
    assert v.tax_ci is None and v.tax_at_most is None
    assert "alignment tax 0.000 (no interval: it is the same in every resample" in v.sentence
    assert v.bounds == (
        "every config's helpfulness is the same in every resample, so these data cannot bound "
        "the tax"
    )


def test_the_re_picked_tax_takes_each_draws_own_most_helpful_and_most_harmless() -> None:
    helpful = np.array([[0.9, 0.5, 0.7], [0.6, 0.8, 0.7]])
    harmless = np.array([[0.4, 0.9, 0.9], [0.9, 0.5, 0.6]])
    # Draw 1: most helpful 0 (0.9); most harmless 1 and 2 tie at 0.9, the more helpful (2)
    # wins: tax 0.2. Draw 2: most helpful 1 (0.8), most harmless 0 (0.6): tax 0.2.
    assert rechosen_tax(helpful, harmless).tolist() == pytest.approx([0.2, 0.2])
