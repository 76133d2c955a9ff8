"""Report size at scale: 50 configurations x 200 scenarios; the bar is <= 5 MB.

Logs come from benchmarks/synthetic_logs.py with answers of a small model's typical length
(1,200 characters), so the cases-to-review section is as full as it gets.

Run: .venv/bin/python -m benchmarks.report_size [--configs 50] [--scenarios 200]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic_logs import write_logs
from frontier.analysis.runs import load_runs
from reports.build import report_data, write_report


def measure(folder: Path, configs: int, scenarios: int, response_chars: int) -> tuple[int, float]:
    """Write the logs and the report; return the report's size in bytes and seconds taken."""
    runs_dir = write_logs(folder, configs, scenarios, response_chars)
    started = time.perf_counter()
    out = write_report(report_data(load_runs(runs_dir)), folder / "report.html")
    return out.stat().st_size, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--configs", type=int, default=50)
    parser.add_argument("--scenarios", type=int, default=200)
    parser.add_argument("--response-chars", type=int, default=1200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        size, seconds = measure(Path(folder), args.configs, args.scenarios, args.response_chars)
    print(
        f"configs={args.configs} scenarios={args.scenarios} "
        f"report_megabytes={size / 1e6:.2f} seconds={seconds:.1f}"
    )


if __name__ == "__main__":
    main()
