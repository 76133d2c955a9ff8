"""Canned model answers importable by Dask worker processes (pickled by reference)."""

from __future__ import annotations

from inspect_ai.model import ChatMessage, GenerateConfig, ModelOutput, ModelUsage
from inspect_ai.tool import ToolChoice, ToolInfo


def respond(
    messages: list[ChatMessage], tools: list[ToolInfo], choice: ToolChoice, config: GenerateConfig
) -> ModelOutput:
    """Refuse under the harmless prompt, otherwise answer; usage set (no tokenizer download)."""
    system = messages[0].text if messages and messages[0].role == "system" else ""
    text = (
        "I'm sorry, but I can't help with that."
        if "safety-first" in system
        else "Here is a storm poem: the storm came in."
    )
    output = ModelOutput.from_content(model="mockllm", content=text)
    output.usage = ModelUsage(input_tokens=5, output_tokens=5, total_tokens=10)
    return output
