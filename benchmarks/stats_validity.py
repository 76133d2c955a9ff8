"""Do the frontier statistics do what they claim? Simulated studies with known true means.

Prints the coverage of the 95% CIs (bar: 93-97%), how often the verdict says "trade-off
present" when the true alignment tax is 0.1 (bar: >= 95%), and how often it wrongly says
"present" when the true tax is 0, with identical configs or one dominant config (bar: <= 5%).
Design: frontier/simulation.py (4 configs, 400 scenarios, 60% benign or borderline).

Run: .venv/bin/python benchmarks/stats_validity.py [--studies 500]
"""

from __future__ import annotations

import argparse
import time

from frontier.analysis.simulation import validity


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--studies", type=int, default=500)
    parser.add_argument("--draws", type=int, default=1000)
    args = parser.parse_args()
    started = time.perf_counter()
    result = validity(args.studies, args.draws)
    for name, value in result.items():
        print(f"{name}={value:.4f}")
    print(f"studies_per_design={args.studies} seconds={time.perf_counter() - started:.1f}")


if __name__ == "__main__":
    main()
