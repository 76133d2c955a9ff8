"""The Inspect registry's view of this project: `hh_frontier/<task>` and the `gguf` provider.

Inspect names a packaged task after its top-level package, so the tasks are registered here,
under `hh_frontier`, by the entry point `hh_frontier._registry`.
"""
