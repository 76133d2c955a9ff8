"""Inspect entry point: registers the `gguf` provider and the tasks as `hh_frontier/<task>`."""

from objectives.embedding import share_cores_with_generation
from providers.gguf import LOAD_HOOKS, gguf

# Generation and the refusal classifier share this process's cores: torch steps aside.
LOAD_HOOKS.append(share_cores_with_generation)

__all__ = ["gguf"]
