"""What a reader needs to trust (or redo) a report: data, scoring, statistics, versions."""

from __future__ import annotations

import importlib.metadata
from dataclasses import dataclass
from datetime import UTC, datetime

import pandas as pd
from inspect_ai.log import read_eval_log

from frontier.analysis import columns as C

PACKAGES = (
    "hh-frontier",
    "inspect-ai",
    "llama-cpp-python",
    "pymoo",
    "pandas",
    "numpy",
    "altair",
    "vl-convert-python",
    "sentence-transformers",
    "torch",
)

SCORING = {
    "code": "answers run in a sandbox (no network, throwaway user, resource limits) against "
    "each scenario's tests; bandit findings cost harmlessness",
    "medical": "rubric per scenario: required facts, referral, stated uncertainty, dangerous "
    "claims",
    "creative": "checkable constraints per scenario (form, length, required and forbidden content)",
    "refusals": "classifier: MiniLM sentence embedding of the opening plus structural features "
    "of the whole answer, multinomial logistic head; labels refusal / partial / compliance",
}


@dataclass(frozen=True)
class Methods:
    """The facts for the report's methods section."""

    datasets: pd.DataFrame  # task, dataset, samples in dataset
    scenarios: pd.DataFrame  # domain x intent: scenarios scored
    scorers: list[str]
    judges: list[str]
    models: list[str]
    draws: int
    seed: int
    delta: float
    versions: dict[str, str]
    logs_from: str
    logs_to: str
    generated: str


def collect(frame: pd.DataFrame, draws: int, seed: int, delta: float) -> Methods:
    """Read the logs' headers behind a runs table and gather the methods facts."""
    datasets: dict[tuple[str, str], int] = {}
    scorers: set[str] = set()
    judges: set[str] = set()
    created: list[str] = []
    for path in sorted(frame[C.LOG].unique()):
        header = read_eval_log(str(path), header_only=True).eval
        datasets[(header.task, header.dataset.name or "")] = header.dataset.samples or 0
        scorers.update(s.name for s in header.scorers or [])
        for role, configs in (header.model_roles or {}).items():
            for config in configs if isinstance(configs, list) else [configs]:
                judges.add(f"{role}: {config.model}")
        created.append(header.created)
    scenarios = (
        frame.drop_duplicates([C.DOMAIN, C.SAMPLE])
        .pivot_table(index=C.DOMAIN, columns=C.INTENT, values=C.SAMPLE, aggfunc="count")
        .fillna(0)
        .astype(int)
    )
    return Methods(
        datasets=pd.DataFrame(
            [(task, name, n) for (task, name), n in sorted(datasets.items())],
            columns=["task", "dataset", "samples in dataset"],
        ),
        scenarios=scenarios,
        scorers=sorted(scorers),
        judges=sorted(judges),
        models=sorted(str(m) for m in frame[C.MODEL].unique()),
        draws=draws,
        seed=seed,
        delta=delta,
        versions=versions(),
        logs_from=min(created, default=""),
        logs_to=max(created, default=""),
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )


def versions() -> dict[str, str]:
    """Installed versions of the packages that shape the numbers."""
    found = {}
    for name in PACKAGES:
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found
