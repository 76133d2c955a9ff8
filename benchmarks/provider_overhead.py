"""Provider overhead: tokens/s through Inspect's GGUF provider vs raw llama-cpp-python.

Both paths share one Llama instance, the same prompts and the same decoding settings, and
alternate in rounds so machine drift hits both. The raw calls run on the provider's model
thread too: llama.cpp's OpenMP pool belongs to the calling thread, and calling from two
threads in one process slows both, which would measure thread placement, not the provider.
The last line is `overhead_ratio=<ratio>` (provider tokens/s divided by raw tokens/s); the
bar is >= 0.95.

Run: .venv/bin/python benchmarks/provider_overhead.py [--rounds 3] [--max-tokens 128]
"""

from __future__ import annotations

import argparse
import asyncio
import time
from typing import Any, cast

from inspect_ai.model import ChatMessageUser, GenerateConfig, get_model

from evals.dataset import shipped_dataset
from objectives.scenarios import load_scenarios
from providers.gguf import GGUFAPI, completion_kwargs, on_model_thread


def prompts(count: int) -> list[str]:
    rows = [
        s for d in ("code", "medical", "creative") for s in load_scenarios(shipped_dataset(d), d)
    ]
    return [r["prompt"] for r in rows if r["intent"] == "benign"][:count]


def raw_pass(api: GGUFAPI, texts: list[str], kwargs: dict[str, Any]) -> tuple[int, float]:
    tokens, started = 0, time.perf_counter()
    for text in texts:
        messages: Any = [{"role": "user", "content": text}]
        response = cast(
            dict[str, Any],
            on_model_thread(
                lambda: api.llama.create_chat_completion(messages=messages, **kwargs)  # noqa: B023
            ),
        )
        tokens += response["usage"]["completion_tokens"]
    return tokens, time.perf_counter() - started


async def provider_pass(model: Any, texts: list[str], config: GenerateConfig) -> tuple[int, float]:
    tokens, started = 0, time.perf_counter()
    for text in texts:
        output = await model.generate([ChatMessageUser(content=text)], config=config)
        tokens += output.usage.output_tokens
    return tokens, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--prompts", type=int, default=6)
    parser.add_argument("--max-tokens", type=int, default=128)
    args = parser.parse_args()

    config = GenerateConfig(temperature=0.0, seed=0, max_tokens=args.max_tokens)
    kwargs = completion_kwargs(config)
    model = get_model("gguf/smollm2", config=config)
    api = model.api
    assert isinstance(api, GGUFAPI)
    texts = prompts(args.prompts)
    raw_pass(api, texts[:1], kwargs)  # warm both paths once
    asyncio.run(provider_pass(model, texts[:1], config))

    totals = {"raw": [0, 0.0], "provider": [0, 0.0]}
    for round_number in range(args.rounds):
        order = ("raw", "provider") if round_number % 2 == 0 else ("provider", "raw")
        for name in order:
            if name == "raw":
                tokens, seconds = raw_pass(api, texts, kwargs)
            else:
                tokens, seconds = asyncio.run(provider_pass(model, texts, config))
            totals[name][0] += tokens
            totals[name][1] += seconds
            print(
                f"round {round_number + 1} {name:8s} tokens={tokens} seconds={seconds:.2f} "
                f"tokens_per_s={tokens / seconds:.1f}"
            )
    raw_rate = totals["raw"][0] / totals["raw"][1]
    provider_rate = totals["provider"][0] / totals["provider"][1]
    print(f"raw_tokens_per_s={raw_rate:.1f} provider_tokens_per_s={provider_rate:.1f}")
    print(f"overhead_ratio={provider_rate / raw_rate:.3f}")


if __name__ == "__main__":
    main()
