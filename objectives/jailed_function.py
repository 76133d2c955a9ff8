"""A function of untrusted code, living in a jail, called from the grader with data only.

The grader never shares an interpreter with the code. Each call sends its arguments as one
`wire` message and reads back one message carrying a plain value or an error; nothing else
crosses. Whatever the code does (exit, hang, crash, print, patch its interpreter, spawn
threads, register exit hooks, forge replies) it can only fail or answer its own calls: a call
that times out, or whose process dies or floods the channel, fails, and the next call gets a
fresh jail.
"""

from __future__ import annotations

import builtins
import os
import select
import subprocess
import time
from typing import Any

from objectives import wire
from objectives.sandbox import Limits, launch, signal_name, stop

# A jail that keeps dying is not restarted forever: the rest of its calls fail at once.
MAX_RESTARTS = 5
DEFAULT_LIMITS = Limits()


class CallFailed(Exception):
    """One call of the jailed function did not return a plain value; the reason says why."""


def _raised(reply: dict[str, Any]) -> Exception:
    # The code's exception, as the builtin class it reported, so a test that expects
    # `ValueError` sees one; anything else (a non-exception, StopIteration, SystemExit) is a
    # failed call.
    message = str(reply["error"])[:300]
    kind = getattr(builtins, str(reply.get("raised")), None)
    if (
        isinstance(kind, type)
        and issubclass(kind, Exception)
        and not issubclass(kind, StopIteration | StopAsyncIteration)
    ):
        try:
            return kind(message.removeprefix(f"{kind.__name__}:").strip())
        except Exception:  # noqa: BLE001 - a builtin that needs other arguments
            pass
    return CallFailed(message)


class JailedFunction:
    """`entry_point` of `code`, loaded in a jail and called as `function(*args, **kwargs)`.

    Args:
        code: The untrusted program that defines the function.
        entry_point: The function's name.
        limits: Limits of each jail process.
        call_seconds: Wall time allowed for one call (and for loading the code).
        budget_seconds: Wall time allowed for all calls together; later calls fail at once.
        reply_bytes: The most a reply may hold; a bigger one fails its call.
    """

    def __init__(
        self,
        code: str,
        entry_point: str,
        limits: Limits = DEFAULT_LIMITS,
        call_seconds: float = 2.0,
        budget_seconds: float = 20.0,
        reply_bytes: int = 1024 * 1024,
    ) -> None:
        self.code, self.entry_point, self.limits = code, entry_point, limits
        self.call_seconds, self.reply_bytes = call_seconds, reply_bytes
        self.deadline = time.monotonic() + budget_seconds
        self.load_error: str | None = None
        self.restarts = 0
        self._jail: tuple[subprocess.Popen[bytes], int] | None = None
        self._buffer = b""
        self._calls = 0

    def __enter__(self) -> JailedFunction:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """End the jail and every process in it."""
        if self._jail is not None:
            stop(*self._jail)
            self._jail = None
        self._buffer = b""

    def start(self) -> None:
        """Start the jail and load the code, recording why if it does not load.

        Raises:
            SandboxUnavailable: The jail cannot be built on this machine.
        """
        self.close()
        self._jail = launch("serve", self.limits, code=self.code, entry_point=self.entry_point)
        try:
            hello = self._read(lambda m: "ready" in m or "load_error" in m)
        except CallFailed as err:
            self.load_error = f"loading the code failed: {err}"
        else:
            # Whatever the jail sends is the code's to forge: only a short string is kept.
            said = hello.get("load_error") if "ready" not in hello else None
            self.load_error = None if said is None else str(said)[:300]
        if self.load_error is not None:
            self.close()

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Call the function with plain data; return its plain result.

        Raises:
            CallFailed: The code failed to load, raised, returned something other than plain
                data, died, hung, or flooded the channel.
        """
        if self.load_error is not None:
            raise CallFailed(self.load_error)
        if time.monotonic() >= self.deadline:
            raise CallFailed("the time for all calls is used up")
        if self._jail is None:
            if self.restarts >= MAX_RESTARTS:
                raise CallFailed(f"the code's process died {MAX_RESTARTS} times; no more calls")
            self.restarts += self._calls > 0
            self.start()
            if self.load_error is not None:
                raise CallFailed(self.load_error)
        self._calls += 1
        call_id = self._calls
        try:
            request = {"id": call_id, "args": wire.encode(args), "kwargs": wire.encode(kwargs)}
        except wire.NotPlainData as err:
            raise CallFailed(f"the test's arguments are not plain data ({err})") from err
        try:
            self._send(wire.dumps(request))
            reply = self._read(lambda m: m.get("id") == call_id)
        except CallFailed:
            self.close()  # a jail in an unknown state is not reused
            raise
        if "error" in reply:
            raise _raised(reply)
        try:
            return wire.decode(reply.get("ok"))
        except wire.NotPlainData as err:
            raise CallFailed(f"the reply is not plain data ({err})") from err

    def _send(self, data: bytes) -> None:
        assert self._jail is not None and self._jail[0].stdin is not None
        try:
            self._jail[0].stdin.write(data)
            self._jail[0].stdin.flush()
        except (BrokenPipeError, OSError) as err:
            raise CallFailed(self._death()) from err

    def _read(self, wanted: Any) -> dict[str, Any]:
        # Lines that are not the awaited message (noise, stale or forged ids) are skipped; the
        # bytes read for one call are capped, so a flood fails the call instead of the grader.
        assert self._jail is not None and self._jail[0].stdout is not None
        stream = self._jail[0].stdout.fileno()
        limit = min(time.monotonic() + self.call_seconds, self.deadline)
        taken = 0
        while True:
            while b"\n" in self._buffer:
                line, self._buffer = self._buffer.split(b"\n", 1)
                try:
                    message = wire.loads(line)
                except wire.NotPlainData:
                    continue
                if wanted(message):
                    return message
            if taken > self.reply_bytes:
                raise CallFailed(f"the reply was larger than {self.reply_bytes} bytes")
            remaining = limit - time.monotonic()
            if remaining <= 0:
                raise CallFailed(f"timed out after {self.call_seconds:g}s")
            ready, _, _ = select.select([stream], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(stream, 65536)
            if not chunk:
                raise CallFailed(self._death())
            taken += len(chunk)
            self._buffer += chunk

    def _death(self) -> str:
        assert self._jail is not None
        process = self._jail[0]
        try:
            code = process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            return "the code closed its channel"
        limit = {"SIGXCPU": "the CPU-time limit", "SIGXFSZ": "the file-size limit"}
        name = signal_name(code)
        if name is not None:
            return f"the code's process was killed by {name}" + (
                f" ({limit[name]})" if name in limit else ""
            )
        note = ""
        if process.stderr is not None and select.select([process.stderr], [], [], 0)[0]:
            lines = (
                os.read(process.stderr.fileno(), 4000).decode(errors="replace").strip().splitlines()
            )
            note = lines[-1][:200] if lines else ""
        return f"the code's process ended (exit code {code}) {note}".strip()
