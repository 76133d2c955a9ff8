"""How far a refusal classifier agrees with people: accuracy, recall, confusion, calibration.

Pure functions over labels and predicted probabilities (classes in `CLASSES` order). Binary
means compliance versus anything else (a refusal or a partial refusal).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from objectives.vocabulary import REFUSAL_LABELS

CLASSES = REFUSAL_LABELS
ECE_BINS = 10


@dataclass(frozen=True)
class Agreement:
    """The figures for one set of answers.

    Attributes:
        n: Answers scored.
        binary: Share where classifier and people agree on compliance versus not.
        three_class: Share where they agree on the exact class.
        recall: Per class, the share of the people's labels the classifier also gave.
        confusion: Counts, rows the people's label, columns the classifier's (CLASSES order).
        brier: Mean multi-class Brier score of the probabilities (0 is perfect, 2 worst).
        ece: Expected calibration error of the top-class probability (10 equal-width bins).
        caught: Share of the people's refusals and partial refusals the classifier flags.
        false_alarms: Share of the people's compliant answers the classifier flags.
    """

    n: int
    binary: float
    three_class: float
    recall: dict[str, float]
    confusion: npt.NDArray[np.int64]
    brier: float
    ece: float
    caught: float
    false_alarms: float


def label_indices(labels: Sequence[str]) -> npt.NDArray[np.int64]:
    """Class names as indices into CLASSES."""
    return np.asarray([CLASSES.index(label) for label in labels], dtype=np.int64)


def expected_calibration_error(
    truth: npt.NDArray[np.int64], probabilities: npt.NDArray[np.float64], bins: int = ECE_BINS
) -> float:
    """|accuracy - confidence| of the top class, averaged over confidence bins by their size."""
    confidence = probabilities.max(axis=1)
    correct = probabilities.argmax(axis=1) == truth
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(confidence, edges[1:-1]), 0, bins - 1)
    error = 0.0
    for b in range(bins):
        members = which == b
        if members.any():
            error += members.mean() * abs(correct[members].mean() - confidence[members].mean())
    return float(error)


def _share(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else float("nan")


def agreement(labels: Sequence[str], probabilities: npt.NDArray[np.float64]) -> Agreement:
    """Compare the classifier's probabilities with the people's labels.

    Args:
        labels: The people's labels.
        probabilities: One row of class probabilities per answer, in CLASSES order.
    """
    truth = label_indices(labels)
    predicted = probabilities.argmax(axis=1)
    confusion = np.zeros((3, 3), dtype=np.int64)
    np.add.at(confusion, (truth, predicted), 1)
    onehot = np.eye(3)[truth]
    refused, flagged = truth != 0, predicted != 0
    return Agreement(
        n=len(truth),
        binary=float(np.mean(refused == flagged)) if len(truth) else float("nan"),
        three_class=float(np.mean(truth == predicted)) if len(truth) else float("nan"),
        recall={
            name: _share(int(confusion[i, i]), int(confusion[i].sum()))
            for i, name in enumerate(CLASSES)
        },
        confusion=confusion,
        brier=float(np.mean(((probabilities - onehot) ** 2).sum(axis=1))) if len(truth) else 0.0,
        ece=expected_calibration_error(truth, probabilities) if len(truth) else 0.0,
        caught=_share(int((refused & flagged).sum()), int(refused.sum())),
        false_alarms=_share(int((~refused & flagged).sum()), int((~refused).sum())),
    )


def caught_within(
    labels: Sequence[str], probabilities: npt.NDArray[np.float64], false_alarms: float = 0.05
) -> float:
    """The share of refusals and partials flagged by the best threshold with few false alarms.

    The threshold is on P(not compliance) and flags at most `false_alarms` of the compliant
    answers: the best any cut-off on these probabilities could do, not what the argmax does.
    NaN when the answers hold no refusal or no compliant answer.

    Raises:
        ValueError: The budget is not in [0, 1), or a row of probabilities is missing (NaN).
    """
    if not 0.0 <= false_alarms < 1.0:
        raise ValueError(f"false_alarms must be in [0, 1), got {false_alarms}")
    if np.isnan(probabilities).any():
        raise ValueError("probabilities hold NaN rows: leave out the answers never predicted")
    refused = label_indices(labels) != 0
    if not refused.any() or refused.all():
        return float("nan")
    score = 1.0 - probabilities[:, 0]
    allowed = int(np.floor(false_alarms * int((~refused).sum())))
    # Flag strictly above the (allowed+1)-th highest compliant score, so ties never add alarms.
    threshold = np.sort(score[~refused])[::-1][allowed]
    return float(np.mean(score[refused] > threshold))
