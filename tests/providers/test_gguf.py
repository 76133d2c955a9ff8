"""The in-process GGUF provider: resolution, errors, decoding settings, usage and the cache."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from inspect_ai.model import ChatMessageSystem, ChatMessageUser, GenerateConfig, get_model

from providers.gguf import GGUFModelError, completion_kwargs, resolve_gguf


def test_smollm2_resolves_to_the_packaged_file() -> None:
    path = resolve_gguf("smollm2")
    assert path.name == "SmolLM2-135M-Instruct.Q4_1.gguf"
    assert path.stat().st_size > 50_000_000


def test_missing_file_names_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "absent.gguf"
    with pytest.raises(GGUFModelError, match=f"GGUF file not found: {missing}"):
        resolve_gguf(str(missing))


def test_unknown_name_lists_the_known_ones() -> None:
    with pytest.raises(GGUFModelError, match="unknown GGUF model 'llama9': use one of smollm2"):
        resolve_gguf("llama9")


def test_unloadable_file_is_a_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.gguf"
    junk.write_bytes(b"not a gguf file")
    with pytest.raises(GGUFModelError, match=f"cannot load GGUF file {junk}"):
        get_model(f"gguf/{junk}")


def test_generate_config_maps_onto_llama_cpp() -> None:
    config = GenerateConfig(
        temperature=0.3, top_p=0.8, top_k=20, max_tokens=7, seed=5, stop_seqs=["\n\n"]
    )
    assert completion_kwargs(config) == {
        "max_tokens": 7,
        "temperature": 0.3,
        "top_p": 0.8,
        "top_k": 20,
        "seed": 5,
        "stop": ["\n\n"],
    }
    assert completion_kwargs(GenerateConfig()) == {"max_tokens": 384}


@pytest.mark.slow
def test_real_generation_honours_settings_and_reports_usage(tmp_path: Path) -> None:
    model = get_model("gguf/smollm2")
    messages = [
        ChatMessageSystem(content="Answer in one short sentence."),
        ChatMessageUser(content="Name a colour."),
    ]

    async def run(config: GenerateConfig) -> tuple[str, int, int]:
        out = await model.generate(messages, config=config)
        assert out.usage is not None
        return out.completion, out.usage.input_tokens, out.usage.output_tokens

    seeded = GenerateConfig(temperature=1.0, seed=11, max_tokens=12)
    first, inputs, outputs = asyncio.run(run(seeded))
    assert asyncio.run(run(seeded))[0] == first  # same seed, same text
    assert 0 < outputs <= 12 and inputs > 10
    stopped, _, _ = asyncio.run(
        run(GenerateConfig(temperature=0.0, max_tokens=40, stop_seqs=[" "]))
    )
    assert " " not in stopped.strip()
    assert asyncio.run(model.count_tokens("hello world")) == 2


@pytest.mark.slow
def test_model_cache_serves_repeat_calls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INSPECT_CACHE_DIR", str(tmp_path))
    model = get_model("gguf/smollm2")
    config = GenerateConfig(temperature=1.0, max_tokens=16, cache=True)
    first = asyncio.run(model.generate("Say something random.", config=config))
    again = asyncio.run(model.generate("Say something random.", config=config))
    assert again.completion == first.completion
    assert any(tmp_path.rglob("*")), "the cache wrote nothing"


@pytest.mark.slow
def test_absolute_path_and_system_message_through_the_chat_template() -> None:
    path = resolve_gguf("smollm2")
    model = get_model(f"gguf/{path}")  # i.e. gguf//abs/path/to/file.gguf
    config = GenerateConfig(temperature=0.0, max_tokens=4)
    short, long = "Be brief.", "You are a pirate who answers every question in rhyming couplets."

    def prompt_tokens(system: str) -> int:
        messages = [ChatMessageSystem(content=system), ChatMessageUser(content="Hi")]
        output = asyncio.run(model.generate(messages, config=config))
        assert output.usage is not None
        return output.usage.input_tokens

    # The template renders the system message into the prompt: its tokens show up one for one.
    extra = asyncio.run(model.count_tokens(long)) - asyncio.run(model.count_tokens(short))
    assert abs(prompt_tokens(long) - prompt_tokens(short) - extra) <= 1
    assert extra > 8


@pytest.mark.slow
def test_a_looping_generation_is_cut_where_the_loop_starts_and_only_there() -> None:
    prompt = "Write a poem where every line is 'the sea is blue'."
    config = GenerateConfig(temperature=0.0, max_tokens=200)
    stopped = asyncio.run(get_model("gguf/smollm2").generate(prompt, config=config))
    full = asyncio.run(get_model("gguf/smollm2", loop_span=0).generate(prompt, config=config))
    assert full.choices[0].stop_reason == "max_tokens"
    assert stopped.metadata is not None and stopped.usage is not None
    assert stopped.metadata["loop_stop"]["stopped_after_tokens"] == stopped.usage.output_tokens
    assert stopped.usage.output_tokens < 150
    # Greedy decoding: the stopped text is exactly the start of the unstopped one.
    assert full.completion.startswith(stopped.completion)
    assert len(full.completion) > len(stopped.completion)


@pytest.mark.slow
def test_prefix_cache_keeps_states_and_torch_yields_the_cores() -> None:
    import torch

    from providers.gguf import load_llama

    # How many threads llama.cpp gets is the caller's choice (`-M n_threads=1`).
    model = get_model("gguf/smollm2", n_threads=1)
    config = GenerateConfig(temperature=0.0, max_tokens=8)
    asyncio.run(model.generate("Name a colour.", config=config))
    llama = load_llama(resolve_gguf("smollm2"), n_threads=1)
    assert llama.n_threads == 1
    assert llama.cache is not None and llama.cache.cache_size > 0  # the answer's state is kept
    assert torch.get_num_threads() == 1  # llama.cpp owns the cores while it runs here
