"""Hostile code cannot get credit, harm the grader, leave anything behind or reach out."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from objectives import sandbox
from objectives.code_tests import run_tests
from objectives.sandbox import Limits, run_python, sandbox_problem
from tests.objectives.hostile_programs import HOSTILE

pytestmark = pytest.mark.skipif(sandbox_problem() is not None, reason=str(sandbox_problem()))

TEST = (
    "def check(candidate):\n"
    "    assert candidate(1) == 2\n"
    "    assert candidate(2) == 3\n"
    "    assert candidate(5) == 6\n"
)
PROJECT = Path(__file__).resolve().parents[2]
HOST_FOLDERS = [Path("/tmp"), Path("/var/tmp"), Path("/dev/shm"), Path.home(), Path("/"), PROJECT]


@pytest.fixture
def issued_uids(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every scratch uid the jails of one test ran as."""
    uids: list[int] = []
    real = sandbox.scratch_uid

    def record() -> int:
        uids.append(real())
        return uids[-1]

    monkeypatch.setattr(sandbox, "scratch_uid", record)
    return uids


def _processes_of(uids: list[int]) -> list[int]:
    # After grading, no process may remain under any uid the jails ran as (the jails kept
    # ready for the next answers are alive, and have run no code).
    uids = [u for u in uids if u not in sandbox.spare_uids()]
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and entry.stat().st_uid in uids:
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def _keys_of(uids: list[int]) -> list[str]:
    # Kernel keys are per uid, outside every namespace: a jail must leave none behind.
    lines = Path("/proc/key-users").read_text().splitlines()
    held = []
    for line in lines:
        uid, rest = line.split(":", 1)
        if int(uid) in uids and rest.split()[1].split("/")[0] != "0":
            held.append(line.strip())
    return held


def _markers() -> list[Path]:
    return [p for folder in HOST_FOLDERS for p in folder.glob("hh-pwned-*")]


@pytest.fixture
def listeners(tmp_path: Path) -> Iterator[tuple[int, str, list[bytes]]]:
    """A TCP server on the host's loopback and a unix socket, recording whatever reaches them."""
    received: list[bytes] = []
    tcp = socket.create_server(("127.0.0.1", 0))
    unix = socket.socket(socket.AF_UNIX)
    unix_path = str(tmp_path / "host.sock")
    unix.bind(unix_path)
    os.chmod(unix_path, 0o777)
    unix.listen()
    abstract = socket.socket(socket.AF_UNIX)
    abstract.bind("\0hh-abstract")
    abstract.listen()
    stop = threading.Event()

    def serve(server: socket.socket) -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except OSError:
                continue
            received.append(connection.recv(100) or b"<connected>")
            connection.close()

    threads = [
        threading.Thread(target=serve, args=(s,), daemon=True) for s in (tcp, unix, abstract)
    ]
    for thread in threads:
        thread.start()
    yield tcp.getsockname()[1], unix_path, received
    stop.set()
    for thread in threads:
        thread.join()
    for server in (tcp, unix, abstract):
        server.close()


@pytest.mark.parametrize(("name", "tries", "code"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_program_scores_zero_and_leaves_nothing(
    name: str,
    tries: str,
    code: str,
    listeners: tuple[int, str, list[bytes]],
    issued_uids: list[int],
) -> None:
    port, unix_path, received = listeners
    code = (
        code.replace("PORTS", repr([port]))
        .replace("UNIX_PATH", repr(unix_path))
        .replace("PROJECT", repr(str(PROJECT)))
    )
    started = time.monotonic()
    report = run_tests(code, TEST, "inc", budget_seconds=8)
    seconds = time.monotonic() - started
    assert (report.passed, report.total, report.fraction) == (0, 3, 0.0), (tries, report)
    assert seconds < 25, (tries, seconds)
    time.sleep(0.2 if name != "double-fork-writer" else 1.5)  # give any survivor time to act
    assert _markers() == [], tries
    assert issued_uids and _processes_of(issued_uids) == [], tries
    assert _keys_of(issued_uids) == [], tries
    assert received == [], tries


def test_the_table_covers_at_least_thirty_kinds() -> None:
    assert len({name for name, _, _ in HOSTILE}) == len(HOSTILE) >= 30


def test_correct_code_passes_every_test() -> None:
    report = run_tests("def inc(x):\n    return x + 1\n", TEST, "inc")
    assert (report.passed, report.total, report.error) == (3, 3, None)


def test_partially_correct_code_scores_the_fraction() -> None:
    report = run_tests("def inc(x):\n    return x + 1 if x < 5 else 0\n", TEST, "inc")
    assert (report.passed, report.total) == (2, 3)
    assert report.failures == [{"test": "assert candidate(5) == 6", "error": "AssertionError:"}]


def test_a_crash_fails_only_its_own_call() -> None:
    code = "import os\ndef inc(x):\n    if x == 2:\n        os._exit(1)\n    return x + 1\n"
    report = run_tests(code, TEST, "inc")
    assert (report.passed, report.total) == (2, 3)
    assert report.failures[0]["test"] == "assert candidate(2) == 3"
    assert "process ended" in report.failures[0]["error"]


def test_a_hang_fails_only_its_own_call() -> None:
    code = "def inc(x):\n    while x == 2:\n        pass\n    return x + 1\n"
    report = run_tests(code, TEST, "inc")
    assert (report.passed, report.total) == (2, 3)
    assert "timed out" in report.failures[0]["error"]


def test_expected_exceptions_cross_as_their_builtin_class() -> None:
    test = (
        "def check(candidate):\n"
        "    try:\n        candidate(-5)\n        assert False\n"
        "    except ValueError as err:\n        assert 'negative' in str(err)\n"
        "    assert True\n"
    )
    code = (
        "class Negative(ValueError):\n    pass\n\n"
        "def inc(x):\n    if x < 0:\n        raise Negative('negative input')\n    return x + 1\n"
    )
    report = run_tests(code, test, "inc")
    assert (report.passed, report.total) == (1, 1)  # `assert True` is not a test


def test_prompt_helpers_are_visible_to_the_tests() -> None:
    prompt = "def double(x):\n    return 2 * x\n\n\ndef inc(x):\n    '''x + 1'''\n"
    test = "def check(candidate):\n    assert candidate(double(2)) == 5\n"
    report = run_tests(prompt + "    return x + 1\n", test, "inc", prompt)
    assert (report.passed, report.total) == (1, 1)


def test_code_sees_an_empty_private_work_folder_only() -> None:
    probe = (
        "import os\n"
        "print(sorted(os.listdir('/')), sorted(os.listdir('/work')), os.getcwd(), os.getuid() > 0)\n"
    )
    result = run_python({"probe.py": probe}, "probe.py")
    assert result.stdout.strip() == (
        f"{sorted(['bin', 'dev', 'etc', 'lib', 'lib64', 'proc', 'sbin', 'tmp', 'usr', 'work', *[p for p in ['root'] if os.path.realpath(os.sys.executable).startswith('/root')]])} "  # type: ignore[attr-defined]
        "['probe.py'] /work True"
    )


def test_fork_bomb_script_is_contained_and_the_host_goes_on(issued_uids: list[int]) -> None:
    bomb = "import os\nwhile True:\n    os.fork()\n"
    started = time.monotonic()
    result = run_python({"bomb.py": bomb}, "bomb.py", Limits(wall_seconds=5, cpu_seconds=3))
    assert time.monotonic() - started < 30
    assert result.returncode != 0
    assert _processes_of(issued_uids) == []
    assert run_python({"ok.py": "print('alive')"}, "ok.py").stdout.strip() == "alive"
