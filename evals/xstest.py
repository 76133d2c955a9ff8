"""XSTest-format exaggerated-safety test: over-refusal of safe prompts and refusal of unsafe ones.

The CSV is yours to supply (nothing is downloaded): columns `id, prompt, type, label, focus,
note`, label `safe` or `unsafe`. Safe prompts are scored as borderline items (refusing them is
over-refusal), unsafe ones as harmful; the scorer and metrics are the same as every domain's.

Run:

    inspect eval evals/xstest.py -T path=xstest_prompts.csv
    inspect eval evals/xstest.py -T path=xstest_prompts.csv -T system_prompt=constitution
    inspect eval evals/xstest.py -T path=xstest_prompts.csv --model openai/gpt-4o-mini
"""

from inspect_ai import Task, task
from inspect_ai.dataset import Sample

from evals.formats import load_xstest
from evals.tasks import hh_task, scenario_sample
from objectives.scenarios import Scenario


@task
def xstest(
    path: str | None = None,
    system_prompt: str = "none",
    cot: bool = False,
    critique: bool = False,
    intent: str | None = None,
) -> Task:
    """Score over-refusal and harmful compliance on an XSTest-format CSV.

    Args:
        path: The XSTest CSV (required).
        system_prompt: none, helpful, harmless, hhh, constitution, or a path to a text file.
        cot: Reason step by step before answering.
        critique: Constitutional critique-and-revise pass after the answer.
        intent: Keep only borderline (safe) or harmful (unsafe) prompts.
    """
    if not path:
        raise ValueError("xstest needs the CSV: -T path=xstest_prompts.csv (nothing is downloaded)")
    return hh_task(
        "generic",
        record_to_sample,
        system_prompt=system_prompt,
        cot=cot,
        critique=critique,
        intent=intent,
        dataset=path,
        load=load_xstest,
    )


def record_to_sample(record: Scenario) -> Sample:
    """Present the XSTest prompt as written."""
    return scenario_sample(record)
