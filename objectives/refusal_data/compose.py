"""Compose the labelled refusal rows (labels.jsonl) from the hand-written parts, with a seed.

The parts are data, in `parts/*.json` beside this module: each file holds named lists of
texts or of records (objects with named fields), each list with an "about" saying what it is.
Only this composer reads them (training reads the labels.jsonl it writes), so they do not
ship with the package.

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
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from objectives.refusal_data import shipped_dataset
from objectives.scenarios import load_scenarios
from objectives.vocabulary import DOMAINS, REFUSAL_LABELS

LABELS_PATH = Path(__file__).with_name("labels.jsonl")
PARTS_DIR = Path(__file__).with_name("parts")
SEED = 20261126
T = TypeVar("T")
Row = dict[str, Any]
Pair = tuple[str, str]
Triple = tuple[str, str, str]


@dataclass(frozen=True)
class Parts:
    """The hand-written parts every row is composed from, in their files' order."""

    # parts/compliance.json
    safe_answers: list[Triple]  # (domain, prompt, answer)
    false_alarms: list[str]
    prefixes: list[str]
    warnings: list[str]
    disclaimers: list[str]
    short_compliance: list[Triple]  # (domain, prompt, answer)
    # parts/freeform.json: (domain, prompt, response, label)
    freeform: list[tuple[str, str, str, str]]
    # parts/harmful.json: (domain, body)
    harmful_compliance: list[Pair]
    # parts/partial.json
    pivots: list[str]
    safe_part: list[Triple]  # (domain, prompt, text)
    overcautious: list[Triple]  # (domain, prompt, text)
    # parts/refusal.json
    openers: list[Pair]  # (style, text)
    reasons: list[str]
    alternatives: list[Pair]  # (domain, text)
    lectures: list[str]
    short_refusals: list[str]
    roleplay_refusals: list[str]
    redirects: list[str]
    alternative_content: list[Triple]  # (domain, prompt, text)


class _PartsFile:
    """One parts file: named lists of texts or records, checked as they are taken."""

    def __init__(self, name: str, directory: Path) -> None:
        self.path = directory / f"{name}.json"
        data = json.loads(self.path.read_text(encoding="utf-8"))
        self.items: dict[str, list[Any]] = {k: v["items"] for k, v in data["parts"].items()}

    def texts(self, key: str) -> list[str]:
        """A list of plain texts."""
        items = self.items[key]
        if not all(isinstance(x, str) for x in items):
            raise ValueError(f"{self.path} {key}: expected texts")
        return list(items)

    def records(self, key: str, *fields: str) -> list[dict[str, str]]:
        """A list of records, each with exactly these fields (in this order), all texts."""
        items = self.items[key]
        for item in items:
            if not (
                isinstance(item, dict)
                and list(item) == list(fields)
                and all(isinstance(v, str) for v in item.values())
            ):
                raise ValueError(f"{self.path} {key}: expected {fields}, got {item!r}")
        return items


def load_parts(directory: Path = PARTS_DIR) -> Parts:
    """Read every parts file; records become tuples in their fields' order."""
    comp = _PartsFile("compliance", directory)
    free = _PartsFile("freeform", directory)
    harm = _PartsFile("harmful", directory)
    part = _PartsFile("partial", directory)
    ref = _PartsFile("refusal", directory)

    def triples(f: _PartsFile, key: str, *fields: str) -> list[Triple]:
        a, b, c = fields
        return [(r[a], r[b], r[c]) for r in f.records(key, *fields)]

    def pairs(f: _PartsFile, key: str, a: str, b: str) -> list[Pair]:
        return [(r[a], r[b]) for r in f.records(key, a, b)]

    return Parts(
        safe_answers=triples(comp, "SAFE_ANSWERS", "domain", "prompt", "answer"),
        false_alarms=comp.texts("FALSE_ALARMS"),
        prefixes=comp.texts("PREFIXES"),
        warnings=comp.texts("WARNINGS"),
        disclaimers=comp.texts("DISCLAIMERS"),
        short_compliance=triples(comp, "SHORT_COMPLIANCE", "domain", "prompt", "answer"),
        freeform=[
            (r["domain"], r["prompt"], r["response"], r["label"])
            for r in free.records("FREEFORM", "domain", "prompt", "response", "label")
        ],
        harmful_compliance=pairs(harm, "HARMFUL_COMPLIANCE", "domain", "body"),
        pivots=part.texts("PIVOTS"),
        safe_part=triples(part, "SAFE_PART", "domain", "prompt", "text"),
        overcautious=triples(part, "OVERCAUTIOUS", "domain", "prompt", "text"),
        openers=pairs(ref, "OPENERS", "style", "text"),
        reasons=ref.texts("REASONS"),
        alternatives=pairs(ref, "ALTERNATIVES", "domain", "text"),
        lectures=ref.texts("LECTURES"),
        short_refusals=ref.texts("SHORT_REFUSALS"),
        roleplay_refusals=ref.texts("ROLEPLAY_REFUSALS"),
        redirects=ref.texts("REDIRECTS"),
        alternative_content=triples(ref, "ALTERNATIVE_CONTENT", "domain", "prompt", "text"),
    )


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


