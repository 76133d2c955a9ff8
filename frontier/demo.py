"""`make demo`: a small frontier search on the embedded model, then the review report.

Six configurations (system prompt, reasoning, critique, temperature, top_p) proposed by the
search, each scored on four scenarios of every domain (benign, borderline and harmful
alike), logs under runs/demo, the report at reports/demo.html. A rerun finds the finished
logs and only rebuilds the report.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from frontier.analysis.calibration import shipped
from frontier.analysis.runs import load_runs
from frontier.search.evaluate import InspectEvaluator
from frontier.search.run import run_search
from frontier.search.space import EvalSetup
from reports.build import report_data, write_report
from reports.terminal import basis_line, verdict_lines

TASKS = ("evals/code.py", "evals/medical.py", "evals/creative.py")


def main() -> None:
    """Run the demo."""
    parser = argparse.ArgumentParser(description="hh-frontier demo on the embedded model")
    parser.add_argument("--budget", type=int, default=6, help="configurations to evaluate")
    parser.add_argument("--limit", type=int, default=4, help="scenarios per domain")
    parser.add_argument("--runs", default="runs/demo", help="log directory")
    parser.add_argument("--out", default="reports/demo.html", help="the report")
    parser.add_argument("--model", default="gguf/smollm2")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    started = time.monotonic()

    print(f"[1/2] searching {args.budget} configurations on {args.model}, {args.limit} scenarios")
    print(f"      per domain ({', '.join(TASKS)}); logs in {args.runs}", flush=True)
    setup = EvalSetup(TASKS, args.model, args.runs, args.limit, args.seed)
    result = run_search(InspectEvaluator(setup), "nsga2", args.budget, args.seed)
    print(f"      evaluated {len(result.evaluated)} configurations", flush=True)

    print("[2/2] writing the report", flush=True)
    runs = load_runs(args.runs)
    title = "hh-frontier demo: SmolLM2-135M-Instruct"
    data = report_data(runs, title, seed=args.seed, calibration=shipped())
    out = write_report(data, Path(args.out))
    print()
    print(runs.summary())
    print(basis_line(data.analyses["overall"]))
    print("\n".join(verdict_lines(data.analyses)))
    print()
    print(f"report: {out.resolve()} ({out.stat().st_size / 1e6:.1f} MB)")
    print(f"transcripts: inspect view --log-dir {args.runs}")
    print(f"done in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
