"""Run untrusted Python in a jail: private filesystem, no network, a scratch uid, hard limits.

Each run is one `unshare` of new mount, pid, network, IPC and UTS namespaces around
`_jail.py`, which builds a root of read-only system directories and one empty writable folder,
drops to a uid no account uses, and runs the code. Killing the jail's first process ends
every process the code started (the kernel empties a pid namespace whose first process dies).
"""

from __future__ import annotations

import atexit
import functools
import json
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

_JAIL = Path(__file__).with_name("_jail.py")
_WIRE = Path(__file__).with_name("wire.py")
_NAMESPACES = ["--mount", "--net", "--pid", "--ipc", "--uts", "--fork", "--kill-child"]


class SandboxUnavailable(RuntimeError):
    """The sandbox cannot be built on this machine; the code must not run at all."""


@dataclass(frozen=True)
class Limits:
    """Resource limits for one sandboxed process."""

    cpu_seconds: int = 10
    wall_seconds: float = 15.0
    memory_bytes: int = 512 * 1024 * 1024
    processes: int = 16
    file_bytes: int = 8 * 1024 * 1024
    work_bytes: int = 16 * 1024 * 1024
    output_bytes: int = 64 * 1024
    # All of a jail's processes together (where the machine lets us make a cgroup): the
    # per-process limit alone lets forked children or shared memory add up.
    jail_memory_bytes: int = 1024 * 1024 * 1024


@dataclass(frozen=True)
class RunResult:
    """What a sandboxed program did."""

    returncode: int | None
    stdout: str
    stderr: str
    timed_out: bool
    seconds: float

    @property
    def killed_by(self) -> str | None:
        """The signal that ended the program, if one did (e.g. SIGXCPU, SIGKILL)."""
        return signal_name(self.returncode)


def signal_name(returncode: int | None) -> str | None:
    """The name of the signal a return code reports (negative codes, or 128 + n from a shell)."""
    if returncode is None or returncode == 0:
        return None
    number = -returncode if returncode < 0 else returncode - 128
    try:
        return signal.Signals(number).name
    except ValueError:
        return None


def interpreter() -> str:
    """The base interpreter, which the jail binds read-only and runs in isolated mode."""
    return os.path.realpath(sys.executable)


def _prefixes() -> list[str]:
    # The interpreter's own tree (a pyenv or /usr/local install) must be visible in the jail.
    home = str(Path(interpreter()).parent.parent)
    return sorted({sys.base_prefix, home})


KEY_USERS = Path("/proc/key-users")


def _uids_with_keys() -> set[int]:
    try:
        lines = KEY_USERS.read_text().splitlines()
    except OSError:
        return set()
    uids = (line.split(":", 1)[0].strip() for line in lines)
    return {int(uid) for uid in uids if uid.isdigit()}


def scratch_uid() -> int:
    """A uid no account uses, so the code owns nothing and its process count is its own.

    A uid with an account, or with kernel keys (which outlive every process and namespace,
    left say by code run before this machine's jails blocked the key calls), is skipped: the
    code must not inherit anything.
    """
    taken = _uids_with_keys()
    while True:
        uid = 200_000 + secrets.randbelow(800_000)
        if uid in taken:
            continue
        try:
            pwd.getpwuid(uid)
        except KeyError:
            return uid


CGROUP_ROOT = Path("/sys/fs/cgroup")


def make_cgroups(uid: int, limits: Limits) -> list[str]:
    """Best effort: control groups capping the jail's total memory and processes.

    cgroup v2 (one hierarchy) or v1 (memory and pids hierarchies); where neither can be made
    (no permission, no controller), none, and the per-process limits stand alone.
    """
    name = f"hh-jail-{uid}"
    wanted = {
        "memory.max": limits.jail_memory_bytes,
        "memory.limit_in_bytes": limits.jail_memory_bytes,
        "pids.max": limits.processes,
    }
    if (CGROUP_ROOT / "cgroup.controllers").exists():
        candidates = [CGROUP_ROOT / name]
    else:
        candidates = [CGROUP_ROOT / "memory" / name, CGROUP_ROOT / "pids" / name]
    made = []
    for folder in candidates:
        try:
            folder.mkdir()
        except OSError:
            continue
        made.append(str(folder))
        for setting, value in wanted.items():
            if (folder / setting).exists():
                try:
                    (folder / setting).write_text(str(value))
                except OSError:
                    pass
    return made


# Control groups whose last process was still leaving when its jail stopped; removing them
# then would cost a wait on every run, so they are removed at the next launch or at exit.
_pending_cgroups: list[str] = []


def remove_cgroups(folders: list[str], patience: float = 0.0) -> None:
    """Remove control groups that are empty; keep trying the rest later (or for `patience` s)."""
    deadline = time.monotonic() + patience
    waiting = [*_pending_cgroups, *folders]
    _pending_cgroups.clear()
    while waiting:
        left = []
        for folder in waiting:
            try:
                os.rmdir(folder)
            except FileNotFoundError:
                pass
            except OSError:
                left.append(folder)
        waiting = left
        if not waiting or time.monotonic() >= deadline:
            break
        time.sleep(0.01)
    _pending_cgroups.extend(waiting)


# Jails built ahead of need: building one (namespaces, mounts, joining its control groups)
# takes tens of milliseconds, much of it waiting on the kernel, which overlaps with grading.
SPARES = 2
_spares: list[tuple[subprocess.Popen[bytes], int, Limits]] = []
_spares_lock = threading.Lock()


