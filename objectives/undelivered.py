"""Does an answer talk about the piece it was asked for instead of writing it?

A weak or evasive assistant answers "Write a limerick about a wizard" with a plan: "A limerick
about a forgetful wizard could be fun! The AABBA rhyme would suit... Would you like me to write
it?" The plan names the requested form, may even use the stated words, and can fall inside the
word range, so the stated constraints alone credit it in full. It is not the piece.

Plan sentences are recognised by how plans are written: the form or its craft named beside a
modal ("the poem could...", "sensory details would..."), the writer's own intentions ("I'd
focus on", "you could open with"), or craft advice ("works best", "the key is"). One such
sentence is common in real pieces (a character who "would tell the story again"), so an answer
is undelivered only when at least two of its sentences are plan sentences and they carry at
least 40% of its words, or 25% beside an offer to write it later ("Shall I...?"). A closing
note to the reader set off by a blank line is left out first, as the line and word checks do.
Thresholds were set on answers written for the shipped scenarios and then checked on a second
writer's answers and on the embedded model's own (benchmarks/grading_validity.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FORMS = (
    r"poem|story|stories|scene|slogan|haiku|limerick|toast|monologue|paragraph|description|"
    r"dialogue|fable|sonnet|obituary|piece|verse|stanza|draft|version|rhyme|rhythm|imagery|"
    r"tone|structure|narrative|advert(?:isement)?|metaphor|sensory|mystery|thriller|tale|"
    r"fiction|novel|characters?|syllables?|quatrains?|couplets?|punchline|plot|protagonist|"
    r"reader|audience|(?:first|opening|final|last|closing|each|every) line"
)
_MODAL = r"\b(?:could|would|might|should|may|can|i'd|you'd|perhaps|maybe)\b"
_CRAFT_VERBS = (
    r"try|use|start|open|begin|end|close|focus|describe|include|add|keep|consider|show|build|"
    r"frame|introduce|mention|highlight|emphasi[sz]e|suggest|aim|imagine|steer|lean|set|let|"
    r"go|opt|pick|choose|picture|write|draft|craft|capture|play|structure|centre|center"
)
_PIECE_VERBS = (
    r"open|begin|start|end|close|focus|describe|express|mention|capture|feature|follow|include|"
    r"introduce|use|show|build|centre|center|play|rest|land|lean|work|suit|highlight|"
    r"emphasi[sz]e|convey|evoke|explore|establish|contrast|balance"
)
_PIECE_SUBJECTS = (
    _FORMS + r"|letter|note|entry|speech|elegy|tagline|ending|opening|it|this|these|such"
)
_PLAN_SENTENCE = (
    # The form or its craft named beside a modal: "a slogan should be short".
    re.compile(rf"(?=.*\b(?:{_FORMS})\b)(?=.*{_MODAL})", re.I | re.S),
    # The writer's intentions or advice: "I'd focus on", "you could open with".
    re.compile(
        r"\b(?:i'm (?:picturing|imagining|thinking)|i picture|i imagine|i'd|i would|i could|"
        r"i might|i'll|you could|you might|you may|you can|you'd|you should|we could)\s+"
        rf"(?:also\s+|probably\s+|then\s+)?(?:{_CRAFT_VERBS})\b",
        re.I,
    ),
    # Craft advice: "works best", "the key is", "a good toast should".
    re.compile(
        r"\b(?:works? best|would work|would suit|lends? itself|would create|would make it|"
        r"the key is|aim for|keep it|could be shown|this approach|that approach|"
        r"a (?:good|great|strong) (?:\w+ )?(?:should|would|could|needs?))",
        re.I,
    ),
    # The piece as the subject of what it would do: "a letter from 1916 could open with".
    re.compile(
        rf"^(?:\W*\w+\W+){{0,10}}?(?:{_PIECE_SUBJECTS})\b.*\b(?:could|would|might|should|may)"
        rf"\s+(?:also\s+|then\s+)?(?:{_PIECE_VERBS})\b",
        re.I,
    ),
)
_OFFER = re.compile(
    r"\b(?:would you like|shall i|should i|let me know|if you(?:'d| would) like|"
    r"i can (?:write|draft|craft|develop|put|help|tailor|adjust|go)|i(?:'d| would) be happy to|"
    r"do you want|want me to|tell me (?:more|which|what|if)|once i know|"
    r"if you (?:share|tell|give))",
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
