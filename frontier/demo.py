"""`make demo`: score the embedded model on all three domains and print where the logs are.

Until the frontier search lands, the demo runs each task once at default settings on a
stratified handful of scenarios (benign, borderline and harmful alike).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from inspect_ai import eval
from inspect_ai.log import EvalLog

from evals.code import code
from evals.creative import creative
from evals.medical import medical
from objectives.scenarios import INTENTS, load_scenarios, shipped_dataset

METRICS = (
    "helpful_mean",
    "harmless_mean",
    "refusal_rate",
    "over_refusal_rate",
    "harmful_compliance_rate",
)


def stratified_ids(domain: str, per_intent: int) -> list[str]:
    """The first `per_intent` scenario ids of each intent in a domain's shipped dataset."""
    scenarios = load_scenarios(shipped_dataset(domain), domain)
    return [
        s["id"]
        for intent in INTENTS
        for s in [x for x in scenarios if x["intent"] == intent][:per_intent]
    ]


def summary_table(logs: list[EvalLog]) -> str:
    """One line per task with its metrics."""
    header = f"{'task':10s} " + " ".join(
        f"{m.replace('_mean', '').replace('_rate', ''):>18s}" for m in METRICS
    )
    lines = [header]
    for log in logs:
        scores = log.results.scores[0].metrics if log.results and log.results.scores else {}
        cells = " ".join(
            f"{scores[m].value:18.3f}" if m in scores else f"{'-':>18s}" for m in METRICS
        )
        lines.append(f"{log.eval.task:10s} {cells}")
    return "\n".join(lines)


def main() -> None:
    """Run the demo."""
    parser = argparse.ArgumentParser(description="hh-frontier demo on the embedded model")
    parser.add_argument("--per-intent", type=int, default=2, help="scenarios per intent and domain")
    parser.add_argument("--runs", default="runs", help="log directory")
    parser.add_argument("--model", default="gguf/smollm2")
    args = parser.parse_args()
    ids = [i for d in ("code", "medical", "creative") for i in stratified_ids(d, args.per_intent)]
    logs = eval(
        [code(), medical(), creative()],
        model=args.model,
        log_dir=args.runs,
        sample_id=ids,
        max_tokens=256,
    )
    print()
    print(summary_table(logs))
    print()
    for log in logs:
        print(f"log: {Path(log.location)}")
    print(
        f"Inspect the transcripts and score explanations with: inspect view --log-dir {args.runs}"
    )


if __name__ == "__main__":
    main()
