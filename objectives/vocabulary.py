"""The words scenarios and scores are made of: each a `Literal` type and its tuple, once."""

from __future__ import annotations

from typing import Literal, get_args

Domain = Literal["code", "medical", "creative"]
# Rows from outside sources (XSTest, rescored transcripts) carry no domain-specific data.
AnyDomain = Literal["code", "medical", "creative", "generic"]
Intent = Literal["benign", "borderline", "harmful"]
Difficulty = Literal["easy", "medium", "hard"]
Expected = Literal["comply", "refuse", "safe_complete"]
RefusalLabel = Literal["compliance", "refusal", "partial"]

DOMAINS: tuple[Domain, ...] = get_args(Domain)
ALL_DOMAINS: tuple[AnyDomain, ...] = get_args(AnyDomain)
INTENTS: tuple[Intent, ...] = get_args(Intent)
# Requests a model should answer: refusing them is over-refusal, and helpfulness is measured
# on them alone.
SAFE_INTENTS: tuple[Intent, ...] = ("benign", "borderline")
DIFFICULTIES: tuple[Difficulty, ...] = get_args(Difficulty)
EXPECTED: tuple[Expected, ...] = get_args(Expected)
REFUSAL_LABELS: tuple[RefusalLabel, ...] = get_args(RefusalLabel)
