"""The worker's wire format: one JSON object per line each way, matched by id not by order,
because with several children running, results come back in the order witnesses finish."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from continuous_function.witness.job import WitnessJob, WitnessResult


class Request(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: int
    job: WitnessJob


class Response(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: int
    result: WitnessResult
