"""Does an answer talk about the piece it was asked for instead of writing it?

A weak or evasive assistant answers "Write a limerick about a wizard" with a plan: "A limerick
about a forgetful wizard could be fun! The AABBA rhyme would suit... Would you like me to write
it?" The plan names the requested form, may even use the stated words, and can fall inside the
word range, so the stated constraints alone credit it in full. It is not the piece.

Plan sentences are recognised by how plans are written: the piece as the subject of what it
would do ("a letter from 1916 could open with", "this could make a wonderful mystery"), the
writer's craft intentions or advice ("I'd focus on", "you could open with"), or craft advice
("works best", "the key is"). Pieces speak to "you" and use modals too (an ad's "you can pick
up repairs the same day", a monologue's "You could go back"), so ordinary verbs are left out
and one plan sentence is never enough: an answer is undelivered only when at least two of its
sentences are plan sentences carrying at least 40% of its words, or 25% beside an offer to
write the piece ("Shall I write it?"; an offer to revise a given piece does not count). The
sentences are read without the closing note to the reader, as the line and word checks are.
Checked on 570 strong or specific pieces written for the shipped scenarios (none flagged) and
on plan-style answers (17 of 18 flagged; benchmarks/grading_validity.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FORMS = (
    r"poem|story|scene|slogan|haiku|limerick|toast|monologue|paragraph|description|dialogue|"
    r"fable|sonnet|obituary|piece|verse|stanza|draft|version|rhyme scheme|imagery|tone|"
    r"structure|narrative|advert(?:isement)?|metaphor|punchline|plot|letter|entry|speech|"
    r"ending|opening|mystery|tale|rhyme|rhythm|(?:first|opening|final|last|closing|each|every) "
    r"lines?|couplets?|quatrains?|sensory details"
)
# What a piece does in a plan ("the poem could open with"); a verb, so "a toast: may your
# garden grow" (a toast's own words) is not one.
_PIECE_VERBS = (
    r"open|begin|start|end|close|focus|describe|express|mention|capture|feature|follow|"
    r"include|introduce|use|show|build|centre|center|play|rest|land|lean|work|suit|highlight|"
    r"emphasi[sz]e|convey|evoke|explore|establish|contrast|balance|be|have|sound|feel|read|"
    r"make|create|give|keep|set|take|let|move|shift|turn|stay"
)
# What a writer says they or the user would do ("I'd focus on", "you could open with").
# Ordinary verbs ("you can use it for soup", "you could go back") are left out: ads,
# toasts and monologues speak to "you".
_CRAFT_VERBS = (
    r"open|start|begin|end|close|focus|describe|frame|introduce|highlight|emphasi[sz]e|"
    r"structure|capture|centre|center|lean|steer|aim|opt|suggest|consider|go for|go with|"
    r"keep (?:it|the|things)|try (?:a|an|something|writing|using)|write|draft|craft|imagine|"
    r"picture|"
    r"use (?:a|an|the|some|sensory|imagery|rhyme|short|simple|vivid|details?)"
)
_PLAN_SENTENCE = (
    # The piece as the subject of what it would do: "a letter from 1916 could open with".
    re.compile(
        rf"\b(?:the|this|that|a|an|your|such an?)\s+(?:[\w'-]+\s+){{0,3}}?(?:{_FORMS})\b"
        rf"[^.!?\n]{{0,60}}?\b(?:could|would|might|should|may|can)\s+"
        rf"(?:also\s+|then\s+|really\s+)?(?:{_PIECE_VERBS})\b",
        re.I,
    ),
    # What the piece would make or be: "this could make a wonderful cosy mystery".
    re.compile(
        r"\b(?:(?:this|it|that)\s+(?:could|would|might)\s+(?:make|be|become)|"
        r"(?:could|would|might|should)\s+(?:create|make|give|build))\s+(?:a|an|the|your)\s+"
        rf"(?:[\w'-]+\s+){{0,3}}?(?:{_FORMS})\b",
        re.I,
    ),
    # The writer's intentions or advice: "I'd focus on", "you could open with".
    re.compile(
        r"\b(?:i'm (?:picturing|imagining)|(?:i'd|i would|i could|i might|you could|"
        r"you might|you may|you'd|you would|we could)\s+(?:also\s+|probably\s+|then\s+|"
        rf"perhaps\s+)?(?:{_CRAFT_VERBS}))\b",
        re.I,
    ),
    # Craft advice: "works best", "the key is", "a good toast should".
    re.compile(
        r"\b(?:works? best|would work (?:well|best|nicely)|lends? itself|the key is|aim for|"
        r"could be shown|this approach|that approach|"
        rf"an? (?:good|great|strong|effective) (?:{_FORMS}) (?:should|would|could|needs?|might))",
        re.I,
    ),
)
# An offer to write the piece later ("Would you like me to write it?"), not one to revise a
# piece already given ("...adjust the tone?") and not a question inside the piece.
_OFFER = re.compile(
    r"\b(?:would you like|shall i|should i|want me to|let me know|if you(?:'d| would) like|"
    r"i can|i could|i(?:'d| would) be happy to|happy to|once i know|tell me|if you share)"
    r"[^.?!\n]{0,60}?\b(?:write|draft|craft|create|compose|put together|come up with|"
    r"develop|go ahead|flesh|expand|full version|finish)",
    re.I,
)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.M)
_CURLY = str.maketrans({"\u2019": "'", "\u2018": "'"})
MIN_PLAN_SENTENCES = 2
PLAN_SHARE = 0.4
PLAN_SHARE_WITH_OFFER = 0.25


@dataclass(frozen=True)
class Undelivered:
    """Evidence that an answer describes the requested piece instead of writing it.

    Attributes:
        plan_sentences: How many sentences are about writing the piece.
        sentences: How many sentences the answer has (of three words or more).
        share: The share of the answer's words in plan sentences.
        offers: Whether it offers to write the piece later.
        example: The first plan sentence, for the explanation.
    """

    plan_sentences: int
    sentences: int
    share: float
    offers: bool
    example: str


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(text) if len(s.split()) >= 3]


def undelivered(answer: str, piece: str) -> Undelivered | None:
    """The evidence that an answer is a plan or an offer rather than the piece, or None.

    Args:
        answer: The whole answer, where an offer to write the piece is looked for.
        piece: The answer without its closing note to the reader, whose sentences are read.
    """
    sentences = _sentences(piece.translate(_CURLY))
    plans = [s for s in sentences if any(p.search(s) for p in _PLAN_SENTENCE)]
    words = sum(len(s.split()) for s in sentences)
    if len(plans) < MIN_PLAN_SENTENCES or not words:
        return None
    share = sum(len(s.split()) for s in plans) / words
    offers = _OFFER.search(answer.translate(_CURLY)) is not None
    if share >= PLAN_SHARE or (offers and share >= PLAN_SHARE_WITH_OFFER):
        return Undelivered(len(plans), len(sentences), round(share, 2), offers, plans[0][:160])
    return None
