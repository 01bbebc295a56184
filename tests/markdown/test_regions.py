from __future__ import annotations

from pathlib import Path

import pytest

from continuous_function.markdown import RegionError, extract_region

WITNESS = (Path(__file__).parent / "regions" / "witness.py").read_text(encoding="utf-8")


def test_named_region_is_dedented_without_markers() -> None:
    assert extract_region(WITNESS, "derivative") == (
        "def derivative(f, x, h=EPS):\n    return (f(x + h) - f(x - h)) / (2 * h)\n"
    )


def test_nested_regions_drop_inner_markers_and_dedent() -> None:
    assert extract_region(WITNESS, "check") == (
        "slope = derivative(lambda x: x * x, 3.0)\n"
        "tolerance = 1e-6\n"
        "assert abs(slope - 6.0) < tolerance\n"
    )
    assert extract_region(WITNESS, "tolerance") == "tolerance = 1e-6\n"


def test_whole_file_without_markers() -> None:
    whole = extract_region(WITNESS, None)
    assert "# region" not in whole and "# endregion" not in whole
    assert whole.startswith('"""Derivatives, numerically."""\n\nEPS = 1e-6\n\n\ndef derivative(')
    assert whole.count("\n") == WITNESS.count("\n") - 6


def test_missing_region_names_the_ones_that_exist() -> None:
    with pytest.raises(RegionError) as caught:
        extract_region(WITNESS, "derivatve")
    message = str(caught.value)
    assert "no region 'derivatve'" in message
    assert "regions: check, derivative, tolerance" in message
    assert "# region: derivatve" in message
    assert caught.value.line is None


@pytest.mark.parametrize(
    ("source", "line", "says"),
    [
        ("a = 1\n# region: x\nb = 2\n", 2, "'x' is never closed"),
        ("a = 1\n# endregion\n", 2, "no matching '# region: <name>'"),
        ("# region: x\n# endregion\n# region: x\n# endregion\n", 3, "'x' is defined twice"),
        ("# region: x\n# region: y\n# endregion: x\n# endregion\n", 3, "closes region 'y'"),
    ],
)
def test_malformed_markers_are_located(source: str, line: int, says: str) -> None:
    with pytest.raises(RegionError, match=says) as caught:
        extract_region(source, "x")
    assert caught.value.line == line


def test_region_error_is_a_value_error() -> None:
    """The site turns ValueError from extract_region into a P009 problem."""
    assert issubclass(RegionError, ValueError)
