"""Search efficiency on a simulated evaluator with a known front and sampling noise.

The landscape (`additive`, the bar's): each system prompt has a base (helpful, harmless);
reasoning and critique add a little of each; temperature and top_p have smooth optima.
`--landscape interacting` is a robustness check on a landscape whose effects interact, so
that no part of the search is judged only on a shape it happens to suit. Each evaluation
returns the true values plus Gaussian noise (sd 0.02), as a finite scenario set would. The
true front's hypervolume comes from 50,000 noise-free random configurations plus the grid.

"The evaluations grid needs" is read two ways, and both are printed:

- full factorial, as a grid search is run: the size of the smallest complete grid (k
  temperatures x m top_p values, evenly spaced, times the 20 prompt/cot/critique
  combinations) whose front reaches 95% in the median seed. The CLI's default (3 x 2,
  120 configurations) does not get there on this landscape.
- shuffled grid: the 6 x 6 grid (720 configurations) evaluated in a seeded random order,
  counting evaluations until 95%. This is random search over grid points and the harder
  baseline: stopping a grid early in a random order is not how grids are run, but it shows
  how much of NSGA-II's advantage is just not enumerating.

For each algorithm and seed, the curve is the hypervolume of the true values of the configs
evaluated so far (non-dominated by their *noisy* scores, as a user would pick them) after
each evaluation. The bar: NSGA-II reaches 95% of the true hypervolume in at most a third of
the evaluations grid needs. `nsga2` is the search as shipped (offspring screened by a
surrogate, `frontier.search.surrogate`); `nsga2-plain` is the same GA evaluating every offspring.

Run: .venv/bin/python -m benchmarks.search_efficiency [--seeds 11] [--landscape interacting]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

import numpy as np

from frontier.analysis.front import hypervolume, non_dominated
from frontier.search.run import grid, run_search
from frontier.search.space import PROMPTS, TEMPERATURE_RANGE, TOP_P_RANGE, Candidate, Evaluated

FINE_GRID = grid(temperatures=(0.0, 0.3, 0.6, 0.9, 1.2, 1.5), top_ps=(0.5, 0.6, 0.7, 0.8, 0.9, 1.0))

BASE = {
    "none": (0.70, 0.40),
    "helpful": (0.80, 0.30),
    "harmless": (0.42, 0.88),
    "hhh": (0.66, 0.66),
    "constitution": (0.60, 0.76),
}
NOISE = 0.02


def additive(c: Candidate) -> tuple[float, float]:
    """The benchmark's landscape: effects add up; reasoning and critique always help."""
    h, s = BASE[c.system_prompt]
    h += (
        0.05 * c.cot
        + 0.02 * c.critique
        - 0.30 * (c.temperature - 0.4) ** 2
        - 0.40 * (c.top_p - 0.9) ** 2
    )
    s += 0.01 * c.cot + 0.05 * c.critique - 0.06 * c.temperature - 0.20 * (c.top_p - 0.7) ** 2
    return float(np.clip(h, 0, 1)), float(np.clip(s, 0, 1))


def interacting(c: Candidate) -> tuple[float, float]:
    """A robustness check: effects interact instead of adding up.

    Reasoning and critique help some prompts and hurt others, the best temperature depends on
    top_p, and harmlessness falls off a cliff above T = 0.8.
    """
    h, s = BASE[c.system_prompt]
    guarded = c.system_prompt in ("harmless", "constitution")
    h += (0.08 if not guarded else -0.04) * c.cot + (-0.06 if guarded else 0.03) * c.critique
    s += (0.10 if c.system_prompt in ("hhh", "constitution") else -0.02) * c.critique
    s += (-0.05 if c.system_prompt == "helpful" else 0.02) * c.cot
    best_t = 1.0 - 0.8 * c.top_p
    h -= 0.5 * (c.temperature - best_t) ** 2 + 0.3 * (c.top_p - 0.85) ** 2
    s -= 0.15 / (1.0 + np.exp(-8.0 * (c.temperature - 0.8))) + 0.08 * c.top_p
    return float(np.clip(h, 0, 1)), float(np.clip(s, 0, 1))


Truth = Callable[[Candidate], tuple[float, float]]
LANDSCAPES: dict[str, Truth] = {"additive": additive, "interacting": interacting}


class Noisy:
    """The simulated evaluator: true values plus sampling noise, seeded."""

    def __init__(self, seed: int, truth: Truth = additive) -> None:
        self.rng = np.random.default_rng(seed)
        self.truth = truth

    def __call__(self, candidates: Sequence[Candidate]) -> list[tuple[float, float]]:
        """(helpful, harmless) with noise for each candidate."""
        out = []
        for c in candidates:
            h, s = self.truth(c)
            out.append((h + self.rng.normal(0, NOISE), s + self.rng.normal(0, NOISE)))
        return out


