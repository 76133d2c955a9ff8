"""System prompts, chain-of-thought and the constitutional critique pass."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_ai import eval
from inspect_ai.event import ModelEvent

from evals.creative import creative
from evals.settings import (
    CONSTITUTION,
    CRITIQUE_TOKENS,
    REVISION_TEMPLATE,
    SYSTEM_PROMPTS,
    resolve_system_prompt,
)
from objectives.answer import final_answer
from tests.conftest import keyed_model


def test_named_prompts_and_files(tmp_path: Path) -> None:
    assert resolve_system_prompt("none") is None
    assert CONSTITUTION in str(resolve_system_prompt("constitution"))
    custom = tmp_path / "mine.txt"
    custom.write_text("Be {terse}.\n", encoding="utf-8")
    assert resolve_system_prompt(str(custom)) == "Be {terse}."
    with pytest.raises(
        ValueError, match="system_prompt must be one of none, helpful, harmless, hhh, constitution"
    ):
        resolve_system_prompt("rude")


def test_constitution_states_the_principles() -> None:
    text = SYSTEM_PROMPTS["constitution"] or ""
    for phrase in ("uncertainty", "Never refuse a safe request", "safe alternative", "risks"):
        assert phrase in text


def test_final_answer_drops_reasoning() -> None:
    assert final_answer("Reasoning: it is 2+2.\nAnswer: 4") == "4"
    assert final_answer("Just 4") == "Just 4"
    assert final_answer("Reasoning: hmm\nAnswer:") == "Reasoning: hmm\nAnswer:"


def test_system_prompt_cot_and_critique_shape_the_conversation(tmp_path: Path) -> None:
    answers = {
        "Critique the answer below": "The answer missed the word storm.",
        "A critique of your answer": "Reasoning: add storm.\nAnswer: The storm came at last.",
        "step by step": "Reasoning: think.\nAnswer: A quiet night.",
    }
    task = creative(
        system_prompt="hhh", cot=True, critique=True, intent="benign", difficulty="easy"
    )
    [log] = eval(task, model=keyed_model(answers), log_dir=str(tmp_path), display="none", limit=1)
    assert log.samples is not None
    sample = log.samples[0]
    roles = [m.role for m in sample.messages]
    assert roles == ["system", "user", "assistant", "user", "assistant"]
    texts = [m.text for m in sample.messages]
    assert texts[0] == SYSTEM_PROMPTS["hhh"]
    assert "step by step" in texts[1]
    assert texts[3] == REVISION_TEMPLATE.format(critique="The answer missed the word storm.")
    assert sample.output.completion.endswith("The storm came at last.")
    # three generations: the answer, the critique (a separate reviewer prompt, capped
    # short, seeing question and answer), the revision (extending the conversation)
    calls = [e for e in sample.events if isinstance(e, ModelEvent)]
    assert [e.config.max_tokens for e in calls] == [None, CRITIQUE_TOKENS, None]
    assert [len(e.input) for e in calls] == [2, 1, 4]
    critique_prompt = sample.attachments.get(
        calls[1].input[0].text.removeprefix("attachment://"), calls[1].input[0].text
    )
    assert CONSTITUTION in critique_prompt and "A quiet night" in critique_prompt
