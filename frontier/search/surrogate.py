"""Surrogate screening of NSGA-II offspring: an evaluation is an LLM run, so propose many, run few.

Each generation the GA's own mating breeds a pool of offspring many times the number to be
evaluated. A Gaussian process per objective, fitted on every evaluation so far (not only the
survivors), predicts each pool member; the ones whose optimistic prediction (mean plus `beta`
standard deviations) adds the most hypervolume to the predicted front are evaluated. Picks are
made one at a time, each counted into the front before the next (the "kriging believer"), so a
batch spreads along the front instead of crowding one corner. Survival stays rank and crowding.

The Gaussian process makes no assumption about the shape of the landscape beyond smoothness in
temperature and top_p (an anisotropic Matern kernel over one-hot prompts, flags and scaled
decoding values) and learns the evaluation noise (a white-noise term), so noisy scores are
smoothed rather than chased.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np
from pymoo.core.infill import InfillCriterion

from frontier.analysis.front import hypervolume
from frontier.search.space import TEMPERATURE_RANGE, TOP_P_RANGE, Candidate, Evaluated

Array = np.ndarray[Any, Any]


def _unit(value: float, bounds: tuple[float, float]) -> float:
    return (value - bounds[0]) / (bounds[1] - bounds[0])


def features(candidates: Sequence[Candidate], prompts: Sequence[str]) -> Array:
    """One row per candidate: one-hot prompt, cot, critique, temperature and top_p in [0, 1]."""
    rows = [
        [float(c.system_prompt == p) for p in prompts]
        + [float(c.cot), float(c.critique)]
        + [_unit(c.temperature, TEMPERATURE_RANGE), _unit(c.top_p, TOP_P_RANGE)]
        for c in candidates
    ]
    return np.array(rows, dtype=float).reshape(len(rows), len(prompts) + 4)


def greedy_picks(front: Array, candidates: Array, n: int) -> list[int]:
    """Indices of up to n candidate points, each adding the most hypervolume given earlier picks."""
    chosen: list[int] = []
    current = front
    for _ in range(min(n, len(candidates))):
        base = hypervolume(current[:, 0], current[:, 1])
        gains = np.array(
            [
                -np.inf if i in chosen else hypervolume(*np.vstack([current, point]).T) - base
                for i, point in enumerate(candidates)
            ]
        )
        best = int(np.argmax(gains))
        chosen.append(best)
        current = np.vstack([current, candidates[best]])
    return chosen


class Surrogate:
    """Two Gaussian processes, helpful and harmless, over the candidate features."""

    def __init__(self, evaluated: Evaluated, prompts: Sequence[str]) -> None:
        from sklearn.exceptions import ConvergenceWarning
        from sklearn.gaussian_process import GaussianProcessRegressor
        from sklearn.gaussian_process.kernels import ConstantKernel, Matern, WhiteKernel

        self.prompts = prompts
        x = features([c for c, _ in evaluated], prompts)
        y = np.array([v for _, v in evaluated], dtype=float)
        self.models = []
        for column in range(2):
            kernel = ConstantKernel(1.0, (1e-2, 1e2)) * Matern(
                length_scale=np.ones(x.shape[1]), length_scale_bounds=(5e-2, 2e1), nu=2.5
            ) + WhiteKernel(1e-2, (1e-6, 1.0))
            # No optimiser restarts, so the fit is deterministic and needs no random state.
            model = GaussianProcessRegressor(kernel, normalize_y=True)
            with warnings.catch_warnings():
                # A length scale at its bound is an answer, not a failure: a prompt's one-hot
                # column at the lower bound means prompts share nothing, a flag at the upper
                # bound means it does not matter.
                warnings.simplefilter("ignore", ConvergenceWarning)
                self.models.append(model.fit(x, y[:, column]))

    def predict(self, candidates: Sequence[Candidate]) -> tuple[Array, Array]:
        """Means and standard deviations, shape (n, 2): helpful then harmless."""
        x = features(candidates, self.prompts)
        means, stds = zip(*(m.predict(x, return_std=True) for m in self.models), strict=True)
        return np.column_stack(means), np.column_stack(stds)


class SurrogateScreening(InfillCriterion):  # type: ignore[misc]
    """A pymoo infill that breeds a large pool with `mating` and keeps the most promising.

    Args:
        mating: The GA's own mating (selection, crossover, mutation).
        evaluated: Every (candidate, objectives) evaluated so far, kept up to date by the caller.
        prompts: The system-prompt choices, for the features.
        pool_factor: Offspring bred per offspring evaluated.
        beta: Standard deviations of optimism (exploration) in the screening score.
        min_evaluated: Below this many evaluations the pool is passed through unscreened.
    """

    def __init__(
        self,
        mating: InfillCriterion,
        evaluated: Evaluated,
        prompts: Sequence[str],
        pool_factor: int = 20,
        beta: float = 1.0,
        min_evaluated: int = 6,
    ) -> None:
        super().__init__(eliminate_duplicates=mating.eliminate_duplicates)
        self.mating = mating
        self.evaluated = evaluated
        self.prompts = prompts
        self.pool_factor = pool_factor
        self.beta = beta
        self.min_evaluated = min_evaluated

    def do(self, problem: Any, pop: Any, n_offsprings: int, **kwargs: Any) -> Any:
        """Breed `pool_factor` times the offspring, return the `n_offsprings` best screened."""
        if len(self.evaluated) < self.min_evaluated:
            return self.mating.do(problem, pop, n_offsprings, **kwargs)
        pool = self.mating.do(problem, pop, n_offsprings * self.pool_factor, **kwargs)
        seen = {c for c, _ in self.evaluated}
        fresh: dict[Candidate, int] = {}  # first pool index of each new configuration
        for i, individual in enumerate(pool):
            candidate = Candidate.from_x(individual.X)
            if candidate not in seen and candidate not in fresh:
                fresh[candidate] = i
        indices = list(fresh.values())
        if len(indices) <= n_offsprings:
            return pool[indices]
        surrogate = Surrogate(self.evaluated, self.prompts)
        known, _ = surrogate.predict([c for c, _ in self.evaluated])
        means, stds = surrogate.predict(list(fresh))
        picks = greedy_picks(known, means + self.beta * stds, n_offsprings)
        return pool[[indices[i] for i in picks]]
