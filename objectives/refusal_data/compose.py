"""Compose the labelled refusal rows (labels.jsonl) from the hand-written parts, with a seed.

Every part list is split once by position: a quarter of each (index % 4 == 1) is reserved
for the held-out split, and held-out rows are built only from reserved parts. So no opener,
reason, alternative, answer or whole answer in the held-out split is ever seen in training,
and held-out accuracy measures generalisation to new wording, not memory of it.

Run: .venv/bin/python -m objectives.refusal_data.compose  (rewrites labels.jsonl)
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from objectives.refusal_data.parts_compliance import (
    DISCLAIMERS,
    FALSE_ALARMS,
    PREFIXES,
    SAFE_ANSWERS,
    SHORT_COMPLIANCE,
    WARNINGS,
)
from objectives.refusal_data.parts_freeform import FREEFORM
from objectives.refusal_data.parts_harmful import HARMFUL_COMPLIANCE
from objectives.refusal_data.parts_partial import OVERCAUTIOUS, PIVOTS, SAFE_PART
from objectives.refusal_data.parts_refusal import (
    ALTERNATIVE_CONTENT,
    ALTERNATIVES,
    LECTURES,
    OPENERS,
    REASONS,
    REDIRECTS,
    ROLEPLAY_REFUSALS,
    SHORT_REFUSALS,
)
from objectives.scenarios import DOMAINS, load_scenarios, shipped_dataset

LABELS_PATH = Path(__file__).with_name("labels.jsonl")
SEED = 20261126
T = TypeVar("T")
Row = dict[str, Any]


def reserved(items: Sequence[T], split: str) -> list[T]:
    """The part of a list that belongs to a split (a quarter of it is held out)."""
    return [x for i, x in enumerate(items) if (i % 4 == 1) == (split == "heldout")]


def scenario_prompts() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The shipped scenarios' (domain, prompt) pairs: harmful ones, and benign or borderline."""
    harmful: list[tuple[str, str]] = []
    safe: list[tuple[str, str]] = []
    for domain in DOMAINS:
        for s in load_scenarios(shipped_dataset(domain), domain):
            (harmful if s["intent"] == "harmful" else safe).append((domain, s["prompt"]))
    return harmful, safe


def _scenario_answers() -> list[tuple[str, str, str]]:
    """Good answers the scenario data already holds: reference code and medical examples."""
    answers = []
    for s in load_scenarios(shipped_dataset("code"), "code"):
        if "reference_solution" in s:
            answers.append(("code", s["prompt"], s["reference_solution"].strip()))
    for s in load_scenarios(shipped_dataset("medical"), "medical"):
        if "examples" in s:
            answers.append(("medical", s["prompt"], s["examples"]["good"]))
    return answers


def _join(*parts: str) -> str:
    return " ".join(p.strip() for p in parts if p and p.strip())


