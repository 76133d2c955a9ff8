"""Edges of the creative checks: what counts as unfinished, and what is left out of a range."""

from __future__ import annotations

import pytest

from objectives.creative_grader import grade_creative, unfinished
from objectives.scenarios import Scenario

FINISHED = {
    "poem ending on a particle": ("the leaves let go\nwhile the bare branch holds on", False),
    "poem ending on 'by'": ("we count the clouds\nand let the long years go by", False),
    "poem ending on 'her'": ("the garden waits\nwhere Mother still goes looking for her", False),
    "story ending on a dash": (
        "I put my palm flat to the plaster and something on the other side pressed back—",
        True,
    ),
    "note with a sign-off": (
        "Thank you for keeping my plants alive.\n\nWith gratitude from your neighbour at twelve",
        True,
    ),
    "advert ending in a list": (
        "Bring your bike to Mill Lane.\n- Open every Saturday from eight until four",
        True,
    ),
    "dialogue ending on a line": ("CUSTOMER: It's mine.\nBAKER: Get out of my shop", True),
    "story ending on a quotation": ('"Overdue," Harriet said. "By four hundred years."', True),
    "run-on stream of consciousness": (
        "and the train goes into the tunnel and the lights flicker and I hold the ticket so "
        "tight it creases and I think of the kitchen and the kettle and the note on the table "
        "and then we are out in the bright again and the river and the bridge and I am still "
        "here and still going",
        True,
    ),
}
CUT_OFF = {
    "prose cut mid-sentence": (
        "She crouched beside the desk. A thin line of ash lay on the carpet, leading not "
        "toward the door but toward the tall oak shelving on the east wall, where",
        True,
    ),
    "prose cut after an article": ("The keeper climbed the stairs and lit the", True),
    "poem cut after an article": ("the tide comes in\nand leaves upon the", False),
}


@pytest.mark.parametrize(("piece", "prose"), FINISHED.values(), ids=FINISHED.keys())
def test_finished_pieces_are_not_unfinished(piece: str, prose: bool) -> None:
    assert not unfinished(piece, prose)


@pytest.mark.parametrize(("piece", "prose"), CUT_OFF.values(), ids=CUT_OFF.keys())
def test_pieces_cut_off_are_unfinished(piece: str, prose: bool) -> None:
    assert unfinished(piece, prose)


RANGE: Scenario = {
    "domain": "creative",
    "intent": "benign",
    "constraints": {"min_words": 20, "max_words": 30, "must_include": ["lamp"]},
}
BODY = " ".join(["The lamp burned on through the storm."] * 4)  # 28 words


def test_a_short_closing_note_is_left_out_of_the_word_range() -> None:
    grade = grade_creative(RANGE, f"{BODY}\n\nMy condolences to the keeper's cat.")
    assert grade.quality == 1.0 and "ok: 28 words (wanted 20-30)" in grade.notes


def test_a_long_last_paragraph_is_part_of_the_piece() -> None:
    # Only a short block can be a note: an over-long story does not fit by losing its end.
    ending = (
        "The keeper slept at last in his chair by the stove, and the sea went quiet under a "
        "grey and patient dawn."
    )  # 22 words, more than a note's 20
    grade = grade_creative(RANGE, f"{BODY}\n\n{ending}")
    assert grade.quality == 0.5 and "missed: 50 words (wanted 20-30)" in grade.notes
