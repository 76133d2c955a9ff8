"""The sandbox's first process: build a private filesystem, drop to a scratch uid, then run.

`objectives.sandbox` starts this file as root under `unshare` (new mount, pid, network, IPC
and UTS namespaces), so it is process 1 of a pid namespace: when it ends, the kernel kills
every process the untrusted code started. It imports only the standard library.

It reads one line of JSON configuration from stdin, then builds a new root on a tmpfs that
holds read-only binds of the system and interpreter directories, a few device nodes, a fresh
/proc, and one writable, empty, size-capped folder `/work`; changes root into it; sets the
resource limits; drops to the scratch uid with no supplementary groups, no capabilities and
no way to gain privileges. Then either it execs a program (mode "run") or it becomes the
server of one function (mode "serve"): the code is loaded once, and each request line on
stdin is a call whose arguments and result cross as `wire` messages on a private descriptor,
while the code's own stdin, stdout and stderr are /dev/null.
"""

import ctypes
import importlib.util
import json
import os
import platform
import resource
from typing import Any

MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 32, 4096, 16384, 1 << 18
PR_SET_NO_NEW_PRIVS = 38
NEW_ROOT = "/tmp"  # hidden in this mount namespace by the tmpfs mounted over it
SYSTEM_DIRS = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"]
SYSTEM_FILES = ["/etc/ld.so.cache", "/etc/localtime"]
DEVICES = ["null", "zero", "random", "urandom"]

_libc = ctypes.CDLL(None, use_errno=True)

# Syscalls the code may not make, by machine: kernel keys (they outlive the jail and other
# jails can read them), io_uring, memfd and SysV shared memory (memory no rlimit counts),
# userfaultfd, bpf and perf events. Any other ABI (32-bit calls on a 64-bit kernel, x32) is
# refused whole.
_DENIED = {
    "x86_64": (0xC000003E, [248, 249, 250, 425, 426, 427, 319, 29, 323, 321, 298]),
    "aarch64": (0xC00000B7, [217, 218, 219, 425, 426, 427, 279, 194, 282, 280, 241]),
}
PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 22, 2


class _SockFilter(ctypes.Structure):
    _fields_ = [
        ("code", ctypes.c_ushort),
        ("jt", ctypes.c_ubyte),
        ("jf", ctypes.c_ubyte),
        ("k", ctypes.c_uint),
    ]


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_SockFilter))]


def seccomp_program(arch: int, denied: list[int]) -> list[tuple[int, int, int, int]]:
    """A classic-BPF seccomp filter: EPERM for the denied syscalls and foreign ABIs."""
    load, jeq, jge, ret = 0x20, 0x15, 0x35, 0x06
    allow, refuse = 0x7FFF0000, 0x00050000 | 1  # SECCOMP_RET_ALLOW, SECCOMP_RET_ERRNO|EPERM
    n = len(denied)
    program = [
        (load, 0, 0, 4),  # seccomp_data.arch
        (jeq, 0, n + 3, arch),
        (load, 0, 0, 0),  # seccomp_data.nr
        (jge, n + 1, 0, 0x40000000),  # the x32 ABI's numbers
    ]
    program += [(jeq, n - i, 0, number) for i, number in enumerate(denied)]
    return [*program, (ret, 0, 0, allow), (ret, 0, 0, refuse)]


def _install_seccomp() -> None:
    machine = platform.machine()
    if machine not in _DENIED:
        return  # no table for this machine: the other layers still hold
    program = seccomp_program(*_DENIED[machine])
    filters = (_SockFilter * len(program))(*[_SockFilter(*op) for op in program])
    fprog = _SockFprog(len(program), filters)
    if _libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_SECCOMP) failed")


def _mount(source: str | None, target: str, fstype: str | None, flags: int, data: str = "") -> None:
    def raw(text: str | None) -> bytes | None:
        return text.encode() if text else None

    if _libc.mount(raw(source), raw(target), raw(fstype), flags, raw(data)) != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"mount {target}: {os.strerror(errno)}")


def _bind_read_only(path: str) -> None:
    inside = NEW_ROOT + path
    if os.path.islink(path):
        os.makedirs(os.path.dirname(inside), exist_ok=True)
        os.symlink(os.readlink(path), inside)
        return
    if os.path.isdir(path):
        os.makedirs(inside, exist_ok=True)
    else:
        os.makedirs(os.path.dirname(inside), exist_ok=True)
        open(inside, "w").close()
    _mount(path, inside, None, MS_BIND | MS_REC)


def _read_only_everywhere_but(writable: set[str]) -> None:
    # Every mount under the new root (submounts of the binds included) becomes read-only and
    # ignores set-uid bits and device files; only the work folder and the device nodes stay.
    with open("/proc/self/mountinfo", encoding="utf-8") as table:
        points = [line.split()[4] for line in table]
    for point in sorted(set(points), key=len, reverse=True):
        point = point.encode().decode("unicode_escape")  # mountinfo escapes spaces as \040
        if not point.startswith(NEW_ROOT + "/") or point in writable:
            continue
        if not os.path.lexists(point):  # a host mount the new root's tmpfs hides
            continue
        flags = MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV
        _mount(None, point, None, flags)
    _mount(None, NEW_ROOT, None, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV)


