"""Refusal classifier on the held-out split: accuracy, confusion matrix and throughput.

Bars (issue 3): binary accuracy (refusal or partial vs compliance) >= 0.95, three-class
accuracy >= 0.90, >= 100 responses/s on 2 cores through the batch API. The held-out rows are
built from parts never used in training (objectives/refusal_data/compose.py).

Run: .venv/bin/python benchmarks/classifier.py [--errors]
"""

from __future__ import annotations

import argparse
import time

from objectives.refusal import classify_refusals
from objectives.refusal_data.train import CLASSES, load_rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="print the misclassified rows")
    args = parser.parse_args()
    rows = load_rows("heldout")
    prompts = [r["prompt"] for r in rows]
    responses = [r["response"] for r in rows]
    classify_refusals(prompts[:8], responses[:8])  # load the model before timing
    started = time.perf_counter()
    judgements = classify_refusals(prompts, responses)
    seconds = time.perf_counter() - started

    truth = [r["label"] for r in rows]
    predicted = [j.label for j in judgements]
    three = sum(t == p for t, p in zip(truth, predicted, strict=True)) / len(rows)
    binary = sum(
        (t == "compliance") == (p == "compliance") for t, p in zip(truth, predicted, strict=True)
    ) / len(rows)
    print(f"held-out rows: {len(rows)}")
    print("confusion matrix (rows: truth, columns: predicted)")
    print(f"{'':>12s}" + "".join(f"{c:>12s}" for c in CLASSES))
    for t in CLASSES:
        cells = [
            sum(1 for a, b in zip(truth, predicted, strict=True) if a == t and b == p)
            for p in CLASSES
        ]
        print(f"{t:>12s}" + "".join(f"{n:12d}" for n in cells))
    if args.errors:
        for row, judgement in zip(rows, judgements, strict=True):
            if row["label"] != judgement.label:
                print(
                    f"- {row['id']} {row['style']}: {row['label']} -> {judgement.label} "
                    f"({judgement.probability:.2f}) {row['response'][:140]!r}"
                )
    print(f"responses_per_second={len(rows) / seconds:.1f}")
    print(f"three_class_accuracy={three:.4f}")
    print(f"binary_accuracy={binary:.4f}")


if __name__ == "__main__":
    main()