def true_hypervolume(truth: Truth = additive) -> float:
    rng = np.random.default_rng(0)
    configs = [
        Candidate(
            str(rng.choice(PROMPTS)),
            bool(rng.integers(2)),
            bool(rng.integers(2)),
            float(rng.uniform(*TEMPERATURE_RANGE)),
            float(rng.uniform(*TOP_P_RANGE)),
        )
        for _ in range(50_000)
    ] + grid()
    values = np.array([truth(c) for c in configs])
    front = non_dominated(values[:, 0], values[:, 1])
    return hypervolume(values[front, 0], values[front, 1])


def picked_hypervolume(evaluated: Evaluated, truth: Truth = additive) -> float:
    """True hypervolume of the configs a user would pick: non-dominated by noisy scores."""
    noisy = np.array([v for _, v in evaluated])
    real = np.array([truth(c) for c, _ in evaluated])
    picked = non_dominated(noisy[:, 0], noisy[:, 1])
    return hypervolume(real[picked, 0], real[picked, 1])


def curve(evaluated: Evaluated, truth: Truth = additive) -> list[float]:
    """The picked hypervolume after each evaluation."""
    return [picked_hypervolume(evaluated[:i], truth) for i in range(1, len(evaluated) + 1)]


def evaluations_to(target: float, values: list[float]) -> int | None:
    return next((i + 1 for i, v in enumerate(values) if v >= target), None)


def run_grid(points: Sequence[Candidate], seed: int, truth: Truth) -> Evaluated:
    """Every point of a grid, in the seed's random order."""
    return run_search(Noisy(seed, truth), "grid", len(points), seed, grid_points=points).evaluated


def search(algorithm: str, seed: int, budget: int, truth: Truth) -> Evaluated:
    """One run of an algorithm as the benchmark names it."""
    if algorithm == "grid":
        return run_grid(FINE_GRID, seed, truth)
    if algorithm == "coarse-grid":
        return run_grid(grid(), seed, truth)
    noisy = Noisy(seed, truth)
    if algorithm == "nsga2-plain":
        return run_search(noisy, "nsga2", budget, seed, screen=False).evaluated
    return run_search(noisy, algorithm, budget, seed).evaluated


ALGORITHMS = ("nsga2", "nsga2-plain", "random", "grid", "coarse-grid")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=11)
    parser.add_argument("--budget", type=int, default=120, help="evaluations for nsga2 and random")
    parser.add_argument("--landscape", choices=list(LANDSCAPES), default="additive")
    args = parser.parse_args()
    truth = LANDSCAPES[args.landscape]
    reference = true_hypervolume(truth)
    target = 0.95 * reference
    print(
        f"landscape={args.landscape} true_hypervolume={reference:.4f} "
        f"target(95%)={target:.4f} grid_size={len(grid())}"
    )
    needed: dict[str, list[float]] = {a: [] for a in ALGORITHMS}
    for seed in range(args.seeds):
        for algorithm in ALGORITHMS:
            values = curve(search(algorithm, seed, args.budget, truth), truth)
            n = evaluations_to(target, values)
            needed[algorithm].append(float(n) if n else float("inf"))
            shown = [k for k in (10, 20, 40, 80, 120, 240, 480, 720) if k <= len(values)]
            hv = " ".join(f"hv@{k}={values[k - 1] / reference:.3f}" for k in shown)
            print(f"seed={seed} {algorithm:11s} evals_to_95%={n} {hv}")
    medians = {a: float(np.median(v)) for a, v in needed.items()}
    for algorithm, value in medians.items():
        print(f"median_evals_to_95%_{algorithm}={value}")
    full = smallest_full_grid(target, args.seeds, truth)
    print(f"smallest_full_grid_reaching_95%={full}")
    for algorithm in ("nsga2", "nsga2-plain"):
        print(f"{algorithm}_over_full_grid={medians[algorithm] / full:.3f}")
        print(f"{algorithm}_over_shuffled_grid={medians[algorithm] / medians['grid']:.3f}")


def smallest_full_grid(target: float, seeds: int, truth: Truth) -> int:
    """Size of the smallest evenly spaced complete grid whose front reaches the target."""
    sizes = sorted(
        ((k, m) for k in range(2, 8) for m in range(2, 8)), key=lambda km: (km[0] * km[1], km)
    )
    for k, m in sizes:
        points = grid(
            temperatures=tuple(np.linspace(*TEMPERATURE_RANGE, k).round(2)),
            top_ps=tuple(np.linspace(*TOP_P_RANGE, m).round(2)),
        )
        reached = [
            picked_hypervolume(run_grid(points, seed, truth), truth) for seed in range(seeds)
        ]
        if np.median(reached) >= target:
            print(f"full_grid {k}x{m}: {len(points)} configs, median_hv={np.median(reached):.4f}")
            return len(points)
    raise RuntimeError("no grid up to 7 x 7 reaches the target")


if __name__ == "__main__":
    main()
