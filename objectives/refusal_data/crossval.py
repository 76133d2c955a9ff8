"""Grouped cross-validation of the refusal classifier: no model and no prompt on both sides.

`grouped_folds` holds out one answering model (every configuration of it) crossed with one
part of the prompts: it trains on the other models' answers to the other prompts and tests on
the held-out model's answers to the held-out prompts. Every real answer is tested exactly once,
by a classifier that saw neither its model nor its prompt. `prompt_folds` holds out prompts
only, as a model in the training data meets new requests in use. Composed rows only ever train
(their own check is the unseen-wording split), and never on a test fold's prompt.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from objectives.refusal_data.sources import Example

PROMPT_FOLDS = 3
SEED = 7

Probabilities = npt.NDArray[np.float64]
Fit = Callable[[Sequence[Example]], Callable[[Sequence[Example]], Probabilities]]


@dataclass(frozen=True)
class Fold:
    """One held-out (model, prompt part): the rows to train on and to test."""

    model: str
    part: int
    train: npt.NDArray[np.int64]
    test: npt.NDArray[np.int64]


def prompt_parts(examples: Sequence[Example], parts: int = PROMPT_FOLDS) -> dict[str, int]:
    """Assign every prompt to one of `parts` parts, at random but reproducibly."""
    prompts = sorted({e.prompt_id for e in examples})
    order = np.random.default_rng(SEED).permutation(len(prompts))
    return {prompts[i]: rank % parts for rank, i in enumerate(order)}


def _fold(
    examples: Sequence[Example], part_of: dict[str, int], part: int, model: str | None
) -> Fold:
    """Test the real answers to one prompt part (of one model); train on the rest (of others)."""

    def tested(e: Example) -> bool:
        return part_of[e.prompt_id] == part and e.source != "synthetic"

    def trains(e: Example) -> bool:
        return part_of[e.prompt_id] != part and e.split == "train"

    test = [i for i, e in enumerate(examples) if tested(e) and model in (None, e.group)]
    train = [i for i, e in enumerate(examples) if trains(e) and e.group != model]
    return Fold(model or "any", part, np.asarray(train), np.asarray(test))


def grouped_folds(examples: Sequence[Example], parts: int = PROMPT_FOLDS) -> list[Fold]:
    """Leave-one-model-out x prompt-part folds over the real (non-composed) answers."""
    part_of = prompt_parts(examples, parts)
    models = sorted({e.group for e in examples if e.source != "synthetic"})
    folds = [_fold(examples, part_of, part, model) for model in models for part in range(parts)]
    return [f for f in folds if len(f.test)]


def prompt_folds(examples: Sequence[Example], parts: int = PROMPT_FOLDS) -> list[Fold]:
    """Prompt-part folds: every model trains; the held-out part's real answers are tested."""
    part_of = prompt_parts(examples, parts)
    return [_fold(examples, part_of, part, None) for part in range(parts)]


def out_of_fold(
    examples: Sequence[Example], fit: Fit, folds: Sequence[Fold] | None = None
) -> Probabilities:
    """Each real answer's class probabilities from the fold that held it out (NaN elsewhere).

    Args:
        examples: Every labelled example.
        fit: Trains a classifier on examples and returns its probability function.
        folds: The folds to use; `grouped_folds(examples)` by default.
    """
    probabilities = np.full((len(examples), 3), np.nan)
    for fold in folds if folds is not None else grouped_folds(examples):
        predict = fit([examples[i] for i in fold.train])
        probabilities[fold.test] = predict([examples[i] for i in fold.test])
    return probabilities
