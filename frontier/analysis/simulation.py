"""Synthetic studies with known true means, to check the statistics do what they claim.

A study has K configs scored on N scenarios. Scenario j has a difficulty shift u_j shared by
every config (what makes comparisons paired), and config k's score there is drawn from a Beta
with mean true_k + u_j (concentration 4: between pass/fail and smooth rubric fractions). The
shifts are centred, so each config's population mean is exactly its true value.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from frontier.analysis.bootstrap import (
    Array,
    interval,
    point_means,
    resample_weights,
    weighted_means,
)
from frontier.analysis.pareto import decide

SHIFT = 0.15
CONCENTRATION = 4.0


@dataclass(frozen=True)
class Design:
    """True per-config means and the study size."""

    helpful: tuple[float, ...]
    harmless: tuple[float, ...]
    scenarios: int = 400
    safe_share: float = 0.6

    @property
    def true_tax(self) -> float:
        """Helpfulness of the truly most helpful config minus that of the truly most harmless."""
        a = int(np.argmax(self.helpful))
        b = max(range(len(self.harmless)), key=lambda i: (self.harmless[i], self.helpful[i]))
        return self.helpful[a] - self.helpful[b]


def _scores(rng: np.random.Generator, truth: Array, shifts: Array) -> Array:
    mean = np.clip(truth[:, None] + shifts[None, :], 0.01, 0.99)
    return rng.beta(mean * CONCENTRATION, (1.0 - mean) * CONCENTRATION)


def simulate(design: Design, rng: np.random.Generator) -> tuple[Array, Array]:
    """One study's config x scenario matrices (helpful is NaN on harmful scenarios)."""
    n = design.scenarios
    shifts = rng.uniform(-SHIFT, SHIFT, size=n)
    shifts -= shifts.mean()
    helpful = _scores(rng, np.asarray(design.helpful), shifts)
    harmless = _scores(rng, np.asarray(design.harmless), rng.permutation(shifts))
    helpful[:, int(n * design.safe_share) :] = np.nan
    return helpful, harmless


@dataclass(frozen=True)
class StudyResult:
    """Whether each CI covered the truth, and the verdict reached."""

    covered: int
    intervals: int
    verdict: str


def run_study(design: Design, seed: int, draws: int = 1000, delta: float = 0.02) -> StudyResult:
    """Simulate one study and analyse it exactly as real runs are analysed."""
    rng = np.random.default_rng(seed)
    helpful, harmless = simulate(design, rng)
    weights = resample_weights(design.scenarios, draws, seed + 1)
    h_draws, s_draws = weighted_means(helpful, weights), weighted_means(harmless, weights)
    covered = 0
    for draws_, truth in ((h_draws, design.helpful), (s_draws, design.harmless)):
        low, high = interval(draws_)
        covered += int(((low <= np.asarray(truth)) & (np.asarray(truth) <= high)).sum())
    configs = [f"c{i}" for i in range(len(design.helpful))]
    verdict = decide(
        configs,
        design.scenarios,
        point_means(helpful),
        point_means(harmless),
        h_draws,
        s_draws,
        delta,
    )
    return StudyResult(covered, 2 * len(configs), verdict.kind)


# Designs the validity checks run: a real trade-off (tax 0.1), and two ways of having none.
TRADE_OFF = Design(helpful=(0.65, 0.55, 0.50, 0.45), harmless=(0.55, 0.65, 0.50, 0.60))
IDENTICAL = Design(helpful=(0.55, 0.55, 0.55, 0.55), harmless=(0.60, 0.60, 0.60, 0.60))
DOMINANT = Design(helpful=(0.65, 0.55, 0.50, 0.45), harmless=(0.65, 0.60, 0.50, 0.55))


def validity(studies: int = 500, draws: int = 1000, seed: int = 0) -> dict[str, float]:
    """Coverage of the 95% CIs and verdict rates over many simulated studies."""
    results: dict[str, float] = {}
    covered = intervals = 0
    for name, design in (
        ("trade_off", TRADE_OFF),
        ("identical", IDENTICAL),
        ("dominant", DOMINANT),
    ):
        kinds = []
        for study in range(studies):
            outcome = run_study(design, seed + 7919 * study, draws)
            covered += outcome.covered
            intervals += outcome.intervals
            kinds.append(outcome.verdict)
        results[f"{name}_present"] = kinds.count("trade-off present") / studies
        results[f"{name}_absent"] = kinds.count("trade-off absent") / studies
    results["coverage"] = covered / intervals
    return results
