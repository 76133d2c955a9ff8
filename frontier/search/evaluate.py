"""Evaluate search candidates by running Inspect tasks; finished logs are reused (resume).

Only logs made by the current task version, scenarios and scorer are reused: after an
edited scenario file or a changed grader, a rerun evaluates the candidates again.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from inspect_ai import Task, task_with
from inspect_ai.model import GenerateConfig, get_model

from frontier.analysis.logs import Versions
from frontier.search.resume import finished_signatures, objectives_of
from frontier.search.space import SEARCH_KEY, Candidate, EvalSetup
from objectives.version import SCENARIOS_KEY, scorer_version


class TaskFileError(ValueError):
    """A task path that names no task file: the user's mistake, not the file's own error."""


def task_factory(path: str | Path) -> Callable[..., Task]:
    """The @task function of a task file (named after the file: evals/code.py -> code).

    Raises:
        TaskFileError: The file does not exist or defines no such task. Whatever the file
            itself raises while it runs propagates as it is.
    """
    file = Path(path)
    if not file.is_file():
        raise TaskFileError(f"task file {file} not found")
    spec = importlib.util.spec_from_file_location(f"hh_task_{file.stem}", file)
    if spec is None or spec.loader is None:
        raise TaskFileError(f"cannot load task file {file}")
    module = importlib.util.module_from_spec(spec)
    # Registered like an import, so Inspect finds the task's module and records its file in
    # the log (`task_file`): `inspect score LOG` loads that file to re-create the scorer.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    factory = getattr(module, file.stem, None)
    if not callable(factory):
        raise TaskFileError(f"{file} defines no task named {file.stem}")
    return factory  # type: ignore[no-any-return]


def current_versions(factories: Sequence[Callable[..., Task]]) -> frozenset[Versions]:
    """The versions a log of these tasks must record to be reused: as they would be built now.

    The scenarios do not depend on the configuration, so each task is built with its defaults.
    """
    versions = set()
    for factory in factories:
        task = factory()
        scenarios = (task.metadata or {}).get(SCENARIOS_KEY)
        versions.add(Versions(task=str(task.version), scenarios=scenarios, scorer=scorer_version()))
    return frozenset(versions)


class InspectEvaluator:
    """Runs candidates through `inspect_ai.eval`, a whole batch in one call.

    Picklable (it holds only the setup), so Dask workers can build their own.
    """

    def __init__(self, setup: EvalSetup, display: str | None = None) -> None:
        self.setup = setup
        self.display = display
        for path in setup.tasks:
            task_factory(path)  # fail fast on a bad task path

    def tasks_for(
        self, candidate: Candidate, factories: Sequence[Callable[..., Task]] | None = None
    ) -> list[Task]:
        """One Task per task file, configured for the candidate and tagged with its signature.

        `factories` are the task files' @task functions, loaded once per batch by the caller
        (loading executes the file; the evaluator keeps only paths so it stays picklable).
        """
        factories = factories or [task_factory(p) for p in self.setup.tasks]
        config = GenerateConfig(
            temperature=candidate.temperature,
            top_p=candidate.top_p,
            seed=self.setup.seed,
            max_tokens=self.setup.max_tokens,
            cache=True,  # Inspect's model cache: a repeated (prompt, config) is not regenerated
        )
        tasks = []
        for factory in factories:
            task = factory(
                system_prompt=candidate.system_prompt,
                cot=candidate.cot,
                critique=candidate.critique,
            )
            metadata = {**(task.metadata or {}), SEARCH_KEY: self.setup.signature(candidate)}
            tasks.append(task_with(task, config=config, metadata=metadata))
        return tasks

    def __call__(self, candidates: Sequence[Candidate]) -> list[tuple[float, float]]:
        """(helpful, harmless) per candidate, running only those without finished logs."""
        from inspect_ai import eval as inspect_eval

        factories = [task_factory(p) for p in self.setup.tasks]
        current = current_versions(factories)
        finished = finished_signatures(self.setup.runs_dir, current)
        missing: dict[str, Candidate] = {}
        for candidate in candidates:
            signature = self.setup.signature(candidate)
            if len(finished.get(signature, [])) < len(self.setup.tasks):
                missing[signature] = candidate
        if missing:
            tasks = [t for c in missing.values() for t in self.tasks_for(c, factories)]
            kwargs: dict[str, Any] = {"display": self.display} if self.display else {}
            model: Any = self.setup.model
            if self.setup.model_args:
                model = get_model(self.setup.model, **self.setup.model_args)
            inspect_eval(
                tasks,
                model=model,
                limit=self.setup.limit,
                log_dir=self.setup.runs_dir,
                max_tasks=len(tasks),
                **kwargs,
            )
            finished = finished_signatures(self.setup.runs_dir, current)
        results = []
        for candidate in candidates:
            paths = finished.get(self.setup.signature(candidate), [])
            if len(paths) < len(self.setup.tasks):
                raise RuntimeError(
                    f"evaluation of {candidate} did not finish; "
                    f"see the logs in {self.setup.runs_dir}"
                )
            results.append(objectives_of(paths[-len(self.setup.tasks) :]))
        return results
