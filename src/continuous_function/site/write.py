"""Write the site: atomically for `cfn build`, in place (changed files only) for `cfn serve`.

Either way every byte is computed before anything is written, so a failed build leaves the
previous site untouched.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import threading
from collections.abc import Mapping
from pathlib import Path

_WRITTEN: dict[Path, dict[str, str]] = {}
"""What this process last wrote to each output folder (path → content hash)."""


def write_site(out: Path, files: Mapping[str, bytes]) -> None:
    """Write every file into a sibling temp dir, then swap it in place of `out`."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    try:
        for rel, data in sorted(files.items()):
            target = tmp / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent)) / "site"
    if out.exists():
        os.replace(out, old)
    os.replace(tmp, out)
    _WRITTEN[out] = _hashes(files)
    # Deleting the old tree is slow on some file systems and nothing waits for it.
    threading.Thread(
        target=shutil.rmtree,
        args=(old.parent,),
        kwargs={"ignore_errors": True},
        name="cfn-remove-old-site",
    ).start()


def sync_site(out: Path, files: Mapping[str, bytes]) -> list[str]:
    """Bring `out` to exactly `files`, touching only what changed since this process last wrote
    it (each file replaced atomically). Falls back to `write_site` the first time."""
    out = out.resolve()
    before = _WRITTEN.get(out)
    if before is None or not out.is_dir():
        write_site(out, files)
        return sorted(files)
    after = _hashes(files)
    changed = [rel for rel, digest in after.items() if before.get(rel) != digest]
    for rel in changed:
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_bytes(files[rel])
        os.replace(tmp, target)
    for rel in set(before) - set(after):
        (out / rel).unlink(missing_ok=True)
    _WRITTEN[out] = after
    return changed


def _hashes(files: Mapping[str, bytes]) -> dict[str, str]:
    return {rel: hashlib.blake2b(data, digest_size=16).hexdigest() for rel, data in files.items()}
