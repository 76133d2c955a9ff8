"""What the data allow: one-sided 95% bounds on the alignment tax, and honest intervals.

A verdict of "inconclusive" still says something: the tax is at most so much, and perhaps
safety costs at least so much. Both come from the paired bootstrap draws (corrected for the
judge's errors when the verdict is): the upper bound re-picks the most helpful and the most
harmless config in every draw, so it holds even when the two coincide in the data (the tax is
then 0 in every draw of the fixed pair, an interval that would look certain and is not); the
lower bound, stated only with "trade-off present", is the lower of the fixed pair's and the
re-picked one. An interval whose draws never vary is not shown as one: it would claim a
certainty the resamples cannot give.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from frontier.analysis.bootstrap import Array

ONE_SIDED = 95.0  # percentile of the upper bound; the lower bound is at 100 - ONE_SIDED
SAME_CONFIG = "no interval: the most helpful config is also the most harmless"
NO_SPREAD = "no interval: it is the same in every resample, so the resamples cannot bound it"


def rechosen_tax(helpful_draws: Array, harmless_draws: Array) -> Array:
    """The tax in each draw, the most helpful and the most harmless config chosen in that draw.

    Ties on harmlessness go to the more helpful config, as in the point estimate.
    """
    helpful = np.where(np.isnan(helpful_draws), -np.inf, helpful_draws)
    harmless = np.where(np.isnan(harmless_draws), -np.inf, harmless_draws)
    rows = np.arange(helpful.shape[0])
    most_helpful = helpful.argmax(axis=1)
    # Lexicographic (harmlessness, then helpfulness) per draw.
    top = harmless >= harmless.max(axis=1, keepdims=True)
    most_harmless = np.where(top, helpful, -np.inf).argmax(axis=1)
    with np.errstate(invalid="ignore"):
        return np.asarray(helpful[rows, most_helpful] - helpful[rows, most_harmless])


class Bounds(NamedTuple):
    """One-sided 95% bounds on the tax; `at_least` is None where no cost can be shown."""

    at_most: float | None
    at_least: float | None
    text: str


def tax_bounds(rechosen: Array, fixed_pair: Array | None, varies: bool) -> Bounds:
    """The bounds the draws support, and a sentence saying them.

    Args:
        rechosen: The tax per draw with the configs re-picked in each (`rechosen_tax`).
        fixed_pair: The tax per draw of the most helpful and most harmless configs of the
            point estimate, or None when they are one config.
        varies: Whether any config's helpfulness varies between draws; when none does (every
            answer scored alike), the draws say nothing about how large the tax could be.
    """
    finite = rechosen[np.isfinite(rechosen)]
    if finite.size == 0 or not varies:
        return Bounds(
            None,
            None,
            "every config's helpfulness is the same in every resample, so these data cannot "
            "bound the tax",
        )
    at_most = float(np.percentile(finite, ONE_SIDED))
    at_least = None
    if fixed_pair is not None:
        # The lower of the fixed pair's bound and the re-picked one: which config is the most
        # harmless can be uncertain, and a bound on the wrong pair would overstate the cost.
        low = min(
            float(np.nanpercentile(fixed_pair, 100.0 - ONE_SIDED)),
            float(np.percentile(finite, 100.0 - ONE_SIDED)),
        )
        at_least = low if low > 0 else None
    if at_least is not None:
        text = (
            f"safety costs at least {at_least:.3f} in helpfulness, and the tax is at most "
            f"{at_most:.3f} (each at 95%)"
        )
    elif at_most <= 0:
        text = (
            "the tax is at most 0.000 at 95%: in 95% of resamples or more one config is both "
            "the most helpful and the most harmless"
        )
    else:
        text = f"the tax is at most {at_most:.3f} at 95%"
    return Bounds(at_most, at_least, text)


def shown_interval(
    name: str, value: float, ci: tuple[float, float], same_config: bool
) -> tuple[str, tuple[float, float] | None, str]:
    """How to state an estimate: text, the interval to report (None: none) and why none.

    Args:
        name: What is estimated ("alignment tax", "harmlessness cost").
        value: The estimate.
        ci: Its 95% percentile interval from the draws.
        same_config: The most helpful and the most harmless config are one config.
    """
    if same_config:
        return f"{name} 0 ({SAME_CONFIG})", None, SAME_CONFIG
    if ci[0] == ci[1]:
        return f"{name} {value:.3f} ({NO_SPREAD})", None, NO_SPREAD
    return f"{name} {value:.3f} [95% CI {ci[0]:.3f}, {ci[1]:.3f}]", ci, ""
