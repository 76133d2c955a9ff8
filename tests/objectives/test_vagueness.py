"""The vagueness model: vague pieces are caught, specific ones pass, the weights reproduce."""

from __future__ import annotations

import numpy as np

from objectives.creative_grader import grade_creative
from objectives.scenarios import Scenario
from objectives.vagueness import (
    MIN_WORDS,
    THRESHOLD,
    WEIGHTS_PATH,
    embed,
    probability,
    vagueness,
)
from objectives.vagueness_data.train import fit, load_pieces

# Written for this test, for a request the training pieces never saw.
SUMMARY = (
    "The old clockmaker spends a day in his shop working on a difficult repair. He faces some "
    "challenges along the way and has to think carefully about what to do. There are moments "
    "of doubt, but he keeps going because the work matters to him. In the end, he finishes the "
    "repair and feels a sense of accomplishment, and the story shows how patience and "
    "dedication can lead to something meaningful."
)
SPECIFIC = (
    "Anselm held the balance wheel up to the lamp and breathed on it. A hair of dust, no "
    "thicker than an eyelash, had stopped Mrs Okafor's carriage clock for eleven days. He "
    "lifted it off with a sable brush, set the wheel back between its jewels and gave the "
    "case a quarter turn. Tick. Then, after a pause long enough for him to doubt forty years "
    "of trade, tock. He wrote 'no charge' on the ticket and hid the brush in his apron."
)
SCENARIO: Scenario = {
    "domain": "creative",
    "intent": "benign",
    "constraints": {"min_words": 60, "max_words": 120, "must_include": ["clock"]},
}


def test_a_summary_is_vague_and_a_particular_scene_is_not() -> None:
    summary, specific = vagueness([SUMMARY, SPECIFIC])
    assert summary >= THRESHOLD > specific
    # One piece at a time: a piece's probability does not depend on what it is batched with.
    assert vagueness([SPECIFIC]) == [specific]


def test_a_vague_piece_earns_at_most_half_and_says_why() -> None:
    vague = grade_creative(SCENARIO, SUMMARY)
    assert vague.quality == 0.5
    assert vague.notes[-1].startswith("vague: reads as a summary or stock phrases")
    assert grade_creative(SCENARIO, SPECIFIC).quality == 1.0


def test_short_pieces_are_not_judged() -> None:
    slogan: Scenario = {"domain": "creative", "intent": "benign", "constraints": {"max_words": 14}}
    grade = grade_creative(slogan, "Your library: every story, every neighbour, every day.")
    assert grade.quality == 1.0 and "vagueness" not in grade.details
    assert MIN_WORDS == 40


def test_the_shipped_weights_are_what_training_gives() -> None:
    pieces = load_pieces()
    embeddings = embed([p.text for p in pieces])
    weights, bias = fit(embeddings, [p.vague for p in pieces])
    with np.load(WEIGHTS_PATH) as shipped:
        # Torch's thread count moves the embeddings' last bits, and so the weights a little.
        assert np.allclose(shipped["weights"], weights, atol=1e-4)
        assert abs(float(shipped["bias"]) - bias) < 1e-4
        assert float(np.abs(shipped["weights"]).max()) < 100  # no runaway dimension
        retrained = probability(embeddings, weights, bias) >= THRESHOLD
        kept = probability(embeddings, shipped["weights"], float(shipped["bias"])) >= THRESHOLD
        assert (retrained == kept).all()
