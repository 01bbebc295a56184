"""Hostile witnesses against the jail: each tries one escape from issue 13 and reports what it
managed; the test checks the host side too (files, processes), never only the witness's word.

Loopback-only and bounded: every witness has a CPU limit, a wall-clock backstop and a process
cap, and the host helpers (a listener, a process holding a secret) end with the test.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import continuous_function
from continuous_function.witness import (
    WitnessJob,
    WitnessResult,
    WitnessWorker,
    cache_key,
    run_witnesses,
)

PACKAGE = Path(continuous_function.__file__).parent


@pytest.fixture(scope="module")
def jailed(worker: WitnessWorker) -> WitnessWorker:
    if not worker.jailed:
        pytest.skip("bubblewrap cannot make a jail on this machine (see the worker's warning)")
    return worker


def _run(worker: WitnessWorker, source: str, **fields: object) -> WitnessResult:
    limits = {"timeout": 5.0, "wall_timeout": 30.0} | fields
    job = WitnessJob.model_validate(
        {"key": "hostile", "path": "hostile/witness.py", "source": source, **limits}
    )
    (result,) = worker.run([job])
    assert result.isolation == "jail"
    return result


def _lines(result: WitnessResult) -> list[str]:
    assert result.status == "ok", (result.error, result.stderr)
    return result.stdout.splitlines()


@pytest.fixture
def secret_holder() -> Iterator[tuple[int, str]]:
    """A host process with a secret in its environment, as CI runners have tokens."""
    secret = "cf-secret-" + secrets.token_hex(8)
    env = {"PATH": "/usr/bin:/bin", "CF_DEPLOY_TOKEN": secret}
    proc = subprocess.Popen(["sleep", "60"], env=env)
    yield proc.pid, secret
    proc.kill()
    proc.wait()


def test_no_secret_from_the_environment_or_other_processes(
    jailed: WitnessWorker, secret_holder: tuple[int, str]
) -> None:
    pid, secret = secret_holder
    source = f"""
import os
print("env", any({secret!r} in v for v in os.environ.values()))
found = []
for name in [{str(pid)!r}, "1", "self"] + (os.listdir("/proc") if os.path.isdir("/proc") else []):
    try:
        with open(f"/proc/{{name}}/environ", "rb") as f:
            if {secret!r}.encode() in f.read():
                found.append(name)
    except OSError:
        pass
print("found", found)
"""
    result = _run(jailed, source)
    assert _lines(result) == ["env False", "found []"]
    assert secret not in result.stdout + result.stderr


def test_no_write_outside_its_own_temp_dir(jailed: WitnessWorker, tmp_path: Path) -> None:
    curriculum = tmp_path / "curriculum" / "calculus" / "derivatives"
    curriculum.mkdir(parents=True)
    (curriculum / "page.md").write_text("# Derivatives\n")
    harness = PACKAGE / "witness" / "harness.py"
    refused = [  # visible in the jail, read-only there
        harness,
        PACKAGE / f"cf-escape-{secrets.token_hex(4)}.py",
        Path(sys.prefix) / f"cf-escape-{secrets.token_hex(4)}",
        Path("/etc") / f"cf-escape-{secrets.token_hex(4)}",
    ]
    hidden = [  # not in the jail at all: a write lands in the witness's own /tmp, or nowhere
        curriculum / "page.md",
        Path.home() / f"cf-escape-{secrets.token_hex(4)}",
        Path("/tmp") / f"cf-escape-{secrets.token_hex(4)}",
    ]
    before = {p: p.read_bytes() for p in (harness, curriculum / "page.md")}
    source = f"""
import os
for path in {[str(t) for t in refused + hidden]!r}:
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "a") as f:
            f.write("pwned")
        print("wrote")
    except OSError as exc:
        print("refused")
with open("scratch.txt", "w") as f:  # its own temp dir stays writable
    f.write("fine")
print("scratch", open("scratch.txt").read())
"""
    lines = _lines(_run(jailed, source))
    assert lines[: len(refused)] == ["refused"] * len(refused)
    assert lines[-1] == "scratch fine"
    assert {p: p.read_bytes() for p in before} == before
    assert not any(p.exists() for p in refused[1:] + hidden[1:])


def test_cannot_delete_another_concepts_file(jailed: WitnessWorker, tmp_path: Path) -> None:
    other = tmp_path / "curriculum" / "calculus" / "chain-rule" / "demo.py"
    other.parent.mkdir(parents=True)
    other.write_text("demo = None\n")
    source = f"""
import os, shutil
for attempt in (lambda: os.remove({str(other)!r}), lambda: shutil.rmtree({str(other.parent)!r})):
    try:
        attempt()
        print("deleted")
    except OSError as exc:
        print("refused", type(exc).__name__)
"""
    assert "deleted" not in _lines(_run(jailed, source))
    assert other.read_text() == "demo = None\n"


def _processes_named(tag: str) -> list[int]:
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if tag in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace"):
                found.append(int(pid))
        except OSError:
            pass
    return found


def test_setsid_daemons_do_not_outlive_the_witness(jailed: WitnessWorker) -> None:
    tag = "cf-daemon-" + secrets.token_hex(6)
    source = f"""
import os, subprocess
for _ in range(3):
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            os.execv("/bin/sleep", ["/bin/sleep", "300", {tag!r}])
        os._exit(0)
