"""Reading runs: 100 logs x 300 samples into the tidy table; the bar is <= 15 s on 2 cores.

The logs are generated (benchmarks/synthetic_logs.py) from one real header, with 300 scored
samples each and 100 different configurations, then read back with `load_runs`.

Run: .venv/bin/python -m benchmarks.load_runs [--logs 100] [--samples 300]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic_logs import write_logs
from frontier.analysis.runs import load_runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--logs", type=int, default=100)
    parser.add_argument("--samples", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        runs_dir = write_logs(Path(folder), args.logs, args.samples)
        started = time.perf_counter()
        runs = load_runs(runs_dir)
        seconds = time.perf_counter() - started
    assert len(runs.frame) == args.logs * args.samples, runs.summary()
    print(runs.summary())
    rows = len(runs.frame)
    print(f"logs={args.logs} samples_per_log={args.samples} rows={rows} seconds={seconds:.2f}")


if __name__ == "__main__":
    main()