def build_split(split: str, rng: random.Random, parts: Parts) -> list[Row]:
    """Compose every row of one split from that split's parts."""
    harmful_all, safe_all = scenario_prompts()
    harmful, safe_prompts = reserved(harmful_all, split), reserved(safe_all, split)
    openers = reserved(parts.openers, split)
    reasons = reserved(parts.reasons, split)
    alternatives = reserved(parts.alternatives, split)
    answers = reserved(parts.safe_answers, split) + reserved(_scenario_answers(), split)
    harmful_bodies = reserved(parts.harmful_compliance, split)
    pivots = reserved(parts.pivots, split)
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
    for text in reserved(parts.lectures, split):
        domain, prompt = rng.choice(harmful)
        add(
            domain,
            prompt,
            _join(text, alt_for(domain) if rng.random() < 0.5 else ""),
            "refusal",
            "lecturing",
        )
    for text in reserved(parts.short_refusals, split):
        domain, prompt = rng.choice(harmful)
        add(domain, prompt, text, "refusal", "very-short")
    for text in reserved(parts.roleplay_refusals, split):
        domain, prompt = rng.choice(harmful)
        add(domain, prompt, text, "refusal", "role-play")
    for domain, prompt, text in reserved(parts.alternative_content, split):
        add(domain, prompt, text, "refusal", "alternative-content")
    for text in reserved(parts.redirects, split):
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
        ("plain", lambda a: _join(rng.choice(parts.prefixes), a)),
        ("comply-with-disclaimer", lambda a: _join(a, rng.choice(parts.disclaimers))),
        ("comply-with-warning", lambda a: _join(rng.choice(parts.warnings), a)),
        ("false-alarm-phrase", lambda a: _join(rng.choice(parts.false_alarms), a)),
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
    for domain, prompt, answer in reserved(parts.short_compliance, split):
        add(domain, prompt, answer, "compliance", "very-short")
    for domain, body in harmful_bodies:
        prompt = rng.choice([p for d, p in harmful if d == domain] or [p for _, p in harmful])
        add(domain, prompt, body, "compliance", "harmful-compliance")
        add(
            domain,
            prompt,
            _join(rng.choice(parts.warnings), body),
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
    for domain, prompt, text in reserved(parts.safe_part, split):
        add(domain, prompt, text, "partial", "safe-part-only")
    for domain, prompt, text in reserved(parts.overcautious, split):
        add(domain, prompt, text, "partial", "overcautious-then-comply")

    # Whole answers written as models write them.
    for domain, prompt, text, label in reserved(parts.freeform, split):
        add(domain, prompt, text, label, "freeform")
    return rows


def compose(seed: int = SEED, parts: Parts | None = None) -> list[Row]:
    """Both splits, de-duplicated by response, with stable ids (parts: the shipped files')."""
    if parts is None:
        parts = load_parts()
    rng = random.Random(seed)
    rows, seen = [], set()
    for split in ("train", "heldout"):
        for row in build_split(split, rng, parts):
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
        counts = {label: sum(r["label"] == label for r in chosen) for label in REFUSAL_LABELS}
        print(split, len(chosen), counts)


if __name__ == "__main__":
    main()
