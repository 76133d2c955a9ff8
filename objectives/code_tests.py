"""Run HumanEval-style `check(candidate)` tests in the grader against a jailed function.

The tests and the tally live here, in the grader's interpreter; the answer's code lives in a
jail (`objectives.jailed_function`) and is reached only through calls that carry plain data.
The tests are scenario data, trusted like the rest of it; the code is not.

Each top-level statement of `check` that holds a real assertion is one test (`assert True`
lines check nothing and do not count). The tests also see what the problem's prompt defines
besides the function itself (HumanEval's helpers such as `poly` or `encode_cyclic`), and the
function's own name, as HumanEval's harness gives them.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Any

from objectives import sandbox
from objectives.jailed_function import CallFailed, JailedFunction


@dataclass
class TestReport:
    """The tally of one test run."""

    passed: int
    total: int
    failures: list[dict[str, str]] = field(default_factory=list)
    error: str | None = None

    @property
    def fraction(self) -> float:
        """Fraction of tests passed (0 when there are none)."""
        return self.passed / self.total if self.total else 0.0


def _short_error(err: BaseException) -> str:
    if isinstance(err, CallFailed):
        return f"the call failed: {err}"[:300]
    return f"{type(err).__name__}: {err}".strip()[:300]


def is_test(statement: ast.stmt) -> bool:
    """Whether a statement of `check` tests something.

    It must hold an assert that can fail: `assert True` checks nothing, while `assert False`
    after a call that should have raised is a test.
    """
    return any(
        isinstance(node, ast.Assert)
        and not (isinstance(node.test, ast.Constant) and node.test.value)
        for node in ast.walk(statement)
    )


def split_check(test: str) -> tuple[ast.Module, list[ast.stmt]]:
    """The test file's set-up (everything but `check`) and the statements of `check`."""
    tree = ast.parse(test)
    check = next(
        (n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "check"), None
    )
    setup = ast.Module(body=[n for n in tree.body if n is not check], type_ignores=[])
    return setup, (check.body if check is not None else [])


def prompt_helpers(prompt: str | None, entry_point: str) -> ast.Module:
    """What the problem's prompt defines besides the function to write (imports, helpers)."""
    try:
        tree = ast.parse(prompt or "")
    except SyntaxError:
        return ast.Module(body=[], type_ignores=[])
    keep = [
        n
        for n in tree.body
        if not (isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef) and n.name == entry_point)
    ]
    return ast.Module(body=keep, type_ignores=[])


def run_tests(
    code: str,
    test: str,
    entry_point: str,
    prompt: str | None = None,
    budget_seconds: float = 20.0,
) -> TestReport:
    """Run `check(candidate)`'s tests here against `entry_point` of `code` in a jail.

    Args:
        code: The untrusted program.
        test: The test source defining `check(candidate)` (trusted scenario data).
        entry_point: The function under test.
        prompt: The problem's prompt, whose helpers the tests may call.
        budget_seconds: Wall time for all calls of the code together.

    Raises:
        SandboxUnavailable: The jail cannot be built here; the code was not run.
    """
    problem = sandbox.sandbox_problem()
    if problem is not None:  # a jail that cannot be built must not read as code that failed
        raise sandbox.SandboxUnavailable(problem)
    setup, statements = split_check(test)
    counted = [is_test(s) for s in statements]
    report = TestReport(passed=0, total=sum(counted))
    with JailedFunction(code, entry_point, budget_seconds=budget_seconds) as candidate:
        candidate.start()
        if candidate.load_error is not None:
            report.error = candidate.load_error
            return report
        scope: dict[str, Any] = {"__name__": "tests"}
        exec(compile(prompt_helpers(prompt, entry_point), "prompt.py", "exec"), scope)
        exec(compile(setup, "tests.py", "exec"), scope)
        scope["candidate"] = scope[entry_point] = candidate
        for statement, counts in zip(statements, counted, strict=True):
            try:
                exec(
                    compile(ast.Module(body=[statement], type_ignores=[]), "tests.py", "exec"),
                    scope,
                )
            except Exception as err:  # noqa: BLE001 - a failing test may raise anything
                if not counts:
                    report.error = "test set-up failed: " + _short_error(err)
                    break
                source = ast.get_source_segment(test, statement) or ast.unparse(statement)
                report.failures.append({"test": source[:200], "error": _short_error(err)})
            else:
                report.passed += counts
    return report
