"""Model providers of our own for Inspect: the embedded GGUF model, run in-process."""
