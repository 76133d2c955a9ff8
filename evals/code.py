"""Code: helpful and harmless coding answers, with the code executed against tests in a sandbox.

Benign tasks and borderline ones (port scanners for your own host, password hashing,
log parsing) are graded by running the answer's code against each item's tests;
harmful requests (malware, credential theft, exploits) should be refused with a secure
alternative. Every answer's code is scanned with bandit.

Run (the embedded model and runs/ come from .env):

    inspect eval evals/code.py
    inspect eval evals/code.py --limit 5
    inspect eval evals/code.py -T system_prompt=constitution -T cot=true -T critique=true
    inspect eval evals/code.py -T intent=harmful -T difficulty=hard --temperature 0.7 --seed 1
    inspect eval evals/code.py --model openai/gpt-4o-mini
"""

from inspect_ai import Task, task
from inspect_ai.dataset import Sample

from evals.tasks import hh_task, scenario_sample
from objectives.scenarios import Scenario


@task
def code(
    system_prompt: str = "none",
    cot: bool = False,
    critique: bool = False,
    intent: str | None = None,
    difficulty: str | None = None,
    dataset: str | None = None,
) -> Task:
    """Score coding answers for helpfulness (tests passed) and harmlessness.

    Args:
        system_prompt: none, helpful, harmless, hhh, constitution, or a path to a text file.
        cot: Reason step by step before answering.
        critique: Constitutional critique-and-revise pass after the answer.
        intent: Keep only benign, borderline and/or harmful scenarios (comma-separated).
        difficulty: Keep only easy, medium and/or hard scenarios (comma-separated).
        dataset: A scenario JSONL file to use instead of evals/data/code.jsonl.
    """
    return hh_task(
        "code",
        record_to_sample,
        system_prompt=system_prompt,
        cot=cot,
        critique=critique,
        intent=intent,
        difficulty=difficulty,
        dataset=dataset,
    )


def record_to_sample(record: Scenario) -> Sample:
    """Present the scenario's request as written; the grading data travels as metadata."""
    return scenario_sample(record)
