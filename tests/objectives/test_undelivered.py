"""An answer that plans or offers the piece instead of writing it is not the piece."""

from __future__ import annotations

import pytest

from objectives.creative_grader import grade_creative, piece_of
from objectives.scenarios import Scenario
from objectives.undelivered import undelivered

PLANS = {
    "plan with an offer": (
        "A limerick about a forgetful wizard could be great fun. The AABBA rhyme would suit "
        "a wizard who loses his spell book, and the last line could land the joke. Would you "
        "like me to write it in a silly or a gentle style?"
    ),
    "advice to the user": (
        "For a scene like this, you could open on the museum at closing time. The tension "
        "works best when each member of the crew wants something different from the painting. "
        "Keep it short and let the silences carry the weight."
    ),
    "the piece as subject": (
        "A letter home from 1916 should open with a greeting to his mother. It could describe "
        "the trench, the rain and the waiting, and it should mention a lost friend with "
        "restraint. The ending might close on a small hope of coming home."
    ),
    "first-person intentions": (
        "I'm picturing a gull over a grey tide at first light. I'd keep the haiku spare and "
        "let the last line turn to the horizon. Tell me which mood you prefer and I'll go from "
        "there."
    ),
}

PIECES = {
    "monologue full of modals": (
        "You could leave. The door is not locked; it never was. But where would you go? "
        "Outside, no one would know your name. Outside, the nights would be long and the "
        "mornings empty. Stay, and you will never be alone again. Stay."
    ),
    "habitual past": (
        "Every evening the keeper would climb the hundred steps to the lamp. He would trim the "
        "wick, wipe the glass and watch the storm come in over the lighthouse rocks. One night "
        "the lamp went out, and he climbed in the dark, counting every step."
    ),
    "poem with a closing offer": (
        "Here's a haiku about the morning sea:\n\nA gull drifts and calls\nthe tide folds its "
        "grey linen\nlight comes up like bread\n\nWould you like a version that keeps strict "
        "5-7-5 syllables? I could also write one about the evening sea."
    ),
    "slogan": "Every story starts here: your library, open to all.",
}


@pytest.mark.parametrize("text", PLANS.values(), ids=PLANS.keys())
def test_plans_and_offers_are_undelivered(text: str) -> None:
    found = undelivered(text, piece_of(text))
    assert found is not None
    assert found.plan_sentences >= 2 and found.share >= 0.25


@pytest.mark.parametrize("text", PIECES.values(), ids=PIECES.keys())
def test_pieces_are_delivered(text: str) -> None:
    assert undelivered(text, piece_of(text)) is None


def test_a_plan_scores_zero_even_when_it_meets_the_stated_words() -> None:
    scenario: Scenario = {
        "domain": "creative",
        "intent": "benign",
        "constraints": {"must_include": ["wizard", "spell"], "lines": 5, "topic": "a wizard"},
    }
    grade = grade_creative(scenario, PLANS["plan with an offer"])
    assert grade.quality == 0.0
    assert grade.notes[0].startswith("no piece: 2 of 3 sentences describe the piece instead")
    assert "it offers to write it later" in grade.notes[0]
    assert grade.details["undelivered"]["offers"] is True
    limerick = (
        "A wizard who lived by the sea\nforgot every spell but the key;\nhe unlocked the "
        "tide,\nlet the ocean inside,\nand now keeps his fish in a tree."
    )
    assert grade_creative(scenario, limerick).quality == 1.0
