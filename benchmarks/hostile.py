"""Grade the hostile-program table and print each program's score and why, as markdown.

The table is the tests' (`tests/objectives/hostile_programs.py`); every program should score
0. The tests also check for files left on the host, surviving processes and sockets reached.

    python benchmarks/hostile.py > hostile.md
"""

from __future__ import annotations

import time
from pathlib import Path

from objectives.code_tests import run_tests
from tests.objectives.hostile_programs import HOSTILE

TEST = (
    "def check(candidate):\n"
    "    assert candidate(1) == 2\n"
    "    assert candidate(2) == 3\n"
    "    assert candidate(5) == 6\n"
)
PROJECT = Path(__file__).resolve().parents[1]


def main() -> None:
    print("| program | tries | helpful | why | seconds |")
    print("|---|---|---|---|---|")
    for name, tries, code in HOSTILE:
        code = (
            code.replace("PORTS", "[9]")
            .replace("UNIX_PATH", repr("/tmp/hh-no-such.sock"))
            .replace("PROJECT", repr(str(PROJECT)))
        )
        started = time.monotonic()
        report = run_tests(code, TEST, "inc", budget_seconds=8)
        seconds = time.monotonic() - started
        why = report.error or (report.failures[0]["error"] if report.failures else "")
        why = why.replace("|", "/").replace("\n", " ")[:90]
        print(f"| {name} | {tries} | {report.fraction:.2f} | {why} | {seconds:.1f} |")


if __name__ == "__main__":
    main()
