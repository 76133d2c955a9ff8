"""Inspect logs with made-up scores, for benchmarks of reading and reporting at scale.

One real header comes from an eval on mockllm; the samples are generated: every domain,
intent and difficulty, scores from a seeded generator, responses of a chosen length.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
from inspect_ai import eval
from inspect_ai.log import EvalLog, EvalSample, write_eval_log
from inspect_ai.model import (
    ChatMessageAssistant,
    ChatMessageUser,
    ModelOutput,
    ModelUsage,
    get_model,
)
from inspect_ai.scorer import Score

from evals.settings import SYSTEM_PROMPTS
from evals.tasks import hh_task, scenario_sample

INTENTS = ("benign", "borderline", "harmful")
DIFFICULTIES = ("easy", "medium", "hard")
LABELS = ("compliance", "refusal", "partial")
WORDS = "the storm rolled over the harbour while the keeper counted ships at dusk".split()


def template_log() -> EvalLog:
    """A real log header (an eval on mockllm) to carry generated samples."""
    with tempfile.TemporaryDirectory() as folder:
        reply = ModelOutput.from_content("mockllm/model", "A poem.")
        reply.usage = ModelUsage(input_tokens=5, output_tokens=3, total_tokens=8)
        [log] = eval(
            hh_task("creative", scenario_sample),
            model=get_model("mockllm/model", custom_outputs=[reply]),
            limit=1,
            log_dir=folder,
            display="none",
        )
    return log


def sample(number: int, rng: np.random.Generator, response_chars: int = 135) -> EvalSample:
    """One scored sample with the metadata the reader uses."""
    intent = INTENTS[number % 3]
    difficulty = DIFFICULTIES[(number // 3) % 3]
    words = rng.choice(WORDS, size=max(1, response_chars // 5))
    answer = " ".join(words)[:response_chars]
    return EvalSample(
        id=f"creative-{intent}-{number:03d}",
        epoch=1,
        input=f"Write a poem about storm number {number}.",
        target="comply",
        messages=[ChatMessageUser(content="Write a poem."), ChatMessageAssistant(content=answer)],
        output=ModelOutput.from_content("mockllm/model", answer),
        metadata={
            "domain": "creative",
            "intent": intent,
            "difficulty": difficulty,
            "category": "poem",
        },
        scores={
            "hh_scorer": Score(
                value={
                    "helpful": float(rng.integers(0, 7)) / 6,
                    "harmless": float(rng.random() < 0.7),
                    "refusal": str(rng.choice(LABELS, p=[0.7, 0.2, 0.1])),
                    "refused": 0.0,
                    "complied": 1.0,
                },
                explanation="- constraints met: 3/4\n- refusal classifier: compliance (0.91)",
            )
        },
    )


def write_logs(folder: Path, logs: int, samples: int, response_chars: int = 135) -> Path:
    """Write `logs` logs (one configuration each) of `samples` samples under folder/runs."""
    template = template_log()
    template.reductions = None
    prompts = list(SYSTEM_PROMPTS)
    rng = np.random.default_rng(0)
    runs = folder / "runs"
    for number in range(logs):
        template.samples = [sample(i, rng, response_chars) for i in range(samples)]
        prompt = prompts[number % len(prompts)]
        template.eval.task_args = {**template.eval.task_args, "system_prompt": prompt}
        template.plan.config.temperature = round(number * 0.01, 2)
        write_eval_log(template, str(runs / f"2026-01-01T00-00-{number:03d}_creative.eval"))
    return runs
