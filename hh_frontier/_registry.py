"""Inspect entry point: registers the `gguf` provider and the tasks as `hh_frontier/<task>`.

Inspect names a packaged task after the top-level package of the function's module, so each
task function of `evals` is registered again from here (same code, same parameters), which
makes `inspect eval hh_frontier/medical` work wherever the package is installed.
"""

from __future__ import annotations

import types
from typing import Any

from inspect_ai import task

from evals.code import code
from evals.creative import creative
from evals.medical import medical
from evals.xstest import xstest
from objectives.embedding import share_cores_with_generation
from providers.gguf import LOAD_HOOKS, gguf

# Generation and the refusal classifier share this process's cores: torch steps aside.
LOAD_HOOKS.append(share_cores_with_generation)


def _packaged(registered: Any) -> Any:
    """The task function behind an `@task` registration, re-registered in this package."""
    raw = registered.__wrapped__
    again = types.FunctionType(
        raw.__code__, raw.__globals__, raw.__name__, raw.__defaults__, raw.__closure__
    )
    again.__kwdefaults__ = raw.__kwdefaults__
    again.__annotations__ = raw.__annotations__
    again.__doc__ = raw.__doc__
    again.__module__ = __name__
    again.__qualname__ = raw.__qualname__
    return task(again)


TASKS = {
    name: _packaged(fn)
    for name, fn in [
        ("code", code),
        ("medical", medical),
        ("creative", creative),
        ("xstest", xstest),
    ]
}

__all__ = ["TASKS", "gguf"]
