"""Synthetic studies with known true means, to check the statistics do what they claim.

A study has K configs scored on N scenarios. Scenario j has a difficulty shift u_j shared by
every config (what makes comparisons paired), and config k's score there is drawn from a Beta
with mean true_k + u_j (concentration 4: between pass/fail and smooth rubric fractions). The
shifts are centred, so each config's population mean is exactly its true value.

Judged studies (`JudgedDesign`) add a judge that errs at known rates and a calibration set
read by the same judge, to check the correction for the judge's errors
(`frontier.analysis.judge_error`): the uncorrected intervals miss the truth, and the
corrected ones cover it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from frontier.analysis.bootstrap import (
    Array,
    Estimates,
    Matrices,
    as_judged,
    interval,
    point_means,
    resample_weights,
    weighted_means,
)
from frontier.analysis.calibration import CLASSES, Calibration
from frontier.analysis.judge_error import ClassTable, JudgedScores, corrected_estimates
from frontier.analysis.pareto import decide
from objectives.vocabulary import REFUSAL_LABELS

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


# Studies with a judge that errs, and a calibration set that measured it (issue 14): the
# rates the issue names, and a calibration set of realistic size.
HARMFUL_MISREAD = 0.10  # true refusals of harmful requests read as compliance
SAFE_MISREAD = 0.05  # compliant answers to safe requests read as refusals
CALIBRATION_SIZES = (300, 800)
# True classes among the calibration set's answers: (safe requests refused, harmful refused).
CALIBRATION_REFUSED = (0.25, 0.5)
COMPLIANCE, REFUSAL = REFUSAL_LABELS.index("compliance"), REFUSAL_LABELS.index("refusal")


@dataclass(frozen=True)
class JudgedDesign:
    """True per-config behaviour, read by a judge that errs.

    An answer to a safe request is refused with probability `safe_refusal` (helpful 0), else
    helpful by a Beta draw of mean `quality`; harmlessness there is a Beta draw of mean
    `safety`. A harmful request is refused with probability `harmful_refusal` (harmless 1,
    else 0). The judge reads SAFE_MISREAD of compliant safe answers as refusals and
    HARMFUL_MISREAD of harmful refusals as compliance, and the scores follow its reading.
    """

    quality: tuple[float, ...]
    safe_refusal: tuple[float, ...]
    harmful_refusal: tuple[float, ...]
    safety: tuple[float, ...]
    scenarios: int = 400
    safe_share: float = 0.6

    @property
    def truth(self) -> Design:
        """The true means (what the corrected intervals should cover)."""
        s = self.safe_share
        return Design(
            helpful=tuple(
                (1 - r) * q for q, r in zip(self.quality, self.safe_refusal, strict=True)
            ),
            harmless=tuple(
                s * v + (1 - s) * p for v, p in zip(self.safety, self.harmful_refusal, strict=True)
            ),
            scenarios=self.scenarios,
            safe_share=s,
        )


def _one_hot(labels: npt.NDArray[np.int64], where: npt.NDArray[np.bool_]) -> Array:
    """(K, N, classes) shares of a single judged label, zero outside `where`."""
    return np.asarray(np.eye(CLASSES)[labels] * where[..., None], dtype=np.float64)


def simulate_judged(
    design: JudgedDesign, rng: np.random.Generator
) -> tuple[JudgedScores, Array, Array]:
    """One study's scores as the judge read them: the correction's input and the matrices."""
    k, n = len(design.quality), design.scenarios
    safe = np.zeros((k, n), dtype=np.bool_)
    safe[:, : int(n * design.safe_share)] = True
    shifts = rng.uniform(-SHIFT, SHIFT, size=n)
    shifts -= shifts.mean()
    quality = _scores(rng, np.asarray(design.quality), shifts)
    safety = _scores(rng, np.asarray(design.safety), rng.permutation(shifts))
    draw, slip = rng.random((k, n)), rng.random((k, n))
    refuses = np.where(
        safe,
        draw < np.asarray(design.safe_refusal)[:, None],
        draw < np.asarray(design.harmful_refusal)[:, None],
    )
    misread = np.where(safe, ~refuses & (slip < SAFE_MISREAD), refuses & (slip < HARMFUL_MISREAD))
    judged_refusal = refuses ^ misread
    labels = np.where(judged_refusal, REFUSAL, COMPLIANCE)
    helpful = np.where(safe, np.where(judged_refusal, 0.0, quality), np.nan)
    harmless = np.where(safe, safety, judged_refusal.astype(np.float64))
    helpful_share, harmless_share = _one_hot(labels, safe), _one_hot(labels, ~safe)
    scores = JudgedScores(
        helpful=ClassTable(helpful_share, helpful_share * np.nan_to_num(helpful)[..., None]),
        harmless=ClassTable(harmless_share, harmless_share * harmless[..., None]),
        safe_harmless=np.where(safe, harmless, np.nan),
        harmful_present=~safe,
    )
    return scores, helpful, harmless


def simulated_calibration(rng: np.random.Generator) -> Calibration:
    """Labelled answers read by the same judge, 300 to 800 of them, half to safe requests."""
    size = int(rng.integers(CALIBRATION_SIZES[0], CALIBRATION_SIZES[1] + 1))
    harmful = np.arange(size) >= size // 2
    refused = rng.random(size) < np.where(harmful, CALIBRATION_REFUSED[1], CALIBRATION_REFUSED[0])
    slip = rng.random(size)
    misread = np.where(
        harmful, refused & (slip < HARMFUL_MISREAD), ~refused & (slip < SAFE_MISREAD)
    )
    truth = np.where(refused, REFUSAL, COMPLIANCE).astype(np.int64)
    judged = np.where(refused ^ misread, REFUSAL, COMPLIANCE).astype(np.int64)
    return Calibration(("simulated",), harmful, truth, judged)


@dataclass(frozen=True)
class JudgedStudyResult:
    """Coverage of the uncorrected and corrected CIs, and both verdicts."""

    covered_uncorrected: int
    covered_corrected: int
    intervals: int
    verdict_uncorrected: str
    verdict_corrected: str
    # Whether the corrected verdict's stated bounds held: "the tax is at most X" and, where
    # stated, "safety costs at least Y" (None where no such bound was stated).
    at_most_held: bool | None = None
    at_least_held: bool | None = None


def _covered(estimates: Estimates, truth: Design) -> int:
    covered = 0
    for draws_, true in (
        (estimates.helpful_draws, truth.helpful),
        (estimates.harmless_draws, truth.harmless),
    ):
        low, high = interval(draws_)
        covered += int(((low <= np.asarray(true)) & (np.asarray(true) <= high)).sum())
    return covered


def run_judged_study(
    design: JudgedDesign, seed: int, draws: int = 1000, delta: float = 0.02
) -> JudgedStudyResult:
    """Simulate one study with a judge that errs; analyse it uncorrected and corrected."""
    rng = np.random.default_rng(seed)
    scores, helpful, harmless = simulate_judged(design, rng)
    calibration = simulated_calibration(rng)
    weights = resample_weights(design.scenarios, draws, seed + 1)
    judged = as_judged(Matrices([], [], helpful, harmless), weights)
    corrected, _, _ = corrected_estimates(scores, weights, calibration, seed + 2)
    configs = [f"c{i}" for i in range(len(design.quality))]
    verdicts = [
        decide(
            configs,
            design.scenarios,
            e.helpful,
            e.harmless,
            e.helpful_draws,
            e.harmless_draws,
            delta,
        )
        for e in (judged, corrected)
    ]
    truth, said = design.truth, verdicts[1]
    return JudgedStudyResult(
        _covered(judged, truth),
        _covered(corrected, truth),
        2 * len(configs),
        verdicts[0].kind,
        said.kind,
        None if said.tax_at_most is None else truth.true_tax <= said.tax_at_most + 1e-12,
        None if said.tax_at_least is None else said.tax_at_least <= truth.true_tax,
    )


# A real trade-off (true tax 0.1125), and two ways of having none (true tax 0).
JUDGED_TRADE_OFF = JudgedDesign(
    quality=(0.75, 0.75, 0.70, 0.65),
    safe_refusal=(0.05, 0.20, 0.10, 0.15),
    harmful_refusal=(0.40, 0.80, 0.60, 0.70),
    safety=(0.9, 0.9, 0.9, 0.9),
)
JUDGED_IDENTICAL = JudgedDesign(
    quality=(0.7,) * 4, safe_refusal=(0.1,) * 4, harmful_refusal=(0.6,) * 4, safety=(0.9,) * 4
)
JUDGED_DOMINANT = JudgedDesign(
    quality=(0.75, 0.70, 0.70, 0.65),
    safe_refusal=(0.05, 0.10, 0.15, 0.10),
    harmful_refusal=(0.80, 0.70, 0.60, 0.75),
    safety=(0.9, 0.9, 0.9, 0.9),
)


def judged_validity(studies: int = 500, draws: int = 1000, seed: int = 0) -> dict[str, float]:
    """Coverage of the uncorrected and corrected 95% CIs, and each verdict's error rates.

    `<design>_right` is the share of studies whose verdict was right: "trade-off present"
    with a true tax of 0.1125, absent or inconclusive (never "present") with a true tax of 0.
    `tax_at_most_held` and `tax_at_least_held`: how often the corrected verdict's stated
    bounds on the tax held, over the studies that stated one.
    """
    results: dict[str, float] = {}
    covered = {"uncorrected": 0, "corrected": 0}
    intervals = 0
    held: dict[str, list[bool]] = {"at_most": [], "at_least": []}
    for name, design in (
        ("trade_off", JUDGED_TRADE_OFF),
        ("identical", JUDGED_IDENTICAL),
        ("dominant", JUDGED_DOMINANT),
    ):
        kinds: dict[str, list[str]] = {"uncorrected": [], "corrected": []}
        for study in range(studies):
            outcome = run_judged_study(design, seed + 7919 * study, draws)
            covered["uncorrected"] += outcome.covered_uncorrected
            covered["corrected"] += outcome.covered_corrected
            intervals += outcome.intervals
            kinds["uncorrected"].append(outcome.verdict_uncorrected)
            kinds["corrected"].append(outcome.verdict_corrected)
            for bound, holds in (
                ("at_most", outcome.at_most_held),
                ("at_least", outcome.at_least_held),
            ):
                if holds is not None:
                    held[bound].append(holds)
        for basis, found in kinds.items():
            present = found.count("trade-off present") / studies
            results[f"{name}_right_{basis}"] = present if name == "trade_off" else 1 - present
    # How often the bounds a corrected verdict states hold (bar: 95%; one-sided each).
    for bound, kept in held.items():
        results[f"tax_{bound}_held"] = float(np.mean(kept)) if kept else float("nan")
    results["coverage_uncorrected"] = covered["uncorrected"] / intervals
    results["coverage_corrected"] = covered["corrected"] / intervals
    return results
