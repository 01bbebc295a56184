"""Every published demo, over its whole control grid: the answer accepts exactly the options that
are true, and every explanation line says what an independent computation says (the specs in
tests/demo/sweep/; the harness is tests/demo/sweep/harness.py)."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from continuous_function.demo import load_demo

from .sweep.harness import sweep

ROOT = Path(__file__).resolve().parents[2]
SPECS = sorted(p.stem for p in (Path(__file__).parent / "sweep").glob("*.py") if p.stem[0] != "_")
SPECS.remove("harness")


def _demo_path(spec: str) -> Path:
    (path,) = ROOT.glob(f"curriculum/*/{spec.replace('_', '-')}/demo.py")
    return path


@pytest.mark.parametrize("name", SPECS)
def test_sweep(name: str) -> None:
    demo = load_demo(_demo_path(name))
    spec = importlib.import_module(f".sweep.{name}", __package__)
    count, failures = sweep(demo, spec)
    assert count > 0
    assert not failures, f"{len(failures)}+ of {count} states:\n" + "\n".join(map(str, failures))


def test_every_published_demo_has_a_sweep_spec() -> None:
    published = {
        p.parent.name.replace("-", "_")
        for p in ROOT.glob("curriculum/*/*/concept.yaml")
        if "\nstatus: published" in "\n" + p.read_text(encoding="utf-8")
        and (p.parent / "demo.py").exists()
    }
    assert published, "no published concept found"
    assert published <= set(SPECS), (
        f"published demos without a sweep spec: {published - set(SPECS)}"
    )
