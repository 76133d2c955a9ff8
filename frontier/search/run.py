"""Run a search: NSGA-II (screened by a surrogate), random sampling or a grid, by name.

Evaluation runs the chosen tasks with `inspect_ai.eval` (`frontier.search.evaluate`) and
writes ordinary logs into the runs directory, tagged with each candidate's signature:
rerunning a search finds its finished logs and evaluates only what is missing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from frontier.search import ALGORITHMS
from frontier.search.space import (
    PROMPTS,
    BatchRunner,
    Candidate,
    Evaluate,
    Evaluated,
    HHProblem,
)
from frontier.search.surrogate import SurrogateScreening

GRID_TEMPERATURES = (0.0, 0.7, 1.4)
GRID_TOP_PS = (0.7, 1.0)


def grid(
    temperatures: Sequence[float] = GRID_TEMPERATURES, top_ps: Sequence[float] = GRID_TOP_PS
) -> list[Candidate]:
    """The full factorial over a discretisation of the space."""
    return [
        Candidate(p, cot, critique, t, q)
        for p in PROMPTS
        for cot in (False, True)
        for critique in (False, True)
        for t in temperatures
        for q in top_ps
    ]


@dataclass
class SearchResult:
    """Every evaluation in order: the candidate and its (helpful, harmless)."""

    evaluated: Evaluated


class OneAtATime:
    """A batch evaluator as a single-candidate function (what a remote worker calls)."""

    def __init__(self, evaluate: Evaluate) -> None:
        self.evaluate = evaluate

    def __call__(self, candidate: Candidate) -> tuple[float, float]:
        """Evaluate one candidate."""
        return self.evaluate([candidate])[0]


class RecordingRunner:
    """Wraps a pymoo runner and keeps every (candidate, objectives) it produced, in order."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.log: Evaluated = []

    def __call__(self, f: Any, X: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        """Run the inner runner and record its results."""
        outs: list[dict[str, Any]] = self.inner(f, X)
        for x, out in zip(X, outs, strict=True):
            self.log.append((Candidate.from_x(x), (float(-out["F"][0]), float(-out["F"][1]))))
        return outs


def _population_size(budget: int, wanted: int | None) -> int:
    if wanted:
        return wanted
    # Whole generations that use the budget exactly, when a size from 2 to 6 allows it; small
    # populations give more generations, which paid off on the efficiency benchmark.
    fitting = [p for p in range(2, min(6, budget) + 1) if budget % p == 0]
    return max(fitting) if fitting else min(6, budget)


def run_search(
    evaluate: Evaluate,
    algorithm: str = "nsga2",
    budget: int = 12,
    seed: int = 0,
    pop_size: int | None = None,
    runner: Any = None,
    verbose: bool = False,
    grid_points: Sequence[Candidate] | None = None,
    screen: bool = True,
) -> SearchResult:
    """Propose and evaluate up to `budget` candidates with the named algorithm.

    Args:
        evaluate: Batch evaluator: candidates -> (helpful, harmless) each.
        algorithm: nsga2 (mixed-variable GA, rank-and-crowding survival), random or grid.
        budget: Maximum evaluations.
        seed: Same seed, same proposals.
        pop_size: Population per generation (nsga2); default: whole generations within budget.
        runner: A pymoo elementwise runner (e.g. DaskParallelization, one candidate per task);
            default: each population in one batch through `evaluate`.
        verbose: Print pymoo's progress per generation.
        grid_points: The discretisation for `grid` (default: `grid()`).
        screen: nsga2 breeds a large pool each generation and evaluates only the offspring a
            surrogate model of every evaluation so far rates most promising
            (`frontier.search.surrogate`); False gives plain NSGA-II.

    Raises:
        ValueError: An unknown algorithm or a budget below 1.
    """
    from pymoo.core.evaluator import Evaluator
    from pymoo.core.mixed import (
        MixedVariableDuplicateElimination,
        MixedVariableGA,
        MixedVariableMating,
        MixedVariableSampling,
    )
    from pymoo.core.population import Population
    from pymoo.operators.survival.rank_and_crowding import RankAndCrowding
    from pymoo.optimize import minimize
    from pymoo.util.display.multi import MultiObjectiveOutput

    if algorithm not in ALGORITHMS:
        raise ValueError(f"algorithm must be one of {', '.join(ALGORITHMS)}; got {algorithm!r}")
    if budget < 1:
        raise ValueError(f"budget must be at least 1; got {budget}")
    recorder = RecordingRunner(runner or BatchRunner(evaluate))
    problem = HHProblem(OneAtATime(evaluate), elementwise_runner=recorder)
    if algorithm == "grid":
        points = list(grid_points or grid())
        order = np.random.default_rng(seed).permutation(len(points))[:budget]
        Evaluator().eval(problem, Population.new("X", [asdict(points[i]) for i in order]))
    elif algorithm == "random":
        Evaluator().eval(problem, MixedVariableSampling()(problem, budget, seed=seed))
    else:
        size = _population_size(budget, pop_size)
        mating = MixedVariableMating(eliminate_duplicates=MixedVariableDuplicateElimination())
        if screen:
            mating = SurrogateScreening(mating, recorder.log, PROMPTS)
        ga = MixedVariableGA(
            pop_size=size,
            n_offsprings=size,
            mating=mating,
            survival=RankAndCrowding(),
            # The mixed-variable GA defaults to single-objective progress (f_avg, f_min), which
            # means nothing here; this shows the front's size and how much it still moves.
            output=MultiObjectiveOutput(),
        )
        minimize(
            problem,
            ga,
            ("n_evals", budget - (budget - size) % size),
            seed=seed,
            verbose=verbose,
            # pymoo deep-copies the algorithm by default, which would cut the screening off
            # from the recorder's list of evaluations.
            copy_algorithm=False,
        )
    return SearchResult(recorder.log[:budget])


def dask_runner(scheduler: str | None, workers: int) -> tuple[Any, Any]:
    """A Dask runner for pymoo, on an existing scheduler or a loopback LocalCluster."""
    from dask.distributed import Client, LocalCluster
    from pymoo.parallelization.dask import DaskParallelization

    if scheduler:
        client = Client(scheduler)  # type: ignore[no-untyped-call]
    else:
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
        )
        client = Client(cluster)  # type: ignore[no-untyped-call]
    return DaskParallelization(client), client
