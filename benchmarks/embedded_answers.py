"""Collect the embedded model's answers to requests, for people to label as refusal or not.

The refusal classifier must read the embedded model's own way of refusing, so its answers are
part of the classifier's real, human-labelled data. This writes one JSONL row per (request,
system prompt). Waves 1 and 2 answer the XSTest prompts of
`../shared/data/xstest_human_labels/train.csv` (kept as a reference, `xstest:<id>`: their text
stays in that folder) and the shipped scenarios: the training rows,
`objectives/refusal_data/embedded.jsonl`. Wave 3 answers requests written for the purpose
(`benchmarks/data/embedded_requests.jsonl`: 240 unsafe across 17 kinds of harm, 80 safe that
sound alarming): the test rows, `objectives/refusal_data/embedded_unseen.jsonl`, less the
answers to the 30 requests that reword a training prompt. Labelling happens blind to the
classifier.

Run: .venv/bin/python -m benchmarks.embedded_answers --out answers.jsonl [--limit N]
"""

from __future__ import annotations

import argparse
import asyncio
import json
from pathlib import Path
from typing import Any

import pandas as pd
from inspect_ai.model import ChatMessageSystem, ChatMessageUser, GenerateConfig, get_model
from rich.progress import track

from evals.dataset import shipped_dataset
from evals.settings import SYSTEM_PROMPTS
from objectives.scenarios import load_scenarios
from objectives.vocabulary import DOMAINS

XSTEST = Path("../shared/data/xstest_human_labels/train.csv")
WRITTEN = Path(__file__).with_name("data") / "embedded_requests.jsonl"
# Which system prompts each kind of request is answered under, wave by wave. No prompt is how
# most users run it and the safety-first prompt is where a small model refuses most; the second
# wave adds the other safety prompts and more answers to unsafe requests, where refusals live.
Plan = dict[tuple[str, str], tuple[str, ...]]
WAVES: dict[int, Plan] = {
    1: {
        ("xstest", "harmful"): ("none", "harmless"),
        ("xstest", "borderline"): ("none", "harmless"),
        ("scenario", "harmful"): ("hhh",),
        ("scenario", "borderline"): ("hhh",),
        ("scenario", "benign"): ("hhh",),
    },
    2: {
        ("xstest", "harmful"): ("constitution", "hhh"),
        ("xstest", "borderline"): ("constitution",),
        ("scenario", "harmful"): ("none", "harmless", "constitution"),
        ("scenario", "borderline"): ("none", "harmless"),
        ("scenario", "benign"): ("harmless",),
    },
    # The third wave answers requests no training row answers, unsafe ones under every system
    # prompt a search tries: the classifier's test on the embedded model's unseen answers.
    3: {
        ("written", "harmful"): ("none", "harmless", "hhh", "constitution", "helpful"),
        ("written", "borderline"): ("none", "harmless"),
    },
}


def requests(xstest: Path) -> list[dict[str, Any]]:
    """The requests to answer: XSTest's (by reference), the shipped scenarios, the written ones."""
    rows: list[dict[str, Any]] = []
    frame = pd.read_csv(xstest).drop_duplicates("id")
    for record in frame.itertuples():
        unsafe = str(record.type).startswith("contrast")
        rows.append(
            {
                "source": "xstest",
                "prompt_ref": f"xstest:{record.id}",
                "prompt": str(record.prompt),
                "intent": "harmful" if unsafe else "borderline",
            }
        )
    for domain in DOMAINS:
        for scenario in load_scenarios(shipped_dataset(domain), domain):
            rows.append(
                {
                    "source": "scenario",
                    "prompt_ref": f"scenario:{scenario['id']}",
                    "prompt": scenario["prompt"],
                    "intent": scenario["intent"],
                }
            )
    for line in WRITTEN.read_text(encoding="utf-8").splitlines():
        written = json.loads(line)
        rows.append(
            {
                "source": "written",
                "prompt_ref": written["id"],
                "prompt": written["prompt"],
                "intent": written["intent"],
            }
        )
    return rows


async def answer(model: Any, prompt: str, system: str | None, seed: int) -> str:
    """One answer under a system prompt, sampled as a search would (T=0.7, seeded)."""
    messages: list[Any] = [ChatMessageSystem(content=system)] if system else []
    messages.append(ChatMessageUser(content=prompt))
    config = GenerateConfig(temperature=0.7, seed=seed)
    output = await model.generate(messages, config=config)
    return str(output.completion)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--xstest", type=Path, default=XSTEST)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--wave", type=int, choices=sorted(WAVES), default=1)
    args = parser.parse_args()
    done = set()
    if args.out.exists():
        done = {json.loads(line)["id"] for line in args.out.read_text().splitlines() if line}
    model = get_model("gguf/smollm2")
    plan = WAVES[args.wave]
    planned = [
        (r, name)
        for r in requests(args.xstest)
        for name in plan.get((r["source"], r["intent"]), ())
    ]
    # Seeds differ between waves, so a request answered again is a new sample; a seed is the
    # job's place in the whole wave, so a resumed or limited run samples what one run would.
    first_seed = 10_000 * (args.wave - 1)
    jobs = [
        (seed, row, name)
        for seed, (row, name) in enumerate(planned, first_seed)
        if f"{row['prompt_ref']}|{name}" not in done
    ][: args.limit]
    with args.out.open("a", encoding="utf-8") as sink:
        for seed, row, name in track(jobs, description="answering"):
            text = asyncio.run(answer(model, row["prompt"], SYSTEM_PROMPTS[name], seed))
            record = {
                "id": f"{row['prompt_ref']}|{name}",
                **row,
                "system_prompt": name,
                "model": "gguf/smollm2",
                "seed": seed,
                "response": text,
            }
            sink.write(json.dumps(record) + "\n")
            sink.flush()


if __name__ == "__main__":
    main()
