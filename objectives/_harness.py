"""Test harness copied into the sandbox: runs each assert of `check(candidate)` on its own.

This file is executed by the sandboxed interpreter as a standalone script; it imports nothing
from the project. It prints one line `__HH_RESULT__ <json>` with the tally.
"""

import ast
import json
import signal
import sys
import traceback
from typing import Any

MARKER = "__HH_RESULT__"
PER_TEST_SECONDS = 2


def _on_alarm(signum, frame):  # type: ignore[no-untyped-def]
    raise TimeoutError(f"test took longer than {PER_TEST_SECONDS}s")


def _short_error(err: BaseException) -> str:
    text = f"{type(err).__name__}: {err}".strip()
    return text[:300]


def main() -> None:
    with open("job.json", encoding="utf-8") as handle:
        job = json.load(handle)
    result: dict[str, Any] = {"passed": 0, "total": 0, "failures": [], "load_error": None}
    tree = ast.parse(job["test"])
    check = next(
        (n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "check"), None
    )
    statements = check.body if check is not None else []
    is_test = [any(isinstance(n, ast.Assert) for n in ast.walk(s)) for s in statements]
    result["total"] = sum(is_test)
    signal.signal(signal.SIGALRM, _on_alarm)

    namespace: dict[str, Any] = {"__name__": "candidate"}
    try:
        signal.alarm(PER_TEST_SECONDS)
        exec(compile(job["code"], "candidate.py", "exec"), namespace)
        signal.alarm(0)
        candidate = namespace[job["entry_point"]]
    except KeyError:
        result["load_error"] = f"the code defines no function named {job['entry_point']}"
    except BaseException as err:  # noqa: BLE001 - untrusted code may raise anything
        signal.alarm(0)
        result["load_error"] = "loading the code failed: " + _short_error(err)
    if result["load_error"] is not None:
        print(MARKER, json.dumps(result), flush=True)
        return

    test_module = ast.Module(body=[n for n in tree.body if n is not check], type_ignores=[])
    scope = {"__name__": "tests"}
    exec(compile(test_module, "tests.py", "exec"), scope)
    scope["candidate"] = candidate
    for statement, counts in zip(statements, is_test, strict=True):
        source = ast.get_source_segment(job["test"], statement) or ast.unparse(statement)
        try:
            signal.alarm(PER_TEST_SECONDS)
            exec(compile(ast.Module(body=[statement], type_ignores=[]), "tests.py", "exec"), scope)
            signal.alarm(0)
            if counts:
                result["passed"] += 1
        except BaseException as err:  # noqa: BLE001 - a failing test may raise anything
            signal.alarm(0)
            if counts:
                result["failures"].append({"test": source[:200], "error": _short_error(err)})
            else:
                result["load_error"] = "test set-up failed: " + _short_error(err)
                break
    print(MARKER, json.dumps(result), flush=True)


if __name__ == "__main__":
    try:
        main()
    except BaseException:  # noqa: BLE001
        traceback.print_exc(file=sys.stderr)
        sys.exit(3)