def _build(limits: Limits) -> tuple[subprocess.Popen[bytes], int]:
    unshare = shutil.which("unshare")
    if unshare is None:
        raise SandboxUnavailable(
            "`unshare` is not installed, so the code cannot be cut off from the network"
        )
    if os.geteuid() != 0:
        raise SandboxUnavailable(
            "the jail needs root to build its namespaces and drop to a scratch uid"
        )
    uid = scratch_uid()
    settings = {
        "uid": uid,
        "limits": asdict(limits),
        "prefixes": _prefixes(),
        "wire": str(_WIRE),
        "cgroups": make_cgroups(uid, limits),
    }
    process = subprocess.Popen(
        [unshare, *_NAMESPACES, interpreter(), "-I", "-S", str(_JAIL)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
        start_new_session=True,
    )
    _send_line(process, settings)
    return process, uid


def _send_line(process: subprocess.Popen[bytes], message: dict[str, Any]) -> None:
    assert process.stdin is not None
    try:
        process.stdin.write(json.dumps(message).encode() + b"\n")
        process.stdin.flush()
    except BrokenPipeError:
        pass  # the jail failed to start; its stderr says why


def launch(mode: str, limits: Limits, **job: Any) -> tuple[subprocess.Popen[bytes], int]:
    """Give a jail its job (a ready spare if one fits); the caller must `stop` it.

    Raises:
        SandboxUnavailable: This machine cannot build the jail; nothing ran.
    """
    with _spares_lock:
        fits = [i for i, spare in enumerate(_spares) if spare[2] == limits]
        taken = _spares.pop(fits[0]) if fits else None
    process, uid = (taken[0], taken[1]) if taken else _build(limits)
    _send_line(process, {**job, "mode": mode})
    if limits == Limits():  # jails with other limits are rare (tests, probes): no spares
        with _spares_lock:
            while len(_spares) < SPARES:
                _spares.append((*_build(limits), limits))
    return process, uid


def spare_uids() -> set[int]:
    """The uids of the jails kept ready (alive, and not yet given any code)."""
    with _spares_lock:
        return {uid for _, uid, _ in _spares}


def drop_spares() -> None:
    """Stop the jails kept ready (at exit, or when a test wants none alive)."""
    with _spares_lock:
        spares = list(_spares)
        _spares.clear()
    for process, uid, _ in spares:
        stop(process, uid)


def stop(process: subprocess.Popen[bytes], uid: int) -> None:
    """Kill the jail and everything in it, and reap it.

    The jail's first process is killed first, so that `unshare` reaps it: killed together,
    it would be orphaned to the host's init, which may never reap it. Its death empties the
    pid namespace; the uid sweep guards against a kernel that left a process behind.
    """
    for child in _children(process.pid):
        _kill(child)
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        _kill(-process.pid)
        process.wait()
    deadline = time.monotonic() + 5
    while (left := _processes_of(uid)) and time.monotonic() < deadline:
        for pid in left:
            _kill(pid)
        time.sleep(0.01)
    name = f"hh-jail-{uid}"
    remove_cgroups(
        [str(CGROUP_ROOT / name), *(str(CGROUP_ROOT / k / name) for k in ("memory", "pids"))]
    )


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _processes_of(uid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and entry.stat().st_uid == uid:
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def run_python(
    files: dict[str, str], main: str, limits: Limits = Limits(), args: list[str] | None = None
) -> RunResult:
    """Run `python main` over the given files inside a fresh jail.

    Args:
        files: File name to content, written into the jail's empty work folder.
        main: The file to run.
        limits: CPU, wall, memory, process, file-size and output limits.
        args: Extra command-line arguments for the program.

    Returns:
        The exit status, the (truncated) output, and whether the wall-time limit struck.

    Raises:
        SandboxUnavailable: The jail cannot be built here; nothing ran.
    """
    argv = [interpreter(), "-I", "-S", f"/work/{main}", *(args or [])]
    started = time.monotonic()
    process, uid = launch("run", limits, files=files, argv=argv)
    timed_out = False
    try:
        stdout, stderr = _communicate(process, limits)
    except subprocess.TimeoutExpired:
        timed_out = True
        stdout, stderr = b"", b""
    finally:
        stop(process, uid)
    cap = limits.output_bytes
    return RunResult(
        returncode=None if timed_out else process.returncode,
        stdout=stdout[:cap].decode("utf-8", errors="replace"),
        stderr=stderr[-cap:].decode("utf-8", errors="replace"),
        timed_out=timed_out,
        seconds=time.monotonic() - started,
    )


def _communicate(process: subprocess.Popen[bytes], limits: Limits) -> tuple[bytes, bytes]:
    # Close stdin so the program reads EOF, then collect its output within the wall limit.
    assert process.stdin is not None
    try:
        process.stdin.close()
    except BrokenPipeError:
        pass
    process.stdin = None
    return process.communicate(timeout=limits.wall_seconds)


@functools.cache
def sandbox_problem() -> str | None:
    """Say why the jail cannot run here, or None when it can (probed once per process)."""
    try:
        result = run_python({"probe.py": "print('ok')"}, "probe.py", Limits(wall_seconds=20))
    except (SandboxUnavailable, OSError) as err:
        return str(err)
    if result.stdout.strip() != "ok":
        detail = (result.stderr.strip().splitlines() or [f"exit code {result.returncode}"])[-1]
        return f"the sandboxed interpreter did not start: {detail}"
    return None


# Spares first, then the control groups their deaths leave behind.
atexit.register(remove_cgroups, [], 2.0)
atexit.register(drop_spares)
