"""Run untrusted Python in a contained subprocess: no network, a throwaway uid, hard limits."""

from __future__ import annotations

import functools
import os
import resource
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


class SandboxUnavailable(RuntimeError):
    """The sandbox cannot be built on this machine; the code must not run at all."""


@dataclass(frozen=True)
class Limits:
    """Resource limits for one sandboxed run."""

    cpu_seconds: int = 10
    wall_seconds: float = 15.0
    memory_bytes: int = 512 * 1024 * 1024
    processes: int = 16
    file_bytes: int = 8 * 1024 * 1024
    output_bytes: int = 64 * 1024


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
        if self.returncode is not None and self.returncode < 0:
            return signal.Signals(-self.returncode).name
        return None


@functools.cache
def sandbox_problem() -> str | None:
    """Say why the sandbox cannot run here, or None when it can.

    Network isolation needs `unshare --net`, dropping privileges needs `setpriv` (as root),
    and the scratch uid must be able to start the interpreter; all are probed once per
    process by starting the interpreter exactly as a sandboxed run would.
    """
    unshare = shutil.which("unshare")
    if unshare is None:
        return "`unshare` is not installed, so the code cannot be cut off from the network"
    try:
        drop = _drop_privileges(_scratch_uid())
    except SandboxUnavailable as err:
        return str(err)
    probe = [unshare, "--net", *drop, _interpreter(), "-I", "-c", "pass"]
    try:
        result = subprocess.run(probe, capture_output=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired) as err:
        return f"`unshare --net` failed: {err}"
    if result.returncode != 0:
        detail = result.stderr.decode(errors="replace").strip()
        return f"the sandboxed interpreter did not start ({' '.join(probe[:2])}): {detail}"
    return None


def _interpreter() -> str:
    # The base interpreter in isolated mode: the sandbox sees the standard library only,
    # not this project's environment.
    return os.path.realpath(sys.executable)


def _scratch_uid() -> int:
    # A uid no account uses: process limits then count only this run's processes, and the
    # program can write nowhere but its own directory.
    return 200_000 + secrets.randbelow(800_000)


def _drop_privileges(uid: int) -> list[str]:
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        raise SandboxUnavailable("`setpriv` is not installed, so the code would run as root")
    return [
        setpriv,
        f"--reuid={uid}",
        f"--regid={uid}",
        "--clear-groups",
        "--inh-caps=-all",
        "--bounding-set=-all",
    ]


def _apply_limits(limits: Limits) -> None:
    def set_limit(kind: int, value: int) -> None:
        resource.setrlimit(kind, (value, value))

    # The soft CPU limit sends SIGXCPU, so a report can name the limit; the hard one kills.
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1))
    set_limit(resource.RLIMIT_AS, limits.memory_bytes)
    set_limit(resource.RLIMIT_FSIZE, limits.file_bytes)
    set_limit(resource.RLIMIT_NPROC, limits.processes)
    set_limit(resource.RLIMIT_CORE, 0)


def _kill_uid(uid: int) -> None:
    # Escaped children (double fork, setsid) share the scratch uid, so sweep by owner.
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if entry.stat().st_uid == uid:
                os.kill(int(entry.name), signal.SIGKILL)
        except (OSError, ValueError):
            continue


def run_python(
    files: dict[str, str], main: str, limits: Limits = Limits(), args: list[str] | None = None
) -> RunResult:
    """Run `python main` over the given files in a fresh temporary directory, contained.

    Args:
        files: File name to content, written into the temporary directory.
        main: The file to run.
        limits: CPU, wall, memory, process and file-size limits.
        args: Extra command-line arguments for the program.

    Returns:
        The exit status, the (truncated) output, and whether the wall-time limit struck.

    Raises:
        SandboxUnavailable: The network namespace or privilege drop is not available; nothing ran.
    """
    problem = sandbox_problem()
    if problem is not None:
        raise SandboxUnavailable(problem)
    uid = _scratch_uid()
    with tempfile.TemporaryDirectory(prefix="hh-sandbox-") as workdir:
        for name, content in files.items():
            Path(workdir, name).write_text(content, encoding="utf-8")
        if os.geteuid() == 0:
            os.chown(workdir, uid, uid)
        command = [
            "unshare",
            "--net",
            *_drop_privileges(uid),
            _interpreter(),
            "-I",
            main,
            *(args or []),
        ]
        env = {"PATH": "/usr/bin:/bin", "HOME": workdir, "TMPDIR": workdir, "LANG": "C.UTF-8"}
        started = time.monotonic()
        process = subprocess.Popen(
            command,
            cwd=workdir,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
            preexec_fn=lambda: _apply_limits(limits),
        )
        timed_out = False
        try:
            stdout, stderr = process.communicate(timeout=limits.wall_seconds)
        except subprocess.TimeoutExpired:
            timed_out = True
            os.killpg(process.pid, signal.SIGKILL)
            stdout, stderr = process.communicate()
        finally:
            if os.geteuid() == 0:
                _kill_uid(uid)
        elapsed = time.monotonic() - started
    cap = limits.output_bytes
    return RunResult(
        returncode=None if timed_out else process.returncode,
        stdout=stdout[:cap].decode("utf-8", errors="replace"),
        stderr=stderr[-cap:].decode("utf-8", errors="replace"),
        timed_out=timed_out,
        seconds=elapsed,
    )
