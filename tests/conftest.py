"""Shared fixtures: canned mockllm models and small scenario files; the browser tests' gate."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from inspect_ai.model import ChatMessage, GenerateConfig, Model, ModelOutput, ModelUsage, get_model
from inspect_ai.tool import ToolChoice, ToolInfo

# Set (to 1) where the browser must be there, as in CI (.ci/run): a missing chromium then
# fails the browser tests instead of skipping them, so CI cannot quietly stop checking the page.
REQUIRE_BROWSER = "HH_REQUIRE_BROWSER"


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Skip `browser` tests without chromium, with the reason; fail them if it is required."""
    if item.get_closest_marker("browser") is None:
        return
    from reports.browser import chromium_path

    try:
        chromium_path()
        return
    except FileNotFoundError as err:
        missing = str(err)
    if os.environ.get(REQUIRE_BROWSER) == "1":
        pytest.fail(f"{missing}; {REQUIRE_BROWSER}=1 requires the browser", pytrace=False)
    pytest.skip(f"{missing}; {REQUIRE_BROWSER}=1 turns this skip into a failure")


def canned(text: str) -> ModelOutput:
    """A mockllm output with usage set (bare mockllm would need a tokenizer download)."""
    output = ModelOutput.from_content(model="mockllm", content=text)
    output.usage = ModelUsage(input_tokens=10, output_tokens=len(text.split()), total_tokens=10)
    return output


def keyed_model(answers: dict[str, str], default: str = "OK") -> Model:
    """A mockllm model answering by a key found in the last user message.

    Samples run concurrently, so answers are matched to prompts, not to call order.
    """

    def respond(
        messages: list[ChatMessage],
        tools: list[ToolInfo],
        choice: ToolChoice,
        config: GenerateConfig,
    ) -> ModelOutput:
        last = messages[-1].text
        for key, answer in answers.items():
            if key in last:
                return canned(answer)
        return canned(default)

    return get_model("mockllm/model", custom_outputs=respond)


@pytest.fixture
def write_jsonl(tmp_path: Path) -> Callable[[str, list[dict[str, Any]]], Path]:
    def write(name: str, rows: list[dict[str, Any]]) -> Path:
        path = tmp_path / name
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        return path

    return write
