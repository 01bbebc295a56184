"""The worker's wire format: one JSON object per line each way, matched by id not by order,
because with several children running, results come back in the order witnesses finish."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from continuous_function.witness.job import WitnessJob, WitnessResult

Mode = Literal["fork", "spawn"]
"""`fork` is the product; `spawn` (a fresh interpreter per witness, same sandbox) exists so the
benchmark can measure what forking saves. In `spawn` the timeout also covers start-up."""

KILL_GRACE_S = 0.5
"""Between the SIGTERM at the timeout (the child dumps its stack and dies) and a SIGKILL."""


class Request(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: int
    job: WitnessJob


class Response(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: int
    result: WitnessResult
