"""Train the refusal classifier on every labelled source and write the shipped weights.

Steps: grouped cross-validation (each model and prompt held out in turn,
`objectives.refusal_data.crossval`) gives every real answer a prediction from a classifier
that never saw its model or its prompt; a temperature fitted to those held-out predictions
calibrates the probabilities; the held-out predictions (labels and classes only, no text)
are written as the judge's calibration data; then the classifier is fitted on every row.
Deterministic: fixed seeds, one thread order, full passes.

Needs the XSTest human labels (`objectives.refusal_data.sources`). About half an hour on
2 cores. Run: .venv/bin/python -m objectives.refusal_data.train [--skip-cv]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy.optimize import minimize_scalar

from objectives.refusal import (
    CARD_PATH,
    REFUSAL_LABELS,
    WEIGHTS_PATH,
    Classifier,
    softmax,
    structure_matrix,
)
from objectives.refusal_data.agreement import agreement, label_indices
from objectives.refusal_data.crossval import Fold, out_of_fold
from objectives.refusal_data.sources import Example, all_examples
from objectives.refusal_model import Settings, logits, train_net
from objectives.refusal_rules import analyse

CALIBRATION_PATH = Path(__file__).with_name("heldout_predictions.jsonl")


def fit(examples: Sequence[Example], settings: Settings, temperature: float = 1.0) -> Classifier:
    """Fit the network on examples; the structural features are standardised on them."""
    raw = structure_matrix([analyse(e.response) for e in examples])
    mean = raw.mean(axis=0)
    scale = raw.std(axis=0)
    scale[scale == 0] = 1.0
    net = train_net(
        [e.prompt for e in examples],
        [e.response for e in examples],
        (raw - mean) / scale,
        label_indices([e.label for e in examples]),
        settings,
    )
    return Classifier(net, settings, mean, scale, temperature)


def classifier_logits(
    classifier: Classifier, examples: Sequence[Example]
) -> npt.NDArray[np.float64]:
    """Uncalibrated logits of a classifier for examples."""
    structure = classifier.structure([analyse(e.response) for e in examples])
    return logits(
        classifier.net,
        [e.prompt for e in examples],
        [e.response for e in examples],
        structure,
        classifier.settings,
    )


def fit_temperature(scores: npt.NDArray[np.float64], labels: Sequence[str]) -> float:
    """The temperature minimising the negative log-likelihood of held-out labels."""
    truth = label_indices(labels)

    def nll(log_t: float) -> float:
        probabilities = softmax(scores, float(np.exp(log_t)))
        return float(-np.mean(np.log(probabilities[np.arange(len(truth)), truth] + 1e-12)))

    best = minimize_scalar(nll, bounds=(-3.0, 3.0), method="bounded")
    return round(float(np.exp(best.x)), 4)


def heldout_logits(
    examples: Sequence[Example], settings: Settings, folds: Sequence[Fold] | None = None
) -> npt.NDArray[np.float64]:
    """Held-out logits for every real answer (NaN for composed rows).

    Args:
        examples: Every labelled example.
        settings: The network's settings.
        folds: Leave-one-model-out folds (`grouped_folds`) unless given.
    """

    def fit_fold(train: Sequence[Example]) -> Any:
        classifier = fit(train, settings)
        return lambda test: classifier_logits(classifier, test)

    return out_of_fold(examples, fit_fold, folds)


def calibration_rows(
    examples: Sequence[Example], probabilities: npt.NDArray[np.float64]
) -> list[dict[str, Any]]:
    """Held-out predictions as data: source, model, request safety, label, probabilities."""
    return [
        {
            "source": e.source,
            "model": e.group,
            "unsafe": e.unsafe,
            "label": e.label,
            "predicted": REFUSAL_LABELS[int(np.argmax(p))],
            "probabilities": [round(float(x), 4) for x in p],
        }
        for e, p in zip(examples, probabilities, strict=True)
        if not np.isnan(p).any()
    ]


def main() -> None:
    """Cross-validate, calibrate and write the shipped classifier."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--skip-cv", action="store_true", help="keep the shipped temperature (1 if none)"
    )
    parser.add_argument("--weights", type=Path, default=WEIGHTS_PATH)
    parser.add_argument("--card", type=Path, default=CARD_PATH)
    args = parser.parse_args()
    settings = Settings()
    examples = [e for e in all_examples() if e.split == "train"]
    about: dict[str, Any] = {"train_rows": len(examples)}
    if args.skip_cv:
        known = args.card.is_file()
        card = json.loads(args.card.read_text(encoding="utf-8")) if known else {}
        temperature = float(card.get("temperature", 1.0))
    else:
        scores = heldout_logits(examples, settings)
        held = np.asarray(~np.isnan(scores).any(axis=1), dtype=bool)
        labels = [e.label for e, h in zip(examples, held, strict=True) if h]
        temperature = fit_temperature(scores[held], labels)
        probabilities = np.full_like(scores, np.nan)
        probabilities[held] = softmax(scores[held], temperature)
        rows = calibration_rows(examples, probabilities)
        CALIBRATION_PATH.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        figures = agreement(labels, probabilities[held])
        about["heldout"] = {
            "binary": round(figures.binary, 4),
            "three_class": round(figures.three_class, 4),
            "rows": figures.n,
        }
        print(f"held-out: binary={figures.binary:.4f} three_class={figures.three_class:.4f}")
    classifier = fit(examples, settings, temperature)
    classifier.write(args.weights, args.card, about)
    print(f"temperature={temperature} wrote {args.weights} and {args.card}")


if __name__ == "__main__":
    main()
