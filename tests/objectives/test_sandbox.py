"""Hostile code is contained by the sandbox, scored as a failure, and leaves the host unharmed."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from objectives.code_grader import run_tests
from objectives.sandbox import Limits, run_python, sandbox_problem

pytestmark = pytest.mark.skipif(sandbox_problem() is not None, reason=str(sandbox_problem()))

TEST = (
    "def check(candidate):\n"
    "    assert candidate(1) == 2\n"
    "    assert candidate(2) == 3\n"
    "    assert candidate(-1) == 0\n"
)


def _grade(code: str):
    return run_tests(code, TEST, "inc")


def test_correct_code_passes_every_test() -> None:
    report = _grade("def inc(x):\n    return x + 1\n")
    assert (report.passed, report.total, report.error) == (3, 3, None)


def test_partially_correct_code_scores_the_fraction() -> None:
    report = _grade("def inc(x):\n    return x + 1 if x > 0 else 5\n")
    assert (report.passed, report.total) == (2, 3)
    assert report.failures[0]["test"] == "assert candidate(-1) == 0"


def test_infinite_loop_is_stopped_and_fails() -> None:
    started = time.monotonic()
    report = _grade("def inc(x):\n    while True:\n        pass\n")
    assert time.monotonic() - started < 20
    assert report.passed == 0
    assert report.failures and "TimeoutError" in report.failures[0]["error"]


def test_infinite_loop_at_import_hits_the_cpu_or_wall_limit() -> None:
    report = _grade("while True:\n    pass\n")
    assert report.passed == 0
    assert report.error is not None and ("took longer" in report.error or "SIGXCPU" in report.error)


def test_ten_gigabyte_allocation_is_refused() -> None:
    report = _grade("def inc(x):\n    block = bytearray(10 * 1024 ** 3)\n    return x + 1\n")
    assert report.passed == 0
    assert "MemoryError" in report.failures[0]["error"]


def test_fork_bomb_is_contained() -> None:
    bomb = "import os\nwhile True:\n    os.fork()\n"
    started = time.monotonic()
    result = run_python({"bomb.py": bomb}, "bomb.py", Limits(wall_seconds=5, cpu_seconds=3))
    assert time.monotonic() - started < 30
    assert result.returncode != 0
    # The host can still start processes, and none of the bomb's survive the run.
    assert run_python({"ok.py": "print('alive')"}, "ok.py").stdout.strip() == "alive"


def test_fork_bomb_in_answer_scores_zero() -> None:
    report = _grade("import os\ndef inc(x):\n    while True:\n        os.fork()\n")
    assert report.passed == 0


def test_write_outside_temp_dir_is_denied(tmp_path: Path) -> None:
    target = tmp_path / "pwned.txt"
    code = f"def inc(x):\n    open({str(target)!r}, 'w').write('x')\n    return x + 1\n"
    report = _grade(code)
    assert report.passed == 0
    assert "PermissionError" in report.failures[0]["error"]
    assert not target.exists()


def test_huge_file_write_is_cut_off() -> None:
    code = "def inc(x):\n    open('big', 'wb').write(b'0' * (64 * 1024 * 1024))\n    return x + 1\n"
    report = _grade(code)
    assert report.passed == 0


def test_socket_connection_cannot_reach_the_host() -> None:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(5)
    port = server.getsockname()[1]
    accepted: list[object] = []

    def accept() -> None:
        try:
            accepted.append(server.accept())
        except OSError:
            pass

    thread = threading.Thread(target=accept)
    thread.start()
    code = (
        "import socket\n"
        "def inc(x):\n"
        f"    socket.create_connection(('127.0.0.1', {port}), timeout=2)\n"
        "    return x + 1\n"
    )
    report = _grade(code)
    thread.join()
    server.close()
    assert report.passed == 0
    assert "OSError" in report.failures[0]["error"] or "Error" in report.failures[0]["error"]
    assert accepted == []


def test_program_that_exits_early_reports_no_result() -> None:
    report = _grade("import os\nos._exit(0)\n")
    assert report.passed == 0
    assert report.error is not None and "died without a result" in report.error