def build_split(split: str, rng: random.Random) -> list[Row]:
    """Compose every row of one split from that split's parts."""
    harmful_all, safe_all = scenario_prompts()
    harmful, safe_prompts = reserved(harmful_all, split), reserved(safe_all, split)
    openers = reserved(OPENERS, split)
    reasons = reserved(REASONS, split)
    alternatives = reserved(ALTERNATIVES, split)
    answers = reserved(SAFE_ANSWERS, split) + reserved(_scenario_answers(), split)
    harmful_bodies = reserved(HARMFUL_COMPLIANCE, split)
    pivots = reserved(PIVOTS, split)
    rows: list[Row] = []

    def add(domain: str, prompt: str, response: str, label: str, style: str) -> None:
        rows.append(
            {
                "domain": domain,
                "prompt": prompt,
                "response": response,
                "label": label,
                "style": style,
                "split": split,
            }
        )

    def alt_for(domain: str) -> str:
        fitting = [a for d, a in alternatives if d in (domain, "any")] or [
            a for _, a in alternatives
        ]
        return rng.choice(fitting)

    def each(count: int, make: Callable[[], None]) -> None:
        for _ in range(count):
            make()

    scale = 1 if split == "heldout" else 3

    # Refusals.
    def opener_row() -> None:
        domain, prompt = rng.choice(harmful)
        style, opener = rng.choice(openers)
        shape = rng.randrange(4)
        extra = [rng.choice(reasons)] if shape in (1, 2) else []
        if shape in (2, 3):
            extra.append(alt_for(domain))
        add(domain, prompt, _join(opener, *extra), "refusal", style)

    each(80 * scale, opener_row)
    for text in reserved(LECTURES, split):
        domain, prompt = rng.choice(harmful)
        add(
            domain,
            prompt,
            _join(text, alt_for(domain) if rng.random() < 0.5 else ""),
            "refusal",
            "lecturing",
        )
    for text in reserved(SHORT_REFUSALS, split):
        domain, prompt = rng.choice(harmful)
        add(domain, prompt, text, "refusal", "very-short")
    for text in reserved(ROLEPLAY_REFUSALS, split):
        domain, prompt = rng.choice(harmful)
        add(domain, prompt, text, "refusal", "role-play")
    for domain, prompt, text in reserved(ALTERNATIVE_CONTENT, split):
        add(domain, prompt, text, "refusal", "alternative-content")
    for text in reserved(REDIRECTS, split):
        domain, prompt = rng.choice(harmful)
        add(domain, prompt, text, "refusal", "redirecting")

    def over_refusal_row() -> None:
        domain, prompt = rng.choice(safe_prompts)
        style, opener = rng.choice(openers)
        add(
            domain,
            prompt,
            _join(opener, rng.choice(reasons) if rng.random() < 0.5 else ""),
            "refusal",
            f"over-refusal-{style}",
        )

    each(8 * scale, over_refusal_row)

    # Compliance: every answer twice, in two of its shapes.
    framings: list[tuple[str, Callable[[str], str]]] = [
        ("plain", lambda a: _join(rng.choice(PREFIXES), a)),
        ("comply-with-disclaimer", lambda a: _join(a, rng.choice(DISCLAIMERS))),
        ("comply-with-warning", lambda a: _join(rng.choice(WARNINGS), a)),
        ("false-alarm-phrase", lambda a: _join(rng.choice(FALSE_ALARMS), a)),
    ]
    for domain, prompt, answer in answers + answers:
        shape = rng.randrange(len(framings) + 1)
        if shape < len(framings):
            style, frame = framings[shape]
            add(domain, prompt, frame(answer), "compliance", style)
        else:
            add(domain, prompt, answer, "compliance", "code-only" if domain == "code" else "plain")
    # Long answers, and the loops small models fall into: length alone must not read as partial.
    for _ in range(12 * scale):
        picked = [rng.choice(answers) for _ in range(rng.randint(3, 5))]
        add(
            picked[0][0],
            picked[0][1],
            "\n\n".join(a for _, _, a in picked),
            "compliance",
            "long-answer",
        )
    for _ in range(6 * scale):
        domain, prompt, answer = rng.choice(answers)
        line = answer.split("\n")[0].split(". ")[0].strip()
        add(
            domain,
            prompt,
            "\n".join([line] * rng.randint(8, 20)),
            "compliance",
            "degenerate-repetition",
        )
    for domain, prompt, answer in reserved(SHORT_COMPLIANCE, split):
        add(domain, prompt, answer, "compliance", "very-short")
    for domain, body in harmful_bodies:
        prompt = rng.choice([p for d, p in harmful if d == domain] or [p for _, p in harmful])
        add(domain, prompt, body, "compliance", "harmful-compliance")
        add(
            domain,
            prompt,
            _join(rng.choice(WARNINGS), body),
            "compliance",
            "harmful-compliance-warning",
        )

    # Partial refusals.
    def refuse_then_comply() -> None:
        style, opener = rng.choice(openers)
        if rng.random() < 0.6:
            domain, prompt, body = rng.choice(answers)
        else:
            domain, body = rng.choice(harmful_bodies)
            prompt = rng.choice([p for d, p in harmful if d == domain] or [p for _, p in harmful])
        add(
            domain, prompt, _join(opener, rng.choice(pivots), body), "partial", "refuse-then-comply"
        )

    each(40 * scale, refuse_then_comply)
    for domain, prompt, text in reserved(SAFE_PART, split):
        add(domain, prompt, text, "partial", "safe-part-only")
    for domain, prompt, text in reserved(OVERCAUTIOUS, split):
        add(domain, prompt, text, "partial", "overcautious-then-comply")

    # Whole answers written as models write them.
    for domain, prompt, text, label in reserved(FREEFORM, split):
        add(domain, prompt, text, label, "freeform")
    return rows


def compose(seed: int = SEED) -> list[Row]:
    """Both splits, de-duplicated by response, with stable ids."""
    rng = random.Random(seed)
    rows, seen = [], set()
    for split in ("train", "heldout"):
        for row in build_split(split, rng):
            if row["response"] not in seen:
                seen.add(row["response"])
                rows.append(row)
    for number, row in enumerate(rows, start=1):
        row["id"] = f"r{number:04d}"
    return rows


def main() -> None:
    """Write labels.jsonl and print the counts."""
    rows = compose()
    with LABELS_PATH.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    for split in ("train", "heldout"):
        chosen = [r for r in rows if r["split"] == split]
        counts = {
            label: sum(r["label"] == label for r in chosen)
            for label in ("compliance", "refusal", "partial")
        }
        print(split, len(chosen), counts)


if __name__ == "__main__":
    main()
