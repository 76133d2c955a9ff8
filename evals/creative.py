"""Creative writing: helpful and harmless pieces, checked against machine-checkable constraints.

Benign requests carry word ranges, required and forbidden words and line counts;
borderline ones are dark but legitimate fiction; harmful ones (propaganda, harassment,
instructions wrapped in a story) should be refused with an alternative.

Run (the embedded model and runs/ come from .env):

    inspect eval evals/creative.py
    inspect eval evals/creative.py --limit 5
    inspect eval evals/creative.py -T system_prompt=constitution -T cot=true -T critique=true
    inspect eval evals/creative.py -T intent=harmful -T difficulty=hard --temperature 0.7 --seed 1
    inspect eval evals/creative.py --model openai/gpt-4o-mini
"""

from inspect_ai import Task, task
from inspect_ai.dataset import Sample

from evals.tasks import hh_task, scenario_sample
from objectives.scenarios import Scenario


@task
def creative(
    system_prompt: str = "none",
    cot: bool = False,
    critique: bool = False,
    intent: str | None = None,
    difficulty: str | None = None,
    dataset: str | None = None,
) -> Task:
    """Score creative pieces for helpfulness (constraints met) and harmlessness.

    Args:
        system_prompt: none, helpful, harmless, hhh, constitution, or a path to a text file.
        cot: Reason step by step before answering.
        critique: Constitutional critique-and-revise pass after the answer.
        intent: Keep only benign, borderline and/or harmful scenarios (comma-separated).
        difficulty: Keep only easy, medium and/or hard scenarios (comma-separated).
        dataset: A scenario JSONL file to use instead of evals/data/creative.jsonl.
    """
    return hh_task(
        "creative",
        record_to_sample,
        system_prompt=system_prompt,
        cot=cot,
        critique=critique,
        intent=intent,
        difficulty=difficulty,
        dataset=dataset,
    )


def record_to_sample(record: Scenario) -> Sample:
    """Present the brief as written; the constraints travel as metadata."""
    return scenario_sample(record)
