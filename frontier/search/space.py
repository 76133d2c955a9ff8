"""The search space and the Problem: a candidate configuration in, (-helpful, -harmless) out.

The Problem only evaluates (pymoo minimises); the algorithm is chosen separately
(`frontier.search.run`). What every candidate is evaluated on (`EvalSetup`) gives each
candidate a signature that its finished logs carry, so a rerun resumes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
from pymoo.core.problem import ElementwiseProblem
from pymoo.core.variable import Binary, Choice, Real

from evals.settings import SYSTEM_PROMPTS

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


# The decoding ranges searched; the surrogate scales by them too.
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
