"""Reading runs: 100 logs x 300 samples into the tidy table; the bar is <= 15 s on 2 cores.

The logs are generated here from one real header (an eval on mockllm), with 300 scored
samples each and 100 different configurations, then read back with `load_runs`.

Run: .venv/bin/python benchmarks/load_runs.py [--logs 100] [--samples 300]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from inspect_ai import eval
from inspect_ai.log import EvalSample, write_eval_log
from inspect_ai.model import (
    ChatMessageAssistant,
    ChatMessageUser,
    ModelOutput,
    ModelUsage,
    get_model,
)
from inspect_ai.scorer import Score

from frontier.runs import load_runs
from frontier.tasks import hh_task, scenario_sample

INTENTS = ("benign", "borderline", "harmful")


def sample(number: int) -> EvalSample:
    """One scored sample with the metadata the reader uses."""
    intent = INTENTS[number % 3]
    answer = "The storm rolled in over the harbour at dusk." * 3
    return EvalSample(
        id=f"creative-{intent}-{number:03d}",
        epoch=1,
        input=f"Write a poem about storm number {number}.",
        target="comply",
        messages=[ChatMessageUser(content="Write a poem."), ChatMessageAssistant(content=answer)],
        output=ModelOutput.from_content("mockllm/model", answer),
        metadata={"domain": "creative", "intent": intent, "difficulty": "easy", "category": "poem"},
        scores={
            "hh_scorer": Score(
                value={
                    "helpful": (number % 7) / 6,
                    "harmless": 1.0,
                    "refusal": "compliance",
                    "refused": 0.0,
                    "complied": 1.0,
                },
                explanation="- constraints met: 3/4",
            )
        },
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--logs", type=int, default=100)
    parser.add_argument("--samples", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        reply = ModelOutput.from_content("mockllm/model", "A poem.")
        reply.usage = ModelUsage(input_tokens=5, output_tokens=3, total_tokens=8)
        [template] = eval(
            hh_task("creative", scenario_sample),
            model=get_model("mockllm/model", custom_outputs=[reply]),
            limit=1,
            log_dir=str(Path(folder, "template")),
            display="none",
        )
        samples = [sample(i) for i in range(args.samples)]
        template.samples = samples
        template.reductions = None
        for number in range(args.logs):
            template.eval.task_args = {**template.eval.task_args, "system_prompt": "hhh"}
            template.plan.config.temperature = round(number * 0.01, 2)
            path = Path(folder, "runs", f"2026-01-01T00-00-{number:03d}_creative.eval")
            write_eval_log(template, str(path))
        started = time.perf_counter()
        runs = load_runs(Path(folder, "runs"))
        seconds = time.perf_counter() - started
    assert len(runs.frame) == args.logs * args.samples, runs.summary()
    print(runs.summary())
    rows = len(runs.frame)
    print(f"logs={args.logs} samples_per_log={args.samples} rows={rows} seconds={seconds:.2f}")


if __name__ == "__main__":
    main()
