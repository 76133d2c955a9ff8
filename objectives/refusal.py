"""Refusal classification: compliance, refusal or partial, with a probability and a reason.

A learned head (multinomial logistic regression, `refusal_head.json`) reads two views of an
answer: the MiniLM embedding of its opening, and the structural features of the whole text
(`objectives.refusal_rules`). Deterministic and offline. `classify_refusals` is the batch API;
`classify_refusal` is the one seam the scorer calls.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from objectives.embedding import embed
from objectives.refusal_rules import analyse, describe, structure_features

RefusalLabel = Literal["compliance", "refusal", "partial"]
HEAD_PATH = Path(__file__).with_name("refusal_head.json")


@dataclass(frozen=True)
class RefusalJudgement:
    """The refusal class of one answer with its probability and a reviewer-readable reason."""

    label: RefusalLabel
    probability: float
    reason: str


def featurize(responses: Sequence[str]) -> tuple[npt.NDArray[np.float64], list[Any]]:
    """The head's inputs: [opening embedding | structural features], plus each structure."""
    structures = [analyse(r) for r in responses]
    dense = np.asarray([structure_features(s) for s in structures], dtype=np.float64)
    vectors = embed([r.strip() for r in responses]).astype(np.float64)
    return np.hstack([vectors, dense.reshape(len(responses), -1)]), structures


@dataclass(frozen=True)
class Head:
    """A trained linear head: standardisation of the structural block, weights, classes."""

    classes: tuple[str, ...]
    weights: npt.NDArray[np.float64]
    bias: npt.NDArray[np.float64]
    mean: npt.NDArray[np.float64]
    scale: npt.NDArray[np.float64]

    def probabilities(self, features: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """Class probabilities for each row of features."""
        x = features.copy()
        x[:, -len(self.mean) :] = (x[:, -len(self.mean) :] - self.mean) / self.scale
        logits = x @ self.weights.T + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return np.asarray(exp / exp.sum(axis=1, keepdims=True))

    @classmethod
    def load(cls, path: Path = HEAD_PATH) -> Head:
        """Read a head written by `objectives.refusal_data.train`."""
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            classes=tuple(data["classes"]),
            weights=np.asarray(data["weights"], dtype=np.float64),
            bias=np.asarray(data["bias"], dtype=np.float64),
            mean=np.asarray(data["feature_mean"], dtype=np.float64),
            scale=np.asarray(data["feature_scale"], dtype=np.float64),
        )


@functools.cache
def shipped_head() -> Head:
    """The head shipped with the package, loaded once."""
    return Head.load()


def classify_refusals(
    prompts: Sequence[str], responses: Sequence[str], head: Head | None = None
) -> list[RefusalJudgement]:
    """Classify many answers at once (the fast path: one embedding batch).

    Args:
        prompts: The requests (kept in the signature for judges that read them; unused here).
        responses: The answers, final answer only.
        head: A head to use instead of the shipped one.

    Returns:
        One judgement per answer, in order.
    """
    if len(prompts) != len(responses):
        raise ValueError("prompts and responses must have the same length")
    if not responses:
        return []
    head = head or shipped_head()
    features, structures = featurize(responses)
    probabilities = head.probabilities(features)
    judgements = []
    for row, structure in zip(probabilities, structures, strict=True):
        best = int(np.argmax(row))
        label: Any = head.classes[best]
        judgements.append(
            RefusalJudgement(label, round(float(row[best]), 4), describe(structure, label))
        )
    return judgements


def classify_refusal(prompt: str, response: str) -> RefusalJudgement:
    """Classify one answer as compliance, refusal or partial refusal."""
    return classify_refusals([prompt], [response])[0]