subprocess.Popen(["/bin/sleep", "300", {tag!r}], start_new_session=True)
print("spawned")
"""
    assert _lines(_run(jailed, source)) == ["spawned"]
    # The witness's PID namespace ended with it, and the kernel kills a namespace's processes
    # before its init is reaped: by the time the result is back there is nothing to wait for.
    assert _processes_named(tag) == []


def test_a_fork_bomb_stops_at_the_process_cap(jailed: WitnessWorker) -> None:
    tag = "cf-bomb-" + secrets.token_hex(6)
    source = f"""
import os, time
started = 0
for _ in range(500):
    try:
        pid = os.fork()
    except OSError:
        break
    if pid == 0:
        os.execv("/bin/sleep", ["/bin/sleep", "300", {tag!r}])
    started += 1
print("started", started)
"""
    (line,) = _lines(_run(jailed, source, processes=16))
    assert 0 < int(line.split()[1]) < 16
    assert _processes_named(tag) == []


def test_cannot_kill_the_worker_or_the_build(jailed: WitnessWorker) -> None:
    source = f"""
import os, signal
print("parent", os.getppid())  # its namespace's init: the worker is not even visible
for target in (os.getppid(), {os.getpid()}, -1):
    try:
        os.kill(target, signal.SIGKILL)
        print(target, "sent")
    except OSError as exc:
        print(target, type(exc).__name__)
print("still here")
"""
    lines = _lines(_run(jailed, source))
    # init ignores the signal; the build's pid names no process there; -1 reaches nobody else
    build = f"{os.getpid()} ProcessLookupError"
    assert lines == ["parent 1", "1 sent", build, "-1 ProcessLookupError", "still here"]
    assert _run(jailed, "print('next')\n").stdout == "next\n"  # the worker is fine


def test_no_host_unix_sockets_loopback_or_setns(jailed: WitnessWorker, tmp_path: Path) -> None:
    path = tmp_path / "host.sock"
    abstract = "\0cf-host-" + secrets.token_hex(4)
    with (
        socket.socket(socket.AF_UNIX) as by_path,
        socket.socket(socket.AF_UNIX) as by_name,
        socket.create_server(("127.0.0.1", 0)) as tcp,
    ):
        by_path.bind(str(path))
        by_name.bind(abstract)
        for s in (by_path, by_name):
            s.listen()
        port = tcp.getsockname()[1]
        source = f"""
import ctypes, os, socket
def attempt(name, fn):
    try:
        fn()
        print(name, "reached")
    except OSError as exc:
        print(name, "refused")
def unix(address):
    with socket.socket(socket.AF_UNIX) as s:
        s.settimeout(2)
        s.connect(address)
def tcp():
    socket.create_connection(("127.0.0.1", {port}), timeout=2).close()
def setns():
    libc = ctypes.CDLL(None, use_errno=True)
    for pid in ("1", str(os.getppid()), {str(os.getpid())!r}):
        try:
            fd = os.open(f"/proc/{{pid}}/ns/net", os.O_RDONLY)
        except OSError:
            continue
        if libc.setns(fd, 0x40000000) == 0:
            return
    raise OSError("no namespace to join")
attempt("path", lambda: unix({str(path)!r}))
attempt("abstract", lambda: unix({abstract!r}))
attempt("tcp", tcp)
attempt("setns", setns)
"""
        lines = _lines(_run(jailed, source))
    assert lines == ["path refused", "abstract refused", "tcp refused", "setns refused"]


def test_total_disk_is_capped_not_just_each_file(jailed: WitnessWorker) -> None:
    source = """
written = 0
for i in range(100):
    try:
        with open(f"f{i}.bin", "wb") as f:
            f.write(b"x" * 150_000)
        written += 150_000
    except OSError:
        break
print("written", written)
"""
    (line,) = _lines(_run(jailed, source, disk_mb=2))
    assert int(line.split()[1]) <= 2 * 2**20


def test_no_privilege_left_to_undo_the_jail(jailed: WitnessWorker) -> None:
    source = """
import ctypes, os
libc = ctypes.CDLL(None, use_errno=True)
print("uid", os.getuid())
print("umount", libc.umount2(b"/tmp", 2))
print("mount", libc.mount(b"none", b"/", None, 0x20 | 0x1000, None))
"""
    lines = _lines(_run(jailed, source))
    assert lines[0] != "uid 0"
    assert lines[1] == "umount -1" and lines[2] == "mount -1"


def test_no_cross_concept_cache_write(jailed: WitnessWorker, tmp_path: Path) -> None:
    """The cache lives outside the jail and only the build writes it, under the key of the job it
    sent: a witness can neither reach another concept's entry nor get its result filed there."""
    cache_dir = tmp_path / "cache"
    chain = WitnessJob(key="calculus/chain-rule", path=Path("chain/witness.py"), source="print(1)")
    run_witnesses([chain], cache_dir, worker=jailed)
    entry = cache_dir / f"{cache_key(chain)}.json"
    before = entry.read_bytes()
    forged = json.dumps({"format": 1, "result": {"key": chain.key, "status": "ok",
                         "stdout": "forged", "stderr": "", "duration_s": 0}})  # fmt: skip
    source = f"""
import os
try:
    with open({str(entry)!r}, "w") as f:
        f.write({forged!r})
    print("wrote")
except OSError:
    print("refused")
"""
    attacker = WitnessJob(key="calculus/derivatives", path=Path("d/witness.py"), source=source)
    results = run_witnesses([attacker], cache_dir, worker=jailed)
    assert results["calculus/derivatives"].stdout == "refused\n"
    assert entry.read_bytes() == before
    again = run_witnesses([chain], cache_dir, worker=jailed)["calculus/chain-rule"]
    assert again.cached and again.stdout == "1\n"