def build_root(config: dict[str, Any]) -> None:
    """Assemble the new root under NEW_ROOT and change root into it, still as root."""
    uid = int(config["uid"])
    for group in config.get("cgroups", []):
        # Before any code runs: every process the code starts is counted against the jail's
        # memory and process limits, shared memory included.
        with open(os.path.join(group, "cgroup.procs"), "w") as procs:
            procs.write("0")
    _mount(None, "/", None, MS_REC | MS_PRIVATE)
    _mount("none", NEW_ROOT, "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=0755")
    bound: list[str] = []
    for path in [*SYSTEM_DIRS, *config["prefixes"], *SYSTEM_FILES]:
        if os.path.lexists(path) and not any(path.startswith(b + "/") for b in bound):
            _bind_read_only(path)
            bound.append(path)
    os.makedirs(NEW_ROOT + "/dev")
    for name in DEVICES:
        node = f"{NEW_ROOT}/dev/{name}"
        open(node, "w").close()
        _mount(f"/dev/{name}", node, None, MS_BIND)
    os.makedirs(NEW_ROOT + "/proc")
    _mount("proc", NEW_ROOT + "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    os.makedirs(NEW_ROOT + "/work")
    size = int(config["limits"]["work_bytes"])
    options = f"size={size},mode=0700,uid={uid},gid={uid}"
    _mount("none", NEW_ROOT + "/work", "tmpfs", MS_NOSUID | MS_NODEV, options)
    os.symlink("/work", NEW_ROOT + "/tmp")
    writable = {NEW_ROOT + "/work", NEW_ROOT + "/proc"}
    writable |= {f"{NEW_ROOT}/dev/{name}" for name in DEVICES}
    _read_only_everywhere_but(writable)
    os.chroot(NEW_ROOT)
    os.chdir("/work")


def drop_privileges(config: dict[str, Any]) -> None:
    """Set the limits, then become the scratch uid for good, unable to regain anything."""
    limits, uid = config["limits"], int(config["uid"])
    resource.setrlimit(resource.RLIMIT_CPU, (limits["cpu_seconds"], limits["cpu_seconds"] + 1))
    for kind, value in [
        (resource.RLIMIT_AS, limits["memory_bytes"]),
        (resource.RLIMIT_FSIZE, limits["file_bytes"]),
        (resource.RLIMIT_NPROC, limits["processes"]),
        (resource.RLIMIT_NOFILE, 64),
        (resource.RLIMIT_CORE, 0),
    ]:
        resource.setrlimit(kind, (value, value))
    os.setgroups([])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)  # leaving uid 0 clears every capability
    if _libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")
    _install_seccomp()
    if os.getuid() != uid or os.geteuid() != uid or os.getgroups():
        raise OSError("the privilege drop did not take")
    os.environ.clear()
    os.environ.update(PATH="/usr/bin:/bin", HOME="/work", TMPDIR="/work", LANG="C.UTF-8")


def _short_error(err: BaseException) -> str:
    return f"{type(err).__name__}: {err}".strip()[:300]


def _builtin_base(err: BaseException) -> str:
    # Tests may expect an exception (`except ValueError:`); the grader re-raises its nearest
    # builtin class, since the code's own classes cannot cross.
    return next(k.__name__ for k in type(err).__mro__ if k.__module__ == "builtins")


def serve(config: dict[str, Any], wire: Any, requests: Any) -> None:
    """Load the code, then answer calls until stdin closes."""
    replies = os.dup(1)
    quiet = os.open("/dev/null", os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(quiet, fd)

    def send(message: dict[str, Any]) -> None:
        data = wire.dumps(message)
        while data:
            data = data[os.write(replies, data) :]

    namespace: dict[str, Any] = {"__name__": "candidate"}
    try:
        exec(compile(config["code"], "candidate.py", "exec"), namespace)
        function = namespace[config["entry_point"]]
    except KeyError:
        send({"load_error": f"the code defines no function named {config['entry_point']}"})
        return
    except BaseException as err:  # noqa: BLE001 - untrusted code may raise anything
        send({"load_error": "loading the code failed: " + _short_error(err)})
        return
    send({"ready": True})
    for line in requests:
        request = wire.loads(line)
        reply: dict[str, Any] = {"id": request["id"]}
        try:
            value = function(*wire.decode(request["args"]), **wire.decode(request["kwargs"]))
            reply["ok"] = wire.encode(value)
        except wire.NotPlainData as err:
            reply["error"] = f"the return value is not plain data ({err})"
        except BaseException as err:  # noqa: BLE001 - untrusted code may raise anything
            reply["error"] = _short_error(err)
            reply["raised"] = _builtin_base(err)
        try:
            send(reply)
        except (ValueError, RecursionError) as err:  # too big or deep to write as JSON
            send({"id": request["id"], "error": f"the return value cannot be sent: {err}"})


def write_files(files: dict[str, str]) -> None:
    """Write the job's files into the work folder (as the scratch uid, which owns it)."""
    for name, content in files.items():
        with open(os.path.join("/work", os.path.basename(name)), "w", encoding="utf-8") as out:
            out.write(content)


def main() -> None:
    """Build the jail from the first line, drop privileges, then run or serve the second.

    The jail is built before its job arrives, so a grader can keep one ready while it
    grades the last answer; the job (the code, or the files and command) is the second line.
    """
    requests = os.fdopen(os.dup(0), "rb")
    config = json.loads(requests.readline())
    spec = importlib.util.spec_from_file_location("hh_wire", config["wire"])
    assert spec is not None and spec.loader is not None
    wire = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(wire)
    build_root(config)
    drop_privileges(config)
    line = requests.readline()
    if not line:
        return  # a spare jail that was never used
    job = json.loads(line)
    if job["mode"] == "run":
        write_files(job.get("files", {}))
        requests.close()
        os.execv(job["argv"][0], job["argv"])
    serve(job, wire, requests)


if __name__ == "__main__":
    main()
