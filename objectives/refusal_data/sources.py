"""The refusal classifier's labelled examples, from every source, as one kind of row.

Three training sources, each a group the grouped evaluation can hold out, and two test sets:

- `xstest`: real chat models' answers to XSTest prompts, labelled by two people (the
  XSTest authors' human labels, CC BY 4.0). Read from outside the repository, where the
  project's shared data lives; the data is never copied into the package.
- `embedded`: the embedded model's own answers (`embedded.jsonl`), labelled blind to the
  classifier by two annotators with a third resolving disagreements.
- `embedded_unseen` (test only): the embedded model's answers to requests written for the
  purpose (`embedded_unseen.jsonl`), labelled the same way as `embedded`, never trained on:
  how the shipped classifier reads that model's answers to requests it has never seen. The
  answers to the 30 of 320 requests whose MiniLM cosine to a training prompt is 0.75 or more
  (rewordings such as "How do I make a Molotov cocktail that sticks...") are left out.
  Training on all of them as well was tried: in the prompt-grouped evaluation the share of
  the embedded model's original answers' refusals caught within 5% false alarms stayed at
  0.327, so they only measure.
- `caution` (test only): answers written blind to the classifier (`caution.jsonl`) on
  which caution must not read as refusal: complete answers with warnings, referrals or safety
  framing (compliance), answers that decline one part of a request (partial), and polite
  refusals. Training on them was tried and lost on the real answers' grouped evaluation
  (XSTest leave-one-model-out 0.947 / 0.879 against 0.955 / 0.890), so they only measure.
- `synthetic`: answers composed in this project (`labels.jsonl`, `compose.py`), with a
  held-out split built only from wording training never sees.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from objectives.refusal_data import shipped_dataset
from objectives.refusal_data.compose import LABELS_PATH
from objectives.scenarios import load_scenarios
from objectives.vocabulary import DOMAINS

EMBEDDED_PATH = Path(__file__).with_name("embedded.jsonl")
EMBEDDED_UNSEEN_PATH = Path(__file__).with_name("embedded_unseen.jsonl")
CAUTION_PATH = Path(__file__).with_name("caution.jsonl")
# Where a checkout sees the project's shared data; HH_XSTEST_LABELS points elsewhere.
XSTEST_DEFAULT = Path(__file__).resolve().parents[3] / "shared/data/xstest_human_labels/train.csv"
XSTEST_LABELS = {
    "1_full_compliance": "compliance",
    "2_full_refusal": "refusal",
    "3_partial_refusal": "partial",
}


@dataclass(frozen=True)
class Example:
    """One labelled answer to a request.

    Attributes:
        source: xstest, embedded, caution or synthetic.
        group: The answering model or configuration (held out together in evaluation).
        prompt_id: The request's identity (no request is in both training and test folds).
        prompt: The request.
        response: The answer.
        label: compliance, refusal or partial.
        unsafe: Whether the request is unsafe (judges err differently on safe and unsafe).
        split: train or heldout (only the synthetic source holds rows out by wording).
    """

    source: str
    group: str
    prompt_id: str
    prompt: str
    response: str
    label: str
    unsafe: bool
    split: str = "train"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The rows of a JSON Lines file (blank lines skipped)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def xstest_path() -> Path:
    """The XSTest human labels file: $HH_XSTEST_LABELS, or the shared data beside the checkout."""
    return Path(os.environ.get("HH_XSTEST_LABELS", XSTEST_DEFAULT))


def xstest_prompts(path: Path | None = None) -> dict[str, str]:
    """XSTest prompt text by id (the embedded source refers to XSTest prompts by id)."""
    frame = pd.read_csv(path or xstest_path())
    return dict(zip(frame["id"].astype(str), frame["prompt"].astype(str), strict=True))


def xstest_examples(path: Path | None = None) -> list[Example]:
    """Real models' answers with the people's final label.

    Raises:
        FileNotFoundError: The labels file is not there (a user's clone has no shared data).
    """
    frame = pd.read_csv(path or xstest_path())
    return [
        Example(
            source="xstest",
            group=str(r.model),
            prompt_id=f"xstest:{r.id}",
            prompt=str(r.prompt),
            response=str(r.completion),
            label=XSTEST_LABELS[str(r.final_label)],
            unsafe=str(r.type).startswith("contrast"),
        )
        for r in frame.itertuples()
    ]


def embedded_examples(path: Path = EMBEDDED_PATH, xstest: Path | None = None) -> list[Example]:
    """The embedded model's labelled answers; rows citing XSTest prompts need that file."""
    rows = read_jsonl(path)
    texts: dict[str, str] = {}
    if any(r["prompt_ref"].startswith("xstest:") for r in rows):
        texts = {f"xstest:{k}": v for k, v in xstest_prompts(xstest).items()}
    return [
        Example(
            source="embedded",
            group=r["model"],
            prompt_id=r["prompt_ref"],
            prompt=r.get("prompt") or texts[r["prompt_ref"]],
            response=r["response"],
            label=r["label"],
            unsafe=r["intent"] == "harmful",
        )
        for r in rows
    ]


def caution_examples(path: Path = CAUTION_PATH) -> list[Example]:
    """Careful complete answers, partial refusals and polite refusals, written for the purpose."""
    rows = read_jsonl(path)
    return [
        Example(
            source="caution",
            group="written-caution",
            prompt_id=f"caution:{r['id']}",
            prompt=r["prompt"],
            response=r["response"],
            label=r["label"],
            unsafe=r["intent"] == "harmful",
        )
        for r in rows
    ]


def synthetic_examples(path: Path = LABELS_PATH) -> list[Example]:
    """The composed rows, both splits."""
    rows = read_jsonl(path)
    scenarios = {s["prompt"]: s for d in DOMAINS for s in load_scenarios(shipped_dataset(d), d)}
    harmful = {p for p, s in scenarios.items() if s["intent"] == "harmful"}
    # Composed rows answer the shipped scenarios' prompts: they share the scenario's identity,
    # so a grouped evaluation never trains on a prompt it tests on.
    return [
        Example(
            source="synthetic",
            group="synthetic",
            prompt_id=f"scenario:{scenarios[r['prompt']]['id']}"
            if r["prompt"] in scenarios
            else f"synthetic:{r['prompt']}",
            prompt=r["prompt"],
            response=r["response"],
            label=r["label"],
            unsafe=r["prompt"] in harmful,
            split=r["split"],
        )
        for r in rows
    ]


def all_examples() -> list[Example]:
    """Every training example: people's labels on real answers first, then composed rows.

    Raises:
        FileNotFoundError: The XSTest labels are not there (see `xstest_path`).
    """
    return xstest_examples() + embedded_examples() + synthetic_examples()
