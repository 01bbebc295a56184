"""Witness results on disk, keyed by everything that can change them.

The key is a sha256 over: the witness's path and source, the requested checks, its limits, the
Python version, the versions of numpy, matplotlib and every other third-party top-level module
the witness imports (found by parsing its import statements), and a digest of this package's own
code (a change to the sandbox or the SVG settings must re-run everything). A demo render (a job
with `demo`) adds its storyboard and a digest of the demo renderer and library.

Only the build process writes entries (the witness jail cannot see this folder), each under the
key of the job the build sent.

Which results are kept: `ok`, `error` and `output-limit`. The same input fails the same way again,
so re-running a known failure would only slow every build. Not kept: `timeout` and `killed`, which
depend on the machine at that moment (a loaded CI runner, the OOM killer, a worker that died), so
the next build tries again rather than freezing a transient failure.

Entries are single JSON files replaced atomically; anything unreadable is treated as missing.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import json
import logging
import os
import platform
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from continuous_function.pysource import parse
from continuous_function.witness.job import WitnessJob, WitnessResult

FORMAT = 1
CACHEABLE = frozenset({"ok", "error", "output-limit"})
PRELOADED = ("numpy", "matplotlib")
"""Imported by the worker for every witness, so their versions always count."""

log = logging.getLogger(__name__)


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format: int
    result: WitnessResult


def cache_key(job: WitnessJob) -> str:
    material = {
        "path": str(job.path),
        "source": job.source,
        "checks": list(job.checks),
        "limits": [
            job.timeout,
            job.wall_s,
            job.memory_mb,
            job.max_output,
            job.disk_mb,
            job.processes,
        ],
        "python": f"{platform.python_implementation()} {sys.version} {platform.machine()}",
        "libraries": library_versions(job.source),
        "harness": _harness_digest(),
        "demo": None if job.demo is None else [job.demo.model_dump(mode="json"), _demo_digest()],
    }
    text = json.dumps(material, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def library_versions(source: str) -> dict[str, str]:
    names = (set(PRELOADED) | imported_modules(source)) - set(sys.stdlib_module_names)
    providers = _providers()
    return {
        name: ",".join(sorted(f"{d}=={_version(d)}" for d in providers.get(name, ()))) or "missing"
        for name in sorted(names - {"__future__"})
    }


@functools.lru_cache(maxsize=1024)
def imported_modules(source: str) -> frozenset[str]:
    """Top-level names of absolute imports anywhere in the file (inside functions too)."""
    try:
        tree = parse(source)
    except SyntaxError:
        return frozenset()
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return frozenset(names)


@functools.cache
def _providers() -> dict[str, list[str]]:
    return dict(metadata.packages_distributions())


@functools.cache
def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "missing"


@functools.cache
def _harness_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@functools.cache
def _demo_digest() -> str:
    """A demo render depends on the renderer and the portable library too."""
    digest = hashlib.sha256()
    demo = Path(__file__).parents[1] / "demo"
    for path in sorted([*demo.glob("*.py"), *demo.glob("lib/*.py")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def load(cache_dir: Path, key: str) -> WitnessResult | None:
    try:
        entry = _Entry.model_validate_json((cache_dir / f"{key}.json").read_bytes())
    except (OSError, ValidationError, ValueError):
        return None
    return entry.result if entry.format == FORMAT else None


def store(cache_dir: Path, key: str, result: WitnessResult) -> None:
    """Write atomically (temp file + rename): a build killed mid-write leaves no half entry.

    A cache that cannot be written only costs time, so failures are logged, not raised.
    """
    if result.status not in CACHEABLE:
        return
    entry = _Entry(format=FORMAT, result=result.model_copy(update={"cached": False}))
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".tmp-", suffix=".json")
        try:
            os.fchmod(fd, 0o644)  # mkstemp's 0600 would hide a shared CI cache from other users
            with os.fdopen(fd, "wb") as f:
                f.write(entry.model_dump_json().encode())
            os.replace(tmp, cache_dir / f"{key}.json")
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError as exc:
        log.warning("witness cache not written (%s): %s", cache_dir, exc)
