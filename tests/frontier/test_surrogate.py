"""Surrogate screening: its greedy batch, its model, and that the search really uses it."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from frontier.analysis.front import hypervolume
from frontier.search.run import run_search
from frontier.search.space import PROMPTS, Candidate
from frontier.search.surrogate import Surrogate, greedy_picks


def landscape(c: Candidate) -> tuple[float, float]:
    """Smooth in decoding, a trade-off across prompts, critique helps harmlessness."""
    safe = c.system_prompt in ("harmless", "constitution")
    helpful = 0.8 - 0.3 * safe - 0.4 * (c.temperature - 0.5) ** 2 - 0.3 * (c.top_p - 0.9) ** 2
    harmless = 0.4 + 0.4 * safe + 0.05 * c.critique - 0.1 * c.temperature
    return helpful, harmless


def random_candidates(n: int, seed: int) -> list[Candidate]:
    rng = np.random.default_rng(seed)
    return [
        Candidate(
            str(rng.choice(PROMPTS)),
            bool(rng.integers(2)),
            bool(rng.integers(2)),
            round(float(rng.uniform(0, 1.5)), 2),
            round(float(rng.uniform(0.5, 1.0)), 2),
        )
        for _ in range(n)
    ]


def test_greedy_batch_spreads_instead_of_taking_a_near_duplicate() -> None:
    front = np.array([[0.5, 0.5]])
    candidates = np.array([[0.9, 0.1], [0.5, 0.5], [0.6, 0.6], [0.61, 0.6], [0.1, 0.9]])
    # Alone, (0.6, 0.6) is the second-best gain; once (0.61, 0.6) is taken it adds nothing.
    assert greedy_picks(front, candidates, 2) == [3, 4]
    assert sorted(greedy_picks(front, candidates, 9)) == [0, 1, 2, 3, 4]


def test_surrogate_learns_a_smooth_noisy_landscape() -> None:
    rng = np.random.default_rng(1)
    train = random_candidates(60, seed=2)
    evaluated = [
        (c, (h + rng.normal(0, 0.02), s + rng.normal(0, 0.02)))
        for c, (h, s) in zip(train, map(landscape, train), strict=True)
    ]
    test = random_candidates(200, seed=3)
    means, stds = Surrogate(evaluated, PROMPTS).predict(test)
    truth = np.array([landscape(c) for c in test])
    rmse = np.sqrt(((means - truth) ** 2).mean(axis=0))
    assert (rmse < 0.3 * truth.std(axis=0)).all(), rmse  # most of the variation explained
    inside = np.abs(means - truth) <= 2 * stds + 0.02
    assert inside.mean() > 0.85


def true_hypervolume_of(evaluated: Sequence[tuple[Candidate, tuple[float, float]]]) -> float:
    values = np.array([landscape(c) for c, _ in evaluated])
    return hypervolume(values[:, 0], values[:, 1])


def noisy(seed: int):  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(seed)

    def evaluate(candidates: Sequence[Candidate]) -> list[tuple[float, float]]:
        return [
            (h + rng.normal(0, 0.02), s + rng.normal(0, 0.02))
            for h, s in map(landscape, candidates)
        ]

    return evaluate


def test_screened_search_finds_a_better_front_than_plain_nsga2_on_the_same_budget() -> None:
    screened, plain = [], []
    for seed in range(5):
        result = run_search(noisy(seed), "nsga2", budget=30, seed=seed)
        candidates = [c for c, _ in result.evaluated]
        assert len(candidates) == len(set(candidates)) == 30  # nothing evaluated twice
        screened.append(true_hypervolume_of(result.evaluated))
        baseline = run_search(noisy(seed), "nsga2", budget=30, seed=seed, screen=False)
        plain.append(true_hypervolume_of(baseline.evaluated))
    assert np.median(screened) > np.median(plain)


class Interrupted(Exception):
    pass


def test_interrupted_screened_search_resumes_with_the_same_proposals() -> None:
    store: dict[Candidate, tuple[float, float]] = {}  # stands in for the finished logs

    def evaluate(
        candidates: Sequence[Candidate], stop_after: int | None = None
    ) -> list[tuple[float, float]]:
        for c in candidates:
            if c not in store:
                if stop_after is not None and len(store) >= stop_after:
                    raise Interrupted
                store[c] = landscape(c)
        return [store[c] for c in candidates]

    with pytest.raises(Interrupted):
        run_search(lambda cs: evaluate(cs, stop_after=14), "nsga2", budget=24, seed=5)
    assert len(store) == 14
    resumed = run_search(evaluate, "nsga2", budget=24, seed=5)
    store_after = dict(store)
    store.clear()
    fresh = run_search(evaluate, "nsga2", budget=24, seed=5)
    assert resumed.evaluated == fresh.evaluated
    assert set(store_after) == set(store)
