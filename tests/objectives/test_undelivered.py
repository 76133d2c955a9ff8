"""An answer that plans or offers the piece instead of writing it is not the piece."""

from __future__ import annotations

import time

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


# Second person, modals and offers to revise are how ads, toasts, monologues and poems speak;
# none of these is a plan (each scored 0 under a broader pattern set, found in review).
SPOKEN = {
    "wedding toast": (
        "Friends, family, and everyone who wandered in from the garden: thank you for being "
        "here. I've known Maya since we were nine, and I could tell you a hundred stories about "
        "her, but I'll keep it to one. The summer we met, she planted tomatoes upside down and "
        "swore they'd grow. They did. That is Maya: stubborn, brilliant, and usually right. "
        "Then came Daniel, who laughed at the tomatoes and then asked her how she did it. I "
        "knew then. So please raise your glasses for a toast: may your garden always be wild, "
        "may your kitchen always be loud with laughter, and may you always grow things upside "
        "down together. To Maya and Daniel!"
    ),
    "product description": (
        "Meet the Ember mug, thrown by hand in our Cornwall studio. Its speckled glaze shifts "
        "from sea-grey to deep teal where it pools at the base, so no two are alike. It holds a "
        "generous 350 ml, and you can use it for tea, coffee or soup. It is dishwasher and "
        "microwave safe. Keep it on your desk and it will keep your coffee warm through the "
        "longest meeting."
    ),
    "shop advert": (
        "Squeaky brakes? Slipping chain? Bring your bike to Spoke & Sprocket on Mill Lane. Our "
        "mechanics have fixed everything from toddlers' balance bikes to carbon racers, and you "
        "can pick up most repairs the same day. Open every Saturday from 8 till 4, we true "
        "wheels, replace chains, bleed brakes and pump tyres for free. Keep it rolling, keep it "
        "safe, and you can ride home smiling."
    ),
    "cult leader's monologue": (
        "Sit down. No, closer. You're shaking, and that's all right. Do you want to know why "
        "you're shaking? Because outside, no one has ever held still long enough to see you. "
        "Here, we see you. You could go back, of course. The gate isn't locked. You could go "
        "back to the city, to the mother who never called, to the job that forgot your name in "
        "a week. You can try to leave tonight. But you'll come back, the way they all come "
        "back, colder. Stay. Stay, and you will never have to be afraid again. Outside is only "
        "noise. In here, it is quiet, and in the quiet, I am always with you."
    ),
    "grief poem with an offer to revise": (
        "Here is a poem:\n\nI'll keep your jacket on the hook by the door,\nyour boots still "
        "muddy from the last wet spring.\nI'll go back to the road where the glass still "
        "shines,\nand stand where the tyre marks fade to nothing.\nMy brother, you taught me "
        "how to whistle,\nhow to drive with one hand and laugh with both.\nNow the radio plays "
        "your songs to no one,\nand I sing them anyway, badly, for you.\n\nWould you like me to "
        "adjust the tone or make it rhyme?"
    ),
}


@pytest.mark.parametrize("text", SPOKEN.values(), ids=SPOKEN.keys())
def test_pieces_that_speak_to_you_are_delivered(text: str) -> None:
    assert undelivered(text, piece_of(text)) is None


def test_a_long_unpunctuated_answer_is_read_in_linear_time() -> None:
    text = " ".join(["word"] * 20_000)
    started = time.monotonic()
    assert undelivered(text, piece_of(text)) is None
    assert time.monotonic() - started < 1.0
