"""Paired bootstrap over scenarios: every config's means under the same resamples.

Configs are compared on shared scenarios, so their estimates are resampled together: one
draw of scenario weights is applied to every config at once. That makes differences between
configs (the alignment tax, dominance) far tighter than independent CIs would suggest, and
is what the verdict's tests need.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from frontier.analysis import columns as C

Array = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Matrices:
    """Per-config, per-scenario values (epochs averaged); NaN where a config lacks a scenario.

    `helpful` is NaN on harmful scenarios: the helpfulness axis is benign and borderline only.
    """

    configs: list[str]
    scenarios: list[str]
    helpful: Array
    harmless: Array


@dataclass(frozen=True)
class Estimates:
    """Per-config helpfulness and harmlessness: the estimates and their bootstrap draws.

    Points are (configs,), draws (draws, configs), paired: every config under the same draws.
    """

    helpful: Array
    harmless: Array
    helpful_draws: Array
    harmless_draws: Array


def matrices(frame: pd.DataFrame) -> Matrices:
    """Pivot the tidy table into config x scenario matrices of the two objectives."""
    table = frame.assign(_scenario=frame[C.DOMAIN].astype(str) + ":" + frame[C.SAMPLE].astype(str))
    safe = table[C.INTENT].isin(C.SAFE_INTENTS)
    harmless = table.pivot_table(
        index=C.CONFIG, columns="_scenario", values=C.HARMLESS, aggfunc="mean"
    )
    helpful = (
        table[safe]
        .pivot_table(index=C.CONFIG, columns="_scenario", values=C.HELPFUL, aggfunc="mean")
        .reindex(index=harmless.index, columns=harmless.columns)
    )
    return Matrices(
        configs=[str(c) for c in harmless.index],
        scenarios=[str(s) for s in harmless.columns],
        helpful=helpful.to_numpy(dtype=np.float64),
        harmless=harmless.to_numpy(dtype=np.float64),
    )


def resample_weights(n: int, draws: int, seed: int) -> Array:
    """How many times each of n scenarios is drawn, for each of `draws` bootstrap resamples."""
    rng = np.random.default_rng(seed)
    return rng.multinomial(n, np.full(n, 1.0 / n), size=draws).astype(np.float64)


def weighted_means(values: Array, weights: Array) -> Array:
    """Means of each config's values under each weighting: shape (draws, configs).

    Missing values (NaN) take no weight; a config with no weight left in a draw gets NaN.
    """
    present = ~np.isnan(values)
    filled = np.where(present, values, 0.0)
    totals = weights @ present.T.astype(np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.asarray((weights @ filled.T) / totals)


def as_judged(m: Matrices, weights: Array) -> Estimates:
    """The estimates taking every judgement as the truth (uncorrected for the judge's errors)."""
    return Estimates(
        point_means(m.helpful),
        point_means(m.harmless),
        weighted_means(m.helpful, weights),
        weighted_means(m.harmless, weights),
    )


def point_means(values: Array) -> Array:
    """Each config's mean over the scenarios it has."""
    present = ~np.isnan(values)
    counts = present.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.asarray(np.where(present, values, 0.0).sum(axis=1) / counts)


def interval(draws: Array, level: float = 0.95) -> tuple[Array, Array]:
    """Percentile interval of bootstrap draws along axis 0; NaN where every draw is NaN."""
    tail = (1.0 - level) / 2.0 * 100.0
    with warnings.catch_warnings():
        # All-NaN draws are a config with no scenario of the kind (no benign or borderline
        # for helpfulness): an undefined interval, not something to warn about on stderr.
        warnings.simplefilter("ignore", RuntimeWarning)
        low, high = np.nanpercentile(draws, [tail, 100.0 - tail], axis=0)
    return np.asarray(low), np.asarray(high)
