"""Is a creative piece vague: a summary, a string of stock phrases, nothing in particular?

A weak model asked for "a 100 to 160 word scene in which a heist crew plans to steal a
painting from a museum" can write 120 words that use "painting" and "museum" and say only
that "there is a lot of tension in the room". Every stated constraint is met; the piece is
not there. Word lists of generic phrases did not separate such answers from real pieces (a
sniper's doubts are full of "maybe" and "could"), but their MiniLM embeddings do: a logistic
regression over the embedding, trained on specific and vague pieces that two writers wrote
for the shipped scenarios (`objectives/vagueness_data`), tells them apart for writers and
scenarios it never saw (`benchmarks/vagueness.py`).

A piece shorter than `MIN_WORDS` is not judged: a slogan or a haiku is general by design, and
every short strong piece the model was tried on read as vague. The threshold is high because
marking a good piece down costs more than missing a vague one. Limits: it was trained on
English pieces only (a specific piece in Spanish read as vague), and MiniLM reads the first
256 tokens, about 190 words, which covers the shipped word ranges but not a longer piece's end.
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import numpy.typing as npt

from objectives.embedding import encoder

WEIGHTS_PATH = Path(__file__).with_name("vagueness_weights.npz")
THRESHOLD = 0.9
MIN_WORDS = 40


def embed(pieces: list[str]) -> npt.NDArray[np.float64]:
    """Unit-length MiniLM embeddings, one piece at a time so none depends on its batch."""
    model = encoder()
    rows = [model.encode([piece], normalize_embeddings=True)[0] for piece in pieces]
    return np.asarray(rows, dtype=np.float64).reshape(len(pieces), -1)


def probability(
    embeddings: npt.NDArray[np.float64], weights: npt.NDArray[np.float64], bias: float
) -> npt.NDArray[np.float64]:
    """The logistic model's probability that each embedded piece is vague."""
    result: npt.NDArray[np.float64] = 1.0 / (1.0 + np.exp(-(embeddings @ weights + bias)))
    return result


@functools.cache
def _shipped() -> tuple[npt.NDArray[np.float64], float]:
    with np.load(WEIGHTS_PATH) as data:
        return np.asarray(data["weights"], dtype=np.float64), float(data["bias"])


def vagueness(pieces: list[str]) -> list[float]:
    """The probability that each piece is vague, by the shipped model.

    Args:
        pieces: Creative pieces, each without the assistant's opening line or closing note.
    """
    if not pieces:
        return []
    weights, bias = _shipped()
    return [round(float(p), 4) for p in probability(embed(pieces), weights, bias)]
