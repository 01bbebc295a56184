"""numpy and matplotlib set up once in the warm image; figures captured as byte-stable SVG.

Builds must be byte-identical, so the SVG writer gets a fixed hash salt (it seeds element ids)
and no date or creator metadata. Text stays text (`svg.fonttype: none`): an order of magnitude
smaller than glyph paths, and the page's own fonts render it.
"""

from __future__ import annotations

import io
import warnings
from typing import Any

SVG_RC: dict[Any, Any] = {"svg.hashsalt": "continuous-function", "svg.fonttype": "none"}
_METADATA = {"Date": None, "Creator": None}


def preload() -> None:
    """Import numpy and pyplot before forking, so each witness starts in milliseconds."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot
    import numpy

    numpy.random.seed(0)  # the first seeding builds the global state: ~15 ms, paid once here
    matplotlib.rcParams.update(SVG_RC)
    # `plt.show()` is normal in a witness; under Agg it only warns, which would clutter stderr.
    warnings.filterwarnings("ignore", message=".*non-interactive.*", category=UserWarning)
    _warm_up()


def _warm_up() -> None:
    """Draw one throwaway figure so every child inherits loaded fonts and a built mathtext parser.

    Matplotlib builds these lazily, per process; without this every figure witness paid ~0.4 s
    for work that forking can share. (Parsed labels themselves sit in a 50-entry LRU, so
    pre-parsing common tick labels does not survive a log-axis figure; not worth trying.)
    """
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.loglog([1e-3, 1.0], [1e-3, 1.0], label="$h^2$")
    ax.set_title("warm-up $\\frac{a}{b}$")
    ax.legend()
    fig.tight_layout()
    fig.savefig(io.StringIO(), format="svg")
    plt.close(fig)


def capture_svgs() -> tuple[str, ...]:
    """Every open figure, in figure-number order, then closed (checks must not redraw them)."""
    import matplotlib
    import matplotlib.pyplot as plt

    numbers = plt.get_fignums()
    if not numbers:
        return ()
    svgs = []
    # Re-applied here: a witness may have called `rcdefaults()` or a style that resets the salt.
    with matplotlib.rc_context(SVG_RC):
        for number in numbers:
            buf = io.StringIO()
            plt.figure(number).savefig(buf, format="svg", metadata=_METADATA)
            svgs.append(buf.getvalue())
    plt.close("all")
    return tuple(svgs)
