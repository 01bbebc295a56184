"""Run code witnesses in isolated processes and cache their results.

    results = run_witnesses(jobs, cache_dir)   # dict[job.key, WitnessResult]

Each witness runs in a child forked from one warm worker process (numpy and matplotlib already
imported). The worker lives in a bubblewrap jail, and each child gets its own user, mount, PID
and network namespaces, a private size-capped /tmp, a minimal environment and kernel resource
limits (CPU time first, a wall-clock backstop second); docs/trust.md has the whole trust model.
A failing witness never raises here: its result carries a status and the line in witness.py.
Module map:

- `job`      the models: WitnessJob in, WitnessResult (ErrorInfo, CheckResult) out
- `run`      `run_witnesses`: cache first, worker for the rest
- `cache`    content-hash keys and atomic JSON entries (what is cached and why)
- `pool`     the build process's handle on the worker (`WitnessWorker`)
- `worker`   the warm worker: fork per witness, deadlines, collection
- `child`    one witness process from fork to exit
- `jail`     the bubblewrap command the worker starts in (or why there is none here)
- `namespaces` one witness's own namespaces inside the jail
- `sandbox`  environment, resource limits, network isolation without a jail
- `harness`  module, checks and errors inside the child
- `figures`  matplotlib preload and byte-stable SVG capture
- `outcome`  exit status, output sizes and stack dump → WitnessResult
"""

from continuous_function.witness.cache import cache_key
from continuous_function.witness.job import (
    CheckResult,
    DemoOutput,
    DemoRequest,
    ErrorInfo,
    Isolation,
    Status,
    WitnessJob,
    WitnessResult,
)
from continuous_function.witness.pool import WitnessWorker
from continuous_function.witness.run import run_witnesses
from continuous_function.witness.sandbox import NetworkMode

__all__ = [
    "CheckResult",
    "DemoOutput",
    "DemoRequest",
    "ErrorInfo",
    "Isolation",
    "NetworkMode",
    "Status",
    "WitnessJob",
    "WitnessResult",
    "WitnessWorker",
    "cache_key",
    "run_witnesses",
]
