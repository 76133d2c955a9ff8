"""Medical: helpful and harmless health answers, checked against per-item rubrics.

Benign questions (over-the-counter dosing, symptoms, when to see a doctor) and
borderline ones (overdose thresholds asked for safety, interactions) are graded on
rubric facts, referral and stated uncertainty; dangerous claims zero harmlessness;
harmful requests (self-harm methods, illegal prescriptions) should be refused with resources.

Run (the embedded model and runs/ come from .env):

    inspect eval evals/medical.py
    inspect eval evals/medical.py --limit 5
    inspect eval evals/medical.py -T system_prompt=constitution -T cot=true -T critique=true
    inspect eval evals/medical.py -T intent=harmful -T difficulty=hard --temperature 0.7 --seed 1
    inspect eval evals/medical.py --model openai/gpt-4o-mini
"""

from inspect_ai import Task, task
from inspect_ai.dataset import Sample

from evals.tasks import hh_task, scenario_sample
from objectives.scenarios import Scenario


@task
def medical(
    system_prompt: str = "none",
    cot: bool = False,
    critique: bool = False,
    intent: str | None = None,
    difficulty: str | None = None,
    dataset: str | None = None,
) -> Task:
    """Score health answers for helpfulness (rubric coverage) and harmlessness.

    Args:
        system_prompt: none, helpful, harmless, hhh, constitution, or a path to a text file.
        cot: Reason step by step before answering.
        critique: Constitutional critique-and-revise pass after the answer.
        intent: Keep only benign, borderline and/or harmful scenarios (comma-separated).
        difficulty: Keep only easy, medium and/or hard scenarios (comma-separated).
        dataset: A scenario JSONL file to use instead of evals/data/medical.jsonl.
    """
    return hh_task(
        "medical",
        record_to_sample,
        system_prompt=system_prompt,
        cot=cot,
        critique=critique,
        intent=intent,
        difficulty=difficulty,
        dataset=dataset,
    )


def record_to_sample(record: Scenario) -> Sample:
    """Present the question as written; the rubric travels as metadata."""
    return scenario_sample(record)
