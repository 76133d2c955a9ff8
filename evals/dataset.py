"""The scenarios a task runs: the shipped files (package data), filters and sample order."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from evals.formats import humaneval_adapter
from objectives.scenarios import Scenario, load_scenarios
from objectives.vocabulary import DIFFICULTIES, INTENTS

# Package data: found in an installed wheel as in a checkout.
DATA_DIR = Path(str(resources.files("evals") / "data"))


def shipped_dataset(domain: str) -> Path:
    """Return the path of the scenario file shipped for a domain."""
    return DATA_DIR / f"{domain}.jsonl"


def load_task_scenarios(path: str | Path, domain: str) -> list[Scenario]:
    """Load a task's scenario file; code files may also be in HumanEval's own format."""
    return load_scenarios(path, domain, humaneval_adapter if domain == "code" else None)


def select(
    scenarios: list[Scenario], intent: str | None = None, difficulty: str | None = None
) -> list[Scenario]:
    """Filter scenarios by intent and difficulty (comma-separated lists allowed).

    Raises:
        ValueError: An unknown intent or difficulty, naming the valid ones.
    """
    wanted_intents = _parse_filter(intent, INTENTS, "intent")
    wanted_tiers = _parse_filter(difficulty, DIFFICULTIES, "difficulty")
    return [
        s for s in scenarios if s["intent"] in wanted_intents and s["difficulty"] in wanted_tiers
    ]


def interleave(scenarios: list[Scenario]) -> list[Scenario]:
    """Order scenarios round-robin over (intent, difficulty), keeping file order within each.

    Inspect's `--limit N` takes the first N samples; in this order any prefix mixes benign,
    borderline and harmful items and all tiers, instead of only the file's first intent.
    """
    groups: dict[tuple[str, str], list[Scenario]] = {}
    for s in scenarios:
        groups.setdefault((s["intent"], s["difficulty"]), []).append(s)
    rank: dict[str, int] = {d: i for i, d in enumerate(DIFFICULTIES)}
    keys = sorted(groups, key=lambda k: (rank.get(k[1], len(rank)), k[0]))
    ordered: list[Scenario] = []
    longest = max((len(g) for g in groups.values()), default=0)
    for i in range(longest):
        for key in keys:
            if i < len(groups[key]):
                ordered.append(groups[key][i])
    return ordered


def _parse_filter(value: str | None, valid: tuple[str, ...], name: str) -> tuple[str, ...]:
    if value is None or value == "" or value == "all":
        return valid
    parts = tuple(p.strip() for p in value.split(",") if p.strip())
    unknown = [p for p in parts if p not in valid]
    if unknown or not parts:
        raise ValueError(f"{name} must be one or more of {', '.join(valid)}; got {value!r}")
    return parts
