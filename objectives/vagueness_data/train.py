"""Train the vagueness model on the written pieces, measure it grouped, write the weights.

`pieces.jsonl` holds, for each of the 38 safe creative scenarios, two specific pieces and three
vague ones from each of two writers (written for this purpose, blind to the model): vague in
different ways (a summary of the scene, stock phrases, a hedged non-answer, a template), all
meeting the request's stated constraints. Only pieces of at least `MIN_WORDS` words train or
test, as only those are judged.

Grouped evaluation: train on one writer, test on the other; and five folds by scenario, so no
scenario's pieces are on both sides. The shipped model is fitted on every piece; scoring is a
dot product with the embedding. Deterministic (lbfgs).

Run: .venv/bin/python -m objectives.vagueness_data.train [--check]
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from sklearn.linear_model import LogisticRegression

from objectives.creative_grader import piece_of, word_count
from objectives.refusal_data.sources import read_jsonl
from objectives.vagueness import MIN_WORDS, THRESHOLD, WEIGHTS_PATH, embed, probability

PIECES_PATH = Path(__file__).with_name("pieces.jsonl")
REGULARISATION = 1.0
SCENARIO_FOLDS = 5


@dataclass(frozen=True)
class Piece:
    """One written piece: its scenario, its writer, whether it is vague, and its text.

    The text is the piece itself, its opening line and closing note removed as the grader
    removes them.
    """

    scenario: str
    writer: str
    vague: bool
    text: str


def load_pieces(path: Path = PIECES_PATH) -> list[Piece]:
    """The judged pieces (at least `MIN_WORDS` words) of the training file."""
    rows = read_jsonl(path)
    pieces = [
        Piece(r["scenario"], r["writer"], r["label"] == "vague", piece_of(r["text"])) for r in rows
    ]
    return [p for p in pieces if word_count(p.text) >= MIN_WORDS]


def fit(
    embeddings: npt.NDArray[np.float64], vague: Sequence[bool]
) -> tuple[npt.NDArray[np.float64], float]:
    """Class-balanced logistic regression on the unit-length embeddings.

    The embeddings are scaled by one constant (to unit variance per dimension on average), not
    standardised dimension by dimension: a few MiniLM dimensions are zero to 1e-33, and
    dividing by their spread made weights of 1e31.
    """
    scale = float(np.sqrt(embeddings.shape[1]))
    model = LogisticRegression(
        C=REGULARISATION, class_weight="balanced", max_iter=5000, solver="lbfgs"
    )
    model.fit(embeddings * scale, np.asarray(vague, dtype=int))
    return np.asarray(model.coef_[0], dtype=np.float64) * scale, float(model.intercept_[0])


def held_out(
    pieces: Sequence[Piece], embeddings: npt.NDArray[np.float64], groups: Sequence[str]
) -> npt.NDArray[np.float64]:
    """Each piece's probability from a model fitted without its group."""
    out = np.zeros(len(pieces))
    vague = [p.vague for p in pieces]
    for group in sorted(set(groups)):
        test = np.array([g == group for g in groups])
        kept = [v for v, held in zip(vague, test, strict=True) if not held]
        weights, bias = fit(embeddings[~test], kept)
        out[test] = probability(embeddings[test], weights, bias)
    return out


def summary(name: str, pieces: Sequence[Piece], probs: npt.NDArray[np.float64]) -> str:
    """Specific pieces marked vague and vague pieces caught, at the shipped threshold."""
    specific = [p for piece, p in zip(pieces, probs, strict=True) if not piece.vague]
    vague = [p for piece, p in zip(pieces, probs, strict=True) if piece.vague]
    marked = sum(p >= THRESHOLD for p in specific)
    caught = sum(p >= THRESHOLD for p in vague)
    return (
        f"{name}: specific marked vague {marked}/{len(specific)}, vague caught "
        f"{caught}/{len(vague)} ({caught / len(vague):.3f}) at p >= {THRESHOLD}"
    )


def evaluate(pieces: Sequence[Piece], embeddings: npt.NDArray[np.float64]) -> list[str]:
    """Leave-one-writer-out and scenario-grouped figures."""
    scenarios = sorted({p.scenario for p in pieces})
    fold_of = {s: str(n % SCENARIO_FOLDS) for n, s in enumerate(scenarios)}
    by_writer = held_out(pieces, embeddings, [p.writer for p in pieces])
    by_scenario = held_out(pieces, embeddings, [fold_of[p.scenario] for p in pieces])
    return [
        summary("writer held out", pieces, by_writer),
        summary("scenarios held out", pieces, by_scenario),
    ]


def main(argv: Sequence[str] | None = None) -> None:
    """Print the grouped figures, then write (or with --check, compare) the weights."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="evaluate and compare, do not write the weights"
    )
    args = parser.parse_args(argv)
    pieces = load_pieces()
    embeddings = embed([p.text for p in pieces])
    for line in evaluate(pieces, embeddings):
        print(line)
    weights, bias = fit(embeddings, [p.vague for p in pieces])
    if args.check:
        with np.load(WEIGHTS_PATH) as shipped:
            gap = float(np.max(np.abs(shipped["weights"] - weights)))
        print(f"largest difference from the shipped weights: {gap:.2e}")
        return
    np.savez(WEIGHTS_PATH, weights=weights, bias=np.float64(bias))
    print(f"wrote {WEIGHTS_PATH.name}: {len(pieces)} pieces")


if __name__ == "__main__":
    main()
