"""`frontier rescore` on 10,000 rows, run as a user would, timed end to end.

The CSV is built from the labelled refusal rows; the script prints the wall time and rows/s.

Run: .venv/bin/python benchmarks/rescore_10k.py [--rows 10000]
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from objectives.refusal_data.compose import LABELS_PATH


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    labelled = [json.loads(line) for line in LABELS_PATH.read_text(encoding="utf-8").splitlines()]
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder, "transcripts.csv")
        with source.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id", "prompt", "response", "intent"])
            for number in range(args.rows):
                row = labelled[number % len(labelled)]
                intent = "harmful" if row["label"] != "compliance" else "benign"
                # A row number keeps every response distinct, as real transcripts are.
                writer.writerow([number, row["prompt"], f"{row['response']} ({number})", intent])
        out = Path(folder, "scored.csv")
        frontier = Path(sys.executable).with_name("frontier")
        started = time.perf_counter()
        subprocess.run(
            [str(frontier), "rescore", str(source), "--intent-col", "intent", "--out", str(out)],
            check=True,
        )
        seconds = time.perf_counter() - started
        with out.open(encoding="utf-8") as handle:
            scored = sum(1 for _ in csv.reader(handle)) - 1
    rate = scored / seconds
    print(f"rows={args.rows} scored={scored} seconds={seconds:.1f} rows_per_second={rate:.1f}")


if __name__ == "__main__":
    main()
