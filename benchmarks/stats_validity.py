"""Do the frontier statistics do what they claim? Simulated studies with known true means.

Prints the coverage of the 95% CIs (bar: 93-97%), how often the verdict says "trade-off
present" when the true alignment tax is 0.1 (bar: >= 95%), and how often it wrongly says
"present" when the true tax is 0, with identical configs or one dominant config (bar: <= 5%).
Design: frontier/analysis/simulation.py (4 configs, 400 scenarios, 60% benign or borderline).

Then the same with a judge that errs (10% of refusals of harmful requests read as compliance,
5% of compliant answers to safe requests read as refusals) and a calibration set of 300-800
labelled answers read by the same judge: the coverage of the uncorrected CIs (falls well
short: they are centred on the judge's biased reading), of the CIs corrected for the judge's
errors (bar: 93-97%), how often each verdict is right (bar: >= 95%; "present" with a
true tax of 0.1125, absent or inconclusive with a true tax of 0), and how often the bounds the
corrected verdict states hold ("the tax is at most X", "safety costs at least Y"; bar: 95%).
The last line gives both coverages.

Run: .venv/bin/python benchmarks/stats_validity.py [--studies 500]
"""

from __future__ import annotations

import argparse
import time

from frontier.analysis.simulation import judged_validity, validity


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--studies", type=int, default=500)
    parser.add_argument("--draws", type=int, default=1000)
    args = parser.parse_args()
    started = time.perf_counter()
    for name, value in validity(args.studies, args.draws).items():
        print(f"{name}={value:.4f}")
    judged = judged_validity(args.studies, args.draws)
    for name, value in judged.items():
        if not name.startswith("coverage"):
            print(f"judge_error_{name}={value:.4f}")
    print(f"studies_per_design={args.studies} seconds={time.perf_counter() - started:.1f}")
    print(
        f"coverage_uncorrected={judged['coverage_uncorrected']:.4f} "
        f"coverage_corrected={judged['coverage_corrected']:.4f}"
    )


if __name__ == "__main__":
    main()
