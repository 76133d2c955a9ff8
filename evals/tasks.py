"""Build an hh task for one domain: dataset, configuration solver chain and the shared scorer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from inspect_ai import Epochs, Task
from inspect_ai.dataset import MemoryDataset, Sample

from evals import settings
from evals.dataset import interleave, load_task_scenarios, select, shipped_dataset
from evals.settings import config_solver, resolve_system_prompt
from objectives.metrics import hh_mean
from objectives.scenarios import Scenario
from objectives.scorer import hh_scorer
from objectives.version import SCENARIO_KEY, SCENARIOS_KEY, canonical_sha256

RecordToSample = Callable[[Scenario], Sample]

# Bump when task assembly changes what a model is asked or how a sample is built (the solver
# chain, record_to_sample): logs of an older version are then re-run, not pooled. The
# built-in prompts' texts are followed automatically (`task_version`).
TASK_VERSION = 1


def task_version() -> str:
    """Inspect's task version: `TASK_VERSION`, then a digest of the built-in prompt texts.

    Editing a system prompt, the reasoning template or the critique prompts changes what the
    model is asked, so it changes the version without anyone remembering to bump it.
    """
    prompts = {
        "system": settings.SYSTEM_PROMPTS,
        "cot": settings.COT_TEMPLATE,
        "critique": settings.CRITIQUE_TEMPLATE,
        "revision": settings.REVISION_TEMPLATE,
        "critique_tokens": settings.CRITIQUE_TOKENS,
    }
    return f"{TASK_VERSION}.{canonical_sha256(prompts)[:8]}"


def scenario_sample(scenario: Scenario, input_text: str | None = None) -> Sample:
    """Turn a validated scenario into a Sample carrying all its grading data as metadata."""
    metadata: dict[str, Any] = {k: v for k, v in scenario.items() if k not in ("id", "prompt")}
    return Sample(
        id=scenario["id"],
        input=input_text if input_text is not None else scenario["prompt"],
        target=scenario["expected"],
        metadata=metadata,
    )


def hh_task(
    domain: str,
    record_to_sample: RecordToSample,
    *,
    system_prompt: str = "none",
    cot: bool = False,
    critique: bool = False,
    intent: str | None = None,
    difficulty: str | None = None,
    dataset: str | None = None,
    load: Callable[[Path], list[Scenario]] | None = None,
) -> Task:
    """Assemble the task for one domain and one configuration.

    Args:
        domain: code, medical or creative.
        record_to_sample: How the domain turns a scenario into a Sample.
        system_prompt: none, helpful, harmless, hhh, constitution, or a path to a text file.
        cot: Reason step by step before answering.
        critique: Constitutional critique-and-revise after the answer.
        intent: Keep only these intents (comma-separated).
        difficulty: Keep only these tiers (comma-separated).
        dataset: A scenario file overriding the shipped one.
        load: How to read `dataset` (default: the scenario loader, which also accepts
            HumanEval rows for code).

    Raises:
        ValueError: An unknown setting, naming the valid values; an empty selection.
    """
    resolve_system_prompt(system_prompt)
    for name, flag in (("cot", cot), ("critique", critique)):
        if not isinstance(flag, bool):
            raise ValueError(f"{name} must be true or false; got {flag!r}")
    path = Path(dataset) if dataset else shipped_dataset(domain)
    scenarios = load(path) if load else load_task_scenarios(path, domain)
    chosen = interleave(select(scenarios, intent, difficulty))
    if not chosen:
        raise ValueError(f"no scenarios in {path} match intent={intent} difficulty={difficulty}")
    samples, digests = [], []
    for scenario in chosen:
        sample = record_to_sample(scenario)
        # Each sample names the row it came from, so an edited row makes exactly its old
        # scores stale (frontier.analysis.runs); the task names the whole selection (the search).
        digest = canonical_sha256(scenario)
        sample.metadata = {**(sample.metadata or {}), SCENARIO_KEY: digest}
        samples.append(sample)
        digests.append(digest)
    return Task(
        dataset=MemoryDataset(samples, name=f"{domain}:{path.name}"),
        solver=config_solver(system_prompt, cot, critique),
        scorer=hh_scorer(),
        epochs=Epochs(1, hh_mean()),
        metadata={
            "domain": domain,
            "dataset_path": str(path),
            SCENARIOS_KEY: canonical_sha256(digests),
        },
        version=task_version(),
    )
