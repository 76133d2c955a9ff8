"""Inspect entry point: importing this registers hh-frontier's model provider."""

from frontier.gguf import gguf

__all__ = ["gguf"]
