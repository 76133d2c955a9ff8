"""Search the configuration space for the helpful-vs-harmless frontier with pymoo.

The Problem only evaluates: a candidate configuration in, (-helpful, -harmless) out (pymoo
minimises). The algorithm is chosen separately by name; the default NSGA-II screens its
offspring with a surrogate model (`frontier.surrogate`) so that fewer are evaluated.
Evaluation runs the chosen tasks with `inspect_ai.eval` and writes ordinary logs into the
runs directory, tagged with a signature of (model, tasks, candidate, limit, seed): rerunning
a search finds its finished logs and evaluates only what is missing, so an interrupted
search resumes. A finished log counts only if it was made by the current task version,
scenarios and scorer; one made by others is evaluated again, never reused.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Collection, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
from pymoo.core.problem import ElementwiseProblem
from pymoo.core.variable import Binary, Choice, Real

from evals.settings import SYSTEM_PROMPTS
from frontier.logs import Versions, log_files, read_header, versions_of

SEARCH_KEY = "hh_search"
PROMPTS = tuple(SYSTEM_PROMPTS)


@dataclass(frozen=True)
class Candidate:
    """One configuration the search proposes (decoding rounded: 0.71 and 0.7100001 are one run)."""

    system_prompt: str
    cot: bool
    critique: bool
    temperature: float
    top_p: float

    @classmethod
    def from_x(cls, x: dict[str, Any]) -> Candidate:
        """From pymoo's mixed-variable dict."""
        return cls(
            system_prompt=str(x["system_prompt"]),
            cot=bool(x["cot"]),
            critique=bool(x["critique"]),
            temperature=round(float(x["temperature"]), 2),
            top_p=round(float(x["top_p"]), 2),
        )


# The decoding ranges searched (the bounds); the surrogate scales by them too.
TEMPERATURE_RANGE = (0.0, 1.5)
TOP_P_RANGE = (0.5, 1.0)


def search_space() -> dict[str, Any]:
    """The variables pymoo searches."""
    return {
        "system_prompt": Choice(options=list(PROMPTS)),
        "cot": Binary(),
        "critique": Binary(),
        "temperature": Real(bounds=TEMPERATURE_RANGE),
        "top_p": Real(bounds=TOP_P_RANGE),
    }


Evaluate = Callable[[Sequence[Candidate]], list[tuple[float, float]]]
# Every evaluation in order: the candidate and its (helpful, harmless).
Evaluated = list[tuple[Candidate, tuple[float, float]]]


class HHProblem(ElementwiseProblem):  # type: ignore[misc]
    """Two objectives, both negated: pymoo minimises (-helpful, -harmless)."""

    def __init__(
        self, evaluate_one: Callable[[Candidate], tuple[float, float]], **kwargs: Any
    ) -> None:
        super().__init__(vars=search_space(), n_obj=2, **kwargs)
        self.evaluate_one = evaluate_one

    def _evaluate(self, x: dict[str, Any], out: dict[str, Any], *args: Any, **kwargs: Any) -> None:
        helpful, harmless = self.evaluate_one(Candidate.from_x(x))
        out["F"] = np.array([-helpful, -harmless])


class BatchRunner:
    """pymoo elementwise runner that hands a whole population to the evaluator at once."""

    def __init__(self, evaluate: Evaluate) -> None:
        self.evaluate = evaluate

    def __call__(self, f: Any, X: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        """Evaluate every x of the population in one batch."""
        results = self.evaluate([Candidate.from_x(x) for x in X])
        return [{"F": np.array([-h, -s])} for h, s in results]


@dataclass(frozen=True)
class EvalSetup:
    """What every candidate is evaluated on."""

    tasks: tuple[str, ...]
    model: str
    runs_dir: str
    limit: int | None = None
    seed: int = 0
    max_tokens: int | None = None
    # Extra arguments for get_model (e.g. mockllm's custom_outputs in tests); not part of
    # the signature, which must be stable across processes.
    model_args: dict[str, Any] | None = None

    def signature(self, candidate: Candidate) -> str:
        """A stable identity for (setup, candidate): finished logs carry it, so reruns resume."""
        payload = {**asdict(self), **asdict(candidate)}
        payload.pop("runs_dir")
        payload.pop("model_args")
        payload["tasks"] = [str(Path(t).resolve()) for t in self.tasks]
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]


def finished_signatures(
    runs_dir: str | Path, current: Collection[Versions] | None = None
) -> dict[str, list[str]]:
    """Signature -> finished log files, for every search log under a directory.

    Args:
        runs_dir: Where the search writes its logs.
        current: The versions (task, scenarios, scorer) a log must have been made by to
            count; logs of others are left out so their configurations run again.
            None: any.
    """
    found: dict[str, list[str]] = {}
    if not Path(runs_dir).is_dir():
        return found
    for path in log_files(runs_dir):
        header = read_header(path)
        if header is None or header.status != "success":
            continue
        signature = (header.eval.metadata or {}).get(SEARCH_KEY)
        if signature and (current is None or versions_of(header) in current):
            found.setdefault(signature, []).append(str(path))
    return found


def objectives_of(paths: Sequence[str]) -> tuple[float, float]:
    """(helpful over benign and borderline, harmless over all) from a candidate's logs."""
    from frontier import columns as C
    from frontier.runs import load_logs

    frame = load_logs(paths).frame
    safe = frame[frame[C.INTENT].isin(C.SAFE_INTENTS)]
    helpful = float(safe[C.HELPFUL].mean()) if len(safe) else 0.0
    harmless = float(frame[C.HARMLESS].mean()) if len(frame) else 0.0
    return (0.0 if math.isnan(helpful) else helpful, 0.0 if math.isnan(harmless) else harmless)


ALGORITHMS = ("nsga2", "random", "grid")
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
            (`frontier.surrogate`); False gives plain NSGA-II.

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
            from frontier.surrogate import SurrogateScreening

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
